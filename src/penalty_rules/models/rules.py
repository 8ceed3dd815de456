"""General rules: a decree's own rules, fine-determination schemes and competence."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Literal

from pydantic import Field, ValidationInfo, field_serializer, field_validator, model_validator

from .citation import Citation
from .common import VND, Frozen, Localized, Provenance, from_context, optional_in_files
from .document import DocumentNumber
from .offender import FineBase
from .timeline import Dated


class PartList(Dated):
    """A list of parts of a decree singled out by one of its clauses, from ``valid_from``.

    In a catalog file ``valid_from`` may be left out: the list then applies from the
    day its decree took effect.
    """

    parts: tuple[Citation, ...] = Field(min_length=1, description="the parts listed")
    basis: Citation = Field(description="the clause that lists them")
    provenance: Provenance = Field(description="where it comes from")

    model_config = Frozen.model_config | {"json_schema_extra": optional_in_files("valid_from")}

    @model_validator(mode="before")
    @classmethod
    def _start(cls, value: object, info: ValidationInfo) -> object:
        return from_context(value, info, valid_from="effective_from")

    def covers(self, citation: Citation) -> Citation | None:
        """The listed part that contains ``citation``, if any."""
        return next((p for p in self.parts if citation.within(p)), None)

    def covers_on(self, citation: Citation, day: date) -> Citation | None:
        """The listed part that contains ``citation`` when the list applies on ``day``."""
        return self.covers(citation) if day >= self.valid_from else None


class DecreeMaximum(Frozen):
    """A sector maximum restated by a decree (for individuals)."""

    sector: str = Field(description="code of the sector")
    individual_max: VND = Field(gt=0)
    basis: Citation = Field(description="the clause that sets it")
    provenance: Provenance = Field(description="where it comes from")


class TransitionRule(Frozen):
    """How a replacing decree treats acts from before its effective date."""

    predecessor: DocumentNumber = Field(description="the decree replaced")
    ended_before: Citation = Field(description="clause: acts that ended before → predecessor")
    ongoing: Citation = Field(description="clause: acts still ongoing → decree in force at detection")
    provenance: Provenance = Field(description="where it comes from")


class DurationLimit(Frozen):
    """The range a decree allows for licence withdrawal and suspension of activity."""

    min_months: int = Field(ge=0, description="shortest duration, in months")
    max_months: int = Field(ge=1, description="longest duration, in months")
    basis: Citation = Field(description="the clause that sets the limits")
    provenance: Provenance = Field(description="where it comes from")


class CompetenceScope(Frozen):
    """A decree's division of competence (e.g. Decree 174/2026 Art. 113): which acts some
    officials may sanction, or on what condition.

    An act is within the scope when its provision lies in one of ``chapters`` or within
    one of ``parts``; with neither, the officials keep every act and ``condition`` says
    what limits them (for example "within their assigned duties").
    """

    officials: tuple[str, ...] = Field(min_length=1, description="codes of competence rules")
    chapters: tuple[str, ...] = Field(default=(), description="chapters (Roman numerals)")
    parts: tuple[Citation, ...] = Field(default=(), description="articles, clauses or points")
    condition: Localized | None = Field(default=None, description="a limit to show, in words")
    basis: Citation = Field(description="the clause that divides competence")
    provenance: Provenance = Field(description="where it comes from")

    def covers(self, citation: Citation, chapter: str | None) -> bool:
        """True if the act at ``citation`` (in ``chapter``) lies within this scope."""
        if not self.chapters and not self.parts:
            return True
        if chapter is not None and chapter in self.chapters:
            return True
        return any(citation.within(part) for part in self.parts)


class DecreeRules(Frozen):
    """The general rules a sanctioning decree states for its own provisions.

    In a catalog file (``[rules]``) ``document`` is left out: it is the file's document.
    """

    model_config = Frozen.model_config | {"json_schema_extra": optional_in_files("document")}

    document: DocumentNumber = Field(description="the decree these rules belong to")

    @model_validator(mode="before")
    @classmethod
    def _document(cls, value: object, info: ValidationInfo) -> object:
        return from_context(value, info, document="document")
    fine_base: FineBase = Field(description="whom the stated amounts are written for")
    fine_base_basis: Citation = Field(description="the clause that says so")
    fine_base_provenance: Provenance = Field(description="where it comes from")
    base_exceptions: tuple[Citation, ...] = Field(
        default=(), description="parts whose amounts are written for the other kind of offender"
    )
    sector_maxima: tuple[DecreeMaximum, ...] = Field(
        default=(), description="maximum fines the decree sets per sector")
    two_year_limitation: PartList | None = Field(
        default=None, description="parts with a two-year limitation period")
    fined_once: PartList | None = Field(default=None, description="parts fined once when repeated")
    fine_scheme: str | None = Field(default=None, description="code of a decree-specific scheme")
    duration_limit: DurationLimit | None = Field(
        default=None, description="limits on the duration of additional sanctions")
    competence_base: FineBase = Field(
        default=FineBase.ORGANIZATION, description="whom the competence caps are written for")
    transition: TransitionRule | None = Field(
        default=None, description="how acts begun under the predecessor are handled")
    competence_scope: tuple[CompetenceScope, ...] = Field(
        default=(), description="the decree's division of competence between officials")

    def stated_base(self, citation: Citation) -> FineBase:
        """Whom the amounts of the part at ``citation`` are written for (base or exception)."""
        if any(citation.within(part) for part in self.base_exceptions):
            return (FineBase.INDIVIDUAL if self.fine_base is FineBase.ORGANIZATION
                    else FineBase.ORGANIZATION)
        return self.fine_base

    def own_maximum(self, sector: str) -> DecreeMaximum | None:
        """The sector maximum this decree restates for ``sector``, if any."""
        return next((m for m in self.sector_maxima if m.sector == sector), None)


class SchemeKind(StrEnum):
    """Ways of turning circumstances into a specific fine."""

    AVERAGE_ONLY = "average_only"
    BOUNDS_AT_TWO = "bounds_at_two"
    OPEN_INTERVAL_BOUNDS_AT_TWO = "open_interval_bounds_at_two"
    PERCENT_OF_AVERAGE = "percent_of_average"


class FineScheme(Dated):
    """A dated rule for the specific fine within a frame."""

    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="stable code of the scheme")
    kind: SchemeKind = Field(description="how the specific fine is set")
    label: Localized = Field(description="the scheme in our own words")
    percent: int | None = Field(
        default=None, ge=1, le=100, description="share of the average per circumstance, for percent schemes")
    scope: Literal["general", "decree"] = Field(
        default="general", description="decree: used only by decrees that name it"
    )
    basis: Citation = Field(description="the clause that sets it")
    amended_by: Citation | None = Field(default=None, description="the clause that amended it, if any")
    provenance: Provenance = Field(description="where it comes from")

    @model_validator(mode="after")
    def _percent(self) -> FineScheme:
        if (self.kind is SchemeKind.PERCENT_OF_AVERAGE) != (self.percent is not None):
            raise ValueError("percent is required for percent_of_average and only for it")
        return self


class CompetenceRule(Dated):
    """An official's power to fine, as a cap per sector or a percentage of the maximum."""

    model_config = Frozen.model_config | {"json_schema_extra": optional_in_files("document")}

    @model_validator(mode="before")
    @classmethod
    def _document(cls, value: object, info: ValidationInfo) -> object:
        return from_context(value, info, document="document")

    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="stable code of the rule")
    title: str = Field(pattern=r"^[a-z][a-z0-9_]*$",
                       description="the same official across decrees, e.g. commune_chair")
    official: Localized = Field(description="the title of the official")
    level: Literal["commune", "district", "province", "central", "field"] = Field(
        description="commune, district, province, central or field")
    body: str = Field(description="code of the body the official belongs to")
    document: DocumentNumber = Field(description="the decree that gives the power (in a "
                                     "catalog file: the file's document)")
    caps: Mapping[str, VND] = Field(default_factory=lambda: MappingProxyType({}),
                                    description="sector code → cap (read-only)")
    cap_base: FineBase = Field(default=FineBase.ORGANIZATION, description="whom the caps are written for")
    percent: int | None = Field(
        default=None, ge=1, le=100, description="cap as a share of the sector maximum, when so written")
    basis: Citation = Field(description="the clause that empowers the official")
    provenance: Provenance = Field(description="where it comes from")

    @field_validator("caps", mode="after")
    @classmethod
    def _read_only(cls, value: Mapping[str, int]) -> Mapping[str, int]:
        return MappingProxyType(dict(value))

    @field_serializer("caps")
    def _plain(self, value: Mapping[str, int]) -> dict[str, int]:
        return dict(value)

    def cap_for(self, sector: str) -> int | None:
        """The stated cap for ``sector`` (``None`` when the rule does not name it)."""
        return self.caps.get(sector)

    @model_validator(mode="after")
    def _cap_or_percent(self) -> CompetenceRule:
        if bool(self.caps) == (self.percent is not None):
            raise ValueError("a competence rule has either caps per sector or a percent, not both")
        return self
