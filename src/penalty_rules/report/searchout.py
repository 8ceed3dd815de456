"""Text of provision search results (``penalty-rules search``); their JSON is the
contract's envelope around :class:`~penalty_rules.report.schemas.SearchResult`."""

from __future__ import annotations

from datetime import date

from ..catalog.search import SearchHit
from .formatting import citation_text, money


def _frame(hit: SearchHit, lang: str) -> str:
    if not hit.in_force:
        return "không còn/chưa có hiệu lực" if lang == "vi" else "not in force on the day"
    if hit.fine_min is None or hit.fine_max is None:
        return "mức phạt tùy tình tiết" if lang == "vi" else "fine depends on the facts"
    return f"{money(hit.fine_min, lang)} – {money(hit.fine_max, lang)}"


def search_text(query: str, as_of: date, hits: list[SearchHit], lang: str) -> str:
    """One block per hit: citation, label (act), frame on the day."""
    if not hits:
        none = "Không tìm thấy quy định nào cho" if lang == "vi" else "No provision found for"
        return f"{none} {query!r}.\n"
    lines = []
    for n, hit in enumerate(hits, 1):
        lines.append(f"{n}. {citation_text(hit.citation, lang)}")
        lines.append(f"   {hit.label.get(lang)}")
        if hit.act is not None:
            lines.append(f"   → {hit.act.get(lang)}")
        lines.append(f"   {_frame(hit, lang)}")
    return "\n".join(lines) + "\n"
