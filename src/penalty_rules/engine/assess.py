"""Assess a case: every violation, the total, and who may decide."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import ValidationError

from ..catalog.catalog import Catalog, provision_key
from ..catalog.loader import bundled_catalog
from ..citations.parse import parse_citation
from ..errors import CaseError, CitationSyntaxError, ProvisionNotFound, UnknownCircumstance
from ..models.assessment import (
    AppliedMeasure,
    Assessment,
    FineInterval,
    TraceStep,
    ViolationAssessment,
)
from ..models.case import Case, ViolationFact
from ..models.circumstance import CircumstanceKind
from ..models.citation import Citation
from ..models.offender import FineBase, OffenderKind
from ..models.provision import (
    BandedFine,
    FineFrame,
    Measure,
    PerUnitFine,
    Provision,
    ProvisionVersion,
)
from .competence import ActNeed, competent
from .fines import average, net, specific_fine
from .frames import Frame, label_of, offender_frame
from .limitation import limitation
from .timing import LENIENT_RULE, choose_at, later_versions, lineage_of, reference_date
from .trace import flags_of, step

SEVERAL_ACTS = Citation(article="3", clause="1", point="d", document="15/2012/QH13")
AVERAGE_RULE = Citation(article="23", clause="4", document="15/2012/QH13",
                        amended_by=Citation(article="1", clause="9", document="67/2020/QH14"))
NO_DOUBLE_REPEAT = Citation(article="9", document="118/2021/NĐ-CP",
                            amended_by=Citation(article="1", document="68/2025/NĐ-CP"))
REPEATED = "repeated"


def parse_case(data: Mapping[str, Any]) -> Case:
    """Validate a case given as a mapping (e.g. loaded JSON); :class:`CaseError` on bad input."""
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"])
        reason = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            reason = "unknown field"
        elif err["type"] == "missing":
            reason = "required field is missing"
        raise CaseError(field, reason) from None


@dataclass(frozen=True)
class _Applied:
    provision: Provision
    version: ProvisionVersion
    point: str | None
    frame: Frame


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


def _circumstance_codes(catalog: Catalog, codes: tuple[str, ...], kind: CircumstanceKind,
                        field: str) -> list[str]:
    out: list[str] = []
    for i, code in enumerate(codes):
        found = catalog.circumstance(code)
        if found is None:
            known = sorted(c.code for c in catalog.circumstances.values() if c.kind is kind)
            close = difflib.get_close_matches(code, known, n=3, cutoff=0.4)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise UnknownCircumstance(
                f"{field}[{i}]",
                f"unknown {kind.value} circumstance {code!r}{hint} "
                "(`penalty-rules circumstances` lists the codes)",
            )
        if found.kind is not kind:
            raise UnknownCircumstance(
                f"{field}[{i}]",
                f"{found.code!r} is a {found.kind.value} circumstance ({found.basis}), "
                f"not a {kind.value} one",
            )
        if found.code in out:
            raise UnknownCircumstance(f"{field}[{i}]", f"{found.code!r} is listed twice")
        out.append(found.code)
    return out


def _redirect(catalog: Catalog, provision: Provision, version: ProvisionVersion,
              fact: ViolationFact, day: date, field: str,
              ) -> tuple[Provision, ProvisionVersion, list[TraceStep]] | None:
    """Move to the clause that covers the case's quantity, when the text says so."""
    fine = version.fine
    q = fact.quantity
    if fine is None or q is None:
        return None
    target: Citation | None = None
    message = "version.redirect_quantity"
    if isinstance(fine, FineFrame | PerUnitFine) and fine.quantity_to is not None \
            and q > fine.quantity_to:
        target = fine.beyond
        if target is None:
            raise CaseError(f"{field}.quantity",
                            f"{q} is above the {fine.quantity_to} that {provision.citation} covers")
    elif isinstance(fine, BandedFine) and fine.criterion == "quantity" and q < fine.bands[0].from_:
        message = "version.redirect_quantity_below"
        for other in catalog.provisions_of(provision.document):
            other_version = other.version_on(day)
            ofine = other_version.fine if other_version else None
            if (isinstance(ofine, FineFrame | PerUnitFine)
                    and ofine.beyond is not None
                    and ofine.beyond.with_document(other.document).clause_level()
                    == provision.citation):
                target = other.citation
                break
    if target is None:
        return None
    target = target if target.document else target.with_document(provision.document)
    moved = catalog.provisions.get((str(target.document), target.article, target.clause))
    if moved is None:
        raise ProvisionNotFound(target.format(), catalog.suggest(target),
                                f"named by {provision.citation} for larger quantities")
    moved_version = moved.version_on(day)
    if moved_version is None or not catalog.in_force(moved, day):
        return None
    return moved, moved_version, [
        step("version.redirect", message, provision.citation, moved.citation, quantity=q,
             source=provision.citation, target=moved.citation)
    ]


