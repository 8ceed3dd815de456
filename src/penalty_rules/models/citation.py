"""The canonical citation model and its three written forms.

>>> c = Citation(article="34", clause="2", point="a", document="174/2026/NĐ-CP")
>>> c.format()
'điểm a khoản 2 Điều 34 Nghị định 174/2026/NĐ-CP'
>>> c.format("short")
'34.2.a 174/2026/NĐ-CP'
>>> c.format("en")
'Article 34(2)(a) of Decree 174/2026/NĐ-CP'
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from typing import Any, Literal

from pydantic import Field, GetJsonSchemaHandler, ValidationInfo, field_validator, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from .common import Frozen
from .document import DocumentNumber
from .letters import is_point_letter, letter_index, normalize_letter

CitationForm = Literal["vi", "short", "en"]

_NUMBER_RE = re.compile(r"^[1-9]\d{0,3}[a-z]?$")


#: Reads a citation written as text; installed by :mod:`penalty_rules.citations.parse`
#: when the package is imported, so the model layer imports nothing above it.
_text_reader: Callable[[str], Citation] | None = None


def install_text_reader(reader: Callable[[str], Citation]) -> None:
    """Let :class:`Citation` accept text, read by ``reader`` (the citation parser)."""
    global _text_reader
    _text_reader = reader


def _number_key(value: str) -> tuple[int, str]:
    digits = value.rstrip("abcdefghijklmnopqrstuvwxyz")
    return (int(digits), value[len(digits):])


class Citation(Frozen):
    """A reference to an article, clause (khoản) or point (điểm) of a document.

    ``article`` and ``clause`` are strings because the law numbers inserted parts
    ``93a`` or ``1a``. ``amended_by`` cites the clause of a later document that
    gave this part its current wording.
    """

    article: str = Field(description="Điều: 1, 34, 93a")
    clause: str | None = Field(default=None, description="khoản: 1, 2, 1a")
    point: str | None = Field(default=None, description="điểm: a, b, …, đ, …")
    document: DocumentNumber | None = Field(
        default=None, description="the document; null when the context gives it")
    amended_by: Citation | None = Field(
        default=None, description="the clause that amended this one, when cited together")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any, info: ValidationInfo) -> Any:
        """Accept a citation written as text (in any form the parser reads).

        Validated with a context holding ``document`` (as the catalog loader does), a
        citation that names no document is read as a part of that document.
        """
        if isinstance(value, str):
            if _text_reader is None:
                # The parser installs itself when imported; load it by name (the model layer
                # never imports the parser module directly).
                importlib.import_module("penalty_rules.citations.parse")
            assert _text_reader is not None
            value = _text_reader(value).model_dump(exclude_none=True)
        if isinstance(value, dict) and value.get("document") is None and info.context:
            document = info.context.get("document")
            if document is not None:
                value = {**value, "document": document}
        return value

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema,
                                     handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        structured = handler(core_schema)
        return {"anyOf": [
            {"type": "string", "description": "a citation in any form the parser reads, e.g. "
             "'điểm a khoản 2 Điều 34 Nghị định 174/2026/NĐ-CP'; in a catalog file one that "
             "names no document is a part of the file's document"},
            structured]}

    @field_validator("article", "clause")
    @classmethod
    def _number(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip().lower()
        if not _NUMBER_RE.match(value):
            raise ValueError(
                f"{value!r} is not an article or clause number (digits, optionally one letter "
                "for an inserted part such as 93a)"
            )
        return value

    @field_validator("point")
    @classmethod
    def _letter(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = normalize_letter(value)
        if not is_point_letter(value):
            raise ValueError(
                f"{value!r} is not a Vietnamese point letter; points run a, b, c, d, đ, e, g, …"
            )
        return value

    # Equality and hashing by value, in C (see DocumentNumber): citations are compared
    # in every look-up of a listed part, so these run on every assessment.
    def __eq__(self, other: object) -> bool:
        if other.__class__ is Citation:
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __hash__(self) -> int:
        d = self.__dict__
        return hash((d["article"], d["clause"], d["point"], d["document"], d["amended_by"]))

    def sort_key(self) -> tuple[object, ...]:
        """Order citations the way the law orders its parts."""
        doc = self.document.sort_key() if self.document else (0, 0)
        clause = _number_key(self.clause) if self.clause else (0, "")
        point = letter_index(self.point) if self.point else -1
        return (doc, _number_key(self.article), clause, point)

    # -- derived citations ----------------------------------------------------------
    def with_document(self, document: DocumentNumber | None) -> Citation:
        """The same part, in ``document``."""
        return self.model_copy(update={"document": document})

    def clause_level(self) -> Citation:
        """This citation without its point and amendment."""
        return Citation(article=self.article, clause=self.clause, document=self.document)

    def article_level(self) -> Citation:
        """Only the article (and document)."""
        return Citation(article=self.article, document=self.document)

    def within(self, other: Citation) -> bool:
        """True if this part lies inside ``other`` (same or narrower part, same document)."""
        if other.document is not None and self.document != other.document:
            return False
        if self.article != other.article:
            return False
        if other.clause is not None and self.clause != other.clause:
            return False
        return other.point is None or self.point == other.point

    # -- formatting -----------------------------------------------------------------
    def format(self, form: CitationForm = "vi") -> str:
        """Write the citation in Vietnamese (``vi``), short or English form."""
        if form == "vi":
            return self._format_vi()
        if form == "short":
            return self._format_short()
        if form == "en":
            return self._format_en()
        raise ValueError(f"unknown citation form {form!r}; use 'vi', 'short' or 'en'")

    def _format_vi(self) -> str:
        parts = []
        if self.point:
            parts.append(f"điểm {self.point}")
        if self.clause:
            parts.append(f"khoản {self.clause}")
        parts.append(f"Điều {self.article}")
        text = " ".join(parts)
        if self.document:
            text += f" {self.document.kind_label('vi')} {self.document}"
        if self.amended_by:
            text += f", được sửa đổi bởi {self.amended_by._format_vi()}"
        return text

    def _format_short(self) -> str:
        text = ".".join(p for p in (self.article, self.clause, self.point) if p)
        if self.clause is None and self.point is not None:
            text = f"{self.article}..{self.point}"
        if self.document:
            text += f" {self.document}"
        if self.amended_by:
            text += f" (sđ {self.amended_by._format_short()})"
        return text

    def _format_en(self) -> str:
        text = f"Article {self.article}"
        if self.clause:
            text += f"({self.clause})"
        if self.point:
            text += f"({self.point})" if self.clause else f", point {self.point}"
        if self.document:
            text += f" of {self.document.kind_label('en')} {self.document}"
        if self.amended_by:
            text += f", as amended by {self.amended_by._format_en()}"
        return text

    def __str__(self) -> str:
        return self._format_vi()
