"""Run every case file of ``tests/cases/`` (one test per case), and test the runner itself.

Run only the case files with ``python -m pytest tests/test_case_files.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.case_runner import (
    CASES_DIR,
    BrokenFile,
    CaseSpec,
    case_files,
    failure_text,
    load_file,
    relative,
    run_case,
)


def _params() -> list[object]:
    params: list[object] = []
    for path in case_files():
        for entry in load_file(path):
            rel = relative(path).removeprefix("cases/")
            if isinstance(entry, BrokenFile):
                params.append(pytest.param(entry, id=f"{rel}::{entry.name}"))
            else:
                marks = [pytest.mark.xfail(reason=entry.xfail, strict=True)] if entry.xfail else []
                params.append(pytest.param(entry, id=f"{rel}::{entry.name}", marks=marks))
    return params


@pytest.mark.parametrize("entry", _params())
def test_case(entry: CaseSpec | BrokenFile) -> None:
    if isinstance(entry, BrokenFile):
        pytest.fail(f"malformed case file {relative(entry.path)} ({entry.name}): {entry.reason}",
                    pytrace=False)
    outcome = run_case(entry)
    assert outcome.checks > 0, f"{entry.where}: nothing was compared"
    if outcome.problems:
        pytest.fail(failure_text(entry, outcome), pytrace=False)


def test_there_are_case_files() -> None:
    files = case_files()
    assert len(files) >= 5
    assert all(p.is_relative_to(CASES_DIR) for p in files)


# ---------------------------------------------------------------- the runner itself
GOOD = '''
[[case]]
name = "social network, individual"
source = "telecom-decrees.md §0 item 4"
[case.input]
offender = { kind = "individual" }
decided_on = 2026-08-10
[[case.input.violations]]
provision = "điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP"
committed_on = 2026-07-20
ended_on = 2026-07-20
detected_on = 2026-07-25
[case.expect]
total_fine = 12_500_000
[[case.expect.violations]]
provision = "điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP"
fine_min = 10_000_000
fine_max = 15_000_000
'''


def _one(tmp_path: Path, text: str) -> CaseSpec | BrokenFile:
    path = tmp_path / "case.toml"
    path.write_text(text, encoding="utf-8")
    entries = load_file(path)
    assert len(entries) == 1
    return entries[0]


def test_a_good_case_passes_and_counts_its_checks(tmp_path: Path) -> None:
    spec = _one(tmp_path, GOOD)
    assert isinstance(spec, CaseSpec)
    assert spec.input["decided_on"] == "2026-08-10"  # TOML dates become ISO strings
    assert spec.input["violations"][0]["committed_on"] == "2026-07-20"
    outcome = run_case(spec)
    assert outcome.problems == []
    assert outcome.checks == 4


def test_a_wrong_figure_is_reported_with_field_expected_got_and_source(tmp_path: Path) -> None:
    spec = _one(tmp_path, GOOD.replace("fine_max = 15_000_000", "fine_max = 16_000_000"))
    assert isinstance(spec, CaseSpec)
    outcome = run_case(spec)
    text = failure_text(spec, outcome)
    assert "violations[0].fine_max: expected 16_000_000, got 15_000_000" in text
    assert "source: telecom-decrees.md §0 item 4" in text
    assert "case.toml" in text


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ('[case.expect]\n', '[case.expect]\ntotal = 1\n', "expect: unknown key(s) total"),
        ('source = "telecom-decrees.md §0 item 4"\n', "", "source: required"),
        ('fine_min = 10_000_000', 'fine_minimum = 10_000_000',
         "expect.violations[0]: unknown key(s) fine_minimum"),
        ('name = "social network, individual"',
         'name = "social network, individual"\ncomment = "x"', "case: unknown key(s) comment"),
        ('decided_on = 2026-08-10\n', '', "input.decided_on: required"),
        ('total_fine = 12_500_000', 'total_fine = 12_500_000.0', "expect.total_fine"),
        ('[case.expect]\n', '[case.expect]\nerror = "NoSuchError"\n', "not an error class"),
        ('[case.expect]\n', '[case.expect]\nmessage_contains = "x"\n', "only meaningful with error"),
        ('[case.expect]\n', '[case.expect]\ntrace_steps = [{ params = {} }]\n',
         "name the step by rule or message"),
        ('fine_min = 10_000_000', 'absent = ["fine_minimum"]', "absent"),
        ('name = "social network, individual"',
         'name = "social network, individual"\nxfail = ""', "xfail"),
        ('committed_on = 2026-07-20', 'committed_on = 2026-07-20T10:00:00', "plain date"),
    ],
)
def test_malformed_cases_are_refused_with_file_and_reason(
        tmp_path: Path, old: str, new: str, reason: str) -> None:
    assert old in GOOD
    entry = _one(tmp_path, GOOD.replace(old, new, 1))
    assert isinstance(entry, BrokenFile)
    assert "case.toml" in entry.reason
    assert reason in entry.reason


def test_unreadable_and_empty_files_are_broken(tmp_path: Path) -> None:
    broken = _one(tmp_path, "[[case]\nname = 1")
    assert isinstance(broken, BrokenFile) and "TOML" in broken.reason
    empty = _one(tmp_path, 'title = "nothing"\n')
    assert isinstance(empty, BrokenFile) and "unknown top-level key" in empty.reason


def test_duplicate_names_in_a_file_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "twice.toml"
    path.write_text(GOOD + GOOD, encoding="utf-8")
    entries = load_file(path)
    assert isinstance(entries[0], CaseSpec)
    assert isinstance(entries[1], BrokenFile) and "used twice" in entries[1].reason


def test_an_expected_error_that_does_not_happen_fails(tmp_path: Path) -> None:
    text = GOOD.split("[case.expect]")[0] + '[case.expect]\nerror = "ProvisionNotFound"\n'
    spec = _one(tmp_path, text)
    assert isinstance(spec, CaseSpec)
    outcome = run_case(spec)
    assert outcome.problems and "no error" in outcome.problems[0]


def test_an_unexpected_error_fails_with_its_message(tmp_path: Path) -> None:
    spec = _one(tmp_path, GOOD.replace("điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP\"\ncommitted",
                                       "khoản 9 Điều 95 Nghị định 174/2026/NĐ-CP\"\ncommitted"))
    assert isinstance(spec, CaseSpec)
    outcome = run_case(spec)
    assert outcome.problems and "raised ProvisionNotFound" in outcome.problems[0]


def test_trace_and_flag_checks_can_fail(tmp_path: Path) -> None:
    extra = ('trace_cites = ["khoản 1 Điều 115 Nghị định 174/2026/NĐ-CP"]\n'
             'trace_not_cites = ["khoản 4 Điều 23 Luật 15/2012/QH13"]\n'
             'flags = ["NO SUCH FLAG"]\n'
             'trace_steps = [{ rule = "frame.base", message = "frame.doubled" }]\n')
    spec = _one(tmp_path, GOOD.replace("fine_max = 15_000_000\n", "fine_max = 15_000_000\n" + extra))
    assert isinstance(spec, CaseSpec)
    problems = run_case(spec).problems
    assert len(problems) == 4, problems
