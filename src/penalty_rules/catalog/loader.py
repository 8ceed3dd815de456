"""Load catalog files (TOML) into a :class:`~penalty_rules.catalog.catalog.Catalog`.

Why TOML: it is in the standard library (``tomllib``), has real dates and
integers (``40_000_000`` reads well and cannot become a float by accident),
comments for provenance notes, and the format itself forbids duplicate keys, so
a clause typed twice is an error rather than a silent overwrite.

Records validate straight into the domain models with the file's document as
validation context (see :mod:`penalty_rules.catalog.schema`); one helper turns a
validation error into a :class:`~penalty_rules.errors.CatalogError` naming the file,
the key path and the reason. Cross-file checks run once everything is loaded: every
code a file names (sector, measure, fine scheme, successor) must exist, limitation
periods must cover every provision, and successor links may not loop.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from .. import normalize
from ..citations.parse import parse_citation
from ..errors import CatalogError, CitationSyntaxError, field_path
from ..models.citation import Citation
from ..models.document import DocumentNumber, LegalDocument
from ..models.letters import is_point_letter, letter_index
from ..models.offender import OffenderKind
from ..models.provision import (
    Act,
    Counterpart,
    Measure,
    MeasureKind,
    MeasureType,
    Provision,
    ProvisionVersion,
)
from ..models.rules import CompetenceRule
from ..models.timeline import Repeal, Timeline
from .catalog import Catalog, DocumentEntry, ProvisionKey, is_bundled, provision_key

if TYPE_CHECKING:
    from .schema import ArticleBlock, ClauseBlock, Content

DATA_PACKAGE = "penalty_rules.catalog.data"


def _reason(err: Mapping[str, Any]) -> str:
    if err["type"] == "extra_forbidden":
        return "unknown field (not part of the catalog format)"
    if err["type"] == "missing":
        return "required field is missing"
    return str(err["msg"]).removeprefix("Value error, ")


def catalog_error(path: str, exc: ValidationError, prefix: str = "") -> CatalogError:
    """The first problem of a validation error, as file, key path and reason."""
    err = exc.errors()[0]
    more = f" (and {exc.error_count() - 1} more problems)" if exc.error_count() > 1 else ""
    where = ".".join(p for p in (prefix, field_path(err["loc"])) if p)
    return CatalogError(path, where, _reason(err) + more)


def _read_toml(path: str, text: str) -> dict[str, Any]:
    import tomllib  # only reading TOML needs it (the bundled catalog comes from its snapshot)

    try:
        return tomllib.loads(normalize.text(text))
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(path, "", f"not valid TOML: {exc}") from None
    except RecursionError:
        raise CatalogError(path, "", "not a catalog file: values nested too deeply") from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise CatalogError(path, "", f"not a catalog file: {' '.join(str(exc).split())[:200]}") from None


class _FileReader:
    """Reads one file against the catalog loaded so far."""

    def __init__(self, path: str, data: dict[str, Any], catalog: Catalog) -> None:
        self.path = path
        block = data.get("document")
        raw_number = block.get("number") if isinstance(block, dict) else None
        if not isinstance(raw_number, str):
            raise CatalogError(path, "document.number", "required field is missing")
        try:
            self.number = DocumentNumber.parse(raw_number)
        except ValueError as exc:
            raise CatalogError(path, "document.number", str(exc)) from None
        existing = catalog.entries.get(str(self.number))
        start = block.get("effective_from") if isinstance(block, dict) else None
        if start is None and existing is not None:
            start = existing.document.effective_from
        registry: dict[str, MeasureType | _Pending] = dict(catalog.measure_types)
        for entry in data.get("measure", ()) or ():
            if isinstance(entry, dict) and isinstance(entry.get("code"), str):
                registry.setdefault(entry["code"], _Pending(entry))
        context = {"document": self.number, "effective_from": start, "measures": registry}
        from .schema import CatalogFile  # only reading TOML needs the file models

        try:
            self.file = CatalogFile.model_validate(data, context=context)
        except ValidationError as exc:
            raise catalog_error(path, exc) from None
        self.existing = existing

    def error(self, field: str, reason: str) -> CatalogError:
        return CatalogError(self.path, field, reason)

    def cite(self, text: str, field: str, *, relative: bool = True) -> Citation:
        """Read a citation; one naming no document is taken to be in this file's document."""
        try:
            citation = parse_citation(text)
        except CitationSyntaxError as exc:
            raise self.error(field, exc.reason) from None
        if citation.document is None and relative:
            citation = citation.with_document(self.number)
        return citation

    # -- document ---------------------------------------------------------------------
    def document(self) -> LegalDocument:
        d = self.file.document
        for name in ("title", "issuer", "effective_from", "provenance"):
            if getattr(d, name) is None:
                raise self.error(f"document.{name}", "required field is missing (only an overlay "
                                 "file, with overlay = true, may leave it out)")
        for i, relation in enumerate(d.relations):
            self.cite(relation.basis, f"document.relations[{i}].basis")
        try:
            return LegalDocument(
                number=self.number, title=d.title, issuer_name=d.issuer, issued_on=d.issued_on,
                effective_from=d.effective_from, effective_to=d.effective_to,
                relations=d.relations, based_on=d.based_on,
                sanctioning_articles=d.sanctioning_articles, provenance=d.provenance,
            )
        except ValidationError as exc:
            raise catalog_error(self.path, exc, "document") from None

    # -- competence ---------------------------------------------------------------------
    def competence(self) -> dict[str, Timeline[CompetenceRule]]:
        """Competence rules grouped by code into timelines (a code may have several wordings)."""
        grouped: dict[str, list[CompetenceRule | Repeal]] = {}
        for i, entry in enumerate(self.file.competence):
            field = f"competence[{i}]"
            rule = CompetenceRule.model_validate(
                entry.model_dump(exclude={"repealed_from", "repeal_basis"}))
            entries = grouped.setdefault(rule.code, [])
            entries.append(rule)
            if entry.repealed_from is not None:
                if entry.repealed_from <= entry.valid_from:
                    raise self.error(f"{field}.repealed_from", "must be after valid_from")
                if entry.repeal_basis is not None:
                    self.cite(entry.repeal_basis, f"{field}.repeal_basis")
                entries.append(Repeal(valid_from=entry.repealed_from, basis=entry.repeal_basis,
                                      provenance=entry.provenance))
        return {code: self.timeline(entries, f"competence[{code}]")
                for code, entries in grouped.items()}

    def timeline(self, entries: Iterable[Any], field: str) -> Timeline[Any]:
        """Entries as a timeline; overlapping or unordered start dates name the field."""
        try:
            return Timeline(entries)
        except ValueError as exc:
            raise self.error(field, str(exc)) from None

    # -- provisions -------------------------------------------------------------------
    def measures(self, measures: tuple[Measure, ...], field: str, points: set[str],
                 kind: MeasureKind, registry: Mapping[str, MeasureType]) -> tuple[Measure, ...]:
        for i, m in enumerate(measures):
            known = registry.get(m.code)
            if known is None:
                raise self.error(f"{field}[{i}].code",
                                 f"unknown measure {m.code!r}: register it in a [[measure]] table "
                                 f"(known: {', '.join(sorted(registry))})")
            if known.kind is not kind:
                where = "additional_sanctions" if known.kind is MeasureKind.SANCTION \
                    else "remedial_measures"
                raise self.error(f"{field}[{i}].code",
                                 f"{m.code!r} is a {known.kind.value} ({known.basis}), not a "
                                 f"{kind.value}: list it under {where}")
            unknown = [p for p in m.points if points and p not in points]
            if unknown:
                raise self.error(f"{field}[{i}].points",
                                 f"points {unknown} are not acts of this clause ({sorted(points)})")
            if m.alternative_to is not None and m.alternative_to not in {x.code for x in measures}:
                raise self.error(f"{field}[{i}].alternative_to",
                                 f"{m.alternative_to!r} is not a measure of this clause")
        return measures

    def provenance(self, content: Content, article: ArticleBlock, field: str) -> Any:
        found = content.provenance or article.provenance or (
            self.file.defaults.provenance if self.file.defaults else None)
        if found is None:
            raise self.error(f"{field}.provenance", "required field is missing: give provenance "
                             "on the clause, its article or the file's [defaults]")
        return found

    def provision(self, article_no: str, article: ArticleBlock, clause_no: str | None,
                  clause: ClauseBlock, field: str, document: LegalDocument,
                  registry: Mapping[str, MeasureType]) -> Provision:
        sector = clause.sector or article.sector
        if sector is None:
            raise self.error(f"{field}.sector", "no sector on the clause or its article")
        points = set(clause.points)
        for amendment in clause.amendments:
            points |= set(amendment.points)
        start = clause.effective_from or document.effective_from
        contents: list[tuple[date, Citation | None, Content, str]] = [(start, None, clause, field)]
        for i, a in enumerate(clause.amendments):
            contents.append((a.effective_from, self.cite(a.by, f"{field}.amendments[{i}].by",
                                                         relative=False), a,
                             f"{field}.amendments[{i}]"))
        versions: list[ProvisionVersion] = []
        for j, (begin, by, content, where) in enumerate(contents):
            if j + 1 < len(contents) and contents[j + 1][0] <= begin:
                raise self.error(f"{field}.amendments",
                                 "amendments must be in date order, each after the wording it changes")
            prev = versions[-1] if versions else None
            adds = self.measures(content.additional_sanctions, f"{where}.additional_sanctions",
                                 points, MeasureKind.SANCTION, registry)
            rems = self.measures(content.remedial_measures, f"{where}.remedial_measures",
                                 points, MeasureKind.REMEDY, registry)
            warning = content.warning
            complete = content.measures_complete
            fine = content.fine
            if prev is not None:
                warning = prev.warning if warning is None else warning
                complete = prev.measures_complete if complete is None else complete
                adds = adds or prev.additional_sanctions
                rems = rems or prev.remedial_measures
                fine = prev.fine if fine is None else fine
            try:
                versions.append(ProvisionVersion(
                    valid_from=begin, amended_by=by, warning=bool(warning), fine=fine,
                    additional_sanctions=adds, remedial_measures=rems,
                    measures_complete=True if complete is None else complete,
                    provenance=self.provenance(content, article, where),
                ))
            except ValidationError as exc:
                raise catalog_error(self.path, exc, where) from None
        acts = tuple(Act(point=p, label=label) for p, label in clause.points.items())
        for a in clause.amendments:
            known = {act.point for act in acts}
            acts += tuple(Act(point=p, label=label) for p, label in a.points.items()
                          if p not in known)
        bad = [a.point for a in acts if not is_point_letter(a.point)]
        if bad:
            raise self.error(f"{field}.points", f"{bad} are not Vietnamese point letters")
        successor = None
        if clause.successor is not None:
            cited = self.cite(clause.successor.citation, f"{field}.successor.citation",
                              relative=False)
            if cited.document is None:
                raise self.error(f"{field}.successor.citation", "a successor must name its document")
            successor = Counterpart(citation=cited, provenance=clause.successor.provenance)
        try:
            return Provision(
                document=self.number, article=article_no, clause=clause_no,
                chapter=article.chapter, sector=sector, label=clause.label,
                acts=tuple(sorted(acts, key=lambda a: letter_index(a.point))),
                versions=self.timeline(versions, f"{field}.amendments"), successor=successor,
                caveats=clause.caveats, elements=clause.elements,
            )
        except ValidationError as exc:
            raise catalog_error(self.path, exc, field) from None

    def provisions(self, document: LegalDocument,
                   registry: Mapping[str, MeasureType]) -> list[Provision]:
        out = []
        for article_no, article in self.file.article.items():
            field = f"article.{article_no}"
            try:
                Citation(article=article_no)
            except ValidationError:
                raise self.error(field, f"{article_no!r} is not an article number") from None
            if article.whole is not None and article.clause:
                raise self.error(field, "an article has either 'whole' or clauses, not both")
            if article.whole is not None:
                out.append(self.provision(article_no, article, None, article.whole,
                                          f"{field}.whole", document, registry))
            for clause_no, clause in article.clause.items():
                cf = f"{field}.clause.{clause_no}"
                try:
                    Citation(article=article_no, clause=clause_no)
                except ValidationError:
                    raise self.error(cf, f"{clause_no!r} is not a clause number") from None
                out.append(self.provision(article_no, article, clause_no, clause, cf, document,
                                          registry))
        return out


