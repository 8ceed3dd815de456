"""The shape of a catalog file (TOML, see :doc:`/catalog-format`).

A file's records validate straight into the domain models — sectors, circumstances,
fine schemes, principles, decree rules, competence rules, measure types — with the
file's document as validation context, so a citation that names no document is read
as a part of that document. Only the parts whose shape is the file's own are defined
here: the ``[document]`` block, file defaults, and articles with their clauses and
amendments (which the loader turns into provisions with dated wordings).

``penalty-rules schema catalog`` prints :func:`catalog_json_schema`, which editors use
to check a file as it is typed.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..models.circumstance import Circumstance
from ..models.common import Localized, Provenance
from ..models.document import ArticleRange, DocumentNumber, DocumentRelation
from ..models.fine import Fine
from ..models.offender import OffenderTreatment
from ..models.principle import Principle
from ..models.provision import Measure, MeasureType
from ..models.rules import CompetenceRule, DecreeRules, FineScheme
from ..models.sector import Sector

FORMAT_VERSION = 1


class FilePart(BaseModel):
    """Base of the file-shaped parts: unknown fields refused."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class DocumentBlock(FilePart):
    """``[document]``: the document the file holds (or, with ``overlay``, amends)."""

    number: DocumentNumber
    overlay: bool = Field(
        default=False, description="add to or replace provisions and codes of a document "
        "already loaded; the block then names only the number")
    title: Localized | None = None
    issuer: Localized | None = None
    issued_on: date | None = None
    effective_from: date | None = None
    effective_to: date | None = Field(default=None, description="last day in force, if ended")
    relations: tuple[DocumentRelation, ...] = ()
    based_on: tuple[DocumentNumber, ...] = ()
    sanctioning_articles: ArticleRange | None = None
    provenance: Provenance | None = None


class Defaults(FilePart):
    """``[defaults]``: values every clause of the file takes unless it gives its own."""

    provenance: Provenance | None = Field(
        default=None, description="provenance of every clause that names none (an article "
        "may set its own default too)")


class CompetenceEntry(CompetenceRule):
    """A competence rule as written in a file: it may say when it stopped applying."""

    repealed_from: date | None = Field(
        default=None, description="first day the rule no longer applies (a start date too)")
    repeal_basis: str | None = Field(default=None, description="the clause that ended it")


class SuccessorRef(FilePart):
    """The clause of a replacing document that continues this act."""

    citation: str = Field(description="a citation naming its document")
    provenance: Provenance


class Content(FilePart):
    """What one wording of a clause says; in an amendment every field is optional."""

    warning: bool | None = False
    fine: Fine | None = None
    additional_sanctions: tuple[Measure, ...] = ()
    remedial_measures: tuple[Measure, ...] = ()
    points: dict[str, Localized] = Field(default_factory=dict,
                                         description="point letter → own-words label of the act")
    measures_complete: bool | None = None
    provenance: Provenance | None = Field(
        default=None, description="required unless the article or [defaults] gives one")


class AmendmentBlock(Content):
    """A later wording of the clause, from ``effective_from``, given by ``by``."""

    warning: bool | None = None
    effective_from: date
    by: str = Field(description="the amending clause, naming its document")
    label: Localized | None = None


class ClauseBlock(Content):
    """A sanctioning clause (or a whole article) as first worded, with its amendments."""

    label: Localized
    sector: str | None = None
    effective_from: date | None = Field(default=None,
                                        description="default: the document's effective_from")
    amendments: tuple[AmendmentBlock, ...] = ()
    successor: SuccessorRef | None = None
    caveats: tuple[Localized, ...] = ()
    elements: tuple[str, ...] = Field(
        default=(), description="aggravating circumstance codes that are elements of the act "
        "(not counted again, Law Art. 10(2))")


class ArticleBlock(FilePart):
    """``[article.N]``: the article's clauses (or ``whole``) and their defaults."""

    title: Localized
    chapter: str | None = None
    sector: str | None = None
    provenance: Provenance | None = Field(default=None,
                                          description="default provenance of its clauses")
    clause: dict[str, ClauseBlock] = Field(default_factory=dict)
    whole: ClauseBlock | None = Field(
        default=None, description="an article sanctioned as a whole, without clauses"
    )


class CatalogFile(FilePart):
    """A whole catalog file."""

    format: Literal[1]
    document: DocumentBlock
    defaults: Defaults | None = None
    rules: DecreeRules | None = None
    sector: tuple[Sector, ...] = ()
    circumstance: tuple[Circumstance, ...] = ()
    fine_scheme: tuple[FineScheme, ...] = ()
    offender_treatment: tuple[OffenderTreatment, ...] = ()
    competence: tuple[CompetenceEntry, ...] = ()
    principle: tuple[Principle, ...] = ()
    measure: tuple[MeasureType, ...] = ()
    article: dict[str, ArticleBlock] = Field(default_factory=dict)


def catalog_json_schema() -> dict[str, Any]:
    """The JSON Schema of a catalog file (TOML read as JSON: dates as ISO strings)."""
    schema = CatalogFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "penalty_rules catalog file"
    return schema
