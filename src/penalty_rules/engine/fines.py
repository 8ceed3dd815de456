"""The specific fine inside a frame: the average, moved by circumstances.

The schemes are data (:class:`~penalty_rules.models.rules.FineScheme`); this module
only knows their kinds:

>>> from penalty_rules.models.rules import SchemeKind
>>> specific_fine(20_000_000, 30_000_000, 0, 0, SchemeKind.OPEN_INTERVAL_BOUNDS_AT_TWO)
(25000000, FineInterval(low=25000000, high=25000000, low_open=False, high_open=False))
>>> specific_fine(20_000_000, 30_000_000, 1, 0, SchemeKind.OPEN_INTERVAL_BOUNDS_AT_TWO)[0]
22500000
>>> specific_fine(20_000_000, 30_000_000, 0, 2, SchemeKind.OPEN_INTERVAL_BOUNDS_AT_TWO)[0]
30000000
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..errors import CaseError
from ..models.assessment import FineInterval, TraceStep
from ..models.circumstance import CircumstanceKind
from ..models.citation import Citation
from ..models.provision import Provision
from ..models.rules import FineScheme, SchemeKind
from .circumstances import circumstance_codes
from .context import Violation
from .frames import Frame
from .memo import law_epoch, remember, table
from .trace import flags_of, step

REPEATED = "repeated"


def average(low: int, high: int) -> int:
    """The average of a frame (Art. 23(4)), rounded down to a whole đồng."""
    return (low + high) // 2


def net(mitigating: int, aggravating: int) -> tuple[int, int]:
    """Cancel circumstances one for one; return what is left of each kind."""
    both = min(mitigating, aggravating)
    return mitigating - both, aggravating - both


def _midpoint(interval: FineInterval) -> int:
    """An amount strictly inside an interval when one exists, else its nearest end."""
    low, high = interval.low, interval.high
    middle = (low + high) // 2
    if interval.contains(middle):
        return middle
    return high if interval.contains(high) else low


_new = object.__new__
_set = object.__setattr__
_INTERVAL_FIELDS = frozenset(FineInterval.model_fields)


def _interval(low: int, high: int, low_open: bool = False, high_open: bool = False,
              ) -> FineInterval:
    """A :class:`FineInterval` of amounts already checked (whole đồng, ≥ 0), built without
    validating again (the state ``model_construct`` gives, all fields set)."""
    made = _new(FineInterval)
    _set(made, "__dict__", {"low": low, "high": high, "low_open": low_open,
                            "high_open": high_open})
    _set(made, "__pydantic_fields_set__", set(_INTERVAL_FIELDS))
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", None)
    return made


def specific_fine(low: int, high: int, mitigating: int, aggravating: int, kind: SchemeKind,
                  percent: int | None = None) -> tuple[int, FineInterval]:
    """Recommended amount and lawful interval for net circumstance counts.

    ``mitigating`` and ``aggravating`` are counts *after* cancelling (see :func:`net`);
    at most one of them is non-zero.
    """
    if mitigating and aggravating:
        raise ValueError("cancel circumstances with net() first")
    avg = average(low, high)
    if low == high or (not mitigating and not aggravating):
        return avg, _interval(avg, avg)
    down = mitigating > 0
    count = mitigating or aggravating
    if kind is SchemeKind.AVERAGE_ONLY:
        interval = _interval(low, avg) if down else _interval(avg, high)
        return _midpoint(interval), interval
    if count >= 2:
        end = low if down else high
        return end, _interval(end, end)
    if kind is SchemeKind.BOUNDS_AT_TWO:
        interval = _interval(low, avg) if down else _interval(avg, high)
        return _midpoint(interval), interval
    if kind is SchemeKind.OPEN_INTERVAL_BOUNDS_AT_TWO:
        interval = _interval(low, avg, True, True) if down else _interval(avg, high, True, True)
        if not any(interval.contains(v) for v in (interval.low + 1, interval.high - 1)):
            closed = _interval(interval.low, interval.high)
            return _midpoint(closed), closed
        return _midpoint(interval), interval
    if kind is SchemeKind.PERCENT_OF_AVERAGE:
        if percent is None:
            raise ValueError("percent_of_average needs a percent")
        step = avg * percent // 100
        amount = max(low, avg - step) if down else min(high, avg + step)
        return amount, _interval(amount, amount)
    raise ValueError(f"unknown scheme kind {kind}")


@dataclass(frozen=True)
class SpecificFine:
    """The recommended amount, its lawful interval, and the amount for every repetition."""

    per_act: int | None
    interval: FineInterval | None
    total: int | None
    fined_once: bool
    steps: tuple[TraceStep, ...]


def scheme_for(v: Violation, provision: Provision) -> FineScheme:
    """The decree's own scheme when it names one, else the general scheme on the decision date."""
    catalog = v.catalog
    rules = catalog.rules_for(provision.document)
    if rules is not None and rules.fine_scheme:
        scheme = catalog.scheme(rules.fine_scheme)
        if scheme is None:
            raise CaseError("provision", f"{provision.document} names an unknown fine scheme "
                            f"{rules.fine_scheme!r}")
        return scheme
    general = catalog.general_scheme_on(v.decided_on)
    if general is None:
        raise CaseError("decided_on", "no rule for the specific fine is recorded for "
                        f"{v.decided_on.isoformat()}")
    return general


