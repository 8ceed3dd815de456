"""The fine frame for an offender: per-unit and banded frames, offender base, sector ceiling."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..catalog.catalog import Catalog
from ..errors import CaseError
from ..models.assessment import TraceStep
from ..models.case import ViolationFact
from ..models.citation import Citation
from ..models.common import Localized
from ..models.offender import FineBase
from ..models.provision import (
    Band,
    BandedFine,
    FineFrame,
    PerUnitFine,
    PointFrames,
    Provision,
    ProvisionVersion,
)
from ..models.rules import DecreeRules
from .trace import flags_of, step

LAW = "15/2012/QH13"


@dataclass(frozen=True)
class Frame:
    """A computed frame for one offender (``None`` amounts: warning only)."""

    min: int | None
    max: int | None
    warning: bool
    band: Band | None = None
    steps: tuple[TraceStep, ...] = ()

    @property
    def has_fine(self) -> bool:
        return self.min is not None and self.max is not None


def stated_base(rules: DecreeRules, provision: Provision) -> FineBase:
    """Whom the amounts of ``provision`` are written for (decree base or its exception)."""
    if any(provision.citation.within(part) for part in rules.base_exceptions):
        return FineBase.INDIVIDUAL if rules.fine_base is FineBase.ORGANIZATION else (
            FineBase.ORGANIZATION
        )
    return rules.fine_base


def decree_rules(catalog: Catalog, provision: Provision) -> DecreeRules:
    """The decree's own rules; every sanctioning decree in a catalog must have them."""
    rules = catalog.rules_for(provision.document)
    if rules is None:
        raise CaseError(
            "provision",
            f"{provision.document} has no [rules] block (fine base, maxima) in the catalog",
        )
    return rules


def _band(fine: BandedFine, value: int) -> Band | None:
    return next((b for b in fine.bands if b.contains(value)), None)


def criterion_value(fine: BandedFine, fact: ViolationFact, field: str) -> int:
    """The quantity, goods value or illegal profit the bands are chosen by (or an error)."""
    value = {
        "quantity": fact.quantity,
        "goods_value": fact.goods_value,
        "illegal_profit": fact.illegal_profit,
    }[fine.criterion]
    if value is None:
        also = " or illegal_profit" if fine.alt_criterion else ""
        raise CaseError(
            f"{field}.{fine.criterion}",
            f"this provision sets its fine by {fine.criterion.replace('_', ' ')}{also} "
            f"({fine.unit.en}); give it in the case",
        )
    return value


def raw_frame(version: ProvisionVersion, fact: ViolationFact, field: str,
              citation: Citation, point: str | None = None,
              ) -> tuple[int | None, int | None, Band | None, list[TraceStep]]:
    """Frame as stated in the text, for the quantity or value of the case (and the point)."""
    fine = version.fine
    steps: list[TraceStep] = []
    if fine is None:
        return None, None, None, steps
    if isinstance(fine, FineFrame):
        return fine.min, fine.max, None, steps
    if isinstance(fine, PointFrames):
        letters = ", ".join(fine.frames)
        if point is None:
            raise CaseError(f"{field}.provision",
                            f"each point of {citation.format()} has its own frame; cite the point "
                            f"({letters})")
        frame = fine.frames.get(point)
        if frame is None:
            raise CaseError(f"{field}.provision",
                            f"{citation.format()} has no frame at point {point} (points: {letters})")
        return frame.min, frame.max, None, steps
    if isinstance(fine, PerUnitFine):
        if fact.quantity is None:
            raise CaseError(f"{field}.quantity",
                            f"the fine is set per {fine.unit.en}; give the quantity")
        q = fact.quantity
        if q < fine.quantity_from or (fine.quantity_to is not None and q > fine.quantity_to):
            raise CaseError(f"{field}.quantity",
                            f"{q} is outside the quantities {citation.format()} covers "
                            f"({fine.quantity_from}–{fine.quantity_to or '…'})")
        lo, hi = fine.min * q, fine.max * q
        steps.append(step("frame.per_unit", "frame.per_unit", citation, min_vnd=fine.min,
                          max_vnd=fine.max, unit=fine.unit, quantity=q,
                          total_min_vnd=lo, total_max_vnd=hi))
        return lo, hi, None, steps
    criterion, value, band, flags = _choose_band(fine, fact, field, citation)
    band_cite = citation.model_copy(update={"point": band.point}) if band.point else citation
    if criterion == fine.criterion:
        lower, below = band.from_, band.below
    else:
        lower, below = band.alt_from or 0, band.alt_below
    upper = f" – {below - 1:,}" if below is not None else "+"
    steps.append(step("frame.band", "frame.band", band_cite, flags=flags, criterion=criterion,
                      value=value, band=band.point or "-", lower=lower, upper=upper,
                      min_vnd=band.min, max_vnd=band.max))
    return band.min, band.max, band, steps


