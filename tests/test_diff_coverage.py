"""Version comparison and the coverage report."""

from __future__ import annotations

import json

import pytest

from penalty_rules import DocumentNotFound, bundled_catalog
from penalty_rules.cli import main
from penalty_rules.compare.coverage import coverage, coverage_text
from penalty_rules.compare.diff import diff_documents, diff_markdown, diff_text

CATALOG = bundled_catalog()


def test_social_network_provision_15_2020_to_174_2026() -> None:
    d = diff_documents(CATALOG, "15/2020/NĐ-CP", "174/2026/NĐ-CP")
    row = next(r for r in d.changed if r.old == "khoản 1 Điều 101 Nghị định 15/2020/NĐ-CP")
    assert row.new == "khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP"
    assert row.before is not None and row.after is not None
    assert (row.before.min, row.before.max) == (10_000_000, 20_000_000)
    assert (row.after.min, row.after.max) == (20_000_000, 30_000_000)
    assert (row.min_change_pct, row.max_change_pct) == ("100.0", "50.0")


def test_sim_provisions_appear_as_added_with_figures() -> None:
    d = diff_documents(CATALOG, "15/2020/NĐ-CP", "174/2026/NĐ-CP")
    added = {r.new: r for r in d.added}
    k1 = added["khoản 1 Điều 34 Nghị định 174/2026/NĐ-CP"].after
    assert k1 is not None and (k1.min, k1.max, k1.shape) == (200_000, 500_000, "per subscriber number")
    k11 = added["khoản 11 Điều 34 Nghị định 174/2026/NĐ-CP"].after
    assert k11 is not None and (k11.min, k11.max) == (180_000_000, 200_000_000)


def test_individual_base_is_converted_to_organisation_amounts() -> None:
    d = diff_documents(CATALOG, "174/2013/NĐ-CP", "174/2026/NĐ-CP")
    row = d.changed[0]
    # 174/2013 states individual amounts (MEMORY): 30–40m for an individual is 60–80m for an
    # organisation; 174/2026 states 30–40m for organisations.
    assert row.before is not None and (row.before.min, row.before.max) == (60_000_000, 80_000_000)
    assert row.max_change_pct == "-50.0"


def test_dropped_acts_and_incomplete_measures() -> None:
    d = diff_documents(CATALOG, "15/2020/NĐ-CP", "174/2026/NĐ-CP")
    assert "khoản 6 Điều 94 Nghị định 15/2020/NĐ-CP" in {r.old for r in d.dropped}
    text = diff_text(d)
    assert "old sanctions/remedies not fully recorded" in text
    assert diff_markdown(d).startswith("# 15/2020/NĐ-CP → 174/2026/NĐ-CP")


def test_diff_unknown_document() -> None:
    with pytest.raises(DocumentNotFound):
        diff_documents(CATALOG, "1/2099/NĐ-CP", "174/2026/NĐ-CP")


def test_diff_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "15/2020/NĐ-CP", "174/2026/NĐ-CP", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] == 2 and data["kind"] == "diff"
    assert any(r["new"] == "khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP" for r in data["data"]["changed"])


def test_coverage_report(capsys: pytest.CaptureFixture[str]) -> None:
    rows = {r.document: r for r in coverage(CATALOG)}
    nd174 = rows["174/2026/NĐ-CP"]
    assert nd174.provisions == 346 and nd174.article_range == "7–103"
    assert nd174.missing_articles == ()
    assert rows["15/2020/NĐ-CP"].versions_by_status == {"CONFIRMED": 33, "CONFIRMED-news": 13}
    assert "sanctioning articles 7–103; missing: none" in coverage_text(coverage(CATALOG))
    assert main(["catalog", "--coverage", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)
