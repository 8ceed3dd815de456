"""Per-catalog memo tables for results that only the rules determine.

A stage result that depends on the catalog's rules and on a few facts of a case (the
provision and wording applied, the point, the offender's base, the circumstances named)
is the same for every case with those facts. Such results are kept here, per catalog, in
tables keyed on exactly the inputs that determine them; the case's own dates never form
part of a key unless a result shows them.

Dates enter a key as an *epoch* (:func:`law_epoch`): the index of the last date, among
every start date of the catalog's general timelines (principles, fine schemes, sector
maxima and limitation periods, competence), on or before the day. Two days of the same
epoch see the same entry of each of those timelines, so a result that reads them on one
day holds on the other.

The tables live in the catalog's own ``__dict__``: a catalog built from other files (a
user override) has its own, and they go when the catalog goes. Each table is bounded
(cleared when full) so a long-running service cannot grow without end.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from ..catalog.catalog import Catalog

#: Entries a table holds before it is cleared.
LIMIT = 16_384

_TABLES = "_stage_memos"
_T = TypeVar("_T")


def table(catalog: Catalog, name: str) -> dict[Any, Any]:
    """The memo table ``name`` of ``catalog`` (created empty on first use)."""
    try:
        return catalog.__dict__[_TABLES][name]  # type: ignore[no-any-return]
    except KeyError:
        return catalog.__dict__.setdefault(_TABLES, {}).setdefault(name, {})  # type: ignore[no-any-return]


def remember(memo: dict[Any, Any], key: Any, value: Any) -> Any:
    """Store ``value`` under ``key`` (clearing a full table first); return ``value``."""
    if len(memo) >= LIMIT:
        memo.clear()
    memo[key] = value
    return value


def shared(catalog: Catalog, key: tuple[Any, ...], refs: tuple[object, ...],
           make: Callable[[], _T]) -> _T:
    """One immutable value (trace steps) for every assessment that would build it alike.

    ``key`` holds the values the result shows, with the catalog objects it cites by
    identity (``id``); ``refs`` are those objects, kept with the value so that an
    identity is never mistaken for another's. A long case log repeats the same dates:
    its steps are then shared instead of built again for each act.
    """
    memo = table(catalog, "steps")
    known = memo.get(key)
    if known is not None and known[0] == refs:  # the same objects (or equal ones)
        return known[1]  # type: ignore[no-any-return]
    value = make()
    remember(memo, key, (refs, value))
    return value


def clear(catalog: Catalog) -> None:
    """Forget every memo of ``catalog`` (tests compare memoized and fresh answers)."""
    catalog.__dict__.pop(_TABLES, None)
    catalog.__dict__.pop("_competent_answers", None)


def _law_starts(catalog: Catalog) -> tuple[date, ...]:
    found: set[date] = set()
    for principle in catalog.principles.values():
        found.update(entry.valid_from for entry in principle.entries)
    for scheme in catalog.schemes:
        found.add(scheme.valid_from)
    for sector in catalog.sectors.values():
        found.update(entry.valid_from for entry in sector.maxima.entries)
        found.update(entry.valid_from for entry in sector.limitation.entries)
    for competence in catalog.competence_timelines.values():
        found.update(entry.valid_from for entry in competence.entries)
    return tuple(sorted(found))


def law_epoch(catalog: Catalog, day: date) -> int:
    """The epoch of ``day`` for the catalog's general timelines (see the module docstring)."""
    try:
        starts: tuple[date, ...] = catalog.__dict__["_law_starts"]
    except KeyError:
        starts = catalog.__dict__.setdefault("_law_starts", _law_starts(catalog))
    return bisect.bisect_right(starts, day)


def principles_on(catalog: Catalog, day: date) -> dict[str, Any]:
    """Every principle in force on ``day``: code → (principle, its citation), shared by
    every day of the same epoch (a principle's citation is built once)."""
    memo = table(catalog, "principles")
    epoch = law_epoch(catalog, day)
    found: dict[str, Any] | None = memo.get(epoch)
    if found is None:
        found = {}
        for code, timeline in catalog.principles.items():
            principle = timeline.at(day)
            if principle is not None:
                found[code] = (principle, principle.citation)
        remember(memo, epoch, found)
    return found
