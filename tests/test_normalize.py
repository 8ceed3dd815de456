"""One normalisation at every entrance: NFD, Ð, zero-width characters, dashes, BOM."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from penalty_rules import normalize, parse_citation
from penalty_rules.cli import main
from penalty_rules.ingest import ingest_text

CLEAN = """Chương II
Điều 5. Thử nghiệm
1. Phạt tiền từ 1.000.000 đồng đến 2.000.000 đồng đối với một trong các hành vi sau:
a) Hành vi một;
b) Hành vi hai.
"""


def test_text_normal_form() -> None:
    nfd = unicodedata.normalize("NFD", "Nghị định")
    assert nfd != "Nghị định"
    assert normalize.text(nfd) == "Nghị định"
    assert normalize.text("\ufeffNĐ\u2010CP") == "NĐ-CP"
    assert normalize.text("\u00d0iều") == "Điều"
    assert normalize.text("a\u200bb\u200cc\u200dd\u2060e") == "abcde"
    assert normalize.text("1\u20132\u20143\u22124") == "1-2-3-4"
    assert normalize.text("5\u00a0000") == "5 000"


@pytest.mark.parametrize("variant", [
    lambda t: unicodedata.normalize("NFD", t),
    lambda t: t.replace("Đ", "\u00d0"),
    lambda t: t.replace(" ", " \u200b").replace("Điều", "Đi\u200dều"),
    lambda t: "\ufeff" + t,
])
def test_ingest_reads_dirty_text_like_clean_text(variant) -> None:  # type: ignore[no-untyped-def]
    clean = ingest_text(CLEAN, "9/2099/NĐ-CP")
    assert len(clean.drafts) == 1
    dirty = ingest_text(variant(CLEAN), "9/2099/NĐ-CP")
    assert dirty.drafts == clean.drafts


def test_citation_variants_read_alike() -> None:
    want = parse_citation("điểm a khoản 2 Điều 34 Nghị định 174/2026/NĐ-CP")
    for text in (unicodedata.normalize("NFD", "điểm a khoản 2 Điều 34 Nghị định 174/2026/NĐ-CP"),
                 "điểm a khoản 2 Điều 34 Nghị định 174/2026/N\u00d0\u2010CP",
                 "điểm a\u200b khoản 2 Điều\u00a034 Nghị định 174/2026/NĐ\u2011CP"):
        assert parse_citation(text) == want


def test_ingest_strict_fails_when_nothing_was_read(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "empty.md"
    path.write_text("just some words\nwith no article\n", encoding="utf-8")
    assert main(["ingest", str(path), "--document", "9/2099/NĐ-CP", "--strict"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no clause could be read" in err


def test_ingest_strict_reads_nfd_text(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "nfd.md"
    path.write_text(unicodedata.normalize("NFD", CLEAN), encoding="utf-8")
    assert main(["ingest", str(path), "--document", "9/2099/NĐ-CP", "--strict"]) in (0, 1)
    assert "1 clauses read" in capsys.readouterr().err


@pytest.mark.parametrize(("text", "want"), [
    ("Article 95(1)(a) of Decree No. 174/2026/NĐ-CP", "điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP"),
    ("khoản 1 Điều 95 Decree No 174/2026/NĐ-CP", "khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP"),
    ("khoản 1 Điều 95 Nghị định số 174/2026/NĐ\u2010CP", "khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP"),
    ("Decree 174/2026/NĐ-CP, Article 95.1.a", "điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP"),
    ("Điều 95 Nghị định số 174/2026/NĐ-CP ngày 15/01/2026", "Điều 95 Nghị định 174/2026/NĐ-CP"),
    ("Điều 95 Nghị định số 174/2026/NĐ-CP ngày 15 tháng 1 năm 2026", "Điều 95 Nghị định 174/2026/NĐ-CP"),
    ("Điều 5 Nghị định 15/2020/NĐ-CP sđ khoản 1 Điều 1 Nghị định 91/2020/NĐ-CP",
     "Điều 5 Nghị định 15/2020/NĐ-CP, được sửa đổi bởi khoản 1 Điều 1 Nghị định 91/2020/NĐ-CP"),
])
def test_citation_forms_seen_in_practice(text: str, want: str) -> None:
    assert parse_citation(text).format() == want


@pytest.mark.parametrize(("text", "reason"), [
    ("Decree No. 174/2026/NĐ-CP", "names the document 174/2026/NĐ-CP but no article"),
    ("Nghị định số 174/2026/NĐ-CP", "but no article"),
    ("khoản 3 Điều 101 Nghị định 15/2020/NĐ-CP (sđ 2020)", "names only a year (2020)"),
    ("khoản 3 Điều 101 Nghị định 15/2020/NĐ-CP sửa đổi 2020", "names only a year"),
    ("Điều 5 sđ 2022", "names only a year (2022)"),
    ("Điều 5 xyz", "unexpected text 'xyz' (a citation is"),
])
def test_citation_refusals_say_why(text: str, reason: str) -> None:
    from penalty_rules.errors import CitationSyntaxError

    with pytest.raises(CitationSyntaxError) as info:
        parse_citation(text)
    assert reason in str(info.value) and "\n" not in str(info.value)


def test_ingest_repeated_article_is_reported_not_emitted_twice() -> None:
    import tomllib

    text = CLEAN + "\n" + CLEAN.replace("Chương II\n", "")
    result = ingest_text(text, "9/2099/NĐ-CP")
    tomllib.loads(result.toml)  # found by hypothesis: the draft declared article 5 twice
    assert len(result.drafts) == 1
    assert any("appears again" in str(p) for p in result.problems)
