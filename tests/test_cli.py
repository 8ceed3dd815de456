"""The command line: contracts of assess, cite, catalog and circumstances."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from penalty_rules.cli import main
from tests.conftest import ROOT, write

CASES = ROOT / "examples" / "cases"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_assess_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "assess", str(CASES / "sim-shop-2026.json"), "--format", "json")
    assert code == 0 and err == ""
    envelope = json.loads(out)
    assert envelope["schema_version"] == 2 and envelope["kind"] == "assessment"
    assert envelope["generator"]["library"] == "penalty_rules"
    assert envelope["generator"]["data_fingerprint"].startswith("sha256:")
    data = envelope["data"]
    assert set(data) >= {"violations", "total_fine", "competent", "decided_on", "trace"}
    for v, texts in zip(data["violations"], envelope["text"]["violations"], strict=True):
        assert set(v) >= {"provision", "document", "fine_min", "fine_max", "fine", "fine_interval",
                          "time_barred", "limitation_expires_on", "additional_sanctions",
                          "remedial_measures", "trace"}
        assert len(texts) == len(v["trace"]) and all(s["vi"] and s["en"] for s in texts)
    assert data["total_fine"] == sum(v["fine"] for v in data["violations"])
    assert data["violations"][0]["provision"] == {
        "article": "34", "clause": "7", "point": "b", "document": "174/2026/NĐ-CP", "amended_by": None}


def test_assess_text_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    case = str(CASES / "social-network-2026.json")
    _, vi, _ = run(capsys, "assess", case)
    _, en, _ = run(capsys, "assess", case, "--lang", "en")
    assert "11.250.000" in vi and "ngày 10 tháng 8 năm 2026" in vi
    assert "11,250,000 VND" in en and "10 August 2026" in en


def test_assess_from_stdin_with_default_decision_date(monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads((CASES / "social-network-2026.json").read_text(encoding="utf-8"))
    del data["decided_on"]
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(data)))
    code, out, _ = run(capsys, "assess", "-", "--format", "json", "--today", "2026-09-01")
    assert code == 0 and json.loads(out)["data"]["decided_on"] == "2026-09-01"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "must be a JSON object"),
        ('{"offender": {"kind": "robot"}, "violations": []}', "offender.kind"),
        ('{"offender": {"kind": "individual"}, "violations": [{"provision": "khoản 2", '
         '"committed_on": "2026-07-01", "detected_on": "2026-07-02"}]}', "no article"),
    ],
)
def test_bad_input_exits_non_zero_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                content: str, message: str) -> None:
    path = write(tmp_path, "case.json", content)
    code, out, err = run(capsys, "assess", str(path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err


def test_missing_case_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "assess", "/nonexistent/case.json")
    assert code == 2 and "cannot read" in err


def test_cite_found_and_not_found(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "cite", "diem a khoan 1 dieu 95 nd 174/2026", "--format", "json")
    data = json.loads(out)["data"]
    assert code == 0 and data["found"] and data["short"] == "95.1.a 174/2026/NĐ-CP"
    code, out, _ = run(capsys, "cite", "khoản 12 Điều 34 Nghị định 174/2026/NĐ-CP", "--format",
                       "json")
    data = json.loads(out)["data"]
    assert code == 1 and not data["found"] and data["suggestions"]


def test_cite_malformed(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "cite", "điểm z khoản 1 Điều 3")
    assert code == 2 and "point letter" in err


def test_catalog_listings(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "catalog", "--format", "json")
    numbers = [d["number"] for d in json.loads(out)["data"]["documents"]]
    assert code == 0 and "174/2026/NĐ-CP" in numbers and "15/2020/NĐ-CP" in numbers
    code, out, _ = run(capsys, "catalog", "--document", "174/2026/NĐ-CP", "--format", "json")
    provisions = json.loads(out)["data"]["provisions"]
    assert code == 0 and len(provisions) == 346
    art11 = next(p for p in provisions if p["citation"] == "khoản 1 Điều 11 Nghị định 174/2026/NĐ-CP")
    assert art11["flags"]["two_year_limitation"]["parts"] == [
        "điểm a khoản 1 Điều 11 Nghị định 174/2026/NĐ-CP",
        "điểm c khoản 1 Điều 11 Nghị định 174/2026/NĐ-CP"]
    assert art11["flags"]["fined_once_when_repeated"]["basis"] == "khoản 6 Điều 4 Nghị định 174/2026/NĐ-CP"
    code, _, err = run(capsys, "catalog", "--document", "1/2030/NĐ-CP")
    assert code == 2 and "documents known" in err


def test_circumstances_list_codes_with_basis(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "circumstances", "--format", "json")
    data = json.loads(out)["data"]["circumstances"]
    assert code == 0 and len(data) == 21
    confessed = next(c for c in data if c["code"] == "confessed")
    assert confessed["basis"] == "khoản 2 Điều 9 Luật 15/2012/QH13"


def test_user_catalog_file_is_loaded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write(tmp_path, "bad.toml", "format = 2\n")
    code, _, err = run(capsys, "catalog", "--catalog", str(bad))
    assert code == 2 and "bad.toml" in err


def test_python_dash_m_entry_point() -> None:
    proc = subprocess.run([sys.executable, "-m", "penalty_rules", "cite", "1.1.a"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 1  # parsed, but no article 1 sanctions anything in the catalog
    assert "điểm a khoản 1 Điều 1" in proc.stdout


LOG = ROOT / "examples" / "logs" / "inspectorate-2025-2026.csv"


def test_audit_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "audit", "--as-of", "2026-11-27", "--format", "json",
                       "--log", str(LOG))
    data = json.loads(out)["data"]
    assert code == 0 and data["as_of"] == "2026-11-27" and data["findings"]
    chart = tmp_path / "erosion.svg"
    code, out, _ = run(capsys, "audit", "--as-of", "2026-11-27", "--format", "md", "--lang", "en",
                       "--chart", str(chart))
    assert code == 0 and out.startswith("# Amendment audit report") and chart.read_text().startswith("<svg")
    code, out, _ = run(capsys, "audit", "--as-of", "2020-03-21", "--document", "174/2013/NĐ-CP")
    assert code == 0 and "15/2020/NĐ-CP" in out
    code, out, _ = run(capsys, "audit", "--format", "html", "--as-of", "2026-11-27")
    assert out.startswith("<!DOCTYPE html>")


def test_targets_and_reform_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "targets", str(LOG), "--year", "2026", "--format", "json")
    assert code == 0 and json.loads(out)["data"]["total"]["target_fines"] == 1_031_625_000
    code, out, _ = run(capsys, "targets", str(LOG), "--year", "2026", "--growth", "0.1", "--lang", "en")
    assert code == 0 and "1,080,750,000 VND" in out
    code, out, _ = run(capsys, "reform", str(LOG), "--change",
                       str(ROOT / "examples" / "reforms" / "raise-2026.toml"), "--format", "json")
    assert code == 0 and json.loads(out)["data"]["total"]["after"] == 1_718_956_000


def test_planning_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write(tmp_path, "log.csv", "date,provision\n")
    code, _, err = run(capsys, "targets", str(bad), "--year", "2026")
    assert code == 2 and err.count("\n") == 1 and "required column" in err
    code, _, err = run(capsys, "audit", "--document", "1/2099/NĐ-CP")
    assert code == 2 and "documents known" in err
