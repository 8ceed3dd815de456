"""The batch path gives, row by row, the answer of ``assess`` (skipped without numpy/pandas)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")

from penalty_rules import PenaltyRulesError, assess, bundled_catalog  # noqa: E402
from penalty_rules.batch import OUTPUT_COLUMNS, assess_table, row_case  # noqa: E402
from tests.batch_support import LOOPS as BATCH_LOOPS  # noqa: E402
from tests.batch_support import batch_loop, kernel_spy, plain  # noqa: E402

CATALOG = bundled_catalog()
TODAY = date(2026, 12, 1)
MITIGATING = sorted(c.code for c in CATALOG.circumstances.values() if c.kind.value == "mitigating")
AGGRAVATING = sorted(c.code for c in CATALOG.circumstances.values() if c.kind.value == "aggravating")


def _texts() -> list[str]:
    """Citations of every provision with a fine (each point cited where points state frames),
    written in the catalog's own form, plus a few that do not resolve."""
    out = []
    for provision in CATALOG.provisions.values():
        citation = provision.citation
        out.append(citation.format())
        for point in provision.points[:2]:
            out.append(citation.model_copy(update={"point": point}).format())
    return [*sorted(set(out)), "Điều 999 Nghị định 174/2026/NĐ-CP", "not a citation",
            "khoản 1 Điều 95"]


TEXTS = _texts()
START = date(2013, 1, 1)

LOOPS = BATCH_LOOPS
_loop = batch_loop


@st.composite
def rows(draw: st.DrawFn) -> dict[str, Any]:
    committed = START + timedelta(days=draw(st.integers(0, 5200)))
    ended = None if draw(st.integers(0, 5)) == 0 else committed + timedelta(days=draw(st.integers(0, 400)))
    detected = committed + timedelta(days=draw(st.integers(0, 500)))
    decided = None if draw(st.integers(0, 9)) == 0 else detected + timedelta(days=draw(st.integers(0, 900)))
    if draw(st.integers(0, 40)) == 0:  # now and then a decision before detection
        decided = detected - timedelta(days=1)
    row: dict[str, Any] = {
        "provision": draw(st.sampled_from(TEXTS)),
        "offender_kind": draw(st.sampled_from(["individual", "organization", "household_business"])),
        "committed_on": committed, "ended_on": ended, "detected_on": detected,
        "decided_on": decided,
        "mitigating": draw(st.one_of(st.integers(0, 3), st.lists(st.sampled_from(MITIGATING),
                                                                  max_size=2, unique=True))),
        "aggravating": draw(st.one_of(st.integers(0, 2), st.lists(st.sampled_from(AGGRAVATING),
                                                                   max_size=2, unique=True))),
        "quantity": draw(st.one_of(st.none(), st.integers(1, 400))),
        "goods_value": draw(st.one_of(st.none(), st.integers(0, 600_000_000))),
        "times": draw(st.integers(1, 3)),
    }
    return row


def _expected(row: dict[str, Any]) -> tuple[Any, ...]:
    try:
        answer = assess(row_case(row, CATALOG), CATALOG, today=TODAY).violations[0]
    except PenaltyRulesError as exc:
        return (None, None, None, None, None, None, None, str(exc))
    return (str(answer.document), answer.provision.format(), answer.fine_min, answer.fine_max,
            answer.fine, answer.time_barred, answer.limitation_expires_on, None)


_plain = plain


def _columns(table: list[dict[str, Any]]) -> dict[str, list[Any]]:
    return {name: [row[name] for row in table] for name in table[0]}


SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@SETTINGS
@given(st.lists(rows(), min_size=1, max_size=25))
def test_mapping_rows_equal_assess(table: list[dict[str, Any]]) -> None:
    result = assess_table(_columns(table), CATALOG, today=TODAY)
    assert list(result) == list(OUTPUT_COLUMNS)
    for i, row in enumerate(table):
        got = tuple(result[name][i] for name in OUTPUT_COLUMNS)
        assert got == _expected(row), (i, row)


