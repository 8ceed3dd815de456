"""The bundled legal data against the official texts (issue 8, data items).

Each test names the clause of the decree it was checked against. The figures and the
wording of conditions are the catalog's; the tests fail when a measure loses its points,
its condition or its place in the text.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from penalty_rules import Provision, assess, bundled_catalog, parse_citation
from penalty_rules.models.provision import Measure

CATALOG = bundled_catalog()
DECREE = "174/2026/NĐ-CP"


def provision(text: str) -> Provision:
    c = parse_citation(text)
    return CATALOG.provisions[(str(c.document), c.article, c.clause)]


def measures(text: str, kind: str) -> list[Measure]:
    version = provision(text).versions[-1]
    return list(getattr(version, kind))


def sanctions(text: str) -> list[Measure]:
    return measures(text, "additional_sanctions")


def remedies(text: str) -> list[Measure]:
    return measures(text, "remedial_measures")


def one(found: list[Measure], code: str) -> Measure:
    hits = [m for m in found if m.code == code]
    assert len(hits) == 1, f"{code}: {len(hits)} entries"
    return hits[0]


def cite(article: int, clause: int) -> str:
    return f"khoản {clause} Điều {article} Nghị định {DECREE}"


# ---------------------------------------------------------------- measures on the points named

# (article, clause, list, code, points) — the text's sanction or remedy clause names these points
POINTS = [
    (8, 4, "remedial_measures", "surrender_illegal_profit", ("a",)),          # Art. 8(5)(a)
    (8, 3, "remedial_measures", "return_licence", ("a",)),                    # Art. 8(5)(b)
    (12, 4, "remedial_measures", "return_postal_items", ("b", "c")),          # Art. 12(6)
    (28, 3, "remedial_measures", "other_remedy", ("a", "b", "c", "d")),       # Art. 28(4)(b)
    (36, 3, "additional_sanctions", "activity_suspension", ("b", "c", "đ")),  # Art. 36(4)
    (46, 3, "remedial_measures", "surrender_illegal_profit", ("h",)),         # Art. 46(6)
    (46, 3, "additional_sanctions", "activity_suspension", ("b", "d", "e", "h")),  # Art. 46(5)(a)
    (46, 4, "remedial_measures", "surrender_illegal_profit", ("c", "đ")),     # Art. 46(6)
    (46, 4, "additional_sanctions", "activity_suspension", ("a", "c", "đ")),  # Art. 46(5)(b)
    (47, 2, "remedial_measures", "recall", ("b", "d")),                       # Art. 47(4)(b)
    (73, 2, "remedial_measures", "return_licence", ("b", "c")),               # Art. 73(3)
    (92, 2, "additional_sanctions", "confiscation", ("a",)),                  # Art. 92(3)
    (92, 2, "remedial_measures", "recall_domain", ("a",)),                    # Art. 92(4)
    (96, 3, "additional_sanctions", "confiscation", ("b", "g", "h", "q")),    # Art. 96(8)(b)
    (96, 3, "remedial_measures", "recall_domain", ("b",)),                    # Art. 96(9)(c)
    (96, 4, "additional_sanctions", "confiscation", ("a",)),                  # Art. 96(8)(b)
    (96, 4, "remedial_measures", "surrender_illegal_profit", ("b",)),         # Art. 96(9)(a)
    (96, 4, "remedial_measures", "recall_numbers", ("b",)),                   # Art. 96(9)(b)
    (96, 5, "remedial_measures", "surrender_illegal_profit", ("a",)),         # Art. 96(9)(a)
]


@pytest.mark.parametrize(("article", "clause", "kind", "code", "points"), POINTS,
                         ids=[f"{a}({c})-{code}" for a, c, _, code, _ in POINTS])
def test_measure_limited_to_the_points_the_text_names(
        article: int, clause: int, kind: str, code: str, points: tuple[str, ...]) -> None:
    assert one(measures(cite(article, clause), kind), code).points == points


# (article, clause, list, code) — the text gives this clause no such measure
ABSENT = [
    (46, 1, "remedial_measures", "surrender_illegal_profit"),   # Art. 46(6) names clauses 3, 4
    (59, 1, "remedial_measures", "keep_records"),               # Art. 59(5) names clause 4
    (60, 1, "remedial_measures", "keep_records"),               # Art. 60(4) names clause 3
    (60, 2, "remedial_measures", "keep_records"),
    (97, 1, "remedial_measures", "remove_content"),             # Art. 97(3) names clause 2
    (61, 4, "remedial_measures", "surrender_illegal_profit"),   # Art. 61(8): refund OR surrender
    (61, 5, "remedial_measures", "surrender_illegal_profit"),
]


@pytest.mark.parametrize(("article", "clause", "kind", "code"), ABSENT,
                         ids=[f"{a}({c})-{code}" for a, c, _, code in ABSENT])
def test_measure_the_text_does_not_give(article: int, clause: int, kind: str, code: str) -> None:
    assert code not in [m.code for m in measures(cite(article, clause), kind)]


def test_art_61_refund_or_surrender() -> None:
    assert one(remedies(cite(61, 4)), "refund_or_surrender_profit").points == ("d",)
    assert one(remedies(cite(61, 5)), "refund_or_surrender_profit").points == (
        "b", "c", "đ", "e", "g")


def test_art_94_3_second_remedy_is_the_domain_recall() -> None:
    """Art. 94(5)(a) content removal and (b) domain recall / app removal, not two removals."""
    assert [m.code for m in remedies(cite(94, 3))] == ["remove_content", "recall_domain"]


def test_art_102_6_bands_are_goods_value_in_vnd() -> None:
    fine = provision(cite(102, 6)).versions[-1].fine
    assert fine is not None and fine.kind == "banded"
    assert fine.criterion == "goods_value"
    assert "đồng" in fine.unit.vi and "VND" in fine.unit.en


def test_art_28_2_bands_by_number_of_subscribers() -> None:
    """Art. 28(1) covers 1–5 subscribers; 28(2) 6–10, 11–15 and 16 or more."""
    first = provision(cite(28, 1)).versions[-1].fine
    assert first is not None and first.quantity_to == 5
    fine = provision(cite(28, 2)).versions[-1].fine
    assert fine is not None and fine.kind == "banded" and fine.criterion == "quantity"
    assert [(b.from_, b.below, b.min, b.max) for b in fine.bands] == [
        (6, 11, 100_000_000, 140_000_000), (11, 16, 140_000_000, 170_000_000),
        (16, None, 170_000_000, 200_000_000)]


def test_art_28_2_twelve_subscribers_take_band_b() -> None:
    result = assess({"offender": {"kind": "organization"}, "decided_on": "2026-10-01",
                     "violations": [{"provision": f"điểm c {cite(28, 1)}", "committed_on": "2026-08-01",
                                     "ended_on": "2026-08-01", "detected_on": "2026-08-10"}]},
                    today=date(2026, 12, 2))
    assert result.violations[0].fine_max == 100_000_000
    result = assess({"offender": {"kind": "organization"}, "decided_on": "2026-10-01",
                     "violations": [{"provision": cite(28, 2), "committed_on": "2026-08-01",
                                     "ended_on": "2026-08-01", "detected_on": "2026-08-10",
                                     "quantity": 12}]},
                    today=date(2026, 12, 2))
    v = result.violations[0]
    assert (v.fine_min, v.fine_max) == (140_000_000, 170_000_000)


# ---------------------------------------------------------------- conditions as data (item 6)

EXPULSIONS = [(16, 8), (21, 2), (21, 3), (91, 3)]  # Arts. 16(9)(b), 21(4)(b), 91(4)(b)


def test_every_expulsion_of_174_2026_is_found() -> None:
    """The text sanctions expulsion in exactly these clauses; each is for foreigners only."""
    found = sorted((int(p.article), int(p.clause or 0)) for p in CATALOG.provisions_of(
        parse_citation(f"Điều 1 Nghị định {DECREE}").document)
        if any(m.code == "expulsion" for m in p.versions[-1].additional_sanctions))
    assert found == EXPULSIONS


@pytest.mark.parametrize(("article", "clause"), EXPULSIONS)
def test_expulsion_only_for_foreigners(article: int, clause: int) -> None:
    condition = one(sanctions(cite(article, clause)), "expulsion").condition
    assert condition is not None
    assert "nước ngoài" in condition.vi and "foreign" in condition.en


def test_vietnamese_individual_under_art_16_8_gets_no_unconditional_expulsion() -> None:
    result = assess({"offender": {"kind": "individual"}, "decided_on": "2026-09-01",
                     "violations": [{"provision": cite(16, 8), "committed_on": "2026-08-01",
                                     "ended_on": "2026-08-01", "detected_on": "2026-08-05"}]},
                    today=date(2026, 12, 2))
    applied = [m for m in result.violations[0].additional_sanctions if m.code == "expulsion"]
    assert applied and all(m.condition is not None for m in applied)


ART_66_CONFISCATIONS = [2, 3, 4, 5, 8, 9, 10, 11]  # Art. 66(12)(c)


@pytest.mark.parametrize("clause", ART_66_CONFISCATIONS)
def test_art_66_confiscation_only_of_uncertified_equipment(clause: int) -> None:
    condition = one(sanctions(cite(66, clause)), "confiscation").condition
    assert condition is not None and "hợp quy" in condition.vi and "conformity" in condition.en


@pytest.mark.parametrize("clause", [2, 3])  # Art. 94(4)(b)
def test_art_94_withdraws_the_social_network_licence(clause: int) -> None:
    assert "mạng xã hội" in one(sanctions(cite(94, clause)), "licence_withdrawal").label.vi


@pytest.mark.parametrize("clause", [5, 6, 7])  # Art. 96(8)(a)
def test_art_96_withdraws_the_social_network_licence(clause: int) -> None:
    measure = one(sanctions(cite(96, clause)), "licence_withdrawal")
    assert "mạng xã hội" in measure.label.vi and "social-network" in measure.label.en
    assert measure.duration is not None
    assert (measure.duration.min_months, measure.duration.max_months) == (22, 24)


CHANGE_OF_PURPOSE = [(53, 3), (72, 2), (72, 3), (75, 1)]  # Arts. 53(4)(c), 72(5)(c), 75(2)(c)


@pytest.mark.parametrize(("article", "clause"), CHANGE_OF_PURPOSE)
def test_change_of_purpose_first_reexport_only_as_fallback(article: int, clause: int) -> None:
    found = remedies(cite(article, clause))
    codes = [m.code for m in found]
    assert "remove_or_reexport" not in codes
    main = one(found, "change_purpose")
    fallback = one(found, "recycle_or_reexport")
    assert main.alternative_to is None
    assert fallback.alternative_to == "change_purpose"
    assert codes.index("change_purpose") < codes.index("recycle_or_reexport")
    assert fallback.condition is not None and fallback.condition.en


def test_new_measure_codes_are_registered_remedies() -> None:
    for code in ("change_purpose", "recycle_or_reexport"):
        registered = CATALOG.measure_types[code]
        assert registered.kind == "remedy"
        assert "Điều 28" in registered.basis.format()


def test_art_26_6_suspension_only_for_public_networks() -> None:
    condition = one(sanctions(cite(26, 6)), "new_subscriber_suspension").condition
    assert condition is not None and "công cộng" in condition.vi


def test_conditions_are_written_in_both_languages() -> None:
    missing = []
    for p in CATALOG.provisions_of(parse_citation(f"Điều 1 Nghị định {DECREE}").document):
        for version in p.versions:
            for m in (*version.additional_sanctions, *version.remedial_measures):
                if m.condition is not None and not (m.condition.vi.strip() and m.condition.en.strip()):
                    missing.append(f"{p.citation.format()} {m.code}")
    assert missing == []


# ---------------------------------------------------------------- offence elements (item 7)

# (article, clause, elements) — the act of the clause contains these circumstances
ELEMENTS = [
    (78, 7, ("continued_after_order",)),   # interference after a stop request
    (44, 3, ("continued_after_order",)),   # numbers used after a recall decision
    (66, 5, ("continued_after_order",)),   # transmitting despite recall or stop request
    (91, 2, ("vulnerable_victims",)),      # child protection
    (28, 2, ("large_scale",)),             # bands by number of subscribers
    (34, 6, ("large_scale",)),             # bands by number of registration points
    (102, 6, ("large_scale",)),            # bands by goods value
]


@pytest.mark.parametrize(("article", "clause", "elements"), ELEMENTS,
                         ids=[f"{a}({c})" for a, c, _ in ELEMENTS])
def test_offence_elements(article: int, clause: int, elements: tuple[str, ...]) -> None:
    assert provision(cite(article, clause)).elements == elements


def test_elements_are_aggravating_circumstances_of_the_law() -> None:
    aggravating = {c.code for c in CATALOG.circumstances.values() if c.kind == "aggravating"}
    listed = {e for p in CATALOG.provisions.values() for e in p.elements}
    assert listed and listed <= aggravating


def test_a_clause_without_the_element_still_counts_it() -> None:
    """Art. 78(6) is not defined by a stop order: the circumstance raises the fine there."""
    result = assess({"offender": {"kind": "organization"}, "decided_on": "2026-09-01",
                     "violations": [{"provision": f"điểm a {cite(78, 6)}", "committed_on": "2026-08-01",
                                     "ended_on": "2026-08-01", "detected_on": "2026-08-05",
                                     "aggravating": ["continued_after_order"]}]},
                    today=date(2026, 12, 2))
    v = result.violations[0]
    assert v.fine is not None and v.fine_min is not None and v.fine_max is not None
    assert v.fine > (v.fine_min + v.fine_max) // 2


# ---------------------------------------------------------------- Art. 113 division (item 3)

RULES = CATALOG.rules_for(parse_citation(f"Điều 1 Nghị định {DECREE}").document)
SCOPES = RULES.competence_scope if RULES is not None else ()
CODES_174 = {r.code for r in CATALOG.competence if str(r.document) == DECREE}


def scope_of(code: str):  # type: ignore[no-untyped-def]
    found = [s for s in SCOPES if code in s.officials]
    assert len(found) == 1, f"{code} is in {len(found)} scope entries"
    return found[0]


def test_every_scope_names_real_officials_and_art_113() -> None:
    assert len(SCOPES) >= 18
    for scope in SCOPES:
        assert set(scope.officials) <= CODES_174
        assert scope.basis.article == "113"
        assert str(scope.basis.document) == DECREE


def test_every_official_of_chapter_vii_has_its_scope() -> None:
    """Art. 113 divides the competence of every official it titles."""
    listed = {code for s in SCOPES for code in s.officials}
    assert listed >= CODES_174


def covers(code: str, text: str, chapter: str) -> bool:
    return scope_of(code).covers(parse_citation(text), chapter)


@pytest.mark.parametrize("code", ["nd174_104_2", "nd174_104_6", "nd174_104_9"])
def test_standards_officials_only_for_their_articles(code: str) -> None:
    """Art. 113(1)(b), (e), (i): Arts. 15, 53–55, 59(1), 72(2), 76."""
    assert covers(code, cite(53, 3), "III")
    assert covers(code, cite(59, 1), "III")
    assert covers(code, cite(72, 2), "IV")
    assert covers(code, cite(15, 1), "II")
    assert not covers(code, cite(34, 7), "III")
    assert not covers(code, cite(59, 2), "III")
    assert not covers(code, cite(72, 3), "IV")


def test_customs_only_for_export_and_import_acts() -> None:
    """Art. 113(8)."""
    scope = scope_of("nd174_111_4")
    assert scope.condition is not None and "nhập khẩu" in scope.condition.vi
    assert covers("nd174_111_1", f"khoản 6 Điều 103 Nghị định {DECREE}", "VI")
    assert covers("nd174_111_1", cite(53, 3), "III")
    assert not covers("nd174_111_1", cite(34, 7), "III")


def test_culture_officials_only_for_section_2_of_chapter_vi() -> None:
    """Art. 113(1)(d), (k): Arts. 92–101."""
    for code in ("nd174_culture_director", "nd174_104_10"):
        assert covers(code, cite(92, 2), "VI") and covers(code, cite(101, 1), "VI")
        assert not covers(code, cite(91, 3), "VI") and not covers(code, cite(102, 6), "VI")


def test_telecom_authority_only_for_chapters_iii_and_iv() -> None:
    """Art. 113(1)(a), (đ), (h)."""
    assert covers("nd174_telecom_authority_director", cite(34, 7), "III")
    assert not covers("nd174_telecom_authority_director", cite(92, 2), "VI")
    assert covers("nd174_frequency_centre_director", cite(66, 5), "IV")
    assert not covers("nd174_frequency_centre_director", cite(34, 7), "III")


@pytest.mark.parametrize("code", ["nd174_police_officer", "nd174_108_1", "nd174_109_7",
                                  "nd174_110_4", "nd174_112_1", "nd174_ministry_chief_inspector"])
def test_duty_bound_officials_keep_every_act_with_the_condition(code: str) -> None:
    """Art. 113(4)–(7), (9): within their assigned duties — shown, not dropped."""
    scope = scope_of(code)
    assert not scope.chapters and not scope.parts
    assert scope.condition is not None
    assert "nhiệm vụ" in scope.condition.vi and "duties" in scope.condition.en
    assert covers(code, cite(34, 7), "III")


# ---------------------------------------------------------------- official titles in words (item 3)

RULES_174 = [r for r in CATALOG.competence if str(r.document) == DECREE]


@pytest.mark.parametrize("rule", RULES_174, ids=[r.code for r in RULES_174])
def test_official_titles_are_whole_words_without_cross_references(rule) -> None:  # type: ignore[no-untyped-def]
    for text in (rule.official.vi, rule.official.en):
        assert "…" not in text and "..." not in text
        assert "Điều này" not in text and "khoản" not in text
        assert "this Article" not in text
    assert not rule.official.en.startswith("Official(s) of"), "the own-words title is missing"


def test_every_generated_official_has_an_own_words_title() -> None:
    import tomllib
    from pathlib import Path

    labels = Path(__file__).resolve().parent.parent / "tools" / "labels" / "competence-174-2026.toml"
    with labels.open("rb") as f:
        titles = tomllib.load(f)
    generated = {r.code for r in RULES_174 if r.code.split("_")[-1].isdigit()}
    assert generated <= set(titles)
    for code in generated:
        rule = next(r for r in RULES_174 if r.code == code)
        assert rule.official.vi == titles[code]["vi"]


# ---------------------------------------------------------------- 119/2020, 98/2020, 189/2025 (item 3)

def competent_codes(provision_text: str, day: str, kind: str, **facts: int) -> list[str]:
    result = assess({"offender": {"kind": kind}, "decided_on": day,
                     "violations": [{"provision": provision_text, "committed_on": day,
                                     "ended_on": day, "detected_on": day, **facts}]},
                    today=date(2026, 12, 2))
    return [c.code for c in result.competent]


def test_a_98_2020_decision_of_2024_has_competent_officials() -> None:
    codes = competent_codes("khoản 1 Điều 15 Nghị định 98/2020/NĐ-CP", "2024-05-10", "individual",
                            goods_value=8_000_000)
    assert codes and all(c.startswith("nd98_") for c in codes)


def test_a_119_2020_decision_of_2024_has_competent_officials() -> None:
    codes = competent_codes("khoản 1 Điều 5 Nghị định 119/2020/NĐ-CP", "2024-03-01", "organization")
    assert "nd119_department_chief_inspector" in codes


@pytest.mark.parametrize("prefix", ["nd119_", "nd98_"])
def test_old_decree_competence_ends_when_189_2025_takes_over(prefix: str) -> None:
    rules = [r for r in CATALOG.competence if r.code.startswith(prefix)]
    assert len(rules) >= 5
    for rule in rules:
        assert rule.valid_from <= date(2021, 1, 1)
        assert rule.provenance.source.strip()
    assert all(r.code not in {x.code for x in CATALOG.competence_on(date(2025, 7, 1))} for r in rules)
    assert all(r.code in {x.code for x in CATALOG.competence_on(date(2025, 6, 30))} for r in rules)


def test_189_2025_percentages() -> None:
    """general-law.md §6 and bodies-2025.md §1: chairs 50/100 %, directors 80 %, QLTT 10/30/50/100 %."""
    percents = {r.code: r.percent for r in CATALOG.competence_on(date(2025, 7, 1))
                if str(r.document) == "189/2025/NĐ-CP"}
    assert percents == {"nd189_commune_chair": 50, "nd189_province_chair": 100,
                        "nd189_department_director": 80, "nd189_market_controller": 10,
                        "nd189_market_team_head": 30, "nd189_market_subdepartment_head": 50,
                        "nd189_domestic_market_director": 100}


# ---------------------------------------------------------------- 15/2020 Chapter VIII (item 3)

def test_15_2020_district_chair_division_is_shown_as_a_condition() -> None:
    """Art. 120(1)(b): the list was read only in part, so it limits nobody and is shown."""
    rules = CATALOG.rules_for(parse_citation("Điều 1 Nghị định 15/2020/NĐ-CP").document)
    assert rules is not None
    scope = next(s for s in rules.competence_scope if "nd15_district_chair" in s.officials)
    assert not scope.chapters and not scope.parts
    assert scope.condition is not None and "Điều 120" in scope.condition.vi
    assert scope.basis.article == "120"


def test_15_2020_competence_caps_from_14_2022() -> None:
    """telecom-decrees.md §3.2: Art. 115(2), (3) and 116(5) as amended by Decree 14/2022."""
    caps = {r.code: (r.cap_for("telecom"), r.cap_for("postal")) for r in CATALOG.competence
            if str(r.document) == "15/2020/NĐ-CP"}
    assert caps["nd15_district_chair"] == (100_000_000, 40_000_000)
    assert caps["nd15_province_chair"] == (200_000_000, 80_000_000)
    assert caps["nd15_provincial_police_director"] == (100_000_000, 40_000_000)


def test_no_174_2026_remedy_says_only_see_the_text() -> None:
    """Every remedy the text names is labelled (ingest recorded some as other_remedy)."""
    generic = CATALOG.measure_types["other_remedy"].label
    vague = [f"{p.citation.format()}" for p in CATALOG.provisions_of(
        parse_citation(f"Điều 1 Nghị định {DECREE}").document)
        for m in p.versions[-1].remedial_measures if m.code == "other_remedy" and m.label == generic]
    assert vague == []


@pytest.mark.parametrize(("clause", "code", "points"), [
    (2, "keep_client_records", ("b",)),      # Art. 102(10)(b)
    (2, "report", ("c",)),                   # Art. 102(10)(a)
    (4, "declare_use", ("c",)),              # Art. 102(10)(c)
    (5, "provide_key_information", ("c",)),  # Art. 102(10)(d)
])
def test_art_102_remedies_named(clause: int, code: str, points: tuple[str, ...]) -> None:
    assert one(remedies(cite(102, clause)), code).points == points


# ---------------------------------------------------------------- measures against the official text

def _official_text():  # type: ignore[no-untyped-def]
    from pathlib import Path

    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "reference" / "texts" / "nd-174-2026.md"
        if candidate.exists():
            return candidate
    return None


FAMILIES = [("tịch thu", {"confiscation"}), ("trục xuất", {"expulsion"}),
            ("tước quyền sử dụng", {"licence_withdrawal", "code_withdrawal"}),
            ("phát triển thuê bao mới", {"new_subscriber_suspension"}),
            ("số lợi bất hợp pháp", {"surrender_illegal_profit", "refund_or_surrender_profit"})]
REFERENCE = re.compile(r"(?:(?:các )?điểm ((?:[a-zđ]\b[\s,]*(?:và\s+)?(?:điểm\s+)?)+))?"
                       r"(?:các )?khoản ((?:\d+\b[\s,]*(?:và\s+)?)+)")


def _named(text: str) -> set[tuple[str, str | None]]:
    """(clause, point) pairs a sanction or remedy item refers to; point None = whole clause."""
    found: set[tuple[str, str | None]] = set()
    for m in REFERENCE.finditer(re.sub(r"\s+", " ", text)):
        points = re.findall(r"\b([a-zđ])\b", m[1]) if m[1] else []
        clauses = re.findall(r"\d+", m[2])
        found |= {(clauses[0], p) for p in points}
        found |= {(c, None) for c in (clauses[1:] if points else clauses)}
    return found


def test_measures_agree_with_the_sanction_and_remedy_clauses_of_the_text() -> None:
    """For each kind of measure the text names by keyword, the clauses and points it names
    are those the catalog attaches it to (Chapters II–VI of Decree 174/2026)."""
    from penalty_rules.ingest.structure import split_articles

    source = _official_text()
    if source is None:
        pytest.skip("the official text of Decree 174/2026 is not available")
    articles = {a.number: a for a in split_articles(source.read_text(encoding="utf-8"))}
    problems = []
    for p in CATALOG.provisions_of(parse_citation(f"Điều 1 Nghị định {DECREE}").document):
        article = articles.get(p.article)
        if article is None or p.clause is None:
            continue
        version = p.versions[-1]
        for head, found in (("Hình thức xử phạt bổ sung", version.additional_sanctions),
                            ("Biện pháp khắc phục", version.remedial_measures)):
            items = [pt.text if pt else c.text for c in article.clauses if c.text.startswith(head)
                     for pt in (c.points or (None,))]
            for word, codes in FAMILIES:
                named = set().union(*[_named(t) for t in items if word in t.lower()])
                wanted = {pt for c, pt in named if c == p.clause}
                mine = [m for m in found if m.code in codes and not m.bands]
                if wanted and not mine and not any(m.code in codes for m in found):
                    problems.append(f"{p.article}({p.clause}) lacks '{word}' for {sorted(map(str, wanted))}")
                for m in mine:
                    if not wanted:
                        problems.append(f"{p.article}({p.clause}) {m.code}: the text gives it no such measure")
                    elif None not in wanted and (not m.points or not set(m.points) <= wanted):
                        problems.append(f"{p.article}({p.clause}) {m.code}: points {m.points}, text {sorted(map(str, wanted))}")
    assert problems == []
