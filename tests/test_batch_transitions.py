"""The transition rule on the batch path: both loops of the typed fast path (numpy passes,
compiled loop) and the general path (skipped without numpy/pandas; the compiled loop
without numba).

An act begun before a replacing decree took effect and going on after it is judged by
the law in force on the day it was detected, not on the day it ended (the engine's
``reference_day``; Decree 174/2026 Art. 115 style ``[rules] transition``). On the
bundled catalog that never changes an answer of the batch path, so these tests build a
small fictional catalog where it does: decree A (901/2030) is replaced on 2032-01-01 by
decree B (902/2031), which declares the transition; B's clause is amended on 2032-07-01
with a higher frame. An act from 2031-10-01 to 2032-03-01 detected on 2032-09-01 then
takes B's amended frame (10–20 million) while an act of the same end begun after B's
start takes B's first frame (4–6 million): the two rows fall in one group unless the
transition moves the first one's law day.
"""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path
from typing import Any

import pytest

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")

from penalty_rules import Catalog, PenaltyRulesError, assess, load_catalog, load_files  # noqa: E402
from penalty_rules.batch import OUTPUT_COLUMNS, assess_table, row_case  # noqa: E402
from tests.batch_support import batch_loop, kernel_spy, plain  # noqa: E402
from tests.conftest import write  # noqa: E402

TODAY = date(2033, 6, 1)
OLD = "khoản 1 Điều 5 Nghị định 901/2030/NĐ-CP"
NEW = "khoản 1 Điều 5 Nghị định 902/2031/NĐ-CP"
AMENDED = NEW + ", được sửa đổi bởi khoản 1 Điều 1 Nghị định 903/2032/NĐ-CP"
#: Ordinary rows of the bundled catalog (one of them across the 174/2026 switch).
BUNDLED = ["khoản 1 Điều 101 Nghị định 15/2020/NĐ-CP", "khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP"]

DECREE_A = """format = 1

[document]
number = "901/2030/NĐ-CP"
title = { vi = "Nghị định thử A", en = "Test decree A" }
issuer = { vi = "Chính phủ", en = "Government" }
issued_on = 2030-11-01
effective_from = 2031-01-01
provenance = { source = "test fixture", status = "CONFIRMED" }

[rules]
fine_base = "organization"
fine_base_basis = "khoản 3 Điều 4"
fine_base_provenance = { source = "test fixture", status = "CONFIRMED" }

[article.5]
title = { vi = "Thử", en = "Test" }
sector = "telecom"

[article.5.clause.1]
label = { vi = "Hành vi thử", en = "Test act" }
fine = { kind = "frame", min = 1_000_000, max = 2_000_000 }
provenance = { source = "test fixture", status = "CONFIRMED" }
successor = { citation = "khoản 1 Điều 5 Nghị định 902/2031/NĐ-CP", provenance = { source = "test fixture", status = "CONFIRMED" } }
"""

DECREE_B = """format = 1

[document]
number = "902/2031/NĐ-CP"
title = { vi = "Nghị định thử B", en = "Test decree B" }
issuer = { vi = "Chính phủ", en = "Government" }
issued_on = 2031-11-01
effective_from = 2032-01-01
provenance = { source = "test fixture", status = "CONFIRMED" }

[[document.relations]]
kind = "replaces"
target = "901/2030/NĐ-CP"
on = 2032-01-01
basis = "Điều 21"
provenance = { source = "test fixture", status = "CONFIRMED" }

[rules]
fine_base = "organization"
fine_base_basis = "khoản 3 Điều 4"
fine_base_provenance = { source = "test fixture", status = "CONFIRMED" }

[rules.transition]
predecessor = "901/2030/NĐ-CP"
ended_before = "khoản 1 Điều 20"
ongoing = "khoản 2 Điều 20"
provenance = { source = "test fixture", status = "CONFIRMED" }

[article.5]
title = { vi = "Thử", en = "Test" }
sector = "telecom"

[article.5.clause.1]
label = { vi = "Hành vi thử", en = "Test act" }
fine = { kind = "frame", min = 4_000_000, max = 6_000_000 }
provenance = { source = "test fixture", status = "CONFIRMED" }

[[article.5.clause.1.amendments]]
effective_from = 2032-07-01
by = "khoản 1 Điều 1 Nghị định 903/2032/NĐ-CP"
fine = { kind = "frame", min = 10_000_000, max = 20_000_000 }
provenance = { source = "test fixture", status = "CONFIRMED" }
"""