class _Pending:
    """A measure type of the file being read, before the file itself is validated."""

    def __init__(self, raw: dict[str, Any]) -> None:
        label = raw.get("label")
        self.label = label if isinstance(label, dict) else None


def _merge(catalog: Catalog, path: str, text: str) -> Catalog:
    reader = _FileReader(path, _read_toml(path, text), catalog)
    raw = reader.file
    key = str(reader.number)
    entries = dict(catalog.entries)
    provisions: dict[ProvisionKey, Provision] = dict(catalog.provisions)
    sources: dict[ProvisionKey, str] = dict(catalog.provision_sources)
    existing = reader.existing
    overlay = raw.document.overlay
    overrides = list(catalog.overrides)
    if overlay:
        if existing is None:
            raise CatalogError(path, "document.overlay",
                               f"an overlay needs {key} to be loaded first; documents known: "
                               f"{', '.join(sorted(entries))}")
        extra = [f for f in ("title", "issuer", "issued_on", "effective_from", "effective_to",
                             "provenance", "sanctioning_articles")
                 if getattr(raw.document, f) is not None]
        if extra or raw.document.relations or raw.document.based_on:
            raise CatalogError(path, "document",
                               "an overlay names only the document number; its metadata stays "
                               f"as loaded from {existing.source}")
        document = existing.document
    else:
        document = reader.document()
        if existing is not None:
            raise CatalogError(
                path, "document",
                f"document {key} is already loaded from {existing.source}; set overlay = true "
                "in [document] to add or replace its provisions",
            )
    rules = raw.rules
    if existing is not None and rules is None:
        rules = existing.rules
    earlier = list(existing.sources) if existing is not None else []
    changed_rules = raw.rules is not None or existing is None
    entries[key] = DocumentEntry(document=document, source=existing.source if existing else path,
                                 rules=rules,
                                 sources=(*earlier, path) if changed_rules else tuple(earlier))

    def by_code(what: str, old: Mapping[str, Any], new: Iterable[tuple[str, Any]]) -> dict[str, Any]:
        """Entries by code; redefining a code already loaded needs ``overlay = true``."""
        merged = dict(old)
        for code, item in new:
            if code in merged and not overlay:
                raise CatalogError(path, f"{what}.{code}",
                                   f"{what} {code!r} is already defined by a file loaded earlier; "
                                   "a file may redefine it only as an overlay (overlay = true in "
                                   "[document], naming the document whose rules it amends)")
            if code in merged and not is_bundled(path):
                overrides.append(f"{what} {code} ({path})")
            merged[code] = item
        return merged

    measure_types = by_code("measure", catalog.measure_types,
                            ((m.code, m) for m in raw.measure))
    for provision in reader.provisions(document, measure_types):
        pkey = provision_key(provision)
        if pkey in provisions and not overlay:
            raise CatalogError(path, f"article.{provision.article}",
                               f"{provision.citation} is already loaded; only an overlay may "
                               "replace it")
        provisions[pkey] = provision
        sources[pkey] = path
    sectors = by_code("sector", catalog.sectors, ((x.code, x) for x in raw.sector))
    circumstances = by_code("circumstance", catalog.circumstances,
                            ((x.code, x) for x in raw.circumstance))
    schemes = by_code("fine_scheme", {x.code: x for x in catalog.schemes},
                      ((x.code, x) for x in raw.fine_scheme))
    competence = by_code("competence", catalog.competence_timelines,
                         reader.competence().items())
    treatments = by_code("offender_treatment", {k.value: v for k, v in catalog.treatments.items()},
                         ((t.kind.value, t) for t in raw.offender_treatment))
    principles: dict[str, list[Any]] = {k: list(v.entries) for k, v in catalog.principles.items()}
    for i, principle in enumerate(raw.principle):
        wordings = principles.setdefault(principle.code, [])
        same = [e for e in wordings if e.valid_from == principle.valid_from]
        if same and not overlay:
            raise CatalogError(path, f"principle[{i}]",
                               f"principle {principle.code!r} already has a wording from "
                               f"{principle.valid_from}; only an overlay may replace it")
        wordings[:] = sorted([e for e in wordings if e not in same] + [principle],
                             key=lambda e: e.valid_from)
    return replace(
        catalog, entries=entries, provisions=provisions, sectors=sectors,
        circumstances=circumstances, schemes=tuple(schemes.values()),
        competence_timelines=competence, measure_types=measure_types, provision_sources=sources,
        overrides=tuple(overrides),
        treatments={OffenderKind(k): v for k, v in treatments.items()},
        principles={code: Timeline(items) for code, items in principles.items()},
    )


