"""Violation provisions: acts, fine frames, sanctions, remedies, dated versions."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, model_validator

from .citation import Citation
from .common import VND, Frozen, Localized, Provenance
from .document import DocumentNumber
from .letters import is_point_letter


class FineFrame(Frozen):
    """A minimum–maximum frame (khung tiền phạt)."""

    kind: Literal["frame"] = "frame"
    min: VND
    max: VND
    quantity_to: int | None = Field(
        default=None, ge=1, description="the frame covers quantities up to this (inclusive)"
    )
    beyond: Citation | None = Field(
        default=None, description="the clause that applies to larger quantities"
    )

    @model_validator(mode="after")
    def _order(self) -> FineFrame:
        if self.min > self.max:
            raise ValueError(f"min {self.min} is above max {self.max}: a frame runs low to high")
        return self


class PerUnitFine(Frozen):
    """A frame per unit (e.g. per subscriber number), for a range of quantities."""

    kind: Literal["per_unit"] = "per_unit"
    unit: Localized
    min: VND
    max: VND
    quantity_from: int = Field(default=1, ge=1)
    quantity_to: int | None = Field(default=None, ge=1, description="inclusive; None = no cap")
    beyond: Citation | None = Field(
        default=None, description="the clause that applies to larger quantities"
    )

    @model_validator(mode="after")
    def _order(self) -> PerUnitFine:
        if self.min > self.max:
            raise ValueError(f"min {self.min} is above max {self.max}")
        if self.quantity_to is not None and self.quantity_to < self.quantity_from:
            raise ValueError("quantity_to is below quantity_from")
        return self


class Band(Frozen):
    """One band: a frame for a quantity or value from ``from_`` (inclusive) ``below`` a bound."""

    point: str | None = Field(default=None, description="point letter that states this band")
    from_: int = Field(alias="from", ge=0)
    below: int | None = Field(default=None, description="exclusive upper bound; None = open")
    min: VND
    max: VND
    alt_from: int | None = Field(default=None, ge=0,
                                 description="bounds by the alternative criterion (e.g. profit)")
    alt_below: int | None = None

    @model_validator(mode="after")
    def _order(self) -> Band:
        if self.min > self.max:
            raise ValueError(f"min {self.min} is above max {self.max}")
        if self.below is not None and self.below <= self.from_:
            raise ValueError(f"band bound below={self.below} must exceed from={self.from_}")
        return self

    def contains(self, value: int) -> bool:
        """True if ``value`` falls in this band."""
        return value >= self.from_ and (self.below is None or value < self.below)

    def contains_alt(self, value: int) -> bool:
        """True if ``value`` falls in this band by the alternative criterion."""
        if self.alt_from is None:
            return False
        return value >= self.alt_from and (self.alt_below is None or value < self.alt_below)


class BandedFine(Frozen):
    """Frames chosen by the quantity, or the value of goods, or the illegal profit."""

    kind: Literal["banded"] = "banded"
    criterion: Literal["quantity", "goods_value", "illegal_profit"]
    alt_criterion: Literal["illegal_profit"] | None = Field(
        default=None, description="a second criterion that also chooses the band (value OR profit)"
    )
    unit: Localized
    bands: tuple[Band, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _contiguous(self) -> BandedFine:
        for before, after in zip(self.bands, self.bands[1:], strict=False):
            if before.below is None or before.below != after.from_:
                raise ValueError(
                    f"bands must be contiguous and ascending: a band ending below {before.below} "
                    f"is followed by one starting at {after.from_}"
                )
        return self


class PointFrames(Frozen):
    """A clause whose points each state their own frame (cite the point to choose one)."""

    kind: Literal["by_point"] = "by_point"
    frames: dict[str, FineFrame] = Field(min_length=1)

    @model_validator(mode="after")
    def _letters(self) -> PointFrames:
        bad = [p for p in self.frames if not is_point_letter(p)]
        if bad:
            raise ValueError(f"{bad} are not Vietnamese point letters")
        return self


Fine = Annotated[FineFrame | PerUnitFine | BandedFine | PointFrames, Field(discriminator="kind")]


class Act(Frozen):
    """One act (usually a point) a clause sanctions."""

    point: str
    label: Localized


class Duration(Frozen):
    """A duration range in months."""

    min_months: int = Field(ge=0)
    max_months: int = Field(ge=0)

    @model_validator(mode="after")
    def _order(self) -> Duration:
        if self.min_months > self.max_months:
            raise ValueError("min_months is above max_months")
        return self


class Measure(Frozen):
    """An additional sanction or a remedial measure, possibly limited to some points."""

    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: Localized
    points: tuple[str, ...] = Field(default=(), description="empty = every act of the clause")
    duration: Duration | None = None
    condition: Localized | None = None
    bands: tuple[str, ...] = Field(default=(), description="band points this measure goes with")
    quantity_from: int | None = Field(default=None, ge=0)
    quantity_below: int | None = Field(default=None, ge=1)

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


class ProvisionVersion(Frozen):
    """A provision as worded during one period."""

    effective_from: date
    effective_to: date | None = None
    amended_by: Citation | None = None
    warning: bool = Field(default=False, description="a warning (cảnh cáo) may be imposed")
    fine: Fine | None = None
    additional_sanctions: tuple[Measure, ...] = ()
    remedial_measures: tuple[Measure, ...] = ()
    measures_complete: bool = Field(
        default=True,
        description="False when the sources did not show every additional sanction or remedy",
    )
    provenance: Provenance

    @model_validator(mode="after")
    def _something(self) -> ProvisionVersion:
        if self.fine is None and not self.warning:
            raise ValueError("a version needs a fine or a warning")
        if self.effective_to is not None and self.effective_to < self.effective_from:
            raise ValueError("effective_to is before effective_from")
        return self

    def in_force_on(self, day: date) -> bool:
        """True if this wording applied on ``day``."""
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)


class Counterpart(Frozen):
    """The provision that continues this act in a replacing document."""

    citation: Citation
    provenance: Provenance


class Provision(Frozen):
    """A sanctioning clause (or article) with its dated versions."""

    document: DocumentNumber
    article: str
    clause: str | None = None
    chapter: str | None = None
    sector: str
    label: Localized
    acts: tuple[Act, ...] = ()
    versions: tuple[ProvisionVersion, ...] = Field(min_length=1)
    successor: Counterpart | None = None
    caveats: tuple[Localized, ...] = ()

    @model_validator(mode="after")
    def _versions_ordered(self) -> Provision:
        for before, after in zip(self.versions, self.versions[1:], strict=False):
            if before.effective_to is None or before.effective_to >= after.effective_from:
                raise ValueError(
                    "versions must follow each other without overlap: a version ending "
                    f"{before.effective_to} is followed by one starting {after.effective_from}"
                )
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
        """The version whose own dates cover ``day`` (document validity is checked elsewhere)."""
        return next((v for v in self.versions if v.in_force_on(day)), None)
