"""The bundled catalog: provenance on every figure, consistency, figures from the reference."""

from __future__ import annotations

from datetime import date

import pytest

from penalty_rules import (
    BandedFine,
    Catalog,
    FineBase,
    FineFrame,
    PerUnitFine,
    Provision,
    Status,
    bundled_catalog,
    parse_citation,
)

CATALOG = bundled_catalog()
PROVISIONS = sorted(CATALOG.provisions.values(), key=lambda p: p.citation.sort_key())


def _ids(p: Provision) -> str:
    return p.citation.format("short")


def _amounts(p: Provision) -> list[tuple[int, int]]:
    out = []
    for v in p.versions:
        fine = v.fine
        if isinstance(fine, FineFrame):
            out.append((fine.min, fine.max))
        elif isinstance(fine, PerUnitFine):
            top = fine.quantity_to or 1
            out.append((fine.min, fine.max * top))
        elif isinstance(fine, BandedFine):
            out += [(b.min, b.max) for b in fine.bands]
    return out


def test_every_figure_has_provenance() -> None:
    missing = []
    for p in PROVISIONS:
        for v in p.versions:
            if len(v.provenance.source.strip()) < 3:
                missing.append(p.citation.format())
        if p.successor is not None and len(p.successor.provenance.source.strip()) < 3:
            missing.append(f"{p.citation.format()} successor")
    for s in CATALOG.sectors.values():
        missing += [f"{s.code} max" for m in s.maxima if len(m.provenance.source) < 3]
        missing += [f"{s.code} limitation" for m in s.limitation if len(m.provenance.source) < 3]
    for rule in CATALOG.competence:
        if len(rule.provenance.source) < 3:
            missing.append(rule.code)
    for entry in CATALOG.entries.values():
        if len(entry.document.provenance.source) < 3:
            missing.append(str(entry.document.number))
    assert missing == []


def test_memory_figures_are_flagged_for_users() -> None:
    memory = [v for p in PROVISIONS for v in p.versions if v.provenance.status is Status.MEMORY]
    for version in memory:
        assert version.provenance.flag == "UNVERIFIED_MEMORY"
    assert CATALOG.document("174/2013/NĐ-CP").provenance.flag == "UNVERIFIED_MEMORY"


@pytest.mark.parametrize("provision", PROVISIONS, ids=_ids)
def test_frames_are_ordered_and_within_the_sector_maximum(provision: Provision) -> None:
    rules = CATALOG.rules_for(provision.document)
    assert rules is not None, f"{provision.document} has no rules block"
    base = rules.stated_base(provision.citation)
    for version in provision.versions:
        day = max(version.valid_from, CATALOG.document(provision.document).effective_from)
        found = CATALOG.sector_cap(provision.document, provision.sector, base, day)
        cap = found.amount if found else None
        for low, high in _amounts(provision):
            assert 0 < low <= high
            if cap is not None:
                assert high <= cap, f"{provision.citation}: {high} above {cap} for {base}"


@pytest.mark.parametrize("provision", PROVISIONS, ids=_ids)
def test_cross_references_resolve(provision: Provision) -> None:
    for version in provision.versions:
        fine = version.fine
        beyond = getattr(fine, "beyond", None)
        if beyond is not None:
            target = beyond.with_document(provision.document) if beyond.document is None else beyond
            assert (str(target.document), target.article, target.clause) in CATALOG.provisions
    if provision.successor is not None:
        assert CATALOG.successor_of(provision) is not None


def test_bundled_counts() -> None:
    count = {str(e.document.number): len(CATALOG.provisions_of(e.document.number))
             for e in CATALOG.entries.values()}
    # Every CONFIRMED row A01–A46 of telecom-decrees.md §4A is bundled (clause level).
    assert count["174/2026/NĐ-CP"] == 346  # every fine clause of Chapters II–VI
    assert count["15/2020/NĐ-CP"] == 44
    assert count["174/2013/NĐ-CP"] == 1