def _source_of(catalog: Catalog, provision: Provision) -> str:
    """The file that gave ``provision`` (an overlay's, when an overlay redefined it)."""
    found = catalog.provision_sources.get(provision_key(provision))
    return found if found is not None else catalog.entries[str(provision.document)].source


def _where(provision: Provision) -> str:
    return f"article.{provision.article}." + (
        f"clause.{provision.clause}" if provision.clause else "whole")


def _check(catalog: Catalog) -> Catalog:
    """Cross-file checks: codes exist, limitation periods cover, successors resolve, no loop."""
    for number, entry in catalog.entries.items():
        for i, scope in enumerate(entry.rules.competence_scope if entry.rules else ()):
            unknown = [c for c in scope.officials if c not in catalog.competence_timelines]
            if unknown:
                raise CatalogError(entry.source, f"rules.competence_scope[{i}].officials",
                                   f"unknown competence codes {unknown}")
        scheme = entry.rules.fine_scheme if entry.rules else None
        if scheme is not None and catalog.scheme(scheme) is None:
            raise CatalogError(entry.source, "rules.fine_scheme",
                               f"unknown fine scheme {scheme!r} named by {number}; known: "
                               f"{', '.join(sorted(s.code for s in catalog.schemes))}")
    for provision in catalog.provisions.values():
        source = _source_of(catalog, provision)
        where = _where(provision)
        if provision.sector not in catalog.sectors:
            raise CatalogError(source, f"{where}.sector",
                               f"unknown sector {provision.sector!r}; known: "
                               f"{', '.join(sorted(catalog.sectors))}")
        for code in provision.elements:
            found = catalog.circumstances.get(code)
            if found is None or found.kind.value != "aggravating":
                raise CatalogError(source, f"{where}.elements",
                                   f"{code!r} is not an aggravating circumstance code")
        _check_durations(catalog, provision, source, where)
        _check_limitation(catalog, provision, source, where)
        if provision.successor is not None and catalog.successor_of(provision) is None:
            raise CatalogError(source, f"{where}.successor",
                               f"{provision.successor.citation} is not in the catalog")
    _check_successor_loops(catalog)
    _check_relation_loops(catalog)
    _check_bodies(catalog)
    return catalog


