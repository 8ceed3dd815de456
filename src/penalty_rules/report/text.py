"""Plain-text rendering of an assessment, in Vietnamese or English.

The summary comes first and one violation fits on one screen: the frame, the lawful
interval, the recommended fine, the limitation, the measures and any data flags in
words. Competent officials are grouped by level (commune, province, central, specialised
forces), in the order of the lowest sufficient cap; within a level one line per force or
body (the article that empowers it) with its lowest sufficient official; the others only
with ``all_officials=True``. The step-by-step trace follows the summary only with
``explain=True``.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from ..i18n import count_text, template
from ..models.assessment import AppliedMeasure, Assessment, CompetentOfficial, ViolationAssessment
from ..models.common import Language
from .formatting import citation_text, flags_text, long_date, money, render_step


def _t(key: str, lang: str) -> str:
    return template(f"ui.{key}", lang)


def _measure(m: AppliedMeasure, lang: str, siblings: tuple[AppliedMeasure, ...] = ()) -> str:
    text = m.label.get(lang)
    if m.duration is not None:
        low, high = m.duration.min_months, m.duration.max_months
        text += f" ({low}–{count_text('n.months', high, lang)})"
    if m.condition is not None:
        text += f" — {m.condition.get(lang)}"
    main = next((x for x in siblings if x.code == m.alternative_to), None)
    if main is not None:
        text += f" ({_t('fallback', lang)}: {main.label.get(lang)})"
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
            amount = (f"{money(v.fine_per_act, lang)} × {count_text('n.times', v.times, lang)}"
                      f" = {amount}")
        lines.append(f"  {_t('fine', lang)}: {amount}")
    if v.warning_possible:
        lines.append(f"  {_t('warning', lang)}")
    state = _t("barred", lang) if v.time_barred else _t("open", lang)
    lines.append(f"  {_t('limitation', lang)}: {count_text('n.years', v.limitation_years, lang)}, "
                 f"{_t('expires', lang)} {long_date(v.limitation_expires_on, lang)} — {state}")
    for key, measures in (("additional", v.additional_sanctions), ("remedial", v.remedial_measures)):
        if measures:
            lines.append(f"  {_t(key, lang)}:")
            lines += [f"    • {_measure(m, lang, measures)}" for m in measures]
    if v.flags:
        lines.append(f"  {_t('flags', lang)}: {flags_text(v.flags, lang)}")
    return lines


def _group_key(c: CompetentOfficial) -> str:
    return c.basis.article_level().format()


def official_groups(officials: Sequence[CompetentOfficial]) -> list[list[CompetentOfficial]]:
    """Officials grouped by the article that empowers them (one force or body each),
    each group lowest cap first; groups ordered by their lowest sufficient cap.
    """
    ordered = sorted(officials, key=lambda c: (_group_key(c), c.cap))
    groups = [sorted(g, key=lambda c: c.cap) for _, g in groupby(ordered, key=_group_key)]
    return sorted(groups, key=lambda g: (g[0].cap, g[0].basis.sort_key()))


def _official(c: CompetentOfficial, lang: str) -> str:
    line = (f"{c.official.get(lang)} — {_t('up_to', lang)} {money(c.cap, lang)} "
            f"[{citation_text(c.basis, lang)}]")
    if c.condition is not None:
        line += f"; {_t('condition', lang)}: {c.condition.get(lang)}"
    if c.flags:
        line += " {" + flags_text(c.flags, lang) + "}"
    return line


def _competent(a: Assessment, lang: str, all_officials: bool) -> list[str]:
    lines = [f"{_t('competent', lang)}:"]
    if not a.competent:
        return [*lines, f"  {_t('none', lang)}"]
    hidden = 0
    by_level: dict[str, list[list[CompetentOfficial]]] = {}
    for group in official_groups(a.competent):
        by_level.setdefault(group[0].level or "other", []).append(group)
    for level, groups in by_level.items():
        heading = template(f"level.{level}", lang)
        lines.append(f"  {heading[0].upper()}{heading[1:]}:")
        for group in groups:
            shown = group if all_officials else group[:1]
            hidden += len(group) - len(shown)
            lines += [f"    • {_official(c, lang)}" for c in shown]
    if hidden:
        lines.append(f"  … {count_text('n.more_officials', hidden, lang)}")
    return lines


def render_text(assessment: Assessment, language: str = "vi", *, explain: bool = False,
                all_officials: bool = False) -> str:
    """The assessment as a readable report.

    ``explain`` adds the step-by-step reasoning with its legal basis after the summary;
    ``all_officials`` lists every competent official instead of the lowest of each group.
    """
    lang = Language(language).value
    a = assessment
    def kind(value: str) -> str:
        return template(f"kind.{value}", lang)
    who = kind(a.offender.kind.value) + (f" ({a.offender.name})" if a.offender.name else "")
    title = _t("title", lang)
    lines = [title, "=" * len(title),
             f"{_t('offender', lang)}: {who}; {_t('fined_as', lang)} {kind(a.fined_as)}",
             f"{_t('decided', lang)}: {long_date(a.decided_on, lang)}", ""]
    for v in a.violations:
        lines += _violation(v, lang)
        lines.append("")
    lines.append(f"{_t('total', lang)}: {money(a.total_fine, lang)}")
    lines += _competent(a, lang, all_officials)
    if a.flags:
        lines.append(f"{_t('flags', lang)}: {flags_text(a.flags, lang)}")
    if not explain:
        lines += ["", _t("explain_hint", lang)]
        return "\n".join(lines) + "\n"
    for v in a.violations:
        lines += ["", f"{_t('trace_of', lang)} {v.index + 1}:"]
        lines += [f"  {n}. {render_step(s, lang)}" for n, s in enumerate(v.trace, 1)]
    lines += ["", f"{_t('trace_case', lang)}:"]
    steps = [s for s in a.trace if all_officials or s.message != "competence.official"]
    lines += [f"  {n}. {render_step(s, lang)}" for n, s in enumerate(steps, 1)]
    return "\n".join(lines) + "\n"
