"""Render an audit report as text, JSON, Markdown or HTML, with an SVG erosion chart.

The chart is plain SVG written by this module: no plotting library is needed.
"""

from __future__ import annotations

import html
from collections import defaultdict
from decimal import Decimal
from typing import Any

from ..audit.findings import SCHEMA_VERSION, AuditReport, Finding
from ..audit.indices import EconomicSeries, economic_series
from ..i18n.messages import pick
from ..models.common import Language

_T = {
    "title": ("Báo cáo rà soát văn bản đề nghị sửa đổi", "Amendment audit report"),
    "as_of": ("Thời điểm rà soát", "As of"),
    "findings": ("Phát hiện", "Findings"),
    "evidence": ("Số liệu", "Evidence"),
    "recommend": ("Kiến nghị", "Recommendation"),
    "basis": ("Căn cứ", "Basis"),
    "erosion": ("Mất giá trị thực của khung phạt", "Real-value erosion of the frames"),
    "checks": ("Các tiêu chí rà soát", "Checks run"),
    "none": ("Không có phát hiện.", "No findings."),
    "notes": ("Ghi chú", "Notes"),
    "document": ("Văn bản", "Document"),
}


def _t(key: str, lang: str) -> str:
    return pick(_T[key], lang)


def report_json(report: AuditReport) -> dict[str, Any]:
    """The report as JSON (see the audit page of the docs for the schema)."""
    data = report.model_dump(mode="json", exclude={"findings", "checks"})
    data["schema_version"] = SCHEMA_VERSION
    data["findings"] = [_finding_json(f) for f in report.findings]
    data["checks"] = [{"code": c.code, "title_en": c.title.en, "title_vi": c.title.vi,
                       "rationale_en": c.rationale.en, "basis": [b.format() for b in c.basis]}
                      for c in report.checks]
    return data


def _finding_json(f: Finding) -> dict[str, Any]:
    return {
        "check": f.check, "severity": f.severity.label, "document": f.document,
        "subject": f.subject, "summary_vi": f.summary.vi, "summary_en": f.summary.en,
        "evidence": f.evidence, "recommendation_vi": f.recommendation.vi,
        "recommendation_en": f.recommendation.en, "citations": [c.format() for c in f.citations],
    }


def _grouped(report: AuditReport) -> dict[str, list[Finding]]:
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        groups[f.document].append(f)
    return dict(sorted(groups.items(), key=lambda kv: (-max(int(f.severity) for f in kv[1]), kv[0])))


def _evidence(f: Finding) -> str:
    return "; ".join(f"{k}={v}" for k, v in f.evidence.items() if v is not None)


def _cites(f: Finding, lang: str) -> str:
    return "; ".join(c.format("vi" if lang == "vi" else "en") for c in f.citations)


def report_text(report: AuditReport, language: str = "vi") -> str:
    """The report as plain text."""
    lang = Language(language).value
    lines = [_t("title", lang), f"{_t('as_of', lang)}: {report.as_of.isoformat()}", ""]
    if not report.findings:
        lines.append(_t("none", lang))
    for document, findings in _grouped(report).items():
        lines.append(f"== {document} ({len(findings)})")
        for f in findings:
            lines.append(f"[{f.severity.label.upper()}] {f.check}: {f.summary.get(lang)}")
            lines.append(f"    {_t('evidence', lang)}: {_evidence(f)}")
            lines.append(f"    {_t('recommend', lang)}: {f.recommendation.get(lang)}")
            if f.citations:
                lines.append(f"    {_t('basis', lang)}: {_cites(f, lang)}")
        lines.append("")
    lines += [f"{_t('notes', lang)}:"] + [f"  - {n}" for n in report.notes]
    return "\n".join(lines) + "\n"


