"""Assess a case: every violation through the staged pipeline, the total, who may decide.

One violation passes through small stages, each returning its value and its trace
steps; the violation's trace is their concatenation, in this order:

1. :func:`~penalty_rules.engine.resolve.resolve` — citation → provision and lineage;
2. :func:`~penalty_rules.engine.timing.choose` — the day of the law and the wording in force;
3. :func:`~penalty_rules.engine.frames.offender_frame` — the frame for this offender;
4. :func:`~penalty_rules.engine.lenient.apply_lenient` — a later, more lenient rule;
5. :func:`~penalty_rules.engine.fines.specific` — circumstances, repetition, the amount;
6. :func:`~penalty_rules.engine.limitation.limitation` — the time bar;
7. :func:`~penalty_rules.engine.competence.competent` — who may decide (per case).

An error in any stage names the violation's field path once (``violations[0].quantity``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ..catalog.catalog import Catalog
from ..catalog.loader import bundled_catalog
from ..clock import vietnam_today
from ..errors import CaseError
from ..models.assessment import AppliedMeasure, Assessment, TraceStep, ViolationAssessment
from ..models.case import Case, ViolationFact, parse_case_data
from ..models.citation import Citation
from ..models.common import Localized
from ..models.document import DocumentNumber
from ..models.offender import FineBase, OffenderKind
from ..models.provision import Provision, ProvisionVersion
from .competence import ActNeed, competent
from .context import Violation
from .fines import fined_once, specific
from .frames import Frame, label_of, offender_frame
from .lenient import apply_lenient
from .limitation import limitation
from .measures import applied_measures
from .memo import principles_on, remember, shared, table
from .resolve import resolve
from .timing import choose
from .trace import built, flags_of, step


def parse_case(data: Mapping[str, Any]) -> Case:
    """Validate a case given as a mapping (e.g. loaded JSON); :class:`CaseError` on bad input."""
    return parse_case_data(data)


def _fined_as(catalog: Catalog, kind: OffenderKind) -> tuple[FineBase, list[TraceStep]]:
    if kind is OffenderKind.INDIVIDUAL:
        return FineBase.INDIVIDUAL, []
    if kind is OffenderKind.ORGANIZATION:
        return FineBase.ORGANIZATION, []
    treatment = catalog.treatments.get(kind)
    if treatment is None:
        raise CaseError("offender.kind", f"the catalog does not say how a {kind.value} is fined")
    return treatment.fined_as, [
        step("offender.treatment", "frame.treatment", treatment.basis,
             flags=flags_of(treatment.provenance), kind=kind.value, label=treatment.label)
    ]


def _applied_steps(provision: Provision, version: ProvisionVersion, applied: Citation,
                   v: Violation) -> list[TraceStep]:
    try:
        span = v.catalog.timeline(provision).span_of(version)
    except ValueError:
        span = None
    start = span.start if span else version.valid_from
    last = span.last_day if span else None
    steps = [step("version.applied", "version.applied", applied,
                  flags=flags_of(version.provenance), citation=applied, label=provision.label,
                  start=start, end="" if last is None else f" – {last.isoformat()}")]
    if version.provenance.flag:
        steps.append(step("provenance", "provenance.flag", flags=flags_of(version.provenance),
                          citation=applied, status=version.provenance.status.value,
                          source=version.provenance.source))
    if not version.measures_complete:
        steps.append(step("measures", "measures.incomplete", applied,
                          flags=("MEASURES_INCOMPLETE",)))
    steps += [step("caveat", "caveat", flags=("CAVEAT",), text=c) for c in provision.caveats]
    steps += [step("provenance", "provenance.user_file", applied, flags=("USER DATA",),
                   citation=applied, file=path) for path in v.catalog.user_files_of(provision)]
    return steps


@dataclass(frozen=True)
class _Applied:
    """What the wording applied at a point gives, whatever the case: the citation applied,
    the act's label, the version's own flags and trace steps."""

    provision: Provision
    version: ProvisionVersion
    citation: Citation
    act: Localized | None
    flags: tuple[str, ...]
    steps: tuple[TraceStep, ...]


def _applied(v: Violation, provision: Provision, version: ProvisionVersion, point: str | None,
             band_point: str | None) -> _Applied:
    """The :class:`_Applied` of a wording at a point, kept per catalog."""
    memo = table(v.catalog, "applied")
    key = (id(provision), id(version), point, band_point)
    known: _Applied | None = memo.get(key)
    if known is not None and known.provision is provision and known.version is version:
        return known
    applied = Citation(article=provision.article, clause=provision.clause,
                       point=point or band_point, document=provision.document,
                       amended_by=version.amended_by)
    found = _Applied(provision, version, applied, label_of(provision, point),
                     flags_of(version.provenance) + (("CAVEAT",) if provision.caveats else ()),
                     tuple(_applied_steps(provision, version, applied, v)))
    return remember(memo, key, found)  # type: ignore[no-any-return]


def _measures(v: Violation, version: ProvisionVersion, point: str | None,
              band_point: str | None) -> tuple[tuple[AppliedMeasure, ...],
                                               tuple[AppliedMeasure, ...]]:
    """The additional sanctions and remedial measures of a wording for the act, kept per
    catalog on the wording, the point, the band and the quantity."""
    quantity = v.fact.quantity
    memo = table(v.catalog, "measures")
    key = (id(version), point, band_point, quantity)
    known = memo.get(key)
    if known is not None and known[0] is version:
        return known[1]  # type: ignore[no-any-return]
    found = (applied_measures(version.additional_sanctions, point, band_point, quantity),
             applied_measures(version.remedial_measures, point, band_point, quantity))
    remember(memo, key, (version, found))
    return found


def _barred_steps(v: Violation, lim_steps: tuple[TraceStep, ...],
                  remedies: bool) -> tuple[TraceStep, ...]:
    """What a time bar does to the act (shared by every act barred on the same basis)."""
    basis = lim_steps[0].citations[0] if lim_steps and lim_steps[0].citations else None
    remains = v.principle("time_barred_remedies") if remedies else None
    remains_basis = v.basis("time_barred_remedies") if remains is not None else None

    def make() -> tuple[TraceStep, ...]:
        steps = [step("limitation.effect", "limitation.no_sanction", basis)]
        if remedies:
            steps.append(step(
                "limitation.effect", "limitation.remedies_remain", remains_basis,
                flags=flags_of(remains.provenance) if remains else ("NO BASIS RECORDED",)))
        return tuple(steps)

    return shared(v.catalog, ("limitation.effect", id(basis), remedies, id(remains)),
                  (basis, remains), make)


def _collect_flags(first: tuple[str, ...], steps: list[TraceStep]) -> tuple[str, ...]:
    flags = list(first)
    for s in steps:
        for f in s.flags:
            if f not in flags:
                flags.append(f)
    return tuple(flags)


def assess_violation(v: Violation, default_document: DocumentNumber | None = None,
                     ) -> tuple[ViolationAssessment, ActNeed | None]:
    """Assess one violation: the stages of the module docstring, composed."""
    res = resolve(v, default_document)
    choice = choose(v, res)
    frame: Frame = offender_frame(v, choice.provision, choice.version, choice.day, choice.point)
    choice, frame, lenient_steps = apply_lenient(v, res, choice, frame)
    provision, version, point = choice.provision, choice.version, choice.point
    band_point = frame.band.point if frame.band else None
    fixed = _applied(v, provision, version, point, band_point)
    applied = fixed.citation
    amount = specific(v, provision, applied, frame, choice.day, provision.elements)
    lim = limitation(v, applied, provision.sector, choice.day)
    sanctions, remedies = _measures(v, version, point, band_point)
    barred_steps: tuple[TraceStep, ...] = ()
    if lim.time_barred:
        # Past the limitation period nothing is sanctioned: no fine, no additional sanction.
        sanctions = ()
        amount = replace(amount, per_act=None, interval=None, total=None)
        barred_steps = _barred_steps(v, lim.steps, bool(remedies))
    steps = [*res.steps, *choice.steps, *lenient_steps, *fixed.steps, *frame.steps,
             *amount.steps, *lim.steps, *barred_steps]
    flags = _collect_flags(fixed.flags, steps)
    result = built(
        ViolationAssessment,
        index=v.index, provision=applied, document=provision.document, label=provision.label,
        act=fixed.act, sector=provision.sector,
        warning_possible=frame.warning, warning_imposed=frame.range is None,
        fine_min=frame.min, fine_max=frame.max,
        fine=amount.total, fine_per_act=amount.per_act, fine_interval=amount.interval,
        times=v.fact.times, fined_once=amount.fined_once, time_barred=lim.time_barred,
        limitation_years=lim.years, limitation_expires_on=lim.expires_on,
        additional_sanctions=sanctions, remedial_measures=remedies,
        flags=flags, trace=tuple(steps),
    )
    need = None
    if not lim.time_barred:
        need = ActNeed(provision.document, provision.sector, frame.max, applied, provision.chapter)
    return result, need


def _with_field(exc: CaseError, field: str) -> CaseError:
    """The same error with the violation's field path in front of its own."""
    path = f"{field}.{exc.field}" if exc.field else field
    return type(exc)(path, exc.reason)


