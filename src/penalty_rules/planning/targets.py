"""Enforcement targets: last year's baseline, next year's target, progress of a partial year.

The founding plan's rule: the target is the previous year's figure plus a growth rate
(default 5 %), per sector and in total (number of cases and total fines). Progress is
measured against the target pro-rated by the share of the year elapsed.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from pydantic import Field

from ..catalog.catalog import Catalog
from ..catalog.loader import bundled_catalog
from ..citations.parse import parse_citation
from ..errors import CaseError, PenaltyRulesError
from ..models.case import MAX_YEAR, MIN_YEAR
from ..models.common import Frozen
from ..models.log import LogEntry, LogTable

DEFAULT_GROWTH = Decimal("0.05")


class SectorTarget(Frozen):
    """Baseline, target and progress for one sector (or the total, sector ``"*"``)."""

    sector: str
    baseline_cases: int
    baseline_fines: int
    target_cases: int
    target_fines: int
    actual_cases: int
    actual_fines: int
    prorated_cases: int
    prorated_fines: int
    cases_progress_pct: str | None = Field(description="actual / pro-rated target, in %")
    fines_progress_pct: str | None


class TargetReport(Frozen):
    """Targets for ``year`` from the ``year - 1`` baseline."""

    year: int
    baseline_year: int
    growth: str
    as_of: date
    elapsed_fraction: str
    sectors: tuple[SectorTarget, ...]
    total: SectorTarget


def _round(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def sector_of(entry: LogEntry, catalog: Catalog, row: int) -> str:
    """The entry's sector, from the log or from the cited provision.

    A sector code the catalog does not know is refused (a typo would count as a new sector).
    """
    return _sector(entry.sector, entry.provision, entry.row or row, catalog, {})


def _sector(sector: str | None, provision: str, row: int, catalog: Catalog,
            memo: dict[str, str | PenaltyRulesError]) -> str:
    """:func:`sector_of` for one row's values (``memo``: sectors of the citations read)."""
    if sector:
        if sector not in catalog.sectors:
            raise CaseError(f"log row {row}.sector", f"unknown sector {sector[:40]!r}; known: "
                            f"{', '.join(sorted(catalog.sectors))}")
        return sector
    found = memo.get(provision)
    if found is None:
        try:
            found = catalog.find(parse_citation(provision))[0].sector
        except PenaltyRulesError as exc:
            found = exc
        memo[provision] = found
    if isinstance(found, PenaltyRulesError):
        raise CaseError(f"log row {row}", f"no sector given and {found}") from None
    return found


def _rows(log: Sequence[LogEntry]) -> Iterator[tuple[int | None, date, str | None, str, int]]:
    """(row, date, sector, provision, amount) of every entry; by columns for a log table."""
    if isinstance(log, LogTable):
        return zip(log.column("row"), log.column("date"), log.column("sector"),
                   log.column("provision"), log.column("amount"), strict=True)
    return ((e.row, e.date, e.sector, e.provision, e.amount) for e in log)


def _pct(actual: int, target: int) -> str | None:
    if target == 0:
        return None
    return str((Decimal(actual) * 100 / target).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def compute_targets(log: Sequence[LogEntry], year: int, growth: Decimal = DEFAULT_GROWTH,
                    as_of: date | None = None, catalog: Catalog | None = None) -> TargetReport:
    """Baseline of ``year - 1``, target for ``year``, progress of ``year`` up to ``as_of``.

    ``as_of`` defaults to the last decision of ``year`` in the log (1 January if none).
    """
    if not growth.is_finite() or growth <= -1:
        raise CaseError("growth", "a growth rate must be a finite number above -100 %")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise CaseError("year", f"{year} is not a year from {MIN_YEAR} to {MAX_YEAR}")
    catalog = catalog or bundled_catalog()
    dates = log.column("date") if isinstance(log, LogTable) else [e.date for e in log]
    in_year = [d for d in dates if d.year == year]
    day = as_of or (max(in_year) if in_year else date(year, 1, 1))
    if day.year != year:
        raise CaseError("as_of", f"{day.isoformat()} is not in the target year {year}")
    days = 366 if calendar.isleap(year) else 365
    elapsed = Decimal(day.timetuple().tm_yday) / days
    base: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    actual: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    memo: dict[str, str | PenaltyRulesError] = {}
    for row, (number, when, sector, provision, amount) in enumerate(_rows(log), 2):
        if when.year == year - 1:
            bucket = base[_sector(sector, provision, number or row, catalog, memo)]
        elif when.year == year and when <= day:
            bucket = actual[_sector(sector, provision, number or row, catalog, memo)]
        else:
            continue
        bucket[0] += 1
        bucket[1] += amount

    def target_row(sector: str, b: list[int], a: list[int]) -> SectorTarget:
        t_cases, t_fines = _round(b[0] * (1 + growth)), _round(b[1] * (1 + growth))
        p_cases, p_fines = _round(t_cases * elapsed), _round(t_fines * elapsed)
        return SectorTarget(
            sector=sector, baseline_cases=b[0], baseline_fines=b[1], target_cases=t_cases,
            target_fines=t_fines, actual_cases=a[0], actual_fines=a[1], prorated_cases=p_cases,
            prorated_fines=p_fines, cases_progress_pct=_pct(a[0], p_cases),
            fines_progress_pct=_pct(a[1], p_fines),
        )

    sectors = sorted(set(base) | set(actual))
    rows = tuple(target_row(s, base[s], actual[s]) for s in sectors)
    total_b = [sum(base[s][0] for s in sectors), sum(base[s][1] for s in sectors)]
    total_a = [sum(actual[s][0] for s in sectors), sum(actual[s][1] for s in sectors)]
    return TargetReport(
        year=year, baseline_year=year - 1, growth=str(growth), as_of=day,
        elapsed_fraction=str(elapsed.quantize(Decimal("0.0001"))), sectors=rows,
        total=target_row("*", total_b, total_a),
    )
