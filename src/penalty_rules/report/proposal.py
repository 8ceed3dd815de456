"""Render an amendment-proposal draft as Markdown, CSV or Word (.docx).

The layout follows the comparison table of Vietnamese amendment dossiers: one row per point,
with the provision as it stands, the problem and its figures, the proposed direction, the legal
basis, and what a person must confirm; then a short reasoning per group, and the sources.
Word output needs the optional extra ``docx`` (python-docx).
"""

from __future__ import annotations

import csv
import importlib
import io
from pathlib import Path

from ..audit.propose import Proposal, ProposalRow
from ..i18n.messages import pick
from ..models.common import Language
from .audit import OptionalDependencyMissing, iso_day, severity_label

_T = {
    "as_of": ("Thời điểm lập", "Prepared as of"),
    "decree": ("Văn bản", "Decree"),
    "draft": ("DỰ THẢO — để xem xét, chưa phải ý kiến chính thức",
              "DRAFT — for review, not an official position"),
    "table": ("Bảng so sánh đề xuất sửa đổi", "Comparison table"),
    "no": ("STT", "No."),
    "severity": ("Mức độ", "Severity"),
    "current": ("Quy định hiện hành", "Current provision"),
    "problem": ("Vấn đề phát hiện (số liệu)", "Problem found (evidence)"),
    "direction": ("Hướng đề xuất sửa đổi", "Proposed direction"),
    "basis": ("Căn cứ", "Legal basis"),
    "confirm": ("Cần xác nhận", "To confirm"),
    "reasoning": ("Thuyết minh", "Reasoning"),
    "sources": ("Nguồn", "Sources"),
    "notes": ("Ghi chú", "Notes"),
    "group": ("Nhóm", "Group"),
    "none": ("Không có nội dung cần đề xuất sửa đổi.", "Nothing to propose."),
}


def _lang(language: str) -> str:
    return Language(language).value


def _t(key: str, lang: str) -> str:
    return pick(_T[key], lang)


def _problem(row: ProposalRow, lang: str) -> str:
    figures = "; ".join(f"{e.label.get(lang)}: {e.value.get(lang)}" for e in row.evidence)
    return row.problem.get(lang) + (f" ({figures})" if figures else "")


def table_rows(proposal: Proposal, language: str = "vi") -> tuple[list[str], list[list[str]]]:
    """The comparison table as a header and rows of text."""
    lang = _lang(language)
    titles = {g.code: g.title.get(lang) for g in proposal.groups}
    head = [_t(k, lang) for k in ("no", "group", "severity", "current", "problem", "direction",
                                  "basis", "confirm")]
    rows = [[str(i), titles.get(r.group, r.group), severity_label(r.severity, lang),
             r.current.get(lang), _problem(r, lang), r.direction.get(lang),
             "; ".join(r.legal_basis), r.confirm.get(lang)]
            for i, r in enumerate(proposal.rows, 1)]
    return head, rows


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def proposal_markdown(proposal: Proposal, language: str = "vi") -> str:
    """The draft as Markdown."""
    lang = _lang(language)
    lines = [f"# {proposal.title.get(lang)}", "",
             f"*{_t('draft', lang)}*", "",
             f"**{_t('decree', lang)}:** {proposal.decree} — {proposal.decree_title.get(lang)}  ",
             f"**{_t('as_of', lang)}:** {iso_day(proposal.as_of.isoformat(), lang)}", "",
             f"## 1. {_t('table', lang)}", ""]
    head, rows = table_rows(proposal, lang)
    if not rows:
        lines.append(_t("none", lang))
    else:
        lines.append("| " + " | ".join(head) + " |")
        lines.append("|---:|---|---|---|---|---|---|---|")
        lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    lines += ["", f"## 2. {_t('reasoning', lang)}", ""]
    for i, group in enumerate(proposal.groups, 1):
        lines += [f"### 2.{i}. {group.title.get(lang)}", "", group.reasoning.get(lang), ""]
    lines += [f"## 3. {_t('sources', lang)}", ""] + [f"- {s}" for s in proposal.sources]
    lines += ["", f"## 4. {_t('notes', lang)}", ""] + [f"- {n.get(lang)}" for n in proposal.notes]
    return "\n".join(lines) + "\n"


def proposal_csv(proposal: Proposal, language: str = "vi") -> str:
    """The comparison table as CSV (header in the language)."""
    head, rows = table_rows(proposal, language)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(head)
    writer.writerows(rows)
    return buffer.getvalue()


def proposal_docx(proposal: Proposal, path: str | Path, language: str = "vi") -> None:
    """Write the draft as a Word document (needs python-docx)."""
    try:
        docx = importlib.import_module("docx")
    except ImportError:
        raise OptionalDependencyMissing("docx", "python-docx", "docx") from None
    lang = _lang(language)
    document = docx.Document()
    document.add_heading(proposal.title.get(lang), level=0)
    document.add_paragraph(_t("draft", lang))
    document.add_paragraph(f"{_t('decree', lang)}: {proposal.decree} — {proposal.decree_title.get(lang)}")
    document.add_paragraph(f"{_t('as_of', lang)}: {iso_day(proposal.as_of.isoformat(), lang)}")
    document.add_heading(f"1. {_t('table', lang)}", level=1)
    head, rows = table_rows(proposal, lang)
    table = document.add_table(rows=1, cols=len(head))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, head, strict=True):
        cell.text = text
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    document.add_heading(f"2. {_t('reasoning', lang)}", level=1)
    for i, group in enumerate(proposal.groups, 1):
        document.add_heading(f"2.{i}. {group.title.get(lang)}", level=2)
        document.add_paragraph(group.reasoning.get(lang))
    document.add_heading(f"3. {_t('sources', lang)}", level=1)
    for source in proposal.sources:
        document.add_paragraph(source, style="List Bullet")
    document.add_heading(f"4. {_t('notes', lang)}", level=1)
    for note in proposal.notes:
        document.add_paragraph(note.get(lang), style="List Bullet")
    document.save(str(path))
