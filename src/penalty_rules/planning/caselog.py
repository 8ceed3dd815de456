"""Case logs: past decisions (CSV or JSON) for targets, reform what-ifs and the auditor.

Columns: ``date`` (decision date), ``provision`` (any citation form), ``offender_kind``,
``amount`` (whole VND) are required; ``sector``, ``offender_id``, ``quantity``,
``goods_value``, ``ended_on`` (when the act ended; default ``date``) are optional.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .. import inputs
from ..errors import PenaltyRulesError
from ..models.log import LogEntry

REQUIRED = ("date", "provision", "offender_kind", "amount")
OPTIONAL = ("sector", "offender_id", "quantity", "goods_value", "ended_on")


class CaseLogError(PenaltyRulesError, ValueError):
    """A case log is malformed: names the file, the row and the field."""

    def __init__(self, path: str, row: int | None, field: str, reason: str) -> None:
        where = f"{path}" + (f": row {row}" if row is not None else "")
        super().__init__(f"{where}: {field}: {reason}" if field else f"{where}: {reason}")


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, str):
            value = value.strip()
            if value == "":
                continue
            if key in ("amount", "quantity", "goods_value"):
                if not value.replace("_", "").isdigit():
                    out[key] = value  # let validation explain
                    continue
                value = int(value.replace("_", ""))
        out[key] = value
    return out


def _entries(path: str, rows: Iterable[tuple[int, dict[str, Any]]]) -> list[LogEntry]:
    entries = []
    for n, row in rows:
        unknown = sorted(set(row) - set(REQUIRED) - set(OPTIONAL))
        if unknown:
            raise CaseLogError(path, n, unknown[0], "unknown column")
        try:
            entries.append(LogEntry.model_validate(_clean(row)))
        except ValidationError as exc:
            err = exc.errors()[0]
            field = ".".join(str(p) for p in err["loc"]) or "row"
            reason = "required field is missing" if err["type"] == "missing" else err["msg"]
            raise CaseLogError(path, n, field, reason) from None
    return entries


def load_case_log(path: str | Path) -> list[LogEntry]:
    """Read a CSV or JSON case log; :class:`CaseLogError` names what is wrong.

    The file is read with the checks of :mod:`penalty_rules.inputs` (regular file, size,
    UTF-8 with or without a byte-order mark, JSON depth and duplicate keys, duplicate CSV
    columns), which raise :class:`~penalty_rules.errors.InputFileError`.
    """
    p = Path(path)
    text = inputs.read_text(p)
    if p.suffix.lower() == ".json":
        data = inputs.parse_json(text, str(p))
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise CaseLogError(str(p), None, "", "a JSON case log is a list of objects")
        return _entries(str(p), enumerate(data, 1))
    header, rows = inputs.csv_rows(text, str(p))
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise CaseLogError(str(p), None, missing[0], "required column is missing "
                           f"(columns found: {', '.join(header) or 'none'})")
    return _entries(str(p), rows)
