"""Reform what-if: apply a proposed change to the catalog and re-assess a case log.

A change file (TOML) lists changes, each naming a provision and one of: ``percent``
(raise or lower every amount by that percentage), ``min``/``max`` (new figures for a
plain frame), or ``index_to_cpi = true`` (scale by the price rise since the frame was
set). Scaled amounts are rounded to the nearest 1,000 đồng.

Both sides of the comparison use the engine's recommended amount (the log carries no
circumstances), so the difference shows the effect of the change alone.
"""

from __future__ import annotations

import functools
import tomllib
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, StrictInt, ValidationError, model_validator

from .. import inputs
from ..audit.indices import economic_series
from ..catalog.catalog import Catalog, provision_key
from ..citations.parse import parse_citation
from ..engine.assess import assess
from ..errors import CatalogError, PenaltyRulesError
from ..models.case import MAX_MONEY, error_path, validation_reason
from ..models.common import Frozen
from ..models.log import LogEntry, LogTable
from ..models.provision import FineFrame, PerUnitFine, Provision
from ..models.timeline import Timeline
from . import caselog

STEP = Decimal(1000)


class Change(Frozen):
    """One proposed change to a provision's frame."""

    provision: str = Field(min_length=1, max_length=1000)
    percent: Decimal | None = Field(default=None, gt=-100, le=1000, allow_inf_nan=False,
                                    description="above -100 (a cut to nothing) and at most 1000")
    min: StrictInt | None = Field(default=None, ge=0, le=MAX_MONEY)
    max: StrictInt | None = Field(default=None, ge=0, le=MAX_MONEY)
    index_to_cpi: bool = False
    note: str | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Change:
        kinds = [self.percent is not None, self.min is not None or self.max is not None,
                 self.index_to_cpi]
        if sum(kinds) != 1:
            raise ValueError("give exactly one of percent, min/max or index_to_cpi")
        if (self.min is None) != (self.max is None):
            raise ValueError("give both min and max")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("min is above max")
        return self


class ChangeFile(Frozen):
    """A reform proposal."""

    format: Literal[1]
    title: str = "reform"
    change: tuple[Change, ...] = Field(min_length=1)


def load_changes(path: str | Path) -> ChangeFile:
    """Read a change file; :class:`CatalogError` names the file, field and reason."""
    p = Path(path)
    text = inputs.read_text(p)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(str(p), "", f"not valid TOML: {exc}") from None
    except RecursionError:
        raise CatalogError(str(p), "", "not valid TOML: nested too deeply") from None
    except ValueError:  # tomllib's int() on a number above Python's 4,300-digit limit
        raise CatalogError(str(p), "", "not valid TOML: a number is too long "
                           f"(more than {inputs.MAX_DIGITS} digits)") from None
    try:
        return ChangeFile.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise CatalogError(str(p), error_path(err["loc"]), validation_reason(err)) from None


def _scale(amount: int, factor: Decimal) -> int:
    return int((Decimal(amount) * factor / STEP).quantize(Decimal(1), rounding=ROUND_HALF_UP) * STEP)


def _apply(provision: Provision, change: Change, factor: Decimal | None) -> Provision:
    versions = []
    for version in provision.versions:
        fine = version.fine
        if fine is None:
            versions.append(version)
            continue
        if change.min is not None and change.max is not None:
            if not isinstance(fine, FineFrame):
                raise PenaltyRulesError(f"{provision.citation}: min/max only fit a plain frame; "
                                        "use percent for per-unit or banded fines")
            new: Any = fine.model_copy(update={"min": change.min, "max": change.max})
        else:
            assert factor is not None
            new = fine.scaled(functools.partial(_scale, factor=factor))
        versions.append(version.model_copy(update={"fine": new}))
    return provision.model_copy(update={"versions": Timeline(versions)})


class AppliedChange(Frozen):
    """What a change did, with warnings (e.g. above the sector maximum)."""

    provision: str
    factor: str | None
    new_top: int | None
    warnings: tuple[str, ...] = ()


def apply_changes(catalog: Catalog, changes: ChangeFile, as_of: date) -> tuple[Catalog, list[AppliedChange]]:
    """A new catalog with the changes applied (the original is untouched)."""
    provisions = dict(catalog.provisions)
    applied = []
    series = economic_series()
    for i, change in enumerate(changes.change):
        try:
            matches = catalog.find(parse_citation(change.provision))
        except PenaltyRulesError as exc:
            raise CatalogError("change file", f"change[{i}].provision", str(exc)) from None
        provision = matches[0]
        factor: Decimal | None = None
        if change.percent is not None:
            factor = 1 + change.percent / 100
        elif change.index_to_cpi:
            if series.cpi_year_on(as_of) < series.first_cpi_year:
                raise CatalogError("change file", f"change[{i}].index_to_cpi",
                                   f"no consumer price index before {as_of.isoformat()}: the series "
                                   f"covers {series.first_cpi_year}-{series.latest_cpi_year}")
            version = provision.version_on(as_of) or provision.versions[-1]
            since = catalog.fine_set_since(provision, version)
            factor = series.price_level(series.cpi_year_on(as_of)) / series.price_level(
                max(since.year, series.first_cpi_year))
        changed = _apply(provision, change, factor)
        provisions[provision_key(provision)] = changed
        warnings = []
        rules = catalog.rules_for(provision.document)
        last = changed.versions[-1].fine
        top = changed.versions[-1].top_amount
        base = catalog.stated_base(provision)
        if rules is not None and top is not None and base is not None:
            cap = catalog.sector_cap(provision.document, provision.sector, base, as_of)
            if cap is not None and not isinstance(last, PerUnitFine) and top > cap.amount:
                warnings.append(f"new maximum {top:,} exceeds the sector maximum {cap.amount:,}")
        applied.append(AppliedChange(provision=provision.citation.format(),
                                     factor=str(factor.quantize(Decimal("0.0001"))) if factor else None,
                                     new_top=top, warnings=tuple(warnings)))
    return replace(catalog, provisions=provisions), applied


