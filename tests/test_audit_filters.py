"""Filters and ranking of the audit: --min-severity, --check, --document; ranked findings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from penalty_rules.audit.auditor import audit, known_checks
from penalty_rules.audit.findings import AuditReport, Severity
from penalty_rules.errors import CaseError, DocumentNotFound

DAY = date(2026, 12, 2)


@pytest.fixture(scope="module")
def full() -> AuditReport:
    return audit(as_of=DAY)


def test_min_severity_drops_lower_findings(full: AuditReport) -> None:
    high = audit(as_of=DAY, min_severity="high")
    assert high.findings and all(f.severity is Severity.HIGH for f in high.findings)
    assert len(high.findings) == sum(1 for f in full.findings if f.severity is Severity.HIGH)
    assert high.total_before_filters == len(full.findings)
    with pytest.raises(CaseError, match="unknown severity 'urgent'"):
        audit(as_of=DAY, min_severity="urgent")


def test_check_filter(full: AuditReport) -> None:
    one = audit(as_of=DAY, checks=["abolished_body"])
    assert {f.check for f in one.findings} == {"abolished_body"}
    assert [c.code for c in one.checks] == ["abolished_body"]
    with pytest.raises(CaseError, match="unknown check"):
        audit(as_of=DAY, checks=["no_such_check"])
    assert "base_law_replaced" in known_checks()


def test_unknown_document_is_refused() -> None:
    with pytest.raises(DocumentNotFound):
        audit(as_of=DAY, document="999/2099/NĐ-CP")


def test_findings_are_ranked(full: AuditReport) -> None:
    severities = [int(f.severity) for f in full.findings]
    assert severities == sorted(severities, reverse=True)
    # among high findings, a replaced basis comes before anything else
    assert full.findings[0].check == "base_law_replaced"


def test_erosion_table_is_sorted_by_loss(full: AuditReport) -> None:
    losses = [Decimal(r.loss_pct) for r in full.erosion]
    assert losses == sorted(losses, reverse=True)


def test_no_noise_from_small_frames(full: AuditReport) -> None:
    # the 2026-11-27 audit printed 88 LOW weak_frame lines; a small frame is not a finding:
    # only a frame carried over unchanged at a replacement is (34 frames of 174/2026 are).
    weak = [f for f in full.findings if f.check == "weak_frame"]
    assert weak and all("predecessor" in f.evidence for f in weak)
    assert len(weak) <= 34
