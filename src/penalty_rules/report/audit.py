"""Render an audit report as text, JSON, Markdown, HTML, CSV or Excel, with an SVG chart.

Every rendering opens with a summary (counts by severity and by check, the top findings),
then the findings grouped by document (a table, then each finding with its evidence as
readable rows), the erosion table sorted by loss, the checks run and notes. Vietnamese
output is Vietnamese throughout: labels, evidence names, severities, check titles, numbers
and percentages (babel, locale ``vi_VN``); check codes appear only in English output and JSON.

The chart is plain SVG written by this module: no plotting library is needed. Excel output
needs the optional extra ``xlsx`` (openpyxl).
"""

from __future__ import annotations

import csv
import html
import importlib
import io
import re
from collections import Counter, defaultdict
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from babel.numbers import format_decimal, format_percent

from ..audit.findings import SCHEMA_VERSION, AuditReport, Check, Finding, Severity
from ..audit.indices import EconomicSeries, economic_series
from ..catalog.bodies import bodies
from ..catalog.laws import TOPICS
from ..errors import PenaltyRulesError
from ..i18n.messages import pick
from ..models.common import Language
from .formatting import money

LOCALES = {"vi": "vi_VN", "en": "en"}
TOP = 5


class OptionalDependencyMissing(PenaltyRulesError, ImportError):
    """An output format needs a package from an optional extra that is not installed."""

    def __init__(self, fmt: str, package: str, extra: str) -> None:
        self.fmt = fmt
        self.package = package
        self.extra = extra
        super().__init__(f"--format {fmt} needs the optional package {package}: "
                         f"pip install 'penalty_rules[{extra}]'")


_T = {
    "title": ("Báo cáo rà soát văn bản đề nghị sửa đổi", "Amendment audit report"),
    "as_of": ("Thời điểm rà soát", "As of"),
    "filters": ("Lọc", "Filters"),
    "min_severity": ("mức độ từ", "severity from"),
    "shown": ("hiển thị {shown}/{total} phát hiện", "showing {shown} of {total} findings"),
    "contents": ("Mục lục", "Contents"),
    "summary": ("Tóm tắt", "Summary"),
    "by_severity": ("Số phát hiện theo mức độ", "Findings by severity"),
    "by_check": ("Số phát hiện theo tiêu chí", "Findings by check"),
    "top": ("Phát hiện quan trọng nhất", "Top findings"),
    "severity": ("Mức độ", "Severity"),
    "meaning": ("Ý nghĩa", "Meaning"),
    "severities": ("Các mức độ", "Severity levels"),
    "count": ("Số lượng", "Count"),
    "total": ("Tổng", "Total"),
    "check": ("Tiêu chí", "Check"),
    "findings": ("Phát hiện theo văn bản", "Findings by document"),
    "subject": ("Đối tượng", "Subject"),
    "finding": ("Nội dung", "Finding"),
    "evidence": ("Số liệu", "Evidence"),
    "value": ("Giá trị", "Value"),
    "recommend": ("Kiến nghị", "Recommendation"),
    "basis": ("Căn cứ", "Basis"),
    "erosion": ("Mất giá trị thực của khung phạt", "Real-value erosion of the frames"),
    "erosion_note": ("Sắp xếp theo mức mất giá trị, lớn nhất trước; ngưỡng {limit}.",
                     "Sorted by loss, largest first; threshold {limit}."),
    "checks": ("Các tiêu chí rà soát", "Checks run"),
    "none": ("Không có phát hiện.", "No findings."),
    "notes": ("Ghi chú", "Notes"),
    "document": ("Văn bản", "Document"),
    "rank": ("STT", "#"),
    "provision": ("Quy định", "Provision"),
    "amount": ("Mức tối đa", "Maximum"),
    "set": ("Năm đặt mức", "Year set"),
    "price_ratio": ("Hệ số giá", "Price ratio"),
    "real_value": ("Giá trị thực", "Real value"),
    "loss": ("Mất giá trị", "Loss"),
    "wage": ("Lương tối thiểu ×", "Minimum wage ×"),
    "salary": ("Lương cơ sở ×", "Base salary ×"),
    "chart_title": ("Giá trị thực của khung phạt, % mệnh giá (CPI bình quân năm, TCTK)",
                    "Real value of a frame, % of its nominal amount (CPI, GSO annual average)"),
    "axis_x": ("Năm", "Year"),
    "axis_y": ("Giá trị thực (% mệnh giá)", "Real value (% of nominal)"),
    "threshold": ("ngưỡng: {limit} mệnh giá", "threshold: {limit} of nominal value"),
    "cohort": ("đặt năm {year} ({count} khung)", "set {year} ({count})"),
    "no_chart": ("Không có khung phạt để vẽ biểu đồ.", "No frame erosion to chart."),
}

