"""Run the fuzz campaign: ``python fuzz/run.py [pytest options]``.

Each target of ``fuzz/test_fuzz.py`` gets at least 10,000 examples (hypothesis profile
``fuzz``; set HYPOTHESIS_PROFILE to change it) and must fail only with
:class:`penalty_rules.errors.PenaltyRulesError` subclasses, within a time limit per example.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    env = dict(os.environ)
    env.setdefault("HYPOTHESIS_PROFILE", "fuzz")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), str(ROOT),
                                                    env.get("PYTHONPATH", "")) if p)
    command = [sys.executable, "-m", "pytest", str(ROOT / "fuzz" / "test_fuzz.py"),
               "-p", "no:cacheprovider", "--hypothesis-show-statistics", "-q", *argv]
    return subprocess.call(command, cwd=ROOT, env=env)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
