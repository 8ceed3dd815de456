"""penalty_rules — Vietnamese administrative penalty rules as code.

Typed models of legal documents, citations, provisions and cases; a dated catalog
bundled as TOML; an engine that chooses the law in force, computes the fine frame
and the specific fine, the limitation period and who may decide, and explains
every step with its legal basis in Vietnamese and English.

>>> from penalty_rules import assess
>>> result = assess({
...     "offender": {"kind": "individual"},
...     "decided_on": "2026-08-10",
...     "violations": [{
...         "provision": "điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP",
...         "committed_on": "2026-07-20", "ended_on": "2026-07-20",
...         "detected_on": "2026-07-25"}],
... })
>>> result.violations[0].fine_min, result.violations[0].fine_max, result.total_fine
(10000000, 15000000, 12500000)
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

# Every public name is imported on first use (PEP 562), so a program that needs only
# part of the library (or only the command line's help) does not pay for pydantic's
# models, babel, the catalog loader, the auditor or the reports. The first use of any
# name also imports the citation parser, which installs the reader that lets a
# Citation be given as text.
_LAZY: dict[str, str] = {
    "parse_citation": ".citations.parse",
    "Catalog": ".catalog.catalog",
    "bundled_catalog": ".catalog.loader",
    "load_catalog": ".catalog.loader",
    "load_files": ".catalog.loader",
    "SearchError": ".catalog.search",
    "SearchHit": ".catalog.search",
    "search": ".catalog.search",
    "assess": ".engine.assess",
    "parse_case": ".engine.assess",
    "specific_fine": ".engine.fines",
    "AmbiguousCitation": ".errors",
    "CaseError": ".errors",
    "CatalogError": ".errors",
    "CitationError": ".errors",
    "CitationSyntaxError": ".errors",
    "DocumentNotFound": ".errors",
    "NoApplicableVersion": ".errors",
    "PenaltyRulesError": ".errors",
    "ProvisionNotFound": ".errors",
    "UnknownCircumstance": ".errors",
    "Assessment": ".models.assessment",
    "FineInterval": ".models.assessment",
    "TraceStep": ".models.assessment",
    "ViolationAssessment": ".models.assessment",
    "Case": ".models.case",
    "ViolationFact": ".models.case",
    "Circumstance": ".models.circumstance",
    "CircumstanceKind": ".models.circumstance",
    "Citation": ".models.citation",
    "Language": ".models.common",
    "Localized": ".models.common",
    "Provenance": ".models.common",
    "Status": ".models.common",
    "DocumentKind": ".models.document",
    "DocumentNumber": ".models.document",
    "DocumentRelation": ".models.document",
    "LegalDocument": ".models.document",
    "POINT_LETTERS": ".models.letters",
    "FineBase": ".models.offender",
    "Offender": ".models.offender",
    "OffenderKind": ".models.offender",
    "BandedFine": ".models.provision",
    "FineFrame": ".models.provision",
    "Measure": ".models.provision",
    "PerUnitFine": ".models.provision",
    "Provision": ".models.provision",
    "CompetenceRule": ".models.rules",
    "DecreeRules": ".models.rules",
    "FineScheme": ".models.rules",
    "SchemeKind": ".models.rules",
    "Sector": ".models.sector",
    "long_date": ".report.formatting",
    "money": ".report.formatting",
    "render_step": ".report.formatting",
    "assessment_json": ".report.jsonout",
    "draft_decision": ".report.decision",
    "render_text": ".report.text",
    "amount_in_words": ".report.words",
    "parse_amount_words": ".report.words",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    importlib.import_module(".citations.parse", __name__)
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


if TYPE_CHECKING:
    from .catalog.catalog import Catalog
    from .catalog.loader import bundled_catalog, load_catalog, load_files
    from .catalog.search import SearchError, SearchHit, search
    from .citations.parse import parse_citation
    from .engine.assess import assess, parse_case
    from .engine.fines import specific_fine
    from .errors import (
        AmbiguousCitation,
        CaseError,
        CatalogError,
        CitationError,
        CitationSyntaxError,
        DocumentNotFound,
        NoApplicableVersion,
        PenaltyRulesError,
        ProvisionNotFound,
        UnknownCircumstance,
    )
    from .models.assessment import Assessment, FineInterval, TraceStep, ViolationAssessment
    from .models.case import Case, ViolationFact
    from .models.circumstance import Circumstance, CircumstanceKind
    from .models.citation import Citation
    from .models.common import Language, Localized, Provenance, Status
    from .models.document import DocumentKind, DocumentNumber, DocumentRelation, LegalDocument
    from .models.letters import POINT_LETTERS
    from .models.offender import FineBase, Offender, OffenderKind
    from .models.provision import BandedFine, FineFrame, Measure, PerUnitFine, Provision
    from .models.rules import CompetenceRule, DecreeRules, FineScheme, SchemeKind
    from .models.sector import Sector
    from .report.decision import draft_decision
    from .report.formatting import long_date, money, render_step
    from .report.jsonout import assessment_json
    from .report.text import render_text
    from .report.words import amount_in_words, parse_amount_words

__all__ = [
    "POINT_LETTERS",
    "AmbiguousCitation",
    "Assessment",
    "BandedFine",
    "Case",
    "CaseError",
    "Catalog",
    "CatalogError",
    "Circumstance",
    "CircumstanceKind",
    "Citation",
    "CitationError",
    "CitationSyntaxError",
    "CompetenceRule",
    "DecreeRules",
    "DocumentKind",
    "DocumentNotFound",
    "DocumentNumber",
    "DocumentRelation",
    "FineBase",
    "FineFrame",
    "FineInterval",
    "FineScheme",
    "Language",
    "LegalDocument",
    "Localized",
    "Measure",
    "NoApplicableVersion",
    "Offender",
    "OffenderKind",
    "PenaltyRulesError",
    "PerUnitFine",
    "Provenance",
    "Provision",
    "ProvisionNotFound",
    "SchemeKind",
    "SearchError",
    "SearchHit",
    "Sector",
    "Status",
    "TraceStep",
    "UnknownCircumstance",
    "ViolationAssessment",
    "ViolationFact",
    "__version__",
    "amount_in_words",
    "assess",
    "assessment_json",
    "bundled_catalog",
    "draft_decision",
    "load_catalog",
    "load_files",
    "long_date",
    "money",
    "parse_amount_words",
    "parse_case",
    "parse_citation",
    "render_step",
    "render_text",
    "search",
    "specific_fine",
]
