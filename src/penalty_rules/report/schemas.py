"""The JSON contract: one envelope around every ``--format json`` output, and its schemas.

Every JSON output of the command line is an object::

    {"schema_version": 2, "kind": "assessment",
     "generator": {"library": "penalty_rules", "version": "…", "data_fingerprint": "sha256:…",
                   "catalog_files": []},
     "data": {…},
     "text": {"flags": {"UNVERIFIED_MEMORY": {"vi": "…", "en": "…"}}, …}}

``data`` is the serialisation of a model of the library (``model_dump(mode="json")``):
an :class:`~penalty_rules.Assessment`, a :class:`~penalty_rules.planning.targets.TargetReport`,
a :class:`CatalogListing` … Codes stay codes there; ``text`` carries the words for them in
both languages, beside the codes and never instead of them. :func:`schema` returns the
JSON Schema of each kind (``penalty-rules schema NAME``).

>>> sorted(SCHEMAS)  # doctest: +NORMALIZE_WHITESPACE
['assessment', 'audit', 'case', 'catalog-listing', 'circumstances', 'citation', 'decision',
 'diff', 'ingest', 'reform', 'search', 'targets']
>>> schema("assessment")["properties"]["schema_version"]["const"]
2
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Final, Generic, Literal, TypeVar

from pydantic import BaseModel, Field

from .. import __version__
from ..audit.findings import AuditReport
from ..catalog.catalog import Catalog
from ..catalog.search import SearchHit
from ..compare.coverage import DocumentCoverage
from ..compare.diff import DocumentDiff
from ..i18n import flag_text
from ..models.assessment import Assessment
from ..models.case import Case
from ..models.common import Frozen, Localized, Status
from ..models.decision import DecisionDraft
from ..planning.reform import ReformReport
from ..planning.targets import TargetReport

#: Version of the envelope and of the shapes inside it; raised on any incompatible change.
SCHEMA_VERSION: Final = 2

BUNDLED_PREFIX: Final = "penalty_rules/catalog/data/"

DataT = TypeVar("DataT")


class CatalogFile(Frozen):
    """A user catalog file that took part in a result."""

    name: str = Field(description="the file name as given")
    sha256: str = Field(description="SHA-256 of the file's bytes, hex")


class Generator(Frozen):
    """What produced a result: the library version and the data it used."""

    library: Literal["penalty_rules"] = Field(default="penalty_rules",
                                              description="always ``penalty_rules``")
    version: str = Field(description="the library version")
    data_fingerprint: str = Field(
        description="``sha256:`` hash of the bundled catalog files and of any user files")
    catalog_files: tuple[CatalogFile, ...] = Field(
        default=(), description="user catalog files loaded on top of the bundled catalog")


class Texts(Frozen):
    """Words for the codes of ``data``, in Vietnamese and English."""

    flags: dict[str, Localized] = Field(default_factory=dict,
                                        description="every flag code in ``data`` with its words")
    trace: tuple[Localized, ...] = Field(default=(),
                                         description="case-level trace steps as sentences")
    violations: tuple[tuple[Localized, ...], ...] = Field(
        default=(), description="per violation, its trace steps as sentences")


class Envelope(Frozen, Generic[DataT]):
    """The object every JSON output is wrapped in."""

    schema_version: int = Field(description="version of the JSON contract")
    kind: str = Field(description="what ``data`` holds: one of the schema names")
    generator: Generator = Field(description="library version and data fingerprint")
    data: DataT = Field(description="the result itself, the model's own serialisation")
    text: Texts = Field(default_factory=Texts, description="localized words beside the codes")


# -- listings of the catalog --------------------------------------------------------------


class PartFlag(Frozen):
    """A decree-level rule that reaches a provision (e.g. a two-year limitation)."""

    parts: tuple[str, ...] = Field(description="the parts of the provision it covers")
    basis: str = Field(description="citation of the rule")


class VersionEntry(Frozen):
    """One dated wording of a provision."""

    effective_from: date
    effective_to: date | None = Field(description="last day in force, or null if still in force")
    amended_by: str | None = Field(description="citation of the amending clause, if any")
    warning: bool = Field(description="a warning may be imposed")
    fine: dict[str, Any] | None = Field(description="the fine as written in the catalog file")
    status: Status = Field(description="how the figures were established")
    source: str = Field(description="where the figures come from")
    flag: str | None = Field(description="flag code when the figures are not CONFIRMED")


class ProvisionEntry(Frozen):
    """A provision with its versions."""

    citation: str = Field(description="canonical Vietnamese citation")
    document: str
    sector: str = Field(description="sector code")
    label: Localized
    points: tuple[str, ...]
    successor: str | None = Field(description="citation of the replacing provision, if any")
    flags: dict[str, PartFlag] = Field(
        description="decree-level rules reaching it: two_year_limitation, fined_once_when_repeated")
    caveats: tuple[Localized, ...]
    versions: tuple[VersionEntry, ...]


class RelationEntry(Frozen):
    """How a document acts on another (amends, replaces, repeals …)."""

    kind: str
    target: str
    on: date
    parts: tuple[str, ...]


class DocumentEntry(Frozen):
    """A document of the catalog with its dates and provision count."""

    number: str
    kind: str
    title: Localized
    issued_on: date | None
    effective_from: date
    effective_to: date | None
    status: Status
    provisions: int = Field(description="how many provisions the catalog holds")
    relations: tuple[RelationEntry, ...]


class CircumstanceEntry(Frozen):
    """A mitigating or aggravating circumstance code."""

    code: str
    kind: Literal["mitigating", "aggravating"]
    basis: str = Field(description="citation of its legal basis")
    label: Localized
    aliases: tuple[str, ...]


class CatalogListing(Frozen):
    """What ``penalty-rules catalog`` lists: documents, one document's provisions, or coverage."""

    documents: tuple[DocumentEntry, ...] | None = None
    document: str | None = Field(default=None, description="the document listed, if one")
    provisions: tuple[ProvisionEntry, ...] | None = None
    coverage: tuple[DocumentCoverage, ...] | None = None