def _more_lenient(a: Frame, b: Frame) -> bool:
    """True if frame ``a`` is lighter for the offender than frame ``b``."""
    if not a.has_fine:
        return b.has_fine
    if not b.has_fine:
        return False
    assert a.max is not None and b.max is not None and a.min is not None and b.min is not None
    return a.max < b.max or (a.max == b.max and a.min < b.min)


def _frame_params(prefix: str, frame: Frame) -> dict[str, int]:
    return {f"{prefix}_min_vnd": frame.min or 0, f"{prefix}_max_vnd": frame.max or 0}


def _measures(measures: tuple[Measure, ...], point: str | None, band: str | None,
              quantity: int | None) -> tuple[AppliedMeasure, ...]:
    out: list[AppliedMeasure] = []
    for m in measures:
        if m.applies_to(point, band, quantity):
            applied = AppliedMeasure(code=m.code, label=m.label, duration=m.duration,
                                     condition=m.condition)
            if applied not in out:
                out.append(applied)
    return tuple(out)


def _scheme(catalog: Catalog, provision: Provision, decided_on: date) -> Any:
    rules = catalog.rules_for(provision.document)
    if rules is not None and rules.fine_scheme:
        scheme = catalog.scheme(rules.fine_scheme)
        if scheme is None:
            raise CaseError("provision", f"{provision.document} names an unknown fine scheme "
                            f"{rules.fine_scheme!r}")
        return scheme
    found = [s for s in catalog.schemes_on(decided_on) if s.scope == "general"]
    if not found:
        raise CaseError("decided_on", f"no rule for the specific fine is recorded for "
                        f"{decided_on.isoformat()}")
    return found[-1]


