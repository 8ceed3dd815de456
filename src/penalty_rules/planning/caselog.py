"""Case logs: past decisions (CSV or JSON) for targets, reform what-ifs and the auditor.

Columns: ``date`` (decision date), ``provision`` (any citation form), ``offender_kind``,
``amount`` (whole VND) are required; ``sector``, ``offender_id``, ``quantity``,
``goods_value``, ``ended_on`` (when the act ended; default ``date``) are optional.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .. import inputs
from ..catalog.catalog import Catalog
from ..citations.parse import parse_citation
from ..errors import PenaltyRulesError
from ..models.case import error_path, validation_reason
from ..models.log import LogEntry, LogTable

REQUIRED = ("date", "provision", "offender_kind", "amount")
OPTIONAL = ("sector", "offender_id", "quantity", "goods_value", "ended_on")
NUMBERS = ("amount", "quantity", "goods_value")


class CaseLogError(PenaltyRulesError, ValueError):
    """A case log is malformed: names the file, the row and the field."""

    def __init__(self, path: str, row: int | None, field: str, reason: str) -> None:
        where = f"{path}" + (f": row {row}" if row is not None else "")
        super().__init__(f"{where}: {field}: {reason}" if field else f"{where}: {reason}")


_NUMBER = re.compile(r"[0-9]+(?:_[0-9]{3})*")


def _clean(path: str, n: int, row: dict[str, Any], from_csv: bool) -> dict[str, Any]:
    """Drop empty cells; in a CSV row, read the number columns as whole numbers."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, str):
            value = value.strip()
            if value == "":
                continue
            if from_csv and key in NUMBERS:
                if not _NUMBER.fullmatch(value):
                    raise CaseLogError(path, n, key, f"{value[:40]!r} is not a whole number "
                                       "(digits only, e.g. 11250000)")
                if len(value) > 20:
                    raise CaseLogError(path, n, key, f"a number of {len(value)} digits is "
                                       "above every maximum")
                value = int(value)
        out[key] = value
    return out


def _entries(path: str, rows: Iterable[tuple[int, dict[str, Any]]], from_csv: bool) -> list[LogEntry]:
    entries = []
    for n, row in rows:
        unknown = sorted(set(row) - set(REQUIRED) - set(OPTIONAL))
        if unknown:
            raise CaseLogError(path, n, unknown[0], "unknown column")
        try:
            entries.append(LogEntry.model_validate(_clean(path, n, row, from_csv) | {"row": n}))
        except ValidationError as exc:
            err = exc.errors()[0]
            raise CaseLogError(path, n, error_path(err["loc"]), validation_reason(err)) from None
    return entries


def load_case_log(path: str | Path) -> list[LogEntry]:
    """Read a CSV or JSON case log row by row; :class:`CaseLogError` names what is wrong.

    The file is read with the checks of :mod:`penalty_rules.inputs` (regular file, size,
    UTF-8 with or without a byte-order mark, JSON depth and duplicate keys, duplicate CSV
    columns), which raise :class:`~penalty_rules.errors.InputFileError`.
    """
    log = read_case_log(path, columnar=False)
    assert isinstance(log, list)
    return log


def batch_available() -> bool:
    """True when numpy and pandas (extra ``[batch]``) can be imported: the fast paths run."""
    global _BATCH
    if _BATCH is None:
        try:
            import numpy  # type: ignore[import-not-found, unused-ignore]  # noqa: F401
            import pandas  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: F401
        except ImportError:
            _BATCH = False
        else:
            _BATCH = True
    return _BATCH


_BATCH: bool | None = None


def read_case_log(path: str | Path, *, columnar: bool | None = None) -> list[LogEntry] | LogTable:
    """Read a CSV or JSON case log: by columns (a :class:`~penalty_rules.models.log.LogTable`)
    when ``columnar`` (default: when numpy and pandas are installed), else row by row.

    Both readers accept the same files, give the same values and refuse a bad file with
    the same one-line error (see :func:`load_case_log`); the columnar one reads a file
    the simple reader cannot match line for line (quoted cells, …) row by row too.
    """
    p = Path(path)
    columnar = batch_available() if columnar is None else columnar
    text = inputs.read_text(p, inputs.MAX_LOG_BYTES)
    if p.suffix.lower() == ".json":
        data = inputs.parse_json(text, str(p))
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise CaseLogError(str(p), None, "", "a JSON case log is a list of objects")
        if columnar and all(_KNOWN.issuperset(r) for r in data):
            from .logread import read_json_columns

            return read_json_columns(data, str(p))
        entries = _entries(str(p), enumerate(data, 1), from_csv=False)
        return LogTable.from_entries(entries) if columnar else entries
    first = text.split("\n", 1)[0]
    # Without a quote, the header is the first line: the csv reader need not copy the file.
    header, rows = inputs.csv_rows(first if columnar and '"' not in first else text, str(p))
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise CaseLogError(str(p), None, missing[0], "required column is missing "
                           f"(columns found: {', '.join(header) or 'none'})")
    if columnar and _KNOWN.issuperset(header):
        from .logread import read_csv_columns

        table = read_csv_columns(text, str(p), header)
        if table is not None:
            return table
    if columnar and '"' not in first:
        header, rows = inputs.csv_rows(text, str(p))
    entries = _entries(str(p), rows, from_csv=True)
    return LogTable.from_entries(entries) if columnar else entries


_KNOWN = frozenset(REQUIRED) | frozenset(OPTIONAL)


def check_sectors(entries: Iterable[LogEntry], catalog: Catalog, path: str = "log") -> None:
    """Refuse a sector code the catalog does not know (a typo would count as a new sector)."""
    known = catalog.sectors
    for entry in entries:
        if entry.sector is not None and entry.sector not in known:
            raise CaseLogError(path, entry.row, "sector", f"unknown sector {entry.sector[:40]!r}; "
                               f"known: {', '.join(sorted(known))}")


def unreadable_rows(entries: Iterable[LogEntry], catalog: Catalog) -> list[str]:
    """One line per row whose citation cannot be read or found in ``catalog``."""
    problems = []
    for i, entry in enumerate(entries, 1):
        try:
            catalog.find(parse_citation(entry.provision))
        except PenaltyRulesError as exc:
            problems.append(f"row {entry.row or i}: {exc}")
    return problems