SEVERITY_LABEL = {
    Severity.HIGH: ("Cao", "High"), Severity.MEDIUM: ("Trung bình", "Medium"),
    Severity.LOW: ("Thấp", "Low"), Severity.INFO: ("Thông tin", "Info"),
}

#: Names of evidence fields, in the reader's language.
EVIDENCE_LABELS: dict[str, tuple[str, str]] = {
    "repealed_on": ("Hết hiệu lực từ", "Ended on"),
    "by": ("Văn bản", "By"),
    "relation": ("Quan hệ", "Relation"),
    "applies_to_acts_ended_before": ("Áp dụng cho hành vi kết thúc trước", "Applies to acts ended before"),
    "latest_decision_within_limitation": ("Hạn ra quyết định muộn nhất", "Latest decision within limitation"),
    "successor": ("Quy định/cơ quan kế thừa", "Successor"),
    "kept_applicable_by": ("Quy định chuyển tiếp", "Kept applicable by"),
    "log_entries_after_repeal": ("Số quyết định sau ngày bãi bỏ", "Decisions after the repeal"),
    "first": ("Quyết định đầu tiên", "First"),
    "base_law": ("Luật làm căn cứ", "Base law"),
    "role": ("Vai trò của luật", "Role of the law"),
    "cited_by_name_and_date": ("Dẫn chiếu theo tên và ngày", "Cited by name and date"),
    "basis_status": ("Độ tin cậy của căn cứ", "Status of the basis"),
    "decree_issued_on": ("Ngày ban hành nghị định", "Decree issued on"),
    "replaced_by": ("Luật thay thế", "Replaced by"),
    "replaced_on": ("Ngày thay thế", "Replaced on"),
    "replacement_status": ("Độ tin cậy của việc thay thế", "Status of the replacement"),
    "amended_by": ("Luật sửa đổi", "Amended by"),
    "touched": ("Phạm vi sửa đổi", "What changed"),
    "scope_known": ("Đã rõ phạm vi", "Scope known"),
    "change": ("Loại thay đổi", "Change"),
    "passed_on": ("Ngày thông qua", "Passed on"),
    "effective_from": ("Hiệu lực từ", "In force from"),
    "change_status": ("Độ tin cậy", "Status"),
    "body": ("Cơ quan", "Body"),
    "abolished": ("Chấm dứt từ", "Ended"),
    "status": ("Độ tin cậy", "Status"),
    "wording_status": ("Độ tin cậy của nguyên văn", "Status of the wording"),
    "amount": ("Mức tối đa", "Maximum"),
    "set_year": ("Năm đặt mức", "Year set"),
    "cpi_year": ("Năm CPI", "CPI year"),
    "price_ratio": ("Hệ số giá", "Price ratio"),
    "real_value": ("Giá trị thực", "Real value"),
    "loss_pct": ("Mất giá trị", "Loss"),
    "min_wage_ratio": ("Lương tối thiểu vùng I tăng", "Region I minimum wage ×"),
    "base_salary_ratio": ("Lương cơ sở tăng", "Base salary ×"),
    "cpi_unverified": ("CPI chưa kiểm chứng", "CPI unverified"),
    "provisions_measured": ("Số khung đã đo", "Frames measured"),
    "over_threshold": ("Số khung vượt ngưỡng", "Frames over the threshold"),
    "median_loss_pct": ("Mức mất trung vị", "Median loss"),
    "threshold_pct": ("Ngưỡng", "Threshold"),
    "wage_relative_loss_pct": ("Nhẹ đi so với lương", "Lighter against wages"),
    "cpi_loss_pct": ("Mất giá trị theo CPI", "Loss by CPI"),
    "frame_max": ("Mức tối đa của khung", "Frame maximum"),
    "predecessor": ("Quy định trước", "Predecessor"),
    "unchanged_since": ("Giữ nguyên từ năm", "Unchanged since"),
    "replaced_in": ("Năm thay thế", "Replaced in"),
    "max_at_current_prices": ("Mức tối đa theo giá hiện nay", "Maximum at current prices"),
    "decree_carried_over": ("Số khung kế thừa của nghị định", "Frames the decree carried over"),
    "decree_raised": ("Số khung được nâng", "Frames it raised"),
    "decree_median_rise_pct": ("Mức nâng trung vị", "Median rise"),
    "per_unit_max": ("Mức tối đa theo đơn vị", "Per-unit maximum"),
    "unit": ("Đơn vị", "Unit"),
    "sector_max": ("Mức tối đa của lĩnh vực", "Sector maximum"),
    "base": ("Đối tượng của mức phạt", "Amounts written for"),
    "version_from": ("Phiên bản từ", "Version from"),
    "fine_base": ("Đối tượng của mức phạt", "Amounts written for"),
    "exception": ("Ngoại lệ", "Exception"),
    "verified_on": ("Ngày kiểm chứng", "Verified on"),
    "source": ("Nguồn", "Source"),
    "offenders": ("Số người vi phạm", "Offenders"),
    "repeat_offenders": ("Số người tái phạm", "Repeat offenders"),
    "repeat_rate_pct": ("Tỷ lệ tái phạm", "Repeat rate"),
    "decisions": ("Số quyết định", "Decisions"),
    "issued_on": ("Ngày ban hành", "Issued on"),
    "parts": ("Phần", "Parts"),
    "official": ("Chức danh", "Official"),
    "provisions_closed": ("Số quy định đã hết thời hiệu", "Provisions whose window closed"),
}