class CircumstanceListing(Frozen):
    """What ``penalty-rules circumstances`` lists."""

    circumstances: tuple[CircumstanceEntry, ...]


class CitationResult(Frozen):
    """A citation read by ``penalty-rules cite``: its forms and what it matches."""

    input: str
    canonical: str
    short: str
    en: str
    found: bool
    matches: tuple[ProvisionEntry, ...]
    suggestions: tuple[str, ...]


class IngestOutput(Frozen):
    """What ``penalty-rules ingest --format json`` reads from a decree's text."""

    document: str = Field(description="the document number, normalised")
    drafts: tuple[dict[str, Any], ...] = Field(
        description="one draft per clause: article, clause, chapter, fine, warning, points, "
                    "sanctions, remedies, notes — to review before bundling")
    problems: tuple[str, ...] = Field(description="what could not be read, with where")


class SearchResult(Frozen):
    """What ``penalty-rules search --format json`` finds."""

    query: str = Field(description="the text searched for")
    as_of: date = Field(description="the day whose provisions were searched")
    hits: tuple[SearchHit, ...] = Field(description="best first")


#: Schema name → the model of ``data`` (``case`` is the input, not wrapped).
SCHEMAS: Final[Mapping[str, type[BaseModel]]] = {
    "case": Case,
    "assessment": Assessment,
    "audit": AuditReport,
    "targets": TargetReport,
    "reform": ReformReport,
    "diff": DocumentDiff,
    "catalog-listing": CatalogListing,
    "circumstances": CircumstanceListing,
    "citation": CitationResult,
    "ingest": IngestOutput,
    "search": SearchResult,
    "decision": DecisionDraft,
}


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of output ``name`` (``KeyError`` for an unknown name).

    ``case`` describes the input case file; every other name describes the whole
    envelope with its ``data``.
    """
    model = SCHEMAS[name]
    if name == "case":
        out = model.model_json_schema()
    else:
        out = Envelope[model].model_json_schema(mode="serialization")  # type: ignore[valid-type]
        props = out["properties"]
        props["schema_version"] = {"const": SCHEMA_VERSION, "description": "version of the contract"}
        props["kind"] = {"const": name, "description": "what data holds"}
        out["title"] = f"penalty_rules {name}"
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"urn:penalty_rules:schema:{name}:{SCHEMA_VERSION}", **out}


# -- provenance of a result ----------------------------------------------------------------


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _bundled_digest() -> str:
    folder = resources.files("penalty_rules.catalog.data")
    h = hashlib.sha256()
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.name.endswith(".toml"):
            h.update(item.name.encode() + b"\0" + item.read_bytes() + b"\0")
    return h.hexdigest()


def user_files(catalog: Catalog | None, extra: Iterable[str | Path] = ()) -> tuple[CatalogFile, ...]:
    """The user catalog files behind ``catalog`` (its entries' sources) plus ``extra``."""
    names: list[str] = []
    if catalog is not None:
        names += [e.source for e in catalog.entries.values() if not e.source.startswith(BUNDLED_PREFIX)]
    names += [str(p) for p in extra]
    out = []
    for name in dict.fromkeys(names):
        try:
            digest = _sha256(Path(name).read_bytes())
        except OSError:
            digest = "unreadable"
        out.append(CatalogFile(name=name, sha256=digest))
    return tuple(out)


def generator(catalog: Catalog | None = None, extra_files: Iterable[str | Path] = ()) -> Generator:
    """The library version and a fingerprint of the data behind ``catalog``.

    >>> g = generator()
    >>> g.library, g.data_fingerprint.startswith("sha256:"), g.catalog_files
    ('penalty_rules', True, ())
    """
    files = user_files(catalog, extra_files)
    h = hashlib.sha256(_bundled_digest().encode())
    for f in files:
        h.update(f"\0{Path(f.name).name}\0{f.sha256}".encode())
    return Generator(version=__version__, data_fingerprint="sha256:" + h.hexdigest(),
                     catalog_files=files)


def flag_words(codes: Iterable[str]) -> dict[str, Localized]:
    """Each flag code with its words in both languages."""
    return {c: Localized(vi=flag_text(c, "vi"), en=flag_text(c, "en")) for c in dict.fromkeys(codes)}


def flag_codes(data: Any) -> list[str]:
    """Every flag code under a ``flag`` or ``flags`` key of serialised ``data``, in order.

    >>> flag_codes({"a": [{"flags": ["CAVEAT"]}, {"flag": "STATUS_INFERRED", "x": 1}]})
    ['CAVEAT', 'STATUS_INFERRED']
    """
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("flag", "flags"):
                    values = [value] if isinstance(value, str) else value
                    if isinstance(values, list):
                        found.extend(v for v in values if isinstance(v, str) and v.isupper())
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(data)
    return list(dict.fromkeys(found))


def envelope(kind: str, data: BaseModel | Any, *, catalog: Catalog | None = None,
             extra_files: Iterable[str | Path] = (), text: Texts | None = None) -> dict[str, Any]:
    """Wrap ``data`` (a model, or already-serialised JSON data) in the contract.

    Other reports (the audit) use this too, so every output has one shape.

    >>> out = envelope("diff", {"old": "a"})
    >>> out["schema_version"], out["kind"], out["generator"]["library"], out["data"]
    (2, 'diff', 'penalty_rules', {'old': 'a'})
    """
    dumped = data.model_dump(mode="json") if isinstance(data, BaseModel) else data
    if text is None:
        text = Texts(flags=flag_words(flag_codes(dumped)))
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": kind,
        "generator": generator(catalog, extra_files).model_dump(mode="json"),
        "data": dumped,
        "text": text.model_dump(mode="json"),
    }
