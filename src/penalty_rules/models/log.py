"""One row of a case log: a past sanction decision.

Dates, counts and money follow the rules of :mod:`penalty_rules.models.case`: dates are
``YYYY-MM-DD`` or ``DD/MM/YYYY`` text (never numbers), amounts and quantities whole
numbers within the documented maxima.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, overload

from pydantic import Field, model_validator

from .case import CaseDate, CaseMoney, NormalText, Quantity
from .common import Frozen
from .offender import OffenderKind


class LogEntry(Frozen):
    """One past decision."""

    date: CaseDate = Field(description="the decision date")
    provision: NormalText = Field(min_length=1, max_length=1000)
    offender_kind: OffenderKind
    amount: CaseMoney
    sector: NormalText | None = Field(default=None, max_length=100)
    offender_id: str | None = Field(default=None, max_length=200)
    quantity: Quantity | None = None
    goods_value: CaseMoney | None = None
    ended_on: CaseDate | None = Field(default=None, description="when the act ended (default: date)")
    row: int | None = Field(default=None, ge=1,
                            description="the row's line in the log file (set by the reader)")

    @model_validator(mode="after")
    def _ended_before_decision(self) -> LogEntry:
        if self.ended_on is not None and self.ended_on > self.date:
            raise ValueError(f"ended_on {self.ended_on} is after the decision date {self.date}")
        return self

    @property
    def act_ended_on(self) -> dt.date:
        """When the act ended (the decision date when the log does not say)."""
        return self.ended_on or self.date


#: The fields of a log entry, in the order the model validates them.
LOG_FIELDS = tuple(LogEntry.model_fields)


class LogTable(Sequence[LogEntry]):
    """A validated case log held by columns: one list per field of :class:`LogEntry`.

    Read by :func:`penalty_rules.planning.caselog.read_case_log`; every value is already
    what the entry's model gives (so the table holds no model objects). Targets, reform
    and the auditor read its columns directly; as a sequence it gives the entries, built
    on demand, for any other reader.
    """

    __slots__ = ("_columns", "_n")

    def __init__(self, columns: Mapping[str, list[Any]]) -> None:
        self._columns = {name: columns[name] for name in LOG_FIELDS}
        sizes = {len(c) for c in self._columns.values()}
        if len(sizes) > 1:
            raise ValueError("the columns of a log table have different lengths")
        self._n = sizes.pop() if sizes else 0

    @classmethod
    def from_entries(cls, entries: Iterable[LogEntry]) -> LogTable:
        """The table of ``entries`` (as read by the row-by-row reader)."""
        rows = list(entries)
        return cls({name: [getattr(e, name) for e in rows] for name in LOG_FIELDS})

    def column(self, name: str) -> list[Any]:
        """The values of one field, row by row (``None`` where the log leaves it empty)."""
        return self._columns[name]

    def act_ended_on(self) -> list[dt.date]:
        """When each act ended (the decision date where the log does not say)."""
        return [e if e is not None else d
                for d, e in zip(self._columns["date"], self._columns["ended_on"], strict=True)]

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, index: int) -> LogEntry: ...

    @overload
    def __getitem__(self, index: slice) -> list[LogEntry]: ...

    def __getitem__(self, index: int | slice) -> LogEntry | list[LogEntry]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._n))]
        if index < 0:
            index += self._n
        if not 0 <= index < self._n:
            raise IndexError("log table index out of range")
        return LogEntry.model_construct(**{name: c[index] for name, c in self._columns.items()})
