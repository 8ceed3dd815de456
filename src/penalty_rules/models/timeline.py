"""One shape for every dated value: a :class:`Timeline` of entries with start dates.

The law changes on given days. Every dated thing in the catalog — a provision's
wordings, a sector's maximum fine and limitation period, a fine scheme, a legal
principle, an official's competence, a price index — is a timeline: entries with
strictly increasing start dates (``valid_from``), each in force from its start up to
the day the next one starts. Intervals are half-open, ``[start, next start)``, so no
end date is ever written by hand and two entries can never overlap. An entry may be
a :class:`Repeal`: from that day nothing is in force.

>>> from datetime import date
>>> class Rate(Dated):
...     percent: int
>>> rates = Timeline([Rate(valid_from=date(2020, 1, 1), percent=5),
...                   Rate(valid_from=date(2022, 1, 1), percent=7),
...                   Repeal(valid_from=date(2025, 7, 1))])
>>> rates.at(date(2021, 12, 31)).percent, rates.at(date(2022, 1, 1)).percent
(5, 7)
>>> rates.at(date(2019, 12, 31)) is None, rates.at(date(2025, 7, 1)) is None
(True, True)
>>> [(str(s.start), str(s.stop)) for s in rates.spans()]
[('2020-01-01', '2022-01-01'), ('2022-01-01', '2025-07-01')]
>>> Timeline([Rate(valid_from=date(2022, 1, 1), percent=7),
...           Rate(valid_from=date(2022, 1, 1), percent=8)])
Traceback (most recent call last):
...
ValueError: timeline start dates must strictly increase: 2022-01-01 is followed by 2022-01-01
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import Any, Generic, Literal, NamedTuple, TypeVar, get_args

from dateutil.relativedelta import relativedelta
from pydantic import Field, GetCoreSchemaHandler
from pydantic_core import core_schema

from .common import Frozen, Provenance


class Dated(Frozen):
    """An entry of a timeline: in force from ``valid_from`` until the next entry starts."""

    valid_from: date = Field(description="first day in force (the entry runs until the next one)")


class Repeal(Dated):
    """A timeline entry saying that, from ``valid_from``, nothing is in force."""

    repealed: Literal[True] = Field(default=True, description="always true: the entry ends what came before")
    basis: str | None = Field(default=None, description="the clause that ended it, as written")
    provenance: Provenance | None = Field(default=None, description="where it comes from")


D = TypeVar("D", bound=Dated)


class Span(NamedTuple, Generic[D]):
    """An entry with its half-open interval ``[start, stop)``; ``stop`` ``None`` = open."""

    start: date
    stop: date | None
    value: D

    @property
    def last_day(self) -> date | None:
        """The last day in force (``stop`` minus one day), ``None`` when open."""
        return None if self.stop is None else self.stop - timedelta(days=1)

    def covers(self, day: date) -> bool:
        """True if ``day`` lies in the span."""
        return self.start <= day and (self.stop is None or day < self.stop)


class Timeline(Generic[D]):
    """Entries with strictly increasing start dates; see the module docstring.

    A timeline is immutable and hashable-free (it holds models); pydantic models may
    declare fields of type ``Timeline[X]``: a list of ``X`` (or :class:`Repeal`) entries
    validates into a timeline, and a timeline serialises back to that list.
    """

    __slots__ = ("_entries", "_starts")

    def __init__(self, entries: Iterable[D | Repeal] = ()) -> None:
        items = tuple(entries)
        for before, after in itertools.pairwise(items):
            if not before.valid_from < after.valid_from:
                raise ValueError(
                    "timeline start dates must strictly increase: "
                    f"{before.valid_from} is followed by {after.valid_from}"
                )
        self._entries: tuple[D | Repeal, ...] = items
        self._starts: tuple[date, ...] = tuple(e.valid_from for e in items)

    # -- reading ----------------------------------------------------------------------
    def at(self, day: date) -> D | None:
        """The entry in force on ``day``; ``None`` before the first start or when repealed."""
        i = bisect.bisect_right(self._starts, day) - 1
        if i < 0:
            return None
        entry = self._entries[i]
        return None if isinstance(entry, Repeal) else entry

    def span_at(self, day: date) -> Span[D] | None:
        """The span in force on ``day`` (``None`` as for :meth:`at`)."""
        i = bisect.bisect_right(self._starts, day) - 1
        if i < 0 or isinstance(self._entries[i], Repeal):
            return None
        return self._span(i)

    def spans(self) -> Iterator[Span[D]]:
        """Every entry in force at some time, with its interval, in date order."""
        for i, entry in enumerate(self._entries):
            if not isinstance(entry, Repeal):
                yield self._span(i)

    def span_of(self, entry: D) -> Span[D]:
        """The interval of ``entry`` (``ValueError`` if it is not in this timeline)."""
        for i, item in enumerate(self._entries):
            if item is entry:
                return self._span(i)
        raise ValueError("the entry is not in this timeline")

    def starting_in(self, after: date, until: date) -> list[Span[D]]:
        """Spans that start after ``after`` and on or before ``until``."""
        starts, entries = self._starts, self._entries
        first = bisect.bisect_right(starts, after)
        last = bisect.bisect_right(starts, until)
        return [self._span(i) for i in range(first, last) if not isinstance(entries[i], Repeal)]

    @property
    def values(self) -> tuple[D, ...]:
        """The entries in force at some time (repeals left out), in date order."""
        return tuple(e for e in self._entries if not isinstance(e, Repeal))

    @property
    def entries(self) -> tuple[D | Repeal, ...]:
        """Every entry, repeals included."""
        return self._entries

    @property
    def start(self) -> date | None:
        """The first start date (``None`` for an empty timeline)."""
        return self._starts[0] if self._starts else None

    @property
    def end(self) -> date | None:
        """The first day nothing is in force any more (a final repeal), else ``None``."""
        if self._entries and isinstance(self._entries[-1], Repeal):
            return self._entries[-1].valid_from
        return None

    def _span(self, i: int) -> Span[D]:
        stop = self._starts[i + 1] if i + 1 < len(self._starts) else None
        entry = self._entries[i]
        assert not isinstance(entry, Repeal)
        return Span(self._starts[i], stop, entry)

    # -- building ---------------------------------------------------------------------
    def clipped(self, start: date | None = None, end: date | None = None) -> Timeline[D]:
        """This timeline seen between ``start`` and ``end`` (exclusive).

        Nothing is in force before ``start`` (an entry running on that day now starts
        then) and from ``end`` on (a :class:`Repeal` is added). Used to combine a
        provision's wordings with its document's dates and repeals.
        """
        out: list[D | Repeal] = []
        for i, entry in enumerate(self._entries):
            stop = self._starts[i + 1] if i + 1 < len(self._starts) else None
            if start is not None and stop is not None and stop <= start:
                continue
            if end is not None and entry.valid_from >= end:
                break
            if start is not None and entry.valid_from < start:
                entry = entry.model_copy(update={"valid_from": start})
            out.append(entry)
        if end is not None and (not out or not isinstance(out[-1], Repeal)):
            out.append(Repeal(valid_from=end))
        return Timeline(out)

    # -- container protocol --------------------------------------------------------------
    def __iter__(self) -> Iterator[D]:
        return iter(self.values)

    def __len__(self) -> int:
        return len(self.values)

    def __getitem__(self, index: int) -> D:
        return self.values[index]

    def __bool__(self) -> bool:
        return bool(self._entries)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Timeline) and self._entries == other._entries

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Timeline({list(self._entries)!r})"

    # -- pydantic ----------------------------------------------------------------------
    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any,
                                     handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        args = get_args(source)
        item: Any = args[0] if args else Dated
        entry_schema = handler.generate_schema(item | Repeal)
        from_list = core_schema.no_info_after_validator_function(
            _from_list, core_schema.list_schema(entry_schema))
        return core_schema.json_or_python_schema(
            json_schema=from_list,
            python_schema=core_schema.no_info_before_validator_function(_entries_of, from_list),
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda t: list(t.entries),
                return_schema=core_schema.list_schema(entry_schema)),
        )


def _entries_of(value: Any) -> Any:
    return list(value.entries) if isinstance(value, Timeline) else value


def _from_list(items: Sequence[Any]) -> Timeline[Any]:
    return Timeline(items)


def add_years(day: date, years: int) -> date:
    """``day`` plus whole years; 29 February maps to 28 February.

    >>> add_years(date(2024, 2, 29), 1)
    datetime.date(2025, 2, 28)
    """
    return day + relativedelta(years=years)
