"""JSON rendering of assessments: the contract of ``penalty-rules assess --format json``.

The output is the envelope of :mod:`penalty_rules.report.schemas` around the
assessment's own serialisation, so ``assessment_json(a)["data"]`` equals
``json.loads(a.model_dump_json())``. Flags stay codes in ``data``; ``text`` holds their
words and every trace step as a sentence, in Vietnamese and English.

>>> import json
>>> from penalty_rules import assess
>>> a = assess({"offender": {"kind": "individual"}, "decided_on": "2026-08-10",
...             "violations": [{"provision": "điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP",
...                             "committed_on": "2026-07-20", "ended_on": "2026-07-20",
...                             "detected_on": "2026-07-25"}]})
>>> out = assessment_json(a)
>>> out["kind"], out["data"] == json.loads(a.model_dump_json())
('assessment', True)
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..catalog.catalog import Catalog
from ..models.assessment import Assessment, TraceStep
from ..models.common import Localized
from .formatting import render_step
from .schemas import SCHEMA_VERSION, Texts, envelope, flag_words

__all__ = ["SCHEMA_VERSION", "assessment_json", "assessment_texts", "step_text"]


def step_text(step: TraceStep) -> Localized:
    """One trace step as a sentence in both languages (flags in words, no citations)."""
    return Localized(vi=render_step(step, "vi", basis=False), en=render_step(step, "en", basis=False))


def assessment_texts(a: Assessment) -> Texts:
    """The words beside the codes of an assessment: flags and trace sentences."""
    codes = [f for v in a.violations for f in v.flags] + list(a.flags)
    codes += [f for s in a.trace for f in s.flags] + [f for c in a.competent for f in c.flags]
    codes += [f for v in a.violations for s in v.trace for f in s.flags]
    return Texts(flags=flag_words(codes), trace=tuple(step_text(s) for s in a.trace),
                 violations=tuple(tuple(step_text(s) for s in v.trace) for v in a.violations))


def assessment_json(a: Assessment, catalog: Catalog | None = None,
                    extra_files: Iterable[str | Path] = ()) -> dict[str, Any]:
    """The whole assessment in the JSON contract (``kind`` = ``assessment``)."""
    return envelope("assessment", a, catalog=catalog, extra_files=extra_files,
                    text=assessment_texts(a))
