"""Which provision and which version apply in time.

The rule in force when the act ended applies; for an act still going on when it
was detected, the rule in force on the day of detection (Decree 174/2026 Art. 115 is
the model). A later rule that is more lenient applies instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..catalog.catalog import Catalog, provision_key
from ..errors import NoApplicableVersion
from ..models.assessment import TraceStep
from ..models.case import ViolationFact
from ..models.citation import Citation
from ..models.provision import Provision, ProvisionVersion
from .trace import step

#: Art. 8(1) of Decree 118/2021: whether an act has ended or is ongoing.
ENDED_OR_ONGOING = Citation(article="8", clause="1", document="118/2021/NĐ-CP")
#: Art. 7 of Decree 118/2021: choosing the applicable document (Law on Promulgation).
LENIENT_RULE = Citation(article="7", document="118/2021/NĐ-CP")


@dataclass(frozen=True)
class Choice:
    """The provision and version chosen, and why."""

    provision: Provision
    version: ProvisionVersion
    reference_date: date
    steps: tuple[TraceStep, ...]


def reference_date(fact: ViolationFact, catalog: Catalog,
                   lineage: list[Provision]) -> tuple[date, list[TraceStep]]:
    """The day whose law governs the act, with the transition rule that says so."""
    steps: list[TraceStep] = []
    if fact.ongoing_at_detection:
        day = fact.detected_on
        steps.append(step("time.reference", "time.ongoing", ENDED_OR_ONGOING, day=day))
    else:
        assert fact.ended_on is not None
        day = fact.ended_on
        steps.append(step("time.reference", "time.ended", ENDED_OR_ONGOING, day=day))
    seen: set[str] = set()
    for provision in lineage:
        rules = catalog.rules_for(provision.document)
        key = str(provision.document)
        if rules is None or rules.transition is None or key in seen:
            continue
        seen.add(key)
        document = catalog.document(provision.document)
        start = document.effective_from
        if fact.committed_on >= start:
            continue
        transition = rules.transition
        if day < start:
            steps.append(step("time.transition", "time.transition_ended", transition.ended_before,
                              effective=start, document=key,
                              predecessor=str(transition.predecessor)))
        else:
            day = fact.detected_on
            steps.append(step("time.transition", "time.transition_ongoing", transition.ongoing,
                              effective=start, day=day))
    return day, steps


def versions_listing(catalog: Catalog, lineage: list[Provision]) -> list[str]:
    """Human-readable list of every version in a lineage, for error messages."""
    out = []
    for provision in lineage:
        end = catalog.end_of(provision)
        for version in provision.versions:
            stop = version.effective_to
            if end is not None and (stop is None or stop >= end):
                stop = date.fromordinal(end.toordinal() - 1)
            span = f"{version.effective_from.isoformat()} – {stop.isoformat() if stop else 'open'}"
            out.append(f"{provision.citation.format()} ({span})")
    return out


def in_force_version(catalog: Catalog, provision: Provision, day: date) -> ProvisionVersion | None:
    """The version of ``provision`` that applied on ``day`` (document and repeal checked)."""
    return provision.version_on(day) if catalog.in_force(provision, day) else None


def choose_at(catalog: Catalog, lineage: list[Provision], day: date,
              citation: str) -> tuple[Provision, ProvisionVersion]:
    """The provision of the lineage in force on ``day``."""
    found = [(p, v) for p in lineage if (v := in_force_version(catalog, p, day)) is not None]
    if not found:
        raise NoApplicableVersion(citation, day, versions_listing(catalog, lineage))
    found.sort(key=lambda pv: catalog.document(pv[0].document).effective_from)
    return found[-1]


def later_versions(catalog: Catalog, lineage: list[Provision], after: date,
                   until: date) -> list[tuple[Provision, ProvisionVersion, date]]:
    """Versions that took effect after ``after`` and by ``until``, in date order."""
    out = []
    for provision in lineage:
        document = catalog.document(provision.document)
        for version in provision.versions:
            start = max(version.effective_from, document.effective_from)
            if after < start <= until and in_force_version(catalog, provision, start) == version:
                out.append((provision, version, start))
    out.sort(key=lambda item: item[2])
    return out


def lineage_of(catalog: Catalog, matches: list[Provision]) -> list[Provision]:
    """Union of the lineages of every match, oldest first, without repeats."""
    chain: list[Provision] = []
    keys: set[object] = set()
    for match in matches:
        for provision in catalog.lineage(match):
            key = provision_key(provision)
            if key not in keys:
                keys.add(key)
                chain.append(provision)
    chain.sort(key=lambda p: catalog.document(p.document).effective_from)
    return chain
