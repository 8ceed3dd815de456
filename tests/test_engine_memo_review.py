"""Review of the engine's memo tables: warm answers equal cold ones where a key could miss.

Each test fills a catalog's memo tables with neighbouring cases, then compares every
answer with one worked out afresh (``memo.clear`` on a copy of the catalog).
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from itertools import product
from pathlib import Path
from typing import Any

import pytest

from penalty_rules import Catalog, assess, bundled_catalog, load_catalog, load_files
from penalty_rules.engine import memo
from penalty_rules.errors import PenaltyRulesError
from tests.conftest import write

#: A decree whose two-year list and fined-once list start after the decree itself and
#: on days that start no general rule, with a lighter wording from 2026-05-10.
LISTS_START_LATER = """format = 1

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

[rules.two_year_limitation]
parts = ["khoản 1 Điều 5"]
valid_from = 2026-04-01
basis = "khoản 5 Điều 4"
provenance = { source = "test fixture", status = "CONFIRMED" }

[rules.fined_once]
parts = ["khoản 1 Điều 5"]
valid_from = 2026-03-15
basis = "khoản 6 Điều 4"
provenance = { source = "test fixture", status = "CONFIRMED" }

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


def _answer(case: dict[str, Any], catalog: Catalog) -> tuple[str, str]:
    try:
        return "ok", assess(case, catalog).model_dump_json()
    except PenaltyRulesError as exc:
        return type(exc).__name__, str(exc)


def _same_warm_and_cold(cases: list[dict[str, Any]], catalog: Catalog) -> int:
    """Assess every case on ``catalog`` (warming its tables), then each afresh; the count
    of answers that are assessments."""
    warm = [_answer(case, catalog) for case in cases]
    cold = dataclasses.replace(catalog)
    for case, answer in zip(cases, warm, strict=True):
        memo.clear(cold)
        assert _answer(case, cold) == answer, case
    return sum(kind == "ok" for kind, _ in warm)


def _act(ended: date, detected: date, times: int) -> dict[str, Any]:
    return {"provision": "khoản 1 Điều 5 Nghị định 999/2026/NĐ-CP",
            "committed_on": (ended - timedelta(days=3)).isoformat(),
            "ended_on": ended.isoformat(), "detected_on": detected.isoformat(), "times": times}


def test_part_lists_that_start_after_their_decree_split_the_remembered_answers(
        tmp_path: Path) -> None:
    # 2026-03-15 and 2026-04-01 start no general rule (the law's epoch is the same on
    # both sides): whether the act is listed must come from the lists' own starts.
    user = load_files([write(tmp_path, "lists.toml", LISTS_START_LATER)], load_catalog())
    assert memo.law_epoch(user, date(2026, 3, 14)) == memo.law_epoch(user, date(2026, 4, 2))
    ends = [date(2026, 3, 14), date(2026, 3, 15), date(2026, 3, 31), date(2026, 4, 1),
            date(2026, 5, 9), date(2026, 5, 10)]
    cases = [{"offender": {"kind": kind}, "decided_on": (ended + timedelta(days=wait)).isoformat(),
              "violations": [_act(ended, ended + timedelta(days=1), times)]}
             for ended, kind, times, wait in product(ends, ("individual", "organization"),
                                                    (1, 3), (2, 400, 500))]
    assert _same_warm_and_cold(cases, user) == len(cases)
    before, after = (assess(case, user).violations[0] for case in (cases[3], cases[15]))  # times = 3
    assert (before.fined_once, after.fined_once) == (False, True)
    listed = assess(cases[39], user).violations[0]  # ended 2026-04-01
    assert (before.limitation_years, listed.limitation_years) == (1, 2)


def test_full_tables_cleared_mid_log_never_mix_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    # Tiny tables are cleared again and again: an entry keyed by identity must never be
    # found for another object that happens to get the same id.
    monkeypatch.setattr(memo, "LIMIT", 3)
    catalog = dataclasses.replace(bundled_catalog())
    provisions = ["khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP",
                  "khoản 1 Điều 101 Nghị định 15/2020/NĐ-CP",
                  "điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP",
                  "khoản 1 Điều 34 Nghị định 174/2026/NĐ-CP"]
    cases = []
    for i, (text, kind) in enumerate(product(provisions, ("individual", "organization"))):
        ended = date(2025, 11, 1) + timedelta(days=45 * i)
        cases.append({"offender": {"kind": kind},
                      "decided_on": (ended + timedelta(days=30 + 200 * (i % 3))).isoformat(),
                      "violations": [{"provision": text, "committed_on": ended.isoformat(),
                                      "ended_on": ended.isoformat(),
                                      "detected_on": (ended + timedelta(days=20)).isoformat(),
                                      "quantity": 10 + 60 * (i % 4)}]})
    assert _same_warm_and_cold(cases * 2, catalog) > 0
