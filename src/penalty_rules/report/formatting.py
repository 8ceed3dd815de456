"""Numbers, money, percentages, dates and trace messages for a language, through babel.

Every text output (assess, audit, coverage, targets, reform, diff) formats figures with
these helpers so that Vietnamese output uses the ``vi`` locale throughout.

>>> from datetime import date
>>> from decimal import Decimal
>>> money(17_500_000, "vi")
'17.500.000\\xa0₫'
>>> money(17_500_000, "en")
'17,500,000 VND'
>>> number(Decimal("0.8137"), "vi"), number(1500, "en")
('0,8137', '1,500')
>>> percent(Decimal("0.05"), "vi"), percent(Decimal("0.015"), "en")
('5%', '1.5%')
>>> long_date(date(2026, 8, 10), "vi")
'ngày 10 tháng 8 năm 2026'
>>> long_date(date(2026, 8, 10), "en")
'10 August 2026'
>>> short_date(date(2026, 8, 10), "vi"), short_date(date(2026, 8, 10), "en")
('10/08/2026', '10 Aug 2026')
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import cache
from typing import Any

from babel.numbers import format_decimal

from ..i18n import PLURAL_FIELDS, flag_text, plural, template, word
from ..i18n import template as message
from ..i18n.numbers import _lang, locale_of
from ..i18n.numbers import long_date as long_date
from ..i18n.numbers import money as money
from ..i18n.numbers import number as number
from ..i18n.numbers import percent as percent
from ..i18n.numbers import percent_points as percent_points
from ..i18n.numbers import short_date as short_date
from ..models.assessment import TraceStep
from ..models.citation import Citation
from ..models.common import Localized


def citation_text(citation: Citation, language: str = "vi") -> str:
    """A citation in the language's form."""
    return citation.format("vi" if _lang(language) == "vi" else "en")


def flags_text(flags: Iterable[str], language: str = "vi") -> str:
    """Flag codes as words, joined (``"chưa kiểm chứng …; có lưu ý khi áp dụng"``)."""
    return "; ".join(flag_text(f, language) for f in flags)


@cache
def _circumstance_labels() -> dict[str, Localized]:
    from ..catalog.loader import bundled_catalog

    return {code: c.label for code, c in bundled_catalog().circumstances.items()}


def circumstance_label(code: str) -> Localized | None:
    """The label of a circumstance code of the bundled catalog (``None`` if unknown)."""
    return _circumstance_labels().get(code)


def _codes_text(value: str, language: str) -> str:
    if value == "-":
        return message("word.none", language)
    parts = []
    for code in value.split(", "):
        label = circumstance_label(code)
        parts.append(label.get(language) if label is not None else word(code, language))
    return "; ".join(parts)


def value_text(key: str, value: Any, language: str) -> str:
    """One message parameter as text."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int) and key.endswith("_vnd"):
        return money(value, language)
    if isinstance(value, int):
        return format_decimal(value, locale=locale_of(language))
    if isinstance(value, date):
        return long_date(value, language)
    if isinstance(value, Citation):
        return citation_text(value, language)
    if isinstance(value, Localized):
        return value.get(language)
    if value is None:
        return "-"
    if key in ("mitigating", "aggravating"):
        return _codes_text(str(value), language)
    if key == "status":
        return message(f"status.{value}", language)
    return word(str(value), language)


def step_sentence(trace_step: TraceStep, language: str = "vi") -> str:
    """The sentence of a trace step alone (no basis, no flags)."""
    lang = _lang(language)
    params = {k: value_text(k, v, lang) for k, v in trace_step.params.items()}
    count_field = PLURAL_FIELDS.get(trace_step.message)
    if count_field is not None and isinstance(trace_step.params.get(count_field), int):
        count = trace_step.params[count_field]
        assert isinstance(count, int)
        text = plural(trace_step.message, count, lang)
    else:
        text = template(trace_step.message, lang)
    return text.format(**params)


def render_step(trace_step: TraceStep, language: str = "vi", *, basis: bool = True) -> str:
    """The sentence of a trace step, with its legal basis and flags in words."""
    lang = _lang(language)
    text = step_sentence(trace_step, lang)
    if basis and trace_step.citations:
        joined = "; ".join(citation_text(c, lang) for c in trace_step.citations)
        text += f" [{message('ui.basis', lang)}: {joined}]"
    if trace_step.flags:
        text += " {" + flags_text(trace_step.flags, lang) + "}"
    return text
