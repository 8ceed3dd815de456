"""The offender's tax code: checked with python-stdnum's ``stdnum.vn.mst``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from penalty_rules import CaseError, Offender, assess
from penalty_rules.cli import main
from penalty_rules.models.taxcode import check_tax_code
from tests.conftest import write

SIM = "điểm b khoản 7 Điều 34 Nghị định 174/2026/NĐ-CP"


def _case(tax_code: object) -> dict[str, object]:
    return {"offender": {"kind": "organization", "name": "X", "tax_code": tax_code},
            "decided_on": "2026-09-15",
            "violations": [{"provision": SIM, "committed_on": "2026-08-01", "ended_on": "2026-08-01",
                            "detected_on": "2026-08-20"}]}


@pytest.mark.parametrize(("given", "written"), [
    ("0100109106", "0100109106"),
    (" 0100233488 ", "0100233488"),
    ("0100109106-001", "0100109106-001"),
    ("0100109106001", "0100109106-001"),
    ("01.00.109.106", "0100109106"),
])
def test_valid_codes_are_kept_in_written_form(given: str, written: str) -> None:
    assert check_tax_code(given) == written
    assert Offender.model_validate({"kind": "organization", "tax_code": given}).tax_code == written


@pytest.mark.parametrize(("given", "reason"), [
    ("0100109107", "check digit"),
    ("12345", "10 digits, or 13"),
    ("01001091060011", "10 digits, or 13"),
    ("01001O9106", "only digits"),
])
def test_invalid_codes_are_refused_naming_the_field(given: str, reason: str) -> None:
    with pytest.raises(CaseError) as info:
        assess(_case(given))
    assert info.value.field == "offender.tax_code"
    assert reason in info.value.reason and given in info.value.reason


def test_no_tax_code_is_fine_and_assessment_keeps_it() -> None:
    assert Offender.model_validate({"kind": "individual"}).tax_code is None
    assert assess(_case("0100109106001")).offender.tax_code == "0100109106-001"


def test_cli_refuses_an_invalid_tax_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "case.json", json.dumps(_case("0100109107")))
    assert main(["assess", str(path)]) == 2
    err = capsys.readouterr().err
    assert "offender.tax_code" in err and "check digit" in err
