"""Load catalog files (TOML) into a :class:`~penalty_rules.catalog.catalog.Catalog`.

Why TOML: it is in the standard library (``tomllib``), has real dates and
integers (``40_000_000`` reads well and cannot become a float by accident),
comments for provenance notes, and the format itself forbids duplicate keys, so
a clause typed twice is an error rather than a silent overwrite.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..citations.parse import parse_citation
from ..errors import CatalogError, CitationSyntaxError
from ..models.circumstance import Circumstance, CircumstanceKind
from ..models.citation import Citation
from ..models.document import DocumentNumber, DocumentRelation, LegalDocument, RelationKind
from ..models.letters import is_point_letter, letter_index
from ..models.offender import OffenderKind, OffenderTreatment
from ..models.principle import Principle
from ..models.provision import Act, Counterpart, Measure, Provision, ProvisionVersion
from ..models.rules import (
    CompetenceRule,
    DecreeMaximum,
    DecreeRules,
    DurationLimit,
    FineScheme,
    PartList,
    TransitionRule,
)
from ..models.sector import LimitationPeriod, Sector, SectorMaximum
from ..models.timeline import Repeal, Timeline
from .catalog import Catalog, DocumentEntry, ProvisionKey, provision_key
from .schema import RawArticle, RawClause, RawFile, RawMeasure, RawPartList

DATA_PACKAGE = "penalty_rules.catalog.data"


def _loc(loc: Sequence[int | str]) -> str:
    return ".".join(str(part) for part in loc)


class _FileReader:
    """Converts one raw file into domain objects, naming fields in its errors."""

    def __init__(self, path: str, raw: RawFile) -> None:
        self.path = path
        self.raw = raw
        try:
            self.number = DocumentNumber.parse(raw.document.number)
        except ValueError as exc:
            raise CatalogError(path, "document.number", str(exc)) from None

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

    def model(self, cls: type[Any], field: str, **values: Any) -> Any:
        try:
            return cls(**values)
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(p for p in (field, _loc(err["loc"])) if p)
            raise self.error(where, err["msg"].removeprefix("Value error, ")) from None

    # -- document ---------------------------------------------------------------------
    def document(self) -> LegalDocument:
        d = self.raw.document
        for name in ("title", "issuer", "effective_from", "provenance"):
            if getattr(d, name) is None:
                raise self.error(f"document.{name}", "required field is missing (only an overlay "
                                 "file, with overlay = true, may leave it out)")
        relations = []
        for i, r in enumerate(d.relations):
            field = f"document.relations[{i}]"
            try:
                target = DocumentNumber.parse(r.target)
            except ValueError as exc:
                raise self.error(f"{field}.target", str(exc)) from None
            self.cite(r.basis, f"{field}.basis")
            relations.append(
                self.model(
                    DocumentRelation, field, kind=RelationKind(r.kind), target=target, on=r.on,
                    parts=r.parts, basis=r.basis, provenance=r.provenance,
                )
            )
        based_on = []
        for i, number in enumerate(d.based_on):
            try:
                based_on.append(DocumentNumber.parse(number))
            except ValueError as exc:
                raise self.error(f"document.based_on[{i}]", str(exc)) from None
        document: LegalDocument = self.model(
            LegalDocument, "document", number=self.number, title=d.title, issuer_name=d.issuer,
            issued_on=d.issued_on, effective_from=d.effective_from, effective_to=d.effective_to,
            relations=tuple(relations), based_on=tuple(based_on),
            sanctioning_articles=d.sanctioning_articles, provenance=d.provenance,
        )
        return document

    def part_list(self, raw: RawPartList | None, field: str) -> PartList | None:
        if raw is None:
            return None
        parts = tuple(self.cite(p, f"{field}.parts[{i}]") for i, p in enumerate(raw.parts))
        start = raw.valid_from or self.raw.document.effective_from
        if start is None:
            raise self.error(f"{field}.valid_from", "give the first day the list applies")
        return PartList(parts=parts, valid_from=start,
                        basis=self.cite(raw.basis, f"{field}.basis"), provenance=raw.provenance)

    def rules(self) -> DecreeRules | None:
        r = self.raw.rules
        if r is None:
            return None
        maxima = tuple(
            DecreeMaximum(sector=m.sector, individual_max=m.individual_max,
                          basis=self.cite(m.basis, f"rules.sector_maxima[{i}].basis"),
                          provenance=m.provenance)
            for i, m in enumerate(r.sector_maxima)
        )
        transition = None
        if r.transition is not None:
            try:
                predecessor = DocumentNumber.parse(r.transition.predecessor)
            except ValueError as exc:
                raise self.error("rules.transition.predecessor", str(exc)) from None
            transition = TransitionRule(
                predecessor=predecessor,
                ended_before=self.cite(r.transition.ended_before, "rules.transition.ended_before"),
                ongoing=self.cite(r.transition.ongoing, "rules.transition.ongoing"),
                provenance=r.transition.provenance,
            )
        limit = None
        if r.duration_limit is not None:
            d = r.duration_limit
            limit = self.model(DurationLimit, "rules.duration_limit", min_months=d.min_months,
                               max_months=d.max_months,
                               basis=self.cite(d.basis, "rules.duration_limit.basis"),
                               provenance=d.provenance)
        return DecreeRules(
            document=self.number, fine_base=r.fine_base, duration_limit=limit,
            fine_base_basis=self.cite(r.fine_base_basis, "rules.fine_base_basis"),
            fine_base_provenance=r.fine_base_provenance,
            base_exceptions=tuple(
                self.cite(p, f"rules.base_exceptions[{i}]") for i, p in enumerate(r.base_exceptions)
            ),
            sector_maxima=maxima,
            two_year_limitation=self.part_list(r.two_year_limitation, "rules.two_year_limitation"),
            fined_once=self.part_list(r.fined_once, "rules.fined_once"),
            fine_scheme=r.fine_scheme, competence_base=r.competence_base, transition=transition,
        )

    # -- general rules ----------------------------------------------------------------
    def sectors(self) -> list[Sector]:
        out = []
        for i, s in enumerate(self.raw.sector):
            field = f"sector[{i}]"
            maxima = tuple(
                self.model(SectorMaximum, f"{field}.maxima[{j}]", individual_max=m.individual_max,
                           valid_from=m.valid_from,
                           basis=self.cite(m.basis, f"{field}.maxima[{j}].basis"),
                           provenance=m.provenance)
                for j, m in enumerate(s.maxima)
            )
            limitation = tuple(
                self.model(LimitationPeriod, f"{field}.limitation[{j}]", years=p.years,
                           valid_from=p.valid_from,
                           basis=self.cite(p.basis, f"{field}.limitation[{j}].basis"),
                           provenance=p.provenance)
                for j, p in enumerate(s.limitation)
            )
            out.append(self.model(Sector, field, code=s.code, label=s.label,
                                  maxima=self.timeline(maxima, f"{field}.maxima"),
                                  limitation=self.timeline(limitation, f"{field}.limitation")))
        return out

    def circumstances(self) -> list[Circumstance]:
        return [
            self.model(Circumstance, f"circumstance[{i}]", code=c.code,
                       kind=CircumstanceKind(c.kind),
                       basis=self.cite(c.basis, f"circumstance[{i}].basis"), label=c.label,
                       aliases=c.aliases, provenance=c.provenance)
            for i, c in enumerate(self.raw.circumstance)
        ]

    def schemes(self) -> list[FineScheme]:
        return [
            self.model(FineScheme, f"fine_scheme[{i}]", code=s.code, kind=s.kind, label=s.label,
                       percent=s.percent, scope=s.scope, valid_from=s.valid_from,
                       basis=self.cite(s.basis, f"fine_scheme[{i}].basis"),
                       amended_by=(self.cite(s.amended_by, f"fine_scheme[{i}].amended_by")
                                   if s.amended_by else None),
                       provenance=s.provenance)
            for i, s in enumerate(self.raw.fine_scheme)
        ]

    def treatments(self) -> list[OffenderTreatment]:
        return [
            self.model(OffenderTreatment, f"offender_treatment[{i}]", kind=t.kind,
                       fined_as=t.fined_as, label=t.label,
                       basis=(self.cite(t.basis, f"offender_treatment[{i}].basis")
                              if t.basis else None),
                       provenance=t.provenance)
            for i, t in enumerate(self.raw.offender_treatment)
        ]

    def competence(self) -> dict[str, Timeline[CompetenceRule]]:
        """Competence rules grouped by code into timelines (a code may have several wordings)."""
        grouped: dict[str, list[CompetenceRule | Repeal]] = {}
        for i, c in enumerate(self.raw.competence):
            field = f"competence[{i}]"
            rule = self.model(
                CompetenceRule, field, code=c.code, title=c.title, official=c.official,
                level=c.level, body=c.body, document=self.number, caps=c.caps,
                cap_base=c.cap_base, percent=c.percent, valid_from=c.valid_from,
                basis=self.cite(c.basis, f"{field}.basis"), provenance=c.provenance)
            entries = grouped.setdefault(c.code, [])
            if entries and isinstance(entries[-1], Repeal) is False and \
                    entries[-1].valid_from >= c.valid_from:
                raise self.error(f"{field}.valid_from", f"entries of {c.code!r} must follow each "
                                 "other in date order")
            entries.append(rule)
            if c.repealed_from is not None:
                if c.repealed_from <= c.valid_from:
                    raise self.error(f"{field}.repealed_from", "must be after valid_from")
                if c.repeal_basis is not None:
                    self.cite(c.repeal_basis, f"{field}.repeal_basis")
                entries.append(Repeal(valid_from=c.repealed_from, basis=c.repeal_basis,
                                      provenance=c.provenance))
        return {code: self.timeline(entries, f"competence[{code}]")
                for code, entries in grouped.items()}

    def principles(self) -> list[Principle]:
        return [
            self.model(Principle, f"principle[{i}]", code=r.code, label=r.label,
                       valid_from=r.valid_from, basis=self.cite(r.basis, f"principle[{i}].basis"),
                       amended_by=(self.cite(r.amended_by, f"principle[{i}].amended_by")
                                   if r.amended_by else None),
                       provenance=r.provenance)
            for i, r in enumerate(self.raw.principle)
        ]

    def timeline(self, entries: Iterable[Any], field: str) -> Timeline[Any]:
        """Entries as a timeline; overlapping or unordered start dates name the field."""
        try:
            return Timeline(entries)
        except ValueError as exc:
            raise self.error(field, str(exc)) from None

    # -- provisions -------------------------------------------------------------------
    def measures(self, raws: Iterable[RawMeasure], field: str, points: set[str]) -> tuple[Measure, ...]:
        out = []
        for i, m in enumerate(raws):
            unknown = [p for p in m.points if points and p not in points]
            if unknown:
                raise self.error(f"{field}[{i}].points",
                                 f"points {unknown} are not acts of this clause ({sorted(points)})")
            out.append(self.model(Measure, f"{field}[{i}]", **m.model_dump()))
        return tuple(out)

    def provision(self, article_no: str, article: RawArticle, clause_no: str | None,
                  clause: RawClause, field: str, document: LegalDocument) -> Provision:
        sector = clause.sector or article.sector
        if sector is None:
            raise self.error(f"{field}.sector", "no sector on the clause or its article")
        points = set(clause.points)
        for amendment in clause.amendments:
            points |= set(amendment.points)
        start = clause.effective_from or document.effective_from
        contents: list[tuple[date, Citation | None, Any, str]] = [(start, None, clause, field)]
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
                                 points)
            rems = self.measures(content.remedial_measures, f"{where}.remedial_measures", points)
            warning = content.warning
            complete = content.measures_complete
            if prev is not None:
                warning = prev.warning if warning is None else warning
                complete = prev.measures_complete if complete is None else complete
                adds = adds or prev.additional_sanctions
                rems = rems or prev.remedial_measures
            versions.append(self.model(
                ProvisionVersion, where, valid_from=begin, amended_by=by,
                warning=bool(warning),
                fine=content.fine if content.fine is not None or prev is None else prev.fine,
                additional_sanctions=adds, remedial_measures=rems,
                measures_complete=True if complete is None else complete,
                provenance=content.provenance,
            ))
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
            successor = Counterpart(
                citation=self.cite(clause.successor.citation, f"{field}.successor.citation",
                                   relative=False),
                provenance=clause.successor.provenance,
            )
            if successor.citation.document is None:
                raise self.error(f"{field}.successor.citation", "a successor must name its document")
        provision: Provision = self.model(
            Provision, field, document=self.number, article=article_no, clause=clause_no,
            chapter=article.chapter, sector=sector, label=clause.label,
            acts=tuple(sorted(acts, key=lambda a: letter_index(a.point))),
            versions=self.timeline(versions, f"{field}.amendments"), successor=successor,
            caveats=clause.caveats,
        )
        return provision

    def provisions(self, document: LegalDocument) -> list[Provision]:
        out = []
        for article_no, article in self.raw.article.items():
            field = f"article.{article_no}"
            try:
                Citation(article=article_no)
            except ValidationError:
                raise self.error(field, f"{article_no!r} is not an article number") from None
            if article.whole is not None and article.clause:
                raise self.error(field, "an article has either 'whole' or clauses, not both")
            if article.whole is not None:
                out.append(self.provision(article_no, article, None, article.whole,
                                          f"{field}.whole", document))
            for clause_no, clause in article.clause.items():
                cf = f"{field}.clause.{clause_no}"
                try:
                    Citation(article=article_no, clause=clause_no)
                except ValidationError:
                    raise self.error(cf, f"{clause_no!r} is not a clause number") from None
                out.append(self.provision(article_no, article, clause_no, clause, cf, document))
        return out


def _read_raw(path: str, text: str) -> RawFile:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(path, "", f"not valid TOML: {exc}") from None
    try:
        return RawFile.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        more = f" (and {exc.error_count() - 1} more problems)" if exc.error_count() > 1 else ""
        reason = err["msg"]
        if err["type"] == "extra_forbidden":
            reason = "unknown field (not part of the catalog format)"
        elif err["type"] == "missing":
            reason = "required field is missing"
        raise CatalogError(path, _loc(err["loc"]), reason + more) from None


def _merge(catalog: Catalog, path: str, text: str) -> Catalog:
    raw = _read_raw(path, text)
    reader = _FileReader(path, raw)
    key = str(reader.number)
    entries = dict(catalog.entries)
    provisions: dict[ProvisionKey, Provision] = dict(catalog.provisions)
    existing = entries.get(key)
    if raw.document.overlay:
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
    rules = reader.rules()
    if existing is not None and rules is None:
        rules = existing.rules
    entries[key] = DocumentEntry(document=document, source=path, rules=rules)
    for provision in reader.provisions(document):
        provisions[provision_key(provision)] = provision

    overlay = raw.document.overlay

    def by_code(what: str, old: Mapping[str, Any], new: Iterable[tuple[str, Any]]) -> dict[str, Any]:
        """Entries by code; redefining a code already loaded needs ``overlay = true``."""
        merged = dict(old)
        for code, item in new:
            if code in merged and not overlay:
                raise CatalogError(path, f"{what}.{code}",
                                   f"{what} {code!r} is already defined by a file loaded earlier; "
                                   "a file may redefine it only as an overlay (overlay = true in "
                                   "[document], naming the document whose rules it amends)")
            merged[code] = item
        return merged

    sectors = by_code("sector", catalog.sectors, ((x.code, x) for x in reader.sectors()))
    circumstances = by_code("circumstance", catalog.circumstances,
                            ((x.code, x) for x in reader.circumstances()))
    schemes = by_code("fine_scheme", {x.code: x for x in catalog.schemes},
                      ((x.code, x) for x in reader.schemes()))
    competence = by_code("competence", catalog.competence_timelines,
                         reader.competence().items())
    treatments = by_code("offender_treatment", {k.value: v for k, v in catalog.treatments.items()},
                         ((t.kind.value, t) for t in reader.treatments()))
    principles: dict[str, list[Any]] = {k: list(v.entries) for k, v in catalog.principles.items()}
    for i, principle in enumerate(reader.principles()):
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
        competence_timelines=competence,
        treatments={OffenderKind(k): v for k, v in treatments.items()},
        principles={code: Timeline(items) for code, items in principles.items()},
    )


def _check(catalog: Catalog) -> Catalog:
    """Cross-file checks: sectors exist, successors resolve."""
    for provision in catalog.provisions.values():
        source = catalog.entries[str(provision.document)].source
        where = f"article.{provision.article}." + (
            f"clause.{provision.clause}" if provision.clause else "whole")
        if provision.sector not in catalog.sectors:
            raise CatalogError(source, f"{where}.sector",
                               f"unknown sector {provision.sector!r}; known: "
                               f"{', '.join(sorted(catalog.sectors))}")
        rules = catalog.rules_for(provision.document)
        limit = rules.duration_limit if rules else None
        if limit is not None:
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
        if provision.successor is not None and catalog.successor_of(provision) is None:
            raise CatalogError(source, f"{where}.successor",
                               f"{provision.successor.citation} is not in the catalog")
    return catalog


def load_files(paths: Iterable[str | Path], base: Catalog | None = None) -> Catalog:
    """Load catalog files on top of ``base`` (default: an empty catalog).

    Later files add documents and provisions, and replace provisions with the same
    citation; an overlay file repeats the ``[document]`` block unchanged.
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


@functools.lru_cache(maxsize=1)
def bundled_catalog() -> Catalog:
    """The catalog shipped with the library (loaded once, then cached; it is immutable)."""
    catalog = Catalog()
    folder = resources.files(DATA_PACKAGE)
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.name.endswith(".toml"):
            catalog = _merge(catalog, f"penalty_rules/catalog/data/{item.name}",
                             item.read_text(encoding="utf-8"))
    return _check(catalog)


def load_catalog(*paths: str | Path, bundled: bool = True) -> Catalog:
    """The bundled catalog, with the user's catalog files loaded on top.

    >>> catalog = load_catalog()
    >>> str(catalog.document("174/2026/NĐ-CP").number)
    '174/2026/NĐ-CP'
    """
    base = bundled_catalog() if bundled else Catalog()
    return load_files(paths, base) if paths else base
