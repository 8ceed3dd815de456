"""Findings of the auditor and the description of each check."""

from __future__ import annotations

from datetime import date
from enum import IntEnum

from pydantic import Field

from ..models.citation import Citation
from ..models.common import Frozen, Localized

SCHEMA_VERSION = 1


class Severity(IntEnum):
    """How urgent a finding is (higher is more urgent)."""

    INFO = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3

    @property
    def label(self) -> str:
        return self.name.lower()


class Check(Frozen):
    """A named audit rule: what it looks for, why, and on what legal ground."""

    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: Localized
    rationale: Localized
    basis: tuple[Citation, ...] = ()


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

    def sort_key(self) -> tuple[object, ...]:
        """Stable order: severity (high first), document, subject, check."""
        return (-int(self.severity), self.document, self.subject, self.check)


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

    as_of: date
    document: str | None = None
    erosion_threshold_pct: str = "25.0"
    findings: tuple[Finding, ...]
    erosion: tuple[ErosionRow, ...] = ()
    checks: tuple[Check, ...] = ()
    notes: tuple[str, ...] = ()