def _choose_band(fine: BandedFine, fact: ViolationFact, field: str,
                 citation: Citation) -> tuple[str, int, Band, tuple[str, ...]]:
    """The band by the main criterion, or by the alternative one when only that is given.

    When both are given and point to different bands, the main criterion (the one the
    text names first) decides and the trace says the other pointed elsewhere.
    """
    main = {"quantity": fact.quantity, "goods_value": fact.goods_value,
            "illegal_profit": fact.illegal_profit}[fine.criterion]
    alt = fact.illegal_profit if fine.alt_criterion else None
    if main is None and alt is None:
        criterion_value(fine, fact, field)  # raises the explanatory error
    flags: tuple[str, ...] = ()
    if main is not None:
        band = _band(fine, main)
        if band is None:
            raise CaseError(f"{field}.{fine.criterion}",
                            f"{main} is below every band of {citation.format()} "
                            f"(first band starts at {fine.bands[0].from_})")
        if alt is not None:
            other = next((b for b in fine.bands if b.contains_alt(alt)), None)
            if other is not None and other != band:
                flags = (f"PROFIT POINTS TO BAND {other.point or '-'}",)
        return fine.criterion, main, band, flags
    assert alt is not None
    band_alt = next((b for b in fine.bands if b.contains_alt(alt)), None)
    if band_alt is None:
        raise CaseError(f"{field}.illegal_profit",
                        f"{alt} is outside every band of {citation.format()}")
    return "illegal_profit", alt, band_alt, ()


def _half(amount: int) -> int:
    return amount // 2


def offender_frame(
    catalog: Catalog, provision: Provision, version: ProvisionVersion, fact: ViolationFact,
    fined_as: FineBase, day: date, field: str, citation: Citation, point: str | None = None,
) -> Frame:
    """The frame for this offender, checked against the sector maximum."""
    rules = decree_rules(catalog, provision)
    lo, hi, band, steps = raw_frame(version, fact, field, citation, point)
    if lo is None or hi is None:
        steps.append(step("frame.warning", "frame.warning_only", citation))
        return Frame(None, None, True, None, tuple(steps))
    base = stated_base(rules, provision)
    basis = rules.fine_base_basis
    steps.insert(0, step("frame.stated", "frame.stated", citation, basis,
                         flags=flags_of(version.provenance, rules.fine_base_provenance),
                         min_vnd=lo, max_vnd=hi, base=base.value))
    if base is FineBase.ORGANIZATION and fined_as is FineBase.INDIVIDUAL:
        lo, hi = lo - _half(lo), _half(hi)
        steps.append(step("frame.base", "frame.halved", basis, min_vnd=lo, max_vnd=hi))
    elif base is FineBase.INDIVIDUAL and fined_as is FineBase.ORGANIZATION:
        lo, hi = lo * 2, hi * 2
        steps.append(step("frame.base", "frame.doubled", basis, min_vnd=lo, max_vnd=hi))
    else:
        steps.append(step("frame.base", "frame.as_stated", basis, base=base.value,
                          min_vnd=lo, max_vnd=hi))
    cap, cap_basis, cap_flags = sector_cap(catalog, rules, provision.sector, fined_as, day)
    sector = catalog.sector(provision.sector).label
    if cap is None:
        steps.append(step("frame.max", "frame.no_max", flags=("NO SECTOR MAXIMUM",),
                          sector=sector, day=day))
    elif hi > cap:
        lo, hi = min(lo, cap), cap
        steps.append(step("frame.max", "frame.capped", cap_basis, flags=cap_flags,
                          sector=sector, max_vnd=cap, base=fined_as.value))
    else:
        steps.append(step("frame.max", "frame.within_max", cap_basis, flags=cap_flags,
                          sector=sector, max_vnd=cap, base=fined_as.value))
    if version.warning:
        steps.append(step("frame.warning", "frame.warning_option", citation))
    return Frame(lo, hi, version.warning, band, tuple(steps))


def sector_cap(catalog: Catalog, rules: DecreeRules, sector: str, fined_as: FineBase,
               day: date) -> tuple[int | None, Citation | None, tuple[str, ...]]:
    """Sector maximum for this kind of offender: the decree's own, else the Law's."""
    own = next((m for m in rules.sector_maxima if m.sector == sector), None)
    if own is not None:
        individual, basis, prov = own.individual_max, own.basis, own.provenance
    else:
        law_max = catalog.sector(sector).maximum_on(day)
        if law_max is None:
            return None, None, ()
        individual, basis, prov = law_max.individual_max, law_max.basis, law_max.provenance
    cap = individual if fined_as is FineBase.INDIVIDUAL else individual * 2
    return cap, basis, flags_of(prov)


def label_of(provision: Provision, point: str | None) -> Localized | None:
    """The label of the act at ``point``, if the clause lists it."""
    act = provision.act(point)
    return act.label if act else None
