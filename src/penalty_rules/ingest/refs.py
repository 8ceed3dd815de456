"""Cross-references inside a decree: "điểm b khoản 4 Điều này", "các khoản 1 và 2 Điều này".

>>> read_refs("các điểm a, b và d khoản 1 Điều này")
[('1', 'a'), ('1', 'b'), ('1', 'd')]
>>> read_refs("khoản 2, điểm a khoản 3, khoản 4, các điểm a và b khoản 7 và khoản 10 Điều này")
[('2', None), ('3', 'a'), ('4', None), ('7', 'a'), ('7', 'b'), ('10', None)]
>>> read_refs("khoản 1 và khoản 2 Điều này")
[('1', None), ('2', None)]
"""

from __future__ import annotations

import re

_POINTS = re.compile(
    r"(?:các\s+)?điểm\s+((?:[a-zđ])(?:\s*(?:,|và)\s*[a-zđ])*)\s+khoản\s+(\d+[a-z]?)"
)
_CLAUSES = re.compile(r"(?:các\s+)?khoản\s+(\d+[a-z]?(?:\s*(?:,|và|và khoản|, khoản)\s*\d+[a-z]?)*)")
_TARGET = re.compile(r"quy định tại\s+(.+?)\s+Điều này")


def read_refs(text: str) -> list[tuple[str, str | None]]:
    """(clause, point) pairs named in ``text``, in order of appearance."""
    found: list[tuple[int, str, str | None]] = []
    rest = text
    for m in _POINTS.finditer(text):
        for letter in re.split(r"\s*(?:,|và)\s*", m[1]):
            found.append((m.start(), m[2], letter.strip()))
        rest = rest[: m.start()] + " " * (m.end() - m.start()) + rest[m.end():]
    for m in _CLAUSES.finditer(rest):
        for number in re.findall(r"\d+[a-z]?", m[1]):
            found.append((m.start(), number, None))
    found.sort(key=lambda item: item[0])
    out: list[tuple[str, str | None]] = []
    for _, clause, point in found:
        if (clause, point) not in out:
            out.append((clause, point))
    return out


def targets(text: str) -> list[tuple[str, str | None]] | None:
    """The parts of this article a sanction or remedy applies to (``None`` if none named)."""
    m = _TARGET.search(text)
    if m is None:
        return None
    return read_refs(m[1]) or None
