"""Every trace message the engine can emit has a Vietnamese and an English template."""

from __future__ import annotations

import re
from pathlib import Path

from penalty_rules.i18n.messages import MESSAGES

ENGINE = Path(__file__).resolve().parent.parent / "src" / "penalty_rules" / "engine"
STEP = re.compile(r'step\(\s*"[a-z_.]+",\s*(f?)"([a-z_.{}]+)"')
VARIANTS = {"{kind}": ("", "_later_warning", "_current_warning", "_warnings")}


def _keys() -> set[str]:
    out: set[str] = set()
    for path in ENGINE.glob("*.py"):
        for _, key in STEP.findall(path.read_text(encoding="utf-8")):
            for placeholder, values in VARIANTS.items():
                if placeholder in key:
                    out.update(key.replace(placeholder, v) for v in values)
                    break
            else:
                out.add(key)
    return out


def test_the_engine_emits_messages() -> None:
    assert len(_keys()) > 30  # the pattern still finds the engine's steps


def test_every_emitted_message_has_both_languages() -> None:
    missing = sorted(k for k in _keys() if k not in MESSAGES)
    assert missing == []
    for key in _keys():
        vi, en = MESSAGES[key]
        assert vi and en and set(re.findall(r"{(\w+)}", vi)) == set(re.findall(r"{(\w+)}", en)), key
