"""Worked cases with concrete figures from the reference."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from penalty_rules import (
    Assessment,
    CaseError,
    NoApplicableVersion,
    ProvisionNotFound,
    UnknownCircumstance,
    assess,
    load_catalog,
    load_files,
)
from tests.conftest import case, violation, write

Run = Callable[..., Assessment]
ART95 = "điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP"
ART101 = "điểm a khoản 1 Điều 101 Nghị định 15/2020/NĐ-CP"


# -- the social-network provision on each side of 01/07/2026 -------------------------------
def test_act_ended_before_switch_uses_15_2020(run: Run) -> None:
    v = run("individual", "2026-08-10", ART95, "2026-06-01", "2026-06-20", "2026-07-15").violations[0]
    assert str(v.document) == "15/2020/NĐ-CP"
    assert v.provision.article == "101" and v.provision.clause == "1"
    assert (v.fine_min, v.fine_max, v.fine) == (5_000_000, 10_000_000, 7_500_000)
    rules = [s.rule for s in v.trace]
    assert "time.transition" in rules and "time.lenient" in rules
    transition = next(s for s in v.trace if s.rule == "time.transition")
    assert transition.citations[0].format() == "khoản 1 Điều 115 Nghị định 174/2026/NĐ-CP"


def test_act_ended_after_switch_uses_174_2026(run: Run) -> None:
    v = run("individual", "2026-08-10", ART101, "2026-07-05", "2026-07-06", "2026-07-15").violations[0]
    assert str(v.document) == "174/2026/NĐ-CP"
    assert v.provision.format() == "khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP"
    assert (v.fine_min, v.fine_max, v.fine) == (10_000_000, 15_000_000, 12_500_000)


def test_ongoing_act_detected_after_switch_uses_decree_at_detection(run: Run) -> None:
    v = run("organization", "2026-08-10", ART101, "2026-03-01", None, "2026-07-20").violations[0]
    assert str(v.document) == "174/2026/NĐ-CP"
    assert (v.fine_min, v.fine_max, v.fine) == (20_000_000, 30_000_000, 25_000_000)
    step = next(s for s in v.trace if s.rule == "time.transition")
    assert step.message == "time.transition_ongoing"
    assert step.citations[0].format() == "khoản 2 Điều 115 Nghị định 174/2026/NĐ-CP"
    assert v.limitation_expires_on == date(2027, 7, 20)  # counted from detection


def test_ongoing_act_detected_before_switch_uses_15_2020(run: Run) -> None:
    v = run("organization", "2026-08-10", ART95, "2026-03-01", None, "2026-06-10").violations[0]
    assert str(v.document) == "15/2020/NĐ-CP"
    assert (v.fine_min, v.fine_max) == (10_000_000, 20_000_000)


def test_social_network_individual_with_one_mitigating(run: Run) -> None:
    v = run("individual", "2026-08-10", ART95, "2026-07-20", "2026-07-20", "2026-07-25",
            mitigating=["confessed"]).violations[0]
    assert v.fine_interval is not None
    assert (v.fine_interval.low, v.fine_interval.high) == (10_000_000, 12_500_000)
    assert v.fine_interval.low_open and v.fine_interval.high_open
    assert v.fine == 11_250_000
    assert [m.code for m in v.remedial_measures] == ["remove_content"]


def test_amended_version_is_cited(run: Run) -> None:
    v = run("organization", "2026-01-10", "khoản 1 Điều 101 Nghị định 15/2020/NĐ-CP",
            "2025-11-01", "2025-11-02", "2025-12-01").violations[0]
    assert v.provision.format() == ("khoản 1 Điều 101 Nghị định 15/2020/NĐ-CP, được sửa đổi bởi "
                                    "khoản 37 Điều 1 Nghị định 14/2022/NĐ-CP")


# -- offender bases --------------------------------------------------------------------------
def test_game_player_amounts_are_for_individuals(run: Run) -> None:
    ind = run("individual", "2026-09-01", "khoản 3 Điều 101 Nghị định 174/2026/NĐ-CP",
              "2026-08-01", "2026-08-01", "2026-08-02").violations[0]
    org = run("organization", "2026-09-01", "khoản 3 Điều 101 Nghị định 174/2026/NĐ-CP",
              "2026-08-01", "2026-08-01", "2026-08-02").violations[0]
    assert (ind.fine_min, ind.fine_max) == (2_000_000, 3_000_000)
    assert (org.fine_min, org.fine_max) == (4_000_000, 6_000_000)


def test_warning_only_provision(run: Run) -> None:
    result = run("individual", "2026-09-01", "khoản 1 Điều 101 Nghị định 174/2026/NĐ-CP",
                 "2026-08-01", "2026-08-01", "2026-08-02")
    v = result.violations[0]
    assert v.warning_possible and v.fine is None and v.fine_min is None
    assert result.total_fine == 0


def test_household_business_is_fined_as_individual_with_visible_flag(run: Run) -> None:
    result = run("household_business", "2026-08-10", ART95, "2026-07-20", "2026-07-20",
                 "2026-07-25")
    assert result.fined_as == "individual"
    assert result.violations[0].fine_max == 15_000_000
    assert any("UNVERIFIED" in f for s in result.trace for f in s.flags)


# -- SIM and subscriber information ----------------------------------------------------------
def test_sim_per_number_for_an_individual_subscriber(run: Run) -> None:
    v = run("individual", "2026-09-01", "điểm đ khoản 1 Điều 34 Nghị định 174/2026/NĐ-CP",
            "2026-08-01", "2026-08-01", "2026-08-05", quantity=4).violations[0]
    # 200,000–500,000 per number × 4, halved for an individual (Art. 4(3)).
    assert (v.fine_min, v.fine_max) == (400_000, 1_000_000)
    assert v.fine == 700_000
    assert "CAVEAT" in v.flags


def test_sim_quantity_above_ten_moves_to_the_bands(run: Run) -> None:
    v = run("organization", "2026-09-01", "điểm a khoản 1 Điều 34 Nghị định 174/2026/NĐ-CP",
            "2026-08-01", "2026-08-01", "2026-08-05", quantity=300).violations[0]
    assert v.provision.format() == "điểm b khoản 2 Điều 34 Nghị định 174/2026/NĐ-CP"
    assert (v.fine_min, v.fine_max) == (10_000_000, 20_000_000)
    assert [m.code for m in v.additional_sanctions] == ["number_service_suspension"]


def test_operator_band_d_scales_the_suspension(run: Run) -> None:
    v = run("organization", "2026-09-01", "khoản 4 Điều 34 Nghị định 174/2026/NĐ-CP",
            "2026-08-01", "2026-08-01", "2026-08-05", quantity=150).violations[0]
    assert (v.fine_min, v.fine_max) == (80_000_000, 100_000_000)
    durations = {(m.code, m.duration.min_months, m.duration.max_months)
                 for m in v.additional_sanctions if m.duration}
    assert ("new_subscriber_suspension", 3, 4) in durations
    assert ("number_service_suspension", 10, 12) in durations


def test_small_quantity_on_a_banded_clause_moves_back(run: Run) -> None:
    v = run("organization", "2026-09-01", "khoản 4 Điều 34 Nghị định 174/2026/NĐ-CP",
            "2026-08-01", "2026-08-01", "2026-08-05", quantity=5).violations[0]
    assert v.provision.format() == "khoản 3 Điều 34 Nghị định 174/2026/NĐ-CP"


def test_quantity_is_required_for_per_unit_fines(run: Run) -> None:
    with pytest.raises(CaseError, match="quantity"):
        run("individual", "2026-09-01", "khoản 1 Điều 34 Nghị định 174/2026/NĐ-CP",
            "2026-08-01", "2026-08-01", "2026-08-05")


def test_goods_value_band_of_civil_cryptography(run: Run) -> None:
    v = run("organization", "2026-03-01", "khoản 6 Điều 93a Nghị định 15/2020/NĐ-CP",
            "2025-10-01", "2025-11-01", "2026-01-05", goods_value=120_000_000).violations[0]
    assert (v.fine_min, v.fine_max) == (80_000_000, 100_000_000)
    band = next(s for s in v.trace if s.rule == "frame.band")
    assert band.params["criterion"] == "goods_value" and band.params["value"] == 120_000_000


# -- limitation ------------------------------------------------------------------------------
def test_two_year_limitation_for_listed_points(run: Run) -> None:
    listed = run("organization", "2026-09-01", "điểm a khoản 1 Điều 11 Nghị định 174/2026/NĐ-CP",
                 "2026-07-10", "2026-07-10", "2026-07-20").violations[0]
    other = run("organization", "2026-09-01", "điểm b khoản 1 Điều 11 Nghị định 174/2026/NĐ-CP",
                "2026-07-10", "2026-07-10", "2026-07-20").violations[0]
    assert (listed.limitation_years, listed.limitation_expires_on) == (2, date(2028, 7, 10))
    assert (other.limitation_years, other.limitation_expires_on) == (1, date(2027, 7, 10))


def test_time_barred_act_is_left_out_of_the_total(run: Run) -> None:
    result = run("organization", "2026-11-27", "khoản 2 Điều 5 Nghị định 15/2020/NĐ-CP",
                 "2025-01-01", "2025-03-01", "2025-04-01")
    v = result.violations[0]
    assert v.time_barred and v.limitation_expires_on == date(2026, 3, 1)
    assert result.total_fine == 0
    assert result.competent == ()


# -- several acts ----------------------------------------------------------------------------
def test_several_acts_are_summed_and_competence_is_per_act() -> None:
    result = assess(case(
        "organization", "2026-09-15",
        violation("khoản 7 Điều 34 Nghị định 174/2026/NĐ-CP", "2026-07-02", "2026-07-03", "2026-08-01"),
        violation("khoản 8 Điều 34 Nghị định 174/2026/NĐ-CP", "2026-07-02", "2026-07-03", "2026-08-01"),
    ))
    assert [v.fine for v in result.violations] == [35_000_000, 50_000_000]
    assert result.total_fine == 85_000_000
    # Highest frame maximum is 60M: the commune chair (100M) is competent even though the
    # total is 85M, because competence is judged per act (Art. 52(2)).
    codes = [c.code for c in result.competent]
    assert "nd174_commune_chair" in codes
    assert "nd174_police_officer" not in codes


def test_fined_once_acts_get_one_fine_with_aggravation(run: Run) -> None:
    v = run("organization", "2026-09-01", "điểm b khoản 1 Điều 11 Nghị định 174/2026/NĐ-CP",
            "2026-07-05", "2026-07-30", "2026-08-01", times=4).violations[0]
    assert v.fined_once and v.times == 4
    # One aggravating circumstance (repeated) under Decree 68/2025: strictly above 15M.
    assert v.fine == 17_500_000


def test_other_repeated_acts_are_fined_each_time(run: Run) -> None:
    v = run("organization", "2026-09-01", "khoản 2 Điều 7 Nghị định 174/2026/NĐ-CP",
            "2026-07-05", "2026-07-30", "2026-08-01", times=3,
            aggravating=["repeated"]).violations[0]
    assert not v.fined_once
    assert (v.fine_per_act, v.fine) == (6_000_000, 18_000_000)
    assert any(s.message == "fine.repeated_dropped" for s in v.trace)


def test_fined_once_act_listed_twice_is_an_error() -> None:
    fact = violation("khoản 1 Điều 11 Nghị định 174/2026/NĐ-CP", "2026-07-05", "2026-07-30",
                     "2026-08-01")
    with pytest.raises(CaseError, match="times"):
        assess(case("organization", "2026-09-01", fact, fact))


# -- the lenient later rule ------------------------------------------------------------------
def test_later_harsher_amendment_is_not_applied(run: Run) -> None:
    v = run("organization", "2022-03-01", "khoản 2 Điều 84 Nghị định 15/2020/NĐ-CP",
            "2021-12-01", "2021-12-20", "2022-02-01").violations[0]
    assert (v.fine_min, v.fine_max) == (20_000_000, 30_000_000)
    lenient = next(s for s in v.trace if s.rule == "time.lenient")
    assert lenient.message == "lenient.kept"


LIGHTER = """format = 1

