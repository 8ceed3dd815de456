"""Sectors (lĩnh vực) with their dated maximum fines and limitation periods."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from .citation import Citation
from .common import VND, Frozen, Localized, Provenance
from .timeline import Dated, Timeline


class SectorMaximum(Dated):
    """The highest fine the law allows an individual in a sector (Art. 24 of the Law)."""

    individual_max: VND = Field(gt=0, description="maximum fine for an individual, VND")
    basis: Citation = Field(description="the clause that sets the maximum")
    provenance: Provenance = Field(description="where it comes from")


class LimitationPeriod(Dated):
    """How many years after the act a sanction may still be decided (Art. 6 of the Law)."""

    years: int = Field(ge=1, le=5, description="length of the period, in years")
    basis: Citation = Field(description="the clause that sets the period")
    provenance: Provenance = Field(description="where it comes from")


class Sector(Frozen):
    """A field of state management with its dated maxima and limitation periods."""

    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="stable code of the sector")
    label: Localized = Field(description="name of the sector")
    maxima: Timeline[SectorMaximum] = Field(default_factory=Timeline, description="maximum fines, dated")
    limitation: Timeline[LimitationPeriod] = Field(
        default_factory=Timeline, description="limitation periods, dated")

    def maximum_on(self, day: date) -> SectorMaximum | None:
        """The sector maximum in force on ``day`` (``None`` if the catalog has none)."""
        return self.maxima.at(day)

    def limitation_on(self, day: date) -> LimitationPeriod | None:
        """The limitation period in force on ``day`` (``None`` if none is recorded)."""
        return self.limitation.at(day)
