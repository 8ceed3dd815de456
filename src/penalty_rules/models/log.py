"""One row of a case log: a past sanction decision."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .common import VND, Frozen
from .offender import OffenderKind


class LogEntry(Frozen):
    """One past decision."""

    date: dt.date
    provision: str = Field(min_length=1)
    offender_kind: OffenderKind
    amount: VND
    sector: str | None = None
    offender_id: str | None = None
    quantity: int | None = Field(default=None, ge=1)
    goods_value: VND | None = None
    ended_on: dt.date | None = None

    @property
    def act_ended_on(self) -> dt.date:
        """When the act ended (the decision date when the log does not say)."""
        return self.ended_on or self.date
