"""Legal documents and their numbers (số hiệu).

>>> n = DocumentNumber.parse("174/2026/NĐ-CP")
>>> (n.ordinal, n.year, n.kind_code, n.issuer, n.kind.value)
(174, 2026, 'NĐ', 'CP', 'decree')
>>> str(DocumentNumber.parse("15/2012/qh13"))
'15/2012/QH13'
>>> DocumentNumber.parse("15/2020/ND-CP").kind_label("vi")
'Nghị định'
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import Field, GetJsonSchemaHandler, model_serializer, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from .common import Frozen, Localized, Provenance


class DocumentKind(StrEnum):
    """Kinds of legal documents this library knows."""

    LAW = "law"
    DECREE = "decree"
    CIRCULAR = "circular"
    DECISION = "decision"
    RESOLUTION = "resolution"
    CONSOLIDATED = "consolidated"


_KIND_BY_CODE = {
    "NĐ": DocumentKind.DECREE,
    "TT": DocumentKind.CIRCULAR,
    "QĐ": DocumentKind.DECISION,
    "NQ": DocumentKind.RESOLUTION,
    "VBHN": DocumentKind.CONSOLIDATED,
}

_KIND_LABELS = {
    DocumentKind.LAW: ("Luật", "Law"),
    DocumentKind.DECREE: ("Nghị định", "Decree"),
    DocumentKind.CIRCULAR: ("Thông tư", "Circular"),
    DocumentKind.DECISION: ("Quyết định", "Decision"),
    DocumentKind.RESOLUTION: ("Nghị quyết", "Resolution"),
    DocumentKind.CONSOLIDATED: ("Văn bản hợp nhất", "Consolidated text"),
}

_NUMBER_RE = re.compile(
    r"^\s*(?P<ordinal>\d{1,5})/(?:(?P<year>\d{4})/)?(?P<rest>[A-Za-zĐđ0-9]+(?:-[A-Za-zĐđ0-9]+)?)\s*$"
)


#: The written form of numbers already seen (a number is written on every catalog look-up).
_TEXTS: dict[tuple[int, int | None, str, str], str] = {}


def _upper(code: str) -> str:
    code = code.upper().replace("đ", "Đ")
    # Texts typed without diacritics write ND, QD for NĐ, QĐ.
    return {"ND": "NĐ", "QD": "QĐ"}.get(code, code)


class DocumentNumber(Frozen):
    """The number of a legal document, e.g. ``174/2026/NĐ-CP`` or ``15/2012/QH13``."""

    ordinal: int = Field(ge=1, description="the number before the first slash")
    year: int | None = Field(
        default=None, ge=1945, le=2100, description="the year of issue, when part of the number")
    kind_code: str = Field(default="", description="NĐ, TT, QĐ, NQ, VBHN; empty for laws")
    issuer: str = Field(min_length=1, description="CP, QH13, BTTTT, …")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if isinstance(value, str):
            return cls._split(value)
        return value

    @model_serializer
    def _to_text(self) -> str:
        return str(self)

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema,
                                     handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return {"type": "string", "description": "a document number such as 174/2026/NĐ-CP "
                "or 15/2012/QH13", "examples": ["174/2026/NĐ-CP"]}

    @classmethod
    def _split(cls, text: str) -> dict[str, Any]:
        match = _NUMBER_RE.match(text)
        if not match:
            raise ValueError(
                f"{text!r} is not a document number of the form ordinal/year/KIND-ISSUER "
                "(e.g. 174/2026/NĐ-CP, 15/2012/QH13)"
            )
        rest = match["rest"]
        if "-" in rest:
            kind_code, issuer = (_upper(part) for part in rest.split("-", 1))
        else:
            kind_code, issuer = "", _upper(rest)
        if kind_code and kind_code not in _KIND_BY_CODE:
            raise ValueError(f"{text!r}: unknown document kind code {kind_code!r}")
        if not kind_code and not issuer.startswith("QH"):
            raise ValueError(f"{text!r}: only laws (…/QHnn) may omit the kind code")
        year = int(match["year"]) if match["year"] else None
        return {"ordinal": int(match["ordinal"]), "year": year, "kind_code": kind_code,
                "issuer": issuer}

    @classmethod
    def parse(cls, text: str) -> DocumentNumber:
        """Read a document number; ``ValueError`` explains a bad one."""
        return cls.model_validate(cls._split(text))

    @property
    def kind(self) -> DocumentKind:
        """The document kind implied by the number."""
        if not self.kind_code:
            return DocumentKind.LAW
        return _KIND_BY_CODE[self.kind_code]

    def kind_label(self, language: str = "vi") -> str:
        """``Nghị định`` / ``Decree`` … for this number."""
        vi, en = _KIND_LABELS[self.kind]
        return vi if language == "vi" else en

    # Equality and hashing by value, in C: a number is compared wherever a provision,
    # a relation or a competence rule is looked up, so pydantic's generic model
    # comparison would dominate an assessment. Same answers: the fields are the value.
    def __eq__(self, other: object) -> bool:
        if other.__class__ is DocumentNumber:
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __hash__(self) -> int:
        d = self.__dict__
        return hash((d["ordinal"], d["year"], d["kind_code"], d["issuer"]))

    def __str__(self) -> str:
        d = self.__dict__
        key = (d["ordinal"], d["year"], d["kind_code"], d["issuer"])
        text = _TEXTS.get(key)
        if text is None:
            year = f"{self.year}/" if self.year is not None else ""
            code = f"{self.kind_code}-{self.issuer}" if self.kind_code else self.issuer
            text = f"{self.ordinal}/{year}{code}"
            if len(_TEXTS) < 65_536:
                _TEXTS[key] = text
        return text

    def sort_key(self) -> tuple[int, int]:
        """Chronological-ish order: by year, then ordinal."""
        return (self.year or 0, self.ordinal)


class RelationKind(StrEnum):
    """How one document acts on another."""

    REPLACES = "replaces"
    AMENDS = "amends"
    REPEALS = "repeals"


class DocumentRelation(Frozen):
    """``replaces`` / ``amends`` / ``repeals`` another document, from a date, on named parts.

    ``parts`` lists what is concerned, as written: ``"Chương II"``, ``"Điều 101"``.
    An empty list means the whole document.
    """

    kind: RelationKind = Field(description="how this document acts on the target")
    target: DocumentNumber = Field(description="the document acted on")
    on: date = Field(description="the day the relation takes effect")
    parts: tuple[str, ...] = Field(
        default=(), description="the parts concerned; empty for the whole document")
    basis: str = Field(min_length=1, description="citation of the clause that says so")
    provenance: Provenance = Field(description="where it comes from")


class ArticleRange(Frozen):
    """The articles of a document that sanction acts (for coverage reports)."""

    first: int = Field(ge=1, description="first sanctioning article")
    last: int = Field(ge=1, description="last sanctioning article")
    inserted: tuple[str, ...] = Field(default=(), description="inserted articles such as 93a")
    provenance: Provenance = Field(description="where it comes from")


class LegalDocument(Frozen):
    """A dated legal document."""

    number: DocumentNumber = Field(description="the document number")
    title: Localized = Field(description="the title, in our own words")
    issuer_name: Localized = Field(description="who issued it")
    issued_on: date | None = Field(default=None, description="None when not recorded")
    effective_from: date = Field(description="first day in force")
    effective_to: date | None = Field(
        default=None, description="last day in force, when the whole document ended"
    )
    relations: tuple[DocumentRelation, ...] = Field(
        default=(), description="what it amends, replaces or repeals")
    based_on: tuple[DocumentNumber, ...] = Field(
        default=(), description="laws the document implements (its legal basis)"
    )
    sanctioning_articles: ArticleRange | None = Field(
        default=None, description="the articles that set sanctions, for coverage")
    provenance: Provenance = Field(description="where the dates come from")

    @model_validator(mode="after")
    def _dates(self) -> LegalDocument:
        if self.issued_on is not None and self.effective_from < self.issued_on:
            raise ValueError(
                f"effective_from {self.effective_from} is before issued_on {self.issued_on}: "
                "a document cannot take effect before it is issued"
            )
        if self.effective_to is not None and self.effective_to < self.effective_from:
            raise ValueError("effective_to is before effective_from")
        return self

    @property
    def kind(self) -> DocumentKind:
        """The kind of document."""
        return self.number.kind

    def in_force_on(self, day: date) -> bool:
        """True if the document as a whole was in force on ``day``."""
        if day < self.effective_from:
            return False
        return self.effective_to is None or day <= self.effective_to
