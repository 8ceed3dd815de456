"""The in-memory catalog: documents, provisions and general rules, with look-ups."""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ..errors import DocumentNotFound, ProvisionNotFound
from ..models.circumstance import Circumstance
from ..models.citation import Citation
from ..models.common import Provenance
from ..models.document import DocumentNumber, DocumentRelation, LegalDocument, RelationKind
from ..models.offender import FineBase, OffenderKind, OffenderTreatment
from ..models.principle import Principle
from ..models.provision import MeasureType, Provision, ProvisionVersion
from ..models.rules import CompetenceRule, DecreeRules, FineScheme, PartList
from ..models.sector import Sector
from ..models.timeline import Timeline

ProvisionKey = tuple[str, str, str | None]


def provision_key(provision: Provision) -> ProvisionKey:
    """The key a provision is stored under: (document, article, clause)."""
    return (str(provision.document), provision.article, provision.clause)


@dataclass(frozen=True)
class DocumentEntry:
    """A document with the rules and provisions its catalog file holds."""

    document: LegalDocument
    source: str
    rules: DecreeRules | None = None
    sources: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if not self.sources:
            object.__setattr__(self, "sources", (self.source,))


@dataclass(frozen=True)
class SectorCap:
    """The highest fine for one kind of offender in a sector, and where it comes from."""

    amount: int
    basis: Citation
    provenance: Provenance


