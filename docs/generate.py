"""Pages generated from the bundled catalog at build time, so the docs never drift."""

from __future__ import annotations

from pathlib import Path

from penalty_rules import bundled_catalog
from penalty_rules.compare.coverage import coverage, coverage_text
from penalty_rules.report.listing import circumstances_json, documents_json


def _table(headers: list[str], rows: list[list[str]]) -> str:
    lines = [".. list-table::", "   :header-rows: 1", ""]
    for row in [headers, *rows]:
        lines.append("   * - " + (row[0] or "–"))
        lines += [f"     - {cell or '–'}" for cell in row[1:]]
    return "\n".join(lines) + "\n"


def write_generated(folder: Path) -> None:
    """Write the catalog overview pages into ``folder``."""
    folder.mkdir(exist_ok=True)
    catalog = bundled_catalog()
    docs = documents_json(catalog)
    rows = [[d["number"], d["title"]["en"], d["effective_from"], str(d["provisions"]), d["status"]]
            for d in docs]
    status_counts: dict[str, dict[str, int]] = {}
    for provision in catalog.provisions.values():
        counts = status_counts.setdefault(str(provision.document), {})
        for version in provision.versions:
            key = version.provenance.status.value
            counts[key] = counts.get(key, 0) + 1
    status_rows = [[number, ", ".join(f"{k}: {v}" for k, v in sorted(c.items()))]
                   for number, c in sorted(status_counts.items())]
    circ = [[c["code"], c["kind"], c["basis"], c["label"]["en"]] for c in circumstances_json(catalog)]
    text = "\n".join([
        "Bundled documents",
        "=================",
        "",
        "Generated from the bundled catalog when the documentation is built.",
        "",
        _table(["Number", "Title (our words)", "In force from", "Provisions", "Status"], rows),
        "Status of the bundled provision versions",
        "----------------------------------------",
        "",
        _table(["Document", "Versions by status"], status_rows),
        "Circumstance codes",
        "------------------",
        "",
        "Codes accepted in ``mitigating`` and ``aggravating`` (aliases such as ``9.2`` work too).",
        "",
        _table(["Code", "Kind", "Legal basis", "Meaning"], circ),
    ])
    text += "\n".join([
        "",
        "Coverage report",
        "---------------",
        "",
        "Output of ``penalty-rules catalog --coverage`` on the bundled catalog:",
        "",
        ".. code-block:: text",
        "",
        *("   " + line for line in coverage_text(coverage(catalog)).splitlines()),
        "",
    ])
    target = folder / "catalog.rst"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


# -- API reference, JSON schemas, CLI page and a local intersphinx inventory -----------------