def assess_violation(catalog: Catalog, index: int, fact: ViolationFact, fined_as: FineBase,
                     decided_on: date) -> tuple[ViolationAssessment, ActNeed | None]:
    """Assess one violation of a case."""
    field = f"violations[{index}]"
    try:
        cited = parse_citation(fact.provision)
    except CitationSyntaxError as exc:
        raise CaseError(f"{field}.provision", exc.reason) from None
    try:
        matches = catalog.find(cited)
    except ProvisionNotFound as exc:
        raise ProvisionNotFound(exc.citation, exc.suggestions, f"{field}.provision") from None
    lineage = lineage_of(catalog, matches)
    steps: list[TraceStep] = []
    ref, time_steps = reference_date(fact, catalog, lineage)
    steps += time_steps
    provision, version = choose_at(catalog, lineage, ref, cited.format())
    matched_keys = {provision_key(m) for m in matches}
    point = cited.point if provision_key(provision) in matched_keys else None
    redirected = _redirect(catalog, provision, version, fact, ref, field)
    if redirected is not None:
        provision, version, more = redirected
        steps += more
        point = None
        lineage = lineage_of(catalog, [provision])
    frame = offender_frame(catalog, provision, version, fact, fined_as, ref, field,
                           provision.citation, point)
    current = _Applied(provision, version, point, frame)
    # -- a later, more lenient rule applies instead
    for later_p, later_v, start in later_versions(catalog, lineage, ref, decided_on):
        later_point = point if provision_key(later_p) in matched_keys else None
        try:
            later_frame = offender_frame(catalog, later_p, later_v, fact, fined_as, start, field,
                                         later_p.citation, later_point)
        except CaseError as exc:
            steps.append(step("time.lenient", "lenient.not_comparable", LENIENT_RULE,
                              flags=("NOT COMPARED",), later=later_p.citation, reason=exc.reason))
            continue
        params: dict[str, Any] = {"later": later_p.citation, "current": current.provision.citation}
        params |= _frame_params("later", later_frame) | _frame_params("current", current.frame)
        if _more_lenient(later_frame, current.frame):
            steps.append(step("time.lenient", "lenient.applied", LENIENT_RULE, **params))
            current = _Applied(later_p, later_v, later_point, later_frame)
        else:
            steps.append(step("time.lenient", "lenient.kept", LENIENT_RULE, **params))
    provision, version, point, frame = (current.provision, current.version, current.point,
                                        current.frame)
    ended = catalog.repeal_of(provision)
    if ended is not None and ended[0].on <= decided_on and catalog.successor_of(provision) is None:
        steps.append(step("time.lenient", "lenient.unknown", LENIENT_RULE,
                          flags=("NO SUCCESSOR RECORDED",), current=provision.citation,
                          day=ended[0].on))
    band_point = frame.band.point if frame.band else None
    applied = Citation(article=provision.article, clause=provision.clause,
                       point=point or band_point, document=provision.document,
                       amended_by=version.amended_by)
    steps.insert(len(time_steps), step(
        "version.applied", "version.applied", applied, flags=flags_of(version.provenance),
        citation=applied, label=provision.label, start=version.effective_from,
        end="" if version.effective_to is None else f" – {version.effective_to.isoformat()}",
    ))
    if version.provenance.flag:
        steps.append(step("provenance", "provenance.flag", flags=flags_of(version.provenance),
                          citation=applied, status=version.provenance.status.value,
                          source=version.provenance.source))
    if not version.measures_complete:
        steps.append(step("measures", "measures.incomplete", applied,
                          flags=("MEASURES INCOMPLETE",)))
    for caveat in provision.caveats:
        steps.append(step("caveat", "caveat", flags=("CAVEAT",), text=caveat))
    steps += frame.steps
    # -- circumstances, repetition, specific fine
    mitigating = _circumstance_codes(catalog, fact.mitigating, CircumstanceKind.MITIGATING,
                                     f"{field}.mitigating")
    aggravating = _circumstance_codes(catalog, fact.aggravating, CircumstanceKind.AGGRAVATING,
                                      f"{field}.aggravating")
    rules = catalog.rules_for(provision.document)
    once_list = rules.fined_once if rules else None
    fined_once = bool(once_list and once_list.covers(applied.model_copy(update={"amended_by": None}))
                      and (once_list.valid_from is None or ref >= once_list.valid_from))
    times = fact.times
    if times > 1 and fined_once:
        assert once_list is not None
        steps.append(step("fine.repeat", "fine.fined_once", once_list.basis, SEVERAL_ACTS))
        if REPEATED not in aggravating:
            aggravating.append(REPEATED)
    elif times > 1 and REPEATED in aggravating:
        aggravating.remove(REPEATED)
        steps.append(step("fine.repeat", "fine.repeated_dropped", NO_DOUBLE_REPEAT))
    fine: int | None = None
    interval: FineInterval | None = None
    total: int | None = None
    if frame.has_fine:
        assert frame.min is not None and frame.max is not None
        scheme = _scheme(catalog, provision, decided_on)
        steps.append(step("fine.average", "fine.average", AVERAGE_RULE,
                          average_vnd=average(frame.min, frame.max)))
        net_m, net_a = net(len(mitigating), len(aggravating))
        steps.append(step("fine.circumstances", "fine.circumstances",
                          *(catalog.circumstances[c].basis for c in mitigating + aggravating),
                          mitigating=", ".join(mitigating) or "-",
                          aggravating=", ".join(aggravating) or "-",
                          net_mitigating=net_m, net_aggravating=net_a))
        steps.append(step("fine.scheme", "fine.scheme", scheme.basis, scheme.amended_by,
                          flags=flags_of(scheme.provenance), scheme=scheme.label))
        fine, interval = specific_fine(frame.min, frame.max, net_m, net_a, scheme.kind,
                                       scheme.percent)
        steps.append(step("fine.interval", "fine.interval", scheme.basis, scheme.amended_by,
                          left="(" if interval.low_open else "[", low_vnd=interval.low,
                          high_vnd=interval.high, right=")" if interval.high_open else "]",
                          fine_vnd=fine))
        total = fine
        if times > 1 and not fined_once:
            total = fine * times
            steps.append(step("fine.repeat", "fine.times_separate", SEVERAL_ACTS, times=times,
                              fine_vnd=fine, total_vnd=total))
    lim = limitation(catalog, applied, provision.sector, fact, ref, decided_on)
    steps += lim.steps
    quantity = fact.quantity
    flags = list(flags_of(version.provenance))
    if provision.caveats:
        flags.append("CAVEAT")
    for s in steps:
        for f in s.flags:
            if f not in flags:
                flags.append(f)
    result = ViolationAssessment(
        index=index, provision=applied, document=provision.document, label=provision.label,
        act=label_of(provision, point), sector=provision.sector,
        warning_possible=frame.warning, fine_min=frame.min, fine_max=frame.max,
        fine=total, fine_per_act=fine, fine_interval=interval, times=times,
        fined_once=fined_once and times > 1, time_barred=lim.time_barred,
        limitation_years=lim.years, limitation_expires_on=lim.expires_on,
        additional_sanctions=_measures(version.additional_sanctions, point, band_point, quantity),
        remedial_measures=_measures(version.remedial_measures, point, band_point, quantity),
        flags=tuple(flags), trace=tuple(steps),
    )
    need = None
    if frame.has_fine and not lim.time_barred:
        assert frame.max is not None
        need = ActNeed(provision.document, provision.sector, frame.max)
    return result, need


