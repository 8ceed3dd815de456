"""The columnar path on case logs (pandas reader, assess_table) gives the row-by-row answers.

Both readers must accept the same files with the same values and refuse a bad file with the
same one-line error; targets, reform and the auditor must give the same reports from either.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("numpy")
pytest.importorskip("pandas")

from penalty_rules import PenaltyRulesError, bundled_catalog
from penalty_rules.audit.auditor import audit
from penalty_rules.cli import main
from penalty_rules.models.log import LogTable
from penalty_rules.planning import caselog
from penalty_rules.planning.caselog import read_case_log
from penalty_rules.planning.reform import load_changes, what_if
from penalty_rules.planning.targets import compute_targets
from tests.conftest import ROOT

CATALOG = bundled_catalog()
LOG = ROOT / "examples" / "logs" / "inspectorate-2025-2026.csv"
CHANGES = ROOT / "examples" / "reforms" / "raise-2026.toml"
HEADER = ["date", "sector", "provision", "offender_kind", "amount", "offender_id", "quantity",
          "goods_value", "ended_on"]
PROVISIONS = [
    *sorted({line.split(",")[2] for line in LOG.read_text(encoding="utf-8").splitlines()[1:]}),
    "khoản 1 Điều 34 Nghị định 174/2026/NĐ-CP", "điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP",
    " khoản 2 Điều 5 Nghị định 15/2020/NĐ-CP ", "Điều 999 Nghị định 174/2026/NĐ-CP",
    "not a citation", "khoản 1 Điều 95", "",
]
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                          HealthCheck.function_scoped_fixture])


def both(path: Path) -> tuple[Any, Any]:
    """What each reader gives: the entries, or the error's type and words."""
    out = []
    for columnar in (True, False):
        try:
            log = read_case_log(path, columnar=columnar)
        except PenaltyRulesError as exc:
            out.append((type(exc).__name__, str(exc)))
        else:
            if columnar:
                assert isinstance(log, LogTable)
            out.append(list(log))
    return out[0], out[1]


def reports(log: Any, rows: Any) -> None:
    """Targets, reform and the log checks of the auditor agree on both logs."""
    for year in (2025, 2026):
        a = _or_error(lambda y=year: compute_targets(log, y, catalog=CATALOG))
        b = _or_error(lambda y=year: compute_targets(rows, y, catalog=CATALOG))
        assert a == b
    changes = load_changes(CHANGES)
    a = _or_error(lambda: what_if(log, CATALOG, changes, date(2026, 12, 31), columnar=True))
    b = _or_error(lambda: what_if(rows, CATALOG, changes, date(2026, 12, 31), columnar=False))
    assert a == b
    checks = ["repealed_in_use", "repeat_pressure"]
    assert (audit(CATALOG, date(2026, 11, 1), log=log, checks=checks)
            == audit(CATALOG, date(2026, 11, 1), log=rows, checks=checks))


def _or_error(fn: Any) -> Any:
    try:
        return fn()
    except PenaltyRulesError as exc:
        return type(exc).__name__, str(exc)


def test_sample_log_same_entries_and_reports() -> None:
    table, rows = both(LOG)
    assert table == rows and len(rows) == 87
    log = read_case_log(LOG, columnar=True)
    reports(log, rows)
    full = audit(CATALOG, date(2026, 11, 1), log=log)
    assert full == audit(CATALOG, date(2026, 11, 1), log=rows)
    assert what_if(rows, CATALOG, load_changes(CHANGES), columnar=True) == \
        what_if(rows, CATALOG, load_changes(CHANGES), columnar=False)


