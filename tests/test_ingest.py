"""The ingest parser on small hand-written fixtures (invented wording, not real decrees)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from penalty_rules import bundled_catalog
from penalty_rules.cli import main
from penalty_rules.ingest import ingest_text
from penalty_rules.ingest.structure import split_articles
from tests.conftest import FIXTURES, ROOT

HARD = FIXTURES / "ingest" / "hard-shapes.md"
DECREE_174 = ROOT.parent / "shared" / "reference" / "texts" / "nd-174-2026.md"


@pytest.fixture(scope="module")
def result():  # type: ignore[no-untyped-def]
    return ingest_text(HARD.read_text(encoding="utf-8"), "9/2099/NĐ-CP", "hard-shapes.md")


def draft(result, article: str, clause: str):  # type: ignore[no-untyped-def]
    return next(d for d in result.drafts if (d.article, d.clause) == (article, clause))


def test_per_unit_fine_with_quantity_range(result) -> None:  # type: ignore[no-untyped-def]
    d = draft(result, "5", "1")
    assert d.fine == {"kind": "per_unit", "unit": {"vi": "thẻ thử", "en": "thẻ thử"},
                      "min": 100_000, "max": 300_000, "quantity_from": 1, "quantity_to": 20,
                      "beyond": "khoản 2 Điều 5"}


def test_quantity_bands_continue_the_per_unit_clause(result) -> None:  # type: ignore[no-untyped-def]
    d = draft(result, "5", "2")
    assert d.fine is not None and d.fine["kind"] == "banded" and d.fine["criterion"] == "quantity"
    assert [(b["point"], b["from"], b.get("below"), b["min"], b["max"]) for b in d.fine["bands"]] == [
        ("a", 21, 101, 5_000_000, 8_000_000), ("b", 101, None, 8_000_000, 12_000_000)]


def test_warning_mixed_with_fine_and_exception_note(result) -> None:  # type: ignore[no-untyped-def]
    d = draft(result, "5", "3")
    assert d.warning and d.fine == {"kind": "frame", "min": 200_000, "max": 500_000}
    assert d.notes == ["exception: điểm a khoản 4 Điều này"]
    warning_only = draft(result, "5", "5")
    assert warning_only.warning and warning_only.fine is None


def test_letter_dd_and_shared_sanctions(result) -> None:  # type: ignore[no-untyped-def]
    d = draft(result, "5", "4")
    assert d.points == ["a", "b", "c", "d", "đ"]
    confiscation = next(m for m in d.sanctions if m["code"] == "confiscation")
    assert confiscation["points"] == ["a", "b", "đ"]
    suspension = next(m for m in draft(result, "5", "2").sanctions if m["code"] == "activity_suspension")
    assert suspension["bands"] == ["b"] and suspension["duration"] == {"min_months": 1, "max_months": 3}
    assert suspension["condition"]["en"] == "when re-offending"


def test_remedies_reach_every_named_part(result) -> None:  # type: ignore[no-untyped-def]
    names = {(d.clause, tuple(m.get("points", ()))) for d in result.drafts if d.article == "5"
             for m in d.remedies if m["code"] == "surrender_illegal_profit"}
    assert names == {("1", ()), ("2", ()), ("4", ("đ",))}


def test_value_bands_and_frames_by_point(result) -> None:  # type: ignore[no-untyped-def]
    bands = draft(result, "6", "1").fine
    assert bands is not None and bands["criterion"] == "goods_value"
    assert [(b["from"], b.get("below")) for b in bands["bands"]] == [
        (0, 10_000_000), (10_000_000, 30_000_000), (30_000_000, None)]
    by_point = draft(result, "6", "2").fine
    assert by_point == {"kind": "by_point", "frames": {
        "a": {"kind": "frame", "min": 1_000_000, "max": 3_000_000},
        "b": {"kind": "frame", "min": 3_000_000, "max": 6_000_000}}}


def test_what_cannot_be_read_is_reported_not_guessed(result) -> None:  # type: ignore[no-untyped-def]
    problems = [str(p) for p in result.problems]
    assert "Điều 6 khoản 3: no fine, warning, sanction or remedy could be read" in problems
    assert "Điều 5 khoản 7: unrecognised remedy: recorded as other_remedy" in problems
    assert any(p.startswith("Điều 6 khoản 2: each point states its own frame") for p in problems)
    assert not any(d.article == "7" for d in result.drafts)  # competence article: no frames


def test_draft_file_is_valid_toml_without_clause_text(result) -> None:  # type: ignore[no-untyped-def]
    data = tomllib.loads(result.toml)
    assert data["document"] == {"number": "9/2099/NĐ-CP", "overlay": True}
    assert data["article"]["5"]["clause"]["1"]["label"] == {"vi": "Điều 5 khoản 1", "en": "Article 5(1)"}
    assert "Dùng thẻ thử của người khác" not in result.toml


def test_structure_skips_out_of_sequence_numbers() -> None:
    text = "Điều 3. Thử\n1. Phạt tiền từ 1.000 đồng đến 2.000 đồng đối với hành vi ghi\n2020. Năm cũ.\n2. Khoản hai."
    article = split_articles(text)[0]
    assert [c.number for c in article.clauses] == ["1", "2"]
    assert "2020. Năm cũ." in article.clauses[0].text


def test_ingest_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(HARD), "--document", "9/2099/NĐ-CP"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("# DRAFT") and "to review" in err
    assert main(["ingest", str(HARD), "--document", "9/2099/NĐ-CP", "--strict"]) == 1
    capsys.readouterr()
    assert main(["ingest", str(tmp_path / "none.md"), "--document", "9/2099/NĐ-CP"]) == 2


# -- Decree 174/2026 complete ------------------------------------------------------------
@pytest.mark.skipif(not DECREE_174.exists(), reason="the reference text sits beside the repository")
def test_every_fine_clause_of_174_2026_is_bundled() -> None:
    result = ingest_text(DECREE_174.read_text(encoding="utf-8"), "174/2026/NĐ-CP")
    read = {(d.article, d.clause) for d in result.drafts if 7 <= int(d.article) <= 103}
    bundled = {(p.article, p.clause) for p in bundled_catalog().provisions_of(
        bundled_catalog().document("174/2026/NĐ-CP").number)}
    assert len(read) == 346
    assert read == bundled
    assert {a for a, _ in read} == {str(n) for n in range(7, 104)}


SAMPLES = [  # (citation, point, min, max) read by hand from nd-174-2026.md, one or more per chapter
    ("khoản 2 Điều 16", None, 1_000_000, 3_000_000),              # II postal stamps
    ("khoản 4 Điều 17", None, 140_000_000, 170_000_000),          # III telecom licence
    ("khoản 1 Điều 32", None, 20_000_000, 30_000_000),            # III frame stated for the article
    ("khoản 5 Điều 66", "a", 2_000_000, 5_000_000),               # IV by point (≤ 15 W)
    ("khoản 2 Điều 83", None, 10_000_000, 20_000_000),            # V trust services
    ("khoản 2 Điều 90", None, 140_000_000, 170_000_000),          # VI IT infrastructure
    ("khoản 3 Điều 99", None, 40_000_000, 60_000_000),            # VI video games
]


@pytest.mark.parametrize(("text", "point", "low", "high"), SAMPLES)
def test_sample_figures_of_each_chapter(text: str, point: str | None, low: int, high: int) -> None:
    from penalty_rules import parse_citation
    from penalty_rules.models.provision import FineFrame, PointFrames

    c = parse_citation(text + " Nghị định 174/2026/NĐ-CP")
    provision = bundled_catalog().provisions[(str(c.document), c.article, c.clause)]
    fine = provision.versions[0].fine
    if point is not None:
        assert isinstance(fine, PointFrames)
        fine = fine.frame(point)
    assert isinstance(fine, FineFrame) and (fine.min, fine.max) == (low, high)


def test_cryptography_value_bands_of_174_2026() -> None:
    from penalty_rules.models.provision import BandedFine

    fine = bundled_catalog().provisions[("174/2026/NĐ-CP", "102", "6")].versions[0].fine
    assert isinstance(fine, BandedFine) and fine.criterion == "goods_value"
    assert [(b.from_, b.min, b.max) for b in fine.bands][-1] == (300_000_000, 160_000_000, 180_000_000)


def test_competence_chapter_of_174_2026() -> None:
    rules = {r.basis.format(): r for r in bundled_catalog().competence
             if str(r.document) == "174/2026/NĐ-CP"}
    # Every official of Arts. 104–112 with a fine cap (point b of each clause): 47 clauses.
    assert len(rules) == 47
    assert dict(rules["điểm b khoản 1 Điều 112 Nghị định 174/2026/NĐ-CP"].caps) == {
        "radio_frequency": 20_000_000, "telecom": 20_000_000, "information_technology": 20_000_000,
        "postal": 8_000_000, "e_transactions": 8_000_000}
    assert dict(rules["điểm b khoản 4 Điều 105 Nghị định 174/2026/NĐ-CP"].caps) == {
        "civil_cryptography": 200_000_000}
    assert rules["điểm b khoản 1 Điều 110 Nghị định 174/2026/NĐ-CP"].cap_for("telecom") == 20_000_000


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

NOISE = st.lists(st.sampled_from([
    "Điều 5. Thử", "1. Phạt tiền từ 1.000.000 đồng đến 2.000.000 đồng", "a) hành vi;", "đ) khác",
    "2. Hình thức xử phạt bổ sung:", "Biện pháp khắc phục hậu quả:", "trong trường hợp số lượng từ 3",
    "quy định tại điểm z khoản 9 Điều này", "Chương II", "Mục 1", "", "3.", "b)", "trở lên",
]), max_size=25).map("\n".join)


@settings(max_examples=200, deadline=None)
@given(st.one_of(NOISE, st.text(max_size=400)))
def test_ingest_never_crashes_on_odd_text(text: str) -> None:
    result = ingest_text(text, "9/2099/NĐ-CP")
    tomllib.loads(result.toml)  # the draft is always valid TOML
