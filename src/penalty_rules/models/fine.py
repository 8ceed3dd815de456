"""Fines as a clause states them, and what each kind of statement means for a case.

A clause states its fine in one of four ways: a frame (``FineFrame``), a frame per
unit (``PerUnitFine``), frames chosen by a quantity or value band (``BandedFine``) or
one frame per point (``PointFrames``). Each knows its bounds for the facts of a case
(:meth:`bounds`), its highest amount (:attr:`top`), how to scale its amounts (used by
reform what-ifs) and how to describe itself; the engine never switches on the kind.

>>> frame = FineFrame(min=10_000_000, max=20_000_000)
>>> frame.bounds(Facts(), None).range
Range(min=10000000, max=20000000)
>>> frame.top, frame.scaled(lambda amount: amount * 105 // 100).max
(20000000, 21000000)
>>> per_number = PerUnitFine(unit={"vi": "số thuê bao", "en": "subscriber number"},
...                          min=200_000, max=500_000, quantity_to=10)
>>> per_number.bounds(Facts(quantity=3), None).range
Range(min=600000, max=1500000)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Annotated, Literal, NamedTuple

from pydantic import Field, field_serializer, field_validator, model_validator

from ..errors import CaseError
from .citation import Citation
from .common import VND, Frozen, Localized
from .letters import is_point_letter


class Range(NamedTuple):
    """A closed range of whole VND, ``min`` ≤ ``max``."""

    min: int
    max: int

    @property
    def average(self) -> int:
        """The average of the range (Art. 23(4) of the Law), rounded down to a whole đồng."""
        return (self.min + self.max) // 2

    def halved(self) -> Range:
        """The range for the other half (an organisation amount read for an individual).

        The minimum rounds up and the maximum down, so the result stays inside the
        lawful half of the stated range.
        """
        return Range(self.min - self.min // 2, self.max // 2)

    def doubled(self) -> Range:
        """Twice the range (an individual amount read for an organisation)."""
        return Range(self.min * 2, self.max * 2)

    def capped(self, cap: int) -> Range:
        """The range cut at ``cap``."""
        return Range(min(self.min, cap), min(self.max, cap))

    def lighter_than(self, other: Range) -> bool:
        """True if this range is lighter for the offender: a lower top, or the same top
        and a lower bottom."""
        return self.max < other.max or (self.max == other.max and self.min < other.min)


@dataclass(frozen=True)
class Facts:
    """The facts of a case a fine statement may depend on."""

    quantity: int | None = None
    goods_value: int | None = None
    illegal_profit: int | None = None


@dataclass(frozen=True)
class Bounds:
    """What a fine statement gives for a case: the stated range and how it was chosen.

    ``per_unit`` holds the unit range and the quantity when the range was multiplied;
    ``band`` the band chosen, with the criterion and value that chose it.
    """

    range: Range
    band: Band | None = None
    criterion: str | None = None
    value: int | None = None
    per_unit: Range | None = None
    unit: Localized | None = None
    flags: tuple[str, ...] = ()


def _check_order(low: int, high: int) -> None:
    if low > high:
        raise ValueError(f"min {low} is above max {high}: a frame runs low to high")


#: A function that turns one amount into another (e.g. raises it by 5 % and rounds).
Rescale = Callable[[int], int]


class FineFrame(Frozen):
    """A minimum–maximum frame (khung tiền phạt)."""

    kind: Literal["frame"] = Field(default="frame", description="always frame")
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
        _check_order(self.min, self.max)
        return self

    @property
    def top(self) -> int:
        """The highest amount stated."""
        return self.max

    def bounds(self, facts: Facts, point: str | None) -> Bounds:
        """The stated range (the same for every case)."""
        return Bounds(Range(self.min, self.max))

    def scaled(self, rescale: Rescale) -> FineFrame:
        """The frame with both amounts passed through ``rescale``."""
        return self.model_copy(update={"min": rescale(self.min), "max": rescale(self.max)})

    def covers_quantity(self, quantity: int) -> bool:
        """False when the quantity lies above what the frame covers."""
        return self.quantity_to is None or quantity <= self.quantity_to


class PerUnitFine(Frozen):
    """A frame per unit (e.g. per subscriber number), for a range of quantities."""

    kind: Literal["per_unit"] = Field(default="per_unit", description="always per_unit")
    unit: Localized = Field(description="the unit counted (per subscriber number …)")
    min: VND
    max: VND
    quantity_from: int = Field(default=1, ge=1, description="smallest quantity the clause covers")
    quantity_to: int | None = Field(default=None, ge=1, description="inclusive; None = no cap")
    beyond: Citation | None = Field(
        default=None, description="the clause that applies to larger quantities"
    )

    @model_validator(mode="after")
    def _order(self) -> PerUnitFine:
        _check_order(self.min, self.max)
        if self.quantity_to is not None and self.quantity_to < self.quantity_from:
            raise ValueError("quantity_to is below quantity_from")
        return self

    @property
    def top(self) -> int:
        """The highest amount stated (per unit)."""
        return self.max

    def bounds(self, facts: Facts, point: str | None) -> Bounds:
        """The unit range times the quantity of the case."""
        q = facts.quantity
        if q is None:
            raise CaseError("quantity", f"the fine is set per {self.unit.en}; give the quantity")
        if q < self.quantity_from or not self.covers_quantity(q):
            raise CaseError("quantity", f"{q} is outside the quantities this clause covers "
                            f"({self.quantity_from}–{self.quantity_to or '…'})")
        unit = Range(self.min, self.max)
        return Bounds(Range(self.min * q, self.max * q), per_unit=unit, unit=self.unit, value=q)

    def scaled(self, rescale: Rescale) -> PerUnitFine:
        """The unit frame with both amounts passed through ``rescale``."""
        return self.model_copy(update={"min": rescale(self.min), "max": rescale(self.max)})

    def covers_quantity(self, quantity: int) -> bool:
        """False when the quantity lies above what the clause covers."""
        return self.quantity_to is None or quantity <= self.quantity_to


class Band(Frozen):
    """One band: a frame for a quantity or value from ``from_`` (inclusive) ``below`` a bound."""

    point: str | None = Field(default=None, description="point letter that states this band")
    from_: int = Field(alias="from", ge=0, description="lower end of the band (included)")
    below: int | None = Field(default=None, description="exclusive upper bound; None = open")
    min: VND
    max: VND
    alt_from: int | None = Field(default=None, ge=0,
                                 description="bounds by the alternative criterion (e.g. profit)")
    alt_below: int | None = Field(
        default=None, description="upper end of the band by the other criterion (excluded)")

    model_config = Frozen.model_config | {"populate_by_name": True}

    @model_validator(mode="after")
    def _order(self) -> Band:
        _check_order(self.min, self.max)
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


_CRITERIA = ("quantity", "goods_value", "illegal_profit")


class BandedFine(Frozen):
    """Frames chosen by the quantity, or the value of goods, or the illegal profit."""

    kind: Literal["banded"] = Field(default="banded", description="always banded")
    criterion: Literal["quantity", "goods_value", "illegal_profit"] = Field(
        description="what sets the band: quantity, goods_value or illegal_profit")
    alt_criterion: Literal["illegal_profit"] | None = Field(
        default=None, description="a second criterion that also chooses the band (value OR profit)"
    )
    unit: Localized = Field(description="the unit of the criterion")
    bands: tuple[Band, ...] = Field(min_length=1, description="the bands, in ascending order")
    bands_complete: bool = Field(
        default=True, description="False when the sources did not give every band of the clause"
    )

    @model_validator(mode="after")
    def _contiguous(self) -> BandedFine:
        for before, after in zip(self.bands, self.bands[1:], strict=False):
            if before.below is None or before.below != after.from_:
                raise ValueError(
                    f"bands must be contiguous and ascending: a band ending below {before.below} "
                    f"is followed by one starting at {after.from_}"
                )
        return self

    @property
    def top(self) -> int:
        """The highest amount of any band."""
        return max(b.max for b in self.bands)

    def scaled(self, rescale: Rescale) -> BandedFine:
        """Every band's amounts passed through ``rescale``."""
        bands = tuple(b.model_copy(update={"min": rescale(b.min), "max": rescale(b.max)})
                      for b in self.bands)
        return self.model_copy(update={"bands": bands})

    def bounds(self, facts: Facts, point: str | None) -> Bounds:
        """The band of the case's quantity or value (or, given only that, illegal profit).

        When both criteria are given and point to different bands, the main criterion
        (the one the text names first) decides and a flag says the other pointed
        elsewhere.
        """
        main = getattr(facts, self.criterion)
        alt = facts.illegal_profit if self.alt_criterion else None
        if main is None and alt is None:
            also = " or illegal_profit" if self.alt_criterion else ""
            raise CaseError(
                self.criterion,
                f"this provision sets its fine by {self.criterion.replace('_', ' ')}{also} "
                f"({self.unit.en}); give it in the case",
            )
        if main is not None:
            band = next((b for b in self.bands if b.contains(main)), None)
            if band is None:
                raise CaseError(self.criterion, self._outside(main))
            flags: tuple[str, ...] = ()
            if alt is not None:
                other = next((b for b in self.bands if b.contains_alt(alt)), None)
                if other is not None and other != band:
                    flags = ("PROFIT_POINTS_TO_OTHER_BAND",)
            return Bounds(Range(band.min, band.max), band=band, criterion=self.criterion,
                          value=main, flags=flags)
        assert alt is not None
        band = next((b for b in self.bands if b.contains_alt(alt)), None)
        if band is None:
            raise CaseError("illegal_profit", f"{alt} is outside every band of this clause")
        return Bounds(Range(band.min, band.max), band=band, criterion="illegal_profit", value=alt)

    def _outside(self, value: int) -> str:
        first, last = self.bands[0], self.bands[-1]
        if value < first.from_:
            return f"{value:,} is below the first band, which starts at {first.from_:,}"
        assert last.below is not None
        if not self.bands_complete:
            return (f"{value:,} is above the bands bundled for this clause (up to {last.below - 1:,}); "
                    "the higher bands are not in the catalog because no source seen gives them")
        return f"{value:,} is above the last band, which ends at {last.below - 1:,}"

    def band_bounds(self, band: Band, criterion: str) -> tuple[int, int | None]:
        """The lower bound and the exclusive upper bound of ``band`` by ``criterion``."""
        if criterion == self.criterion:
            return band.from_, band.below
        return band.alt_from or 0, band.alt_below