def _check_relation_loops(catalog: Catalog) -> None:
    """Documents may not replace, amend or repeal each other in a circle."""
    edges = {number: {str(r.target) for r in entry.document.relations}
             for number, entry in catalog.entries.items()}
    for start in edges:
        path = [start]
        frontier = [(start, path)]
        seen = {start}
        while frontier:
            node, trail = frontier.pop()
            for nxt in edges.get(node, ()):
                if nxt == start:
                    chain = " → ".join([*trail, nxt])
                    raise CatalogError(catalog.entries[start].source, "document.relations",
                                       f"documents act on each other in a circle: {chain}")
                if nxt not in seen:
                    seen.add(nxt)
                    frontier.append((nxt, [*trail, nxt]))


def _check_bodies(catalog: Catalog) -> None:
    """Every competence rule names a body of the registry (catalog/registry/bodies.toml)."""
    from .bodies import known_body_codes

    known = known_body_codes()
    for code, timeline in catalog.competence_timelines.items():
        for rule in timeline:
            if rule.body not in known:
                source = catalog.entries[str(rule.document)].source
                raise CatalogError(source, f"competence.{code}.body",
                                   f"unknown body {rule.body!r}; known: {', '.join(sorted(known))}")


def _check_durations(catalog: Catalog, provision: Provision, source: str, where: str) -> None:
    rules = catalog.rules_for(provision.document)
    limit = rules.duration_limit if rules else None
    if limit is None:
        return
    for version in provision.versions:
        for m in version.additional_sanctions:
            d = m.duration
            if d is not None and not (limit.min_months <= d.min_months
                                      and d.max_months <= limit.max_months):
                raise CatalogError(
                    source, f"{where}.additional_sanctions.{m.code}.duration",
                    f"{d.min_months}–{d.max_months} months is outside the "
                    f"{limit.min_months}–{limit.max_months} months the decree allows "
                    f"({limit.basis})")


