"""Citation parsing and formatting: every form seen in the wild, errors, round trips."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from penalty_rules import POINT_LETTERS, Citation, CitationSyntaxError, parse_citation
from penalty_rules.models.letters import letter_index, normalize_letter

FORMS = [
    ("điểm a khoản 2 Điều 34 Nghị định số 174/2026/NĐ-CP", "34", "2", "a", "174/2026/NĐ-CP"),
    ("Điểm a Khoản 1 Điều 6 NĐ 100/2019/NĐ-CP", "6", "1", "a", "100/2019/NĐ-CP"),
    ("Điều 7, Khoản 7, Điểm b", "7", "7", "b", None),
    ("6.1.a", "6", "1", "a", None),
    ("diem_6_1_a", "6", "1", "a", None),
    ("khoan_6_1", "6", "1", None, None),
    ("dieu_6", "6", None, None, None),
    ("diem a khoan 2 dieu 34", "34", "2", "a", None),
    ("DIEM A KHOAN 2 DIEU 34 ND 174/2026/ND-CP", "34", "2", "a", "174/2026/NĐ-CP"),
    ("diem dd khoan 1 dieu 95", "95", "1", "đ", None),
    ("điểm đ khoản 1 Điều 95", "95", "1", "đ", None),
    ("Article 95(1)(a) of Decree 174/2026/NĐ-CP", "95", "1", "a", "174/2026/NĐ-CP"),
    ("Art. 34(2)", "34", "2", None, None),
    ("Điều 93a Nghị định 15/2020/NĐ-CP", "93a", None, None, "15/2020/NĐ-CP"),
    ("khoản 1a Điều 8", "8", "1a", None, None),
    ("khoản 4 Điều 23 Luật Xử lý vi phạm hành chính", "23", "4", None, "15/2012/QH13"),
    ("Điều 3 Luật 88/2025/QH15", "3", None, None, "88/2025/QH15"),
    ("nghị định 15/2020 khoản 1 điều 101", "101", "1", None, "15/2020/NĐ-CP"),
    ("34.2.a 174/2026/NĐ-CP", "34", "2", "a", "174/2026/NĐ-CP"),
]


@pytest.mark.parametrize(("text", "article", "clause", "point", "document"), FORMS)
def test_forms_in_the_wild(text: str, article: str, clause: str | None, point: str | None,
                           document: str | None) -> None:
    c = parse_citation(text)
    assert (c.article, c.clause, c.point) == (article, clause, point)
    assert (str(c.document) if c.document else None) == document


def test_amended_by_is_parsed() -> None:
    c = parse_citation("khoản 3 Điều 101 Nghị định 15/2020/NĐ-CP được sửa đổi bởi khoản 37 "
                       "Điều 1 Nghị định 14/2022/NĐ-CP")
    assert c.clause == "3" and str(c.document) == "15/2020/NĐ-CP"
    assert c.amended_by is not None
    assert (c.amended_by.article, c.amended_by.clause) == ("1", "37")
    assert str(c.amended_by.document) == "14/2022/NĐ-CP"


def test_three_written_forms() -> None:
    c = parse_citation("điểm đ khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP")
    assert c.format() == "điểm đ khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP"
    assert c.format("short") == "95.1.đ 174/2026/NĐ-CP"
    assert c.format("en") == "Article 95(1)(đ) of Decree 174/2026/NĐ-CP"
    with pytest.raises(ValueError, match="unknown citation form"):
        c.format("fr")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("khoản 2 điểm z Điều 34", "not a Vietnamese point letter"),
        ("điểm f khoản 1 Điều 3", "not a Vietnamese point letter"),
        ("khoản 2", "no article"),
        ("khoản 1 khoản 2 Điều 3", "given twice"),
        ("hello world", "expected"),
        ("Điều 5 Luật 15/2012", "issuer suffix"),
        ("Điều 5 Nghị định 1/2020/NĐ-CP Nghị định 2/2020/NĐ-CP", "more than one document"),
        ("Điều 0", "not an article"),
        ("Điều 5 xyz", "unexpected text"),
        ("x" * 600, "longer than"),
    ],
)
def test_malformed_citations_say_what_is_wrong(text: str, reason: str) -> None:
    with pytest.raises(CitationSyntaxError, match=reason):
        parse_citation(text)


def test_point_letter_order() -> None:
    assert POINT_LETTERS.index("đ") == POINT_LETTERS.index("d") + 1
    assert "f" not in POINT_LETTERS and "j" not in POINT_LETTERS and "w" not in POINT_LETTERS
    assert letter_index("g") == letter_index("e") + 1
    assert normalize_letter("DD") == "đ"
    with pytest.raises(ValueError):
        letter_index("z")


def test_sort_key_follows_the_law() -> None:
    texts = ["điểm e khoản 1 Điều 95", "điểm đ khoản 1 Điều 95", "điểm d khoản 1 Điều 95",
             "khoản 10 Điều 34", "khoản 2 Điều 34", "Điều 93a", "Điều 93"]
    ordered = sorted((parse_citation(t) for t in texts), key=Citation.sort_key)
    assert [c.format("short") for c in ordered] == [
        "34.2", "34.10", "93", "93a", "95.1.d", "95.1.đ", "95.1.e"]


# -- properties ----------------------------------------------------------------------------
numbers = st.builds(lambda n, s: f"{n}{s}", st.integers(1, 9999), st.sampled_from(["", "", "", "a", "b"]))
documents = st.one_of(
    st.none(),
    st.builds(lambda o, y: f"{o}/{y}/NĐ-CP", st.integers(1, 999), st.integers(1990, 2030)),
    st.builds(lambda o, y, t: f"{o}/{y}/QH{t}", st.integers(1, 150), st.integers(1990, 2030),
              st.integers(10, 16)),
)


@st.composite
def citations(draw: st.DrawFn, amended: bool = True) -> Citation:
    article = draw(numbers)
    clause = draw(st.one_of(st.none(), numbers))
    point = draw(st.one_of(st.none(), st.sampled_from(POINT_LETTERS)))
    document = draw(documents)
    amended_by = draw(st.one_of(st.none(), citations(amended=False))) if amended else None
    if amended_by is not None and amended_by.document is None:
        amended_by = None
    return Citation(article=article, clause=clause, point=point, document=document,
                    amended_by=amended_by)


@given(citations(), st.sampled_from(["vi", "short", "en"]))
def test_parse_format_parse_is_identity(citation: Citation, form: str) -> None:
    text = citation.format(form)  # type: ignore[arg-type]
    assert parse_citation(text) == citation


@given(citations())
def test_diacritic_free_text_parses_to_the_same_citation(citation: Citation) -> None:
    import unicodedata

    # Telex writes the point letter đ as "dd"; every other đ becomes d.
    text = citation.format("vi").replace("điểm đ ", "điểm dd ")
    folded = "".join(ch for ch in unicodedata.normalize("NFD", text)
                     if unicodedata.category(ch) != "Mn")
    folded = folded.replace("Đ", "D").replace("đ", "d")
    assert parse_citation(folded) == citation


@given(st.text(max_size=120))
def test_parser_raises_only_its_typed_error(text: str) -> None:
    with contextlib.suppress(CitationSyntaxError):
        parse_citation(text)


@given(st.lists(st.sampled_from(
    ["điểm", "khoản", "Điều", "a", "đ", "12", "3a", ",", "Nghị định", "174/2026/NĐ-CP", "NĐ",
     "số", "Article", "(1)", ".", "_", "diem", "được sửa đổi bởi", "Luật", "/", "QH13"]),
    max_size=12).map(" ".join))
def test_parser_on_citation_like_noise(text: str) -> None:
    with contextlib.suppress(CitationSyntaxError):
        parse_citation(text)
