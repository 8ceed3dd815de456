"""What every check reads: the catalog, the date, the series, thresholds, an optional log."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any

from ..catalog.bodies import Body, NamedTitle, bodies, named_titles
from ..catalog.catalog import Catalog, ProvisionKey, provision_key
from ..catalog.laws import LawRegistry, law_registry
from ..models.citation import Citation
from ..models.document import DocumentRelation, LegalDocument, RelationKind
from ..models.log import LogEntry, LogTable
from ..models.offender import FineBase
from ..models.provision import (
    Provision,
    ProvisionVersion,
)
from ..models.rules import DecreeRules
from .indices import EconomicSeries, economic_series


@dataclass(frozen=True)
class AuditConfig:
    """Thresholds of the checks (all configurable)."""

    erosion_threshold: Decimal = Decimal("0.25")
    stale_days: int = 365
    repeat_threshold: Decimal = Decimal("0.25")
    repeat_min_offenders: int = 5


class CatalogIndex:
    """Look-ups the checks repeat, computed once per catalog: provisions by document in legal
    order, their citations, and the relation that ended each one."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.by_document: dict[str, list[Provision]] = {}
        self.citations: dict[ProvisionKey, Citation] = {}
        self.texts: dict[ProvisionKey, str] = {}
        self.keys: dict[int, ProvisionKey] = {}
        self.bases: dict[int, FineBase] = {}
        for provision in catalog.provisions_of():
            key = provision_key(provision)
            self.keys[id(provision)] = key
            rules = catalog.rules_for(provision.document)
            if rules is not None:
                self.bases[id(provision)] = rules.stated_base(provision.citation)
            self.by_document.setdefault(str(provision.document), []).append(provision)
            self.citations[key] = provision.citation
            self.texts[key] = self.citations[key].format()
        targets = {str(r.target) for d in catalog.documents for r in d.relations
                   if r.kind in (RelationKind.REPEALS, RelationKind.REPLACES)}
        self.repeals: dict[ProvisionKey, tuple[DocumentRelation, LegalDocument]] = {}
        for number in targets:
            for provision in self.by_document.get(number, ()):
                ended = catalog.repeal_of(provision)
                if ended is not None:
                    self.repeals[provision_key(provision)] = ended
        self.documents = {str(d.number): d for d in catalog.documents}


_INDEXES: dict[int, tuple[Catalog, CatalogIndex]] = {}


def catalog_index(catalog: Catalog) -> CatalogIndex:
    """The index of a catalog (kept for the last few catalogs seen)."""
    found = _INDEXES.get(id(catalog))
    if found is not None and found[0] is catalog:
        return found[1]
    index = CatalogIndex(catalog)
    if len(_INDEXES) >= 8:
        _INDEXES.pop(next(iter(_INDEXES)))
    _INDEXES[id(catalog)] = (catalog, index)
    return index


def clear_catalog_indexes() -> None:
    """Forget the cached indexes (for benchmarks of a first run)."""
    _INDEXES.clear()


@dataclass(frozen=True)
class AuditContext:
    """Inputs of one audit run, with look-ups cached for the run."""

    catalog: Catalog
    as_of: date
    config: AuditConfig = field(default_factory=AuditConfig)
    series: EconomicSeries = field(default_factory=economic_series)
    bodies: dict[str, Body] = field(default_factory=bodies)
    named: tuple[NamedTitle, ...] = field(default_factory=named_titles)
    laws: LawRegistry = field(default_factory=law_registry)
    log: Sequence[LogEntry] = ()
    document: str | None = None
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def cpi_year(self) -> int:
        """Latest year whose annual CPI was known on ``as_of`` (published after the year ends)."""
        return self.series.cpi_year_on(self.as_of)

    def price_level(self, year: int) -> Decimal:
        """The series' price level of ``year`` (cached for the run)."""
        levels: dict[int, Decimal] = self.memo.setdefault("price_levels", {})
        found = levels.get(year)
        if found is None:
            found = levels[year] = self.series.price_level(year)
        return found

    @cached_property
    def index(self) -> CatalogIndex:
        """The catalog's index."""
        return catalog_index(self.catalog)

    def provisions(self) -> Iterator[Provision]:
        """Provisions in scope (one document or all), in legal order."""
        if self.document is not None:
            yield from self.index.by_document.get(self.document, ())
            return
        for provisions in self.index.by_document.values():
            yield from provisions

    def provisions_of(self, number: object) -> list[Provision]:
        """Provisions of one document, in legal order."""
        return self.index.by_document.get(str(number), [])

    def key(self, provision: Provision) -> ProvisionKey:
        """The provision's catalog key (cached for the catalog's own provisions)."""
        found = self.index.keys.get(id(provision))
        return found if found is not None else provision_key(provision)

    def cite(self, provision: Provision) -> Citation:
        """The provision's citation (cached)."""
        found = self.index.citations.get(self.key(provision))
        return found if found is not None else provision.citation

    def cite_text(self, provision: Provision) -> str:
        """The provision's citation as Vietnamese text (cached)."""
        found = self.index.texts.get(self.key(provision))
        return found if found is not None else provision.citation.format()

    def base_of(self, provision: Provision, rules: DecreeRules) -> FineBase:
        """Whom the provision's amounts are written for (cached)."""
        found = self.index.bases.get(id(provision))
        return found if found is not None else rules.stated_base(provision.citation)

    def repeal_of(self, provision: Provision) -> tuple[DocumentRelation, LegalDocument] | None:
        """The relation that ended the provision, if any."""
        return self.index.repeals.get(self.key(provision))

    def is_in_force(self, provision: Provision) -> bool:
        """True when the provision applies on ``as_of``."""
        document = self.index.documents[str(provision.document)]
        if not document.in_force_on(self.as_of):
            return False
        ended = self.repeal_of(provision)
        if ended is not None and ended[0].on <= self.as_of:
            return False
        return provision.version_on(self.as_of) is not None

    def in_force(self) -> Iterator[tuple[Provision, ProvisionVersion]]:
        """Provisions in scope in force on ``as_of`` with their current version."""
        cached = self.memo.get("in_force")
        if cached is None:
            cached = []
            for provision in self.provisions():
                if self.is_in_force(provision):
                    version = provision.version_on(self.as_of)
                    if version is not None:
                        cached.append((provision, version))
            self.memo["in_force"] = cached
        yield from cached

    def log_rows(self) -> Iterator[tuple[str, date, str | None]]:
        """(provision, when the act ended, offender) of every log row (by columns for a
        :class:`~penalty_rules.models.log.LogTable`)."""
        log = self.log
        if isinstance(log, LogTable):
            return zip(log.column("provision"), log.act_ended_on(), log.column("offender_id"),
                       strict=True)
        return ((e.provision, e.act_ended_on, e.offender_id) for e in log)

    def start_of(self, provision: Provision, version: ProvisionVersion) -> date:
        """The day a version first applied (not before its document)."""
        return max(version.effective_from,
                   self.index.documents[str(provision.document)].effective_from)


def top_amount(version: ProvisionVersion) -> int | None:
    """The highest amount a version states (per unit for per-unit frames)."""
    return version.top_amount


def same_fine(a: ProvisionVersion, b: ProvisionVersion) -> bool:
    """True if two versions state the same fine (kind and amounts)."""
    if a.fine is None or b.fine is None:
        return a.fine is b.fine
    return bool(a.fine.model_dump(exclude={"beyond"}) == b.fine.model_dump(exclude={"beyond"}))
