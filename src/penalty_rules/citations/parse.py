"""Read citations in the forms seen in the wild.

Accepted forms (with or without diacritics, any case):

>>> parse_citation("điểm a khoản 2 Điều 34 Nghị định số 174/2026/NĐ-CP").format("short")
'34.2.a 174/2026/NĐ-CP'
>>> parse_citation("Điều 7, Khoản 7, Điểm b").format()
'điểm b khoản 7 Điều 7'
>>> parse_citation("diem a khoan 2 dieu 34").format("short")
'34.2.a'
>>> parse_citation("diem_6_1_a").format()
'điểm a khoản 1 Điều 6'
>>> parse_citation("Article 95(1)(a) of Decree 174/2026/NĐ-CP").format()
'điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP'
>>> print(parse_citation(
...     "khoản 3 Điều 101 Nghị định 15/2020/NĐ-CP được sửa đổi bởi khoản 37 Điều 1 "
...     "Nghị định 14/2022/NĐ-CP"))
khoản 3 Điều 101 Nghị định 15/2020/NĐ-CP, được sửa đổi bởi khoản 37 Điều 1 Nghị định 14/2022/NĐ-CP

Without diacritics ``d`` is read as the letter d; write ``dd`` (Telex) for đ.
"""

from __future__ import annotations

import re
import unicodedata

from pydantic import ValidationError

from .. import normalize
from ..errors import CitationSyntaxError
from ..models.citation import Citation, install_text_reader
from ..models.document import DocumentNumber
from ..models.letters import POINT_LETTERS, is_point_letter, normalize_letter

MAX_LENGTH = 500

# Laws named by title rather than number.
_LAW_ALIASES = {
    "luat xu ly vi pham hanh chinh": "15/2012/QH13",
    "law on handling administrative violations": "15/2012/QH13",
    "luat xlvphc": "15/2012/QH13",
}

_KIND_WORDS = {
    "nghi dinh": "NĐ-CP", "nd": "NĐ-CP", "decree": "NĐ-CP",
    "thong tu": "TT", "tt": "TT", "circular": "TT",
}  # fmt: skip

_DOC_FULL = re.compile(r"(?<![\d/])(\d{1,5})/(\d{4})/([a-zđ][a-zđ0-9]{0,7}(?:-[a-zđ0-9]{1,10})?)(?![\w/])")
_DOC_SHORT = re.compile(
    r"\b(nghi dinh|nd|decree|thong tu|tt|circular|luat|law)\s*(?:so\s*|no\.?\s*)?"
    r"(\d{1,5})/(\d{4})(?![\d/])"
)
_DOC_WORDS = re.compile(
    r"\b(?:nghi dinh|nd|decree|thong tu|tt|circular|luat|law|van ban|so|of|cua|the|tai)\b"
    r"|\bno\b\.?"
)
# The date of the document, as citations often add it: "ngày 15/01/2026", "ngày 15 tháng 1 năm 2026".
_DOC_DATE = re.compile(
    r",?\s*\b(?:ngay|dated)\s+\d{1,2}(?:/|-|\s+thang\s+)\d{1,2}(?:/|-|\s+nam\s+)\d{4}\b"
)
_YEAR_ONLY = re.compile(r"(?:nam\s+|in\s+)?(?:19|20)\d\d")
_AMEND = re.compile(
    r",?\s*(?:\((?:sd|sđ)\s+(?P<short>.+)\)\s*$"
    r"|\b(?:sd|sđ)\s+(?P<bare>.+)$"
    r"|(?:duoc\s+)?sua\s+doi(?:\s*,\s*bo\s+sung|\s+bo\s+sung)?(?:\s+(?:boi|theo|tai))?\s+(?P<vi>.+)$"
    r"|as\s+amended\s+by\s+(?P<en>.+)$)"
)
_KEYWORD = re.compile(r"\b(diem|khoan|dieu|point|clause|article|art\.?)\s*([0-9]{1,4}[a-z]?|[a-zđ]{1,2})\b")
_ENGLISH = re.compile(
    r"^(?:article|art\.?)\s*(?P<a>\d{1,4}[a-z]?)\s*(?:\((?P<c>\d{1,4}[a-z]?)\))?\s*"
    r"(?:\((?P<p>[a-zđ]{1,2})\))?$"
)
_DOTTED = re.compile(r"^(?P<a>\d{1,4}[a-z]?)(?:\.(?P<c>\d{1,4}[a-z]?)?(?:\.(?P<p>[a-zđ]{1,2}))?)?$")
_UNDERSCORE = re.compile(
    r"^(?P<level>diem|khoan|dieu)_(?P<a>\d{1,4}[a-z]?)(?:_(?P<c>\d{1,4}[a-z]?))?"
    r"(?:_(?P<p>[a-zđ]{1,2}))?$"
)


