"""Money, numbers, percentages and dates in the reader's language (babel locales).

They live with the messages, below every renderer, so that any layer that writes text for
people (comparisons, reports) formats figures the same way.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from ..models.common import Language

_LOCALES = {"vi": "vi_VN", "en": "en_GB"}
_DATE_PATTERNS = {"vi": "'ngày' d 'tháng' M 'năm' y", "en": "d MMMM y"}
_SHORT_DATE_PATTERNS = {"vi": "dd/MM/y", "en": "d MMM y"}


def _lang(language: str) -> str:
    return Language(language).value


def locale_of(language: str) -> str:
    """The babel locale used for ``language`` (``vi_VN`` or ``en_GB``)."""
    return _LOCALES[_lang(language)]


def money(amount: int, language: str = "vi") -> str:
    """Whole đồng as currency in the language's conventions."""
    lang = _lang(language)
    if lang == "en":
        return format_decimal(amount, format="#,##0", locale=_LOCALES[lang]) + " VND"
    return format_currency(amount, "VND", locale=_LOCALES[lang])


def number(value: int | Decimal | str, language: str = "vi") -> str:
    """A number with the language's separators (decimals are kept as given)."""
    return format_decimal(Decimal(str(value)) if isinstance(value, str) else value,
                          format="#,##0.####", locale=locale_of(language))


def percent(fraction: Decimal | str | float, language: str = "vi") -> str:
    """A fraction (``0.05``) as a percentage in the locale's pattern (at most 2 decimals)."""
    value = Decimal(str(fraction)).quantize(Decimal("0.0001")).normalize()
    return format_percent(value, locale=locale_of(language), decimal_quantization=False)


def percent_points(value: Decimal | str | None, language: str = "vi") -> str:
    """A figure already in percent (``"12.5"``) written as ``12,5 %`` / ``12.5%``; ``-`` if absent."""
    if value is None:
        return "-"
    return percent(Decimal(str(value)) / 100, language)


def long_date(day: date, language: str = "vi") -> str:
    """A date written out (Vietnamese: ``ngày 10 tháng 8 năm 2026``)."""
    lang = _lang(language)
    return format_date(day, format=_DATE_PATTERNS[lang], locale=_LOCALES[lang])


def short_date(day: date, language: str = "vi") -> str:
    """A compact date for tables (``10/08/2026``, ``10 Aug 2026``)."""
    lang = _lang(language)
    return format_date(day, format=_SHORT_DATE_PATTERNS[lang], locale=_LOCALES[lang])
