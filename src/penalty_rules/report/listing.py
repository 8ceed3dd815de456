"""Listings for the command line: documents, provisions, circumstances, citations."""

from __future__ import annotations

from typing import Any

from ..catalog.catalog import Catalog
from ..errors import ProvisionNotFound
from ..i18n import count_text, flag_text, template, word
from ..models.citation import Citation
from ..models.common import Status
from ..models.provision import (
    BandedFine,
    FineFrame,
    PerUnitFine,
    PointFrames,
    Provision,
    ProvisionVersion,
)
from .formatting import citation_text, money, short_date
from .schemas import (
    CatalogListing,
    CircumstanceEntry,
    CitationResult,
    DocumentEntry,
    PartFlag,
    ProvisionEntry,
    RelationEntry,
    VersionEntry,
)


def _fine_json(version: ProvisionVersion) -> Any:
    return version.fine.model_dump(mode="json", by_alias=True) if version.fine else None


def _fine_text(version: ProvisionVersion, lang: str) -> str:
    fine = version.fine
    parts = []
    if version.warning:
        parts.append(template("ui.warning_word", lang))
    if isinstance(fine, FineFrame):
        parts.append(f"{money(fine.min, lang)} – {money(fine.max, lang)}")
    elif isinstance(fine, PerUnitFine):
        parts.append(f"{money(fine.min, lang)} – {money(fine.max, lang)} / {fine.unit.get(lang)}")
    elif isinstance(fine, BandedFine):
        bands = ", ".join(f"{b.point or '·'}: {money(b.min, lang)} – {money(b.max, lang)}"
                          for b in fine.bands)
        parts.append(f"[{word(fine.criterion, lang)}] {bands}")
    elif isinstance(fine, PointFrames):
        parts.append(", ".join(f"{k}: {money(f.min, lang)} – {money(f.max, lang)}"
                               for k, f in fine.frames.items()))
    return "; ".join(parts)


def _flags(p: Provision, catalog: Catalog | None) -> dict[str, PartFlag]:
    rules = catalog.rules_for(p.document) if catalog else None
    out: dict[str, PartFlag] = {}
    for key, listed in (("two_year_limitation", rules.two_year_limitation if rules else None),
                        ("fined_once_when_repeated", rules.fined_once if rules else None)):
        if listed is None:
            continue
        parts = [c for c in listed.parts if c.clause_level().within(p.citation.clause_level())
                 or p.citation.within(c)]
        if parts:
            out[key] = PartFlag(parts=tuple(c.format() for c in parts), basis=listed.basis.format())
    return out


def provision_entry(p: Provision, catalog: Catalog | None = None) -> ProvisionEntry:
    """A provision with its versions and decree-level flags."""
    return ProvisionEntry(
        citation=p.citation.format(), document=str(p.document), sector=p.sector, label=p.label,
        points=tuple(p.points),
        successor=p.successor.citation.format() if p.successor else None,
        flags=_flags(p, catalog), caveats=tuple(p.caveats),
        versions=tuple(
            VersionEntry(effective_from=s.start, effective_to=s.last_day,
                         amended_by=s.value.amended_by.format() if s.value.amended_by else None,
                         warning=s.value.warning, fine=_fine_json(s.value),
                         status=s.value.provenance.status, source=s.value.provenance.source,
                         flag=s.value.provenance.flag)
            for s in p.versions.spans()),
    )


def provision_json(p: Provision, catalog: Catalog | None = None) -> dict[str, Any]:
    """A provision with its versions and decree-level flags, as JSON."""
    return provision_entry(p, catalog).model_dump(mode="json")


def provisions_json(provisions: list[Provision],
                    catalog: Catalog | None = None) -> list[dict[str, Any]]:
    """Provisions as JSON."""
    return [provision_json(p, catalog) for p in provisions]


def provisions_listing(document: str, provisions: list[Provision],
                       catalog: Catalog | None = None) -> CatalogListing:
    """The provisions of one document as a :class:`CatalogListing`."""
    return CatalogListing(document=document,
                          provisions=tuple(provision_entry(p, catalog) for p in provisions))