#: (committed, ended, detected, decided) of acts cited by A's or B's number, and the
#: frame for an organisation that assess gives (B starts 2032-01-01, amended 2032-07-01).
ACTS: list[tuple[str, str | None, str, str | None, tuple[int, int]]] = [
    # Begun under A, ended under B's first wording, detected under the amendment: moved.
    ("2031-10-01", "2032-03-01", "2032-09-01", "2032-10-01", (10_000_000, 20_000_000)),
    # The same end, begun after B's start: not moved (B's first wording).
    ("2032-01-15", "2032-03-01", "2032-09-01", "2032-10-01", (4_000_000, 6_000_000)),
    # Begun on B's first day: not moved.
    ("2032-01-01", "2032-03-01", "2032-09-01", "2032-10-01", (4_000_000, 6_000_000)),
    # Ended on B's first day: moved.
    ("2031-10-01", "2032-01-01", "2032-09-01", "2032-10-01", (10_000_000, 20_000_000)),
    # Ended the day before B's start: A's clause (the transition's first clause).
    ("2031-10-01", "2031-12-31", "2032-09-01", "2032-10-01", (1_000_000, 2_000_000)),
    # Still going on when detected: the detection day in any case.
    ("2031-10-01", None, "2032-09-01", "2032-10-01", (10_000_000, 20_000_000)),
    # Moved, detected before the amendment: B's first wording either way.
    ("2031-10-01", "2032-03-01", "2032-05-01", "2032-06-01", (4_000_000, 6_000_000)),
    # Moved and time-barred (one year from the end), decided on a given day or today.
    ("2031-11-20", "2032-02-10", "2032-08-01", "2033-04-01", (10_000_000, 20_000_000)),
    ("2031-11-20", "2032-02-10", "2032-08-01", None, (10_000_000, 20_000_000)),
    # Not moved, the same end as the barred ones.
    ("2032-01-20", "2032-02-10", "2032-08-01", "2033-04-01", (4_000_000, 6_000_000)),
    # Wholly under A; wholly under the amendment.
    ("2031-03-01", "2031-05-01", "2031-06-01", "2031-07-01", (1_000_000, 2_000_000)),
    ("2032-08-01", "2032-08-20", "2032-09-01", "2032-10-01", (10_000_000, 20_000_000)),
]

#: Ordinary rows of the bundled catalog: (committed, ended, detected, decided).
ORDINARY: list[tuple[str, str | None, str, str | None]] = [
    ("2026-05-01", "2026-08-01", "2026-09-01", "2026-10-01"),  # across 174/2026's start
    ("2026-08-01", "2026-09-01", "2026-09-15", "2026-11-01"),
    ("2026-07-10", None, "2026-10-01", None),
]

LOOPS = ["numpy", pytest.param("compiled", marks=pytest.mark.skipif(
    importlib.util.find_spec("numba") is None, reason="numba is not installed"))]


@pytest.fixture(scope="module")
def user_catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    folder: Path = tmp_path_factory.mktemp("transition-catalog")
    return load_files([write(folder, "a.toml", DECREE_A), write(folder, "b.toml", DECREE_B)],
                      load_catalog())


_loop = batch_loop


def _one(catalog: Catalog, text: str, committed: str, ended: str | None, detected: str,
         decided: str | None, kind: str = "organization") -> Any:
    data: dict[str, Any] = {"offender": {"kind": kind}, "violations": [
        {"provision": text, "committed_on": committed, "ended_on": ended,
         "detected_on": detected}]}
    if decided is not None:
        data["decided_on"] = decided
    return assess(data, catalog, today=TODAY).violations[0]


def _transition_messages(answer: Any) -> list[str]:
    return [s.message for s in answer.trace if s.rule == "time.transition"]


