"""Sectors (lĩnh vực) with their dated maximum fines and limitation periods."""

from __future__ import annotations

from datetime import date

from pydantic import Field, model_validator

from .citation import Citation
from .common import VND, Frozen, Localized, Provenance


class Dated(Frozen):
    """A rule valid from ``valid_from`` to ``valid_to`` (inclusive; ``None`` = open)."""

    valid_from: date
    valid_to: date | None = None

    @model_validator(mode="after")
    def _order(self) -> Dated:
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError(f"valid_to {self.valid_to} is before valid_from {self.valid_from}")
        return self

    def valid_on(self, day: date) -> bool:
        """True if the rule applies on ``day``."""
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


class SectorMaximum(Dated):
    """The highest fine the law allows an individual in a sector (Art. 24 of the Law)."""

    individual_max: VND = Field(gt=0)
    basis: Citation
    provenance: Provenance


class LimitationPeriod(Dated):
    """How many years after the act a sanction may still be decided (Art. 6 of the Law)."""

    years: int = Field(ge=1, le=5)
    basis: Citation
    provenance: Provenance


class Sector(Frozen):
    """A field of state management with its dated maxima and limitation periods."""

    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: Localized
    maxima: tuple[SectorMaximum, ...] = ()
    limitation: tuple[LimitationPeriod, ...] = ()

    def maximum_on(self, day: date) -> SectorMaximum | None:
        """The sector maximum in force on ``day`` (``None`` if the catalog has none)."""
        return next((m for m in self.maxima if m.valid_on(day)), None)

    def limitation_on(self, day: date) -> LimitationPeriod | None:
        """The limitation period in force on ``day`` (``None`` if none is recorded)."""
        return next((p for p in self.limitation if p.valid_on(day)), None)