def assess(case: Case | Mapping[str, Any], catalog: Catalog | None = None, *,
           today: date | None = None) -> Assessment:
    """Assess ``case`` against ``catalog`` (default: the bundled catalog).

    ``decided_on`` defaults to ``today`` (default: the system date).
    """
    catalog = catalog if catalog is not None else bundled_catalog()
    if not isinstance(case, Case):
        case = parse_case(case)
    decided_on = case.decided_on or today or date.today()
    for i, fact in enumerate(case.violations):
        if decided_on < fact.detected_on:
            raise CaseError(f"violations[{i}].detected_on",
                            f"{fact.detected_on} is after the decision date {decided_on}")
    fined_as, case_steps = _fined_as(catalog, case.offender.kind)
    case_steps.insert(0, step("case.decided_on", "case.decided_on", day=decided_on))
    results: list[ViolationAssessment] = []
    needs: list[ActNeed] = []
    once_seen: dict[tuple[str, str, str | None], int] = {}
    for i, fact in enumerate(case.violations):
        result, need = assess_violation(catalog, i, fact, fined_as, decided_on)
        rules = catalog.rules_for(result.document)
        if rules and rules.fined_once and rules.fined_once.covers(
                result.provision.model_copy(update={"amended_by": None})):
            key = (str(result.document), result.provision.article, result.provision.clause)
            if key in once_seen:
                raise CaseError(
                    f"violations[{i}].provision",
                    f"{result.provision.clause_level()} is fined once when repeated "
                    f"({rules.fined_once.basis}); list it once, with times = number of "
                    f"repetitions, instead of again after violations[{once_seen[key]}]",
                )
            once_seen[key] = i
        results.append(result)
        if need is not None:
            needs.append(need)
    total = 0
    for r in results:
        if r.time_barred:
            case_steps.append(step("case.total", "case.barred_excluded", index=r.index + 1))
        elif r.fine is not None:
            total += r.fine
    case_steps.append(step("case.total", "case.total", SEVERAL_ACTS, total_vnd=total))
    officials, competence_steps = competent(catalog, needs, fined_as, decided_on)
    case_steps += competence_steps
    flags: list[str] = []
    for r in results:
        for f in r.flags:
            if f not in flags:
                flags.append(f)
    return Assessment(
        offender=case.offender, fined_as=fined_as.value, decided_on=decided_on,
        violations=tuple(results), total_fine=total, competent=officials,
        trace=tuple(case_steps), flags=tuple(flags),
    )