def _check_limitation(catalog: Catalog, provision: Provision, source: str, where: str) -> None:
    """Every day a provision applies, its sector has a limitation period (else the engine
    could not say when an act is time-barred)."""
    periods = catalog.sectors[provision.sector].limitation
    rules = catalog.rules_for(provision.document)
    listed = rules.two_year_limitation if rules else None
    for span in catalog.timeline(provision).spans():
        if listed is not None and listed.covers(provision.citation) is not None \
                and span.start >= listed.valid_from:
            continue
        missing = periods.at(span.start) is None or any(
            isinstance(e, Repeal) and span.covers(e.valid_from) for e in periods.entries)
        if missing:
            raise CatalogError(source, f"{where}.sector",
                               f"the {provision.sector} sector has no limitation period for part "
                               f"of {span.start.isoformat()} – "
                               f"{span.last_day.isoformat() if span.last_day else 'open'}, when "
                               f"{provision.citation} applies")


def _check_successor_loops(catalog: Catalog) -> None:
    for start in catalog.provisions.values():
        chain = [start]
        seen = {provision_key(start)}
        current = catalog.successor_of(start)
        while current is not None:
            if provision_key(current) in seen:
                names = " → ".join(p.citation.format("short") for p in [*chain, current])
                raise CatalogError(_source_of(catalog, start), f"{_where(start)}.successor",
                                   f"successor links loop: {names}")
            seen.add(provision_key(current))
            chain.append(current)
            current = catalog.successor_of(current)


