"""Case logs: Excel's BOM, unknown sectors, unreadable citations in the audit."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from penalty_rules import bundled_catalog
from penalty_rules.cli import main
from penalty_rules.errors import CaseError
from penalty_rules.planning.caselog import CaseLogError, check_sectors, load_case_log
from penalty_rules.planning.targets import compute_targets

GOOD = "điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP"


def log_file(tmp_path: Path, *rows: str, bom: bool = False, name: str = "log.csv") -> Path:
    text = "date,sector,provision,offender_kind,amount\n" + "".join(r + "\n" for r in rows)
    path = tmp_path / name
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8"))
    return path


def test_excel_bom_log_works_on_the_command_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = log_file(tmp_path, f"2025-03-01,telecom,{GOOD},individual,100", bom=True)
    assert main(["targets", str(path), "--year", "2026"]) == 0
    assert "Viễn thông" in capsys.readouterr().out  # the sector, named in the reader's language


def test_unknown_sector_is_refused_listing_the_known_ones(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = log_file(tmp_path, f"2025-03-01,telecom,{GOOD},individual,100",
                    f"2025-03-02,telecomm,{GOOD},individual,100")
    log = load_case_log(path)
    assert [e.row for e in log] == [2, 3]
    with pytest.raises(CaseLogError, match=r"row 3: sector: unknown sector 'telecomm'; known: .*telecom"):
        check_sectors(log, bundled_catalog(), str(path))
    with pytest.raises(CaseError, match=r"log row 3\.sector"):
        compute_targets(log, 2026)
    for argv in (["targets", str(path), "--year", "2026"], ["audit", "--log", str(path)]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "unknown sector 'telecomm'" in err


def test_audit_warns_for_each_unreadable_citation(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = log_file(tmp_path, f"2025-03-01,telecom,{GOOD},individual,100",
                    "2025-03-02,telecom,điều chín mươi,individual,100",
                    "2025-03-03,telecom,Điều 999 Nghị định 174/2026/NĐ-CP,individual,100")
    assert main(["audit", "--log", str(path), "--format", "json"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2
    assert "row 3:" in err[0] and "row left out of the audit" in err[0]
    assert "row 4:" in err[1] and "no provision" in err[1]


def test_unknown_column_and_missing_column_name_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text("date,provision,offender_kind,amount,row\n2025-03-01,x,individual,1,7\n",
                    encoding="utf-8")
    with pytest.raises(CaseLogError, match="row 2: row: unknown column"):
        load_case_log(path)
    path.write_text("Date;Provision\n", encoding="utf-8")
    with pytest.raises(CaseLogError, match=r"date: required column is missing \(columns found: Date;Provision\)"):
        load_case_log(path)


def test_reform_cpi_indexing_before_the_price_series(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import ROOT

    path = log_file(tmp_path, "1945-01-01,telecom,khoản 7 Điều 34 Nghị định 174/2026/NĐ-CP,individual,100")
    change = ROOT / "examples" / "reforms" / "raise-2026.toml"
    assert main(["reform", str(path), "--change", str(change)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "index_to_cpi: no consumer price index before 1945-01-01" in err


def test_column_name_with_a_line_break_is_refused_in_one_line(tmp_path: Path) -> None:
    from penalty_rules.errors import InputFileError

    path = tmp_path / "log.csv"
    path.write_text('"date\nx",provision\n', encoding="utf-8")  # found by the fuzz campaign
    with pytest.raises(InputFileError) as info:
        load_case_log(path)
    assert "\n" not in str(info.value) and "control character" in str(info.value)