[document]
number = "174/2026/NĐ-CP"
overlay = true

[article.95]
title = { vi = "Thử", en = "Test" }
chapter = "VI"
sector = "information_technology"

[article.95.clause.1]
label = { vi = "Khung giả định nhẹ hơn", en = "Hypothetical lighter frame" }
fine = { kind = "frame", min = 5_000_000, max = 8_000_000 }
provenance = { source = "test fixture: hypothetical", status = "MEMORY" }
"""


def test_later_more_lenient_rule_applies(tmp_path: Path) -> None:
    catalog = load_files([write(tmp_path, "lighter.toml", LIGHTER)], load_catalog())
    result = assess(case("organization", "2026-08-10",
                         violation(ART101, "2026-05-01", "2026-05-02", "2026-07-15")), catalog)
    v = result.violations[0]
    assert str(v.document) == "174/2026/NĐ-CP"
    assert (v.fine_min, v.fine_max) == (5_000_000, 8_000_000)
    step = next(s for s in v.trace if s.rule == "time.lenient")
    assert step.message == "lenient.applied"
    assert step.citations[0].format() == "Điều 7 Nghị định 118/2021/NĐ-CP"


# -- errors ----------------------------------------------------------------------------------
def test_date_outside_every_version_lists_the_versions(run: Run) -> None:
    with pytest.raises(NoApplicableVersion) as info:
        run("organization", "2026-09-01", "khoản 7 Điều 34 Nghị định 174/2026/NĐ-CP",
            "2026-05-01", "2026-05-02", "2026-08-01")
    assert "2026-07-01 – open" in str(info.value)
    assert "2026-05-02" in str(info.value)


def test_unknown_provision_suggests_close_matches(run: Run) -> None:
    with pytest.raises(ProvisionNotFound) as info:
        run("organization", "2026-09-01", "khoản 12 Điều 34 Nghị định 174/2026/NĐ-CP",
            "2026-07-01", "2026-07-02", "2026-08-01")
    assert info.value.suggestions
    assert any("Điều 34" in s for s in info.value.suggestions)
    assert "violations[0].provision" in str(info.value)


def test_unknown_circumstance_suggests_codes(run: Run) -> None:
    with pytest.raises(UnknownCircumstance, match="concealed"):
        run("organization", "2026-09-01", ART95, "2026-07-01", "2026-07-02", "2026-08-01",
            aggravating=["concealment"])


def test_circumstance_of_the_wrong_kind(run: Run) -> None:
    with pytest.raises(UnknownCircumstance, match="is a mitigating circumstance"):
        run("organization", "2026-09-01", ART95, "2026-07-01", "2026-07-02", "2026-08-01",
            aggravating=["confessed"])


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"ended_on": "2026-06-01"}, "violations[0]"),
        ({"detected_on": "2026-06-01"}, "violations[0]"),
        ({"colour": "red"}, "violations[0].colour"),
        ({"goods_value": 1.5}, "violations[0].goods_value"),
    ],
)
def test_bad_case_fields_are_named(change: dict[str, object], field: str) -> None:
    fact = violation(ART95, "2026-07-01", "2026-07-02", "2026-08-01") | change
    with pytest.raises(CaseError) as info:
        assess(case("organization", "2026-09-01", fact))
    assert field in str(info.value)


def test_decision_before_detection_is_refused() -> None:
    with pytest.raises(CaseError, match="before detected_on"):
        assess(case("organization", "2026-07-05", violation(ART95, "2026-07-01", "2026-07-02",
                                                            "2026-08-01")))


PERCENT_SCHEME = """format = 1

