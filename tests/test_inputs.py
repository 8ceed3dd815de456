"""Hostile files: size, type, encoding, nesting, duplicate keys and columns, long integers."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest

from penalty_rules import inputs
from penalty_rules.cli import main
from penalty_rules.errors import InputFileError
from penalty_rules.planning.caselog import load_case_log
from tests.conftest import ROOT

CASE = ROOT / "examples" / "cases" / "social-network-2026.json"
LOG_HEADER = "date,provision,offender_kind,amount\n"
LOG_ROW = "2026-09-15,điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP,individual,11250000\n"


def one_line_error(capsys, *argv: str) -> str:  # type: ignore[no-untyped-def]
    """Run the CLI, expect exit 2 and exactly one line on standard error; return it."""
    assert main(list(argv)) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1, captured.err
    assert captured.err.startswith("penalty-rules: error: ")
    return captured.err


def test_utf8_with_and_without_bom_is_read(tmp_path: Path) -> None:
    data = CASE.read_bytes()
    with_bom = tmp_path / "bom.json"
    with_bom.write_bytes(codecs.BOM_UTF8 + data)
    assert inputs.read_json(with_bom) == json.loads(data)


@pytest.mark.parametrize(("encoding", "reason"), [
    ("utf-16", "UTF-16"), ("utf-16-le", "NUL bytes"), ("utf-32", "UTF-32"), ("cp1258", "not UTF-8"),
])
def test_other_encodings_are_refused(tmp_path: Path, capsys, encoding: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "case.json"
    # cp1258 has no code for some Vietnamese letters: "?" stands in for them
    path.write_bytes(CASE.read_text(encoding="utf-8").encode(encoding, errors="replace"))
    err = one_line_error(capsys, "assess", str(path))
    assert reason in err and "UTF-8" in err


def test_too_large_is_refused_before_parsing(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "big.json"
    path.write_text(" " * (inputs.MAX_BYTES + 1), encoding="utf-8")
    assert "above the limit" in one_line_error(capsys, "assess", str(path))


def test_deep_nesting_is_refused(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert "nested deeper than 64" in one_line_error(capsys, "assess", str(path))
    # brackets inside strings do not count
    assert inputs.parse_json('{"a": "' + "[" * 1000 + '"}', "x") == {"a": "[" * 1000}


def test_only_regular_files_are_read(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert "a device" in one_line_error(capsys, "assess", "/dev/zero")
    assert "a folder" in one_line_error(capsys, "assess", str(tmp_path))
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert "a named pipe" in one_line_error(capsys, "assess", str(fifo))
    assert "a named pipe" in one_line_error(capsys, "targets", str(fifo), "--year", "2026")
    assert "cannot read file" in one_line_error(capsys, "assess", str(tmp_path / "missing.json"))


def test_duplicate_json_keys_are_refused(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "dup.json"
    path.write_text('{"offender": {"kind": "individual", "kind": "organization"}}', encoding="utf-8")
    assert "duplicate JSON key 'kind'" in one_line_error(capsys, "assess", str(path))


def test_long_integers_and_nan_are_refused(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "long.json"
    path.write_text('{"a": ' + "9" * 5000 + "}", encoding="utf-8")
    assert "5,000 digits" in one_line_error(capsys, "assess", str(path))
    path.write_text('{"a": NaN}', encoding="utf-8")
    assert "NaN" in one_line_error(capsys, "assess", str(path))


def test_invalid_json_is_one_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.json"
    path.write_text("{", encoding="utf-8")
    assert "not valid JSON" in one_line_error(capsys, "assess", str(path))


def test_csv_log_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_bytes(codecs.BOM_UTF8 + (LOG_HEADER + LOG_ROW).encode("utf-8"))
    [entry] = load_case_log(path)
    assert entry.amount == 11_250_000


def test_duplicate_csv_columns_are_refused(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "log.csv"
    path.write_text("date,provision,offender_kind,amount,amount\n" + LOG_ROW.strip() + ",5\n",
                    encoding="utf-8")
    with pytest.raises(InputFileError, match="duplicate CSV column 'amount'"):
        load_case_log(path)
    assert "duplicate CSV column" in one_line_error(capsys, "targets", str(path), "--year", "2026")


def test_json_log_duplicate_keys_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    path.write_text('[{"date": "2026-01-02", "date": "2026-01-03"}]', encoding="utf-8")
    with pytest.raises(InputFileError, match="duplicate JSON key 'date'"):
        load_case_log(path)


def test_change_file_with_long_number_or_deep_nesting(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    log = tmp_path / "log.csv"
    log.write_text(LOG_HEADER + LOG_ROW, encoding="utf-8")
    change = tmp_path / "change.toml"
    change.write_text("format = " + "1" * 5000 + "\n", encoding="utf-8")
    assert "too long" in one_line_error(capsys, "reform", str(log), "--change", str(change))
    change.write_text("format = " + "[" * 5000 + "\n", encoding="utf-8")
    assert "nested too deeply" in one_line_error(capsys, "reform", str(log), "--change", str(change))
