"""Case logs, enforcement targets and reform what-ifs on the sample log."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from penalty_rules import CaseError, CatalogError, bundled_catalog
from penalty_rules.planning.caselog import CaseLogError, load_case_log
from penalty_rules.planning.reform import load_changes, what_if
from penalty_rules.planning.targets import compute_targets
from tests.conftest import ROOT, write

LOG = ROOT / "examples" / "logs" / "inspectorate-2025-2026.csv"
CHANGES = ROOT / "examples" / "reforms" / "raise-2026.toml"


@pytest.fixture(scope="module")
def log():  # type: ignore[no-untyped-def]
    return load_case_log(LOG)


def test_sample_log_loads(log) -> None:  # type: ignore[no-untyped-def]
    assert len(log) == 87
    assert sum(e.amount for e in log if e.date.year == 2025) == 982_500_000


def test_targets_plus_five_percent(log) -> None:  # type: ignore[no-untyped-def]
    report = compute_targets(log, 2026)
    total = report.total
    assert (total.baseline_cases, total.baseline_fines) == (48, 982_500_000)
    assert (total.target_cases, total.target_fines) == (50, 1_031_625_000)
    assert report.as_of == date(2026, 10, 24) and report.elapsed_fraction == "0.8137"
    assert (total.actual_cases, total.actual_fines) == (39, 688_000_000)
    assert (total.prorated_cases, total.prorated_fines) == (41, 839_431_849)
    assert (total.cases_progress_pct, total.fines_progress_pct) == ("95.1", "82.0")
    postal = next(s for s in report.sectors if s.sector == "postal")
    assert (postal.baseline_cases, postal.target_fines) == (20, 220_500_000)


def test_targets_with_other_growth_and_date(log) -> None:  # type: ignore[no-untyped-def]
    report = compute_targets(log, 2026, Decimal("0.10"), date(2026, 6, 30))
    assert report.total.target_fines == 1_080_750_000
    assert report.elapsed_fraction == "0.4959"


def test_targets_errors(log) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CaseError, match="not in the target year"):
        compute_targets(log, 2026, as_of=date(2025, 12, 31))
    with pytest.raises(CaseError, match="above -100"):
        compute_targets(log, 2026, Decimal("-1"))


def test_reform_what_if(log) -> None:  # type: ignore[no-untyped-def]
    report = what_if(log, bundled_catalog(), load_changes(CHANGES))
    rows = {r.key: r for r in report.by_provision}
    social = rows["khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP"]
    assert (social.cases, social.before, social.after, social.change_pct) == (4, 50_000_000, 60_000_000, "20.0")
    sim = rows["khoản 7 Điều 34 Nghị định 174/2026/NĐ-CP"]
    assert (sim.before, sim.after, sim.change_pct) == (105_000_000, 133_956_000, "27.6")
    assert rows["khoản 1 Điều 101 Nghị định 15/2020/NĐ-CP"].change == 0  # the old decree is untouched
    assert (report.total.before, report.total.after) == (1_675_500_000, 1_718_956_000)
    assert [c.factor for c in report.changes] == ["1.2000", "1.2758", None]
    assert not report.skipped


def test_reform_warns_above_the_sector_maximum(tmp_path: Path, log) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "big.toml", 'format = 1\n[[change]]\nprovision = "khoản 1 Điều 95 '
                 'Nghị định 174/2026/NĐ-CP"\npercent = 1000\n')
    report = what_if(log, bundled_catalog(), load_changes(path))
    assert report.changes[0].warnings == ("new maximum 330,000,000 exceeds the sector maximum 200,000,000",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("format = 1\n[[change]]\nprovision = \"x\"\n", "exactly one"),
        ("format = 1\n[[change]]\nprovision = \"x\"\npercent = 5\nmin = 1\nmax = 2\n", "exactly one"),
        ("format = 1\n[[change]]\nprovision = \"x\"\nmin = 5\n", "both min and max"),
        ("format = 1\n", "change"),
        ("format = [", "not valid TOML"),
    ],
)
def test_bad_change_files(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(CatalogError, match=message):
        load_changes(write(tmp_path, "c.toml", text))


def test_min_max_only_fit_plain_frames(tmp_path: Path, log) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "c.toml", 'format = 1\n[[change]]\nprovision = "khoản 2 Điều 34 Nghị định '
                 '174/2026/NĐ-CP"\nmin = 1_000_000\nmax = 2_000_000\n')
    with pytest.raises(Exception, match="only fit a plain frame"):
        what_if(log, bundled_catalog(), load_changes(path))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("date,provision,offender_kind\n2026-01-01,x,individual\n", "amount: required column"),
        ("date,provision,offender_kind,amount\n2026-01-01,x,robot,5\n", "row 2: offender_kind"),
        ("date,provision,offender_kind,amount\n2026-01-01,x,individual,1.5\n", "row 2: amount"),
        ("date,provision,offender_kind,amount,colour\n2026-01-01,x,individual,5,red\n", "colour: unknown column"),
        ("date,provision,offender_kind,amount\n2026-13-01,x,individual,5\n", "row 2: date"),
    ],
)
def test_bad_case_logs_name_row_and_field(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(CaseLogError, match=message):
        load_case_log(write(tmp_path, "log.csv", text))


def test_json_case_log(tmp_path: Path) -> None:
    path = write(tmp_path, "log.json", '[{"date": "2026-08-01", "provision": "khoản 2 Điều 7 Nghị định '
                 '174/2026/NĐ-CP", "offender_kind": "organization", "amount": 6000000}]')
    entries = load_case_log(path)
    assert entries[0].amount == 6_000_000 and entries[0].act_ended_on == date(2026, 8, 1)
    with pytest.raises(CaseLogError, match="list of objects"):
        load_case_log(write(tmp_path, "bad.json", '{"a": 1}'))
