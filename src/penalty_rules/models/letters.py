"""The order of point letters (điểm) in Vietnamese legal texts.

Points use the Vietnamese alphabet without f, j, w, z and with đ after d:

>>> POINT_LETTERS[:6]
('a', 'b', 'c', 'd', 'đ', 'e')
>>> letter_index("đ") < letter_index("e")
True
>>> normalize_letter("dd")
'đ'
"""

from __future__ import annotations

POINT_LETTERS: tuple[str, ...] = (
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
    "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
)  # fmt: skip

_INDEX = {letter: i for i, letter in enumerate(POINT_LETTERS)}


def is_point_letter(value: str) -> bool:
    """True if ``value`` is one of :data:`POINT_LETTERS`."""
    return value in _INDEX


def letter_index(value: str) -> int:
    """Position of a point letter in :data:`POINT_LETTERS` (``ValueError`` if unknown)."""
    try:
        return _INDEX[value]
    except KeyError:
        raise ValueError(f"{value!r} is not a Vietnamese point letter") from None


def normalize_letter(value: str) -> str:
    """Lower-case a letter and read the Telex spelling ``dd`` as ``đ``."""
    value = value.strip().lower().replace("Đ", "đ")
    return "đ" if value == "dd" else value
