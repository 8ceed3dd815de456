"""Stage 1 — resolve: the cited text becomes a provision and its lineage.

A citation that names its document resolves in that document. One that names none
(``khoản 2 Điều 10``, ``6.1.a``) resolves only when exactly one document holds that
clause in force on the day that decides the law for the act, or when a default
document is given; otherwise :class:`~penalty_rules.errors.AmbiguousCitation` lists
the candidates. A lineage never crosses documents except through recorded successor
links (15/2020 Art. 101(1) → 174/2026 Art. 95(1)).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

from ..catalog.catalog import Catalog, provision_key
from ..citations.parse import parse_citation
from ..errors import AmbiguousCitation, CaseError, CitationSyntaxError, ProvisionNotFound
from ..models.assessment import TraceStep
from ..models.citation import Citation
from ..models.document import DocumentNumber
from ..models.provision import Provision
from .context import Violation
from .memo import remember, table
from .trace import step

#: Citations are immutable, so the same text always reads to an equal citation: case logs
#: cite a few hundred clauses over and over. Errors are not cached (they are raised again).
_parse = functools.lru_cache(maxsize=8192)(parse_citation)


@dataclass(frozen=True)
class Resolution:
    """The citation as read, the provision it names, and its lineage (oldest first)."""

    cited: Citation
    match: Provision
    lineage: tuple[Provision, ...]
    steps: tuple[TraceStep, ...] = ()


def resolve(v: Violation, default_document: DocumentNumber | None = None) -> Resolution:
    """Read the violation's citation and find its provision (see the module docstring).

    A citation that resolves in one document resolves alike in every case: that answer is
    kept per catalog, keyed on the text and the default document (an answer that needed the
    case's days, or an error, is worked out again each time).
    """
    memo = table(v.catalog, "resolve")
    key = (v.fact.provision, default_document)
    found: Resolution | None = memo.get(key)
    if found is None:
        found, by_days = _resolve(v, default_document)
        if not by_days:
            remember(memo, key, found)
    return found


def _resolve(v: Violation, default_document: DocumentNumber | None,
             ) -> tuple[Resolution, bool]:
    catalog = v.catalog
    try:
        cited = _parse(v.fact.provision)
    except CitationSyntaxError as exc:
        raise CaseError("provision", exc.reason) from None
    steps: list[TraceStep] = []
    if cited.document is None and default_document is not None:
        cited = cited.with_document(default_document)
        steps.append(step("resolve", "resolve.default_document", document=str(default_document)))
    try:
        matches = catalog.find(cited)
    except ProvisionNotFound as exc:
        raise ProvisionNotFound(exc.citation, exc.suggestions,
                                "; ".join(x for x in (f"{v.field}.provision", exc.detail) if x)
                                ) from None
    by_days = len({str(m.document) for m in matches}) > 1
    if by_days:
        match = _one_document(catalog, cited, matches, _decisive_days(v), v.field)
        steps.append(step("resolve", "resolve.document_inferred", match.citation,
                          document=str(match.document)))
    else:
        match = matches[0]
    return Resolution(cited, match, catalog.lineage_sorted(match), tuple(steps)), by_days


def _decisive_days(v: Violation) -> tuple[date, ...]:
    """The days whose law may govern the act: when it ended, or when it was detected."""
    fact = v.fact
    return (fact.detected_on,) if fact.ongoing_at_detection or fact.ended_on is None \
        else (fact.ended_on,)


def _one_document(catalog: Catalog, cited: Citation, matches: list[Provision],
                  days: tuple[date, ...], field: str) -> Provision:
    in_force = [m for m in matches if any(catalog.in_force(m, day) for day in days)]
    if len(in_force) == 1:
        return in_force[0]
    candidates = in_force or matches
    raise AmbiguousCitation(
        cited.format(), [c.citation.model_copy(update={"point": cited.point}).format()
                         for c in candidates],
        f"{field}.provision; " + ("in force on the day that decides the law" if in_force
                                  else "none in force on that day"),
    )


def lineage_of(catalog: Catalog, match: Provision) -> list[Provision]:
    """The provisions linked to ``match`` by successor links, oldest first."""
    return list(catalog.lineage_sorted(match))


def same_clause(a: Provision, b: Provision) -> bool:
    """True if ``a`` and ``b`` are the same clause of the same document."""
    return a is b or provision_key(a) == provision_key(b)

