"""Limitation periods (thời hiệu): Art. 6 of the Law and decree-specific lists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from ..catalog.catalog import Catalog
from ..errors import CaseError
from ..models.assessment import TraceStep
from ..models.case import ViolationFact
from ..models.citation import Citation
from .timing import ENDED_OR_ONGOING
from .trace import flags_of, step


@dataclass(frozen=True)
class Limitation:
    """How long, from when, until when, and whether it has run out."""

    years: int
    start: date
    expires_on: date
    time_barred: bool
    steps: tuple[TraceStep, ...]


def add_years(day: date, years: int) -> date:
    """``day`` plus whole years; 29 February maps to 28 February (stated in the docs)."""
    return day + relativedelta(years=years)


def limitation(catalog: Catalog, citation: Citation, sector: str, fact: ViolationFact,
               reference: date, decided_on: date) -> Limitation:
    """The limitation period of an act cited by ``citation`` (with its point)."""
    document = citation.document
    assert document is not None
    rules = catalog.rules_for(document)
    years: int | None = None
    basis: Citation | None = None
    flags: tuple[str, ...] = ()
    listed = rules.two_year_limitation if rules else None
    if listed is not None and (listed.valid_from is None or reference >= listed.valid_from):
        part = listed.covers(citation)
        if part is not None:
            years, basis, flags = 2, listed.basis, flags_of(listed.provenance)
    if years is None:
        period = catalog.sector(sector).limitation_on(reference)
        if period is None:
            raise CaseError(
                "provision",
                f"no limitation period is recorded for the {sector} sector on "
                f"{reference.isoformat()}; the catalog cannot say when the act is time-barred",
            )
        years, basis, flags = period.years, period.basis, flags_of(period.provenance)
    start = fact.detected_on if fact.ongoing_at_detection else fact.ended_on
    assert start is not None
    expires = add_years(start, years)
    barred = decided_on > expires
    steps = [
        step("limitation.period", "limitation.period", basis, ENDED_OR_ONGOING, flags=flags,
             years=years, start=start, expires=expires),
        step("limitation.check", "limitation.barred" if barred else "limitation.open", basis,
             day=decided_on),
    ]
    return Limitation(years, start, expires, barred, tuple(steps))
