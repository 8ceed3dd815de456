"""The result of an assessment, with its explanation trace."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from .citation import Citation
from .common import EAGER, VND, Frozen, Localized
from .document import DocumentNumber
from .offender import Offender
from .provision import Duration

ParamValue = int | str | date | bool | Citation | Localized | None


class TraceStep(Frozen):
    """One step of the reasoning: a rule, its message parameters and its legal basis.

    ``message`` is a key of the message catalogs of :mod:`penalty_rules.i18n`; the text is
    rendered in Vietnamese or English by :mod:`penalty_rules.report`.
    """

    rule: str = Field(description="the stage of the reasoning (e.g. time.reference, frame.max)")
    message: str = Field(description="key of the sentence in the message catalogs")
    params: dict[str, ParamValue] = Field(
        default_factory=dict, description="values that fill the sentence (amounts, dates, citations, names)")
    citations: tuple[Citation, ...] = Field(default=(), description="the legal basis of this step")
    flags: tuple[str, ...] = Field(default=(), description="flag codes about the data used in this step")


class FineInterval(Frozen):
    """The lawful interval for the specific fine; ends may be open (excluded)."""

    low: VND
    high: VND
    low_open: bool = Field(default=False, description="true when the lower end itself is excluded")
    high_open: bool = Field(default=False, description="true when the upper end itself is excluded")

    def contains(self, amount: int) -> bool:
        """True if ``amount`` lies in the interval."""
        above = amount > self.low if self.low_open else amount >= self.low
        below = amount < self.high if self.high_open else amount <= self.high
        return above and below


class AppliedMeasure(Frozen):
    """An additional sanction or remedial measure that goes with the act."""

    code: str = Field(description="stable code of the measure")
    label: Localized = Field(description="what the measure is, in both languages")
    duration: Duration | None = Field(
        default=None, description="how long it lasts, in months, when the decree says")
    condition: Localized | None = Field(default=None, description="when it applies, if only in some cases")
    alternative_to: str | None = Field(
        default=None, description="code of the main measure this one replaces when that one "
        "cannot be carried out (a fallback)")


class CompetentOfficial(Frozen):
    """An official who may decide the case, with the cap that applies to this offender."""

    code: str = Field(description="code of the competence rule")
    official: Localized = Field(description="the title of the official")
    cap: VND
    basis: Citation = Field(description="the clause that empowers the official")
    flags: tuple[str, ...] = Field(default=(), description="flag codes about the recorded cap")
    level: str | None = Field(default=None, description="commune, province, central or field")
    condition: Localized | None = Field(
        default=None, description="a limit the decree puts on this official (e.g. within their "
        "assigned duties), to check before signing")
    scope_basis: tuple[Citation, ...] = Field(
        default=(), description="the clauses that divide competence for this official")


class ViolationAssessment(Frozen):
    """The answer for one violation."""

    index: int = Field(description="position of the act in the case, from 0")
    provision: Citation = Field(description="the provision applied (after time and leniency)")
    document: DocumentNumber = Field(description="the document of the provision applied")
    label: Localized = Field(description="short description of the provision")
    act: Localized | None = Field(
        default=None, description="the act of the point applied, when the clause lists several")
    sector: str = Field(description="code of the sector (lĩnh vực)")
    warning_possible: bool = Field(description="a warning may be imposed instead of a fine")
    warning_imposed: bool = Field(
        default=False, description="the clause sanctions the act by a warning only (no fine)")
    fine_min: VND | None = Field(
        description="lower end of the frame for this offender, VND; null for a warning")
    fine_max: VND | None = Field(
        description="upper end of the frame for this offender, VND; null for a warning")
    fine: VND | None = Field(description="amount for this entry (× times when fined separately)")
    fine_per_act: VND | None = Field(
        default=None, description="amount for one time when each time is fined separately")
    fine_interval: FineInterval | None = Field(description="the lawful interval for the specific fine")
    times: int = Field(default=1, description="how many times the act was committed")
    fined_once: bool = Field(
        default=False, description="repeated acts fined once with an aggravating circumstance")
    time_barred: bool = Field(description="true when the limitation period ended before the decision")
    limitation_years: int = Field(description="length of the limitation period, in years")
    limitation_expires_on: date = Field(description="last day a sanction may be decided")
    additional_sanctions: tuple[AppliedMeasure, ...] = Field(
        default=(), description="additional sanctions that go with the act")
    remedial_measures: tuple[AppliedMeasure, ...] = Field(
        default=(), description="remedial measures that go with the act")
    flags: tuple[str, ...] = Field(default=(), description="flag codes about the data behind this answer")
    trace: tuple[TraceStep, ...] = Field(
        default=(), description="the reasoning, step by step, with its legal basis")


class Assessment(Frozen):
    """The answer for a whole case."""

    model_config = Frozen.model_config | EAGER

    offender: Offender = Field(description="who committed the acts")
    fined_as: str = Field(description="whose amounts apply: individual or organization")
    decided_on: date = Field(description="the decision date used")
    violations: tuple[ViolationAssessment, ...] = Field(
        description="the answer for each act, in the order given")
    total_fine: VND = Field(description="sum of the fines of the acts not time-barred, VND")
    competent: tuple[CompetentOfficial, ...] = Field(
        description="officials who may decide every act, lowest cap first")
    trace: tuple[TraceStep, ...] = Field(
        default=(), description="case-level reasoning (decision date, total, competence)")
    flags: tuple[str, ...] = Field(default=(), description="every flag code of the violations, once")
