"""Stage 4 — the more lenient later rule.

A wording that took effect after the day of the law and by the decision date applies
instead when the liability it sets is lighter (the ``lenient_rule`` principle): a
warning only is lighter than a fine, a lower frame is lighter, a frame that also
allows a warning is lighter than the same frame without. Each comparison is a trace
step with both frames.
"""

from __future__ import annotations

import bisect
from typing import Any

from ..errors import CaseError
from ..models.assessment import TraceStep
from .context import Violation
from .frames import Frame, offender_frame
from .memo import law_epoch, remember, table
from .resolve import Resolution, same_clause
from .timing import Choice, lineage_starts
from .trace import step


def _frame_params(prefix: str, frame: Frame) -> dict[str, int]:
    return {f"{prefix}_min_vnd": frame.min or 0, f"{prefix}_max_vnd": frame.max or 0}


def apply_lenient(v: Violation, res: Resolution, choice: Choice,
                  frame: Frame) -> tuple[Choice, Frame, list[TraceStep]]:
    """Compare the chosen rule with every later wording of its lineage; keep the lightest.

    The comparison depends on the lineage and the wording chosen, the point, the current
    frame, the facts a fine may depend on, the offender's base, where the day of the law
    and the decision date fall among the lineage's start dates, and the principles on the
    decision date (by epoch): it is kept per catalog on exactly those.
    """
    catalog, fact, lineage = v.catalog, v.fact, choice.lineage
    starts = lineage_starts(catalog, lineage)
    key = (id(lineage), id(res.match), id(choice.provision), id(choice.version), choice.point,
           frame.range, frame.warning, v.fined_as, fact.quantity, fact.goods_value,
           fact.illegal_profit, bisect.bisect_right(starts, choice.day),
           bisect.bisect_right(starts, v.decided_on), law_epoch(catalog, v.decided_on))
    refs = (lineage, res.match, choice.provision, choice.version)
    memo = table(catalog, "lenient")
    known = memo.get(key)
    if known is None or known[0] != refs:  # not the same objects (nor equal ones)
        after, later_frame, steps = _apply_lenient(v, res, choice, frame)
        replaced = after is not choice
        known = remember(memo, key, (refs, (after.provision, after.version, after.point)
                                     if replaced else None,
                                     later_frame if replaced else None, tuple(steps)))
    _, chosen, later, steps = known
    if chosen is not None:
        choice = Choice(chosen[0], chosen[1], chosen[2], choice.day, choice.lineage,
                        choice.steps)
        frame = later
    return choice, frame, list(steps)


def _apply_lenient(v: Violation, res: Resolution, choice: Choice,
                   frame: Frame) -> tuple[Choice, Frame, list[TraceStep]]:
    catalog = v.catalog
    basis = v.basis("lenient_rule")
    steps: list[TraceStep] = []
    later = []
    for provision in choice.lineage:
        for span in catalog.timeline(provision).starting_in(choice.day, v.decided_on):
            later.append((span.start, provision, span.value))
    later.sort(key=lambda item: item[0])
    for start, provision, version in later:
        point = choice.point if same_clause(provision, res.match) else None
        try:
            later_frame = offender_frame(v, provision, version, start, point)
        except CaseError as exc:
            steps.append(step("time.lenient", "lenient.not_comparable", basis,
                              flags=("NOT_COMPARED",), later=catalog.citation_of(provision),
                              reason=exc.reason))
            continue
        params: dict[str, Any] = {"later": catalog.citation_of(provision),
                                  "current": catalog.citation_of(choice.provision)}
        params |= _frame_params("later", later_frame) | _frame_params("current", frame)
        kind = _kind(later_frame, frame)
        if later_frame.lighter_than(frame):
            steps.append(step("time.lenient", f"lenient.applied{kind}", basis, **params))
            choice = Choice(provision, version, point, choice.day, choice.lineage, choice.steps)
            frame = later_frame
        else:
            steps.append(step("time.lenient", f"lenient.kept{kind}", basis, **params))
    ended = catalog.end_of(choice.provision)
    if ended is not None and ended <= v.decided_on and catalog.successor_of(choice.provision) is None:
        steps.append(step("time.lenient", "lenient.unknown", basis,
                          flags=("NO_SUCCESSOR_RECORDED",), current=catalog.citation_of(choice.provision),
                          day=ended))
    return choice, frame, steps


def _kind(later: Frame, current: Frame) -> str:
    """Message variant: both fined, or a warning on either side."""
    if later.range is None and current.range is None:
        return "_warnings"
    if later.range is None:
        return "_later_warning"
    if current.range is None:
        return "_current_warning"
    return ""
