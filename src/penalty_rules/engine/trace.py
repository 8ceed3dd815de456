"""Building trace steps."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel

from ..models.assessment import ParamValue, TraceStep
from ..models.citation import Citation
from ..models.common import Provenance, Status

# What ``TraceStep.model_construct`` does with every field given, without its overhead
# (the same instance state: the fields in ``__dict__``, all of them marked as set).
_new = object.__new__
_set = object.__setattr__
_FIELDS = frozenset(TraceStep.model_fields)
_CONFIRMED = Status.CONFIRMED


def step(rule: str, message: str, *citations: Citation | None,
         flags: Iterable[str] = (), **params: ParamValue) -> TraceStep:
    """A trace step; ``None`` citations are dropped.

    Steps are built from values the engine has already validated, so they are
    constructed without validating again (a hot path: every assessment makes dozens).
    """
    made = _new(TraceStep)
    _set(made, "__dict__", {
        "rule": rule, "message": message, "params": params,
        "citations": (citations if None not in citations
                      else tuple(c for c in citations if c is not None)),
        "flags": flags if type(flags) is tuple else tuple(flags),
    })
    _set(made, "__pydantic_fields_set__", set(_FIELDS))
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", None)
    return made


_M = TypeVar("_M", bound=BaseModel)


def built(cls: type[_M], **fields: Any) -> _M:
    """A model of values the engine has already validated, without validating again.

    Every field must be given (the instance state is that of ``cls(**fields)``: the
    fields in ``__dict__``, all of them marked as set). Used for the results of an
    assessment, which only ever hold validated catalog and case values.
    """
    made = _new(cls)
    _set(made, "__dict__", fields)
    _set(made, "__pydantic_fields_set__", set(fields))
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", None)
    return made


def flags_of(*provenances: Provenance | None) -> tuple[str, ...]:
    """The visible flags of non-CONFIRMED provenance (deduplicated, ordered)."""
    if len(provenances) == 1:  # the common call, and most facts are confirmed
        only = provenances[0]
        if only is None or only.status is _CONFIRMED:
            return ()
        flag = only.flag
        return (flag,) if flag else ()
    seen: list[str] = []
    for provenance in provenances:
        if provenance is not None and provenance.flag and provenance.flag not in seen:
            seen.append(provenance.flag)
    return tuple(seen)