def test_sample_log_cli_same_output(capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    commands = [["targets", str(LOG), "--year", "2026", "--format", "json"],
                ["reform", str(LOG), "--change", str(CHANGES), "--format", "json"],
                ["audit", "--log", str(LOG), "--as-of", "2026-11-01", "--format", "json"]]
    outputs = []
    monkeypatch.setattr(caselog, "COLUMNAR_CHARS", 0)  # the sample log is small
    monkeypatch.setattr(caselog, "COLUMNAR_ROWS", 0)
    for fast in (True, False):
        monkeypatch.setattr(caselog, "_BATCH", fast)
        for argv in commands:
            assert main(argv) == 0
            outputs.append(capsys.readouterr())
    assert outputs[:3] == outputs[3:]


# -- random logs --------------------------------------------------------------------------------
DAYS = st.dates(date(2013, 1, 1), date(2027, 12, 31)).map(date.isoformat)
GOOD = {
    "date": st.one_of(DAYS, DAYS.map(lambda d: f"{d[8:]}/{d[5:7]}/{d[:4]}")),
    "sector": st.sampled_from(["", "telecom", "postal", "information_technology"]),
    "provision": st.sampled_from(PROVISIONS),
    "offender_kind": st.sampled_from(["individual", "organization", "household_business"]),
    "amount": st.one_of(st.integers(0, 10**9).map(str), st.just(" 70 ")),
    "offender_id": st.one_of(st.sampled_from(["", "DN1", "DN2", "CN3"]), st.text(max_size=3)),
    "quantity": st.sampled_from(["", "", "1", "150", "1_000"]),
    "goods_value": st.sampled_from(["", "", "5000000"]),
    "ended_on": st.one_of(st.just(""), st.just(""), DAYS),
}
BAD = {
    "date": st.sampled_from(["", "2026-13-01", "1944-12-31", "x"]),
    "sector": st.just("telecomm"),
    "provision": st.just(""),
    "offender_kind": st.sampled_from(["", "robot"]),
    "amount": st.sampled_from(["", "1e6", "-5", "١٢", "9" * 21, str(10**15 + 1)]),
    "offender_id": st.just("x" * 201),
    "quantity": st.sampled_from(["0", "1.5"]),
    "goods_value": st.just("x"),
    "ended_on": st.just("2100-01-01"),
}
ROW = st.fixed_dictionaries(GOOD)
ANY_ROW = st.fixed_dictionaries({k: st.one_of(v, v, v, BAD[k]) for k, v in GOOD.items()})


@st.composite
def csv_logs(draw: st.DrawFn) -> str:
    """CSV text: random columns (the required ones mostly), rows, blank lines and odd endings."""
    columns = [c for c in HEADER if c in ("date", "provision", "offender_kind", "amount")
               or draw(st.booleans())]
    if draw(st.integers(0, 9)) == 0:
        columns.remove(draw(st.sampled_from(columns)))  # a missing column, now and then
    lines = [",".join(columns)]
    for row in draw(st.lists(ANY_ROW if draw(st.integers(0, 3)) == 0 else ROW, max_size=8)):
        cells = [row[c].replace(",", " ").replace("\n", " ").replace("\r", " ") for c in columns]
        shape = draw(st.integers(0, 30))
        if shape == 0:
            cells = cells[:-1]  # a short row
        elif shape == 1:
            cells.append("extra")  # a long row
        elif shape == 2:
            lines.append(draw(st.sampled_from(["", "   ", ",,", "\t"])))
        elif shape == 3 and cells:
            cells[0] = f'"{cells[0]}"'  # a quoted cell
        elif shape == 4:
            cells = ['"' + c.replace('"', '""') + '"' for c in cells]  # every cell quoted
        elif shape == 5 and cells:
            cells[-1] = f'"{cells[-1]},z"'  # a comma in a quoted cell
        lines.append(",".join(cells))
    end = draw(st.sampled_from(["\n", "\r\n"]))
    return end.join(lines) + draw(st.sampled_from([end, ""]))


@SETTINGS
@given(text=csv_logs())
def test_random_csv_logs_same_answers(tmp_path: Path, text: str) -> None:
    path = tmp_path / "log.csv"
    path.write_bytes(text.encode("utf-8"))
    table, rows = both(path)
    assert table == rows
    if isinstance(rows, list):
        reports(read_case_log(path, columnar=True), rows)


@SETTINGS
@given(rows=st.lists(ROW, max_size=8), junk=st.sampled_from([None, 5, True, 1.5, [1], "5"]),
       where=st.sampled_from([*HEADER, None]))
def test_random_json_logs_same_answers(tmp_path: Path, rows: list[dict[str, str]], junk: Any,
                                       where: str) -> None:
    data: list[dict[str, Any]] = []
    for i, row in enumerate(rows):
        item: dict[str, Any] = {k: v for k, v in row.items() if v != ""}
        for key in ("amount", "quantity", "goods_value"):
            if key in item and item[key].strip().isdigit() and item[key].isascii():
                item[key] = int(item[key])
        if i == 1 and where is not None:
            item[where] = junk  # a value of another JSON type
        data.append(item)
    path = tmp_path / "log.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    table, entries = both(path)
    assert table == entries
    if isinstance(entries, list):
        reports(read_case_log(path, columnar=True), entries)


def test_sums_past_int64_are_exact() -> None:
    import numpy as np

    from penalty_rules.planning.columns import _sum

    values = np.array([10**15] * 5000 + [7], dtype=np.int64)
    groups = np.array([0] * 4000 + [1] * 1001, dtype=np.int64)
    assert _sum(groups, values, 2, np) == [4000 * 10**15, 1000 * 10**15 + 7]
    assert _sum(groups[:2], values[:2], 2, np) == [2 * 10**15, 0]


def test_growth_and_as_of_through_the_columns() -> None:
    log = read_case_log(LOG, columnar=True)
    rows = read_case_log(LOG, columnar=False)
    assert compute_targets(log, 2026, Decimal("0.1"), date(2026, 6, 30)) == \
        compute_targets(rows, 2026, Decimal("0.1"), date(2026, 6, 30))


def test_log_table_is_a_sequence_of_entries() -> None:
    log = read_case_log(LOG, columnar=True)
    rows = read_case_log(LOG, columnar=False)
    assert isinstance(log, LogTable)
    assert log[-1] == rows[-1] and log[2:4] == rows[2:4] and len(log) == len(rows)
    with pytest.raises(IndexError):
        log[len(log)]
    assert LogTable.from_entries(rows).column("amount") == log.column("amount")


def test_small_logs_take_the_row_by_row_path(monkeypatch: pytest.MonkeyPatch) -> None:
    # Importing numpy, pyarrow and pandas costs more than reading a small log row by row.
    assert isinstance(read_case_log(LOG), list)
    monkeypatch.setattr(caselog, "COLUMNAR_CHARS", 0)
    assert isinstance(read_case_log(LOG), LogTable)
    monkeypatch.setattr(caselog, "_BATCH", False)  # as without numpy and pandas
    assert isinstance(read_case_log(LOG), list)


def test_reform_asks_the_engine_when_a_provision_does_not_read_back(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from penalty_rules.errors import CitationSyntaxError
    from penalty_rules.planning import columns

    def unreadable(text: str) -> Any:
        raise CitationSyntaxError(text, "not read back")

    log = read_case_log(LOG, columnar=True)
    rows = read_case_log(LOG, columnar=False)
    changes = load_changes(CHANGES)
    monkeypatch.setattr(columns, "parse_citation", unreadable)
    assert what_if(log, CATALOG, changes, columnar=True) == \
        what_if(rows, CATALOG, changes, columnar=False)
