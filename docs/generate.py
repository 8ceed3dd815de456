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
    rows = [[d["number"], d["title_en"], d["effective_from"], str(d["provisions"]), d["status"]]
            for d in docs]
    status_counts: dict[str, dict[str, int]] = {}
    for provision in catalog.provisions.values():
        counts = status_counts.setdefault(str(provision.document), {})
        for version in provision.versions:
            key = version.provenance.status.value
            counts[key] = counts.get(key, 0) + 1
    status_rows = [[number, ", ".join(f"{k}: {v}" for k, v in sorted(c.items()))]
                   for number, c in sorted(status_counts.items())]
    circ = [[c["code"], c["kind"], c["basis"], c["label_en"]] for c in circumstances_json(catalog)]
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
