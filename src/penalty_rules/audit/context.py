"""What every check reads: the catalog, the date, the series, thresholds, an optional log."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from ..catalog.catalog import Catalog
from ..catalog.laws import LawRegistry, law_registry
from ..models.log import LogEntry
from ..models.provision import (
    BandedFine,
    FineFrame,
    PerUnitFine,
    PointFrames,
    Provision,
    ProvisionVersion,
)
from .bodies import Body, bodies
from .indices import EconomicSeries, economic_series


@dataclass(frozen=True)
class AuditConfig:
    """Thresholds of the checks (all configurable)."""

    erosion_threshold: Decimal = Decimal("0.25")
    weak_ratio: Decimal = Decimal("0.05")
    stale_days: int = 365
    repeat_threshold: Decimal = Decimal("0.25")
    repeat_min_offenders: int = 5


@dataclass(frozen=True)
class AuditContext:
    """Inputs of one audit run."""

    catalog: Catalog
    as_of: date
    config: AuditConfig = field(default_factory=AuditConfig)
    series: EconomicSeries = field(default_factory=economic_series)
    bodies: dict[str, Body] = field(default_factory=bodies)
    laws: LawRegistry = field(default_factory=law_registry)
    log: Sequence[LogEntry] = ()
    document: str | None = None

    @property
    def cpi_year(self) -> int:
        """Latest year whose annual CPI was known on ``as_of`` (published after the year ends)."""
        return min(self.series.latest_cpi_year, self.as_of.year - 1)

    def provisions(self) -> Iterator[Provision]:
        """Provisions in scope (one document or all), in legal order."""
        for provision in self.catalog.provisions_of():
            if self.document is None or str(provision.document) == self.document:
                yield provision

    def in_force(self) -> Iterator[tuple[Provision, ProvisionVersion]]:
        """Provisions in scope in force on ``as_of`` with their current version."""
        for provision in self.provisions():
            if self.catalog.in_force(provision, self.as_of):
                version = provision.version_on(self.as_of)
                if version is not None:
                    yield provision, version

    def start_of(self, provision: Provision, version: ProvisionVersion) -> date:
        """The day a version first applied (not before its document)."""
        return max(version.effective_from,
                   self.catalog.document(provision.document).effective_from)


def top_amount(version: ProvisionVersion) -> int | None:
    """The highest amount a version states (per unit for per-unit frames)."""
    fine = version.fine
    if isinstance(fine, FineFrame | PerUnitFine):
        return fine.max
    if isinstance(fine, BandedFine):
        return max(b.max for b in fine.bands)
    if isinstance(fine, PointFrames):
        return max(f.max for f in fine.frames.values())
    return None


def same_fine(a: ProvisionVersion, b: ProvisionVersion) -> bool:
    """True if two versions state the same fine (kind and amounts)."""
    if a.fine is None or b.fine is None:
        return a.fine is b.fine
    return bool(a.fine.model_dump(exclude={"beyond"}) == b.fine.model_dump(exclude={"beyond"}))
