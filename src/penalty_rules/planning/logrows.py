"""One case log row checked by the model of a log entry: the row-by-row reader's checks.

Shared by :mod:`~penalty_rules.planning.caselog` (which reads whole files row by row) and
:mod:`~penalty_rules.planning.logread` (which sends it the rows it does not accept itself).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import ValidationError

from ..errors import PenaltyRulesError
from ..models.case import error_path, validation_reason
from ..models.log import LogEntry

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


def _entries(path: str, rows: Iterable[tuple[int, dict[str, Any]]], from_csv: bool,
             progress: Callable[[int], object] | None = None) -> list[LogEntry]:
    entries = []
    for n, row in rows:
        if progress is not None:
            progress(1)
        unknown = sorted(set(row) - set(REQUIRED) - set(OPTIONAL))
        if unknown:
            raise CaseLogError(path, n, unknown[0], "unknown column")
        try:
            entries.append(LogEntry.model_validate(_clean(path, n, row, from_csv) | {"row": n}))
        except ValidationError as exc:
            err = exc.errors()[0]
            raise CaseLogError(path, n, error_path(err["loc"]), validation_reason(err)) from None
    return entries