@SETTINGS
@given(st.lists(rows(), min_size=1, max_size=25))
def test_typed_frame_rows_equal_assess(table: list[dict[str, Any]]) -> None:
    """Categorical text, datetime64 dates, integer counts: the columns Parquet gives."""
    frame = pd.DataFrame(_columns(table))
    frame["provision"] = frame["provision"].astype("category")
    frame["offender_kind"] = frame["offender_kind"].astype("category")
    for name in ("committed_on", "ended_on", "detected_on", "decided_on"):
        frame[name] = pd.to_datetime(frame[name]).astype("datetime64[s]")
    for name in ("mitigating", "aggravating"):
        if all(isinstance(v, int) for v in frame[name]):
            frame[name] = frame[name].astype("int8")
    frame["quantity"] = frame["quantity"].astype("Int64")
    frame["goods_value"] = frame["goods_value"].astype("Int64")
    result = assess_table(frame, CATALOG, today=TODAY)
    assert list(result.columns) == list(OUTPUT_COLUMNS)
    assert str(result["fine"].dtype) == "Int64"
    for i, row in enumerate(table):
        got = tuple(_plain(result[name].iloc[i]) for name in OUTPUT_COLUMNS)
        assert got == _expected(row), (i, row)


def test_the_common_rule_is_vectorised_not_row_by_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """A typed log of the common rule never calls assess row by row."""
    import penalty_rules.engine.assess as engine

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("assess was called row by row")

    monkeypatch.setattr(engine, "assess", refuse)
    n = 2000
    rng = np.random.default_rng(1)
    ended = pd.Timestamp("2021-01-01") + pd.to_timedelta(rng.integers(0, 2000, n), unit="D")
    frame = pd.DataFrame({
        "provision": pd.Categorical.from_codes(rng.integers(0, 2, n), [
            "điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP",
            "khoản 1 Điều 101 Nghị định 15/2020/NĐ-CP"]),
        "offender_kind": pd.Categorical.from_codes(rng.integers(0, 2, n),
                                                   ["individual", "organization"]),
        "committed_on": (ended - pd.to_timedelta(rng.integers(0, 20, n), unit="D")).values,
        "ended_on": ended.values,
        "detected_on": (ended + pd.to_timedelta(rng.integers(0, 20, n), unit="D")).values,
        "decided_on": (ended + pd.to_timedelta(rng.integers(20, 900, n), unit="D")).values,
        "mitigating": rng.integers(0, 3, n).astype("int8"),
        "aggravating": rng.integers(0, 3, n).astype("int8"),
        "times": rng.integers(1, 3, n),
    })
    result = assess_table(frame, CATALOG)
    assert result["error"].isna().all()
    barred = result["time_barred"].astype(bool)
    assert result["fine"][~barred].notna().all()
    assert result["fine"][barred].isna().all() and barred.any()  # a time-barred act: no fine
    assert (result["fine_min"] <= result["fine"]).all()


def test_one_bad_row_never_fails_the_table() -> None:
    result = assess_table({
        "provision": ["khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP", "khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP",
                      "Điều 999 Nghị định 174/2026/NĐ-CP"],
        "offender_kind": ["individual", "pirate", "individual"],
        "committed_on": ["2026-07-20", "2026-07-20", "2026-07-20"],
        "ended_on": ["2026-07-20", "2026-07-20", "2026-07-20"],
        "detected_on": ["2026-07-25", "2026-07-25", "not a day"],
        "decided_on": ["2026-08-10", "2026-08-10", "2026-08-10"],
    }, CATALOG)
    assert result["fine"][0] == 12_500_000 and result["error"][0] is None
    assert result["fine"][1] is None and "offender.kind" in result["error"][1]
    assert result["fine"][2] is None and "detected_on" in result["error"][2]


def test_arrow_in_arrow_out() -> None:
    pa = pytest.importorskip("pyarrow")
    table = pa.table({
        "provision": ["khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP"] * 2,
        "offender_kind": ["individual", "organization"],
        "committed_on": pa.array([date(2026, 7, 20)] * 2, pa.date32()),
        "ended_on": pa.array([date(2026, 7, 20), None], pa.date32()),
        "detected_on": pa.array([date(2026, 7, 25)] * 2, pa.date32()),
        "decided_on": pa.array([date(2026, 8, 10)] * 2, pa.date32()),
        "mitigating": pa.array([2, 0], pa.int8()),
    })
    result = assess_table(table, CATALOG)
    assert isinstance(result, pa.Table)
    assert result.column("fine").to_pylist() == [10_000_000, 25_000_000]
    assert result.schema.field("fine").type == pa.int64()
    assert result.schema.field("error").type == pa.string()  # text, even with no error
    assert result.column("error").null_count == 2


def test_missing_columns_are_named() -> None:
    with pytest.raises(ValueError, match="offender_kind"):
        assess_table({"provision": ["khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP"]}, CATALOG)
    with pytest.raises(TypeError, match="DataFrame"):
        assess_table([1, 2, 3], CATALOG)


