"""Messages in Vietnamese and English, kept in gettext catalogs.

The catalogs are ``locale/<lang>/LC_MESSAGES/penalty_rules.po``; message ids are stable
keys (``time.ended``, ``flag.UNVERIFIED_MEMORY``, ``n.years`` …) and every key is
translated in both languages with the same ``str.format`` fields. A wheel ships the
``.po`` files compiled to ``.mo`` by the build (see ``setup.py``); when no up-to-date
``.mo`` is there (an editable install, a source checkout), the ``.po`` file is compiled
in memory with ``babel.messages`` on first use.

>>> template("time.ended", "en")
'The act ended on {day}: the rule in force on that day applies.'
>>> plural("n.years", 1, "en"), plural("n.years", 2, "en"), plural("n.years", 2, "vi")
('{n} year', '{n} years', '{n} năm')
>>> flag_text("UNVERIFIED_MEMORY", "en")
'unverified (from memory, no source confirms it)'
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path
from typing import Final

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from ..models.common import Language

DOMAIN: Final = "penalty_rules"
LOCALE_DIR: Final = Path(__file__).resolve().parent / "locale"

#: Trace messages whose form depends on a number: the key and the counting field.
PLURAL_FIELDS: Final[dict[str, str]] = {
    "limitation.period": "years",
    "fine.times_separate": "times",
}


def _po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(language: Language | str) -> gettext.GNUTranslations:
    """The compiled catalog of ``language`` (``"vi"`` or ``"en"``)."""
    lang = Language(language).value
    po = _po_path(lang)
    mo = po.with_suffix(".mo")
    if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
        with mo.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    with po.open("rb") as fh:
        catalog = read_po(fh, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def has(key: str, language: Language | str = "vi") -> bool:
    """True if ``key`` is in the catalog of ``language``."""
    return translations(language).gettext(key) != key


def template(key: str, language: Language | str) -> str:
    """The text of ``key`` in ``language``; ``KeyError`` if the catalog lacks it."""
    text = translations(language).gettext(key)
    if text == key:
        raise KeyError(key)
    return text


def plural(key: str, count: int, language: Language | str) -> str:
    """The text of plural message ``key`` for ``count`` (through ``ngettext``)."""
    text = translations(language).ngettext(key, key, count)
    if text == key:
        raise KeyError(key)
    return text


def count_text(key: str, count: int, language: Language | str) -> str:
    """A counted phrase such as ``1 year`` / ``2 years`` / ``2 năm`` (``key`` like ``n.years``).

    >>> count_text("n.years", 1, "en"), count_text("n.months", 6, "vi")
    ('1 year', '6 tháng')
    """
    return plural(key, count, language).format(n=count)


def word(key: str, language: Language | str) -> str:
    """A translated word (``word.<key>``), falling back to ``key`` itself."""
    text = translations(language).gettext(f"word.{key}")
    return key if text == f"word.{key}" else text


def flag_text(code: str, language: Language | str) -> str:
    """The words for flag ``code``, falling back to the code itself."""
    text = translations(language).gettext(f"flag.{code}")
    return code if text == f"flag.{code}" else text


def keys(language: Language | str = "vi") -> list[str]:
    """Every message key in the ``.po`` catalog of ``language`` (for tests and tools)."""
    with _po_path(Language(language).value).open("rb") as fh:
        catalog = read_po(fh)
    return [m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id]


__all__ = ["DOMAIN", "LOCALE_DIR", "PLURAL_FIELDS", "count_text", "flag_text", "has", "keys",
           "plural", "template", "translations", "word"]