@pytest.mark.parametrize("text", [OLD, NEW])
def test_assess_takes_the_detection_day_for_an_act_across_the_switch(
        user_catalog: Catalog, text: str) -> None:
    """The engine's own answers for the acts of the tables below (cited by either number)."""
    for committed, ended, detected, decided, frame in ACTS:
        answer = _one(user_catalog, text, committed, ended, detected, decided)
        assert (answer.fine_min, answer.fine_max) == frame, (committed, ended, detected)
        if ended is not None:  # the limitation runs from the end, not from the law day
            assert answer.limitation_expires_on == date.fromisoformat(ended).replace(
                year=date.fromisoformat(ended).year + 1)

    moved = _one(user_catalog, text, "2031-10-01", "2032-03-01", "2032-09-01", "2032-10-01")
    assert str(moved.document) == "902/2031/NĐ-CP"
    assert moved.provision.format() == AMENDED
    assert _transition_messages(moved) == ["time.transition_ongoing"]
    assert not moved.time_barred and moved.fine == 15_000_000
    # The same act ending the same day but begun under B: its end decides (no transition).
    plain = _one(user_catalog, text, "2032-01-15", "2032-03-01", "2032-09-01", "2032-10-01")
    assert plain.provision.format() == NEW and _transition_messages(plain) == []
    assert plain.fine == 5_000_000
    # Ended before B's start: A's clause, by the transition's first clause.
    before = _one(user_catalog, text, "2031-10-01", "2031-12-31", "2032-09-01", "2032-10-01")
    assert before.provision.format() == OLD
    assert _transition_messages(before) == ["time.transition_ended"]
    # Individuals pay half of the organisation's frame, moved as well.
    person = _one(user_catalog, text, "2031-10-01", "2032-03-01", "2032-09-01", "2032-10-01",
                  "individual")
    assert (person.fine_min, person.fine_max) == (5_000_000, 10_000_000)
    barred = _one(user_catalog, text, "2031-11-20", "2032-02-10", "2032-08-01", "2033-04-01")
    assert barred.time_barred and barred.fine is None
    assert barred.provision.format() == AMENDED


