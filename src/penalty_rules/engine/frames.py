"""Stage 3 — frame: the fine frame for this offender.

The clause's statement gives a stated range for the facts (per unit, band, point);
the decree's base turns it into this offender's range (½ for an individual when the
amounts are written for organisations, ×2 the other way); the sector maximum caps it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..errors import CaseError
from ..models.assessment import TraceStep
from ..models.citation import Citation
from ..models.common import Localized
from ..models.fine import Band, Bounds, Range
from ..models.offender import FineBase
from ..models.provision import Provision, ProvisionVersion
from ..models.rules import DecreeRules
from .context import Violation
from .memo import law_epoch, remember, table
from .trace import flags_of, step


@dataclass(frozen=True)
class Frame:
    """The frame for one offender; ``range`` is ``None`` when only a warning is imposed."""

    range: Range | None
    warning: bool
    band: Band | None = None
    steps: tuple[TraceStep, ...] = ()

    @property
    def has_fine(self) -> bool:
        """True when the act is fined (not a warning only)."""
        return self.range is not None

    @property
    def min(self) -> int | None:
        """The frame minimum (``None``: warning only)."""
        return None if self.range is None else self.range.min

    @property
    def max(self) -> int | None:
        """The frame maximum (``None``: warning only)."""
        return None if self.range is None else self.range.max

    def lighter_than(self, other: Frame) -> bool:
        """True if this liability is lighter for the offender than ``other``.

        A warning only is lighter than any fine; a lower frame is lighter; with the same
        frame, one that also allows a warning is lighter.
        """
        if self.range is None:
            return other.range is not None
        if other.range is None:
            return False
        if self.range == other.range:
            return self.warning and not other.warning
        return self.range.lighter_than(other.range)


def decree_rules(v: Violation, provision: Provision) -> DecreeRules:
    """The decree's own rules; every sanctioning decree in a catalog must have them."""
    rules = v.catalog.rules_for(provision.document)
    if rules is None:
        raise CaseError("provision", f"{provision.document} has no [rules] block (fine base, "
                        "maxima) in the catalog")
    return rules


def _stated_steps(bounds: Bounds, citation: Citation) -> list[TraceStep]:
    if bounds.per_unit is not None:
        assert bounds.unit is not None
        return [step("frame.per_unit", "frame.per_unit", citation, min_vnd=bounds.per_unit.min,
                     max_vnd=bounds.per_unit.max, unit=bounds.unit, quantity=bounds.value,
                     total_min_vnd=bounds.range.min, total_max_vnd=bounds.range.max)]
    return []


def _band_step(bounds: Bounds, version: ProvisionVersion, citation: Citation) -> list[TraceStep]:
    band, fine = bounds.band, version.fine
    if band is None or fine is None or fine.kind != "banded":
        return []
    assert bounds.criterion is not None
    lower, below = fine.band_bounds(band, bounds.criterion)
    band_cite = citation.model_copy(update={"point": band.point}) if band.point else citation
    upper = f" – {below - 1:,}" if below is not None else "+"
    return [step("frame.band", "frame.band", band_cite, flags=bounds.flags,
                 criterion=bounds.criterion, value=bounds.value, band=band.point or "-",
                 lower=lower, upper=upper, min_vnd=band.min, max_vnd=band.max)]


def offender_frame(v: Violation, provision: Provision, version: ProvisionVersion, day: date,
                   point: str | None) -> Frame:
    """The frame for this offender, checked against the sector maximum on ``day``.

    The frame depends on the wording, the point, the facts a fine may depend on, the
    offender's base and the sector maximum in force on ``day``: it is kept per catalog on
    exactly those (the day as its epoch, see :mod:`~penalty_rules.engine.memo`; the day
    itself when the trace shows it). Errors are not kept.
    """
    fact = v.fact
    memo = table(v.catalog, "frame")
    key = (id(version), id(provision), point, v.fined_as, fact.quantity, fact.goods_value,
           fact.illegal_profit, law_epoch(v.catalog, day))
    known = memo.get(key)
    if (known is not None and known[0] is version and known[1] is provision
            and (known[3] is None or known[3] == day)):
        return known[2]  # type: ignore[no-any-return]
    frame = _offender_frame(v, provision, version, day, point)
    shows_day = any(s.message == "frame.no_max" for s in frame.steps)
    remember(memo, key, (version, provision, frame, day if shows_day else None))
    return frame


def _offender_frame(v: Violation, provision: Provision, version: ProvisionVersion, day: date,
                    point: str | None) -> Frame:
    citation = v.catalog.citation_of(provision)
    if version.fine is None:
        return Frame(None, True, None, (step("frame.warning", "frame.warning_only", citation),))
    rules = decree_rules(v, provision)
    bounds = version.fine.bounds(v.facts, point)
    steps = _stated_steps(bounds, citation) + _band_step(bounds, version, citation)
    stated = bounds.range
    base = rules.stated_base(citation)
    basis = rules.fine_base_basis
    steps.insert(0, step("frame.stated", "frame.stated", citation, basis,
                         flags=flags_of(version.provenance, rules.fine_base_provenance),
                         min_vnd=stated.min, max_vnd=stated.max, base=base.value))
    rng = stated
    if base is FineBase.ORGANIZATION and v.fined_as is FineBase.INDIVIDUAL:
        rng = stated.halved()
        steps.append(step("frame.base", "frame.halved", basis, min_vnd=rng.min, max_vnd=rng.max))
    elif base is FineBase.INDIVIDUAL and v.fined_as is FineBase.ORGANIZATION:
        rng = stated.doubled()
        steps.append(step("frame.base", "frame.doubled", basis, min_vnd=rng.min, max_vnd=rng.max))
    else:
        steps.append(step("frame.base", "frame.as_stated", basis, base=base.value,
                          min_vnd=rng.min, max_vnd=rng.max))
    cap = v.catalog.sector_cap(provision.document, provision.sector, v.fined_as, day)
    sector = v.catalog.sector(provision.sector).label
    if cap is None:
        steps.append(step("frame.max", "frame.no_max", flags=("NO_SECTOR_MAXIMUM",),
                          sector=sector, day=day))
    elif rng.max > cap.amount:
        rng = rng.capped(cap.amount)
        steps.append(step("frame.max", "frame.capped", cap.basis, flags=flags_of(cap.provenance),
                          sector=sector, max_vnd=cap.amount, base=v.fined_as.value))
    else:
        steps.append(step("frame.max", "frame.within_max", cap.basis,
                          flags=flags_of(cap.provenance), sector=sector, max_vnd=cap.amount,
                          base=v.fined_as.value))
    if version.warning:
        steps.append(step("frame.warning", "frame.warning_option", citation))
    return Frame(rng, version.warning, bounds.band, tuple(steps))


def label_of(provision: Provision, point: str | None) -> Localized | None:
    """The label of the act at ``point``, if the clause lists it."""
    act = provision.act(point)
    return act.label if act else None
