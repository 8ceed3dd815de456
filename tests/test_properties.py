"""Invariants over the whole bundled catalog (hypothesis samples provisions and facts)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from penalty_rules import (
    Assessment,
    BandedFine,
    Citation,
    FineFrame,
    PerUnitFine,
    Provision,
    assess,
    bundled_catalog,
)
from penalty_rules.models.provision import PointFrames

CATALOG = bundled_catalog()
MITIGATING = sorted(c.code for c in CATALOG.circumstances.values() if c.kind.value == "mitigating")
AGGRAVATING = sorted(c.code for c in CATALOG.circumstances.values()
                     if c.kind.value == "aggravating" and c.code != "repeated")
FINED = [p for p in CATALOG.provisions.values() if any(v.fine for v in p.versions)]


def _day_in_force(provision: Provision) -> date:
    version = provision.versions[-1]
    start = max(version.effective_from, CATALOG.document(provision.document).effective_from)
    return start + timedelta(days=2)


def _extra(provision: Provision, draw: st.DrawFn) -> dict[str, int]:
    fine = provision.versions[-1].fine
    if isinstance(fine, PerUnitFine):
        return {"quantity": draw(st.integers(fine.quantity_from, fine.quantity_to or 50))}
    if isinstance(fine, BandedFine):
        low = fine.bands[0].from_
        value = draw(st.integers(low, low + 2_000))
        key = "quantity" if fine.criterion == "quantity" else fine.criterion
        if fine.criterion != "quantity":
            # A clause whose top bands are not bundled ends below: stay within what it covers.
            top = fine.bands[-1].below
            value = draw(st.integers(low, 400_000_000 if top is None else top - 1))
        return {key: value}
    return {}


@st.composite
def facts(draw: st.DrawFn) -> tuple[Provision, dict[str, object]]:
    provision = draw(st.sampled_from(FINED))
    day = _day_in_force(provision)
    citation = provision.citation
    fine = provision.versions[-1].fine
    if isinstance(fine, PointFrames):
        citation = citation.model_copy(update={"point": draw(st.sampled_from(sorted(fine.points)))})
    fact: dict[str, object] = {
        "provision": citation.format(), "committed_on": day.isoformat(),
        "ended_on": day.isoformat(), "detected_on": day.isoformat(),
        "mitigating": draw(st.lists(st.sampled_from(MITIGATING), unique=True, max_size=3)),
        "aggravating": draw(st.lists(st.sampled_from(AGGRAVATING), unique=True, max_size=3)),
    }
    fact |= _extra(provision, draw)
    return provision, fact


def _assess(kind: str, fact: dict[str, object], decided: date):  # type: ignore[no-untyped-def]
    return assess({"offender": {"kind": kind}, "decided_on": decided.isoformat(),
                   "violations": [fact]}).violations[0]


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(facts(), st.sampled_from(["individual", "organization"]))
def test_fine_lies_in_interval_and_frame(pf: tuple[Provision, dict[str, object]], kind: str) -> None:
    provision, fact = pf
    v = _assess(kind, fact, _day_in_force(provision) + timedelta(days=30))
    assert v.fine_min is not None and v.fine_max is not None and v.fine is not None
    assert v.fine_interval is not None and v.fine_interval.contains(v.fine)
    assert v.fine_min <= v.fine <= v.fine_max


@SETTINGS
@given(facts())
def test_individual_frame_is_half_the_organisation_frame(pf: tuple[Provision, dict[str, object]]) -> None:
    provision, fact = pf
    decided = _day_in_force(provision) + timedelta(days=30)
    ind = _assess("individual", fact, decided)
    org = _assess("organization", fact, decided)
    applied = CATALOG.provisions[(str(ind.document), ind.provision.article, ind.provision.clause)]
    rules = CATALOG.rules_for(applied.document)
    assert rules is not None
    assert ind.fine_min is not None and ind.fine_max is not None
    assert org.fine_min is not None and org.fine_max is not None
    if rules.stated_base(applied.citation).value == "organization":
        assert ind.fine_max == org.fine_max // 2
        assert ind.fine_min == org.fine_min - org.fine_min // 2
    else:
        assert org.fine_min == 2 * ind.fine_min and org.fine_max == 2 * ind.fine_max


@SETTINGS
@given(facts(), st.sampled_from(AGGRAVATING), st.sampled_from(MITIGATING))
def test_circumstances_move_the_fine_the_right_way(pf: tuple[Provision, dict[str, object]],
                                                   extra_a: str, extra_m: str) -> None:
    provision, fact = pf
    decided = _day_in_force(provision) + timedelta(days=30)
    base = _assess("organization", fact, decided).fine
    aggravating = list(fact["aggravating"])  # type: ignore[call-overload]
    mitigating = list(fact["mitigating"])  # type: ignore[call-overload]
    if extra_a not in aggravating:
        more = _assess("organization", fact | {"aggravating": [*aggravating, extra_a]}, decided)
        assert more.fine is not None and base is not None and more.fine >= base
    if extra_m not in mitigating:
        less = _assess("organization", fact | {"mitigating": [*mitigating, extra_m]}, decided)
        assert less.fine is not None and base is not None and less.fine <= base


def test_fine_frame_types_are_covered() -> None:
    kinds = {type(v.fine) for p in FINED for v in p.versions if v.fine}
    assert kinds == {FineFrame, PerUnitFine, BandedFine, PointFrames}


def _cited_documents(result: Assessment) -> list[Citation]:
    out: list[Citation] = []
    for trace in (result.trace, *(v.trace for v in result.violations)):
        for s in trace:
            for c in s.citations:
                while c is not None:
                    out.append(c)
                    c = c.amended_by
    return out


@given(facts(), st.integers(min_value=2, max_value=700))
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
def test_a_trace_cites_only_law_in_force_on_the_decision_day(
        pf: tuple[Provision, dict[str, object]], later: int) -> None:
    provision, fact = pf
    decided = _day_in_force(provision) + timedelta(days=later)
    result = assess({"offender": {"kind": "organization"}, "decided_on": decided.isoformat(),
                     "violations": [fact]})
    for citation in _cited_documents(result):
        if citation.document is None or str(citation.document) not in CATALOG.entries:
            continue
        document = CATALOG.document(citation.document)
        assert document.effective_from <= decided, (
            f"{citation.format()} cited in a decision of {decided} (in force from "
            f"{document.effective_from})")


def test_a_2020_decision_cites_only_law_in_force_in_2020() -> None:
    result = assess({"offender": {"kind": "individual"}, "decided_on": "2020-09-15",
                     "violations": [{"provision": "khoản 1 Điều 101 Nghị định 15/2020/NĐ-CP",
                                     "committed_on": "2020-08-01", "ended_on": "2020-08-01",
                                     "detected_on": "2020-08-10", "mitigating": ["confessed"]}]})
    cited = {str(c.document) for c in _cited_documents(result) if c.document is not None}
    assert cited, "the trace cites its bases"
    for number in cited:
        assert CATALOG.document(number).effective_from <= date(2020, 9, 15), number
    assert "118/2021/NĐ-CP" not in cited and "67/2020/QH14" not in cited and "68/2025/NĐ-CP" not in cited
