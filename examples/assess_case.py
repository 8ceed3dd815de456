"""Assess a case with the library and print the explanation in both languages.

Run:  python examples/assess_case.py [examples/cases/social-network-2026.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from penalty_rules import assess, render_text

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else HERE / "cases" / "social-network-2026.json"
    result = assess(json.loads(path.read_text(encoding="utf-8")))
    print(render_text(result, "vi"))
    print(render_text(result, "en"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