# -- the typed fast path (batch/fast.py) ------------------------------------------------------
# Tables whose every row passes a case's checks are answered by the fast path; these rows
# are drawn so that most tables do, and every table is also given as a pyarrow Table and as
# a mapping of numpy arrays (both read by the fast path too).
def _in_force_from(text: str) -> date:
    from penalty_rules import parse_citation

    return min(CATALOG.document(p.document).effective_from
               for p in CATALOG.find(parse_citation(text)))


IN_FORCE = {text: _in_force_from(text) for text in TEXTS[:-3]}


@st.composite
def clean_rows(draw: st.DrawFn) -> dict[str, Any]:
    text = draw(st.sampled_from(TEXTS[:-3]))
    committed = IN_FORCE[text] + timedelta(days=draw(st.integers(-30, 1500)))
    ended = None if draw(st.integers(0, 5)) == 0 else committed + timedelta(days=draw(st.integers(0, 400)))
    detected = committed + timedelta(days=draw(st.integers(0, 500)))
    latest = max(detected, ended or detected)
    decided = None if draw(st.integers(0, 9)) == 0 else latest + timedelta(days=draw(st.integers(0, 900)))
    if draw(st.integers(0, 30)) == 0:  # now and then a row of its own: answered one by one
        decided = detected - timedelta(days=1)
    if draw(st.integers(0, 30)) == 0:  # … or a citation that does not resolve alone
        text = draw(st.sampled_from(TEXTS[-3:]))
    kinds = ["individual", "organization", "household_business"]
    return {
        "provision": text,
        "offender_kind": draw(st.sampled_from(kinds if draw(st.integers(0, 30)) else ["pirate"])),
        "committed_on": committed, "ended_on": ended, "detected_on": detected,
        "decided_on": decided,
        "mitigating": draw(st.integers(0, 3)), "aggravating": draw(st.integers(0, 2)),
        "times": draw(st.integers(1, 3)),
    }


def _typed(table: list[dict[str, Any]]) -> pd.DataFrame:
    frame = pd.DataFrame(_columns(table))
    for name in ("provision", "offender_kind"):
        frame[name] = frame[name].astype("category")
    for name in ("committed_on", "ended_on", "detected_on", "decided_on"):
        frame[name] = pd.to_datetime(frame[name]).astype("datetime64[s]")
    for name in ("mitigating", "aggravating"):
        frame[name] = frame[name].astype("int8")
    frame["times"] = frame["times"].astype("int16")
    return frame


def _numpy_mapping(table: list[dict[str, Any]]) -> dict[str, Any]:
    columns: dict[str, Any] = {}
    for name, values in _columns(table).items():
        if name in ("provision", "offender_kind"):
            columns[name] = np.array(values)  # numpy text
        elif name.endswith("_on"):
            columns[name] = np.array([v if v is not None else "NaT" for v in values],
                                     dtype="datetime64[D]")
        else:
            columns[name] = np.array(values, dtype=np.int8)
    return columns


def _rows_of(result: Any) -> list[tuple[Any, ...]]:
    """The result's rows as plain Python values, whatever kind of table it is."""
    if isinstance(result, pd.DataFrame):
        return [tuple(_plain(result[name].iloc[i]) for name in OUTPUT_COLUMNS)
                for i in range(len(result))]
    if isinstance(result, dict):
        return [tuple(result[name][i] for name in OUTPUT_COLUMNS)
                for i in range(len(result["fine"]))]
    columns = [[_plain(v.date() if hasattr(v, "hour") else v) for v in result.column(name).to_pylist()]
               for name in OUTPUT_COLUMNS]
    return list(zip(*columns, strict=True))


@SETTINGS
@given(st.lists(clean_rows(), min_size=1, max_size=25))
def test_fast_path_rows_equal_assess(table: list[dict[str, Any]]) -> None:
    """pandas, pyarrow and numpy-mapping inputs of clean rows: each row as assess says."""
    pa = pytest.importorskip("pyarrow")
    expected = [_expected(row) for row in table]
    frame = _typed(table)
    # Nanoseconds, with times of day: the day is what counts.
    hours = pd.to_timedelta([(7 * i) % 24 for i in range(len(frame))], unit="h")
    timed = frame.copy()
    for name in ("committed_on", "ended_on", "detected_on", "decided_on"):
        timed[name] = frame[name].astype("datetime64[ns]") + hours
    for loop in LOOPS:
        with _loop(loop):
            for given_table in (frame, pa.Table.from_pandas(frame, preserve_index=False),
                                _numpy_mapping(table), timed):
                result = assess_table(given_table, CATALOG, today=TODAY)
                assert _rows_of(result) == expected, (loop, type(given_table))