def provisions_text(provisions: list[Provision], lang: str) -> str:
    """Provisions as text, one block per provision."""
    lines = []
    for p in provisions:
        lines.append(f"{citation_text(p.citation, lang)} — {p.label.get(lang)}")
        for s in p.versions.spans():
            v = s.value
            end = short_date(s.last_day, lang) if s.last_day else "…"
            span = f"{short_date(s.start, lang)} → {end}"
            flag = f" {{{flag_text(v.provenance.flag, lang)}}}" if v.provenance.flag else ""
            lines.append(f"    {span}: {_fine_text(v, lang)}{flag}")
        if p.successor:
            lines.append(f"    → {citation_text(p.successor.citation, lang)}")
    return "\n".join(lines) + "\n"


def document_entries(catalog: Catalog) -> tuple[DocumentEntry, ...]:
    """Documents with dates, status and provision counts."""
    return tuple(
        DocumentEntry(
            number=str(d.number), kind=d.kind.value, title=d.title, issued_on=d.issued_on,
            effective_from=d.effective_from, effective_to=d.effective_to,
            status=d.provenance.status, provisions=len(catalog.provisions_of(d.number)),
            relations=tuple(RelationEntry(kind=r.kind.value, target=str(r.target), on=r.on,
                                          parts=tuple(r.parts)) for r in d.relations))
        for d in catalog.documents)


def documents_json(catalog: Catalog) -> list[dict[str, Any]]:
    """Documents with dates, status and provision counts, as JSON."""
    return [d.model_dump(mode="json") for d in document_entries(catalog)]


def documents_text(catalog: Catalog, lang: str) -> str:
    """Documents as text."""
    lines = []
    for d in document_entries(catalog):
        flag = "" if d.status is Status.CONFIRMED else f" {{{template('status.' + d.status.value, lang)}}}"
        lines.append(f"{d.number:<18} {short_date(d.effective_from, lang):>12}  "
                     f"{count_text('n.provisions', d.provisions, lang):>14}  "
                     f"{d.title.get(lang)}{flag}")
    return "\n".join(lines) + "\n"


def circumstance_entries(catalog: Catalog) -> tuple[CircumstanceEntry, ...]:
    """Circumstance codes with their legal basis, mitigating first."""
    return tuple(
        CircumstanceEntry(code=c.code, kind=c.kind.value, basis=c.basis.format(), label=c.label,
                          aliases=tuple(c.aliases))
        for c in sorted(catalog.circumstances.values(),
                        key=lambda c: (c.kind.value != "mitigating", c.basis.sort_key(), c.code)))


def circumstances_json(catalog: Catalog) -> list[dict[str, Any]]:
    """Circumstance codes with their legal basis, as JSON."""
    return [c.model_dump(mode="json") for c in circumstance_entries(catalog)]


def circumstances_text(catalog: Catalog, lang: str) -> str:
    """Circumstance codes as text: the code to type, its kind, basis and meaning."""
    lines = []
    for c in circumstance_entries(catalog):
        kind = template(f"circumstance.{c.kind}", lang)
        basis = citation_text(Citation.model_validate(c.basis), lang)
        lines.append(f"{c.code:<28} {kind:<11} {basis}: {c.label.get(lang)}")
    return "\n".join(lines) + "\n"


def cite_result(text: str, citation: Citation, matches: list[Provision], catalog: Catalog,
                error: ProvisionNotFound | None = None) -> CitationResult:
    """A parsed citation, its forms and what it matches."""
    return CitationResult(
        input=text, canonical=citation.format(), short=citation.format("short"),
        en=citation.format("en"), found=error is None,
        matches=tuple(provision_entry(p, catalog) for p in matches),
        suggestions=tuple(error.suggestions) if error else (),
    )


def cite_json(text: str, citation: Citation, matches: list[Provision], catalog: Catalog,
              error: ProvisionNotFound | None = None) -> dict[str, Any]:
    """A parsed citation, its forms and what it matches, as JSON."""
    return cite_result(text, citation, matches, catalog, error).model_dump(mode="json")


def cite_text(citation: Citation, matches: list[Provision], lang: str,
              error: ProvisionNotFound | None = None) -> str:
    """A parsed citation as text."""
    lines = [citation.format(), citation.format("short"), citation.format("en")]
    if error is not None:
        lines.append(template("ui.not_in_catalog", lang)
                     + (f"; {template('ui.closest', lang)}: "
                        + "; ".join(error.suggestions) if error.suggestions else ""))
    else:
        lines.append(provisions_text(matches, lang).rstrip("\n"))
    return "\n".join(lines) + "\n"
