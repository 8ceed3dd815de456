"""One row of a case log: a past sanction decision.

Dates, counts and money follow the rules of :mod:`penalty_rules.models.case`: dates are
``YYYY-MM-DD`` or ``DD/MM/YYYY`` text (never numbers), amounts and quantities whole
numbers within the documented maxima.
"""

from __future__ import annotations

import datetime as dt

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
