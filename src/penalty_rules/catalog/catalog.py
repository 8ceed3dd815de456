"""The in-memory catalog: documents, provisions and general rules, with look-ups."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from ..errors import DocumentNotFound, ProvisionNotFound
from ..models.circumstance import Circumstance
from ..models.citation import Citation
from ..models.document import DocumentNumber, DocumentRelation, LegalDocument, RelationKind
from ..models.offender import OffenderKind, OffenderTreatment
from ..models.provision import Provision
from ..models.rules import CompetenceRule, DecreeRules, FineScheme
from ..models.sector import Sector

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
    competence: tuple[CompetenceRule, ...] = ()
    treatments: Mapping[OffenderKind, OffenderTreatment] = field(default_factory=dict)
    _by_article: Mapping[str, list[Provision]] = field(
        init=False, repr=False, compare=False, default_factory=dict)
    _predecessors: Mapping[ProvisionKey, list[Provision]] = field(
        init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        for name in ("entries", "provisions", "sectors", "circumstances", "treatments"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))
        by_article: dict[str, list[Provision]] = {}
        for provision in self.provisions.values():
            by_article.setdefault(provision.article, []).append(provision)
        object.__setattr__(self, "_by_article", MappingProxyType(by_article))
        before: dict[ProvisionKey, list[Provision]] = {}
        for provision in self.provisions.values():
            if provision.successor is not None:
                c = provision.successor.citation
                before.setdefault((str(c.document), c.article, c.clause), []).append(provision)
        object.__setattr__(self, "_predecessors", MappingProxyType(before))

    # -- documents -------------------------------------------------------------------
    @property
    def documents(self) -> list[LegalDocument]:
        """All documents, oldest first."""
        docs = [e.document for e in self.entries.values()]
        return sorted(docs, key=lambda d: (d.effective_from, d.number.sort_key()))

    def document(self, number: str | DocumentNumber) -> LegalDocument:
        """The document with that number, or :class:`DocumentNotFound`."""
        key = str(number) if isinstance(number, DocumentNumber) else str(
            DocumentNumber.parse(number)
        )
        entry = self.entries.get(key)
        if entry is None:
            raise DocumentNotFound(key, sorted(self.entries))
        return entry.document

    def rules_for(self, number: DocumentNumber) -> DecreeRules | None:
        """The general rules a decree states for itself, if any."""
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
        for entry in self.entries.values():
            for relation in entry.document.relations:
                if relation.target != provision.document:
                    continue
                if relation.kind not in (RelationKind.REPEALS, RelationKind.REPLACES):
                    continue
                if _part_covers(relation.parts, provision):
                    return relation, entry.document
        return None

    def in_force(self, provision: Provision, day: date) -> bool:
        """True if the provision's document and the provision itself applied on ``day``."""
        document = self.document(provision.document)
        if not document.in_force_on(day):
            return False
        ended = self.repeal_of(provision)
        if ended is not None and ended[0].on <= day:
            return False
        return provision.version_on(day) is not None

    def end_of(self, provision: Provision) -> date | None:
        """First day the provision no longer applies (repeal or end of document)."""
        candidates: list[date] = []
        ended = self.repeal_of(provision)
        if ended is not None:
            candidates.append(ended[0].on)
        document = self.document(provision.document)
        if document.effective_to is not None:
            candidates.append(date.fromordinal(document.effective_to.toordinal() + 1))
        return min(candidates) if candidates else None

    def successor_of(self, provision: Provision) -> Provision | None:
        """The provision recorded as continuing this act in a replacing decree."""
        if provision.successor is None:
            return None
        c = provision.successor.citation
        return self.provisions.get((str(c.document), c.article, c.clause))

    def predecessors_of(self, provision: Provision) -> list[Provision]:
        """Provisions whose successor is ``provision``."""
        return list(self._predecessors.get(provision_key(provision), ()))

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
        wanted = code.strip().lower()
        for c in self.circumstances.values():
            if c.code == wanted or wanted in (a.lower() for a in c.aliases):
                return c
        return None

    def schemes_on(self, day: date) -> list[FineScheme]:
        """Fine schemes in force on ``day``."""
        return [s for s in self.schemes if s.valid_on(day)]

    def scheme(self, code: str) -> FineScheme | None:
        """A fine scheme by code."""
        return next((s for s in self.schemes if s.code == code), None)


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
