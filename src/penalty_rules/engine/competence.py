"""Who may decide: per act, against each act's frame maximum (Art. 52(2) of the Law)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..catalog.catalog import Catalog
from ..models.assessment import CompetentOfficial, TraceStep
from ..models.document import DocumentNumber
from ..models.offender import FineBase
from ..models.rules import CompetenceRule
from .trace import flags_of, step


@dataclass(frozen=True)
class ActNeed:
    """What one act needs from a deciding official."""

    document: DocumentNumber
    sector: str
    frame_max: int


def _rules_for(catalog: Catalog, document: DocumentNumber, day: date) -> list[CompetenceRule]:
    in_force = catalog.competence_on(day)
    own = [r for r in in_force if r.document == document]
    if own:
        return own
    return [r for r in in_force if r.percent is not None]


def cap_for(catalog: Catalog, rule: CompetenceRule, need: ActNeed, fined_as: FineBase,
            day: date) -> int | None:
    """The rule's cap for this act and offender (``None``: the rule does not cover it)."""
    if rule.percent is not None:
        law_max = catalog.sector(need.sector).maximum_on(day)
        if law_max is None:
            return None
        individual = law_max.individual_max * rule.percent // 100
        return individual if fined_as is FineBase.INDIVIDUAL else individual * 2
    cap = rule.cap_for(need.sector)
    if cap is None:
        return None
    if rule.cap_base is FineBase.ORGANIZATION and fined_as is FineBase.INDIVIDUAL:
        return cap // 2
    if rule.cap_base is FineBase.INDIVIDUAL and fined_as is FineBase.ORGANIZATION:
        return cap * 2
    return cap


def competent(catalog: Catalog, needs: Sequence[ActNeed], fined_as: FineBase,
              day: date) -> tuple[tuple[CompetentOfficial, ...], tuple[TraceStep, ...]]:
    """Officials competent for every act, lowest cap first, and the trace."""
    if not needs:
        return (), ()
    principle = catalog.principle("per_act_competence", day)
    steps = [step("competence.per_act", "competence.per_act",
                  principle.citation if principle else None,
                  needed_vnd=max(n.frame_max for n in needs))]
    candidates: dict[str, tuple[CompetenceRule, int]] = {}
    first = True
    for need in needs:
        fitting: dict[str, tuple[CompetenceRule, int]] = {}
        for rule in _rules_for(catalog, need.document, day):
            cap = cap_for(catalog, rule, need, fined_as, day)
            if cap is not None and cap >= need.frame_max:
                previous = candidates.get(rule.title)
                low = cap if previous is None else min(cap, previous[1])
                fitting[rule.title] = (rule if previous is None else previous[0], low)
        if first:
            candidates = fitting
            first = False
        else:
            candidates = {k: v for k, v in fitting.items() if k in candidates}
    ordered = sorted(candidates.values(), key=lambda rc: (rc[1], rc[0].code))
    officials = tuple(
        CompetentOfficial(code=rule.code, official=rule.official, cap=cap, basis=rule.basis,
                          flags=flags_of(rule.provenance))
        for rule, cap in ordered
    )
    for official in officials:
        steps.append(step("competence.official", "competence.official", official.basis,
                          flags=official.flags, official=official.official, cap_vnd=official.cap))
    if not officials:
        steps.append(step("competence.none", "competence.none", flags=("NO_COMPETENT_OFFICIAL",)))
    steps.append(step("competence.scope", "competence.scope", flags=("SCOPE_NOT_CHECKED",)))
    return officials, tuple(steps)
