"""Stage 6 — limitation period (thời hiệu): Art. 6 of the Law and decree-specific lists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..catalog.catalog import Catalog
from ..errors import CaseError
from ..models.assessment import TraceStep
from ..models.citation import Citation
from ..models.timeline import add_years
from .context import Violation
from .memo import law_epoch, remember, shared, table
from .trace import flags_of, step

__all__ = ["Limitation", "add_years", "limitation"]


def _add_years(day: date, years: int) -> date:
    """:func:`add_years` without its calendar arithmetic where the same day exists."""
    if day.month == 2 and day.day == 29:
        return add_years(day, years)
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return add_years(day, years)  # past the calendar: raises the same error as before


@dataclass(frozen=True)
class Limitation:
    """How long, from when, until when, and whether it has run out."""

    years: int
    start: date
    expires_on: date
    time_barred: bool
    steps: tuple[TraceStep, ...]


def _period(catalog: Catalog, citation: Citation, sector: str, reference: date,
            ) -> tuple[int, Citation, tuple[str, ...]]:
    """How long, on what basis and with which flags, for the act cited on ``reference``.

    It depends on the citation, the sector, whether the decree's two-year list had
    started on ``reference`` and the sector's period in force then (by epoch, see
    :mod:`~penalty_rules.engine.memo`): kept per catalog on exactly those.
    """
    document = citation.document
    assert document is not None
    rules = catalog.rules_for(document)
    listed = rules.two_year_limitation if rules else None
    started = listed is not None and reference >= listed.valid_from
    memo = table(catalog, "limitation")
    key = (id(citation), sector, started, law_epoch(catalog, reference))
    known = memo.get(key)
    if known is not None and known[0] is citation:
        return known[1]  # type: ignore[no-any-return]
    if listed is not None and catalog.listed_part(listed, citation, reference) is not None:
        found = (2, listed.basis, flags_of(listed.provenance))
    else:
        period = catalog.sector(sector).limitation_on(reference)
        if period is None:
            raise CaseError(
                "provision",
                f"no limitation period is recorded for the {sector} sector on "
                f"{reference.isoformat()}; the catalog cannot say when the act is time-barred",
            )
        found = (period.years, period.basis, flags_of(period.provenance))
    remember(memo, key, (citation, found))
    return found


def limitation(v: Violation, citation: Citation, sector: str, reference: date) -> Limitation:
    """The limitation period of the act cited by ``citation`` (with its point)."""
    catalog, fact = v.catalog, v.fact
    years, basis, flags = _period(catalog, citation, sector, reference)
    start = fact.detected_on if fact.ongoing_at_detection or fact.ended_on is None \
        else fact.ended_on
    try:
        expires = _add_years(start, years)
    except (ValueError, OverflowError):
        raise CaseError("detected_on", f"{start.isoformat()} + {years} years is past the last "
                        "date the calendar can hold") from None
    decided_on = v.decided_on
    barred = decided_on > expires
    counted = v.basis("ended_or_ongoing")

    def make() -> tuple[TraceStep, ...]:
        return (
            step("limitation.period", "limitation.period", basis, counted,
                 flags=flags, years=years, start=start, expires=expires),
            step("limitation.check", "limitation.barred" if barred else "limitation.open",
                 basis, day=decided_on),
        )

    steps = shared(catalog, ("limitation", id(basis), id(counted), flags, years, start, expires,
                             decided_on), (basis, counted), make)
    return Limitation(years, start, expires, barred, steps)
