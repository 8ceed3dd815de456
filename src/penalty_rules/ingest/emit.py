"""Write drafts in the catalog's TOML format (a draft for a person to review).

Labels are placeholders naming the article and clause: the text of the decree is never
copied into the draft; a reviewer writes short labels in their own words.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from .clauses import Draft


def toml_value(value: Any) -> str:
    """A value as inline TOML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"{value:_}" if abs(value) >= 10_000 else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Mapping):
        inner = ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()
                          if v is not None)
        return "{ " + inner + " }" if inner else "{}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def toml_key(key: str) -> str:
    """A key, quoted when TOML needs it (e.g. ``đ``)."""
    return key if key.replace("_", "").replace("-", "").isascii() and key.replace(
        "_", "").replace("-", "").isalnum() else json.dumps(key, ensure_ascii=False)


def _measure_lines(name: str, measures: Iterable[Mapping[str, Any]]) -> list[str]:
    items = list(measures)
    if not items:
        return []
    return [f"{name} = ["] + [f"  {toml_value(dict(m))}," for m in items] + ["]"]


def draft_clause_lines(draft: Draft, label: Mapping[str, str], provenance: Mapping[str, Any],
                       acts: Mapping[str, Mapping[str, str]] | None = None) -> list[str]:
    """The TOML table of one clause."""
    lines = [f"[article.{toml_key(draft.article)}.clause.{toml_key(draft.clause)}]"]
    lines += [f"# review: {note}" for note in draft.notes]
    lines.append(f"label = {toml_value(dict(label))}")
    if draft.warning:
        lines.append("warning = true")
    if draft.fine is not None:
        fine = dict(draft.fine)
        if fine["kind"] == "banded":
            lines.append(f'fine = {{ kind = "banded", criterion = {toml_value(fine["criterion"])}, '
                         f'unit = {toml_value(fine.get("unit", {"vi": "đơn vị", "en": "units"}))}, '
                         "bands = [")
            lines += [f"  {toml_value(b)}," for b in fine["bands"]]
            lines.append("] }")
        else:
            lines.append(f"fine = {toml_value(fine)}")
    lines.append(f"provenance = {toml_value(dict(provenance))}")
    for letter in draft.points:
        act = (acts or {}).get(letter) or {"vi": f"Hành vi tại điểm {letter}",
                                            "en": f"Act at point {letter}"}
        lines.append(f"points.{toml_key(letter)} = {toml_value(dict(act))}")
    lines += _measure_lines("additional_sanctions", draft.sanctions)
    lines += _measure_lines("remedial_measures", draft.remedies)
    return lines


def draft_toml(document: str, drafts: list[Draft], source: str) -> str:
    """A whole draft file for ``document`` (articles with placeholder titles)."""
    lines = [
        f"# DRAFT catalog entries for {document}, read from {source} by penalty-rules ingest.",
        "# Review every entry against the text, write short labels in your own words, set the",
        "# sector of each article and the document block, then load it with --catalog.",
        "format = 1", "",
        "[document]", f"number = {toml_value(document)}", "overlay = true", "",
    ]
    seen: set[str] = set()
    for draft in drafts:
        if draft.article not in seen:
            seen.add(draft.article)
            lines += [f"[article.{toml_key(draft.article)}]",
                      f'title = {{ vi = "Điều {draft.article}", en = "Article {draft.article}" }}',
                      f"chapter = {toml_value(draft.chapter or '')}", 'sector = "TODO"', ""]
        label = {"vi": f"Điều {draft.article} khoản {draft.clause}",
                 "en": f"Article {draft.article}({draft.clause})"}
        provenance = {"source": f"{source}: Điều {draft.article} khoản {draft.clause}",
                      "status": "MEMORY", "note": "draft: not yet reviewed"}
        lines += [*draft_clause_lines(draft, label, provenance), ""]
    return "\n".join(lines)