def _common_log(n: int, seed: int) -> pd.DataFrame:
    """The common rule, typed, over the years around the 2026 decree (with transitions)."""
    rng = np.random.default_rng(seed)
    ended = pd.Timestamp("2020-06-01") + pd.to_timedelta(rng.integers(0, 2300, n), unit="D")
    frame = pd.DataFrame({
        "provision": pd.Categorical.from_codes(rng.integers(0, 3, n), [
            "khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP", "điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP",
            "khoản 1 Điều 101 Nghị định 15/2020/NĐ-CP"]),
        "offender_kind": pd.Categorical.from_codes(rng.integers(0, 3, n),
                                                   ["individual", "organization", "household_business"]),
        "committed_on": (ended - pd.to_timedelta(rng.integers(0, 60, n), unit="D")).values,
        "ended_on": ended.values,
        "detected_on": (ended + pd.to_timedelta(rng.integers(-20, 60, n), unit="D")).values,
        "mitigating": rng.integers(0, 4, n).astype("int8"),
        "aggravating": rng.integers(0, 3, n).astype("int8"),
        "times": rng.integers(1, 3, n).astype("int8"),
    })
    frame["detected_on"] = frame[["committed_on", "detected_on"]].max(axis=1)
    frame["decided_on"] = (frame[["ended_on", "detected_on"]].max(axis=1)
                           + pd.to_timedelta(rng.integers(0, 400, n), unit="D"))
    frame.loc[rng.integers(0, n, n // 10), "ended_on"] = pd.NaT  # some acts still going on
    frame.loc[rng.integers(0, n, n // 10), "decided_on"] = pd.NaT  # decided today
    for name in ("committed_on", "ended_on", "detected_on", "decided_on"):
        frame[name] = frame[name].astype("datetime64[s]")
    return frame


def test_fast_path_takes_every_kind_of_typed_input(monkeypatch: pytest.MonkeyPatch) -> None:
    """A clean typed log never reaches the general path, as pandas, pyarrow or numpy
    columns, cold (nothing remembered) or warm; its rows are those of assess."""
    pa = pytest.importorskip("pyarrow")
    import penalty_rules.batch as batch

    frame = _common_log(400, seed=3)
    expected = [_expected(row) for row in (frame.iloc[i].to_dict() for i in range(len(frame)))]

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the general path was taken")

    monkeypatch.setattr(batch, "_assess_columns", refuse)
    numpy_columns = {name: frame[name].to_numpy() for name in frame.columns}
    for name in ("provision", "offender_kind"):
        numpy_columns[name] = frame[name].astype(str).to_numpy()
    for loop in LOOPS:
        with _loop(loop):
            for given_table in (frame, pa.Table.from_pandas(frame, preserve_index=False),
                                numpy_columns):
                batch._MEMOS.clear()
                for _ in range(2):  # cold, then warm
                    assert _rows_of(assess_table(given_table, CATALOG, today=TODAY)) == expected


def test_fast_path_keeps_the_index_and_dtypes() -> None:
    frame = _common_log(50, seed=4)
    frame.index = pd.Index([f"case-{i}" for i in range(len(frame))])
    result = assess_table(frame, CATALOG, today=TODAY)
    assert result.index.equals(frame.index)
    assert [str(t) for t in result.dtypes] == ["category", "category", "Int64", "Int64", "Int64",
                                               "boolean", "datetime64[s]", "object"]
    assert result["error"].isna().all() and result["error"].iloc[0] is None


def test_a_bad_row_is_answered_alone_on_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows failing a check (decided before detected, an act ending before it began, a
    year out of range, no commission day) get assess's error; the others stay on the
    fast path."""
    import penalty_rules.batch as batch

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the general path was taken")

    monkeypatch.setattr(batch, "_assess_columns", refuse)
    frame = _common_log(40, seed=5)
    frame.loc[7, "decided_on"] = frame.loc[7, "detected_on"] - pd.Timedelta(days=1)
    frame.loc[8, "ended_on"] = frame.loc[8, "committed_on"] - pd.Timedelta(days=1)
    frame.loc[9, "committed_on"] = pd.Timestamp("1900-01-01")
    frame.loc[10, "committed_on"] = pd.NaT
    expected = [_expected(row) for row in (frame.iloc[i].to_dict() for i in range(len(frame)))]
    for loop in LOOPS:  # (the compiled loop leaves such a table to the numpy passes)
        with _loop(loop):
            result = assess_table(frame, CATALOG, today=TODAY)
            assert _rows_of(result) == expected
            assert result["error"].notna().sum() == 4


@pytest.mark.parametrize("column", ["mitigating", "aggravating", "times", "quantity", "goods_value"])
@pytest.mark.parametrize("number", [10**30, -(10**30)])
def test_an_absurd_number_fails_its_row_only(column: str, number: int) -> None:
    """A whole number past int64 in a column of Python values: that row gets assess's
    error, the other rows their answers (the table never fails)."""
    row = {"provision": "khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP", "offender_kind": "individual",
           "committed_on": "2026-08-01", "ended_on": None, "detected_on": "2026-08-02",
           "decided_on": "2026-09-01", "mitigating": 0, "aggravating": 0}
    table = {name: [value, value] for name, value in row.items()}
    table[column] = [None if column in ("quantity", "goods_value") else 1 if column == "times"
                     else 0, number]
    result = assess_table(table, CATALOG, today=TODAY)
    assert result["fine"][0] == 12_500_000 and result["error"][0] is None
    with pytest.raises(PenaltyRulesError) as info:
        assess(row_case({name: values[1] for name, values in table.items()}, CATALOG), CATALOG)
    assert result["fine"][1] is None and result["error"][1] == str(info.value)


@pytest.mark.parametrize("dtype", ["uint8", "uint16", "uint32", "uint64", "int16", "int64"])
def test_counts_of_any_integer_type(dtype: str) -> None:
    """Counts typed as any integer (unsigned ones too) give assess's rows in both loops."""
    frame = _common_log(60, seed=9)
    for name in ("mitigating", "aggravating", "times"):
        frame[name] = frame[name].astype(dtype)
    expected = [_expected(row) for row in (frame.iloc[i].to_dict() for i in range(len(frame)))]
    for loop in LOOPS:
        with _loop(loop):
            assert _rows_of(assess_table(frame, CATALOG, today=TODAY)) == expected, loop


@pytest.mark.skipif("compiled" not in LOOPS, reason="numba is not installed")
def test_the_compiled_loop_answers_clean_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    """Long clean tables go through the compiled loop (and give assess's rows), also from
    several threads at once; a table with a row failing a check goes back to numpy."""
    import threading

    import penalty_rules.batch.fast as fast

    taken = kernel_spy(monkeypatch)
    monkeypatch.setattr(fast, "KERNEL_ROWS", 100)
    frame = _common_log(300, seed=8)
    expected = [_expected(row) for row in (frame.iloc[i].to_dict() for i in range(len(frame)))]
    assert _rows_of(assess_table(frame, CATALOG, today=TODAY)) == expected
    assert taken == [True]
    assert _rows_of(assess_table(frame.iloc[:50], CATALOG, today=TODAY)) == expected[:50]
    assert taken == [True]  # (too short for the loop)

    answers: list[Any] = []
    threads = [threading.Thread(target=lambda: answers.append(
        _rows_of(assess_table(frame, CATALOG, today=TODAY)))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [expected] * 4

    frame.loc[7, "decided_on"] = frame.loc[7, "detected_on"] - pd.Timedelta(days=1)
    taken.clear()
    result = assess_table(frame, CATALOG, today=TODAY)
    assert taken == [False] and result["error"].notna().sum() == 1


def test_empty_text_or_kind_cells_answer_as_on_the_general_path() -> None:
    """Empty citations and kinds (categorical codes -1) on the fast path: the same rows as
    the general path gives for the same table read from object columns."""
    frame = _common_log(30, seed=6)
    frame.loc[3, "provision"] = None
    frame.loc[4, "offender_kind"] = None
    unknown = "Điều 999 Nghị định 174/2026/NĐ-CP"
    frame["provision"] = frame["provision"].cat.add_categories([unknown])
    frame.loc[5, "provision"] = unknown
    from penalty_rules.batch.fast import fast_columns

    assert fast_columns(dict(frame.items()), len(frame), CATALOG, TODAY) is not None
    general = frame.astype({"mitigating": object})  # an object column: the general path
    assert fast_columns(dict(general.items()), len(frame), CATALOG, TODAY) is None
    fast = assess_table(frame, CATALOG, today=TODAY)
    assert _rows_of(fast) == _rows_of(assess_table(general, CATALOG, today=TODAY))
    assert fast["error"].notna().sum() == 3
