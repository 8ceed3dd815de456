"""Publishing, press and commerce decrees: figures from the reference, bands, successors."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from penalty_rules import Assessment, CaseError, FineFrame, bundled_catalog, parse_citation
from penalty_rules.compare.diff import diff_documents

Run = Callable[..., Assessment]
CATALOG = bundled_catalog()
ART9 = "khoản 1 Điều 9 Nghị định 98/2020/NĐ-CP"

FIGURES = [  # publishing-commerce-decrees.md rows
    ("khoản 3 Điều 24 Nghị định 119/2020/NĐ-CP", 40_000_000, 80_000_000),    # A8
    ("khoản 4 Điều 28b Nghị định 119/2020/NĐ-CP", 60_000_000, 100_000_000),  # A29
    ("khoản 3 Điều 11 Nghị định 119/2020/NĐ-CP", 20_000_000, 40_000_000),    # B13
    ("khoản 7 Điều 24 Nghị định 159/2013/NĐ-CP", 30_000_000, 40_000_000),    # C1
    ("khoản 4 Điều 31 Nghị định 98/2020/NĐ-CP", 50_000_000, 80_000_000),     # D45
    ("khoản 2 Điều 33 Nghị định 98/2020/NĐ-CP", 10_000_000, 20_000_000),     # D49
    ("khoản 1 Điều 21 Nghị định 185/2013/NĐ-CP", 200_000, 400_000),          # E12
]


@pytest.mark.parametrize(("text", "low", "high"), FIGURES)
def test_reference_figures(text: str, low: int, high: int) -> None:
    c = parse_citation(text)
    fine = CATALOG.provisions[(str(c.document), c.article, c.clause)].versions[-1].fine
    assert isinstance(fine, FineFrame) and (fine.min, fine.max) == (low, high)


@pytest.mark.parametrize(("kind", "value", "band", "low", "high"), [
    ("individual", 12_000_000, "d", 10_000_000, 30_000_000),     # D4: 10m to under 20m
    ("organization", 12_000_000, "d", 20_000_000, 60_000_000),   # ×2 for organisations
    ("individual", 2_999_999, "a", 1_000_000, 3_000_000),        # D1: under 3m
    ("individual", 30_000_000, "e", 50_000_000, 70_000_000),     # D6: 30m and more
])
def test_counterfeit_goods_value_band(run: Run, kind: str, value: int, band: str, low: int,
                                      high: int) -> None:
    v = run(kind, "2026-09-01", ART9, "2026-06-01", "2026-06-10", "2026-07-01",
            goods_value=value).violations[0]
    assert v.provision.point == band
    assert (v.fine_min, v.fine_max) == (low, high)
    step = next(s for s in v.trace if s.rule == "frame.band")
    assert step.params["criterion"] == "goods_value" and step.params["value"] == value
    assert step.params["band"] == band
    assert v.limitation_years == 2  # production and trade of counterfeit goods (Law Art. 6)


def test_band_by_illegal_profit_when_no_value_is_given(run: Run) -> None:
    v = run("individual", "2026-09-01", ART9, "2026-06-01", "2026-06-10", "2026-07-01",
            illegal_profit=25_000_000).violations[0]
    assert v.provision.point == "d"  # D4: profit 20m to under 30m
    step = next(s for s in v.trace if s.rule == "frame.band")
    assert step.params["criterion"] == "illegal_profit"


def test_value_and_profit_pointing_to_different_bands_are_flagged(run: Run) -> None:
    v = run("individual", "2026-09-01", ART9, "2026-06-01", "2026-06-10", "2026-07-01",
            goods_value=4_000_000, illegal_profit=40_000_000).violations[0]
    assert v.provision.point == "b"  # the goods value decides (the criterion named first)
    assert "PROFIT_POINTS_TO_OTHER_BAND" in v.flags


def test_value_or_profit_is_required(run: Run) -> None:
    with pytest.raises(CaseError, match="goods value or illegal_profit"):
        run("individual", "2026-09-01", ART9, "2026-06-01", "2026-06-10", "2026-07-01")


def test_smuggled_goods_two_year_limitation_and_bands(run: Run) -> None:
    v = run("individual", "2026-09-01", "khoản 1 Điều 15 Nghị định 98/2020/NĐ-CP", "2026-06-01",
            "2026-06-10", "2026-07-01", goods_value=75_000_000).violations[0]
    assert v.provision.point == "h" and (v.fine_min, v.fine_max) == (30_000_000, 40_000_000)
    assert v.limitation_years == 2


def test_press_article_6_amounts_are_for_individuals(run: Run) -> None:
    org = run("organization", "2026-09-01", "điểm a khoản 2 Điều 6 Nghị định 119/2020/NĐ-CP",
              "2026-06-01", "2026-06-10", "2026-07-01").violations[0]
    assert (org.fine_min, org.fine_max) == (20_000_000, 60_000_000)  # 10–30m ×2 (14/2022)
    assert org.limitation_years == 2  # press


def test_acts_before_2020_use_the_2013_decrees(run: Run) -> None:
    v = run("individual", "2020-09-01", "điểm b khoản 1 Điều 11 Nghị định 98/2020/NĐ-CP",
            "2019-05-01", "2019-05-02", "2019-06-01", goods_value=15_000_000).violations[0]
    assert str(v.document) == "185/2013/NĐ-CP"
    assert v.provision.point == "đ" and (v.fine_min, v.fine_max) == (5_000_000, 10_000_000)


def test_successor_links_of_the_seed_sectors() -> None:
    press = diff_documents(CATALOG, "159/2013/NĐ-CP", "119/2020/NĐ-CP")
    row = next(r for r in press.changed if r.old == "khoản 2 Điều 13 Nghị định 159/2013/NĐ-CP")
    assert row.before is not None and row.after is not None
    # 159/2013 states individual amounts (MEMORY): 3–5m → 6–10m for an organisation.
    assert (row.before.min, row.before.max, row.after.min, row.after.max) == (
        6_000_000, 10_000_000, 5_000_000, 10_000_000)
    commerce = diff_documents(CATALOG, "185/2013/NĐ-CP", "98/2020/NĐ-CP")
    assert {r.new for r in commerce.changed} == {
        "khoản 1 Điều 11 Nghị định 98/2020/NĐ-CP", "khoản 1 Điều 17 Nghị định 98/2020/NĐ-CP"}