def fined_once(v: Violation, applied: Citation, day: date) -> Citation | None:
    """The basis when the act, repeated, is fined once with aggravation (else ``None``).

    Whether the decree lists the act is kept per catalog and citation (by identity, the
    citation kept with the answer); only the list's start is compared with ``day``.
    """
    memo = table(v.catalog, "fined_once")
    known = memo.get(id(applied))
    if known is None or known[0] is not applied:
        assert applied.document is not None
        rules = v.catalog.rules_for(applied.document)
        listed = rules.fined_once if rules else None
        # The amendment is not part of what a list covers (``Citation.within``).
        covered = listed is not None and listed.covers(applied) is not None
        known = remember(memo, id(applied), (applied, listed if covered else None))
    listed = known[1]
    return listed.basis if listed is not None and day >= listed.valid_from else None


def specific(v: Violation, provision: Provision, applied: Citation, frame: Frame,
             day: date, elements: tuple[str, ...] = ()) -> SpecificFine:
    """Circumstances, repetition and the scheme turn the frame into an amount.

    ``elements`` are circumstance codes that are elements of the offence itself: they
    are not counted as aggravating (the ``element_not_aggravating`` principle).

    The answer depends on the clause, the citation applied, the frame, the circumstances
    and times named, whether the act is fined once, and the rules in force on the decision
    date (principles and schemes, by epoch): it is kept per catalog on exactly those.
    Errors (an unknown circumstance) are not kept.
    """
    fact = v.fact
    once_basis = fined_once(v, applied, day)
    memo = table(v.catalog, "specific")
    key = (id(provision), id(applied), frame.range, elements, fact.mitigating,
           fact.aggravating, fact.times, once_basis is not None,
           law_epoch(v.catalog, v.decided_on))
    known = memo.get(key)
    if known is not None and known[0] is provision and known[1] is applied:
        return known[2]  # type: ignore[no-any-return]
    found = _specific(v, provision, applied, frame, once_basis, elements)
    remember(memo, key, (provision, applied, found))
    return found


def _specific(v: Violation, provision: Provision, applied: Citation, frame: Frame,
              once_basis: Citation | None, elements: tuple[str, ...]) -> SpecificFine:
    fact = v.fact
    catalog = v.catalog
    steps: list[TraceStep] = []
    mitigating = circumstance_codes(catalog, fact.mitigating, CircumstanceKind.MITIGATING,
                                    "mitigating")
    aggravating = circumstance_codes(catalog, fact.aggravating, CircumstanceKind.AGGRAVATING,
                                     "aggravating")
    for code in [c for c in aggravating if c in elements]:
        aggravating.remove(code)
        steps.append(step("fine.circumstances", "fine.element_not_aggravating",
                          v.basis("element_not_aggravating"), applied,
                          circumstance=catalog.circumstances[code].label))
    times = fact.times
    if times > 1 and once_basis is not None:
        steps.append(step("fine.repeat", "fine.fined_once", once_basis, v.basis("several_acts")))
        if REPEATED not in aggravating:
            aggravating.append(REPEATED)
    elif times > 1 and REPEATED in aggravating:
        aggravating.remove(REPEATED)
        steps.append(step("fine.repeat", "fine.repeated_dropped", v.basis("repetition_counted_once")))
    if frame.range is None:
        return SpecificFine(None, None, None, once_basis is not None and times > 1, tuple(steps))
    rng = frame.range
    scheme = scheme_for(v, provision)
    steps.append(step("fine.average", "fine.average", v.basis("average_rule"),
                      average_vnd=rng.average))
    net_m, net_a = net(len(mitigating), len(aggravating))
    steps.append(step("fine.circumstances", "fine.circumstances",
                      *(catalog.circumstances[c].basis for c in mitigating + aggravating),
                      mitigating=", ".join(mitigating) or "-",
                      aggravating=", ".join(aggravating) or "-",
                      net_mitigating=net_m, net_aggravating=net_a))
    steps.append(step("fine.scheme", "fine.scheme", scheme.basis, scheme.amended_by,
                      flags=flags_of(scheme.provenance), scheme=scheme.label))
    amount, interval = specific_fine(rng.min, rng.max, net_m, net_a, scheme.kind, scheme.percent)
    steps.append(step("fine.interval", "fine.interval", scheme.basis, scheme.amended_by,
                      left="(" if interval.low_open else "[", low_vnd=interval.low,
                      high_vnd=interval.high, right=")" if interval.high_open else "]",
                      fine_vnd=amount))
    total = amount
    if times > 1 and once_basis is None:
        total = amount * times
        steps.append(step("fine.repeat", "fine.times_separate", v.basis("several_acts"),
                          times=times, fine_vnd=amount, total_vnd=total))
    return SpecificFine(amount, interval, total, once_basis is not None and times > 1,
                        tuple(steps))
