"""Money, dates and trace messages for a language, formatted with babel.

>>> from datetime import date
>>> money(17_500_000, "vi")
'17.500.000\\xa0₫'
>>> long_date(date(2026, 8, 10), "vi")
'ngày 10 tháng 8 năm 2026'
>>> long_date(date(2026, 8, 10), "en")
'10 August 2026'
"""

from __future__ import annotations

from datetime import date
from typing import Any

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from ..i18n.messages import template, word
from ..models.assessment import TraceStep
from ..models.citation import Citation
from ..models.common import Language, Localized

_LOCALES = {"vi": "vi_VN", "en": "en_GB"}
_DATE_PATTERNS = {"vi": "'ngày' d 'tháng' M 'năm' y", "en": "d MMMM y"}


def _lang(language: str) -> str:
    return Language(language).value


def money(amount: int, language: str = "vi") -> str:
    """Whole đồng as currency in the language's conventions."""
    lang = _lang(language)
    if lang == "en":
        return format_decimal(amount, format="#,##0", locale=_LOCALES[lang]) + " VND"
    return format_currency(amount, "VND", locale=_LOCALES[lang])


def long_date(day: date, language: str = "vi") -> str:
    """A date written out (Vietnamese: ``ngày 10 tháng 8 năm 2026``)."""
    lang = _lang(language)
    return format_date(day, format=_DATE_PATTERNS[lang], locale=_LOCALES[lang])


def citation_text(citation: Citation, language: str = "vi") -> str:
    """A citation in the language's form."""
    return citation.format("vi" if _lang(language) == "vi" else "en")


def value_text(key: str, value: Any, language: str) -> str:
    """One message parameter as text."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int) and key.endswith("_vnd"):
        return money(value, language)
    if isinstance(value, int):
        return format_decimal(value, locale=_LOCALES[_lang(language)])
    if isinstance(value, date):
        return long_date(value, language)
    if isinstance(value, Citation):
        return citation_text(value, language)
    if isinstance(value, Localized):
        return value.get(language)
    if value is None:
        return "-"
    return word(str(value), language)


def render_step(trace_step: TraceStep, language: str = "vi", *, basis: bool = True) -> str:
    """The sentence of a trace step, with its legal basis and flags."""
    lang = _lang(language)
    params = {k: value_text(k, v, lang) for k, v in trace_step.params.items()}
    text = template(trace_step.message, lang).format(**params)
    if basis and trace_step.citations:
        joined = "; ".join(citation_text(c, lang) for c in trace_step.citations)
        text += f" [{'căn cứ' if lang == 'vi' else 'basis'}: {joined}]"
    if trace_step.flags:
        text += " {" + ", ".join(trace_step.flags) + "}"
    return text
