"""Economic series: CPI (annual average), base salary and Region I minimum wage.

>>> s = economic_series()
>>> s.price_level(2013) < s.price_level(2025)
True
>>> str(s.price_level(2025))
'281.37'
>>> s.latest_cpi_year
2025
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from importlib import resources

from pydantic import Field, TypeAdapter

from ..models.common import VND, Frozen, Status
from ..models.timeline import Dated, Timeline

BASE_YEAR = 2007


class CpiYear(Frozen):
    """Annual-average CPI change of one year."""

    year: int = Field(ge=2000, le=2100)
    change_pct: Decimal
    status: Status
    source: str


class WageStep(Dated):
    """A wage level, in force from ``valid_from`` until the next level."""

    amount: VND
    status: Status
    source: str


class _IndicesFile(Frozen):
    format: int
    cpi: tuple[CpiYear, ...]
    base_salary: Timeline[WageStep]
    min_wage_region1: Timeline[WageStep]


@dataclass(frozen=True)
class EconomicSeries:
    """The series with look-ups; the price level is chained from 2007 = 100."""

    cpi: tuple[CpiYear, ...]
    base_salary: Timeline[WageStep]
    min_wage_region1: Timeline[WageStep]

    @property
    def first_cpi_year(self) -> int:
        """First year with a price level (the base year)."""
        return BASE_YEAR

    @property
    def latest_cpi_year(self) -> int:
        """The last year with a published annual CPI."""
        return max(c.year for c in self.cpi)

    def cpi_year_on(self, day: date) -> int:
        """Latest year whose annual CPI was known on ``day`` (published after the year ends)."""
        return min(self.latest_cpi_year, day.year - 1)

    def price_level(self, year: int) -> Decimal:
        """Annual-average price level of ``year`` (2007 = 100), rounded to 0.01."""
        if year < BASE_YEAR or year > self.latest_cpi_year:
            raise KeyError(f"no CPI for {year}: the series covers {BASE_YEAR}–{self.latest_cpi_year}")
        level = Decimal(100)
        for row in sorted(self.cpi, key=lambda c: c.year):
            if row.year > year:
                break
            level = level * (1 + row.change_pct / 100)
        return level.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    def cpi_statuses(self, start: int, end: int) -> set[Status]:
        """Statuses of the CPI rows used between two years."""
        return {c.status for c in self.cpi if start < c.year <= end}

    def base_salary_on(self, day: date) -> WageStep | None:
        """Base salary in force on ``day``."""
        return self.base_salary.at(day)

    def min_wage_on(self, day: date) -> WageStep | None:
        """Region I minimum wage in force on ``day``."""
        return self.min_wage_region1.at(day)


@functools.lru_cache(maxsize=1)
def economic_series() -> EconomicSeries:
    """The bundled series (``penalty_rules/audit/data/indices.toml``)."""
    text = resources.files("penalty_rules.audit.data").joinpath("indices.toml").read_text("utf-8")
    raw = TypeAdapter(_IndicesFile).validate_python(tomllib.loads(text))
    return EconomicSeries(raw.cpi, raw.base_salary, raw.min_wage_region1)
