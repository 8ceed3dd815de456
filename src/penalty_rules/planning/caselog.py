"""Case logs: past decisions (CSV or JSON) for targets, reform what-ifs and the auditor.

Columns: ``date`` (decision date), ``provision`` (any citation form), ``offender_kind``,
``amount`` (whole VND) are required; ``sector``, ``offender_id``, ``quantity``,
``goods_value``, ``ended_on`` (when the act ended; default ``date``) are optional.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterable
from pathlib import Path

from .. import inputs
from ..catalog.catalog import Catalog
from ..citations.parse import parse_citation
from ..errors import PenaltyRulesError
from ..models.log import LogEntry, LogTable
from .logrows import NUMBERS, OPTIONAL, REQUIRED, CaseLogError, _entries

__all__ = ["COLUMNAR_CHARS", "COLUMNAR_ROWS", "NUMBERS", "OPTIONAL", "REQUIRED", "CaseLogError",
           "batch_available", "check_sectors", "load_case_log", "read_case_log", "unreadable_rows"]


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
    """True when numpy and pandas (extra ``[batch]``) are installed: the fast paths run.

    Nothing is imported here (pandas alone takes half a second): each path imports what it
    uses when it runs.
    """
    global _BATCH
    if _BATCH is None:
        _BATCH = all(importlib.util.find_spec(name) is not None for name in ("numpy", "pandas"))
    return _BATCH


_BATCH: bool | None = None
#: Below these sizes the row-by-row path answers sooner than numpy, pyarrow and pandas
#: are imported (about half a second): a log of fewer characters is read row by row, and
#: fewer rows are re-assessed row by row by ``reform``.
COLUMNAR_CHARS = 512 * 1024
COLUMNAR_ROWS = 500


def read_case_log(path: str | Path, *, columnar: bool | None = None,
                  progress: Callable[[int], object] | None = None) -> list[LogEntry] | LogTable:
    """Read a CSV or JSON case log: by columns (a :class:`~penalty_rules.models.log.LogTable`)
    when ``columnar`` (default: when numpy and pandas are installed and the file holds at
    least ``COLUMNAR_CHARS`` characters), else row by row.

    Both readers accept the same files, give the same values and refuse a bad file with
    the same one-line error (see ``load_case_log``); the columnar one reads a file
    the simple reader cannot match line for line (quoted cells, …) row by row too.
    ``progress`` is called with the number of rows read.
    """
    p = Path(path)
    text = inputs.read_text(p, inputs.MAX_LOG_BYTES)
    if columnar is None:
        columnar = len(text) >= COLUMNAR_CHARS and batch_available()
    if p.suffix.lower() == ".json":
        data = inputs.parse_json(text, str(p))
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise CaseLogError(str(p), None, "", "a JSON case log is a list of objects")
        if columnar and all(_KNOWN.issuperset(r) for r in data):
            from .logread import read_json_columns

            table = read_json_columns(data, str(p))
            if progress is not None:
                progress(len(table))
            return table
        entries = _entries(str(p), enumerate(data, 1), from_csv=False, progress=progress)
        return LogTable.from_entries(entries) if columnar else entries
    end = text.find("\n")
    first = text if end < 0 else text[:end]
    # Without a quote, the header is the first line: the csv reader need not copy the file.
    header, rows = inputs.csv_rows(first if columnar and '"' not in first else text, str(p))
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise CaseLogError(str(p), None, missing[0], "required column is missing "
                           f"(columns found: {', '.join(header) or 'none'})")
    if columnar and _KNOWN.issuperset(header):
        from .logread import read_csv_columns

        found = read_csv_columns(text, str(p), header)
        if found is not None:
            if progress is not None:
                progress(len(found))
            return found
    if columnar and '"' not in first:
        header, rows = inputs.csv_rows(text, str(p))
    entries = _entries(str(p), rows, from_csv=True, progress=progress)
    return LogTable.from_entries(entries) if columnar else entries


_KNOWN = frozenset(REQUIRED) | frozenset(OPTIONAL)


def check_sectors(entries: Iterable[LogEntry], catalog: Catalog, path: str = "log") -> None:
    """Refuse a sector code the catalog does not know (a typo would count as a new sector)."""
    known = catalog.sectors
    if isinstance(entries, LogTable):
        pairs: Iterable[tuple[str | None, int | None]] = zip(
            entries.column("sector"), entries.column("row"), strict=True)
    else:
        pairs = ((e.sector, e.row) for e in entries)
    for sector, row in pairs:
        if sector is not None and sector not in known:
            raise CaseLogError(path, row, "sector", f"unknown sector {sector[:40]!r}; "
                               f"known: {', '.join(sorted(known))}")


def unreadable_rows(entries: Iterable[LogEntry], catalog: Catalog) -> list[str]:
    """One line per row whose citation cannot be read or found in ``catalog``."""
    if isinstance(entries, LogTable):
        pairs: Iterable[tuple[str, int | None]] = zip(
            entries.column("provision"), entries.column("row"), strict=True)
    else:
        pairs = ((e.provision, e.row) for e in entries)
    problems = []
    seen: dict[str, str | None] = {}  # each citation is read once
    for i, (provision, row) in enumerate(pairs, 1):
        if provision not in seen:
            try:
                catalog.find(parse_citation(provision))
                seen[provision] = None
            except PenaltyRulesError as exc:
                seen[provision] = str(exc)
        problem = seen[provision]
        if problem is not None:
            problems.append(f"row {row or i}: {problem}")
    return problems
