"""Find provisions by what they are about, in everyday words.

:func:`search` looks for the words of a query in the short own-words labels of
the catalog: the label of each clause (Vietnamese and English) and the label of
each act (point) of a clause. Text is compared after the same folding the
citation parser uses: lower case, without diacritics (a lone *đ* stays *đ*), so
"sim kich hoat san" finds "SIM kích hoạt sẵn".

What is searched and returned
-----------------------------

A hit is a clause, or one point of a clause. A label is a hit when it holds at
least half of the query words, and not only common ones ("và", "hoặc", "of",
"the" …), so a query of four words needs two of them. A point is a hit only when
some query word occurs in its own label; words missing from it may still be
found in its clause's label, which counts for less.

Which provisions take part
--------------------------

Only provisions that apply on ``as_of`` (default: today) are searched: the
document is in force, the clause was not repealed or replaced, and one of its
versions covers the day (:meth:`Catalog.in_force`). If none of those matches
the query, the search is run again over every provision the filters allow, so
that a repealed or not-yet-effective rule can still be found; such hits say
``in_force=False`` and carry no fine frame. The ``document`` and ``sector``
filters are applied first.

The fine frame of a hit (``fine_min``, ``fine_max``) is the one in force on the
day, given only when it is a plain minimum–maximum frame: the clause's frame, or
the point's own frame when the clause states one per point. Per-unit and banded
fines depend on facts of the case, so they are left out (``None``).

How hits are ranked
-------------------

The score of a label is the sum of:

* +1000 when every query word occurs in that one label; for a point, +500
  instead when its label and its clause's label together hold every word;
* +100 for each query word found as a whole word, +60 for one found only as the
  start of a longer word (three letters or more: "sim" finds "SIMs"), and, for
  a point, +40 for a word found only in its clause's label;
* +30 for a point (a hit that names the act itself);
* +5 for each further word of the longest run of query words found in the same
  order and next to each other in the label, at most +25.

The weights are chosen so that covering all the words outweighs everything
else, each word found outweighs the point bonus, and the point bonus outweighs
any phrase bonus. The better of the Vietnamese and the English label counts.
Hits with equal scores come in citation order (document, article, clause,
point), so the result is the same on every run.

>>> from datetime import date
>>> from penalty_rules import load_catalog
>>> hits = search(load_catalog(), "sim kich hoat san", as_of=date(2026, 12, 1), limit=3)
>>> [hit.citation.format("short") for hit in hits]  # doctest: +NORMALIZE_WHITESPACE
['26.4.b 174/2026/NĐ-CP', '34.7.b 174/2026/NĐ-CP', '34.7.c 174/2026/NĐ-CP']
>>> hits[1].act is not None, hits[1].fine_min, hits[1].fine_max
(True, 30000000, 40000000)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from datetime import date

from pydantic import Field

from ..citations.parse import fold
from ..clock import vietnam_today
from ..errors import DocumentNotFound, PenaltyRulesError
from ..models.citation import Citation
from ..models.common import EAGER, VND, Frozen, Localized
from ..models.document import DocumentNumber
from ..models.provision import FineFrame, PointFrames, Provision
from .catalog import Catalog

__all__ = ["SearchError", "SearchHit", "search"]

_WORD = re.compile(r"[0-9a-zđ]+")
_SHORT_NUMBER = re.compile(r"^\s*(\d{1,5})/(\d{4})\s*$")

# Words too common to make a label a hit on their own (they still add to the score).
_COMMON = frozenset({
    "va", "hoac", "cua", "cho", "khi", "voi", "cac", "nhung",
    "the", "of", "or", "and", "to", "for", "in", "on", "by", "with", "a", "an",
})

_ALL = 1000
_ALL_WITH_CLAUSE = 500
_WHOLE = 100
_PREFIX = 60
_IN_CLAUSE = 40
_POINT = 30
_PHRASE_STEP = 5
_PHRASE_MAX = 25
_MIN_PREFIX = 3


class SearchError(PenaltyRulesError, ValueError):
    """A search request is invalid: names the argument and the reason."""

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")


class SearchHit(Frozen):
    """One provision (clause) or one act (point) that matches a search."""

    model_config = Frozen.model_config | EAGER

    citation: Citation = Field(description="the clause, or the point when an act matched")
    text: str = Field(description="the citation written out in Vietnamese")
    label: Localized = Field(description="the clause's label")
    act: Localized | None = Field(default=None, description="the act's label when a point matched")
    document: str = Field(description="number of the document, e.g. 174/2026/NĐ-CP")
    sector: str
    score: int = Field(ge=1)
    in_force: bool = Field(description="False only for hits of the fallback over all provisions")
    fine_min: VND | None = Field(default=None, description="frame minimum on the day, if a plain frame")
    fine_max: VND | None = Field(default=None, description="frame maximum on the day, if a plain frame")


@functools.lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    """The folded words of ``text`` (labels repeat from one search to the next: cached)."""
    return tuple(_WORD.findall(fold(text)))


class _Query:
    """The folded query words, with a memo of which label words each one matches."""

    def __init__(self, words: Sequence[str]) -> None:
        self.words = tuple(words)
        self.wanted = frozenset(self.words)
        self._memo: dict[str, frozenset[str]] = {}

    def matched_by(self, label_word: str) -> frozenset[str]:
        """The query words ``label_word`` matches: itself, or words it starts with (3+ letters)."""
        found = self._memo.get(label_word)
        if found is None:
            found = frozenset(
                q for q in self.wanted
                if q == label_word or (len(q) >= _MIN_PREFIX and label_word.startswith(q))
            )
            self._memo[label_word] = found
        return found


class _Match:
    """How the query words occur in one label."""

    def __init__(self, query: _Query, label: Sequence[str]) -> None:
        self.whole = query.wanted.intersection(label)
        self.found = set(self.whole).union(*(query.matched_by(w) for w in label))
        self.prefix = self.found - self.whole
        self.run = _longest_run(query, label) if self.found else 0

    def score(self) -> int:
        return _WHOLE * len(self.whole) + _PREFIX * len(self.prefix) + _phrase(self.run)


def _longest_run(query: _Query, label: Sequence[str]) -> int:
    """Length of the longest run of query words matched, in order, by adjacent label words."""
    words = query.words
    best = 0
    # runs[i]: length of the run ending at query word i and the previous label word.
    runs = [0] * len(words)
    for label_word in label:
        matched = query.matched_by(label_word)
        current = [0] * len(words)
        for i, word in enumerate(words):
            if word in matched:
                current[i] = (runs[i - 1] if i else 0) + 1
                best = max(best, current[i])
        runs = current
    return best


def _phrase(run: int) -> int:
    return min(_PHRASE_STEP * max(run - 1, 0), _PHRASE_MAX)


def _significant(found: AbstractSet[str], query: AbstractSet[str]) -> bool:
    """True if the found words are more than common words (unless the query is only those)."""
    return bool(found - _COMMON) or (bool(found) and query <= _COMMON)


def _enough(found: AbstractSet[str], query: AbstractSet[str]) -> bool:
    """True if at least half of the query words were found."""
    return 2 * len(found) >= len(query)


def _clause_score(query: _Query, label: Localized) -> tuple[int, dict[str, _Match]]:
    wanted = query.wanted
    best = 0
    matches: dict[str, _Match] = {}
    for language in ("vi", "en"):
        match = _Match(query, _words(label.get(language)))
        matches[language] = match
        if not _significant(match.found, wanted) or not _enough(match.found, wanted):
            continue
        score = match.score() + (_ALL if match.found == wanted else 0)
        best = max(best, score)
    return best, matches


def _point_score(query: _Query, label: Localized, clause: dict[str, _Match]) -> int:
    wanted = query.wanted
    best = 0
    for language in ("vi", "en"):
        match = _Match(query, _words(label.get(language)))
        if not _significant(match.found, wanted):
            continue
        from_clause = clause[language].found - match.found
        if not _enough(match.found | from_clause, wanted):
            continue
        score = match.score() + _IN_CLAUSE * len(from_clause) + _POINT
        if match.found == wanted:
            score += _ALL
        elif match.found | from_clause == wanted:
            score += _ALL_WITH_CLAUSE
        best = max(best, score)
    return best


def _frame(provision: Provision, point: str | None, day: date) -> tuple[int | None, int | None]:
    version = provision.version_on(day)
    fine = version.fine if version is not None else None
    if isinstance(fine, FineFrame):
        return fine.min, fine.max
    if isinstance(fine, PointFrames) and point is not None:
        frame = fine.frame(point)
        if frame is not None:
            return frame.min, frame.max
    return None, None


def _hits(query: _Query, provisions: Iterable[Provision], day: date,
          in_force: bool) -> list[SearchHit]:
    hits: list[SearchHit] = []
    for provision in provisions:
        clause_score, matches = _clause_score(query, provision.label)
        found: list[tuple[str | None, Localized, Localized | None, int]] = []
        if clause_score:
            found.append((None, provision.label, None, clause_score))
        for act in provision.acts:
            score = _point_score(query, act.label, matches)
            if score:
                found.append((act.point, provision.label, act.label, score))
        for point, label, act_label, score in found:
            citation = provision.citation.model_copy(update={"point": point})
            low, high = _frame(provision, point, day) if in_force else (None, None)
            hits.append(SearchHit(
                citation=citation, text=citation.format(), label=label, act=act_label,
                document=str(provision.document), sector=provision.sector, score=score,
                in_force=in_force, fine_min=low, fine_max=high,
            ))
    return hits


def _document(catalog: Catalog, document: str | DocumentNumber) -> DocumentNumber:
    known = sorted(catalog.entries)
    if isinstance(document, DocumentNumber):
        number = document
    else:
        short = _SHORT_NUMBER.match(document)
        if short:
            prefix = f"{int(short[1])}/{short[2]}/"
            found = [key for key in known if key.startswith(prefix)]
            if not found:
                raise DocumentNotFound(document.strip(), known)
            if len(found) > 1:
                raise SearchError(
                    "document", f"{document.strip()!r} is ambiguous: {', '.join(found)}; give the full number"
                )
            return catalog.document(found[0]).number
        try:
            number = DocumentNumber.parse(document)
        except ValueError:
            raise DocumentNotFound(document.strip(), known) from None
    return catalog.document(number).number


def search(catalog: Catalog, text: str, *, document: str | DocumentNumber | None = None,
           sector: str | None = None, as_of: date | None = None, limit: int = 10) -> list[SearchHit]:
    """Provisions whose labels match ``text``, best first (at most ``limit``).

    ``document`` keeps one document (``"174/2026/NĐ-CP"`` or the short
    ``"174/2026"``); an unknown one raises :class:`~penalty_rules.DocumentNotFound`.
    ``sector`` keeps one sector code; an unknown code raises :class:`SearchError`
    naming the known codes, as does an empty query or a ``limit`` below 1.
    See the module documentation for what is searched and how hits are ranked.
    """
    if not isinstance(text, str):
        raise TypeError(f"the query must be a string, not {type(text).__name__}")
    if not text.strip():
        raise SearchError("text", "the query is empty; give words to look for")
    words = list(dict.fromkeys(_words(text)))
    if not words:
        raise SearchError("text", f"the query {text!r} holds no letters or digits to look for")
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise SearchError("limit", f"must be a whole number of at least 1, not {limit!r}")
    if sector is not None and sector not in catalog.sectors:
        raise SearchError(
            "sector", f"unknown sector {sector!r}; known: {', '.join(sorted(catalog.sectors))}"
        )
    number = _document(catalog, document) if document is not None else None
    day = as_of if as_of is not None else vietnam_today()
    pool = [
        p for p in catalog.provisions.values()
        if (number is None or p.document == number) and (sector is None or p.sector == sector)
    ]
    current = [p for p in pool if catalog.in_force(p, day)]
    query = _Query(words)
    hits = _hits(query, current, day, in_force=True)
    if not hits:
        hits = _hits(query, [p for p in pool if not catalog.in_force(p, day)], day, in_force=False)
    hits.sort(key=lambda hit: (-hit.score, hit.citation.sort_key()))
    return hits[:limit]
