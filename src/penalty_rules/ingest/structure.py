"""Split decree text (plain or Markdown, as published) into chapters, articles, clauses, points.

>>> arts = split_articles('''Chương II
... Điều 7. Giấy phép
... 1. Phạt tiền từ 1.000.000 đồng đến 2.000.000 đồng đối với một trong
... các hành vi sau:
... a) Hành vi một;
... đ) Hành vi sai thứ tự;
... b) Hành vi hai.''')
>>> [(a.number, a.chapter, [(c.number, [p.letter for p in c.points]) for c in a.clauses]) for a in arts]
[('7', 'II', [('1', ['a', 'b'])])]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models.letters import POINT_LETTERS

_CHAPTER = re.compile(r"^(?:#+\s*)?Chương\s+([IVXLC]+)\b")
_SECTION = re.compile(r"^(?:#+\s*)?Mục\s+\d+\s*$")
_ARTICLE = re.compile(r"^(?:#+\s*)?Điều\s+(\d{1,4}[a-z]?)\.\s*(.*)$")
_CLAUSE = re.compile(r"^(\d{1,3}[a-z]?)\.\s+(.*)$")
_POINT = re.compile(r"^([a-zđ])\)\s+(.*)$")


@dataclass
class Point:
    """A point (điểm) with its text."""

    letter: str
    text: str


@dataclass
class Clause:
    """A clause (khoản): its lead-in text and its points."""

    number: str
    text: str
    points: list[Point] = field(default_factory=list)

    @property
    def full_text(self) -> str:
        return " ".join([self.text, *(p.text for p in self.points)])


@dataclass
class Article:
    """An article (Điều) with its heading and clauses."""

    number: str
    title: str
    chapter: str | None
    clauses: list[Clause] = field(default_factory=list)
    preamble: str = ""


def _next_clause(previous: str | None) -> set[str]:
    if previous is None:
        return {"1"}
    digits = previous.rstrip("abcdefghijklmnopqrstuvwxyz")
    n = int(digits)
    return {str(n + 1), f"{n}a", f"{digits}b" if previous.endswith("a") else ""} - {""}


def _next_point(previous: str | None) -> str | None:
    if previous is None:
        return "a"
    i = POINT_LETTERS.index(previous)
    return POINT_LETTERS[i + 1] if i + 1 < len(POINT_LETTERS) else None


def _append(text: str, line: str) -> str:
    return f"{text} {line}".strip() if text else line


def split_articles(text: str) -> list[Article]:
    """Articles in order. Numbered lines out of sequence are read as wrapped text."""
    articles: list[Article] = []
    chapter: str | None = None
    current: Article | None = None
    in_heading = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("---"):
            continue
        m = _CHAPTER.match(line)
        if m:
            chapter, current, in_heading = m[1], None, False
            continue
        if _SECTION.match(line):
            current, in_heading = (current, False)
            continue
        m = _ARTICLE.match(line)
        if m:
            current = Article(number=m[1], title=m[2].strip(), chapter=chapter)
            articles.append(current)
            in_heading = True
            continue
        if current is None:
            continue
        clause = current.clauses[-1] if current.clauses else None
        m = _CLAUSE.match(line)
        if m and m[1] in _next_clause(clause.number if clause else None):
            current.clauses.append(Clause(number=m[1], text=m[2].strip()))
            in_heading = False
            continue
        m = _POINT.match(line)
        if m and clause is not None:
            expected = _next_point(clause.points[-1].letter if clause.points else None)
            if m[1] == expected:
                clause.points.append(Point(letter=m[1], text=m[2].strip()))
                continue
        line = line.lstrip("#").strip()
        if in_heading and (line.startswith(("Phạt", "Mức phạt")) or len(current.title) > 160):
            in_heading = False  # the article states its fine before any numbered clause
        if in_heading:
            current.title = _append(current.title, line)
        elif clause is None:
            current.preamble = _append(current.preamble, line)
        elif clause.points:
            clause.points[-1].text = _append(clause.points[-1].text, line)
        else:
            clause.text = _append(clause.text, line)
    return articles
