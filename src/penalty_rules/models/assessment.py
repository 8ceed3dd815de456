"""The result of an assessment, with its explanation trace."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from .citation import Citation
from .common import VND, Frozen, Localized
from .document import DocumentNumber
from .offender import Offender
from .provision import Duration

ParamValue = int | str | date | bool | Citation | Localized | None


class TraceStep(Frozen):
    """One step of the reasoning: a rule, its message parameters and its legal basis.

    ``message`` is a key of the message catalogs of :mod:`penalty_rules.i18n`; the text is
    rendered in Vietnamese or English by :mod:`penalty_rules.report`.
    """

    rule: str
    message: str
    params: dict[str, ParamValue] = Field(default_factory=dict)
    citations: tuple[Citation, ...] = ()
    flags: tuple[str, ...] = ()


class FineInterval(Frozen):
    """The lawful interval for the specific fine; ends may be open (excluded)."""

    low: VND
    high: VND
    low_open: bool = False
    high_open: bool = False

    def contains(self, amount: int) -> bool:
        """True if ``amount`` lies in the interval."""
        above = amount > self.low if self.low_open else amount >= self.low
        below = amount < self.high if self.high_open else amount <= self.high
        return above and below


class AppliedMeasure(Frozen):
    """An additional sanction or remedial measure that goes with the act."""

    code: str
    label: Localized
    duration: Duration | None = None
    condition: Localized | None = None


class CompetentOfficial(Frozen):
    """An official who may decide the case, with the cap that applies to this offender."""

    code: str
    official: Localized
    cap: VND
    basis: Citation
    flags: tuple[str, ...] = ()
    level: str | None = Field(default=None, description="commune, province, central or field")
    condition: Localized | None = Field(
        default=None, description="a limit the decree puts on this official (e.g. within their "
        "assigned duties), to check before signing")
    scope_basis: tuple[Citation, ...] = Field(
        default=(), description="the clauses that divide competence for this official")


class ViolationAssessment(Frozen):
    """The answer for one violation."""

    index: int
    provision: Citation
    document: DocumentNumber
    label: Localized
    act: Localized | None = None
    sector: str
    warning_possible: bool = Field(description="a warning may be imposed instead of a fine")
    warning_imposed: bool = Field(
        default=False, description="the clause sanctions the act by a warning only (no fine)")
    fine_min: VND | None
    fine_max: VND | None
    fine: VND | None = Field(description="amount for this entry (× times when fined separately)")
    fine_per_act: VND | None = None
    fine_interval: FineInterval | None
    times: int = 1
    fined_once: bool = False
    time_barred: bool
    limitation_years: int
    limitation_expires_on: date
    additional_sanctions: tuple[AppliedMeasure, ...] = ()
    remedial_measures: tuple[AppliedMeasure, ...] = ()
    flags: tuple[str, ...] = ()
    trace: tuple[TraceStep, ...] = ()


class Assessment(Frozen):
    """The answer for a whole case."""

    offender: Offender
    fined_as: str
    decided_on: date
    violations: tuple[ViolationAssessment, ...]
    total_fine: VND
    competent: tuple[CompetentOfficial, ...]
    trace: tuple[TraceStep, ...] = ()
    flags: tuple[str, ...] = ()