def assess(case: Case | Mapping[str, Any], catalog: Catalog | None = None, *,
           today: date | None = None, document: str | DocumentNumber | None = None,
           ) -> Assessment:
    """Assess ``case`` against ``catalog`` (default: the bundled catalog).

    ``decided_on`` defaults to ``today`` (default: the system date). ``document`` is the
    default document of citations that name none (otherwise such a citation must match
    a single document, see :func:`~penalty_rules.engine.resolve.resolve`).
    """
    catalog = catalog if catalog is not None else bundled_catalog()
    if not isinstance(case, Case):
        case = parse_case(case)
    default = catalog.document(document).number if document is not None else None
    decided_on = case.decided_on or today or vietnam_today()
    for i, fact in enumerate(case.violations):
        if decided_on < fact.detected_on:
            raise CaseError(f"violations[{i}].detected_on",
                            f"{fact.detected_on} is after the decision date {decided_on}")
    fined_as, case_steps = _fined_as(catalog, case.offender.kind)
    case_steps.insert(0, shared(catalog, ("case.decided_on", decided_on), (),
                                lambda: step("case.decided_on", "case.decided_on",
                                             day=decided_on)))
    if catalog.overrides:
        case_steps.append(step("provenance", "provenance.user_overrides", flags=("USER DATA",),
                               overrides="; ".join(catalog.overrides)))
    results: list[ViolationAssessment] = []
    needs: list[ActNeed] = []
    once_seen: dict[tuple[str, str, str | None], int] = {}
    for i, fact in enumerate(case.violations):
        v = Violation(catalog, i, fact, fined_as, decided_on)
        try:
            result, need = assess_violation(v, default)
        except CaseError as exc:
            raise _with_field(exc, v.field) from None
        _check_once(v, result, once_seen)
        results.append(result)
        if need is not None:
            needs.append(need)
    total = 0
    for r in results:
        if r.time_barred:
            case_steps.append(step("case.total", "case.barred_excluded", index=r.index + 1))
        elif r.fine is not None:
            total += r.fine
    several = principles_on(catalog, decided_on).get("several_acts")
    basis = several[1] if several else None
    case_steps.append(shared(catalog, ("case.total", id(basis), total), (basis,),
                             lambda: step("case.total", "case.total", basis, total_vnd=total)))
    officials, competence_steps = competent(catalog, needs, fined_as, decided_on)
    case_steps += competence_steps
    flags: list[str] = ["USER DATA"] if catalog.overrides else []
    for r in results:
        for f in r.flags:
            if f not in flags:
                flags.append(f)
    return built(
        Assessment, offender=case.offender, fined_as=fined_as.value, decided_on=decided_on,
        violations=tuple(results), total_fine=total, competent=officials,
        trace=tuple(case_steps), flags=tuple(flags),
    )


def _check_once(v: Violation, result: ViolationAssessment,
                seen: dict[tuple[str, str, str | None], int]) -> None:
    """An act fined once when repeated is listed once, with ``times``."""
    basis = fined_once(v, result.provision, v.fact.ended_on or v.fact.detected_on)
    if basis is None:
        return
    key = (str(result.document), result.provision.article, result.provision.clause)
    if key in seen:
        raise CaseError(
            f"{v.field}.provision",
            f"{result.provision.clause_level()} is fined once when repeated ({basis}); list it "
            f"once, with times = number of repetitions, instead of again after "
            f"violations[{seen[key]}]",
        )
    seen[key] = v.index


__all__ = ["ViolationFact", "assess", "assess_violation", "parse_case"]