def erosion_svg(report: AuditReport, series: EconomicSeries | None = None) -> str:
    """An SVG line chart: the real value (% of nominal) of frames by the year they were set."""
    series = series or economic_series()
    if not report.erosion:
        return ('<svg xmlns="http://www.w3.org/2000/svg" width="640" height="60">'
                '<text x="10" y="30" font-family="sans-serif" font-size="13">'
                'No frame erosion to chart.</text></svg>')
    end = report.erosion[0].cpi_year
    cohorts = sorted({r.set_year for r in report.erosion})
    start = min(cohorts)
    width, height, left, right, top, bottom = 640, 360, 60, 150, 30, 40
    years = list(range(start, end + 1))
    span_x = max(1, end - start)

    def x(year: int) -> float:
        return left + (year - start) * (width - left - right) / span_x

    def y(percent: Decimal) -> float:
        return top + float(100 - percent) * (height - top - bottom) / 50  # 100% → 50% scale

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'font-family="sans-serif" font-size="11" role="img" '
             f'aria-label="Real value of fine frames by year set">',
             f'<text x="{left}" y="18" font-size="13">Real value of a frame, % of its nominal '
             f'amount (CPI, GSO annual average)</text>']
    for pct_line in (100, 90, 80, 70, 60, 50):
        yy = y(Decimal(pct_line))
        parts.append(f'<line x1="{left}" y1="{yy:.1f}" x2="{width - right}" y2="{yy:.1f}" '
                     'stroke="#ddd"/>')
        parts.append(f'<text x="{left - 8}" y="{yy + 4:.1f}" text-anchor="end">{pct_line}%</text>')
    limit = Decimal(100) - Decimal(report.erosion_threshold_pct)
    parts.append(f'<line x1="{left}" y1="{y(limit):.1f}" x2="{width - right}" y2="{y(limit):.1f}" '
                 'stroke="#c33" stroke-dasharray="4 3"/>')
    parts.append(f'<text x="{left + 4}" y="{y(limit) - 4:.1f}" fill="#c33">threshold: '
                 f'{limit}% of nominal value</text>')
    for year in years:
        parts.append(f'<text x="{x(year):.1f}" y="{height - bottom + 16}" '
                     f'text-anchor="middle">{year}</text>')
    palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf"]
    for i, cohort in enumerate(cohorts):
        base = series.price_level(cohort)
        points = [(x(yr), y(Decimal(100) * base / series.price_level(yr)))
                  for yr in range(cohort, end + 1)]
        colour = palette[i % len(palette)]
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
        count = sum(1 for r in report.erosion if r.set_year == cohort)
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{path}"/>')
        lx, ly = points[-1]
        parts.append(f'<text x="{lx + 6:.1f}" y="{ly + 4:.1f}" fill="{colour}">set {cohort} '
                     f'({count})</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def report_markdown(report: AuditReport, language: str = "vi", chart: str | None = None) -> str:
    """The report as Markdown; ``chart`` is the path of the SVG chart to link, if written."""
    lang = Language(language).value
    lines = [f"# {_t('title', lang)}", "", f"**{_t('as_of', lang)}:** {report.as_of.isoformat()}", ""]
    counts: dict[str, int] = defaultdict(int)
    for f in report.findings:
        counts[f.severity.label] += 1
    lines.append(", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or _t("none", lang))
    lines.append("")
    for document, findings in _grouped(report).items():
        lines += [f"## {_t('document', lang)} {document}", ""]
        for f in findings:
            lines.append(f"### [{f.severity.label}] {f.subject} — `{f.check}`")
            lines += ["", f.summary.get(lang), ""]
            lines.append(f"- **{_t('evidence', lang)}:** {_evidence(f)}")
            lines.append(f"- **{_t('recommend', lang)}:** {f.recommendation.get(lang)}")
            if f.citations:
                lines.append(f"- **{_t('basis', lang)}:** {_cites(f, lang)}")
            lines.append("")
    lines += [f"## {_t('erosion', lang)}", ""]
    if chart:
        lines += [f"![erosion]({chart})", ""]
    lines += ["| provision | amount | set | price ratio | real value | loss % | min wage ×"
              " | base salary × |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in report.erosion:
        lines.append(f"| {r.subject} | {r.amount:,} | {r.set_year} | {r.price_ratio} | "
                     f"{r.real_value:,} | {r.loss_pct} | {r.wage_ratio or '-'} | "
                     f"{r.base_salary_ratio or '-'} |")
    lines += ["", f"## {_t('checks', lang)}", ""]
    for c in report.checks:
        basis = "; ".join(b.format() for b in c.basis)
        lines.append(f"- `{c.code}` — {c.title.get(lang)}: {c.rationale.get(lang)}"
                     + (f" ({basis})" if basis else ""))
    lines += ["", f"## {_t('notes', lang)}", ""] + [f"- {n}" for n in report.notes]
    return "\n".join(lines) + "\n"


def report_html(report: AuditReport, language: str = "vi") -> str:
    """A self-contained HTML page with the chart inlined."""
    lang = Language(language).value
    esc = html.escape
    body = [f"<h1>{esc(_t('title', lang))}</h1>",
            f"<p><b>{esc(_t('as_of', lang))}:</b> {report.as_of.isoformat()}</p>"]
    for document, findings in _grouped(report).items():
        body.append(f"<h2>{esc(_t('document', lang))} {esc(document)}</h2>")
        for f in findings:
            body.append(
                f'<div class="finding {f.severity.label}"><h3>[{f.severity.label}] '
                f"{esc(f.subject)} <code>{esc(f.check)}</code></h3><p>{esc(f.summary.get(lang))}</p>"
                f"<ul><li><b>{esc(_t('evidence', lang))}:</b> {esc(_evidence(f))}</li>"
                f"<li><b>{esc(_t('recommend', lang))}:</b> {esc(f.recommendation.get(lang))}</li>"
                + (f"<li><b>{esc(_t('basis', lang))}:</b> {esc(_cites(f, lang))}</li>"
                   if f.citations else "") + "</ul></div>")
    body.append(f"<h2>{esc(_t('erosion', lang))}</h2>")
    body.append(erosion_svg(report))
    rows = "".join(
        f"<tr><td>{esc(r.subject)}</td><td>{r.amount:,}</td><td>{r.set_year}</td>"
        f"<td>{r.price_ratio}</td><td>{r.real_value:,}</td><td>{r.loss_pct}</td></tr>"
        for r in report.erosion)
    body.append("<table><tr><th>provision</th><th>amount</th><th>set</th><th>price ratio</th>"
                f"<th>real value</th><th>loss %</th></tr>{rows}</table>")
    style = ("body{font-family:sans-serif;max-width:960px;margin:auto}.high{border-left:4px solid #c00}"
             ".medium{border-left:4px solid #e80}.low{border-left:4px solid #888}"
             ".info{border-left:4px solid #39c}.finding{padding-left:8px;margin:8px 0}"
             "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}")
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{esc(_t('title', lang))}</title><style>{style}</style></head>"
            f"<body>{''.join(body)}</body></html>\n")
