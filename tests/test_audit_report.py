"""Audit reports: summary first, fully Vietnamese in vi, evidence as rows, CSV and Excel."""

from __future__ import annotations

import csv
import io
import re
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from penalty_rules.audit.auditor import audit, known_checks
from penalty_rules.audit.findings import AuditReport
from penalty_rules.report.audit import (
    EVIDENCE_LABELS,
    OptionalDependencyMissing,
    erosion_svg,
    evidence_rows,
    report_csv,
    report_html,
    report_markdown,
    report_text,
    report_xlsx,
)

DAY = date(2026, 12, 2)


@pytest.fixture(scope="module")
def report() -> AuditReport:
    return audit(as_of=DAY)


def _english_leaks(text: str) -> list[str]:
    text = re.sub(r"<style>.*?</style>", "", text, flags=re.S)
    text = re.sub(r"<[^>]*>", " ", text)  # markup is not text (role="img", class names)
    text = re.sub(r"\]\(#[^)]*\)", "]", text)  # Markdown anchors
    leaks = [code for code in known_checks() if code in text]
    leaks += [key for key in EVIDENCE_LABELS if re.search(rf"\b{key}\b", text)]
    leaks += [w for w in ("[high]", "[medium]", "[low]", "HIGH", "MEDIUM", "Findings", "Evidence",
                          "MEMORY", "CONFIRMED", "INFERRED")
              if w in text]
    leaks += re.findall(r"(?<![\d/])20\d\d-\d\d-\d\d(?![\d/])", text)  # ISO dates, not dd/mm/yyyy
    return leaks


@pytest.mark.parametrize("render", [report_text, report_markdown, report_html])
def test_vietnamese_reports_have_no_english_keys_or_codes(report: AuditReport, render) -> None:  # type: ignore[no-untyped-def]
    text = render(report, "vi")
    assert not _english_leaks(text)
    # amounts use Vietnamese grouping, never "3,000,000 đồng"
    assert not re.search(r"\d,\d{3},\d{3} đồng", text)


def test_english_report_names_the_check_codes(report: AuditReport) -> None:
    md = report_markdown(report, "en")
    assert "`base_law_replaced`" in md


def test_summary_comes_first(report: AuditReport) -> None:
    md = report_markdown(report, "vi")
    assert md.index("## 1. Tóm tắt") < md.index("## 2. Phát hiện theo văn bản")
    assert "Số phát hiện theo mức độ" in md and "Phát hiện quan trọng nhất" in md
    assert md.index("## Mục lục") < md.index("## 1. Tóm tắt")
    text = report_text(report, "en")
    assert text.index("== Summary") < text.index("== Document")


def test_evidence_is_readable_rows(report: AuditReport) -> None:
    f = next(f for f in report.findings if f.check == "weak_frame"
             and f.subject == "khoản 7 Điều 34 Nghị định 174/2026/NĐ-CP")
    rows = dict(evidence_rows(f, "vi"))
    assert rows["Mức tối đa của khung"] == "40.000.000\xa0₫"
    assert rows["Mất giá trị"] == "21,6%"
    en = dict(evidence_rows(f, "en"))
    assert en["Frame maximum"] == "40,000,000 VND" and en["Loss"] == "21.6%"


def test_erosion_table_sorted_by_loss_in_every_format(report: AuditReport) -> None:
    rows = list(csv.reader(io.StringIO(report_csv(report, "en", "erosion"))))
    losses = [Decimal(r[6]) for r in rows[1:]]
    assert losses == sorted(losses, reverse=True) and len(losses) == len(report.erosion)


def test_chart_has_axis_titles_in_the_language(report: AuditReport) -> None:
    svg = erosion_svg(report, language="vi")
    assert "Năm" in svg and "Giá trị thực (% mệnh giá)" in svg and "rotate(-90" in svg


def test_findings_csv(report: AuditReport) -> None:
    rows = list(csv.reader(io.StringIO(report_csv(report, "vi"))))
    assert rows[0][:3] == ["STT", "Mức độ", "Tiêu chí"]
    assert len(rows) == len(report.findings) + 1
    assert rows[1][1] == "Cao"
    with pytest.raises(ValueError, match="unknown table"):
        report_csv(report, "vi", "nope")


def test_excel_needs_the_optional_extra(report: AuditReport, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as if not installed
    with pytest.raises(OptionalDependencyMissing, match=r"penalty_rules\[xlsx\]"):
        report_xlsx(report, tmp_path / "audit.xlsx")


def test_excel_when_installed(report: AuditReport, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "audit.xlsx"
    report_xlsx(report, path, "vi")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Phát hiện", "Mất giá trị"]


def test_cli_audit_filters_and_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from penalty_rules.cli import main
    assert main(["audit", "--as-of", "2026-12-02", "--document", "999/2099/NĐ-CP"]) == 2
    assert "no document '999/2099/NĐ-CP'" in capsys.readouterr().err
    assert main(["audit", "--as-of", "2026-12-02", "--min-severity", "urgent"]) == 2
    assert main(["audit", "--as-of", "2026-12-02", "--check", "nope"]) == 2
    capsys.readouterr()
    assert main(["audit", "--as-of", "2026-12-02", "--min-severity", "high", "--check",
                 "base_law_replaced", "--format", "csv", "--lang", "en"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert {r[1] for r in rows[1:]} == {"High"}
    out = tmp_path / "erosion.csv"
    assert main(["audit", "--as-of", "2026-12-02", "--format", "csv", "--table", "erosion",
                 "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("Văn bản,Quy định,Mức tối đa")
