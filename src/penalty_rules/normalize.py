"""One text normalisation for every entrance (case files, citations, logs, ingest, catalogs).

Text reaches the library from PDFs, macOS, Excel and chat messages in many byte-level
shapes that a reader sees as the same words. :func:`text` makes them equal before any
parsing:

- Unicode NFC (decomposed accents, as copied from PDFs or macOS, are composed);
- ``Ð`` (U+00D0, Icelandic eth) is read as ``Đ`` (U+0110), which it looks identical to;
- zero-width characters (U+200B–U+200D, U+2060) and the byte-order mark U+FEFF are removed;
- Unicode dashes (U+2010–U+2015, U+2212 minus) become ``-``;
- the no-break space (U+00A0) becomes a plain space.

>>> text("Nghi\\u0323 \\u0111i\\u0323nh 174/2026/\\u00d0\\u200b\\u2010CP") == "Nghị định 174/2026/Đ-CP"
True
"""

from __future__ import annotations

import re
import unicodedata

_TABLE = str.maketrans(
    {
        "\u00d0": "\u0110",  # Ð → Đ
        "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None,
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)  # fmt: skip


# The characters the table changes: ``str.translate`` with a table of this kind costs about
# 80 ns a character (a second for a 10 MB case log), a search for them a fraction of that.
_CHANGED = re.compile("[" + "".join(chr(c) for c in _TABLE) + "]")


_KEYS = tuple(chr(c) for c in _TABLE)


def text(value: str) -> str:
    """``value`` in the library's one normal form (see the module documentation)."""
    # A long text (a whole file) is searched character by character: faster than the class.
    if (any(key in value for key in _KEYS) if len(value) > 4096
            else _CHANGED.search(value) is not None):
        value = value.translate(_TABLE)
    return unicodedata.normalize("NFC", value)


def deep(value: object) -> object:
    """:func:`text` applied to every string (keys included) inside JSON-like data."""
    if isinstance(value, str):
        return text(value)
    if isinstance(value, dict):
        return {deep(k): deep(v) for k, v in value.items()}
    if isinstance(value, list):
        return [deep(v) for v in value]
    return value