def _fold(text: str) -> str:
    """Lower-case, drop diacritics but keep a lone đ (a point letter)."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "đ").lower())
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    text = unicodedata.normalize("NFC", text)

    def word(match: re.Match[str]) -> str:
        token = match.group(0)
        return token if token == "đ" else token.replace("đ", "d")

    text = re.sub(r"[a-zđ]+", word, text)
    return re.sub(r"\s+", " ", text).strip()


#: The folding every text look-up shares (citations, search, amounts in words).
fold = _fold


def _letter(text: str, raw: str) -> str:
    letter = normalize_letter(raw)
    if not is_point_letter(letter):
        raise CitationSyntaxError(
            text, f"{raw!r} is not a Vietnamese point letter ({', '.join(POINT_LETTERS)})"
        )
    return letter


def _reason(exc: ValueError) -> str:
    """One line for a ValueError, a pydantic one included (its fields and messages)."""
    if isinstance(exc, ValidationError):
        return "; ".join(
            (f"{'.'.join(str(p) for p in err['loc'])}: " if err["loc"] else "")
            + err["msg"].removeprefix("Value error, ") for err in exc.errors())
    return " ".join(str(exc).split())


def _document(text: str, folded: str) -> tuple[DocumentNumber | None, str]:
    """Find and remove the document number in ``folded``."""
    for alias, law in _LAW_ALIASES.items():
        if alias in folded:
            return DocumentNumber.parse(law), folded.replace(alias, " ")
    found = list(_DOC_FULL.finditer(folded))
    short = list(_DOC_SHORT.finditer(folded))
    if len(found) + len(short) > 1:
        raise CitationSyntaxError(text, "it names more than one document")
    try:
        if found:
            m = found[0]
            number = DocumentNumber.parse(f"{m[1]}/{m[2]}/{m[3]}")
            return number, folded[: m.start()] + " " + folded[m.end():]
        if short:
            m = short[0]
            word = m[1]
            if word in ("luat", "law"):
                raise CitationSyntaxError(
                    text, "a law number needs its issuer suffix, e.g. 15/2012/QH13"
                )
            number = DocumentNumber.parse(f"{m[2]}/{m[3]}/{_KIND_WORDS[word]}")
            return number, folded[: m.start()] + " " + folded[m.end():]
    except ValueError as exc:
        if isinstance(exc, CitationSyntaxError):
            raise
        raise CitationSyntaxError(text, _reason(exc)) from None
    return None, folded


def _build(text: str, article: str | None, clause: str | None, point: str | None,
           document: DocumentNumber | None) -> Citation:
    if article is None:
        raise CitationSyntaxError(text, "no article (Điều) is given")
    try:
        return Citation(article=article, clause=clause, point=point, document=document)
    except ValidationError as exc:
        raise CitationSyntaxError(text, _reason(exc)) from None


def _parse_part(text: str, folded: str) -> Citation:
    document, rest = _document(text, folded)
    rest = rest.strip(" ,;.")
    bare = re.sub(r"\s+", " ", _DOC_WORDS.sub(" ", rest)).strip(" ,;.")
    for pattern in (_DOTTED, _UNDERSCORE):
        m = pattern.match(re.sub(r"^(?:article|art\.?)\s*(?=\d+\.)", "", bare))
        if m:
            point = _letter(text, m["p"]) if m["p"] else None
            return _build(text, m["a"], m["c"], point, document)
    m = _ENGLISH.match(bare)
    if m:
        point = _letter(text, m["p"]) if m["p"] else None
        return _build(text, m["a"], m["c"], point, document)
    parts: dict[str, str] = {}
    for m in _KEYWORD.finditer(rest):
        level = {"diem": "point", "point": "point", "khoan": "clause", "clause": "clause"}.get(
            m[1], "article"
        )
        if level in parts:
            raise CitationSyntaxError(text, f"the {level} is given twice")
        parts[level] = m[2]
    leftover = _DOC_WORDS.sub(" ", _KEYWORD.sub(" ", rest))
    leftover = re.sub(r"[\s,;.()]+", " ", leftover).strip()
    if not parts:
        if document is not None and not leftover:
            raise CitationSyntaxError(
                text, f"it names the document {document} but no article (Điều): write e.g. "
                      f"'khoản 2 Điều 34 Nghị định {document}'")
        raise CitationSyntaxError(
            text,
            "expected 'điểm a khoản 2 Điều 34', 'Article 34(2)(a)', '34.2.a' or 'diem_34_2_a'",
        )
    if leftover:
        raise CitationSyntaxError(
            text, f"unexpected text {leftover!r} (a citation is 'điểm a khoản 2 Điều 34' "
                  "followed by the document number, e.g. 174/2026/NĐ-CP)")
    point = _letter(text, parts["point"]) if "point" in parts else None
    for level in ("article", "clause"):
        if level in parts and not re.fullmatch(r"\d{1,4}[a-z]?", parts[level]):
            raise CitationSyntaxError(text, f"{parts[level]!r} is not a valid {level} number")
    return _build(text, parts.get("article"), parts.get("clause"), point, document)


def parse_citation(text: str) -> Citation:
    """Parse ``text`` into a :class:`Citation`.

    Raises :class:`~penalty_rules.errors.CitationSyntaxError` (and nothing else) when
    the text cannot be read.
    """
    if not isinstance(text, str):
        raise CitationSyntaxError(repr(text), "a citation must be text")
    if len(text) > MAX_LENGTH:
        raise CitationSyntaxError(text[:40] + "…", f"longer than {MAX_LENGTH} characters")
    text = normalize.text(text)
    folded = _DOC_DATE.sub(" ", _fold(text)).strip()
    if not folded:
        raise CitationSyntaxError(text, "the text is empty")
    amend = _AMEND.search(folded)
    amended_by: Citation | None = None
    if amend:
        tail = amend["short"] or amend["bare"] or amend["vi"] or amend["en"] or ""
        if _YEAR_ONLY.fullmatch(tail.strip(" ,;.()")):
            raise CitationSyntaxError(
                text, f"the amendment names only a year ({tail.strip(' ,;.()')}), not the amending "
                      "provision: write e.g. 'sửa đổi bởi khoản 1 Điều 1 Nghị định 91/2020/NĐ-CP', "
                      "or leave the amendment out")
        amended_by = _parse_part(text, tail)
        folded = folded[: amend.start()]
    citation = _parse_part(text, folded)
    if amended_by is not None:
        citation = citation.model_copy(update={"amended_by": amended_by})
    return citation


install_text_reader(parse_citation)
