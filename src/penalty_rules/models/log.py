"""One row of a case log: a past sanction decision."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .common import VND, Frozen
from .offender import OffenderKind


class LogEntry(Frozen):
    """One past decision."""

    date: dt.date = Field(description="the decision date")
    provision: str = Field(min_length=1, description="the provision cited, in any accepted form")
    offender_kind: OffenderKind = Field(description="individual, organization or household_business")
    amount: VND
    sector: str | None = Field(default=None, description="sector code; derived from the provision when empty")
    offender_id: str | None = Field(
        default=None, description="an identifier of the offender, to count repeat offences")
    quantity: int | None = Field(
        default=None, ge=1, description="number of units, when the fine depends on it")
    goods_value: VND | None = Field(
        default=None, description="value of the goods, VND, when the fine depends on it")
    ended_on: dt.date | None = Field(default=None, description="the day the act ended, when recorded")

    @property
    def act_ended_on(self) -> dt.date:
        """When the act ended (the decision date when the log does not say)."""
        return self.ended_on or self.date
