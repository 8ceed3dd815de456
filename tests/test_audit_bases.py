"""The legal-basis checks: replaced, amended and upcoming base laws, each right in time."""

from __future__ import annotations

from datetime import date

import pytest

from penalty_rules.audit.auditor import audit
from penalty_rules.audit.findings import AuditReport, Finding, Severity

BASES = ["base_law_replaced", "base_law_amended", "upcoming_base_change"]


@pytest.fixture(scope="module")
def dec2026() -> AuditReport:
    return audit(as_of=date(2026, 12, 2), checks=BASES)


@pytest.fixture(scope="module")
def jun2024() -> AuditReport:
    return audit(as_of=date(2024, 6, 1), checks=BASES)


def found(report: AuditReport, check: str, document: str, law: str) -> list[Finding]:
    return [f for f in report.findings if f.check == check and f.document == document
            and f.evidence["base_law"] == law]


def test_15_2020_rests_on_the_replaced_telecom_law(dec2026: AuditReport) -> None:
    [f] = found(dec2026, "base_law_replaced", "15/2020/NĐ-CP", "41/2009/QH12")
    assert f.severity is Severity.HIGH  # the decree sanctions breaches of that law
    assert f.evidence["replaced_by"] == "24/2023/QH15" and f.evidence["replaced_on"] == "2024-07-01"
    assert f.evidence["cited_by_name_and_date"] is True
    assert [c.format() for c in f.citations] == ["khoản 2 Điều 72 Luật 24/2023/QH15"]
    assert "24/2023/QH15" in f.summary.vi and "23/11/2009" in f.summary.vi
    [e] = found(dec2026, "base_law_replaced", "15/2020/NĐ-CP", "51/2005/QH11")
    assert e.evidence["replaced_by"] == "20/2023/QH15"


def test_174_2026_rests_on_the_replaced_it_law(dec2026: AuditReport) -> None:
    [f] = found(dec2026, "base_law_replaced", "174/2026/NĐ-CP", "67/2006/QH11")
    assert f.severity is Severity.HIGH
    assert f.evidence["replaced_by"] == "148/2025/QH15"
    assert f.evidence["replacement_status"] == "CONFIRMED-secondary"
    # the rest of its bases are current
    replaced = {f.evidence["base_law"] for f in dec2026.findings
                if f.check == "base_law_replaced" and f.document == "174/2026/NĐ-CP"}
    assert replaced == {"67/2006/QH11"}


def test_organisation_law_replaced_is_medium(dec2026: AuditReport) -> None:
    [f] = found(dec2026, "base_law_replaced", "118/2021/NĐ-CP", "76/2015/QH13")
    assert f.severity is Severity.MEDIUM and f.evidence["role"] == "other"


def test_memory_basis_says_so(dec2026: AuditReport) -> None:
    [f] = found(dec2026, "base_law_replaced", "119/2020/NĐ-CP", "103/2016/QH13")
    assert f.evidence["basis_status"] == "MEMORY" and f.evidence["replacement_status"] == "INFERRED"
    assert "Unverified" in f.summary.en and "Chưa kiểm chứng" in f.summary.vi
    [c] = found(dec2026, "base_law_replaced", "98/2020/NĐ-CP", "59/2010/QH12")
    assert c.evidence["replaced_by"] == "19/2023/QH15" and c.evidence["basis_status"] == "MEMORY"


def test_before_july_2024_nothing_claims_the_2023_laws_in_force(jun2024: AuditReport) -> None:
    assert not [f for f in jun2024.findings if f.check == "base_law_replaced"
                and f.evidence["replaced_by"] in {"24/2023/QH15", "20/2023/QH15", "19/2023/QH15"}]
    [f] = found(jun2024, "upcoming_base_change", "15/2020/NĐ-CP", "41/2009/QH12")
    assert (f.evidence["change"], f.evidence["by"], f.evidence["effective_from"]) == (
        "replaced", "24/2023/QH15", "2024-07-01")
    assert f.severity is Severity.MEDIUM


def test_laws_not_yet_passed_are_unknown(jun2024: AuditReport) -> None:
    assert not [f for f in jun2024.findings
                if f.evidence.get("replaced_by") == "148/2025/QH15"
                or f.evidence.get("by") in {"148/2025/QH15", "20/2026/QH16"}]
    early = audit(as_of=date(2023, 11, 1), checks=BASES)
    assert not found(early, "upcoming_base_change", "15/2020/NĐ-CP", "41/2009/QH12")


def test_amendment_scope_sets_the_severity(dec2026: AuditReport) -> None:
    [general] = found(dec2026, "base_law_amended", "118/2021/NĐ-CP", "15/2012/QH13")
    assert general.severity is Severity.HIGH  # 118/2021 details that Law; 88/2025 moved competence
    assert "88/2025/QH15" in str(general.evidence["amended_by"])
    assert "67/2020/QH14" not in str(general.evidence["amended_by"])  # cited in its preamble
    assert "competence" in str(general.evidence["touched"])
    [sector] = found(dec2026, "base_law_amended", "15/2020/NĐ-CP", "15/2012/QH13")
    assert sector.severity is Severity.MEDIUM
    [org] = found(dec2026, "base_law_amended", "15/2020/NĐ-CP", "76/2015/QH13") or [None]
    assert org is None  # replaced, so reported as replaced, not as amended


def test_upcoming_amendment_of_174_2026_bases(dec2026: AuditReport) -> None:
    upcoming = {f.evidence["base_law"] for f in dec2026.findings
                if f.check == "upcoming_base_change" and f.document == "174/2026/NĐ-CP"}
    assert upcoming == {"24/2023/QH15", "42/2009/QH12", "20/2023/QH15"}
    after = audit(as_of=date(2027, 3, 1), checks=BASES)
    assert not [f for f in after.findings
                if f.check == "upcoming_base_change" and f.document == "174/2026/NĐ-CP"]
    assert found(after, "base_law_amended", "174/2026/NĐ-CP", "24/2023/QH15")


def test_174_2026_before_it_applies_is_warned_of_its_it_law() -> None:
    report = audit(as_of=date(2026, 6, 1), checks=BASES)
    [f] = found(report, "upcoming_base_change", "174/2026/NĐ-CP", "67/2006/QH11")
    assert f.evidence["effective_from"] == "2026-07-01"


def test_repealed_decrees_are_not_audited_for_bases(dec2026: AuditReport) -> None:
    assert not {f.document for f in dec2026.findings} & {"159/2013/NĐ-CP", "174/2013/NĐ-CP",
                                                          "24/2025/NĐ-CP"}


def test_document_filter(dec2026: AuditReport) -> None:
    one = audit(as_of=date(2026, 12, 2), checks=BASES, document="174/2026/NĐ-CP")
    assert {f.document for f in one.findings} == {"174/2026/NĐ-CP"}
    assert len(one.findings) == len([f for f in dec2026.findings if f.document == "174/2026/NĐ-CP"])
