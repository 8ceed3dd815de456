"""The engine's per-catalog memo tables: kept per catalog, never changing an answer."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from penalty_rules import Catalog, assess, bundled_catalog, load_catalog, load_files, parse_case
from penalty_rules.engine import memo
from penalty_rules.errors import PenaltyRulesError
from penalty_rules.models.assessment import Assessment, ViolationAssessment
from tests.conftest import write

WARM = bundled_catalog()
#: The same law in another catalog object: its memo tables are cleared before each use, so
#: every answer from it is worked out afresh.
COLD = dataclasses.replace(WARM)

LINEAGE = ["khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP", "khoản 1 Điều 101 Nghị định 15/2020/NĐ-CP",
           "điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP", "95.1.a", "Điều 101 khoản 1"]
NEW = ["điểm b khoản 7 Điều 34 Nghị định 174/2026/NĐ-CP", "khoản 1 Điều 34 Nghị định 174/2026/NĐ-CP",
       "khoản 2 Điều 34 Nghị định 174/2026/NĐ-CP"]
MITIGATING = sorted(c.code for c in WARM.circumstances.values() if c.kind.value == "mitigating")
AGGRAVATING = sorted(c.code for c in WARM.circumstances.values() if c.kind.value == "aggravating")
FIRST, LAST = date(2020, 4, 15), date(2026, 12, 31)


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    """One to three acts, dates anywhere in 2020–2026 (both decrees, every transition)."""
    decided = draw(st.dates(FIRST + timedelta(days=40), LAST))
    facts = []
    for _ in range(draw(st.integers(1, 3))):
        ended = draw(st.dates(FIRST, decided))
        committed = ended - timedelta(days=draw(st.integers(0, 400)))
        detected = draw(st.dates(ended, decided))
        fact: dict[str, Any] = {
            "provision": draw(st.sampled_from(LINEAGE + (NEW if ended.year == 2026 else []))),
            "committed_on": max(committed, date(2019, 1, 1)).isoformat(),
            "ended_on": draw(st.sampled_from([ended.isoformat(), None])),
            "detected_on": detected.isoformat(),
            "mitigating": draw(st.lists(st.sampled_from(MITIGATING), unique=True, max_size=3)),
            "aggravating": draw(st.lists(st.sampled_from(AGGRAVATING), unique=True, max_size=3)),
            "times": draw(st.sampled_from([1, 1, 2, 5])),
        }
        if draw(st.booleans()):
            fact["quantity"] = draw(st.integers(1, 400))
        facts.append(fact)
    return {"offender": {"kind": draw(st.sampled_from(["individual", "organization"]))},
            "decided_on": decided.isoformat(), "violations": facts}


def _answer(case: dict[str, Any], catalog: Catalog) -> tuple[str, str]:
    """The JSON of the assessment, or the kind and text of the error."""
    try:
        return "ok", assess(case, catalog).model_dump_json()
    except PenaltyRulesError as exc:
        return type(exc).__name__, str(exc)


def _shifted(case: dict[str, Any], days: int, acts_too: bool) -> dict[str, Any]:
    def move(value: str | None) -> str | None:
        return None if value is None else (date.fromisoformat(value) + timedelta(days)).isoformat()

    if not acts_too:
        return {**case, "decided_on": move(case["decided_on"])}
    return {**case, "decided_on": move(case["decided_on"]),
            "violations": [{**f, "committed_on": move(f["committed_on"]),
                            "ended_on": move(f["ended_on"]), "detected_on": move(f["detected_on"])}
                           for f in case["violations"]]}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), st.lists(st.tuples(st.integers(-400, 400), st.booleans()), max_size=4))
def test_a_remembered_answer_is_the_answer_worked_out_afresh(
        case: dict[str, Any], shifts: list[tuple[int, bool]]) -> None:
    # Neighbouring cases (the same acts some days earlier or later, or decided on another
    # day) fill the memo first: an answer kept for their days must never be given for another.
    for days, acts_too in shifts:
        _answer(_shifted(case, days, acts_too), WARM)
    warm = _answer(case, WARM)
    again = _answer(case, WARM)
    memo.clear(COLD)
    cold = _answer(case, COLD)
    assert warm == cold
    assert again == cold


def test_two_catalogs_keep_their_own_tables() -> None:
    case = {"offender": {"kind": "individual"}, "decided_on": "2026-08-10",
            "violations": [{"provision": "điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP",
                            "committed_on": "2026-07-20", "ended_on": "2026-07-20",
                            "detected_on": "2026-07-25"}]}
    first, second = dataclasses.replace(WARM), dataclasses.replace(WARM)
    assess(case, first)
    assert memo.table(first, "frame")
    assert "_stage_memos" not in second.__dict__
    assess(case, second)
    for name in ("resolve", "frame", "specific", "applied", "steps"):
        mine, theirs = memo.table(first, name), memo.table(second, name)
        assert mine is not theirs
        assert len(mine) == len(theirs)
        assert all(a is not b for a, b in zip(mine.values(), theirs.values(), strict=True))
    memo.clear(first)
    assert "_stage_memos" not in first.__dict__
    assert memo.table(second, "frame")


USER_SECTOR_OVERLAY = """format = 1

[document]
number = "15/2012/QH13"
overlay = true