#: Evidence fields written in English only (left out of Vietnamese output; the summary says it).
_ENGLISH_ONLY = {"official", "source", "unit"}
_MONEY = {"amount", "real_value", "frame_max", "sector_max", "per_unit_max", "max_at_current_prices"}
_RATIOS = {"price_ratio", "min_wage_ratio", "base_salary_ratio"}
_YEARS = {"set_year", "cpi_year", "unchanged_since", "replaced_in"}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

_WORDS: dict[str, tuple[str, str]] = {
    "implements": ("luật mà nghị định thi hành", "the law the decree implements"),
    "other": ("luật được viện dẫn", "a law it only cites"),
    "replaces": ("thay thế", "replaces"), "amends": ("sửa đổi", "amends"),
    "repeals": ("bãi bỏ", "repeals"), "replaced": ("thay thế", "replaced"),
    "amended": ("sửa đổi", "amended"),
    "CONFIRMED": ("đã xác nhận", "confirmed"),
    "CONFIRMED-secondary": ("xác nhận qua nguồn thứ cấp", "confirmed (secondary source)"),
    "CONFIRMED-news": ("xác nhận qua báo chí", "confirmed (news)"),
    "INFERRED": ("suy luận", "inferred"), "DERIVED": ("tính toán", "derived"),
    "MEMORY": ("ghi nhớ, chưa kiểm chứng", "from memory, unverified"),
    "organization": ("tổ chức", "organisations"), "individual": ("cá nhân", "individuals"),
}


def _lang(language: str) -> str:
    return Language(language).value


def _t(key: str, lang: str, **fields: object) -> str:
    text = pick(_T[key], lang)
    return text.format(**fields) if fields else text


def severity_label(severity: Severity, language: str) -> str:
    """``Cao`` / ``High`` …"""
    return pick(SEVERITY_LABEL[severity], _lang(language))


def number(value: int | Decimal, language: str, pattern: str | None = None) -> str:
    """A number in the language's conventions (``1.234,5`` in Vietnamese)."""
    return format_decimal(value, format=pattern, locale=LOCALES[_lang(language)])


def percent(value_pct: str | Decimal, language: str) -> str:
    """A percentage given in percent (``"21.6"``) written for the language (``21,6 %``)."""
    return format_percent(Decimal(value_pct) / 100, format="#,##0.0%",
                          locale=LOCALES[_lang(language)])


def iso_day(text: str, language: str) -> str:
    """An ISO date as ``dd/mm/yyyy`` in Vietnamese, unchanged in English."""
    if _lang(language) == "vi" and _ISO_DATE.match(text):
        y, m, d = text.split("-")
        return f"{d}/{m}/{y}"
    return text


def evidence_value(key: str, value: object, language: str) -> str:
    """One evidence value, readable in the language."""
    lang = _lang(language)
    if value is None:
        return "-"
    if isinstance(value, bool):
        return pick(("có", "yes") if value else ("không", "no"), lang)
    if key in _MONEY and isinstance(value, int):
        return money(value, lang)
    if key in _YEARS:
        return str(value)
    if isinstance(value, int):
        return number(value, lang)
    text = str(value)
    try:
        if key.endswith("_pct"):
            return percent(text, lang)
        if key in _RATIOS:
            return number(Decimal(text), lang, "#,##0.000") + "×"
    except InvalidOperation:
        return text
    if key in ("body", "successor") and text in bodies():
        return bodies()[text].label.get(lang)
    if key == "touched":
        return ", ".join(TOPICS[t].get(lang) if t in TOPICS else t for t in text.split(", "))
    if text in _WORDS:
        return pick(_WORDS[text], lang)
    return iso_day(text, lang)