# Figures taken from ../shared/reference/telecom-decrees.md (organisation amounts).
REFERENCE_FIGURES = [
    ("khoản 1 Điều 7 Nghị định 174/2026/NĐ-CP", 3_000_000, 5_000_000),            # A01
    ("khoản 4 Điều 7 Nghị định 174/2026/NĐ-CP", 20_000_000, 30_000_000),           # A04
    ("khoản 1 Điều 11 Nghị định 174/2026/NĐ-CP", 10_000_000, 20_000_000),          # A06
    ("khoản 7 Điều 26 Nghị định 174/2026/NĐ-CP", 140_000_000, 170_000_000),        # A13
    ("khoản 7 Điều 34 Nghị định 174/2026/NĐ-CP", 30_000_000, 40_000_000),          # A24
    ("khoản 11 Điều 34 Nghị định 174/2026/NĐ-CP", 180_000_000, 200_000_000),       # A28
    ("khoản 1 Điều 66 Nghị định 174/2026/NĐ-CP", 600_000, 1_000_000),              # A37
    ("khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP", 20_000_000, 30_000_000),          # A41
    ("khoản 2 Điều 95 Nghị định 174/2026/NĐ-CP", 30_000_000, 50_000_000),          # A42
    ("khoản 5 Điều 96 Nghị định 174/2026/NĐ-CP", 50_000_000, 70_000_000),          # A45
    ("khoản 2 Điều 5 Nghị định 15/2020/NĐ-CP", 5_000_000, 7_000_000),              # B01
    ("khoản 3 Điều 32 Nghị định 15/2020/NĐ-CP", 30_000_000, 50_000_000),           # B08
    ("khoản 7 Điều 71 Nghị định 15/2020/NĐ-CP", 70_000_000, 100_000_000),          # B14
    ("khoản 6 Điều 94 Nghị định 15/2020/NĐ-CP", 60_000_000, 80_000_000),           # B19
    ("khoản 1 Điều 101 Nghị định 15/2020/NĐ-CP", 10_000_000, 20_000_000),          # B22
    ("khoản 2 Điều 101 Nghị định 15/2020/NĐ-CP", 20_000_000, 30_000_000),          # B24
    ("khoản 1 Điều 30 Nghị định 174/2013/NĐ-CP", 30_000_000, 40_000_000),          # C02
]


@pytest.mark.parametrize(("text", "low", "high"), REFERENCE_FIGURES)
def test_reference_figures(text: str, low: int, high: int) -> None:
    c = parse_citation(text)
    provision = CATALOG.provisions[(str(c.document), c.article, c.clause)]
    fine = provision.versions[-1].fine
    assert isinstance(fine, FineFrame)
    assert (fine.min, fine.max) == (low, high)


def test_sim_provisions_per_unit_and_bands() -> None:
    k1 = CATALOG.provisions[("174/2026/NĐ-CP", "34", "1")].versions[0].fine
    assert isinstance(k1, PerUnitFine)
    assert (k1.min, k1.max, k1.quantity_from, k1.quantity_to) == (200_000, 500_000, 1, 10)
    k2 = CATALOG.provisions[("174/2026/NĐ-CP", "34", "2")].versions[0].fine
    assert isinstance(k2, BandedFine)
    assert [(b.from_, b.below, b.min, b.max) for b in k2.bands] == [
        (11, 201, 5_000_000, 10_000_000), (201, 501, 10_000_000, 20_000_000),
        (501, None, 30_000_000, 50_000_000)]


def test_article_84_doubled_by_14_2022() -> None:
    versions = CATALOG.provisions[("15/2020/NĐ-CP", "84", "2")].versions
    assert [(v.fine.min, v.fine.max) for v in versions if isinstance(v.fine, FineFrame)] == [
        (20_000_000, 30_000_000), (40_000_000, 60_000_000)]


def test_repeal_list_of_174_2026(catalog: Catalog) -> None:
    repealed = catalog.provisions[("15/2020/NĐ-CP", "101", "1")]
    kept = catalog.provisions[("15/2020/NĐ-CP", "94", "6")]
    assert catalog.in_force(repealed, date(2026, 6, 30))
    assert not catalog.in_force(repealed, date(2026, 7, 1))
    assert catalog.in_force(kept, date(2026, 7, 1))  # Art. 94 is not in the repeal list
    assert kept.caveats  # … and users are told its later status is unverified


def test_sector_maxima_for_individuals_and_organisations(catalog: Catalog) -> None:
    rules = catalog.rules_for(catalog.document("174/2026/NĐ-CP").number)
    assert rules is not None
    day = date(2026, 8, 1)
    number = rules.document

    def cap(sector: str, base: FineBase) -> int | None:
        found = catalog.sector_cap(number, sector, base, day)
        return found.amount if found else None

    assert cap("postal", FineBase.INDIVIDUAL) == 40_000_000
    assert cap("postal", FineBase.ORGANIZATION) == 80_000_000
    assert cap("telecom", FineBase.ORGANIZATION) == 200_000_000