[[sector]]
code = "information_technology"
label = { vi = "Công nghệ thông tin", en = "IT" }
[[sector.limitation]]
years = 5
valid_from = 2013-07-01
basis = "khoản 1 Điều 6"
provenance = { source = "user test", status = "MEMORY" }
"""


def test_a_user_catalog_with_an_override_gives_its_own_answer(tmp_path: Path) -> None:
    user = load_files([write(tmp_path, "overlay.toml", USER_SECTOR_OVERLAY)], load_catalog())
    case = {"offender": {"kind": "organization"}, "decided_on": "2026-09-01",
            "violations": [{"provision": "khoản 1 Điều 101 Nghị định 15/2020/NĐ-CP",
                            "committed_on": "2025-03-01", "ended_on": "2025-03-02",
                            "detected_on": "2025-08-01"}]}
    for _ in range(2):  # both ways round, with both memos warm
        first, second = assess(case, WARM), assess(case, user)
        bundled, own = first.violations[0], second.violations[0]
        assert (bundled.limitation_years, own.limitation_years) == (1, 5)
        assert bundled.time_barred and not own.time_barred
        assert bundled.fine is None and own.fine is not None
        assert "USER DATA" in second.flags and "USER DATA" not in first.flags


def test_results_built_without_validation_equal_validated_ones() -> None:
    case = parse_case({"offender": {"kind": "organization"}, "decided_on": "2026-09-15",
                       "violations": [{"provision": "khoản 1 Điều 34 Nghị định 174/2026/NĐ-CP",
                                       "committed_on": "2026-07-05", "ended_on": "2026-08-01",
                                       "detected_on": "2026-08-20", "quantity": 150,
                                       "mitigating": ["confessed"]}]})
    result = assess(case, WARM)
    validated = Assessment(**dict(result))
    assert validated == result
    assert validated.model_fields_set == result.model_fields_set
    for v in result.violations:
        again = ViolationAssessment(**dict(v))
        assert again == v and again.model_fields_set == v.model_fields_set
    assert validated.model_dump_json() == result.model_dump_json()


def test_law_epoch_splits_at_every_start_of_the_general_timelines() -> None:
    starts = {e.valid_from for t in WARM.principles.values() for e in t.entries}
    starts |= {e.valid_from for s in WARM.sectors.values() for e in (*s.maxima.entries,
                                                                     *s.limitation.entries)}
    starts |= {s.valid_from for s in WARM.schemes}
    for start in sorted(starts):
        assert memo.law_epoch(WARM, start) > memo.law_epoch(WARM, start - timedelta(days=1))
        if start + timedelta(days=1) not in starts:
            assert memo.law_epoch(WARM, start + timedelta(days=1)) == memo.law_epoch(WARM, start)


LATER_WORDING = """format = 1

[document]
number = "999/2026/NĐ-CP"
title = { vi = "Nghị định thử", en = "Test decree" }
issuer = { vi = "Chính phủ", en = "Government" }
issued_on = 2026-01-01
effective_from = 2026-02-01
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

[[article.5.clause.1.amendments]]
effective_from = 2026-05-10
by = "khoản 2 Điều 1 Nghị định 998/2026/NĐ-CP"
fine = { kind = "frame", min = 500_000, max = 1_000_000 }
provenance = { source = "test fixture", status = "CONFIRMED" }
"""


def test_a_lighter_later_wording_is_compared_only_once_in_force(tmp_path: Path) -> None:
    # 2026-05-10 starts no general rule: only the lineage's own dates tell the two
    # decision dates apart, so a remembered comparison must be keyed on them.
    user = load_files([write(tmp_path, "later.toml", LATER_WORDING)], load_catalog())
    assert memo.law_epoch(user, date(2026, 5, 1)) == memo.law_epoch(user, date(2026, 6, 1))

    def case(decided: str) -> dict[str, Any]:
        return {"offender": {"kind": "organization"}, "decided_on": decided,
                "violations": [{"provision": "khoản 1 Điều 5 Nghị định 999/2026/NĐ-CP",
                                "committed_on": "2026-03-01", "ended_on": "2026-03-01",
                                "detected_on": "2026-04-01"}]}

    after, before = assess(case("2026-06-01"), user), assess(case("2026-05-01"), user)
    assert (after.violations[0].fine_max, before.violations[0].fine_max) == (1_000_000, 2_000_000)
    cold = dataclasses.replace(user)
    for decided in ("2026-05-01", "2026-06-01", "2026-05-01"):
        memo.clear(cold)
        assert _answer(case(decided), user) == _answer(case(decided), cold)


def test_a_frame_that_shows_its_day_is_never_given_for_another_day(tmp_path: Path) -> None:
    # Without a recorded maximum for the sector, the frame's trace names the day.
    no_maximum = USER_SECTOR_OVERLAY.replace('code = "information_technology"', 'code = "telecom"')
    user = load_files([write(tmp_path, "later.toml", LATER_WORDING),
                       write(tmp_path, "telecom.toml", no_maximum)], load_catalog())
    cold = dataclasses.replace(user)
    shown = []
    for ended in ("2026-03-02", "2026-03-03", "2026-03-02", "2026-04-20"):
        case = {"offender": {"kind": "individual"}, "decided_on": "2026-05-01",
                "violations": [{"provision": "khoản 1 Điều 5 Nghị định 999/2026/NĐ-CP",
                                "committed_on": "2026-03-01", "ended_on": ended,
                                "detected_on": "2026-04-25"}]}
        memo.clear(cold)
        assert _answer(case, user) == _answer(case, cold)
        step = next(s for s in assess(case, user).violations[0].trace
                    if s.message == "frame.no_max")
        shown.append(step.params["day"].isoformat())  # type: ignore[union-attr]
    assert shown == ["2026-03-02", "2026-03-03", "2026-03-02", "2026-04-20"]