class PointFrames(Frozen):
    """A clause whose points each state their own frame (cite the point to choose one)."""

    kind: Literal["by_point"] = Field(default="by_point", description="always point_frames")
    frames: Mapping[str, FineFrame] = Field(
        min_length=1, description="point letter → its frame, in the order of the text (read-only)")

    @field_validator("frames", mode="after")
    @classmethod
    def _letters(cls, value: Mapping[str, FineFrame]) -> Mapping[str, FineFrame]:
        bad = [p for p in value if not is_point_letter(p)]
        if bad:
            raise ValueError(f"{bad} are not Vietnamese point letters")
        return MappingProxyType(dict(value))

    @field_serializer("frames")
    def _plain(self, value: Mapping[str, FineFrame]) -> dict[str, FineFrame]:
        return dict(value)

    @property
    def points(self) -> tuple[str, ...]:
        """The letters of the points that state a frame."""
        return tuple(self.frames)

    def frame(self, point: str) -> FineFrame | None:
        """The frame stated at ``point``."""
        return self.frames.get(point)

    @property
    def top(self) -> int:
        """The highest amount of any point."""
        return max(f.max for f in self.frames.values())

    def scaled(self, rescale: Rescale) -> PointFrames:
        """Every point's amounts passed through ``rescale``."""
        return self.model_copy(update={"frames": MappingProxyType(
            {p: f.scaled(rescale) for p, f in self.frames.items()})})

    def bounds(self, facts: Facts, point: str | None) -> Bounds:
        """The frame of the cited point (an error names the points when none is cited)."""
        letters = ", ".join(self.points)
        if point is None:
            raise CaseError("provision", f"each point of this clause has its own frame; cite the "
                            f"point ({letters})")
        frame = self.frame(point)
        if frame is None:
            raise CaseError("provision", f"this clause has no frame at point {point} "
                            f"(points: {letters})")
        return Bounds(Range(frame.min, frame.max))


Fine = Annotated[FineFrame | PerUnitFine | BandedFine | PointFrames, Field(discriminator="kind")]
