"""Every example script and case file runs."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

import pytest

from penalty_rules import assess
from tests.conftest import ROOT

SCRIPTS = sorted((ROOT / "examples").glob("*.py"))
CASES = sorted((ROOT / "examples" / "cases").glob("*.json"))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_example_script_runs(script: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "argv", [str(script)])
    with pytest.raises(SystemExit) as info:
        runpy.run_path(str(script), run_name="__main__")
    assert info.value.code == 0
    assert capsys.readouterr().out.strip()


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_example_case_assesses(path: Path) -> None:
    import json

    result = assess(json.loads(path.read_text(encoding="utf-8")))
    assert result.violations
    assert result.total_fine == sum(v.fine or 0 for v in result.violations if not v.time_barred)


def test_at_least_three_examples() -> None:
    assert len(SCRIPTS) >= 3 and len(CASES) >= 3


def test_example_catalog_file_loads_and_assesses() -> None:
    from penalty_rules import load_catalog

    catalog = load_catalog(ROOT / "examples" / "catalog" / "example-decree.toml")
    result = assess({
        "offender": {"kind": "individual"}, "decided_on": "2099-06-01",
        "violations": [{"provision": "điểm a khoản 1 Điều 5 Nghị định 1/2099/NĐ-CP",
                        "committed_on": "2099-04-01", "ended_on": "2099-04-02",
                        "detected_on": "2099-05-01", "quantity": 3}],
    }, catalog)
    v = result.violations[0]
    assert (v.fine_min, v.fine_max) == (150_000, 300_000)  # 3 numbers, halved
    assert v.limitation_years == 2
    assert "UNVERIFIED_MEMORY" in v.flags