#: Types returned by the public functions, documented beside ``penalty_rules.__all__``.
RETURNED = [
    "penalty_rules.models.assessment.AppliedMeasure",
    "penalty_rules.models.assessment.CompetentOfficial",
    "penalty_rules.models.offender.OffenderTreatment",
    "penalty_rules.models.provision.ProvisionVersion",
    "penalty_rules.models.provision.Act",
    "penalty_rules.models.provision.Counterpart",
    "penalty_rules.models.document.ArticleRange",
    "penalty_rules.models.timeline.Timeline",
    "penalty_rules.models.principle.Principle",
    "penalty_rules.models.rules.PartList",
    "penalty_rules.models.log.LogEntry",
    "penalty_rules.models.common.Frozen",
    "penalty_rules.catalog.catalog.DocumentEntry",
    "penalty_rules.catalog.catalog.SectorCap",
    "penalty_rules.ingest.IngestResult",
    "penalty_rules.compare.diff.DocumentDiff",
    "penalty_rules.compare.coverage.DocumentCoverage",
    "penalty_rules.planning.targets.TargetReport",
    "penalty_rules.planning.reform.ReformReport",
    "penalty_rules.planning.reform.ChangeFile",
    "penalty_rules.audit.findings.Severity",
    "penalty_rules.audit.indices.EconomicSeries",
    "penalty_rules.report.schemas.Envelope",
    "penalty_rules.report.schemas.Generator",
    "penalty_rules.report.schemas.Texts",
    "penalty_rules.report.schemas.CatalogListing",
    "penalty_rules.report.schemas.CircumstanceListing",
    "penalty_rules.report.schemas.CitationResult",
    "penalty_rules.report.schemas.CatalogFile",
    "penalty_rules.report.schemas.PartFlag",
    "penalty_rules.report.schemas.VersionEntry",
    "penalty_rules.report.schemas.ProvisionEntry",
    "penalty_rules.report.schemas.RelationEntry",
    "penalty_rules.report.schemas.DocumentEntry",
    "penalty_rules.report.schemas.CircumstanceEntry",
    "penalty_rules.report.schemas.DataT",
    "penalty_rules.report.schemas.envelope",
    "penalty_rules.report.schemas.schema",
    "penalty_rules.report.schemas.generator",
    "penalty_rules.models.timeline.Dated",
    "penalty_rules.models.timeline.Span",
    "penalty_rules.models.timeline.Repeal",
    "penalty_rules.models.timeline.D",
    "penalty_rules.models.fine.Facts",
    "penalty_rules.models.fine.Bounds",
    "penalty_rules.models.fine.Band",
    "penalty_rules.models.sector.SectorMaximum",
    "penalty_rules.models.sector.LimitationPeriod",
    "penalty_rules.models.rules.DecreeMaximum",
    "penalty_rules.ingest.ingest_text",
    "penalty_rules.ingest.clauses.Draft",
    "penalty_rules.ingest.clauses.Problem",
    "penalty_rules.engine.resolve.resolve",
    "penalty_rules.engine.fines.net",
    "penalty_rules.audit.auditor.audit",
    "penalty_rules.audit.context.AuditConfig",
    "penalty_rules.audit.indices.CpiYear",
    "penalty_rules.audit.indices.WageStep",
    "penalty_rules.clock.vietnam_today",
    "penalty_rules.models.fine.Range",
    "penalty_rules.engine.resolve.Resolution",
    "penalty_rules.engine.context.Violation",
    "penalty_rules.audit.findings.AuditReport",
    "penalty_rules.models.provision.MeasureType",
    "penalty_rules.audit.propose.propose",
    "penalty_rules.catalog.bodies.known_body_codes",
    "penalty_rules.catalog.laws.LawRegistry",
    "penalty_rules.catalog.laws.Law",
    "penalty_rules.catalog.laws.LawChange",
    "penalty_rules.catalog.laws.DecreeBasis",
    "penalty_rules.catalog.laws.CitedAs",
    "penalty_rules.catalog.laws.BasisRole",
    "penalty_rules.catalog.laws.LawNotFound",
    "penalty_rules.catalog.laws.AmbiguousLaw",
    "penalty_rules.audit.propose.Proposal",
]

#: Modules whose overview the reference shows (their members are documented by name).
MODULES = ["penalty_rules", "penalty_rules.errors", "penalty_rules.i18n", "penalty_rules.report",
           "penalty_rules.report.schemas", "penalty_rules.clock", "penalty_rules.catalog.laws",
           "penalty_rules.catalog.bodies", "penalty_rules.catalog.snapshot"]

