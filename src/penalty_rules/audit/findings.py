"""Findings of the auditor and the description of each check."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import IntEnum
from typing import TYPE_CHECKING

from pydantic import Field

from ..models.citation import Citation
from ..models.common import EAGER, Frozen, Localized

if TYPE_CHECKING:
    from ..catalog.catalog import Catalog

SCHEMA_VERSION = 2  # 2: notes are {vi, en}; min_severity, total_before_filters; new check codes


#: Within one severity, findings of heavier checks come first: a replaced basis or a body that
#: no longer exists makes the decree wrong as written; eroded amounts make it weak.
CHECK_WEIGHT: dict[str, int] = {
    "base_law_replaced": 9, "unlawful_frame": 8, "abolished_body": 7, "repealed_in_use": 6,
    "base_law_amended": 5, "cpi_erosion": 4, "weak_frame": 3, "repeat_pressure": 3,
    "upcoming_base_change": 2, "wage_erosion": 1, "stale_verification": 1, "upcoming_change": 0,
}


class Severity(IntEnum):
    """How urgent a finding is (higher is more urgent)."""

    INFO = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3

    @property
    def label(self) -> str:
        """``high``, ``medium``, ``low``, ``info``."""
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        """A severity from its name, in any case; ``ValueError`` lists the names."""
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}; use one of "
                             f"{', '.join(s.label for s in cls)}") from None

    @property
    def meaning(self) -> Localized:
        """What the severity asks of the reader."""
        return SEVERITY_MEANING[self]


SEVERITY_MEANING = {
    Severity.HIGH: Localized(
        vi="Văn bản sai hoặc lạc hậu ở điểm cốt lõi (căn cứ đã bị thay thế, khung vượt mức tối đa, "
           "áp dụng quy định đã bãi bỏ): đưa vào kế hoạch sửa đổi ngay.",
        en="The text is wrong or outdated at its core (a replaced basis, a frame above the "
           "maximum, a repealed rule applied): put it in the amendment plan now."),
    Severity.MEDIUM: Localized(
        vi="Cần sửa khi sửa đổi văn bản lần tới (cơ quan không còn, luật đã sửa đổi, mức phạt "
           "mất giá trị); có thể tạm áp dụng quy định chuyển tiếp.",
        en="To fix at the next revision (a body that is gone, an amended law, eroded amounts); "
           "transitional rules may bridge it meanwhile."),
    Severity.LOW: Localized(
        vi="Theo dõi hoặc kiểm chứng thêm (số liệu chưa xác nhận, phạm vi chưa rõ).",
        en="Watch or verify (unconfirmed data, scope not known)."),
    Severity.INFO: Localized(
        vi="Thông tin để chuẩn bị (văn bản sắp có hiệu lực).",
        en="For preparation (a text about to take effect)."),
}


class Check(Frozen):
    """A named audit rule: what it looks for, why, and on what legal ground."""

    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: Localized
    rationale: Localized
    basis: tuple[Citation, ...] = ()
    principles: tuple[str, ...] = Field(
        default=(), description="codes of the dated principles the check rests on; the audit "
        "cites their wording in force on its date")

    def cited_on(self, catalog: Catalog, day: date) -> Check:
        """This check with the principles' wordings in force on ``day`` added to its basis."""
        found = [p.citation for code in self.principles
                 if (p := catalog.principle(code, day)) is not None]
        return self.model_copy(update={"basis": (*self.basis, *found)})


EvidenceValue = int | str | float | bool | None


class Finding(Frozen):
    """One thing to amend, with the figures that show it."""

    check: str
    severity: Severity
    document: str
    subject: str = Field(description="the provision or document concerned (canonical citation)")
    summary: Localized
    evidence: dict[str, EvidenceValue] = Field(default_factory=dict)
    recommendation: Localized
    citations: tuple[Citation, ...] = ()

    @property
    def magnitude(self) -> Decimal:
        """How large the problem is within its check (a loss in %, a rate), 0 when not measured."""
        for key in ("loss_pct", "repeat_rate_pct"):
            value = self.evidence.get(key)
            if isinstance(value, str):
                return Decimal(value)
        return Decimal(0)

    def sort_key(self) -> tuple[object, ...]:
        """Rank: severity (high first), then the weight of the check, then the size of the
        problem, then document, subject and check for a stable order."""
        return (-int(self.severity), self.unverified, -self.weight, -self.magnitude,
                self.document, self.subject, self.check)

    @property
    def weight(self) -> int:
        """The check's weight; decisions already taken on a wrong basis (case log) weigh most."""
        bonus = 10 if "log_entries_after_repeal" in self.evidence else 0
        return CHECK_WEIGHT.get(self.check, 0) + bonus

    @property
    def unverified(self) -> bool:
        """True when the finding rests on a fact from memory (ranked after verified ones)."""
        return any(self.evidence.get(k) == "MEMORY" for k in ("basis_status", "wording_status"))


class ErosionRow(Frozen):
    """Real-value loss of one provision's frame maximum."""

    document: str
    subject: str
    amount: int
    set_year: int
    audit_year: int
    cpi_year: int
    price_ratio: str
    real_value: int
    loss_pct: str
    wage_ratio: str | None = None
    base_salary_ratio: str | None = None


class AuditReport(Frozen):
    """Everything the auditor found as of a date."""

    model_config = Frozen.model_config | EAGER

    as_of: date
    document: str | None = None
    erosion_threshold_pct: str = "25.0"
    findings: tuple[Finding, ...]
    erosion: tuple[ErosionRow, ...] = ()
    checks: tuple[Check, ...] = ()
    notes: tuple[Localized, ...] = ()
    min_severity: Severity = Severity.INFO
    total_before_filters: int = Field(default=0, description="findings before --min-severity")
