"""Compatibility helpers for modules that keep their own ``(vi, en)`` pairs.

The library's messages live in the gettext catalogs of :mod:`penalty_rules.i18n`;
this module keeps :func:`pick` for code that still holds pairs inline.
"""

from __future__ import annotations

from . import template, word


def pick(pair: tuple[str, str], language: str) -> str:
    """The Vietnamese or English member of a ``(vi, en)`` pair."""
    return pair[0] if language == "vi" else pair[1]


__all__ = ["pick", "template", "word"]