#: Standard-library and pydantic names the reference links to, with their pages.
EXTERNAL = {
    "python": ("https://docs.python.org/3/", {
        "datetime.date": "library/datetime.html#datetime.date",
        # NamedTuple signatures (models.timeline.Span) keep the bare annotation ``date``.
        "date": "library/datetime.html#datetime.date",
        "datetime.datetime": "library/datetime.html#datetime.datetime",
        "decimal.Decimal": "library/decimal.html#decimal.Decimal",
        "pathlib.Path": "library/pathlib.html#pathlib.Path",
        "collections.abc.Mapping": "library/collections.abc.html#collections.abc.Mapping",
        "collections.abc.Sequence": "library/collections.abc.html#collections.abc.Sequence",
        "collections.abc.Iterable": "library/collections.abc.html#collections.abc.Iterable",
        "collections.abc.Callable": "library/collections.abc.html#collections.abc.Callable",
        "collections.abc.Iterator": "library/collections.abc.html#collections.abc.Iterator",
        "enum.StrEnum": "library/enum.html#enum.StrEnum",
        "enum.IntEnum": "library/enum.html#enum.IntEnum",
        "typing.Any": "library/typing.html#typing.Any",
        "typing.Annotated": "library/typing.html#typing.Annotated",
        "types.Annotated": "library/typing.html#typing.Annotated",
        "typing.Literal": "library/typing.html#typing.Literal",
        "typing.Generic": "library/typing.html#typing.Generic",
        "gettext.GNUTranslations": "library/gettext.html#gettext.GNUTranslations",
        "zoneinfo.ZoneInfo": "library/zoneinfo.html#zoneinfo.ZoneInfo",
        "ValueError": "library/exceptions.html#ValueError",
        "KeyError": "library/exceptions.html#KeyError",
        "Exception": "library/exceptions.html#Exception",
    }),
    "pydantic": ("https://docs.pydantic.dev/latest/", {
        "pydantic.BaseModel": "api/base_model/#pydantic.BaseModel",
        "pydantic.main.BaseModel": "api/base_model/#pydantic.BaseModel",
    }),
}


def write_inventory(path: Path, names: dict[str, str]) -> None:
    """A Sphinx ``objects.inv`` (version 2) for ``names`` (name → page#anchor)."""
    import zlib

    lines = []
    for name, uri in sorted(names.items()):
        role = "py:exception" if name[0].isupper() and "." not in name else "py:class"
        lines.append(f"{name} {role} 1 {uri} -")
    header = (b"# Sphinx inventory version 2\n# Project: local\n# Version: \n"
              b"# The remainder of this file is compressed using zlib.\n")
    data = header + zlib.compress(("\n".join(lines) + "\n").encode())
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def _readable(annotation: object) -> str:
    """A type annotation as a reader would write it (no ``Annotated[...]`` metadata)."""
    import types
    import typing

    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _readable(args[0])
    if origin in (typing.Union, types.UnionType):
        return " | ".join(_readable(a) for a in args)
    if origin is typing.Literal:
        return " | ".join(repr(a) for a in args)
    if origin is not None:
        name = getattr(origin, "__name__", str(origin))
        inner = ", ".join("..." if a is Ellipsis else _readable(a) for a in args)
        return f"{name}[{inner}]"
    if annotation is type(None):
        return "None"
    return getattr(annotation, "__name__", str(annotation))


def _field_table(model: type) -> str:
    from pydantic import BaseModel

    assert issubclass(model, BaseModel)
    rows = []
    for name, info in model.model_fields.items():
        default = "required" if info.is_required() else (
            "default: empty" if info.default_factory is not None else f"default: ``{info.default!r}``")
        meta = [m for m in info.metadata if hasattr(m, "description")]
        description = info.description or next((m.description for m in meta if m.description), "")
        rows.append([f"``{info.alias or name}``", f"``{_readable(info.annotation)}``",
                     (description or "").replace("\n", " ").strip(), default])
    if not rows:
        return ""
    return "   " + _table(["Field", "Type", "Meaning", "Default"], rows).replace("\n", "\n   ") + "\n"


def _example(name: str | None) -> str:
    from api_examples import EXAMPLES

    if name is None or name not in EXAMPLES:
        return ""
    body = "\n".join("      " + line if line else "" for line in EXAMPLES[name].splitlines())
    return f"\n   .. rubric:: Example\n\n   .. doctest::\n\n{body}\n"


