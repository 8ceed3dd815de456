"""Cases: an offender and the facts of each violation."""

from __future__ import annotations

from datetime import date

from pydantic import Field, model_validator

from .common import VND, Frozen
from .offender import Offender


class ViolationFact(Frozen):
    """One act as found: which provision, when, and the circumstances.

    ``ended_on`` is ``None`` while the act is still going on.
    """

    provision: str = Field(min_length=1, description="citation in any accepted form")
    committed_on: date = Field(description="the day the act began")
    ended_on: date | None = Field(default=None, description="the day the act ended; null while it goes on")
    detected_on: date = Field(description="the day the act was detected")
    mitigating: tuple[str, ...] = Field(default=(), description="codes of mitigating circumstances")
    aggravating: tuple[str, ...] = Field(default=(), description="codes of aggravating circumstances")
    quantity: int | None = Field(
        default=None, ge=1, description="number of units, for fines per unit or bands by quantity")
    goods_value: VND | None = Field(default=None, description="value of the goods, VND, for bands by value")
    illegal_profit: VND | None = Field(default=None, description="illegal profit, VND, for bands by profit")
    times: int = Field(default=1, ge=1, description="how many times the act was committed")

    @model_validator(mode="after")
    def _dates(self) -> ViolationFact:
        if self.ended_on is not None and self.ended_on < self.committed_on:
            raise ValueError(
                f"ended_on {self.ended_on} is before committed_on {self.committed_on}: "
                "an act cannot end before it starts"
            )
        if self.detected_on < self.committed_on:
            raise ValueError(
                f"detected_on {self.detected_on} is before committed_on {self.committed_on}: "
                "an act cannot be detected before it is committed"
            )
        return self

    @property
    def ongoing_at_detection(self) -> bool:
        """True if the act was still going on when it was detected."""
        return self.ended_on is None or self.ended_on > self.detected_on


class Case(Frozen):
    """An offender, the decision date and the violations found."""

    offender: Offender = Field(description="who committed the acts")
    decided_on: date | None = Field(default=None, description="decision date; today in Viet Nam when absent")
    violations: tuple[ViolationFact, ...] = Field(min_length=1, description="the acts found, at least one")

    @model_validator(mode="after")
    def _decision_after_detection(self) -> Case:
        if self.decided_on is not None:
            for i, fact in enumerate(self.violations):
                if self.decided_on < fact.detected_on:
                    raise ValueError(
                        f"violations[{i}]: decided_on {self.decided_on} is before detected_on "
                        f"{fact.detected_on}: a decision cannot precede detection"
                    )
        return self
