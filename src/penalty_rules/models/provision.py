"""Violation provisions: acts, sanctions, remedies and their dated wordings."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field, ValidationInfo, model_validator

from .citation import Citation
from .common import Frozen, Localized, Provenance, optional_in_files
from .document import DocumentNumber
from .fine import Band, BandedFine, Fine, FineFrame, PerUnitFine, PointFrames, Range
from .timeline import Dated, Timeline

__all__ = [
    "Act", "Band", "BandedFine", "Counterpart", "Duration", "Fine", "FineFrame", "Measure",
    "MeasureKind", "MeasureType", "PerUnitFine", "PointFrames", "Provision", "ProvisionVersion",
    "Range",
]


class Act(Frozen):
    """One act (usually a point) a clause sanctions."""

    point: str = Field(description="the point letter")
    label: Localized = Field(description="the act, in our own words")


class Duration(Frozen):
    """A duration range in months."""

    min_months: int = Field(ge=0, description="shortest duration, in months")
    max_months: int = Field(ge=0, description="longest duration, in months")

    @model_validator(mode="after")
    def _order(self) -> Duration:
        if self.min_months > self.max_months:
            raise ValueError("min_months is above max_months")
        return self


class MeasureKind(StrEnum):
    """The two families of measures the Law distinguishes."""

    SANCTION = "sanction"  # additional sanction forms (Law Art. 21)
    REMEDY = "remedy"  # remedial measures (Law Art. 28)


class MeasureType(Frozen):
    """A kind of measure, registered once (``[[measure]]``) and named by code in clauses."""

    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="stable code of the measure")
    kind: MeasureKind = Field(description="an additional sanction or a remedial measure")
    label: Localized = Field(description="the label clauses use unless they give their own")
    basis: Citation = Field(description="the clause of the Law that creates this form")
    provenance: Provenance = Field(description="where it comes from")


class Measure(Frozen):
    """An additional sanction or a remedial measure, possibly limited to some points.

    In a catalog file ``label`` may be left out: the registered label of the code is used.
    """

    model_config = Frozen.model_config | {"json_schema_extra": optional_in_files("label")}

    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="stable code of the measure")
    label: Localized = Field(description="what the measure is, in both languages")
    points: tuple[str, ...] = Field(default=(), description="empty = every act of the clause")
    duration: Duration | None = Field(default=None, description="how long it lasts, when the decree says")
    condition: Localized | None = Field(default=None, description="when it applies, if only in some cases")
    bands: tuple[str, ...] = Field(default=(), description="band points this measure goes with")
    quantity_from: int | None = Field(default=None, ge=0, description="applies from this quantity on")
    quantity_below: int | None = Field(default=None, ge=1, description="applies below this quantity")
    alternative_to: str | None = Field(
        default=None, description="code of the main measure this one replaces when that one "
        "cannot be carried out (a fallback)")

    @model_validator(mode="before")
    @classmethod
    def _registered_label(cls, value: object, info: ValidationInfo) -> object:
        if isinstance(value, dict) and "label" not in value and info.context:
            registry = info.context.get("measures") or {}
            known = registry.get(value.get("code"))
            if known is not None:
                return {**value, "label": known.label}
        return value

    def applies_to(self, point: str | None, band: str | None = None,
                   quantity: int | None = None) -> bool:
        """True if this measure goes with the act at ``point``, the ``band`` and ``quantity``.

        When the act's point is not known (the citation names only the clause) a
        point-limited measure is kept: the trace says it depends on the point.
        """
        if self.points and point is not None and point not in self.points:
            return False
        if self.bands and band not in self.bands:
            return False
        if quantity is not None:
            if self.quantity_from is not None and quantity < self.quantity_from:
                return False
            if self.quantity_below is not None and quantity >= self.quantity_below:
                return False
        return True


class ProvisionVersion(Dated):
    """A provision as worded from ``valid_from`` until its next wording (or its repeal)."""

    amended_by: Citation | None = Field(
        default=None, description="the clause that gave this wording, if amended")
    warning: bool = Field(default=False, description="a warning (cảnh cáo) may be imposed")
    fine: Fine | None = Field(default=None, description="the fine of this wording; null for a warning only")
    additional_sanctions: tuple[Measure, ...] = Field(
        default=(), description="additional sanctions of this wording")
    remedial_measures: tuple[Measure, ...] = Field(
        default=(), description="remedial measures of this wording")
    measures_complete: bool = Field(
        default=True,
        description="False when the sources did not show every additional sanction or remedy",
    )
    provenance: Provenance = Field(description="where the figures come from")

    @model_validator(mode="after")
    def _something(self) -> ProvisionVersion:
        if self.fine is None and not self.warning:
            raise ValueError("a version needs a fine or a warning")
        return self

    @property
    def effective_from(self) -> date:
        """The first day of this wording (same as ``valid_from``)."""
        return self.valid_from

    @property
    def top_amount(self) -> int | None:
        """The highest amount the wording states (per unit for per-unit frames)."""
        return None if self.fine is None else self.fine.top

    def same_fine_as(self, other: ProvisionVersion) -> bool:
        """True if both wordings state the same fine (kind and amounts)."""
        if self.fine is None or other.fine is None:
            return self.fine is other.fine
        return bool(self.fine.model_dump(exclude={"beyond"})
                    == other.fine.model_dump(exclude={"beyond"}))


class Counterpart(Frozen):
    """The provision that continues this act in a replacing document."""

    citation: Citation = Field(description="the provision on the other side of the link")
    provenance: Provenance = Field(description="where the link comes from")


class Provision(Frozen):
    """A sanctioning clause (or article) with its dated versions."""

    document: DocumentNumber = Field(description="the document of the provision")
    article: str = Field(description="the article number")
    clause: str | None = Field(default=None, description="the clause number")
    chapter: str | None = Field(default=None, description="the chapter, when recorded")
    sector: str = Field(description="code of the sector")
    label: Localized = Field(description="short description, in our own words")
    acts: tuple[Act, ...] = Field(default=(), description="the acts of its points")
    versions: Timeline[ProvisionVersion] = Field(description="the wordings, oldest first")
    successor: Counterpart | None = Field(default=None, description="the provision that replaced it, if any")
    caveats: tuple[Localized, ...] = Field(
        default=(), description="what a reader must know before applying it")
    elements: tuple[str, ...] = Field(
        default=(), description="circumstance codes that are elements of the act itself: they "
        "are not counted again as aggravating (Law Art. 10(2))")

    @model_validator(mode="after")
    def _has_version(self) -> Provision:
        if not self.versions.values:
            raise ValueError("a provision needs at least one version")
        return self

    @property
    def citation(self) -> Citation:
        """The citation of this clause (without point)."""
        return Citation(article=self.article, clause=self.clause, document=self.document)

    @property
    def points(self) -> tuple[str, ...]:
        """The point letters of the acts of this clause."""
        return tuple(act.point for act in self.acts)

    def act(self, point: str | None) -> Act | None:
        """The act stated at ``point``."""
        return next((a for a in self.acts if a.point == point), None)

    def version_on(self, day: date) -> ProvisionVersion | None:
        """The wording that applied on ``day`` by its own dates (repeals are the catalog's)."""
        return self.versions.at(day)
