"""Building trace steps."""

from __future__ import annotations

from collections.abc import Iterable

from ..models.assessment import ParamValue, TraceStep
from ..models.citation import Citation
from ..models.common import Provenance


def step(rule: str, message: str, *citations: Citation | None,
         flags: Iterable[str] = (), **params: ParamValue) -> TraceStep:
    """A trace step; ``None`` citations are dropped.

    Steps are built from values the engine has already validated, so they are
    constructed without validating again (a hot path: every assessment makes dozens).
    """
    return TraceStep.model_construct(
        rule=rule, message=message, params=params,
        citations=tuple(c for c in citations if c is not None), flags=tuple(flags),
    )


def flags_of(*provenances: Provenance | None) -> tuple[str, ...]:
    """The visible flags of non-CONFIRMED provenance (deduplicated, ordered)."""
    seen: list[str] = []
    for provenance in provenances:
        if provenance is not None and provenance.flag and provenance.flag not in seen:
            seen.append(provenance.flag)
    return tuple(seen)