[document]
number = "998/2026/NĐ-CP"
title = { vi = "Nghị định thử có cách tính riêng", en = "Test decree with its own scheme" }
issuer = { vi = "Chính phủ", en = "Government" }
issued_on = 2026-01-01
effective_from = 2026-02-01
provenance = { source = "test fixture", status = "MEMORY" }

[rules]
fine_base = "individual"
fine_base_basis = "khoản 1 Điều 2"
fine_base_provenance = { source = "test fixture", status = "MEMORY" }
fine_scheme = "test_plus_minus_10"

[[fine_scheme]]
code = "test_plus_minus_10"
kind = "percent_of_average"
percent = 10
scope = "decree"
label = { vi = "±10% mức trung bình cho mỗi tình tiết", en = "±10% of the average per circumstance" }
valid_from = 2026-02-01
basis = "khoản 4 Điều 7"
provenance = { source = "test fixture modelled on the tax decree rule", status = "MEMORY" }

[article.5]
title = { vi = "Thử", en = "Test" }
sector = "printing"

[article.5.clause.1]
label = { vi = "Hành vi thử", en = "Test act" }
fine = { kind = "frame", min = 500_000, max = 1_000_000 }
provenance = { source = "test fixture", status = "MEMORY" }
"""


def test_decree_specific_scheme_overrides_the_general_one(tmp_path: Path) -> None:
    catalog = load_files([write(tmp_path, "scheme.toml", PERCENT_SCHEME)], load_catalog())
    facts = violation("khoản 1 Điều 5 Nghị định 998/2026/NĐ-CP", "2026-03-01", "2026-03-01",
                      "2026-03-05", aggravating=["concealed"])
    result = assess(case("individual", "2026-04-01", facts), catalog)
    v = result.violations[0]
    assert v.fine == 825_000  # average 750,000 + 10 %
    scheme = next(s for s in v.trace if s.rule == "fine.scheme")
    assert scheme.citations[0].format() == "khoản 4 Điều 7 Nghị định 998/2026/NĐ-CP"
    # The decree-only scheme is never used for other decrees.
    other = assess(case("individual", "2026-08-10", violation(
        ART95, "2026-07-20", "2026-07-20", "2026-07-25", aggravating=["concealed"])), catalog)
    assert other.violations[0].fine == 13_750_000


def test_missing_limitation_period_is_an_error_not_a_guess(tmp_path: Path) -> None:
    fixture = PERCENT_SCHEME.replace('sector = "printing"', 'sector = "test_unlisted"') + """
[[sector]]
code = "test_unlisted"
label = { vi = "Lĩnh vực thử", en = "Test sector" }
"""
    catalog = load_files([write(tmp_path, "scheme.toml", fixture)], load_catalog())
    facts = violation("khoản 1 Điều 5 Nghị định 998/2026/NĐ-CP", "2026-03-01", "2026-03-01",
                      "2026-03-05")
    with pytest.raises(CaseError, match="no limitation period is recorded for the test_unlisted sector"):
        assess(case("individual", "2026-04-01", facts), catalog)