def _ordered(files: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Documents before the overlays that amend them (then by name)."""
    def is_overlay(text: str) -> bool:
        head = text.split("[article", 1)[0]
        return "overlay = true" in head
    return sorted(files, key=lambda f: (is_overlay(f[1]), f[0]))


def load_files(paths: Iterable[str | Path], base: Catalog | None = None) -> Catalog:
    """Load catalog files on top of ``base`` (default: an empty catalog).

    Later files add documents and provisions; a file that replaces provisions or
    codes already loaded must declare ``overlay = true`` in its ``[document]`` block.
    """
    catalog = base or Catalog()
    for path in paths:
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8")
        except OSError as exc:
            raise CatalogError(str(p), "", f"cannot read file: {exc.strerror}") from None
        except UnicodeDecodeError:
            raise CatalogError(str(p), "", "not UTF-8 text") from None
        catalog = _merge(catalog, str(p), text)
    return _check(catalog)


def bundled_files() -> list[tuple[str, str]]:
    """The bundled catalog files as (name, text), in load order."""
    from importlib import resources  # not needed to import the loader

    folder = resources.files(DATA_PACKAGE)
    files = [(f"penalty_rules/catalog/data/{item.name}", item.read_text(encoding="utf-8"))
             for item in folder.iterdir() if item.name.endswith(".toml")]
    return _ordered(files)


@functools.lru_cache(maxsize=1)
def bundled_catalog() -> Catalog:
    """The catalog shipped with the library (loaded once, then cached; it is immutable).

    It is read from the compiled snapshot (:mod:`penalty_rules.catalog.snapshot`) when the
    snapshot was built from exactly the bundled files as they are on disk, else from those
    TOML files (``bundled_catalog_from_files()`` in this module); both give the same catalog.
    """
    from . import snapshot

    compiled = snapshot.load()
    return compiled if compiled is not None else bundled_catalog_from_files()


def bundled_catalog_from_files() -> Catalog:
    """The bundled catalog read from its TOML files: every record validated, every
    cross-file check run (what the snapshot is built from)."""
    catalog = Catalog()
    for name, text in bundled_files():
        catalog = _merge(catalog, name, text)
    return _check(catalog)


def load_catalog(*paths: str | Path, bundled: bool = True) -> Catalog:
    """The bundled catalog, with the user's catalog files loaded on top.

    >>> catalog = load_catalog()
    >>> str(catalog.document("174/2026/NĐ-CP").number)
    '174/2026/NĐ-CP'
    """
    base = bundled_catalog() if bundled else Catalog()
    return load_files(paths, base) if paths else base
