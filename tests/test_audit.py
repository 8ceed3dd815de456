"""Every audit check fires on data made to trigger it and stays quiet on clean data."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from penalty_rules import load_catalog, load_files
from penalty_rules.audit.auditor import audit
from penalty_rules.audit.context import AuditConfig
from penalty_rules.audit.findings import AuditReport, Severity
from penalty_rules.models.log import LogEntry
from penalty_rules.planning.caselog import load_case_log
from penalty_rules.report.audit import (
    erosion_svg,
    report_html,
    report_json,
    report_markdown,
    report_text,
)
from tests.conftest import ROOT, write

TODAY = date(2026, 11, 27)
LOG = ROOT / "examples" / "logs" / "inspectorate-2025-2026.csv"


def by_check(report: AuditReport, code: str) -> list:  # type: ignore[type-arg]
    return [f for f in report.findings if f.check == code]


def subjects(report: AuditReport, code: str) -> set[str]:
    return {f.subject for f in by_check(report, code)}


@pytest.fixture(scope="module")
def today() -> AuditReport:
    return audit(as_of=TODAY, log=load_case_log(LOG))


# ------------------------------------------------------------------ the founding scenario
def test_repealed_15_2020_provisions_apply_only_to_earlier_acts(today: AuditReport) -> None:
    found = [f for f in by_check(today, "repealed_in_use")
             if f.subject == "khoản 1 Điều 101 Nghị định 15/2020/NĐ-CP" and f.severity is Severity.MEDIUM]
    assert len(found) == 1
    ev = found[0].evidence
    assert ev["applies_to_acts_ended_before"] == "2026-07-01"
    assert ev["latest_decision_within_limitation"] == "2027-06-30"
    assert ev["successor"] == "khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP"
    assert [c.format() for c in found[0].citations] == [
        "khoản 2 Điều 117 Nghị định 174/2026/NĐ-CP", "khoản 1 Điều 115 Nghị định 174/2026/NĐ-CP"]
    # Art. 94 is not in the repeal list, so it is not reported as repealed.
    assert "khoản 6 Điều 94 Nghị định 15/2020/NĐ-CP" not in subjects(today, "repealed_in_use")


def test_case_log_citing_a_repealed_provision_after_repeal_is_high(today: AuditReport) -> None:
    high = [f for f in by_check(today, "repealed_in_use") if f.severity is Severity.HIGH]
    assert [f.subject for f in high] == ["khoản 1 Điều 101 Nghị định 15/2020/NĐ-CP"]
    assert high[0].evidence["first"] == "2026-08-12"


def test_two_year_limitation_extends_the_window(today: AuditReport) -> None:
    f = next(f for f in by_check(today, "repealed_in_use")
             if f.subject == "khoản 1 Điều 9 Nghị định 15/2020/NĐ-CP")
    assert f.evidence["latest_decision_within_limitation"] == "2028-06-30"


def test_competence_naming_the_abolished_district_level(today: AuditReport) -> None:
    found = [f for f in by_check(today, "abolished_body") if f.document == "15/2020/NĐ-CP"]
    assert [f.subject for f in found] == ["khoản 2 Điều 115 Nghị định 15/2020/NĐ-CP"]
    assert found[0].evidence["abolished"] == "2025-07-01"
    assert found[0].evidence["successor"] == "commune_peoples_committee"


def test_competence_articles_not_held_as_rules_are_checked(today: AuditReport) -> None:
    found = {(f.subject, f.evidence["body"], f.severity) for f in by_check(today, "abolished_body")}
    assert ("Điều 39 Nghị định 119/2020/NĐ-CP", "district_police", Severity.MEDIUM) in found
    assert ("khoản 2 Điều 87 Nghị định 98/2020/NĐ-CP", "department_inspectorate",
            Severity.MEDIUM) in found
    # wording not seen: low, and the finding says so
    memo = next(f for f in by_check(today, "abolished_body")
                if f.subject == "Điều 83 Nghị định 98/2020/NĐ-CP")
    assert memo.severity is Severity.LOW and "Unverified" in memo.summary.en


def test_erosion_of_a_174_2013_era_frame(today: AuditReport) -> None:
    row = next(r for r in today.erosion if r.subject == "khoản 7 Điều 34 Nghị định 174/2026/NĐ-CP")
    # 30–40m since 49/2017 (174/2013 Art. 30): price level 2017 → 2025 = 220.55 → 281.37.
    assert (row.set_year, row.cpi_year, row.price_ratio, row.loss_pct) == (2017, 2025, "1.276", "21.6")
    assert row.real_value == 31_353_734  # 40m × 220.55 / 281.37
    weak = next(f for f in by_check(today, "weak_frame")
                if f.subject == row.subject and f.severity is Severity.MEDIUM)
    assert weak.evidence["predecessor"] == "khoản 1 Điều 30 Nghị định 174/2013/NĐ-CP"
    assert weak.evidence["loss_pct"] == "21.6"
    wage = next(f for f in by_check(today, "wage_erosion") if f.subject == row.subject)
    assert wage.evidence["min_wage_ratio"] == "1.416"


def test_picture_of_the_founding_plan_date() -> None:
    report = audit(as_of=date(2020, 3, 21))
    upcoming = by_check(report, "upcoming_change")
    assert {(f.document, f.evidence["by"], f.evidence["effective_from"]) for f in upcoming} == {
        ("174/2013/NĐ-CP", "15/2020/NĐ-CP", "2020-04-15"),
        ("49/2017/NĐ-CP", "15/2020/NĐ-CP", "2020-04-15")}
    assert not by_check(report, "repealed_in_use")  # nothing repealed yet
    assert all(not f.document.startswith("174/2026") for f in report.findings)
    assert report.notes[0].en.endswith("2019.")  # the 2020 CPI was not yet published


# ------------------------------------------------------------------ fire and stay quiet
def test_repealed_in_use_is_quiet_before_the_repeal() -> None:
    found = by_check(audit(as_of=date(2026, 6, 30)), "repealed_in_use")
    assert not [f for f in found if f.document == "15/2020/NĐ-CP"]
    # The 2013 decrees were replaced in 2020 and their limitation windows have closed.
    assert {(f.document, f.severity) for f in found} == {
        ("174/2013/NĐ-CP", Severity.LOW), ("159/2013/NĐ-CP", Severity.LOW),
        ("185/2013/NĐ-CP", Severity.LOW)}


def test_amended_basis_fires_and_is_quiet(today: AuditReport) -> None:
    amended = {(f.document, f.evidence["base_law"]) for f in by_check(today, "base_law_amended")}
    assert {("15/2020/NĐ-CP", "15/2012/QH13"), ("118/2021/NĐ-CP", "15/2012/QH13"),
            ("98/2020/NĐ-CP", "15/2012/QH13"), ("119/2020/NĐ-CP", "15/2012/QH13")} <= amended
    # 174/2026 cites the amendment chain of 15/2012 itself
    assert ("174/2026/NĐ-CP", "15/2012/QH13") not in amended
    assert not [f for f in by_check(audit(as_of=date(2021, 6, 1)), "base_law_amended")
                if f.evidence["base_law"] == "15/2012/QH13"]


def test_abolished_body_is_quiet_before_the_change() -> None:
    assert not by_check(audit(as_of=date(2025, 2, 28)), "abolished_body")
    # the district police ended four months before the district governments
    spring = {f.evidence["body"] for f in by_check(audit(as_of=date(2025, 6, 30)), "abolished_body")}
    assert "district_police" in spring and "district_peoples_committee" not in spring


DIC = """format = 1

