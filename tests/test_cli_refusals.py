"""Every refusal of the command line is exit 2 and one line on standard error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from penalty_rules import cli
from penalty_rules.cli import main
from tests.conftest import ROOT

LOG = str(ROOT / "examples" / "logs" / "inspectorate-2025-2026.csv")
CASE = str(ROOT / "examples" / "cases" / "social-network-2026.json")


def one_line_error(capsys, *argv: str) -> str:  # type: ignore[no-untyped-def]
    code = main(list(argv))
    captured = capsys.readouterr()
    assert code == 2, captured
    assert captured.err.count("\n") == 1, captured.err
    assert captured.err.startswith("penalty-rules: error: ")
    return captured.err


@pytest.mark.parametrize("year", ["0", "10000", "-5", "1944", "2101", "abc", "1e3"])
def test_target_year_range(capsys, year: str) -> None:  # type: ignore[no-untyped-def]
    assert "1945 to 2100" in one_line_error(capsys, "targets", LOG, "--year", year)


@pytest.mark.parametrize(("growth", "reason"), [
    ("NaN", "finite"), ("Infinity", "finite"), ("-Infinity", "finite"), ("1e400", "outside"),
    ("abc", "finite"), ("-1", "outside"), ("11", "outside"), ("5%%", "finite"), ("-100%", "outside"),
])
def test_growth_must_be_a_sane_finite_decimal(capsys, growth: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    assert reason in one_line_error(capsys, "targets", LOG, "--year", "2026", f"--growth={growth}")


def test_growth_as_percentage(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["targets", LOG, "--year", "2026", "--growth", "5%", "--format", "json"]) == 0
    as_pct = capsys.readouterr().out
    assert main(["targets", LOG, "--year", "2026", "--growth", "0.05", "--format", "json"]) == 0
    assert capsys.readouterr().out == as_pct


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "2026-02-30", "yesterday"])
def test_date_options_are_checked(capsys, day: str) -> None:  # type: ignore[no-untyped-def]
    one_line_error(capsys, "assess", CASE, "--today", day)
    one_line_error(capsys, "audit", "--as-of", day)


@pytest.mark.parametrize("argv", [
    ["catalog", "--document", "xyz"], ["catalog", "--document", "999/2099/NĐ-CP"],
    ["diff", "xyz", "174/2026/NĐ-CP"], ["diff", "174/2026/NĐ-CP", "1/1/x"],
    ["audit", "--document", "xyz"], ["catalog", "--document", "999/2026"],
])
def test_unknown_documents_list_the_known_ones(capsys, argv: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert "documents known: " in one_line_error(capsys, *argv)


def test_short_document_form_resolves_when_unique(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["catalog", "--document", "174/2026", "--format", "json"]) == 0
    short = capsys.readouterr().out
    assert main(["catalog", "--document", "174/2026/NĐ-CP", "--format", "json"]) == 0
    assert capsys.readouterr().out == short and "Điều 95" in short


def test_diff_of_a_document_with_itself_is_refused(capsys) -> None:  # type: ignore[no-untyped-def]
    assert "same document" in one_line_error(capsys, "diff", "174/2026/NĐ-CP", "174/2026")


def test_usage_errors_are_one_line(capsys) -> None:  # type: ignore[no-untyped-def]
    one_line_error(capsys, "assess")
    one_line_error(capsys, "nonsense")
    one_line_error(capsys, "catalog", "--format", "xml")
    assert main(["--version"]) == 0


def test_internal_error_asks_for_a_report(capsys, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    def boom(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("oops")

    monkeypatch.setattr(cli, "_run", boom)
    assert main(["circumstances"]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bug" in err and "--debug" in err and "Traceback" not in err
    assert main(["--debug", "circumstances"]) == 3
    assert "Traceback" in capsys.readouterr().err
    assert main(["circumstances", "--debug"]) == 3
    assert "Traceback" in capsys.readouterr().err


def test_chart_output_is_safe(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "no" / "chart.svg"
    assert "does not exist" in one_line_error(capsys, "audit", "--chart", str(missing))
    chart = tmp_path / "chart.svg"
    assert main(["audit", "--chart", str(chart), "--format", "json"]) == 0
    capsys.readouterr()
    assert chart.read_text(encoding="utf-8").startswith("<svg")
    assert "--force" in one_line_error(capsys, "audit", "--chart", str(chart))
    chart.write_text("mine", encoding="utf-8")
    assert main(["audit", "--chart", str(chart), "--force", "--format", "json"]) == 0
    capsys.readouterr()
    assert chart.read_text(encoding="utf-8").startswith("<svg")
    target = tmp_path / "precious.txt"
    target.write_text("keep", encoding="utf-8")
    link = tmp_path / "link.svg"
    os.symlink(target, link)
    assert "symbolic link" in one_line_error(capsys, "audit", "--chart", str(link), "--force")
    dangling = tmp_path / "dangling.svg"
    os.symlink(tmp_path / "nowhere.svg", dangling)
    assert "symbolic link" in one_line_error(capsys, "audit", "--chart", str(dangling))
    assert target.read_text(encoding="utf-8") == "keep" and not (tmp_path / "nowhere.svg").exists()


@pytest.mark.parametrize(("body", "reason"), [
    ("percent = -150", "greater than -100"),
    ("percent = -100", "greater than -100"),
    ("percent = nan", "finite"),
    ("percent = inf", "finite"),
    ("min = 1.5\nmax = 2", "valid integer"),
    ("min = 1\nmax = 10000000000000000", "less than or equal"),
])
def test_reform_change_values(tmp_path: Path, capsys, body: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    change = tmp_path / "change.toml"
    change.write_text('format = 1\n[[change]]\nprovision = "khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP"\n'
                      + body + "\n", encoding="utf-8")
    err = one_line_error(capsys, "reform", LOG, "--change", str(change))
    assert "change[0]." in err and reason in err


def test_catalog_files_must_be_regular(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert "a device" in one_line_error(capsys, "catalog", "--catalog", "/dev/zero")
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    assert "a named pipe" in one_line_error(capsys, "catalog", "--catalog", str(fifo))


def test_change_file_must_be_regular(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    err = one_line_error(capsys, "reform", LOG, "--change", "/dev/zero")
    assert "a device" in err and "TOML" not in err
