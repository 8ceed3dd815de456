"""JSON rendering of assessments: the contract of ``penalty-rules assess --format json``.

Citations are written in their Vietnamese canonical form; trace steps carry their
text in both languages next to the rule code and citations.
"""

from __future__ import annotations

from typing import Any

from ..models.assessment import AppliedMeasure, Assessment, TraceStep, ViolationAssessment
from .formatting import render_step

SCHEMA_VERSION = 1


def trace_json(step: TraceStep) -> dict[str, Any]:
    """One trace step as JSON."""
    return {
        "rule": step.rule,
        "text_vi": render_step(step, "vi", basis=False),
        "text_en": render_step(step, "en", basis=False),
        "citations": [c.format() for c in step.citations],
        "flags": list(step.flags),
    }


def _measure(m: AppliedMeasure) -> dict[str, Any]:
    return {
        "code": m.code, "label_vi": m.label.vi, "label_en": m.label.en,
        "duration_months": [m.duration.min_months, m.duration.max_months] if m.duration else None,
        "condition_en": m.condition.en if m.condition else None,
    }


def violation_json(v: ViolationAssessment) -> dict[str, Any]:
    """One violation as JSON."""
    interval = None
    if v.fine_interval is not None:
        i = v.fine_interval
        interval = {"low": i.low, "high": i.high, "low_open": i.low_open, "high_open": i.high_open}
    return {
        "index": v.index,
        "provision": v.provision.format(),
        "provision_en": v.provision.format("en"),
        "document": str(v.document),
        "label_vi": v.label.vi,
        "label_en": v.label.en,
        "sector": v.sector,
        "warning_possible": v.warning_possible,
        "fine_min": v.fine_min,
        "fine_max": v.fine_max,
        "fine": v.fine,
        "fine_per_act": v.fine_per_act,
        "times": v.times,
        "fined_once": v.fined_once,
        "fine_interval": interval,
        "time_barred": v.time_barred,
        "limitation_years": v.limitation_years,
        "limitation_expires_on": v.limitation_expires_on.isoformat(),
        "additional_sanctions": [_measure(m) for m in v.additional_sanctions],
        "remedial_measures": [_measure(m) for m in v.remedial_measures],
        "flags": list(v.flags),
        "trace": [trace_json(s) for s in v.trace],
    }


def assessment_json(a: Assessment) -> dict[str, Any]:
    """The whole assessment as JSON."""
    return {
        "schema_version": SCHEMA_VERSION,
        "offender": {"kind": a.offender.kind.value, "name": a.offender.name},
        "fined_as": a.fined_as,
        "decided_on": a.decided_on.isoformat(),
        "violations": [violation_json(v) for v in a.violations],
        "total_fine": a.total_fine,
        "competent": [
            {"code": c.code, "official_vi": c.official.vi, "official_en": c.official.en,
             "cap": c.cap, "basis": c.basis.format(), "flags": list(c.flags)}
            for c in a.competent
        ],
        "flags": list(a.flags),
        "trace": [trace_json(s) for s in a.trace],
    }