[document]
number = "997/2024/NĐ-CP"
title = { vi = "Thử", en = "Test" }
issuer = { vi = "Chính phủ", en = "Government" }
issued_on = 2024-01-01
effective_from = 2024-02-01
provenance = { source = "test fixture", status = "CONFIRMED", verified_on = 2026-11-01 }

[rules]
fine_base = "organization"
fine_base_basis = "khoản 1 Điều 2"
fine_base_provenance = { source = "test fixture", status = "CONFIRMED" }

[[competence]]
code = "test_dic_chief_inspector"
title = "dic_chief_inspector"
official = { vi = "Cục trưởng Cục Quản lý thị trường tỉnh", en = "Director, provincial market surveillance department" }
level = "province"
body = "provincial_market_surveillance_department"
caps = { telecom = 100_000_000 }
valid_from = 2024-02-01
basis = "khoản 1 Điều 9"
provenance = { source = "test fixture", status = "CONFIRMED" }
"""


@pytest.mark.parametrize(("day", "severity"), [(date(2024, 6, 1), None),
                                               (date(2025, 6, 1), Severity.LOW),
                                               (date(2026, 1, 2), Severity.MEDIUM)])
def test_body_known_only_by_year(tmp_path: Path, day: date, severity: Severity | None) -> None:
    catalog = load_files([write(tmp_path, "dic.toml", DIC)], load_catalog())
    found = by_check(audit(catalog, day, document="997/2024/NĐ-CP"), "abolished_body")
    assert [f.severity for f in found] == ([severity] if severity else [])


OLD_FRAME = """format = 1

