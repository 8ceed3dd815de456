"""Worked cases that need code: custom catalogs and error details beyond the message.

Plain "input → figures" cases live in the case files of ``tests/cases/`` (run by
``tests/test_case_files.py``); add new worked cases there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from penalty_rules import (
    Assessment,
    CatalogError,
    ProvisionNotFound,
    assess,
    load_catalog,
    load_files,
)
from tests.conftest import case, violation, write

Run = Callable[..., Assessment]
ART95 = "điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP"
ART101 = "điểm a khoản 1 Điều 101 Nghị định 15/2020/NĐ-CP"


# -- the lenient later rule (needs a hypothetical lighter catalog) ---------------------------
LIGHTER = """format = 1

[document]
number = "174/2026/NĐ-CP"
overlay = true

[article.95]
title = { vi = "Thử", en = "Test" }
chapter = "VI"
sector = "information_technology"

[article.95.clause.1]
label = { vi = "Khung giả định nhẹ hơn", en = "Hypothetical lighter frame" }
fine = { kind = "frame", min = 5_000_000, max = 8_000_000 }
provenance = { source = "test fixture: hypothetical", status = "MEMORY" }
"""


def test_later_more_lenient_rule_applies(tmp_path: Path) -> None:
    catalog = load_files([write(tmp_path, "lighter.toml", LIGHTER)], load_catalog())
    result = assess(case("organization", "2026-08-10",
                         violation(ART101, "2026-05-01", "2026-05-02", "2026-07-15")), catalog)
    v = result.violations[0]
    assert str(v.document) == "174/2026/NĐ-CP"
    assert (v.fine_min, v.fine_max) == (5_000_000, 8_000_000)
    step = next(s for s in v.trace if s.rule == "time.lenient")
    assert step.message == "lenient.applied"
    assert step.citations[0].format() == "Điều 7 Nghị định 118/2021/NĐ-CP"


# -- errors: the suggestions list itself ---------------------------------------------------
def test_unknown_provision_suggests_close_matches(run: Run) -> None:
    with pytest.raises(ProvisionNotFound) as info:
        run("organization", "2026-09-01", "khoản 12 Điều 34 Nghị định 174/2026/NĐ-CP",
            "2026-07-01", "2026-07-02", "2026-08-01")
    assert info.value.suggestions
    assert any("Điều 34" in s for s in info.value.suggestions)
    assert "violations[0].provision" in str(info.value)


# -- catalogs with their own scheme or without a limitation period --------------------------
PERCENT_SCHEME = """format = 1

[document]
number = "998/2026/NĐ-CP"
title = { vi = "Nghị định thử có cách tính riêng", en = "Test decree with its own scheme" }
issuer = { vi = "Chính phủ", en = "Government" }
issued_on = 2026-01-01
effective_from = 2026-02-01
provenance = { source = "test fixture", status = "MEMORY" }

[rules]
fine_base = "individual"
fine_base_basis = "khoản 1 Điều 2"
fine_base_provenance = { source = "test fixture", status = "MEMORY" }
fine_scheme = "test_plus_minus_10"

[[fine_scheme]]
code = "test_plus_minus_10"
kind = "percent_of_average"
percent = 10
scope = "decree"
label = { vi = "±10% mức trung bình cho mỗi tình tiết", en = "±10% of the average per circumstance" }
valid_from = 2026-02-01
basis = "khoản 4 Điều 7"
provenance = { source = "test fixture modelled on the tax decree rule", status = "MEMORY" }

[article.5]
title = { vi = "Thử", en = "Test" }
sector = "printing"

[article.5.clause.1]
label = { vi = "Hành vi thử", en = "Test act" }
fine = { kind = "frame", min = 500_000, max = 1_000_000 }
provenance = { source = "test fixture", status = "MEMORY" }
"""


def test_decree_specific_scheme_overrides_the_general_one(tmp_path: Path) -> None:
    catalog = load_files([write(tmp_path, "scheme.toml", PERCENT_SCHEME)], load_catalog())
    facts = violation("khoản 1 Điều 5 Nghị định 998/2026/NĐ-CP", "2026-03-01", "2026-03-01",
                      "2026-03-05", aggravating=["concealed"])
    result = assess(case("individual", "2026-04-01", facts), catalog)
    v = result.violations[0]
    assert v.fine == 825_000  # average 750,000 + 10 %
    scheme = next(s for s in v.trace if s.rule == "fine.scheme")
    assert scheme.citations[0].format() == "khoản 4 Điều 7 Nghị định 998/2026/NĐ-CP"
    # The decree-only scheme is never used for other decrees.
    other = assess(case("individual", "2026-08-10", violation(
        ART95, "2026-07-20", "2026-07-20", "2026-07-25", aggravating=["concealed"])), catalog)
    assert other.violations[0].fine == 13_750_000


def test_missing_limitation_period_is_an_error_not_a_guess(tmp_path: Path) -> None:
    fixture = PERCENT_SCHEME.replace('sector = "printing"', 'sector = "test_unlisted"') + """
[[sector]]
code = "test_unlisted"
label = { vi = "Lĩnh vực thử", en = "Test sector" }
"""
    # The gap is found when the file is loaded, not later when a case needs the period.
    with pytest.raises(CatalogError, match="the test_unlisted sector has no limitation period"):
        load_files([write(tmp_path, "scheme.toml", fixture)], load_catalog())
