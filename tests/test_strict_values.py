"""Loose values are refused: numbers as dates, booleans and floats as counts, unbounded counts."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from penalty_rules import assess
from penalty_rules.cli import main
from penalty_rules.errors import CaseError
from penalty_rules.models.case import MAX_MONEY, MAX_QUANTITY, MAX_TIMES, parse_case_data, parse_date
from penalty_rules.planning.caselog import CaseLogError, load_case_log
from tests.conftest import case, violation

PROVISION = "điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP"


def base(**extra: Any) -> dict[str, Any]:
    return case("individual", "2026-09-15",
                violation(PROVISION, "2026-07-01", "2026-07-20", "2026-07-25", **extra))


def refused(data: dict[str, Any], field: str, reason: str) -> None:
    with pytest.raises(CaseError) as info:
        parse_case_data(data)
    assert info.value.field == field, info.value
    assert reason in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("value", [0, 1740787200, True, 2026.5, [2026, 7, 1], "1740787200",
                                   "2026/07/01", "July 1, 2026", "2026-7-1"])
def test_dates_are_text_in_two_forms_only(value: object) -> None:
    data = base()
    data["violations"][0]["committed_on"] = value
    refused(data, "violations[0].committed_on", "YYYY-MM-DD or DD/MM/YYYY")


def test_vietnamese_date_form_is_read() -> None:
    data = base()
    data["violations"][0]["committed_on"] = "01/07/2026"
    data["decided_on"] = "15/09/2026"
    parsed = parse_case_data(data)
    assert parsed.violations[0].committed_on == date(2026, 7, 1)
    assert parsed.decided_on == date(2026, 9, 15)
    assert parse_date(date(2026, 1, 2)) == date(2026, 1, 2)


@pytest.mark.parametrize(("value", "reason"), [
    ("31/02/2026", "not a day of the calendar"),
    ("9999-12-31", "outside the years 1945-2100"),
    ("0001-01-01", "outside the years 1945-2100"),
])
def test_impossible_or_far_dates_are_refused(value: str, reason: str) -> None:
    data = base()
    data["violations"][0]["detected_on"] = value
    data["decided_on"] = None
    refused(data, "violations[0].detected_on", reason)


@pytest.mark.parametrize(("field", "value"), [
    ("quantity", True), ("quantity", "5"), ("quantity", 5.0), ("quantity", 0),
    ("quantity", MAX_QUANTITY + 1), ("times", 10**9), ("times", MAX_TIMES + 1), ("times", True),
    ("goods_value", 1.5), ("goods_value", MAX_MONEY + 1), ("illegal_profit", -1),
    ("illegal_profit", "100"),
])
def test_counts_and_money_are_strict_bounded_integers(field: str, value: object) -> None:
    refused(base(**{field: value}), f"violations[0].{field}", "")


def test_maxima_are_accepted() -> None:
    parsed = parse_case_data(base(times=MAX_TIMES, goods_value=MAX_MONEY))
    assert parsed.violations[0].times == MAX_TIMES


def test_act_ending_after_the_decision_is_refused() -> None:
    data = base()
    data["violations"][0]["ended_on"] = "2026-10-01"
    data["violations"][0]["detected_on"] = "2026-07-25"
    with pytest.raises(CaseError, match=r"violations\[0\]\.ended_on: 2026-10-01 is after decided_on"):
        parse_case_data(data)


def test_api_assess_refuses_loose_values_too() -> None:
    with pytest.raises(CaseError, match="YYYY-MM-DD"):
        assess(base(**{"committed_on": 0}))


def test_cli_error_path_uses_brackets(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = base(times=True)
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["assess", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "violations[0].times" in err


LOG_HEADER = "date,provision,offender_kind,amount,quantity,ended_on\n"


@pytest.mark.parametrize(("row", "reason"), [
    (f"1740787200,{PROVISION},individual,100,,", "date: a date is written"),
    (f"2026-09-15,{PROVISION},individual,1e6,,", "amount: '1e6' is not a whole number"),
    (f"2026-09-15,{PROVISION},individual,١٢,,", "is not a whole number"),
    (f"2026-09-15,{PROVISION},individual,{'9' * 5000},,", "5000 digits"),
    (f"2026-09-15,{PROVISION},individual,{MAX_MONEY + 1},,", "amount: Input should be less than"),
    (f"2026-09-15,{PROVISION},individual,100,0,", "quantity"),
    (f"2026-09-15,{PROVISION},individual,100,,2026-10-01", "after the decision date"),
])
def test_log_rows_are_strict(tmp_path: Path, row: str, reason: str) -> None:
    path = tmp_path / "log.csv"
    path.write_text(LOG_HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(CaseLogError, match="row 2") as info:
        load_case_log(path)
    assert reason in str(info.value)


def test_json_log_refuses_strings_for_amounts(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    path.write_text(json.dumps([{"date": "2026-09-15", "provision": PROVISION,
                                 "offender_kind": "individual", "amount": "100"}]), encoding="utf-8")
    with pytest.raises(CaseLogError, match="row 1: amount"):
        load_case_log(path)