[document]
number = "996/2013/NĐ-CP"
title = { vi = "Thử 2013", en = "Test 2013" }
issuer = { vi = "Chính phủ", en = "Government" }
issued_on = 2013-03-01
effective_from = 2013-07-01
provenance = { source = "test fixture", status = "CONFIRMED", verified_on = 2026-11-01 }

[rules]
fine_base = "organization"
fine_base_basis = "khoản 1 Điều 2"
fine_base_provenance = { source = "test fixture", status = "CONFIRMED" }

[article.5]
title = { vi = "Thử", en = "Test" }
sector = "postal"

[article.5.clause.1]
label = { vi = "Hành vi thử", en = "Test act" }
fine = { kind = "frame", min = 1_000_000, max = 2_000_000 }
provenance = { source = "test fixture", status = "CONFIRMED", verified_on = 2026-11-01 }
"""


def test_cpi_erosion_fires_for_a_2013_frame(tmp_path: Path) -> None:
    catalog = load_files([write(tmp_path, "old.toml", OLD_FRAME)], load_catalog())
    report = audit(catalog, TODAY, document="996/2013/NĐ-CP")
    found = by_check(report, "cpi_erosion")
    provision = next(f for f in found if f.subject.startswith("khoản 1 Điều 5"))
    # 2013 → 2025: 198.11 → 281.37, a 29.6 % loss (indices.md 1c).
    assert provision.evidence["loss_pct"] == "29.6"
    assert provision.evidence["real_value"] == 1_408_181
    assert any(f.subject == "996/2013/NĐ-CP" for f in found)  # the per-document summary
    quiet = audit(catalog, TODAY, document="996/2013/NĐ-CP",
                  config=AuditConfig(erosion_threshold=Decimal("0.35")))
    assert not by_check(quiet, "cpi_erosion")


def test_cpi_erosion_is_quiet_on_the_bundled_catalog(today: AuditReport) -> None:
    assert not by_check(today, "cpi_erosion")


def test_wage_erosion_quiet_with_a_higher_threshold() -> None:
    report = audit(as_of=TODAY, config=AuditConfig(erosion_threshold=Decimal("0.30")))
    assert not by_check(report, "wage_erosion")


def test_a_small_share_of_the_sector_maximum_is_not_a_finding(today: AuditReport) -> None:
    # 3m against an 80m maximum is a low rung of the ladder, not a weak frame
    assert "khoản 3 Điều 13 Nghị định 174/2026/NĐ-CP" not in subjects(today, "weak_frame")
    assert all("predecessor" in f.evidence for f in by_check(today, "weak_frame"))


def test_weak_frame_is_judged_against_the_decree_and_prices(today: AuditReport) -> None:
    f = next(f for f in by_check(today, "weak_frame")
             if f.subject == "khoản 7 Điều 34 Nghị định 174/2026/NĐ-CP")
    assert f.evidence["max_at_current_prices"] == 51_030_605  # 40m × 281.37 / 220.55
    assert (f.evidence["decree_carried_over"], f.evidence["decree_raised"]) == (34, 4)  # every repealed 15/2020 clause is linked
    assert f.severity is Severity.MEDIUM
    assert "51.030.605" in f.recommendation.vi
    # with a threshold so high that the price rise is small, and no frame raised, it is low
    quiet = audit(as_of=TODAY, document="119/2020/NĐ-CP",
                  config=AuditConfig(erosion_threshold=Decimal("0.99")))
    assert all(f.severity is Severity.LOW for f in by_check(quiet, "weak_frame"))


def test_weak_frame_unchanged_only_when_the_frame_is_the_same(today: AuditReport) -> None:
    unchanged = {f.subject for f in by_check(today, "weak_frame") if f.severity is Severity.MEDIUM}
    assert "khoản 1 Điều 11 Nghị định 174/2026/NĐ-CP" in unchanged     # 10–20m in both
    assert "khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP" not in unchanged  # raised to 20–30m


UNLAWFUL = OLD_FRAME.replace("996/2013", "995/2024").replace("2013-03-01", "2024-03-01").replace(
    "2013-07-01", "2024-04-01").replace("max = 2_000_000", "max = 150_000_000") + """
[article.6]
title = { vi = "Thử", en = "Test" }
sector = "telecom"

