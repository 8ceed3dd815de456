"""Listings for the command line: documents, provisions, circumstances, citations."""

from __future__ import annotations

from typing import Any

from ..catalog.catalog import Catalog
from ..errors import ProvisionNotFound
from ..models.citation import Citation
from ..models.provision import (
    BandedFine,
    FineFrame,
    PerUnitFine,
    PointFrames,
    Provision,
    ProvisionVersion,
)
from .formatting import citation_text, money


def _fine_json(version: ProvisionVersion) -> Any:
    return version.fine.model_dump(mode="json", by_alias=True) if version.fine else None


def _fine_text(version: ProvisionVersion, lang: str) -> str:
    fine = version.fine
    parts = []
    if version.warning:
        parts.append("cảnh cáo" if lang == "vi" else "warning")
    if isinstance(fine, FineFrame):
        parts.append(f"{money(fine.min, lang)} – {money(fine.max, lang)}")
    elif isinstance(fine, PerUnitFine):
        parts.append(f"{money(fine.min, lang)} – {money(fine.max, lang)} / {fine.unit.get(lang)}")
    elif isinstance(fine, BandedFine):
        bands = ", ".join(f"{b.point or '·'}: {money(b.min, lang)} – {money(b.max, lang)}"
                          for b in fine.bands)
        parts.append(f"[{fine.criterion}] {bands}")
    elif isinstance(fine, PointFrames):
        parts.append(", ".join(f"{k}: {money(f.min, lang)} – {money(f.max, lang)}"
                               for k, f in fine.frames.items()))
    return "; ".join(parts)


def _flags(p: Provision, catalog: Catalog | None) -> dict[str, Any]:
    rules = catalog.rules_for(p.document) if catalog else None
    out: dict[str, Any] = {}
    for key, listed in (("two_year_limitation", rules.two_year_limitation if rules else None),
                        ("fined_once_when_repeated", rules.fined_once if rules else None)):
        if listed is None:
            continue
        parts = [c for c in listed.parts if c.clause_level().within(p.citation.clause_level())
                 or p.citation.within(c)]
        if parts:
            out[key] = {"parts": [c.format() for c in parts], "basis": listed.basis.format()}
    return out


def provision_json(p: Provision, catalog: Catalog | None = None) -> dict[str, Any]:
    """A provision with its versions and decree-level flags, as JSON."""
    return {
        "citation": p.citation.format(),
        "document": str(p.document),
        "sector": p.sector,
        "label_vi": p.label.vi,
        "label_en": p.label.en,
        "points": list(p.points),
        "successor": p.successor.citation.format() if p.successor else None,
        "flags": _flags(p, catalog),
        "caveats_en": [c.en for c in p.caveats],
        "versions": [
            {"effective_from": s.start.isoformat(),
             "effective_to": s.last_day.isoformat() if s.last_day else None,
             "amended_by": s.value.amended_by.format() if s.value.amended_by else None,
             "warning": s.value.warning, "fine": _fine_json(s.value),
             "status": s.value.provenance.status.value, "source": s.value.provenance.source}
            for s in p.versions.spans()
        ],
    }


def provisions_json(provisions: list[Provision],
                    catalog: Catalog | None = None) -> list[dict[str, Any]]:
    """Provisions as JSON."""
    return [provision_json(p, catalog) for p in provisions]


def provisions_text(provisions: list[Provision], lang: str) -> str:
    """Provisions as text, one block per provision."""
    lines = []
    for p in provisions:
        lines.append(f"{citation_text(p.citation, lang)} — {p.label.get(lang)}")
        for s in p.versions.spans():
            v = s.value
            span = f"{s.start.isoformat()} → {s.last_day.isoformat() if s.last_day else '…'}"
            flag = f" {{{v.provenance.flag}}}" if v.provenance.flag else ""
            lines.append(f"    {span}: {_fine_text(v, lang)}{flag}")
        if p.successor:
            lines.append(f"    → {citation_text(p.successor.citation, lang)}")
    return "\n".join(lines) + "\n"


def documents_json(catalog: Catalog) -> list[dict[str, Any]]:
    """Documents with dates, status and provision counts."""
    out = []
    for d in catalog.documents:
        out.append({
            "number": str(d.number), "kind": d.kind.value, "title_vi": d.title.vi,
            "title_en": d.title.en,
            "issued_on": d.issued_on.isoformat() if d.issued_on else None,
            "effective_from": d.effective_from.isoformat(),
            "effective_to": d.effective_to.isoformat() if d.effective_to else None,
            "status": d.provenance.status.value,
            "provisions": len(catalog.provisions_of(d.number)),
            "relations": [{"kind": r.kind.value, "target": str(r.target), "on": r.on.isoformat(),
                           "parts": list(r.parts)} for r in d.relations],
        })
    return out


def documents_text(catalog: Catalog, lang: str) -> str:
    """Documents as text."""
    lines = []
    for d in documents_json(catalog):
        flag = "" if d["status"] == "CONFIRMED" else f" {{{d['status']}}}"
        lines.append(f"{d['number']:<18} {d['effective_from']}  {d['provisions']:>3}  "
                     f"{d['title_vi' if lang == 'vi' else 'title_en']}{flag}")
    return "\n".join(lines) + "\n"


def circumstances_json(catalog: Catalog) -> list[dict[str, Any]]:
    """Circumstance codes with their legal basis."""
    return [
        {"code": c.code, "kind": c.kind.value, "basis": c.basis.format(),
         "label_vi": c.label.vi, "label_en": c.label.en, "aliases": list(c.aliases)}
        for c in sorted(catalog.circumstances.values(),
                        key=lambda c: (c.kind.value != "mitigating", c.basis.sort_key(), c.code))
    ]


def circumstances_text(catalog: Catalog, lang: str) -> str:
    """Circumstance codes as text."""
    lines = []
    for c in circumstances_json(catalog):
        label = c["label_vi" if lang == "vi" else "label_en"]
        lines.append(f"{c['code']:<28} {c['kind']:<11} {c['basis']}: {label}")
    return "\n".join(lines) + "\n"


def cite_json(text: str, citation: Citation, matches: list[Provision], catalog: Catalog,
              error: ProvisionNotFound | None = None) -> dict[str, Any]:
    """A parsed citation, its forms and what it matches."""
    return {
        "input": text,
        "canonical": citation.format(),
        "short": citation.format("short"),
        "en": citation.format("en"),
        "found": error is None,
        "matches": provisions_json(matches, catalog),
        "suggestions": error.suggestions if error else [],
    }


def cite_text(citation: Citation, matches: list[Provision], lang: str,
              error: ProvisionNotFound | None = None) -> str:
    """A parsed citation as text."""
    lines = [citation.format(), citation.format("short"), citation.format("en")]
    if error is not None:
        lines.append(("Không có trong danh mục" if lang == "vi" else "Not in the catalog")
                     + (f"; {'gần nhất' if lang == 'vi' else 'closest'}: "
                        + "; ".join(error.suggestions) if error.suggestions else ""))
    else:
        lines.append(provisions_text(matches, lang).rstrip("\n"))
    return "\n".join(lines) + "\n"
