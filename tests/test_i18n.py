"""Trace messages exist in both languages and render every step of real assessments."""

from __future__ import annotations

import json
import string
from datetime import date

import pytest

from penalty_rules import assess, long_date, money, render_step, render_text
from penalty_rules.i18n.messages import MESSAGES
from tests.conftest import ROOT


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_both_languages_use_the_same_fields(key: str) -> None:
    vi, en = MESSAGES[key]
    assert (vi.strip() and en.strip() and vi != en) or key in ("frame.treatment",)
    assert _fields(vi) == _fields(en)


@pytest.mark.parametrize("path", sorted((ROOT / "examples" / "cases").glob("*.json")),
                         ids=lambda p: p.name)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_step_renders(path: object, language: str) -> None:
    result = assess(json.loads(path.read_text(encoding="utf-8")))  # type: ignore[attr-defined]
    steps = list(result.trace) + [s for v in result.violations for s in v.trace]
    for step in steps:
        assert step.message in MESSAGES
        text = render_step(step, language)
        assert "{" not in text.split(" {")[0]  # every field was filled
    assert render_text(result, language).strip()


def test_money_and_dates_follow_the_language() -> None:
    assert money(17_500_000, "vi") == "17.500.000\xa0₫"
    assert money(17_500_000, "en") == "17,500,000 VND"
    assert long_date(date(2026, 8, 10), "vi") == "ngày 10 tháng 8 năm 2026"
    assert long_date(date(2026, 8, 10), "en") == "10 August 2026"
    with pytest.raises(ValueError):
        money(1, "fr")
