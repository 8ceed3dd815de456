"""Stage 2 — choose in time: which provision of the lineage, in which wording.

The rule in force when the act ended applies; for an act still going on when it
was detected, the rule in force on the day of detection (the ``applicable_rule``
principle). A replacing decree may say so itself for acts that straddle its start
(Decree 174/2026 Art. 115): its transition clauses are cited instead. A lineage
links old and new numbers, so either number may be cited.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date

from ..catalog.catalog import Catalog
from ..errors import CaseError, NoApplicableVersion, ProvisionNotFound
from ..models.assessment import TraceStep
from ..models.citation import Citation
from ..models.fine import BandedFine, FineFrame, PerUnitFine
from ..models.provision import Provision, ProvisionVersion
from ..models.rules import TransitionRule
from .context import Violation
from .memo import remember, shared, table
from .resolve import Resolution, same_clause
from .trace import step


@dataclass(frozen=True)
class Choice:
    """The provision and wording chosen, the point cited in it, and the day of the law."""

    provision: Provision
    version: ProvisionVersion
    point: str | None
    day: date
    lineage: tuple[Provision, ...]
    steps: tuple[TraceStep, ...] = ()


def _transitions(catalog: Catalog, lineage: tuple[Provision, ...],
                 ) -> tuple[tuple[str, date, TransitionRule], ...]:
    """The transition rules of a lineage's decrees, once per decree, in lineage order:
    (document, its start, the rule); kept per lineage of the catalog."""
    memo = table(catalog, "transitions")
    found = memo.get(id(lineage))
    if found is not None and found[0] is lineage:
        return found[1]  # type: ignore[no-any-return]
    out: list[tuple[str, date, TransitionRule]] = []
    seen: set[str] = set()
    for provision in lineage:
        key = str(provision.document)
        rules = catalog.rules_for(provision.document)
        if rules is None or rules.transition is None or key in seen:
            continue
        seen.add(key)
        out.append((key, catalog.document(provision.document).effective_from, rules.transition))
    remember(memo, id(lineage), (lineage, tuple(out)))
    return tuple(out)


def _shared_step(catalog: Catalog, message: str, citation: Citation,
                 **params: date | str) -> TraceStep:
    """A ``time.transition`` step, shared by every act that shows the same values."""
    return shared(catalog, (message, id(citation), *params.items()), (citation,),
                  lambda: step("time.transition", message, citation, flags=(), **params))


def reference_day(v: Violation, lineage: tuple[Provision, ...]) -> tuple[date, list[TraceStep]]:
    """The day whose law governs the act, with the rule that says so."""
    fact = v.fact
    basis = v.basis("applicable_rule")
    if fact.ongoing_at_detection or fact.ended_on is None:
        day, message = fact.detected_on, "time.ongoing"
    else:
        day, message = fact.ended_on, "time.ended"
    steps = [shared(v.catalog, ("time.reference", message, id(basis), day), (basis,),
                    lambda: step("time.reference", message, basis, day=day))]
    for key, start, transition in _transitions(v.catalog, lineage):
        if fact.committed_on >= start or start > v.decided_on:
            continue  # the act began under this decree, or the decree is later than the decision
        if fact.ended_on is not None and fact.ended_on < start:
            steps.append(_shared_step(v.catalog, "time.transition_ended", transition.ended_before,
                                      effective=start, document=key,
                                      predecessor=str(transition.predecessor)))
        else:
            # Begun before the switch and still going on after it: the decree in force
            # when the act was detected applies, whichever that is.
            day = fact.detected_on
            steps.append(_shared_step(v.catalog, "time.transition_ongoing", transition.ongoing,
                                      effective=start, day=day))
    return day, steps


def versions_listing(catalog: Catalog, lineage: tuple[Provision, ...]) -> list[str]:
    """Every wording of a lineage with its dates, for error messages."""
    out = []
    for provision in lineage:
        for span in catalog.timeline(provision).spans():
            last = span.last_day.isoformat() if span.last_day else "open"
            out.append(f"{provision.citation.format()} ({span.start.isoformat()} – {last})")
    return out


def lineage_starts(catalog: Catalog, lineage: tuple[Provision, ...]) -> tuple[date, ...]:
    """Every start date of the timelines of a lineage (kept per lineage of the catalog)."""
    memo = table(catalog, "lineage_starts")
    found = memo.get(id(lineage))
    if found is not None and found[0] is lineage:
        return found[1]  # type: ignore[no-any-return]
    starts = tuple(sorted({entry.valid_from for p in lineage
                           for entry in catalog.timeline(p).entries}))
    remember(memo, id(lineage), (lineage, starts))
    return starts


def choose_at(catalog: Catalog, lineage: tuple[Provision, ...], day: date,
              cited: str | Citation) -> tuple[Provision, ProvisionVersion]:
    """The provision of the lineage in force on ``day``, newest document first.

    Between two start dates of the lineage's timelines every timeline shows the same
    wording, so the answer is kept per lineage and interval (errors are not kept).
    """
    memo = table(catalog, "choose_at")
    key = (id(lineage), bisect.bisect_right(lineage_starts(catalog, lineage), day))
    known = memo.get(key)
    if known is not None and known[0] is lineage:
        return known[1]  # type: ignore[no-any-return]
    chosen = _choose_at(catalog, lineage, day, cited)
    remember(memo, key, (lineage, chosen))
    return chosen


def _choose_at(catalog: Catalog, lineage: tuple[Provision, ...], day: date,
               cited: str | Citation) -> tuple[Provision, ProvisionVersion]:
    found = [(p, ver) for p in lineage if (ver := catalog.version_in_force(p, day)) is not None]
    if not found:
        raise NoApplicableVersion(cited if isinstance(cited, str) else cited.format(), day,
                                  versions_listing(catalog, lineage))
    found.sort(key=lambda pv: catalog.document(pv[0].document).effective_from)
    return found[-1]


def choose(v: Violation, res: Resolution) -> Choice:
    """Choose the provision and wording in force on the day that decides the law."""
    day, steps = reference_day(v, res.lineage)
    provision, version = choose_at(v.catalog, res.lineage, day, res.cited)
    point = res.cited.point if same_clause(provision, res.match) else None
    lineage = res.lineage
    moved = quantity_redirect(v, provision, version, day)
    if moved is not None:
        provision, version, more = moved
        steps += more
        point = None
        lineage = v.catalog.lineage_sorted(provision)
    return Choice(provision, version, point, day, lineage, tuple(steps))


def quantity_redirect(v: Violation, provision: Provision, version: ProvisionVersion, day: date,
                      ) -> tuple[Provision, ProvisionVersion, list[TraceStep]] | None:
    """Move to the clause that covers the case's quantity, when the text says so."""
    fine, q = version.fine, v.fact.quantity
    if fine is None or q is None:
        return None
    catalog = v.catalog
    target: Citation | None = None
    message = "version.redirect_quantity"
    if isinstance(fine, FineFrame | PerUnitFine) and not fine.covers_quantity(q):
        target = fine.beyond
        if target is None:
            raise CaseError("quantity", f"{q} is above the {fine.quantity_to} that "
                            f"{catalog.citation_of(provision)} covers")
    elif isinstance(fine, BandedFine) and fine.criterion == "quantity" and q < fine.bands[0].from_:
        message = "version.redirect_quantity_below"
        for other in catalog.provisions_of(provision.document):
            other_version = other.version_on(day)
            ofine = other_version.fine if other_version else None
            if (isinstance(ofine, FineFrame | PerUnitFine) and ofine.beyond is not None
                    and ofine.beyond.with_document(other.document).clause_level()
                    == catalog.citation_of(provision)):
                target = catalog.citation_of(other)
                break
    if target is None:
        return None
    target = target if target.document else target.with_document(provision.document)
    moved = catalog.provisions.get((str(target.document), target.article, target.clause))
    if moved is None:
        raise ProvisionNotFound(target.format(), catalog.suggest(target),
                                f"named by {catalog.citation_of(provision)} for larger "
                                "quantities")
    moved_version = catalog.version_in_force(moved, day)
    if moved_version is None:
        return None
    source, moved_to = catalog.citation_of(provision), catalog.citation_of(moved)
    return moved, moved_version, [
        step("version.redirect", message, source, moved_to, quantity=q,
             source=source, target=moved_to)
    ]
