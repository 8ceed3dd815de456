"""Stage 7 — who may decide: per act, against each act's frame maximum (Law Art. 52(2)).

An official is competent for the case when, for every act, their cap for the act's
sector and this offender reaches the act's frame maximum — or, for an act sanctioned by
a warning only, when they hold any power in that sector (every titled official may
warn). A decree may divide competence (Decree 174/2026 Art. 113): an official limited
to some chapters or parts is left out for other acts, and a condition such as "within
their assigned duties" is shown with the official.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..catalog.catalog import Catalog
from ..models.assessment import CompetentOfficial, TraceStep
from ..models.citation import Citation
from ..models.common import Localized
from ..models.document import DocumentNumber
from ..models.offender import FineBase
from ..models.rules import CompetenceRule, CompetenceScope
from .memo import law_epoch
from .trace import flags_of, step


@dataclass(frozen=True)
class ActNeed:
    """What one act needs from a deciding official (``frame_max`` ``None``: a warning)."""

    document: DocumentNumber
    sector: str
    frame_max: int | None
    citation: Citation | None = None
    chapter: str | None = None


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


def _scopes(catalog: Catalog, document: DocumentNumber, code: str) -> list[CompetenceScope]:
    rules = catalog.rules_for(document)
    if rules is None:
        return []
    return [s for s in rules.competence_scope if code in s.officials]


def _fits(catalog: Catalog, rule: CompetenceRule, need: ActNeed, fined_as: FineBase,
          day: date) -> tuple[int, list[CompetenceScope]] | None:
    """The cap and the scopes that limit ``rule`` for ``need`` (``None``: not competent)."""
    cap = cap_for(catalog, rule, need, fined_as, day)
    if cap is None or (need.frame_max is not None and cap < need.frame_max):
        return None
    scopes = _scopes(catalog, rule.document, rule.code)
    if need.citation is not None and any(not s.covers(need.citation, need.chapter)
                                         for s in scopes if s.chapters or s.parts):
        return None
    return cap, scopes


_CACHE_LIMIT = 4096


def competent(catalog: Catalog, needs: Sequence[ActNeed], fined_as: FineBase,
              day: date) -> tuple[tuple[CompetentOfficial, ...], tuple[TraceStep, ...]]:
    """Officials competent for every act, lowest cap first, and the trace.

    The answer depends only on the acts' needs, the offender's base and the rules in force
    on the day (competence, sector maxima and the principle, all read by the day's epoch, see
    :mod:`~penalty_rules.engine.memo`), and it is immutable: it is kept per catalog (at most
    a few thousand answers), since a province's log repeats the same few acts.
    """
    if not needs:
        return (), ()
    cache: dict[object, tuple[tuple[CompetentOfficial, ...], tuple[TraceStep, ...]]] = \
        catalog.__dict__.setdefault("_competent_answers", {})
    key = (tuple(needs), fined_as, law_epoch(catalog, day))
    found = cache.get(key)
    if found is None:
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        found = cache[key] = _competent(catalog, needs, fined_as, day)
    return found


def _competent(catalog: Catalog, needs: Sequence[ActNeed], fined_as: FineBase,
               day: date) -> tuple[tuple[CompetentOfficial, ...], tuple[TraceStep, ...]]:
    principle = catalog.principle("per_act_competence", day)
    fined = [n.frame_max for n in needs if n.frame_max is not None]
    steps = [step("competence.per_act", "competence.per_act",
                  principle.citation if principle else None,
                  needed_vnd=max(fined) if fined else 0)]
    if not fined:
        steps.append(step("competence.warning", "competence.warning_only"))
    candidates: dict[str, tuple[CompetenceRule, int, list[CompetenceScope]]] | None = None
    for need in needs:
        fitting: dict[str, tuple[CompetenceRule, int, list[CompetenceScope]]] = {}
        for rule in _rules_for(catalog, need.document, day):
            found = _fits(catalog, rule, need, fined_as, day)
            if found is None:
                continue
            cap, scopes = found
            previous = None if candidates is None else candidates.get(rule.title)
            if candidates is not None and previous is None:
                continue
            low = cap if previous is None else min(cap, previous[1])
            kept = scopes if previous is None else [*previous[2], *scopes]
            fitting[rule.title] = (rule if previous is None else previous[0], low, kept)
        candidates = fitting
    ordered = sorted((candidates or {}).values(), key=lambda rc: (rc[1], rc[0].code))
    officials = []
    for rule, cap, scopes in ordered:
        conditions = [s for s in scopes if s.condition is not None]
        condition: Localized | None = None
        if conditions:
            condition = Localized(vi="; ".join(dict.fromkeys(c.condition.vi for c in conditions
                                                             if c.condition)),
                                  en="; ".join(dict.fromkeys(c.condition.en for c in conditions
                                                             if c.condition)))
        officials.append(CompetentOfficial.model_construct(  # values already validated
            code=rule.code, official=rule.official, cap=cap, basis=rule.basis,
            flags=flags_of(rule.provenance), level=rule.level, condition=condition,
            scope_basis=tuple(dict.fromkeys(s.basis for s in scopes))))
    for official in officials:
        steps.append(step("competence.official", "competence.official", official.basis,
                          *official.scope_basis, flags=official.flags,
                          official=official.official, cap_vnd=official.cap))
        if official.condition is not None:
            steps.append(step("competence.condition", "competence.condition",
                              *official.scope_basis, official=official.official,
                              condition=official.condition))
    if not officials:
        steps.append(step("competence.none", "competence.none", flags=("NO_COMPETENT_OFFICIAL",)))
    for document in dict.fromkeys(n.document for n in needs):
        rules = catalog.rules_for(document)
        if rules is None or not rules.competence_scope:
            steps.append(step("competence.scope", "competence.scope", flags=("SCOPE_NOT_CHECKED",),
                              document=str(document)))
    return tuple(officials), tuple(steps)
