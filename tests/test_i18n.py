"""Messages live in gettext catalogs, exist in both languages with the same fields, and
Vietnamese output reads as Vietnamese."""

from __future__ import annotations

import json
import re
import string
from datetime import date
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from penalty_rules import assess, long_date, money, render_step, render_text
from penalty_rules.i18n import LOCALE_DIR, count_text, flag_text, has, keys, template
from penalty_rules.report.formatting import number, percent
from tests.conftest import ROOT

CASES = sorted((ROOT / "examples" / "cases").glob("*.json"))


def _catalog(lang: str) -> dict[str, tuple[str, ...]]:
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "penalty_rules.po").open("rb") as fh:
        catalog = read_po(fh)
    out = {}
    for m in catalog:
        if not m.id:
            continue
        key = m.id if isinstance(m.id, str) else m.id[0]
        out[key] = (m.string,) if isinstance(m.string, str) else tuple(m.string)
    return out


def _fields(template_text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template_text) if name}


VI, EN = _catalog("vi"), _catalog("en")


def test_both_catalogs_hold_the_same_keys() -> None:
    assert set(VI) == set(EN)
    assert len(VI) > 100


@pytest.mark.parametrize("key", sorted(VI))
def test_every_message_is_translated_with_the_same_fields(key: str) -> None:
    forms = VI[key] + EN[key]
    assert all(f.strip() for f in forms), key
    assert len({frozenset(_fields(f)) for f in forms}) == 1, (key, forms)


def test_plurals_go_through_ngettext() -> None:
    assert count_text("n.years", 1, "en") == "1 year"
    assert count_text("n.years", 2, "en") == "2 years"
    assert count_text("n.years", 1, "vi") == count_text("n.years", 1, "vi") == "1 năm"
    assert count_text("n.years", 2, "vi") == "2 năm"


def test_the_po_files_are_the_source_and_unknown_keys_fail() -> None:
    assert has("time.ended") and not has("no.such.key")
    with pytest.raises(KeyError):
        template("no.such.key", "vi")
    assert set(keys("vi")) == set(VI)


def test_every_flag_code_the_engine_emits_has_words() -> None:
    src = ROOT / "src" / "penalty_rules"
    text = "\n".join(p.read_text(encoding="utf-8") for p in (src / "engine").glob("*.py"))
    text += (src / "models" / "fine.py").read_text(encoding="utf-8")
    codes = set(re.findall(r'flags=\("([A-Z_]+)",\)', text)) | set(re.findall(r'\("([A-Z_]+)",\)', text))
    codes |= {"UNVERIFIED_MEMORY", "STATUS_INFERRED", "STATUS_DERIVED", "STATUS_CONFIRMED_NEWS",
              "STATUS_CONFIRMED_SECONDARY"}
    assert "NO_SECTOR_MAXIMUM" in codes and "PROFIT_POINTS_TO_OTHER_BAND" in codes
    for code in codes:
        assert flag_text(code, "vi") != code, code
        assert flag_text(code, "en") != code, code


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_step_renders(path: Path, language: str) -> None:
    result = assess(json.loads(path.read_text(encoding="utf-8")))
    steps = list(result.trace) + [s for v in result.violations for s in v.trace]
    for step in steps:
        assert has(step.message), step.message
        text = render_step(step, language)
        assert "{" not in text.split(" {")[0]  # every field was filled
    assert render_text(result, language, explain=True, all_officials=True).strip()


#: snake_case codes, UPPER_SNAKE flags and English words that must not reach Vietnamese text.
_LEAKS = [re.compile(r"\b[a-z]+_[a-z_]+\b"), re.compile(r"\b[A-Z]{2,}(?:_[A-Z]+)+\b"),
          re.compile(r"\byear\(s\)|\byears?\b|\bnone\b|\bUNVERIFIED\b|\bCAVEAT\b|\bINFERRED\b")]


def _vietnamese_outputs() -> list[str]:
    out = []
    for path in CASES:
        result = assess(json.loads(path.read_text(encoding="utf-8")))
        out.append(render_text(result, "vi"))
        out.append(render_text(result, "vi", explain=True, all_officials=True))
    # a flagged case (household business fined as an individual: MEMORY) and circumstances
    flagged = assess({
        "offender": {"kind": "household_business"}, "decided_on": "2026-09-15",
        "violations": [{"provision": "điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP",
                        "committed_on": "2026-07-20", "ended_on": "2026-07-20",
                        "detected_on": "2026-07-25", "mitigating": ["confessed"],
                        "aggravating": ["concealed"]}]})
    caveat = assess({
        "offender": {"kind": "individual"}, "decided_on": "2026-09-01",
        "violations": [{"provision": "điểm đ khoản 1 Điều 34 Nghị định 174/2026/NĐ-CP",
                        "committed_on": "2026-08-01", "ended_on": "2026-08-01",
                        "detected_on": "2026-08-05", "quantity": 4}]})
    assert any(s.flags for s in flagged.trace) and caveat.violations[0].flags
    for result in (flagged, caveat):
        out.append(render_text(result, "vi"))
        out.append(render_text(result, "vi", explain=True, all_officials=True))
    return out


def test_vietnamese_assess_output_has_no_english_code_or_flag() -> None:
    for text in _vietnamese_outputs():
        for pattern in _LEAKS:
            found = pattern.findall(text.replace("--all-officials", "").replace("--explain", ""))
            assert not found, (pattern.pattern, found, text)


def test_money_numbers_percentages_and_dates_follow_the_language() -> None:
    assert money(17_500_000, "vi") == "17.500.000\xa0₫"
    assert money(17_500_000, "en") == "17,500,000 VND"
    assert number(3_000_000, "vi") == "3.000.000"
    assert percent("0.015", "vi") == "1,5%"
    assert long_date(date(2026, 8, 10), "vi") == "ngày 10 tháng 8 năm 2026"
    assert long_date(date(2026, 8, 10), "en") == "10 August 2026"
    with pytest.raises(ValueError):
        money(1, "fr")


def test_every_message_key_the_engine_uses_is_in_the_catalogs() -> None:
    src = ROOT / "src" / "penalty_rules" / "engine"
    text = "\n".join(p.read_text(encoding="utf-8") for p in src.glob("*.py"))
    used = set(re.findall(r'step\(\s*"[a-z_.]+",\s*"([a-z_.]+)"', text))
    used |= {f"lenient.{verb}{kind}" for verb in ("applied", "kept")
             for kind in ("", "_warnings", "_later_warning", "_current_warning")}
    assert len(used) > 30
    assert sorted(k for k in used if not has(k)) == []


def _plain(value: object) -> object:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def test_no_english_code_in_vietnamese_output_of_any_case_file() -> None:
    import tomllib

    from penalty_rules.errors import PenaltyRulesError

    rendered = 0
    for path in sorted((ROOT / "tests" / "cases").rglob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8")).get("case", []):
            try:
                result = assess(_plain(case.get("input", {})))  # type: ignore[arg-type]
            except PenaltyRulesError:
                continue
            rendered += 1
            text = render_text(result, "vi", explain=True, all_officials=True)
            text = text.replace("--all-officials", "").replace("--explain", "")
            for pattern in _LEAKS:
                assert not pattern.findall(text), (path.name, case.get("name"), pattern.findall(text))
    assert rendered > 50