def evidence_rows(finding: Finding, language: str) -> list[tuple[str, str]]:
    """The evidence of a finding as (label, value) rows in the language."""
    lang = _lang(language)
    rows = []
    for key, value in finding.evidence.items():
        if value is None or (lang == "vi" and key in _ENGLISH_ONLY):
            continue
        label = pick(EVIDENCE_LABELS[key], lang) if key in EVIDENCE_LABELS else (
            key if lang == "en" else None)
        if label is None:
            continue
        rows.append((label, evidence_value(key, value, lang)))
    return rows


def _cites(f: Finding, lang: str) -> str:
    return "; ".join(c.format("vi" if lang == "vi" else "en") for c in f.citations)


def _checks(report: AuditReport) -> dict[str, Check]:
    return {c.code: c for c in report.checks}


def check_title(report: AuditReport, code: str, language: str) -> str:
    """The title of a check in the language (the code only if the check is unknown)."""
    check = _checks(report).get(code)
    return check.title.get(language) if check else code


def grouped(report: AuditReport) -> dict[str, list[Finding]]:
    """Findings per document, documents with the most urgent findings first."""
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        groups[f.document].append(f)
    return dict(sorted(groups.items(), key=lambda kv: (min(f.sort_key() for f in kv[1]), kv[0])))


def _rank(report: AuditReport) -> dict[int, int]:
    return {id(f): i for i, f in enumerate(report.findings, 1)}


def report_json(report: AuditReport) -> dict[str, Any]:
    """The report as JSON (see the audit page of the docs for the schema)."""
    data = report.model_dump(mode="json", exclude={"findings", "checks", "notes", "min_severity"})
    data["schema_version"] = SCHEMA_VERSION
    data["min_severity"] = report.min_severity.label
    data["findings"] = [_finding_json(f) for f in report.findings]
    data["checks"] = [{"code": c.code, "title_en": c.title.en, "title_vi": c.title.vi,
                       "rationale_en": c.rationale.en, "basis": [b.format() for b in c.basis]}
                      for c in report.checks]
    data["notes"] = [{"vi": n.vi, "en": n.en} for n in report.notes]
    return data


def _finding_json(f: Finding) -> dict[str, Any]:
    return {
        "check": f.check, "severity": f.severity.label, "document": f.document,
        "subject": f.subject, "summary_vi": f.summary.vi, "summary_en": f.summary.en,
        "evidence": f.evidence, "recommendation_vi": f.recommendation.vi,
        "recommendation_en": f.recommendation.en, "citations": [c.format() for c in f.citations],
    }


# ----------------------------------------------------------------------------- summary
def severity_counts(report: AuditReport) -> list[tuple[Severity, int]]:
    """(severity, count) from high to info, all levels listed."""
    counts = Counter(f.severity for f in report.findings)
    return [(s, counts.get(s, 0)) for s in sorted(Severity, reverse=True)]


def check_counts(report: AuditReport) -> list[tuple[str, dict[Severity, int], int]]:
    """(check code, counts by severity, total) for checks with findings, most first."""
    table: dict[str, Counter[Severity]] = defaultdict(Counter)
    for f in report.findings:
        table[f.check][f.severity] += 1
    rows = [(code, dict(c), sum(c.values())) for code, c in table.items()]
    return sorted(rows, key=lambda r: (-r[2], r[0]))


def _filters_line(report: AuditReport, lang: str) -> str:
    shown = _t("shown", lang, shown=number(len(report.findings), lang),
               total=number(report.total_before_filters, lang))
    parts = [shown]
    if report.min_severity is not Severity.INFO:
        parts.insert(0, f"{_t('min_severity', lang)} {severity_label(report.min_severity, lang)}")
    if report.document:
        parts.insert(0, f"{_t('document', lang)} {report.document}")
    return "; ".join(parts)