[article.6.clause.1]
label = { vi = "Theo đơn vị không giới hạn", en = "Uncapped per unit" }
fine = { kind = "per_unit", unit = { vi = "thiết bị", en = "device" }, min = 1_000_000, max = 2_000_000 }
provenance = { source = "test fixture", status = "CONFIRMED", verified_on = 2026-11-01 }
"""


def test_unlawful_frames_fire(tmp_path: Path) -> None:
    catalog = load_files([write(tmp_path, "bad.toml", UNLAWFUL)], load_catalog())
    found = by_check(audit(catalog, TODAY, document="995/2024/NĐ-CP"), "unlawful_frame")
    severities = {(f.subject, f.severity) for f in found}
    assert ("khoản 1 Điều 5 Nghị định 995/2024/NĐ-CP", Severity.HIGH) in severities  # 150m > 80m
    assert ("khoản 1 Điều 6 Nghị định 995/2024/NĐ-CP", Severity.MEDIUM) in severities


def test_bundled_frames_are_lawful(today: AuditReport) -> None:
    assert all(f.severity is Severity.LOW for f in by_check(today, "unlawful_frame"))


def test_stale_verification_fires_and_is_quiet(tmp_path: Path, today: AuditReport) -> None:
    assert "68/2025/NĐ-CP" not in subjects(today, "stale_verification")  # in force 02/05/2025, confirmed
    assert "80/2015/QH13" not in subjects(today, "stale_verification")  # confirmed 2026-12-03
    assert "174/2013/NĐ-CP" in subjects(today, "stale_verification")  # MEMORY in-force date
    catalog = load_files([write(tmp_path, "old.toml", OLD_FRAME)], load_catalog())
    assert not by_check(audit(catalog, TODAY, document="996/2013/NĐ-CP"), "stale_verification")
    later = audit(catalog, date(2028, 6, 1), document="996/2013/NĐ-CP")
    assert "verified 578 days ago" in by_check(later, "stale_verification")[0].summary.en


def _entry(day: str, who: str) -> LogEntry:
    return LogEntry(date=date.fromisoformat(day), provision="khoản 2 Điều 7 Nghị định 174/2026/NĐ-CP",
                    offender_kind="organization", amount=6_000_000, offender_id=who)


def test_repeat_pressure_fires_and_is_quiet() -> None:
    repeated = [_entry("2026-08-01", w) for w in "ABCDE"] + [_entry("2026-09-01", w) for w in "AB"]
    found = by_check(audit(as_of=TODAY, log=repeated), "repeat_pressure")
    assert len(found) == 1 and found[0].evidence["repeat_rate_pct"] == "40.0"
    once = [_entry("2026-08-01", w) for w in "ABCDEFGH"] + [_entry("2026-09-01", "A")]
    assert not by_check(audit(as_of=TODAY, log=once), "repeat_pressure")  # 1 of 8
    few = [_entry("2026-08-01", w) for w in "AB"] + [_entry("2026-09-01", "A")]
    assert not by_check(audit(as_of=TODAY, log=few), "repeat_pressure")  # too few offenders


def test_upcoming_change_is_quiet_once_in_force() -> None:
    assert not by_check(audit(as_of=date(2020, 5, 1)), "upcoming_change")


# ------------------------------------------------------------------ output
def test_findings_are_ordered_and_deterministic(today: AuditReport) -> None:
    again = audit(as_of=TODAY, log=load_case_log(LOG))
    assert json.dumps(report_json(today)) == json.dumps(report_json(again))
    keys = [f.sort_key() for f in today.findings]
    assert keys == sorted(keys)


def test_json_schema(today: AuditReport) -> None:
    data = json.loads(json.dumps(report_json(today)))
    assert data["schema_version"] == 2 and data["as_of"] == "2026-11-27"
    assert set(data["findings"][0]) == {
        "check", "severity", "document", "subject", "summary_vi", "summary_en", "evidence",
        "recommendation_vi", "recommendation_en", "citations"}
    assert {c["code"] for c in data["checks"]} == {
        "repealed_in_use", "base_law_replaced", "base_law_amended", "upcoming_base_change",
        "abolished_body", "cpi_erosion", "wage_erosion",
        "weak_frame", "unlawful_frame", "stale_verification", "repeat_pressure", "upcoming_change"}
    assert set(data["erosion"][0]) >= {"subject", "amount", "set_year", "loss_pct", "real_value"}


def test_renderings(today: AuditReport) -> None:
    md = report_markdown(today, "en", chart="erosion.svg")
    assert md.startswith("# Amendment audit report") and "(erosion.svg)" in md
    assert "### Document 15/2020/NĐ-CP" in md
    page = report_html(today, "vi")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page
    assert "Báo cáo rà soát" in report_text(today, "vi")
    svg = erosion_svg(today)
    assert svg.count("<polyline") == len({r.set_year for r in today.erosion})
    assert "threshold: 75.0% of nominal value" in svg
    assert "Year" in svg and "Real value (% of nominal)" in svg