def _api_entry(path: str, public: str | None = None) -> str:
    import importlib
    import inspect
    import typing

    from pydantic import BaseModel

    module, _, name = path.rpartition(".")
    obj = getattr(importlib.import_module(module), name)
    if inspect.isclass(obj) and issubclass(obj, BaseException):
        return f".. autoexception:: {path}\n" + _example(public)
    if inspect.isclass(obj):
        text = f".. autoclass:: {path}\n   :members:\n"
        if issubclass(obj, BaseModel) and obj.model_fields:
            text += "\n   **Fields** (JSON names; the JSON Schema adds constraints):\n\n"
            text += _field_table(obj)
        return text + _example(public)
    if callable(obj) and not isinstance(obj, typing.TypeVar):
        return f".. autofunction:: {path}\n" + _example(public)
    return f".. autodata:: {path}\n   :no-value:\n" + _example(public)


def write_api(folder: Path) -> None:
    """The API reference: every name of ``penalty_rules.__all__`` and the returned types."""
    import penalty_rules

    out = ["API reference", "=============", "",
           "Every name below is importable from :mod:`penalty_rules` (public names) or from the",
           "module shown (the types the public functions return). Model fields are listed with a",
           "readable type and their meaning; their JSON Schema is on :doc:`../json-contract`.", "",
           "Modules", "-------", ""]
    for module in MODULES:
        out += [f".. automodule:: {module}", "   :no-members:", ""]
    out += ["Public names", "------------", ""]
    for name in sorted(penalty_rules.__all__, key=str.lower):
        if name == "__version__":
            continue
        obj = getattr(penalty_rules, name)
        module = getattr(obj, "__module__", None)
        qualname = getattr(obj, "__qualname__", None)
        documented_in_module = bool(module and qualname and module.startswith("penalty_rules."))
        canonical = f"{module}.{qualname}" if documented_in_module else f"penalty_rules.{name}"
        out.append(_api_entry(canonical, name))
    out += ["", "Returned and supporting types", "-----------------------------", ""]
    out += [_api_entry(p) for p in RETURNED]
    text = "\n".join(out) + "\n"
    target = folder / "api.rst"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def write_schemas(folder: Path) -> None:
    """Each JSON Schema as a file, and a page that shows them."""
    import json

    from penalty_rules.report.schemas import SCHEMAS, schema

    schemas = folder / "schemas"
    schemas.mkdir(exist_ok=True)
    lines = ["Published JSON Schemas", "======================", "",
             "Generated from the models when the documentation is built; the same text is printed",
             "by ``penalty-rules schema NAME``.", ""]
    for name in SCHEMAS:
        text = json.dumps(schema(name), ensure_ascii=False, indent=2) + "\n"
        path = schemas / f"{name}.schema.json"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        lines += [name, "-" * len(name), "",
                  f":download:`{name}.schema.json <schemas/{name}.schema.json>`", "",
                  f".. literalinclude:: schemas/{name}.schema.json", "   :language: json", "", ""]
    text = "\n".join(lines)
    target = folder / "schemas.rst"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def write_cli(folder: Path) -> None:
    """The command-line reference, generated from the argparse parser."""
    import argparse
    import os

    from penalty_rules.cli import _parser

    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "90"
    try:
        parser = _parser()
        lines = ["Command reference", "=================", "",
                 "Generated from the ``penalty-rules`` argument parser when the documentation is built.",
                 "", ".. code-block:: text", ""]
        lines += ["   " + line for line in parser.format_help().splitlines()]
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        for name, command in sub.choices.items():
            title = f"penalty-rules {name}"
            lines += ["", title, "-" * len(title), "", ".. code-block:: text", ""]
            lines += ["   " + line.replace("(default: vi)", "(default: vi)")
                      for line in command.format_help().splitlines()]
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old
    text = "\n".join(lines) + "\n"
    target = folder / "cli-reference.rst"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def write_all(folder: Path) -> dict[str, tuple[str, str]]:
    """Write every generated page; return the intersphinx mapping to the local inventories."""
    write_generated(folder)
    write_api(folder)
    write_schemas(folder)
    write_cli(folder)
    mapping = {}
    for key, (url, names) in EXTERNAL.items():
        inv = folder / f"{key}-objects.inv"
        write_inventory(inv, names)
        mapping[key] = (url, str(inv))
    return mapping