@dataclass(frozen=True)
class Catalog:
    """Everything the engine reads. Build it with :func:`~penalty_rules.load_catalog`.

    The catalog is immutable: loading more files returns a new catalog.
    """

    entries: Mapping[str, DocumentEntry] = field(default_factory=dict)
    provisions: Mapping[ProvisionKey, Provision] = field(default_factory=dict)
    sectors: Mapping[str, Sector] = field(default_factory=dict)
    circumstances: Mapping[str, Circumstance] = field(default_factory=dict)
    schemes: tuple[FineScheme, ...] = ()
    competence_timelines: Mapping[str, Timeline[CompetenceRule]] = field(default_factory=dict)
    treatments: Mapping[OffenderKind, OffenderTreatment] = field(default_factory=dict)
    principles: Mapping[str, Timeline[Principle]] = field(default_factory=dict)
    measure_types: Mapping[str, MeasureType] = field(default_factory=dict)
    provision_sources: Mapping[ProvisionKey, str] = field(default_factory=dict)
    overrides: tuple[str, ...] = field(
        default=(), metadata={"doc": "codes of the bundled law redefined by user files"})
    # Indices, built on first use (a catalog being merged file by file is never indexed;
    # see ``__getattr__``). Declared for type checkers only: they are not dataclass fields.
    if TYPE_CHECKING:
        _by_article: Mapping[str, tuple[Provision, ...]] = field(init=False)
        _predecessors: Mapping[ProvisionKey, tuple[Provision, ...]] = field(init=False)
        _repeals: Mapping[ProvisionKey, tuple[DocumentRelation, LegalDocument]] = field(init=False)
        _timelines: Mapping[ProvisionKey, Timeline[ProvisionVersion]] = field(init=False)
        _general_schemes: Timeline[FineScheme] = field(init=False)
        _competence_starts: tuple[date, ...] = field(init=False)
        _competence_in_force: tuple[tuple[CompetenceRule, ...], ...] = field(init=False)
        _circumstance_names: Mapping[str, Circumstance] = field(init=False)
        _schemes_by_code: Mapping[str, FineScheme] = field(init=False)
        _by_number: Mapping[DocumentNumber, DocumentEntry] = field(init=False)
        _citations: Mapping[int, tuple[Provision, Citation]] = field(init=False)
        _covered: dict[tuple[int, Citation], Citation | None] = field(init=False)
        _found: dict[Citation, tuple[Provision, ...]] = field(init=False)
        _lineages: dict[int, tuple[Provision, tuple[Provision, ...]]] = field(init=False)

    def __post_init__(self) -> None:
        for name in ("entries", "provisions", "sectors", "circumstances", "treatments",
                     "principles", "competence_timelines", "measure_types",
                     "provision_sources"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))

    def __getattr__(self, name: str) -> Any:
        # Called only for attributes not yet set: the indices, built together on first use.
        if name not in _INDICES or "_lineages" in self.__dict__:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        self._build_indices()
        return self.__dict__[name]

    def _build_indices(self) -> None:
        """Every look-up index of the catalog, computed once."""
        by_article: dict[str, list[Provision]] = {}
        before: dict[ProvisionKey, list[Provision]] = {}
        repeals: dict[ProvisionKey, tuple[DocumentRelation, LegalDocument]] = {}
        relations: dict[str, list[tuple[DocumentRelation, LegalDocument]]] = {}
        for entry in self.entries.values():
            for relation in entry.document.relations:
                if relation.kind in (RelationKind.REPEALS, RelationKind.REPLACES):
                    relations.setdefault(str(relation.target), []).append(
                        (relation, entry.document))
        timelines: dict[ProvisionKey, Timeline[ProvisionVersion]] = {}
        for key, provision in self.provisions.items():
            by_article.setdefault(provision.article, []).append(provision)
            if provision.successor is not None:
                c = provision.successor.citation
                before.setdefault((str(c.document), c.article, c.clause), []).append(provision)
            found = [(r, d) for r, d in relations.get(key[0], ())
                     if _part_covers(r.parts, provision)]
            if found:
                repeals[key] = min(found, key=lambda rd: rd[0].on)
            owner = self.entries.get(key[0])
            if owner is not None:
                document = owner.document
                ends = [repeals[key][0].on] if key in repeals else []
                if document.effective_to is not None:
                    ends.append(date.fromordinal(document.effective_to.toordinal() + 1))
                versions = provision.versions
                if not ends and versions.start is not None \
                        and document.effective_from <= versions.start:
                    timelines[key] = versions  # nothing to clip: the same timeline
                else:
                    timelines[key] = versions.clipped(document.effective_from,
                                                      min(ends) if ends else None)
        object.__setattr__(self, "_by_article", MappingProxyType(
            {k: tuple(v) for k, v in by_article.items()}))
        object.__setattr__(self, "_predecessors", MappingProxyType(
            {k: tuple(v) for k, v in before.items()}))
        object.__setattr__(self, "_repeals", MappingProxyType(repeals))
        object.__setattr__(self, "_timelines", MappingProxyType(timelines))
        general = sorted((s for s in self.schemes if s.scope == "general"),
                         key=lambda s: s.valid_from)
        object.__setattr__(self, "_general_schemes", Timeline(general))
        self._index_rules()

    def _index_rules(self) -> None:
        """Indices of the general rules, computed once (look-ups are then constant time).

        Competence: the rules in force between two consecutive start dates of any
        official's timeline do not change, so they are listed once per interval.
        """
        starts = sorted({entry.valid_from for timeline in self.competence_timelines.values()
                         for entry in timeline.entries})
        in_force = tuple(
            tuple(rule for timeline in self.competence_timelines.values()
                  if (rule := timeline.at(day)) is not None)
            for day in starts)
        object.__setattr__(self, "_competence_starts", tuple(starts))
        object.__setattr__(self, "_competence_in_force", in_force)
        names: dict[str, Circumstance] = {}
        for c in self.circumstances.values():
            names.setdefault(c.code, c)
            for alias in c.aliases:
                names.setdefault(alias.lower(), c)
        object.__setattr__(self, "_circumstance_names", MappingProxyType(names))
        by_code: dict[str, FineScheme] = {}
        for scheme in self.schemes:
            by_code.setdefault(scheme.code, scheme)
        object.__setattr__(self, "_schemes_by_code", MappingProxyType(by_code))
        object.__setattr__(self, "_by_number", MappingProxyType(
            {entry.document.number: entry for entry in self.entries.values()}))
        object.__setattr__(self, "_citations", MappingProxyType(
            {id(p): (p, p.citation) for p in self.provisions.values()}))
        object.__setattr__(self, "_covered", {})
        object.__setattr__(self, "_found", {})
        object.__setattr__(self, "_lineages", {})

    def listed_part(self, listed: PartList, citation: Citation, day: date) -> Citation | None:
        """``listed.covers_on(citation, day)`` for a part list of this catalog's decrees,
        remembered per citation (the lists are immutable; the amendment is not compared)."""
        if day < listed.valid_from:
            return None
        key = (id(listed), citation)
        try:
            return self._covered[key]
        except KeyError:
            pass
        found = listed.covers(citation)
        if len(self._covered) < 100_000 and self._owns(listed):
            self._covered[key] = found
        return found

    def _owns(self, listed: PartList) -> bool:
        return any(entry.rules is not None and (entry.rules.fined_once is listed
                                                or entry.rules.two_year_limitation is listed)
                   for entry in self.entries.values())

    def citation_of(self, provision: Provision) -> Citation:
        """``provision.citation``, built once per provision of the catalog."""
        found = self._citations.get(id(provision))
        return found[1] if found is not None and found[0] is provision else provision.citation

    @property
    def competence(self) -> tuple[CompetenceRule, ...]:
        """Every competence rule (each wording of each official's power), by code."""
        return tuple(rule for timeline in self.competence_timelines.values() for rule in timeline)

    # -- documents -------------------------------------------------------------------
    @property
    def documents(self) -> list[LegalDocument]:
        """All documents, oldest first."""
        docs = [e.document for e in self.entries.values()]
        return sorted(docs, key=lambda d: (d.effective_from, d.number.sort_key()))

    def document(self, number: str | DocumentNumber) -> LegalDocument:
        """The document with that number, or :class:`DocumentNotFound`."""
        if isinstance(number, DocumentNumber):
            known = self._by_number.get(number)
            if known is not None:
                return known.document
        key = str(number) if isinstance(number, DocumentNumber) else str(
            DocumentNumber.parse(number)
        )
        entry = self.entries.get(key)
        if entry is None:
            raise DocumentNotFound(key, sorted(self.entries))
        return entry.document

    def user_files_of(self, provision: Provision) -> tuple[str, ...]:
        """Catalog files outside the bundled data that define or change ``provision`` (its
        clause or its decree's rules); empty for bundled law."""
        files = []
        source = self.provision_sources.get(provision_key(provision))
        if source is not None and not is_bundled(source):
            files.append(source)
        entry = self.entries.get(str(provision.document))
        if entry is not None:
            files += [s for s in entry.sources if not is_bundled(s) and s not in files]
        return tuple(files)

    def rules_for(self, number: DocumentNumber) -> DecreeRules | None:
        """The general rules a decree states for itself, if any."""
        entry = self._by_number.get(number)
        if entry is None:
            entry = self.entries.get(str(number))
        return entry.rules if entry else None

    def relations_targeting(self, number: DocumentNumber) -> Iterator[DocumentRelation]:
        """Every relation (replaces, amends, repeals) other documents have to ``number``."""
        for entry in self.entries.values():
            for relation in entry.document.relations:
                if relation.target == number:
                    yield relation

    # -- provisions ------------------------------------------------------------------
    def provisions_of(self, number: DocumentNumber | None = None) -> list[Provision]:
        """Provisions of one document (or all), in legal order."""
        found = [
            p for p in self.provisions.values() if number is None or p.document == number
        ]
        return sorted(found, key=lambda p: p.citation.sort_key())

    def repeal_of(self, provision: Provision) -> tuple[DocumentRelation, LegalDocument] | None:
        """The relation that ended ``provision`` (repeal or replacement), if any."""
        return self._repeals.get(provision_key(provision))

    def timeline(self, provision: Provision) -> Timeline[ProvisionVersion]:
        """The wordings of ``provision`` as they applied: from its document's start to its
        repeal or the end of its document."""
        found = self._timelines.get(provision_key(provision))
        return found if found is not None else provision.versions

    def version_in_force(self, provision: Provision, day: date) -> ProvisionVersion | None:
        """The wording of ``provision`` that applied on ``day`` (``None``: none did)."""
        return self.timeline(provision).at(day)

    def in_force(self, provision: Provision, day: date) -> bool:
        """True if the provision's document and the provision itself applied on ``day``."""
        return self.timeline(provision).at(day) is not None

    def end_of(self, provision: Provision) -> date | None:
        """First day the provision no longer applies (repeal or end of document)."""
        return self.timeline(provision).end

    def successor_of(self, provision: Provision) -> Provision | None:
        """The provision recorded as continuing this act in a replacing decree."""
        if provision.successor is None:
            return None
        c = provision.successor.citation
        return self.provisions.get((str(c.document), c.article, c.clause))

    def predecessors_of(self, provision: Provision) -> list[Provision]:
        """Provisions whose successor is ``provision``."""
        return list(self._predecessors.get(provision_key(provision), ()))

    def fine_set_since(self, provision: Provision, version: ProvisionVersion) -> date:
        """The first day the same fine applied, following earlier wordings and predecessors."""
        def start(p: Provision, v: ProvisionVersion) -> date:
            return max(v.valid_from, self.document(p.document).effective_from)

        current_p, current_v = provision, version
        since = start(current_p, current_v)
        seen = {provision_key(current_p)}
        while True:
            earlier = [v for v in current_p.versions if v.valid_from < current_v.valid_from]
            if earlier and earlier[-1].same_fine_as(current_v):
                current_v = earlier[-1]
                since = start(current_p, current_v)
                continue
            moved = False
            for before in self.predecessors_of(current_p):
                last = before.versions.values[-1]
                if provision_key(before) not in seen and last.same_fine_as(current_v):
                    current_p, current_v, moved = before, last, True
                    seen.add(provision_key(before))
                    since = start(current_p, current_v)
                    break
            if not moved:
                return since

    def lineage(self, provision: Provision) -> list[Provision]:
        """The chain of counterparts through replacements, oldest first."""
        chain = [provision]
        seen = {provision_key(provision)}
        current = provision
        while True:
            before = [p for p in self.predecessors_of(current) if provision_key(p) not in seen]
            if not before:
                break
            current = before[0]
            seen.add(provision_key(current))
            chain.insert(0, current)
        current = provision
        while True:
            after = self.successor_of(current)
            if after is None or provision_key(after) in seen:
                break
            seen.add(provision_key(after))
            chain.append(after)
            current = after
        return chain

    def find(self, citation: Citation) -> list[Provision]:
        """Provisions matching ``citation``; raises :class:`ProvisionNotFound` with suggestions.

        A citation without a document matches that part in every document.
        """
        found = self._found.get(citation)
        if found is None:
            found = tuple(self._find(citation))
            if len(self._found) < 100_000:
                self._found[citation] = found
        return list(found)

    def lineage_sorted(self, provision: Provision) -> tuple[Provision, ...]:
        """:meth:`lineage` ordered by the start of each provision's document (computed once
        per provision of the catalog)."""
        known = self._lineages.get(id(provision))
        if known is not None and known[0] is provision:
            return known[1]
        chain = self.lineage(provision)
        chain.sort(key=lambda p: self.document(p.document).effective_from)
        if self._citations.get(id(provision), (None,))[0] is provision:
            self._lineages[id(provision)] = (provision, tuple(chain))
        return tuple(chain)

    def _find(self, citation: Citation) -> list[Provision]:
        matches: list[Provision] = []
        problems: list[str] = []
        for provision in self._by_article.get(citation.article, ()):
            if citation.document is not None and provision.document != citation.document:
                continue
            if citation.clause is None and provision.clause is not None:
                problems.append("cite a clause (khoản) of that article")
                continue
            if citation.clause is not None and provision.clause != citation.clause:
                continue
            if citation.point is not None and provision.acts and citation.point not in provision.points:
                problems.append(
                    f"{provision.citation} has points {', '.join(provision.points)}"
                )
                continue
            matches.append(provision)
        if not matches:
            detail = "; ".join(sorted(set(problems)))
            raise ProvisionNotFound(citation.format(), self.suggest(citation), detail)
        return sorted(matches, key=lambda p: p.citation.sort_key())

    def suggest(self, citation: Citation, limit: int = 5) -> list[str]:
        """Citations in the catalog closest to ``citation`` (best first)."""
        pool: dict[str, tuple[Citation, Provision]] = {}
        for provision in self.provisions.values():
            for point in (None, *provision.points):
                c = provision.citation.model_copy(update={"point": point})
                pool[c.format("short")] = (c, provision)
        wanted = citation.format("short")
        if citation.document is None:
            keys = {k.split(" ")[0]: k for k in pool}
            close = difflib.get_close_matches(wanted, list(keys), n=limit, cutoff=0.5)
            found = [keys[k] for k in close]
        else:
            found = difflib.get_close_matches(wanted, list(pool), n=limit, cutoff=0.5)
        same_article = sorted(
            (k for k, (_, p) in pool.items() if p.article == citation.article and k not in found),
            key=len,
        )
        ordered = found + same_article
        return [pool[k][0].format() for k in ordered[:limit]]

    # -- general rules ---------------------------------------------------------------
    def sector(self, code: str) -> Sector:
        """The sector with that code (``KeyError`` lists the known codes)."""
        try:
            return self.sectors[code]
        except KeyError:
            raise KeyError(f"unknown sector {code!r}; known: {', '.join(sorted(self.sectors))}") from None

    def circumstance(self, code: str) -> Circumstance | None:
        """A circumstance by code or alias (case-insensitive), or ``None``."""
        return self._circumstance_names.get(code.strip().lower())

    def general_scheme_on(self, day: date) -> FineScheme | None:
        """The general rule for the specific fine in force on ``day``."""
        return self._general_schemes.at(day)

    @property
    def general_schemes(self) -> Timeline[FineScheme]:
        """The general rules for the specific fine, as a timeline."""
        return self._general_schemes

    def principle(self, code: str, day: date) -> Principle | None:
        """The wording of principle ``code`` in force on ``day`` (``None``: none was)."""
        timeline = self.principles.get(code)
        return timeline.at(day) if timeline is not None else None

    def competence_on(self, day: date) -> list[CompetenceRule]:
        """Competence rules in force on ``day``."""
        i = bisect.bisect_right(self._competence_starts, day) - 1
        return list(self._competence_in_force[i]) if i >= 0 else []

    def stated_base(self, provision: Provision) -> FineBase | None:
        """Whom the amounts of ``provision`` are written for (``None``: no decree rules)."""
        rules = self.rules_for(provision.document)
        return rules.stated_base(provision.citation) if rules is not None else None

    def sector_cap(self, document: DocumentNumber, sector: str, fined_as: FineBase,
                   day: date) -> SectorCap | None:
        """The sector maximum for this kind of offender: the decree's own, else the Law's."""
        rules = self.rules_for(document)
        own = rules.own_maximum(sector) if rules is not None else None
        if own is not None:
            individual, basis, provenance = own.individual_max, own.basis, own.provenance
        else:
            law_max = self.sectors[sector].maximum_on(day) if sector in self.sectors else None
            if law_max is None:
                return None
            individual, basis, provenance = law_max.individual_max, law_max.basis, law_max.provenance
        amount = individual if fined_as is FineBase.INDIVIDUAL else individual * 2
        return SectorCap(amount, basis, provenance)

    def scheme(self, code: str) -> FineScheme | None:
        """A fine scheme by code."""
        return self._schemes_by_code.get(code)


_INDICES = frozenset((
    "_by_article", "_predecessors", "_repeals", "_timelines", "_general_schemes",
    "_competence_starts", "_competence_in_force", "_circumstance_names", "_schemes_by_code",
    "_by_number", "_citations", "_covered", "_found", "_lineages",
))


BUNDLED_PREFIX = "penalty_rules/catalog/data/"


def is_bundled(source: str) -> bool:
    """True for a catalog file shipped with the library."""
    return source.startswith(BUNDLED_PREFIX)


def _part_covers(parts: Iterable[str], provision: Provision) -> bool:
    parts = tuple(parts)
    if not parts:
        return True
    for part in parts:
        words = part.split()
        if len(words) != 2:
            continue
        kind, number = words[0].lower(), words[1]
        if kind == "chương" and provision.chapter == number:
            return True
        if kind == "điều" and provision.article == number.lower():
            return True
    return False