# ----------------------------------------------------------------------------- text
def report_text(report: AuditReport, language: str = "vi") -> str:
    """The report as plain text: summary first, then findings grouped per document."""
    lang = _lang(language)
    rank = _rank(report)
    lines = [_t("title", lang), f"{_t('as_of', lang)}: {iso_day(report.as_of.isoformat(), lang)}",
             f"{_t('filters', lang)}: {_filters_line(report, lang)}", "",
             f"== {_t('summary', lang)}"]
    lines.append("   " + "; ".join(f"{severity_label(s, lang)}: {number(n, lang)}"
                                   for s, n in severity_counts(report)))
    for code, _, total in check_counts(report):
        lines.append(f"   - {check_title(report, code, lang)}: {number(total, lang)}")
    if report.findings:
        lines.append(f"   {_t('top', lang)}:")
        for f in report.findings[:TOP]:
            lines.append(f"   {rank[id(f)]}. [{severity_label(f.severity, lang)}] {f.document}: "
                         f"{f.summary.get(lang)}")
    else:
        lines.append("   " + _t("none", lang))
    lines.append("")
    for document, findings in grouped(report).items():
        lines.append(f"== {_t('document', lang)} {document} ({number(len(findings), lang)})")
        for f in findings:
            lines.append(f"{rank[id(f)]}. [{severity_label(f.severity, lang)}] "
                         f"{check_title(report, f.check, lang)} — {f.subject}")
            lines.append(f"    {f.summary.get(lang)}")
            for label, value in evidence_rows(f, lang):
                lines.append(f"      · {label}: {value}")
            lines.append(f"    {_t('recommend', lang)}: {f.recommendation.get(lang)}")
            if f.citations:
                lines.append(f"    {_t('basis', lang)}: {_cites(f, lang)}")
        lines.append("")
    lines.append(f"== {_t('severities', lang)}")
    lines += [f"   {severity_label(s, lang)}: {s.meaning.get(lang)}" for s in sorted(Severity, reverse=True)]
    lines += ["", f"{_t('notes', lang)}:"] + [f"  - {n.get(lang)}" for n in report.notes]
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- chart
def erosion_svg(report: AuditReport, series: EconomicSeries | None = None,
                language: str = "en") -> str:
    """An SVG line chart: the real value (% of nominal) of frames by the year they were set,
    with axis titles, in the language."""
    lang = _lang(language)
    esc = html.escape
    series = series or economic_series()
    if not report.erosion:
        return ('<svg xmlns="http://www.w3.org/2000/svg" width="640" height="60">'
                '<text x="10" y="30" font-family="sans-serif" font-size="13">'
                f'{esc(_t("no_chart", lang))}</text></svg>\n')
    end = report.erosion[0].cpi_year
    cohorts = sorted({r.set_year for r in report.erosion})
    start = min(cohorts)
    width, height, left, right, top, bottom = 680, 380, 80, 160, 36, 60
    span_x = max(1, end - start)

    def x(year: int) -> float:
        return left + (year - start) * (width - left - right) / span_x

    def y(value: Decimal) -> float:
        return top + float(100 - value) * (height - top - bottom) / 50  # 100% → 50% scale

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'font-family="sans-serif" font-size="11" role="img" '
             f'aria-label="{esc(_t("chart_title", lang))}">',
             f'<text x="{left}" y="18" font-size="13">{esc(_t("chart_title", lang))}</text>']
    for line in (100, 90, 80, 70, 60, 50):
        yy = y(Decimal(line))
        parts.append(f'<line x1="{left}" y1="{yy:.1f}" x2="{width - right}" y2="{yy:.1f}" '
                     'stroke="#ddd"/>')
        parts.append(f'<text x="{left - 8}" y="{yy + 4:.1f}" text-anchor="end">'
                     f'{esc(percent(Decimal(line), lang))}</text>')
    limit = Decimal(100) - Decimal(report.erosion_threshold_pct)
    parts.append(f'<line x1="{left}" y1="{y(limit):.1f}" x2="{width - right}" y2="{y(limit):.1f}" '
                 'stroke="#c33" stroke-dasharray="4 3"/>')
    parts.append(f'<text x="{left + 4}" y="{y(limit) - 4:.1f}" fill="#c33">'
                 f'{esc(_t("threshold", lang, limit=percent(limit, lang)))}</text>')
    for year in range(start, end + 1):
        parts.append(f'<text x="{x(year):.1f}" y="{height - bottom + 16}" '
                     f'text-anchor="middle">{year}</text>')
    # axis titles
    parts.append(f'<text x="{(left + width - right) / 2:.1f}" y="{height - 12}" '
                 f'text-anchor="middle" font-size="12">{esc(_t("axis_x", lang))}</text>')
    mid = (top + height - bottom) / 2
    parts.append(f'<text x="18" y="{mid:.1f}" text-anchor="middle" font-size="12" '
                 f'transform="rotate(-90 18 {mid:.1f})">{esc(_t("axis_y", lang))}</text>')
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
        parts.append(f'<text x="{lx + 6:.1f}" y="{ly + 4:.1f}" fill="{colour}">'
                     f'{esc(_t("cohort", lang, year=cohort, count=count))}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


# ----------------------------------------------------------------------------- tables
def erosion_header(language: str) -> list[str]:
    """Column titles of the erosion table."""
    lang = _lang(language)
    return [_t(k, lang) for k in ("document", "provision", "amount", "set", "price_ratio",
                                  "real_value", "loss", "wage", "salary")]


def erosion_cells(report: AuditReport, language: str) -> list[list[str]]:
    """The erosion table, formatted for reading (sorted by loss, largest first)."""
    lang = _lang(language)
    return [[r.document, r.subject, money(r.amount, lang), str(r.set_year),
             number(Decimal(r.price_ratio), lang, "#,##0.000"), money(r.real_value, lang),
             percent(r.loss_pct, lang),
             number(Decimal(r.wage_ratio), lang, "#,##0.000") if r.wage_ratio else "-",
             number(Decimal(r.base_salary_ratio), lang, "#,##0.000") if r.base_salary_ratio else "-"]
            for r in report.erosion]


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |"


def _anchor(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", text.lower()).strip("-")


def report_markdown(report: AuditReport, language: str = "vi", chart: str | None = None) -> str:
    """The report as Markdown; ``chart`` is the path of the SVG chart to link, if written."""
    lang = _lang(language)
    rank = _rank(report)
    groups = grouped(report)
    sections = [("summary", _t("summary", lang)), ("findings", _t("findings", lang)),
                ("erosion", _t("erosion", lang)), ("severities", _t("severities", lang)),
                ("checks", _t("checks", lang)), ("notes", _t("notes", lang))]
    lines = [f"# {_t('title', lang)}", "",
             f"**{_t('as_of', lang)}:** {iso_day(report.as_of.isoformat(), lang)} · "
             f"**{_t('filters', lang)}:** {_filters_line(report, lang)}", "",
             f"## {_t('contents', lang)}", ""]
    for i, (key, title) in enumerate(sections, 1):
        lines.append(f"{i}. [{title}](#{key})")
        if key == "findings":
            lines += [f"   - [{_t('document', lang)} {d}](#doc-{_anchor(d)})" for d in groups]
    # 1. summary
    lines += ["", '<a id="summary"></a>', f"## 1. {_t('summary', lang)}", "",
              f"**{_t('by_severity', lang)}**", "",
              _md_row([_t("severity", lang), _t("count", lang)]), "|---|---:|"]
    lines += [_md_row([severity_label(s, lang), number(n, lang)]) for s, n in severity_counts(report)]
    lines += ["", f"**{_t('by_check', lang)}**", ""]
    levels = sorted(Severity, reverse=True)
    lines.append(_md_row([_t("check", lang)] + [severity_label(s, lang) for s in levels]
                         + [_t("total", lang)]))
    lines.append("|---" + "|---:" * (len(levels) + 1) + "|")
    for code, counts, total in check_counts(report):
        lines.append(_md_row([check_title(report, code, lang)]
                             + [number(counts.get(s, 0), lang) for s in levels] + [number(total, lang)]))
    lines += ["", f"**{_t('top', lang)}**", ""]
    if not report.findings:
        lines.append(_t("none", lang))
    for f in report.findings[:TOP]:
        lines.append(f"{rank[id(f)]}. **{severity_label(f.severity, lang)}** — {f.document}: "
                     f"{f.summary.get(lang)}")
    # 2. findings
    lines += ["", '<a id="findings"></a>', f"## 2. {_t('findings', lang)}", ""]
    for document, findings in groups.items():
        lines += [f'<a id="doc-{_anchor(document)}"></a>',
                  f"### {_t('document', lang)} {document} ({number(len(findings), lang)})", "",
                  _md_row([_t("rank", lang), _t("severity", lang), _t("check", lang),
                           _t("subject", lang), _t("finding", lang)]),
                  "|---:|---|---|---|---|"]
        for f in findings:
            lines.append(_md_row([str(rank[id(f)]), severity_label(f.severity, lang),
                                  check_title(report, f.check, lang), f.subject, f.summary.get(lang)]))
        lines.append("")
        for f in findings:
            lines += [f"#### {rank[id(f)]}. {f.subject} — {check_title(report, f.check, lang)} "
                      f"({severity_label(f.severity, lang)})", "", f.summary.get(lang), ""]
            rows = evidence_rows(f, lang)
            if rows:
                lines += [_md_row([_t("evidence", lang), _t("value", lang)]), "|---|---|"]
                lines += [_md_row([label, value]) for label, value in rows]
                lines.append("")
            lines.append(f"- **{_t('recommend', lang)}:** {f.recommendation.get(lang)}")
            if f.citations:
                lines.append(f"- **{_t('basis', lang)}:** {_cites(f, lang)}")
            lines.append("")
    # 3. erosion
    limit = percent(report.erosion_threshold_pct, lang)
    lines += ['<a id="erosion"></a>', f"## 3. {_t('erosion', lang)}", "",
              _t("erosion_note", lang, limit=limit), ""]
    if chart:
        lines += [f"![{_t('chart_title', lang)}]({chart})", ""]
    lines += [_md_row(erosion_header(lang)), "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    lines += [_md_row(cells) for cells in erosion_cells(report, lang)]
    # 4. severities
    lines += ["", '<a id="severities"></a>', f"## 4. {_t('severities', lang)}", "",
              _md_row([_t("severity", lang), _t("meaning", lang)]), "|---|---|"]
    lines += [_md_row([severity_label(s, lang), s.meaning.get(lang)])
              for s in sorted(Severity, reverse=True)]
    # 5. checks
    lines += ["", '<a id="checks"></a>', f"## 5. {_t('checks', lang)}", ""]
    for c in report.checks:
        basis = "; ".join(b.format("vi" if lang == "vi" else "en") for b in c.basis)
        code = f" (`{c.code}`)" if lang == "en" else ""
        lines.append(f"- **{c.title.get(lang)}**{code}: {c.rationale.get(lang)}"
                     + (f" — {_t('basis', lang)}: {basis}" if basis else ""))
    lines += ["", '<a id="notes"></a>', f"## 6. {_t('notes', lang)}", ""]
    lines += [f"- {n.get(lang)}" for n in report.notes]
    return "\n".join(lines) + "\n"


def report_html(report: AuditReport, language: str = "vi") -> str:
    """A self-contained HTML page: summary, contents, grouped findings, chart and tables."""
    lang = _lang(language)
    esc = html.escape
    rank = _rank(report)
    groups = grouped(report)

    def table(head: list[str], rows: list[list[str]], cls: str = "") -> str:
        th = "".join(f"<th>{esc(h)}</th>" for h in head)
        body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows)
        return f'<table class="{cls}"><tr>{th}</tr>{body}</table>'

    out = [f"<h1>{esc(_t('title', lang))}</h1>",
           f"<p><b>{esc(_t('as_of', lang))}:</b> {esc(iso_day(report.as_of.isoformat(), lang))} · "
           f"<b>{esc(_t('filters', lang))}:</b> {esc(_filters_line(report, lang))}</p>",
           f"<h2>{esc(_t('contents', lang))}</h2><ol>"]
    for key in ("summary", "findings", "erosion", "severities", "checks", "notes"):
        out.append(f'<li><a href="#{key}">{esc(_t(key, lang))}</a>')
        if key == "findings":
            out.append("<ul>" + "".join(
                f'<li><a href="#doc-{_anchor(d)}">{esc(_t("document", lang))} {esc(d)}</a></li>'
                for d in groups) + "</ul>")
        out.append("</li>")
    out.append("</ol>")
    levels = sorted(Severity, reverse=True)
    out += [f'<h2 id="summary">1. {esc(_t("summary", lang))}</h2>',
            f"<h3>{esc(_t('by_severity', lang))}</h3>",
            table([_t("severity", lang), _t("count", lang)],
                  [[severity_label(s, lang), number(n, lang)] for s, n in severity_counts(report)]),
            f"<h3>{esc(_t('by_check', lang))}</h3>",
            table([_t("check", lang)] + [severity_label(s, lang) for s in levels] + [_t("total", lang)],
                  [[check_title(report, code, lang)] + [number(counts.get(s, 0), lang) for s in levels]
                   + [number(total, lang)] for code, counts, total in check_counts(report)]),
            f"<h3>{esc(_t('top', lang))}</h3><ol>"]
    out += [f'<li value="{rank[id(f)]}"><b>{esc(severity_label(f.severity, lang))}</b> — '
            f"{esc(f.document)}: {esc(f.summary.get(lang))}</li>" for f in report.findings[:TOP]]
    out.append("</ol>" if report.findings else f"</ol><p>{esc(_t('none', lang))}</p>")
    out.append(f'<h2 id="findings">2. {esc(_t("findings", lang))}</h2>')
    for document, findings in groups.items():
        out.append(f'<h3 id="doc-{_anchor(document)}">{esc(_t("document", lang))} {esc(document)} '
                   f"({number(len(findings), lang)})</h3>")
        out.append(table([_t("rank", lang), _t("severity", lang), _t("check", lang),
                          _t("subject", lang), _t("finding", lang)],
                         [[str(rank[id(f)]), severity_label(f.severity, lang),
                           check_title(report, f.check, lang), f.subject, f.summary.get(lang)]
                          for f in findings], "findings"))
        for f in findings:
            rows = evidence_rows(f, lang)
            out.append(
                f'<div class="finding {f.severity.label}"><h4>{rank[id(f)]}. {esc(f.subject)} — '
                f"{esc(check_title(report, f.check, lang))} ({esc(severity_label(f.severity, lang))})"
                f"</h4><p>{esc(f.summary.get(lang))}</p>"
                + (table([_t("evidence", lang), _t("value", lang)], [list(r) for r in rows]) if rows else "")
                + f"<p><b>{esc(_t('recommend', lang))}:</b> {esc(f.recommendation.get(lang))}</p>"
                + (f"<p><b>{esc(_t('basis', lang))}:</b> {esc(_cites(f, lang))}</p>" if f.citations else "")
                + "</div>")
    out += [f'<h2 id="erosion">3. {esc(_t("erosion", lang))}</h2>',
            f"<p>{esc(_t('erosion_note', lang, limit=percent(report.erosion_threshold_pct, lang)))}</p>",
            erosion_svg(report, language=lang),
            table(erosion_header(lang), erosion_cells(report, lang)),
            f'<h2 id="severities">4. {esc(_t("severities", lang))}</h2>',
            table([_t("severity", lang), _t("meaning", lang)],
                  [[severity_label(s, lang), s.meaning.get(lang)] for s in levels]),
            f'<h2 id="checks">5. {esc(_t("checks", lang))}</h2><ul>']
    for c in report.checks:
        code = f" (<code>{esc(c.code)}</code>)" if lang == "en" else ""
        out.append(f"<li><b>{esc(c.title.get(lang))}</b>{code}: {esc(c.rationale.get(lang))}</li>")
    out += ["</ul>", f'<h2 id="notes">6. {esc(_t("notes", lang))}</h2><ul>']
    out += [f"<li>{esc(n.get(lang))}</li>" for n in report.notes]
    out.append("</ul>")
    style = ("body{font-family:sans-serif;max-width:1000px;margin:auto}.high{border-left:4px solid #c00}"
             ".medium{border-left:4px solid #e80}.low{border-left:4px solid #888}"
             ".info{border-left:4px solid #39c}.finding{padding-left:8px;margin:8px 0}"
             "table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #ccc;padding:2px 6px;"
             "vertical-align:top}")
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{esc(_t('title', lang))}</title><style>{style}</style></head>"
            f"<body>{''.join(out)}</body></html>\n")


# ----------------------------------------------------------------------------- CSV and Excel
def findings_table(report: AuditReport, language: str = "vi") -> tuple[list[str], list[list[str]]]:
    """Findings as a header and rows (for CSV and Excel): one finding per row, ranked."""
    lang = _lang(language)
    head = [_t(k, lang) for k in ("rank", "severity", "check", "document", "subject", "finding",
                                  "evidence", "recommend", "basis")]
    rows = []
    for i, f in enumerate(report.findings, 1):
        evidence = "; ".join(f"{label}: {value}" for label, value in evidence_rows(f, lang))
        rows.append([str(i), severity_label(f.severity, lang), check_title(report, f.check, lang),
                     f.document, f.subject, f.summary.get(lang), evidence,
                     f.recommendation.get(lang), _cites(f, lang)])
    return head, rows


def erosion_table(report: AuditReport, language: str = "vi") -> tuple[list[str], list[list[object]]]:
    """The erosion table with raw figures (whole đồng, percent as a number) for spreadsheets."""
    head = erosion_header(language)
    rows: list[list[object]] = [
        [r.document, r.subject, r.amount, r.set_year, Decimal(r.price_ratio), r.real_value,
         Decimal(r.loss_pct), Decimal(r.wage_ratio) if r.wage_ratio else None,
         Decimal(r.base_salary_ratio) if r.base_salary_ratio else None] for r in report.erosion]
    return head, rows


def report_csv(report: AuditReport, language: str = "vi", table: str = "findings") -> str:
    """``findings`` or ``erosion`` as CSV (UTF-8, comma-separated, header in the language)."""
    if table == "findings":
        head, rows = findings_table(report, language)
        body: list[list[object]] = [list(r) for r in rows]
    elif table == "erosion":
        head, body = erosion_table(report, language)
    else:
        raise ValueError(f"unknown table {table!r}; use findings or erosion")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(head)
    writer.writerows(["" if v is None else v for v in row] for row in body)
    return buffer.getvalue()


def report_xlsx(report: AuditReport, path: str | Path, language: str = "vi") -> None:
    """Write an Excel workbook with a findings sheet and an erosion sheet (needs openpyxl)."""
    try:
        openpyxl = importlib.import_module("openpyxl")
    except ImportError:
        raise OptionalDependencyMissing("xlsx", "openpyxl", "xlsx") from None
    lang = _lang(language)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = pick(("Phát hiện", "Findings"), lang)
    head, rows = findings_table(report, lang)
    sheet.append(head)
    for row in rows:
        sheet.append(row)
    erosion = book.create_sheet(pick(("Mất giá trị", "Erosion"), lang))
    ehead, erows = erosion_table(report, lang)
    erosion.append(ehead)
    for erow in erows:
        erosion.append([float(v) if isinstance(v, Decimal) else v for v in erow])
    book.save(str(path))