def _table(texts: list[str]) -> pd.DataFrame:
    """The acts above for each test text and kind of offender, and ordinary rows for each
    bundled text, typed: categorical text and kind, ``datetime64[s]`` dates, ``int8`` counts."""
    rows: list[dict[str, Any]] = []
    for text in texts:
        acts = ORDINARY if text in BUNDLED else [act[:4] for act in ACTS]
        for kind in ("organization", "individual"):
            for committed, ended, detected, decided in acts:
                rows.append({"provision": text, "offender_kind": kind, "committed_on": committed,
                             "ended_on": ended, "detected_on": detected, "decided_on": decided})
    n = len(rows)
    frame = pd.DataFrame(rows)
    for name in ("provision", "offender_kind"):
        frame[name] = frame[name].astype("category")
    for name in ("committed_on", "ended_on", "detected_on", "decided_on"):
        frame[name] = pd.to_datetime(frame[name]).astype("datetime64[s]")
    frame["mitigating"] = np.array([i % 3 for i in range(n)], dtype=np.int8)
    frame["aggravating"] = np.array([(i // 3) % 2 for i in range(n)], dtype=np.int8)
    frame["times"] = np.array([1 + (i % 5 == 4) for i in range(n)], dtype=np.int8)
    return frame


def _expected(catalog: Catalog, frame: pd.DataFrame) -> list[tuple[Any, ...]]:
    out = []
    for i in range(len(frame)):
        row = frame.iloc[i].to_dict()
        try:
            answer = assess(row_case(row, catalog), catalog, today=TODAY).violations[0]
        except PenaltyRulesError as exc:  # (none expected: every row is a valid case)
            out.append((None, None, None, None, None, None, None, str(exc)))
            continue
        out.append((str(answer.document), answer.provision.format(), answer.fine_min,
                    answer.fine_max, answer.fine, answer.time_barred,
                    answer.limitation_expires_on, None))
    return out


_plain = plain


def _facts(row: dict[str, Any]) -> str:
    days = [_plain(row[name]) for name in ("committed_on", "ended_on", "detected_on",
                                           "decided_on")]
    return f"{row['offender_kind']} {row['provision']} " + " ".join(map(str, days))


def _rows_of(result: pd.DataFrame) -> list[tuple[Any, ...]]:
    return [tuple(_plain(result[name].iloc[i]) for name in OUTPUT_COLUMNS)
            for i in range(len(result))]


@pytest.mark.parametrize("loop", LOOPS)
@pytest.mark.parametrize("texts", [[NEW], [OLD, NEW], [OLD, NEW, *BUNDLED]],
                         ids=["new-number", "both-numbers", "with-bundled"])
def test_fast_path_moves_the_law_day_as_assess(user_catalog: Catalog, loop: str, texts: list[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A typed table of acts across B's start (with ordinary bundled rows): on the fast
    path, never the general one, in the loop asked for, every row is the one assess gives
    — cold (nothing remembered for the catalog) and warm. (With the test texts alone every
    text has the same switch day; with bundled texts each has its own.)"""
    import penalty_rules.batch as batch

    frame = _table(texts)
    expected = _expected(user_catalog, frame)
    assert all(row[-1] is None for row in expected)
    # The table needs the transition: an act moved to its detection day and its twin begun
    # after B's start (the same end: one group without the transition) differ.
    records = frame.to_dict("records")
    twins = 0
    for i, row in enumerate(records):
        if (row["provision"] not in BUNDLED and row["committed_on"] == pd.Timestamp("2031-10-01")
                and row["ended_on"] == pd.Timestamp("2032-03-01")
                and row["detected_on"] == pd.Timestamp("2032-09-01")):
            twin = records[i + 1]  # (the next act of ACTS)
            assert twin["committed_on"] == pd.Timestamp("2032-01-15")
            assert (twin["ended_on"], twin["detected_on"]) == (row["ended_on"], row["detected_on"])
            assert expected[i][1] == AMENDED and expected[i + 1][1] == NEW
            assert expected[i][2:4] != expected[i + 1][2:4]
            twins += 1
    assert twins == 2 * len(set(texts) - set(BUNDLED))

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the general path was taken")

    taken = kernel_spy(monkeypatch)
    monkeypatch.setattr(batch, "_assess_columns", refuse)
    with _loop(loop):
        batch._MEMOS.clear()
        for _ in range(2):  # cold, then warm
            got = _rows_of(assess_table(frame, user_catalog, today=TODAY))
            wrong = [f"row {i} {_facts(records[i])}: got {g[1:6]}, assess {e[1:6]}"
                     for i, (g, e) in enumerate(zip(got, expected, strict=True)) if g != e]
            assert not wrong, "\n".join([f"{len(wrong)} rows differ:", *wrong[:4]])
    # The compiled loop answered (no row sent it back to the numpy passes), or was not asked.
    assert taken == ([True, True] if loop == "compiled" else [])


def test_general_path_moves_the_law_day_as_assess(user_catalog: Catalog,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The same acts as plain Python columns (the general path, which has its own
    transition pass): every row as assess gives it."""
    import penalty_rules.batch as batch

    frame = _table([OLD, NEW, *BUNDLED])
    expected = _expected(user_catalog, frame)
    columns = {name: [_plain(v) for v in frame[name]] for name in frame.columns}
    calls: list[int] = []
    general = batch._assess_columns

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return general(*args, **kwargs)

    monkeypatch.setattr(batch, "_assess_columns", spy)
    batch._MEMOS.clear()
    result = assess_table(columns, user_catalog, today=TODAY)
    got = [tuple(result[name][i] for name in OUTPUT_COLUMNS) for i in range(len(frame))]
    assert calls == [1]
    wrong = [f"row {i}: got {g[1:6]}, assess {e[1:6]}"
             for i, (g, e) in enumerate(zip(got, expected, strict=True)) if g != e]
    assert not wrong, "\n".join([f"{len(wrong)} rows differ:", *wrong[:4]])
