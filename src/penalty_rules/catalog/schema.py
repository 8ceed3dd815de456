"""The shape of a catalog file, field by field (TOML, see :doc:`/catalog-format`).

These raw models accept exactly what a file may contain; unknown fields are errors.
Citations are still text here: :mod:`penalty_rules.catalog.loader` reads them,
filling in the file's own document for citations that name none.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..models.common import VND, Localized, Provenance
from ..models.document import ArticleRange
from ..models.offender import FineBase, OffenderKind
from ..models.provision import Duration, Fine
from ..models.rules import SchemeKind

FORMAT_VERSION = 1


class Raw(BaseModel):
    """Base of raw file models: unknown fields refused."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class RawRelation(Raw):
    kind: Literal["replaces", "amends", "repeals"]
    target: str
    on: date
    parts: tuple[str, ...] = ()
    basis: str
    provenance: Provenance


class RawDocument(Raw):
    number: str
    overlay: bool = Field(
        default=False, description="add to or replace provisions of a document already loaded"
    )
    title: Localized | None = None
    issuer: Localized | None = None
    issued_on: date | None = None
    effective_from: date | None = None
    effective_to: date | None = None
    relations: tuple[RawRelation, ...] = ()
    based_on: tuple[str, ...] = ()
    sanctioning_articles: ArticleRange | None = None
    provenance: Provenance | None = None


class RawDecreeMaximum(Raw):
    sector: str
    individual_max: VND
    basis: str
    provenance: Provenance


class RawPartList(Raw):
    parts: tuple[str, ...] = Field(min_length=1)
    valid_from: date | None = None
    basis: str
    provenance: Provenance


class RawTransition(Raw):
    predecessor: str
    ended_before: str
    ongoing: str
    provenance: Provenance


class RawDurationLimit(Raw):
    min_months: int
    max_months: int
    basis: str
    provenance: Provenance


class RawRules(Raw):
    fine_base: FineBase
    fine_base_basis: str
    fine_base_provenance: Provenance
    base_exceptions: tuple[str, ...] = ()
    sector_maxima: tuple[RawDecreeMaximum, ...] = ()
    two_year_limitation: RawPartList | None = None
    fined_once: RawPartList | None = None
    fine_scheme: str | None = None
    duration_limit: RawDurationLimit | None = None
    competence_base: FineBase = FineBase.ORGANIZATION
    transition: RawTransition | None = None


class RawMaximum(Raw):
    individual_max: VND
    valid_from: date
    basis: str
    provenance: Provenance


class RawLimitation(Raw):
    years: int
    valid_from: date
    basis: str
    provenance: Provenance


class RawSector(Raw):
    code: str
    label: Localized
    maxima: tuple[RawMaximum, ...] = ()
    limitation: tuple[RawLimitation, ...] = ()


class RawCircumstance(Raw):
    code: str
    kind: Literal["mitigating", "aggravating"]
    basis: str
    label: Localized
    aliases: tuple[str, ...] = ()
    provenance: Provenance


class RawScheme(Raw):
    code: str
    kind: SchemeKind
    label: Localized
    percent: int | None = None
    scope: Literal["general", "decree"] = "general"
    valid_from: date
    basis: str
    amended_by: str | None = None
    provenance: Provenance


class RawTreatment(Raw):
    kind: OffenderKind
    fined_as: FineBase
    label: Localized
    basis: str | None = None
    provenance: Provenance


class RawCompetence(Raw):
    code: str
    title: str
    official: Localized
    level: Literal["commune", "district", "province", "central", "field"]
    body: str
    caps: dict[str, VND] = Field(default_factory=dict)
    cap_base: FineBase = FineBase.ORGANIZATION
    percent: int | None = None
    valid_from: date
    repealed_from: date | None = Field(
        default=None, description="first day the rule no longer applies (a start date too)")
    repeal_basis: str | None = None
    basis: str
    provenance: Provenance


class RawPrinciple(Raw):
    code: str
    label: Localized
    valid_from: date
    basis: str
    amended_by: str | None = None
    provenance: Provenance


class RawMeasure(Raw):
    code: str
    label: Localized
    points: tuple[str, ...] = ()
    duration: Duration | None = None
    condition: Localized | None = None
    bands: tuple[str, ...] = ()
    quantity_from: int | None = None
    quantity_below: int | None = None


class RawContent(Raw):
    """What a version of a clause says; every field of an amendment is optional."""

    warning: bool | None = False
    fine: Fine | None = None
    additional_sanctions: tuple[RawMeasure, ...] = ()
    remedial_measures: tuple[RawMeasure, ...] = ()
    points: dict[str, Localized] = Field(default_factory=dict)
    measures_complete: bool | None = None
    provenance: Provenance


class RawAmendment(RawContent):
    warning: bool | None = None
    effective_from: date
    by: str
    label: Localized | None = None


class RawCounterpart(Raw):
    citation: str
    provenance: Provenance


class RawClause(RawContent):
    label: Localized
    sector: str | None = None
    effective_from: date | None = None
    amendments: tuple[RawAmendment, ...] = ()
    successor: RawCounterpart | None = None
    caveats: tuple[Localized, ...] = ()


class RawArticle(Raw):
    title: Localized
    chapter: str | None = None
    sector: str | None = None
    clause: dict[str, RawClause] = Field(default_factory=dict)
    whole: RawClause | None = Field(
        default=None, description="an article sanctioned as a whole, without clauses"
    )


class RawFile(Raw):
    format: Literal[1]
    document: RawDocument
    rules: RawRules | None = None
    sector: tuple[RawSector, ...] = ()
    circumstance: tuple[RawCircumstance, ...] = ()
    fine_scheme: tuple[RawScheme, ...] = ()
    offender_treatment: tuple[RawTreatment, ...] = ()
    competence: tuple[RawCompetence, ...] = ()
    principle: tuple[RawPrinciple, ...] = ()
    article: dict[str, RawArticle] = Field(default_factory=dict)