class ReformRow(Frozen):
    """Totals before and after, for a sector or a provision."""

    key: str
    cases: int
    before: int
    after: int
    change: int
    change_pct: str | None


class ReformReport(Frozen):
    """The effect of a proposal on a case log."""

    title: str
    changes: tuple[AppliedChange, ...]
    by_sector: tuple[ReformRow, ...]
    by_provision: tuple[ReformRow, ...]
    total: ReformRow
    skipped: tuple[str, ...] = ()


def _row(key: str, cases: int, before: int, after: int) -> ReformRow:
    pct = None if before == 0 else str(
        (Decimal(after - before) * 100 / before).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
    return ReformRow(key=key, cases=cases, before=before, after=after, change=after - before,
                     change_pct=pct)


def _case(entry: LogEntry) -> dict[str, Any]:
    fact: dict[str, Any] = {"provision": entry.provision, "committed_on": entry.act_ended_on,
                            "ended_on": entry.act_ended_on, "detected_on": entry.act_ended_on}
    if entry.quantity is not None:
        fact["quantity"] = entry.quantity
    if entry.goods_value is not None:
        fact["goods_value"] = entry.goods_value
    return {"offender": {"kind": entry.offender_kind.value},
            "decided_on": max(entry.date, entry.act_ended_on), "violations": [fact]}


def _row_by_row(log: Sequence[LogEntry], catalog: Catalog, reformed: Catalog,
                progress: Callable[[int], object] | None) -> tuple[dict[str, list[int]],
                                                                   dict[str, list[int]], list[str]]:
    sectors: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    provisions: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    skipped = []
    for row, entry in enumerate(log, 2):
        if progress is not None:
            progress(2)
        try:
            before = assess(_case(entry), catalog).violations[0]
            after = assess(_case(entry), reformed).violations[0]
        except PenaltyRulesError as exc:
            skipped.append(f"row {entry.row or row}: {exc}")
            continue
        for bucket in (sectors[before.sector], provisions[before.provision.clause_level().format()]):
            bucket[0] += 1
            bucket[1] += before.fine or 0
            bucket[2] += after.fine or 0
    return sectors, provisions, skipped


def what_if(log: Sequence[LogEntry], catalog: Catalog, changes: ChangeFile,
            as_of: date | None = None, *, columnar: bool | None = None,
            progress: Callable[[int], object] | None = None) -> ReformReport:
    """Re-assess ``log`` under the current catalog and under the proposal.

    ``columnar`` (default: when numpy and pandas are installed and the log has at least
    ``planning.caselog.COLUMNAR_ROWS`` rows) assesses the whole log at once with
    :func:`penalty_rules.batch.assess_table`; the answers are those of the row-by-row path.
    ``progress`` is called with the number of assessments done (two a row).
    """
    if columnar is None:
        columnar = len(log) >= caselog.COLUMNAR_ROWS and caselog.batch_available()
    table = log if isinstance(log, LogTable) else None
    if as_of is None:
        dates = table.column("date") if table is not None else [e.date for e in log]
        day = max(dates, default=date.today())
    else:
        day = as_of
    reformed, applied = apply_changes(catalog, changes, day)
    if columnar:
        from .columns import reform_totals

        table = table if table is not None else LogTable.from_entries(log)
        by = table

        def one(i: int) -> tuple[str, str]:
            answer = assess(_case(by[i]), catalog).violations[0]
            return answer.sector, answer.provision.clause_level().format()

        sectors, provisions, skipped = reform_totals(table, catalog, reformed, one, progress)
    else:
        sectors, provisions, skipped = _row_by_row(log, catalog, reformed, progress)
    by_sector = tuple(_row(k, *v) for k, v in sorted(sectors.items()))
    by_provision = tuple(_row(k, *v) for k, v in sorted(provisions.items()))
    total = _row("*", sum(v[0] for v in sectors.values()), sum(v[1] for v in sectors.values()),
                 sum(v[2] for v in sectors.values()))
    return ReformReport(title=changes.title, changes=tuple(applied), by_sector=by_sector,
                        by_provision=by_provision, total=total, skipped=tuple(skipped))
