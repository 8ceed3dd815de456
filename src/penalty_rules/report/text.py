"""Plain-text rendering of an assessment, in Vietnamese or English."""

from __future__ import annotations

from ..i18n.messages import pick
from ..models.assessment import AppliedMeasure, Assessment, ViolationAssessment
from ..models.common import Language
from .formatting import citation_text, long_date, money, render_step

_L = {
    "title": ("KẾT QUẢ XÁC ĐỊNH MỨC PHẠT", "PENALTY ASSESSMENT"),
    "offender": ("Người vi phạm", "Offender"),
    "fined_as": ("phạt theo mức của", "fined as"),
    "decided": ("Ngày quyết định", "Decision date"),
    "violation": ("Vi phạm", "Violation"),
    "frame": ("Khung tiền phạt", "Fine frame"),
    "fine": ("Mức phạt đề xuất", "Recommended fine"),
    "interval": ("Khoảng hợp pháp", "Lawful interval"),
    "warning": ("Có thể phạt cảnh cáo", "A warning may be imposed"),
    "limitation": ("Thời hiệu", "Limitation"),
    "expires": ("hết vào", "ends on"),
    "barred": ("ĐÃ HẾT THỜI HIỆU", "TIME-BARRED"),
    "open": ("còn thời hiệu", "not time-barred"),
    "additional": ("Hình thức xử phạt bổ sung", "Additional sanctions"),
    "remedial": ("Biện pháp khắc phục hậu quả", "Remedial measures"),
    "trace": ("Giải thích", "Explanation"),
    "total": ("TỔNG TIỀN PHẠT", "TOTAL FINE"),
    "competent": ("Người có thẩm quyền xử phạt", "Competent to decide"),
    "none": ("không có", "none"),
    "flags": ("Cảnh báo dữ liệu", "Data flags"),
    "months": ("tháng", "months"),
    "years": ("năm", "year(s)"),
    "times": ("lần", "times"),
}


def _t(key: str, lang: str) -> str:
    return pick(_L[key], lang)


def _measure(m: AppliedMeasure, lang: str) -> str:
    text = m.label.get(lang)
    if m.duration is not None:
        text += f" ({m.duration.min_months}–{m.duration.max_months} {_t('months', lang)})"
    if m.condition is not None:
        text += f" — {m.condition.get(lang)}"
    return text


def _violation(v: ViolationAssessment, lang: str) -> list[str]:
    lines = [f"{_t('violation', lang)} {v.index + 1}: {citation_text(v.provision, lang)}",
             f"  {v.label.get(lang)}"]
    if v.act is not None:
        lines.append(f"  – {v.act.get(lang)}")
    if v.fine_min is not None and v.fine_max is not None:
        lines.append(f"  {_t('frame', lang)}: {money(v.fine_min, lang)} – {money(v.fine_max, lang)}")
    if v.fine_interval is not None and v.fine is not None:
        i = v.fine_interval
        left, right = ("(" if i.low_open else "["), (")" if i.high_open else "]")
        lines.append(f"  {_t('interval', lang)}: {left}{money(i.low, lang)}; "
                     f"{money(i.high, lang)}{right}")
        amount = money(v.fine, lang)
        if v.times > 1 and not v.fined_once and v.fine_per_act is not None:
            amount = f"{money(v.fine_per_act, lang)} × {v.times} {_t('times', lang)} = {amount}"
        lines.append(f"  {_t('fine', lang)}: {amount}")
    if v.warning_possible:
        lines.append(f"  {_t('warning', lang)}")
    state = _t("barred", lang) if v.time_barred else _t("open", lang)
    lines.append(f"  {_t('limitation', lang)}: {v.limitation_years} {_t('years', lang)}, "
                 f"{_t('expires', lang)} {long_date(v.limitation_expires_on, lang)} — {state}")
    for key, measures in (("additional", v.additional_sanctions), ("remedial", v.remedial_measures)):
        if measures:
            lines.append(f"  {_t(key, lang)}:")
            lines += [f"    • {_measure(m, lang)}" for m in measures]
    if v.flags:
        lines.append(f"  {_t('flags', lang)}: {', '.join(v.flags)}")
    lines.append(f"  {_t('trace', lang)}:")
    lines += [f"    {n}. {render_step(s, lang)}" for n, s in enumerate(v.trace, 1)]
    return lines


def render_text(assessment: Assessment, language: str = "vi") -> str:
    """The assessment as a readable report."""
    lang = Language(language).value
    a = assessment
    kind = {"vi": {"individual": "cá nhân", "organization": "tổ chức",
                   "household_business": "hộ kinh doanh"},
            "en": {"individual": "individual", "organization": "organisation",
                   "household_business": "household business"}}[lang]
    who = kind[a.offender.kind.value] + (f" ({a.offender.name})" if a.offender.name else "")
    lines = [_t("title", lang), "=" * len(_t("title", lang)),
             f"{_t('offender', lang)}: {who}; {_t('fined_as', lang)} {kind[a.fined_as]}",
             f"{_t('decided', lang)}: {long_date(a.decided_on, lang)}", ""]
    for v in a.violations:
        lines += _violation(v, lang)
        lines.append("")
    lines.append(f"{_t('total', lang)}: {money(a.total_fine, lang)}")
    lines.append(f"{_t('competent', lang)}:")
    if a.competent:
        lines += [f"  • {c.official.get(lang)} — {money(c.cap, lang)} "
                  f"[{citation_text(c.basis, lang)}]" for c in a.competent]
    else:
        lines.append(f"  {_t('none', lang)}")
    lines.append(f"{_t('trace', lang)}:")
    lines += [f"  {n}. {render_step(s, lang)}" for n, s in enumerate(a.trace, 1)]
    return "\n".join(lines) + "\n"
