"""Assess a whole case log at once: columns in, columns out (optional extra ``[batch]``).

:func:`assess_table` takes a table of one-violation cases — a pandas DataFrame, a
pyarrow Table or a mapping of columns — and returns the same kind of table with, for
every row, the document and provision applied, the frame (``fine_min``, ``fine_max``),
the specific ``fine``, ``time_barred``, ``limitation_expires_on`` and ``error``. Each row
gets the answer :func:`~penalty_rules.assess` gives for the same case; a bad row gets
its error text and never fails the table.

How it is fast: nothing in the catalog changes between two consecutive dates on which
some rule of the cited provision starts or ends (its wordings, its documents, the
sector maximum and limitation period, the fine scheme, the listed parts, a transition).
Rows citing the same text, for the same kind of offender, whose days fall between the
same such dates (and, for fines that depend on them, with the same quantity or value)
get the same frame and rules, so the engine runs once per such group; the circumstances,
the specific fine, repetitions and the time bar are then computed for all rows at once
with numpy, in exact int64 money. Rows the vectorised path does not cover (a code list
naming ``repeated``, a citation without a document that several documents match, a
limitation running past the calendar, an error that depends on the row's own dates) are
assessed one by one with :func:`~penalty_rules.assess`. A typed table whose every row
passes a case's checks is answered by the fast path (:mod:`.fast`: a few passes over
its columns, every output column one lookup by group); any other by the general path
below. What both share (the rules of a group, the memo per catalog) is in :mod:`.groups`.

Output types (pandas): ``document`` and ``provision`` categorical, ``fine_min``,
``fine_max`` and ``fine`` nullable ``Int64``, ``time_barred`` nullable ``boolean``,
``limitation_expires_on`` ``datetime64[s]``, ``error`` text or ``None`` (object). From a
pyarrow Table: dictionary text, int64, bool, ``timestamp[s]`` and string, with nulls.

Input columns: ``provision`` (a citation in any accepted form), ``offender_kind``,
``committed_on``, ``ended_on`` (empty while ongoing), ``detected_on``, ``decided_on``
(empty: ``today``), ``mitigating`` and ``aggravating`` (counts, or lists of codes),
``quantity``, ``goods_value``, ``illegal_profit`` and ``times`` (all optional).
Typed columns (categorical or string text, ``datetime64`` dates, integer counts — as
read from Parquet) take the fast path; object columns of Python values work too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ..catalog.catalog import Catalog
from ..errors import CaseError, PenaltyRulesError
from ..models.case import MAX_MONEY, MAX_QUANTITY, MAX_TIMES, MAX_YEAR, MIN_YEAR, ViolationFact
from ..models.circumstance import CircumstanceKind
from ..models.offender import FineBase
from .groups import (
    _DATES,
    _FAR,
    _INTS,
    _NAT,
    _NULL,
    _add_years,
    _codes_of,
    _factorize,
    _fined_as,
    _group_answer,
    _memos,
    _need_numpy,
    _need_pandas,
    _resolved,
    _specific,
)
from .groups import _MEMOS as _MEMOS  # what is remembered per catalog (cleared by benchmarks)

if TYPE_CHECKING:
    import numpy as np  # type: ignore[import-not-found, unused-ignore]

    from .fast import FastResult

    Array = np.ndarray[Any, Any]
else:
    Array = Any

__all__ = ["OUTPUT_COLUMNS", "assess_table", "row_case"]

#: The columns :func:`assess_table` returns, in order.
OUTPUT_COLUMNS = ("document", "provision", "fine_min", "fine_max", "fine", "time_barred",
                  "limitation_expires_on", "error")

# -- reading the table ------------------------------------------------------------------------
@dataclass
class _Columns:
    """The input as numpy columns: days as int64 numbers, ``unit`` of them a day
    (``_NAT`` days when empty); integers ``_NULL`` when empty."""

    n: int
    provision_codes: Array
    provision_texts: list[Any]
    kind_codes: Array
    kind_texts: list[Any]
    days: dict[str, Array]
    bad_day: dict[str, Array]
    ints: dict[str, Array]
    bad_int: dict[str, Array]
    mitigating: Array | None
    aggravating: Array | None
    fallback: Array
    present: frozenset[str]
    unit: int


def _day_numbers(values: Any, n: int) -> tuple[Array, Array]:
    """Days as numbers and how many make a day, or (object columns) day numbers and a
    mask of the values that are not dates. Empty: ``_NAT`` days."""
    pd = _need_pandas()

    np = _need_numpy()
    if values is None:
        return np.broadcast_to(np.int64(_NAT), (n,)), np.zeros(n, dtype=bool)
    arr = values.to_numpy() if isinstance(values, pd.Series) else values
    if isinstance(arr, np.ndarray) and arr.dtype.kind == "M":
        unit, step = np.datetime_data(arr.dtype)
        per_day = {"D": 1, "h": 24, "m": 1440, "s": 86_400, "ms": 86_400_000,
                   "us": 86_400_000_000, "ns": 86_400_000_000_000}.get(unit)
        if per_day is None or step != 1:
            arr = arr.astype("datetime64[s]")
            per_day = 86_400
        return arr.view(np.int64), np.int64(per_day)
    seq = list(arr)
    out = np.empty(n, dtype=np.int64)
    bad = np.zeros(n, dtype=bool)
    epoch = date(1970, 1, 1).toordinal()
    for i, value in enumerate(seq):
        if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
            out[i] = _NAT
        elif isinstance(value, date):  # datetime is a date too: its day counts
            out[i] = value.toordinal() - epoch
        elif isinstance(value, str):
            try:
                out[i] = date.fromisoformat(value).toordinal() - epoch
            except ValueError:
                out[i], bad[i] = _NAT, True
        else:
            try:
                out[i] = pd.Timestamp(value).date().toordinal() - epoch
            except (ValueError, TypeError):
                out[i], bad[i] = _NAT, True
    return out, bad


def _integers(values: Any, n: int, default: int) -> tuple[Array, Array]:
    """Integers (``_NULL`` when empty) and a mask of values that are not whole numbers."""
    pd = _need_pandas()

    np = _need_numpy()
    if values is None:  # an absent column costs nothing
        return (np.broadcast_to(np.int64(default), (n,)),
                np.broadcast_to(np.False_, (n,)))
    if isinstance(values, pd.Series):
        if isinstance(values.dtype, pd.api.extensions.ExtensionDtype):
            if pd.api.types.is_integer_dtype(values.dtype):  # Int64 and friends: NA = empty
                return (values.to_numpy(dtype=np.int64, na_value=default),
                        np.zeros(n, dtype=bool))
        elif values.dtype.kind in "iu":
            return values.to_numpy(dtype=np.int64), np.zeros(n, dtype=bool)
        values = values.to_numpy(dtype=object)
    if isinstance(values, np.ndarray) and values.dtype.kind in "iu":
        return values.astype(np.int64), np.zeros(n, dtype=bool)
    out = np.empty(n, dtype=np.int64)
    bad = np.zeros(n, dtype=bool)
    for i, value in enumerate(values):
        if value is None or value is pd.NA or (isinstance(value, float) and value != value):
            out[i] = default
        elif isinstance(value, bool) or not isinstance(value, int | np.integer):
            out[i], bad[i] = default, True  # money and counts are whole numbers, never floats
        elif _fits(value):
            out[i] = int(value)
        else:
            out[i], bad[i] = default, True  # an absurd number: assess names the problem
    return out, bad


def _fits(value: Any) -> bool:
    """A whole number a column of int64 can hold."""
    return -(2**63) <= int(value) < 2**63


def _column(table: Mapping[str, Any], name: str) -> Any:
    return table.get(name)


def _read(table: Mapping[str, Any], n: int, catalog: Catalog) -> _Columns:
    np = _need_numpy()
    if _column(table, "provision") is None:
        raise ValueError("the table needs a 'provision' column (the citation of each row)")
    provision_codes, provision_texts = _factorize(table["provision"])
    kinds = _column(table, "offender_kind")
    if kinds is None:
        raise ValueError("the table needs an 'offender_kind' column "
                         "(individual, organization or household_business)")
    kind_codes, kind_texts = _factorize(kinds)
    days: dict[str, Array] = {}
    bad_day: dict[str, Array] = {}
    per_day: dict[str, int] = {}
    for name in _DATES:
        days[name], second = _day_numbers(_column(table, name), n)
        if second.ndim == 0:  # a datetime64 column: its own unit
            per_day[name] = int(second)
        else:
            bad_day[name], per_day[name] = second, 1
    if len(set(per_day.values())) > 1:  # mixed units: all in days
        for name in _DATES:
            if per_day[name] > 1:
                raw = days[name]
                days[name] = np.where(raw == _NAT, _NAT, raw // per_day[name])
                per_day[name] = 1
    unit = next(iter(per_day.values()))
    ints: dict[str, Array] = {}
    bad_int: dict[str, Array] = {}
    for name in _INTS:
        ints[name], bad_int[name] = _integers(_column(table, name), n, 1 if name == "times" else _NULL)
    fallback = np.zeros(n, dtype=bool)
    counts = {}
    for field, kind in (("mitigating", CircumstanceKind.MITIGATING),
                        ("aggravating", CircumstanceKind.AGGRAVATING)):
        counts[field] = _circumstances(_column(table, field), n, catalog, kind, field, fallback)
    present = frozenset(name for name in (*_DATES, *_INTS, "mitigating", "aggravating")
                        if _column(table, name) is not None)
    return _Columns(n, provision_codes, provision_texts, kind_codes, kind_texts, days, bad_day,
                    ints, bad_int, counts["mitigating"], counts["aggravating"], fallback, present,
                    unit)


def _circumstances(values: Any, n: int, catalog: Catalog, kind: CircumstanceKind, field: str,
                   fallback: Array) -> Array | None:
    """Counts of circumstances; lists of codes are checked once per distinct list."""
    pd = _need_pandas()

    from ..engine.circumstances import circumstance_codes

    np = _need_numpy()
    if values is None:
        return None
    series = values if isinstance(values, pd.Series) else None
    if series is not None and series.dtype.kind in "iu":
        counts = series.to_numpy()  # as typed (int8 …): checked and used without widening
    elif isinstance(values, np.ndarray) and values.dtype.kind in "iu":
        counts = values
    else:
        counts = np.zeros(n, dtype=np.int64)
        seen: dict[tuple[str, ...], tuple[int, str | None, bool]] = {}
        items = values.to_numpy(dtype=object) if series is not None else values
        for i, value in enumerate(items):
            if isinstance(value, int | np.integer) and not isinstance(value, bool):
                if _fits(value):
                    counts[i] = int(value)  # (out of range: checked with the others)
                else:
                    fallback[i] = True  # an absurd count: assess names the problem
                continue
            if value is None or (isinstance(value, float) and value != value):
                codes: tuple[str, ...] = ()
            elif isinstance(value, str):
                codes = tuple(c.strip() for c in value.split(",") if c.strip())
            else:
                codes = tuple(str(c) for c in value)
            found = seen.get(codes)
            if found is None:
                try:
                    canonical = circumstance_codes(catalog, codes, kind, field)
                    found = (len(canonical), None, "repeated" in canonical)
                except CaseError as exc:
                    found = (0, str(_in_case(exc)), False)
                seen[codes] = found
            counts[i] = found[0]
            if found[1] is not None or found[2]:
                fallback[i] = True  # assessed row by row: its error, or the repetition rule
    result: Array = counts
    return result


def _in_case(exc: CaseError) -> CaseError:
    """The error as :func:`~penalty_rules.assess` names it for the case's only violation."""
    field = f"violations[0].{exc.field}" if exc.field else "violations[0]"
    return type(exc)(field, exc.reason)


# -- one row as a case ------------------------------------------------------------------------
def row_case(row: Mapping[str, Any], catalog: Catalog | None = None) -> dict[str, Any]:
    """One row of a case log as the case :func:`~penalty_rules.assess` takes.

    Counts of circumstances become that many distinct codes of the kind (the amount
    depends only on how many there are); dates become ISO text; empty values are left out.
    """
    from ..catalog.loader import bundled_catalog

    catalog = catalog if catalog is not None else bundled_catalog()
    violation: dict[str, Any] = {"provision": row.get("provision")}
    for name in ("committed_on", "ended_on", "detected_on"):
        violation[name] = _iso(row.get(name))
    for field, kind in (("mitigating", CircumstanceKind.MITIGATING),
                        ("aggravating", CircumstanceKind.AGGRAVATING)):
        value: Any = row.get(field)
        if _empty(value):
            continue
        if isinstance(value, str):
            value = [c.strip() for c in value.split(",") if c.strip()]
        if isinstance(value, int) or hasattr(value, "__index__"):
            count = int(value)
            if count < 0:
                raise CaseError(f"violations[0].{field}", "a count of circumstances cannot be "
                                "negative")
            known = _codes_of(catalog, kind)
            if count > len(known):
                raise CaseError(f"violations[0].{field}",
                                f"{count} {field} circumstances, but the catalog knows "
                                f"{len(known)}")
            value = list(known[:count])
        violation[field] = [str(c) for c in value]
    for name in _INTS:
        value = row.get(name)
        if value is not None and not _empty(value):
            violation[name] = int(value) if hasattr(value, "__index__") else value
    case: dict[str, Any] = {"offender": {"kind": str(row.get("offender_kind"))},
                            "violations": [{k: v for k, v in violation.items() if v is not None}]}
    decided = _iso(row.get("decided_on"))
    if decided is not None:
        case["decided_on"] = decided
    return case


def _empty(value: Any) -> bool:
    if value is None:
        return True
    try:
        differs = value != value  # NaN and NaT differ from themselves
    except (TypeError, ValueError):
        return False
    try:
        return bool(differs)
    except (TypeError, ValueError):
        return True  # pandas' NA: even its comparisons are NA


def _iso(value: Any) -> Any:
    if _empty(value):
        return None
    if hasattr(value, "date") and callable(value.date):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "astype"):  # numpy datetime64
        return str(value.astype("datetime64[D]"))
    return value


# -- the table --------------------------------------------------------------------------------
def assess_table(table: Any, catalog: Catalog | None = None, *,
                 today: date | None = None) -> Any:
    """Assess every row of ``table`` (see the module docstring); the same kind of table back.

    ``today`` stands for an empty ``decided_on`` (default: the system date), as in
    :func:`~penalty_rules.assess`. The examples are in ``docs/performance.rst`` (they need
    the optional extra, so they are not doctests).
    """
    from ..catalog.loader import bundled_catalog

    np = _need_numpy()
    pd = _need_pandas()

    catalog = catalog if catalog is not None else bundled_catalog()
    kind, columns, index = _input(table)
    n = len(columns["provision"]) if "provision" in columns else 0
    from .fast import fast_columns

    fast = fast_columns(columns, n, catalog, today or date.today())
    if fast is not None:
        if fast.pending is not None:
            _patch(fast, fast.pending, columns, catalog, today or date.today(), np)
        return _fast_output(kind, fast, index, np, pd)
    out = _assess_columns(columns, n, catalog, today or date.today())
    return _output(kind, out, index, np, pd)


def _input(table: Any) -> tuple[str, Mapping[str, Any], Any]:
    pd = _need_pandas()

    if isinstance(table, pd.DataFrame):
        return "pandas", {c: table[c] for c in table.columns}, table.index
    module = type(table).__module__
    if module.startswith("pyarrow"):
        # (One block per column: columns without nulls are read without a copy.)
        frame = table.to_pandas(strings_to_categorical=True, date_as_object=False,
                                ignore_metadata=True, split_blocks=True)
        return "arrow", {c: frame[c] for c in frame.columns}, None
    if isinstance(table, Mapping):
        return "mapping", {str(k): (list(v) if not hasattr(v, "dtype") else v)
                           for k, v in table.items()}, None
    raise TypeError(f"assess_table takes a pandas DataFrame, a pyarrow Table or a mapping of "
                    f"columns, not {type(table).__name__}")


_OFFSET = 1_000_000  # day numbers of years 1–9999 plus this are ≥ 0 …
_BLOCK = 1 << 23  # … and below this: one block of breakpoints per cited text


def _epochs(blocks: Array, starts: Array, category: Array, days: Array) -> Array:
    """For each row, how many breakpoints of its own text lie on or before its day."""
    np = _need_numpy()
    position = np.searchsorted(blocks, category * _BLOCK + (days + _OFFSET), side="right")
    result: Array = position - starts[category]
    return result


def _blocks(per_text: Sequence[Array]) -> tuple[Array, Array]:
    np = _need_numpy()
    parts = [c * _BLOCK + (points + _OFFSET) for c, points in enumerate(per_text)]
    sizes = np.array([0] + [len(p) for p in per_text], dtype=np.int64)
    blocks = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
    return blocks, np.cumsum(sizes)[:-1]




def _epoch_table(per_text: Sequence[Array], first: int, last: int) -> Array:
    """For every text and every day from ``first`` to ``last``: how many of the text's
    breakpoints lie on or before that day (its epoch), as one flat table."""
    np = _need_numpy()
    grid = np.arange(first, last + 1, dtype=np.int64)
    table: Array = np.concatenate([np.searchsorted(points, grid, side="right")
                                   for points in per_text] + [np.zeros(len(grid), np.int64)])
    return table


def _assess_columns(columns: Mapping[str, Any], n: int, catalog: Catalog,
                    today: date) -> dict[str, Any]:
    np = _need_numpy()
    c = _read(columns, n, catalog)
    epoch = date(1970, 1, 1).toordinal()
    errors: dict[int, str] = {}
    fallback = c.fallback
    days = c.days
    unit = c.unit  # numbers in a day: every date is compared as given, divided only once
    decided = days["decided_on"]
    if (empty := decided == _NAT).any():
        decided = np.where(empty, (today.toordinal() - epoch) * unit, decided)
    committed, ended, detected = days["committed_on"], days["ended_on"], days["detected_on"]
    if (empty := ended == _NAT).any():
        ended = np.where(empty, _FAR, ended)  # ongoing: after detection, never early
    q, value, profit, times = (c.ints[k] for k in _INTS)

    # Rows with a problem of their own (a missing or impossible date, a bad number, an
    # unknown kind of offender, a bad list of circumstances) are assessed one by one, so
    # that their error is exactly the one assess gives.
    for bad in c.bad_day.values():
        if bad.any():
            fallback |= bad
    for name in _INTS:
        if name in c.present and c.bad_int[name].any():
            fallback |= c.bad_int[name]
    # An empty detection day is NaT, the lowest number: "detected before committed" below.
    if (empty := committed == _NAT).any():
        fallback |= empty
    fallback |= ended < committed
    fallback |= detected < committed
    fallback |= decided < detected
    fallback |= (ended != _FAR) & (ended > decided)  # an act may not end after the decision
    # Dates and figures outside what a case accepts (models/case.py) are refused there.
    low_day = (date(MIN_YEAR, 1, 1).toordinal() - epoch) * unit
    high_day = (date(MAX_YEAR, 12, 31).toordinal() - epoch) * unit
    for day in (committed, detected, decided, np.where(ended == _FAR, committed, ended)):
        fallback |= (day < low_day) | (day > high_day)
    for name, least, most in (("quantity", 1, MAX_QUANTITY), ("goods_value", 0, MAX_MONEY),
                              ("illegal_profit", 0, MAX_MONEY)):
        if name in c.present:
            column = c.ints[name]
            fallback |= (column != _NULL) & ((column < least) | (column > most))
    if "times" in c.present:
        fallback |= (times < 1) | (times > MAX_TIMES)
    known_m = len(_codes_of(catalog, CircumstanceKind.MITIGATING))
    known_a = len(_codes_of(catalog, CircumstanceKind.AGGRAVATING))
    for counts, known in ((c.mitigating, known_m), (c.aggravating, known_a)):
        if counts is not None:
            fallback |= (counts < 0) | (counts > known)
    kinds = [_fined_as(catalog, text) for text in c.kind_texts]
    kind_base = np.array([1 if k is FineBase.ORGANIZATION else 0 if k is FineBase.INDIVIDUAL
                          else -1 for k in kinds] + [-1], dtype=np.int64)
    kind_of_row = kind_base[c.kind_codes]  # code -1 (empty) reads the last entry, -1
    if kind_base[:-1].min(initial=0) < 0 or c.kind_codes.min(initial=0) < 0:
        fallback |= kind_of_row < 0

    # What each cited text resolves to; texts that fail fail every (otherwise clean) row.
    category = c.provision_codes
    texts = c.provision_texts
    resolved = _resolved(catalog, texts)
    text_error = np.array([r.error is not None for r in resolved] + [False], dtype=bool)
    text_alone = np.array([r.row_by_row for r in resolved] + [True], dtype=bool)
    if text_alone[:-1].any() or category.min(initial=0) < 0:
        fallback |= text_alone[category]
    failed = text_error[category] & ~fallback if text_error.any() else None
    if failed is not None:
        for i in np.flatnonzero(failed).tolist():
            errors[i] = resolved[category[i]].error or ""
    clean = ~fallback if failed is None else ~fallback & ~failed
    all_clean = bool(clean.all())

    # The day whose law applies: when the act ended, or when it was detected if it was
    # still going on then or if a replacing decree took effect while it went on (and
    # before the decision: the transition clause sends it to the decree in force then).
    reference = np.minimum(ended, detected)
    law = reference
    switch_days = [r.transition_days for r in resolved]
    if any(len(d) for d in switch_days):
        moved = np.zeros(n, dtype=bool)
        for k in range(max(len(d) for d in switch_days)):
            start = np.array([int(d[k]) * unit if k < len(d) else _FAR for d in switch_days]
                             + [_FAR], dtype=np.int64)[category]
            moved |= (committed < start) & (start <= decided) & (ended >= start)
        law = np.where(moved, detected, reference)

    # Groups: the same text, kind of offender, epoch of the law day and of the decision
    # (and, where the fine depends on them, the same quantity and values).
    def safe(values: Array) -> Array:
        if all_clean:
            return values
        result: Array = np.where(clean, values, values[clean][0] if clean.any() else 0)
        return result

    law_s, decided_s = safe(law), safe(decided)
    if unit > 1:
        own = law_s is not law or law is not reference  # an array of ours: divide in place
        law_s = np.floor_divide(law_s, unit, out=law_s if own else None)
        decided_s = decided_s // unit
    first_day = int(min(law_s.min(), decided_s.min())) if n else 0
    last_day = int(max(law_s.max(), decided_s.max())) if n else 0
    span = last_day - first_day + 1
    width = max([len(r.breakpoints) + 1 for r in resolved] + [1])
    cat = (np.where(category < 0, len(texts), category.astype(np.int64)) if (category < 0).any()
           else category)
    # One number per row: ((text × W + law epoch) × W + decision epoch) × 2 + kind, read
    # from tables by day where the days span little (two look-ups, three additions).
    # (Few fresh arrays: on some machines touching new memory costs more than the sums.)
    kind = np.take(np.maximum(kind_base, 0).astype(np.int8), c.kind_codes)
    index: Array | None = None  # a scratch array, once the group keys are made
    if span * (len(texts) + 1) <= 4 * n + 65_536:
        table = _epoch_table([r.breakpoints for r in resolved], first_day, last_day)
        by_text = table.reshape(len(texts) + 1, span)
        law_part = ((np.arange(len(texts) + 1)[:, None] * width + by_text) * (2 * width)).ravel()
        decided_part = (by_text * 2).ravel()
        base = cat.astype(np.int64)
        base *= span
        base -= first_day
        index = np.add(base, law_s)
        flat = np.take(law_part, index, mode="clip")
        np.add(base, decided_s, out=index)
        flat += np.take(decided_part, index, mode="clip", out=index)
        flat += kind

        def epochs_at(i: Array) -> tuple[Array, Array]:
            return np.take(table, base[i] + law_s[i]), np.take(table, base[i] + decided_s[i])
    else:
        blocks, starts = _blocks([r.breakpoints for r in resolved] + [np.zeros(0, np.int64)])
        wide = cat.astype(np.int64)
        law_epoch = _epochs(blocks, starts, wide, law_s)
        decided_epoch = _epochs(blocks, starts, wide, decided_s)
        flat = ((wide * width + law_epoch) * width + decided_epoch) * 2 + kind

        def epochs_at(i: Array) -> tuple[Array, Array]:
            return law_epoch[i], decided_epoch[i]
    size = (len(texts) + 1) * width * width * 2
    with_facts = np.array([r.facts_matter for r in resolved] + [False], dtype=bool)
    if with_facts.any():
        fr = with_facts[cat] & clean
        facts = np.zeros(n, dtype=np.int64)
        if fr.any():
            _, inverse = np.unique(np.stack([q[fr], value[fr], profit[fr]], axis=1), axis=0,
                                   return_inverse=True)
            facts[fr] = inverse.reshape(-1) + 1
        spread = int(facts.max()) + 1
        flat = flat * spread + facts
        size *= spread
    rows = None if all_clean else np.flatnonzero(clean)
    group_of, first = _groups(flat if rows is None else flat[rows], size)
    first = first if rows is None else rows[first]

    # The rules of each group, from one of its rows (remembered across calls).
    count = len(first)
    slots = max(count, 1)  # no group (every row left out): one empty group to look up
    g_low = np.full(slots, -1, dtype=np.int64)
    g_high = np.full(slots, -1, dtype=np.int64)
    g_scheme = np.zeros(slots, dtype=np.int64)
    g_percent = np.zeros(slots, dtype=np.int64)
    g_once = np.zeros(slots, dtype=bool)
    g_years = np.zeros(slots, dtype=np.int64)
    g_document = np.full(slots, -1, dtype=np.int64)
    g_provision = np.full(slots, -1, dtype=np.int64)
    g_alone = np.zeros(slots, dtype=bool)
    out_texts: dict[str, int] = {}
    memos = _memos(catalog)
    memo = memos.answers
    # The memo key names what the group's rules depend on, independently of this table.
    law_at, decided_at = epochs_at(first)
    signature = np.stack([kind[first], law_at, decided_at, q[first], value[first],
                          profit[first]], axis=1).tolist() if count else []
    for g, i in enumerate(first.tolist()):
        text = texts[category[i]]
        key = (text, *signature[g][:3], *(signature[g][3:] if with_facts[category[i]] else ()))
        if key in memo:
            answer = memo[key]
        else:
            try:
                answer = _group_answer(catalog, _fact(c, i, text, epoch),
                                       FineBase.ORGANIZATION if kind_of_row[i] == 1
                                       else FineBase.INDIVIDUAL,
                                       date.fromordinal(int(decided[i]) // unit + epoch))
            except PenaltyRulesError:
                answer = None  # the error may name each row's own facts: row by row
            memos.remember(key, answer)
        if answer is None:
            g_alone[g] = True
            continue
        g_low[g], g_high[g] = answer.low, answer.high
        g_scheme[g], g_percent[g] = answer.scheme, answer.percent
        g_once[g], g_years[g] = answer.once, answer.years
        g_document[g] = out_texts.setdefault(answer.document, len(out_texts))
        g_provision[g] = out_texts.setdefault(answer.provision, len(out_texts))

    # Every row: its group's rules, its own circumstances, repetitions and time bar.
    group = group_of
    if rows is not None:
        group = np.zeros(n, dtype=np.int64)
        group[rows] = group_of
    if g_alone.any():
        fallback |= g_alone[group] & clean
    done = clean & ~fallback
    # The specific fine for every group and every count of circumstances, then looked up.
    grid_m = np.arange(known_m + 1, dtype=np.int64)[None, :, None]
    grid_a = np.arange(known_a + 2, dtype=np.int64)[None, None, :]
    fines = _specific(g_low[:, None, None], g_high[:, None, None], grid_m, grid_a,
                      g_scheme[:, None, None], g_percent[:, None, None]).reshape(-1)
    low, high = np.take(g_low, group), np.take(g_high, group)
    years = np.take(g_years.astype(np.int8), group)
    document = np.take(g_document.astype(np.int32), group)
    provision = np.take(g_provision.astype(np.int32), group)
    # Rows left out may hold any count: ``take`` clips them into the table, and they are
    # answered row by row afterwards. (``group`` becomes the cell, in place.)
    repeated = times > 1 if "times" in c.present else None
    once = np.take(g_once, group) if repeated is not None and repeated.any() else None
    cell = group  # an array of this call's own, no longer needed as such
    cell *= (known_m + 1) * (known_a + 2)
    if c.mitigating is not None:
        cell += np.multiply(c.mitigating, known_a + 2, out=index)
    if c.aggravating is not None:
        cell += c.aggravating
    if once is not None and repeated is not None:
        cell += once & repeated
    amount = np.take(fines, cell, mode="clip")
    if once is not None and repeated is not None:
        amount = np.where(once | ~repeated, amount, amount * times)
    # The limitation runs from the reference day; its array (or the law day's, divided
    # into days above and no longer needed) is this call's own and becomes the result.
    start_day = (np.floor_divide(safe(reference), unit, out=law_s) if unit > 1
                 else safe(reference))
    expires = _expiry(start_day, years)
    # Past the calendar (year 9999): row by row, where assess says so.
    late = done & (expires > date(9999, 12, 31).toordinal() - epoch)
    if late.any():
        fallback |= late
        done &= ~late
    result: dict[str, Any] = {
        "document": document, "provision": provision,
        "fine_min": low, "fine_max": high, "fine": amount,
        "fine_valid": done & (low >= 0), "done": done, "time_barred": decided_s > expires,
        "limitation_expires_on": expires, "texts": list(out_texts), "error": errors,
    }
    _row_by_row(result, columns, catalog, today, np.flatnonzero(fallback))
    return result


def _expiry(days: Array, years: Array) -> Array:
    """``add_years`` for every row, through a table of the days and periods present."""
    np = _need_numpy()
    if len(days) == 0:
        return days.copy()
    first, last = int(days.min()), int(days.max())
    most = int(years.max()) + 1
    if (last - first + 1) * most > 4 * len(days) + 4096:
        return _add_years(days, years)
    grid = np.arange(first, last + 1, dtype=np.int64)
    table = _add_years(np.repeat(grid, most), np.tile(np.arange(most, dtype=np.int64),
                                                      len(grid)))
    index = np.subtract(days, first, out=days)  # the caller's scratch array
    index *= most
    index += years
    result: Array = np.take(table, index, mode="clip", out=index)
    return result


def _groups(flat: Array, size: int) -> tuple[Array, Array]:
    """Group numbers of the rows (equal keys in ``flat``, all below ``size``) and one row of
    each group."""
    np = _need_numpy()
    n = len(flat)
    if n == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    if size <= 4 * n + 4096:
        # Few possible keys: number them directly (linear, no sort, no hashing).
        small = np.int32 if n < 2**31 - 1 else np.int64
        present = np.zeros(size, dtype=small)
        present[flat] = np.arange(1, n + 1, dtype=small)
        used = np.flatnonzero(present)
        numbering = np.zeros(size, dtype=np.int64)
        numbering[used] = np.arange(len(used))
        return np.take(numbering, flat), present[used] - 1
    _, first, inverse = np.unique(flat, return_index=True, return_inverse=True)
    return inverse.reshape(-1), first


def _fact(c: _Columns, i: int, text: str, epoch: int) -> ViolationFact:
    def day(name: str) -> date | None:
        value = int(c.days[name][i])
        return None if value == _NAT else date.fromordinal(value // c.unit + epoch)

    def number(name: str) -> int | None:
        value = int(c.ints[name][i])
        return None if value == _NULL else value

    committed, detected = day("committed_on"), day("detected_on")
    assert committed is not None and detected is not None
    return ViolationFact.model_construct(
        provision=text, committed_on=committed, ended_on=day("ended_on"), detected_on=detected,
        mitigating=(), aggravating=(), quantity=number("quantity"),
        goods_value=number("goods_value"), illegal_profit=number("illegal_profit"), times=1)


def _row_by_row(result: dict[str, Any], columns: Mapping[str, Any], catalog: Catalog,
                today: date, rows: Iterable[int]) -> None:
    """Rows the vectorised path leaves out, through :func:`~penalty_rules.assess`."""
    from ..engine.assess import assess

    epoch = date(1970, 1, 1).toordinal()
    texts: list[str] = result["texts"]
    index = {t: i for i, t in enumerate(texts)}

    def code(text: str) -> int:
        if text not in index:
            index[text] = len(texts)
            texts.append(text)
        return index[text]

    names = list(columns)
    for i in rows:
        row = {name: _cell(columns[name], int(i)) for name in names}
        try:
            answer = assess(row_case(row, catalog), catalog, today=today).violations[0]
        except PenaltyRulesError as exc:
            result["error"][i] = str(exc)
            continue
        result["document"][i] = code(str(answer.document))
        result["provision"][i] = code(answer.provision.format())
        has_fine = answer.fine_min is not None and answer.fine_max is not None
        result["fine_min"][i] = answer.fine_min if has_fine else -1
        result["fine_max"][i] = answer.fine_max if has_fine else -1
        result["fine"][i] = answer.fine if answer.fine is not None else -1
        result["fine_valid"][i] = has_fine
        result["done"][i] = True
        result["time_barred"][i] = answer.time_barred
        result["limitation_expires_on"][i] = answer.limitation_expires_on.toordinal() - epoch


def _cell(column: Any, i: int) -> Any:
    if hasattr(column, "iloc"):
        return column.iloc[i]
    return column[i]


def _output(kind: str, out: dict[str, Any], index: Any, np: Any, pd: Any) -> Any:
    ok = out["done"]
    money_ok = out["fine_valid"]
    # A time-barred act keeps its frame but gets no fine (as assess says).
    fine_ok = money_ok & ~out["time_barred"] & (out["fine"] >= 0)
    texts = out["texts"]
    if kind == "mapping":
        def text(codes: Array) -> list[str | None]:
            return [texts[k] if k >= 0 else None for k in codes.tolist()]

        def money(values: Array) -> list[int | None]:
            return [v if m else None for v, m in zip(values.tolist(), money_ok.tolist(), strict=True)]

        epoch = date(1970, 1, 1).toordinal()
        return {
            "document": text(np.where(ok, out["document"], -1)),
            "provision": text(np.where(ok, out["provision"], -1)),
            "fine_min": money(out["fine_min"]), "fine_max": money(out["fine_max"]),
            "fine": [v if m else None for v, m in zip(out["fine"].tolist(), fine_ok.tolist(),
                                                      strict=True)],
            "time_barred": [bool(b) if m else None
                            for b, m in zip(out["time_barred"].tolist(), ok.tolist(), strict=True)],
            "limitation_expires_on": [date.fromordinal(d + epoch) if m else None
                                      for d, m in zip(out["limitation_expires_on"].tolist(),
                                                      ok.tolist(), strict=True)],
            "error": [out["error"].get(i) for i in range(len(ok))],
        }
    categories = texts or [""]

    every = bool(ok.all())
    money_empty = ~money_ok
    empty = ~ok

    def categorical(codes: Array) -> Any:
        return pd.Categorical.from_codes(codes if every else np.where(ok, codes, -1),
                                         categories=categories, validate=False)

    def money_column(values: Array) -> Any:
        return pd.arrays.IntegerArray(values, money_empty)

    expires = out["limitation_expires_on"]
    expires *= 86_400
    if not every:
        expires[empty] = np.iinfo(np.int64).min
    expires = expires.view("datetime64[s]")
    frame = pd.DataFrame({
        "document": categorical(out["document"]),
        "provision": categorical(out["provision"]),
        "fine_min": money_column(out["fine_min"]),
        "fine_max": money_column(out["fine_max"]),
        "fine": pd.arrays.IntegerArray(out["fine"], ~fine_ok),
        "time_barred": pd.arrays.BooleanArray(out["time_barred"], empty),
        "limitation_expires_on": expires,
        # As a Series of objects: a bare object array would be scanned for text.
        "error": pd.Series(_errors(out["error"], len(ok), np), index=index, dtype=object,
                           copy=False),
    }, index=index, copy=False)
    return _leave(kind, frame)


def _leave(kind: str, frame: Any) -> Any:
    """The frame as the kind of table that came in (pandas or pyarrow)."""
    if kind == "pandas":
        return frame
    import pyarrow  # type: ignore[import-untyped, import-not-found, unused-ignore]

    table = pyarrow.Table.from_pandas(frame, preserve_index=False)
    at = table.schema.get_field_index("error")
    # The error column is text, even when every row is answered (no value to infer it from).
    return table.set_column(at, "error", table.column("error").cast(pyarrow.string()))


def _arrow_output(r: FastResult, np: Any) -> Any:
    """The pyarrow Table for rows the fast path answered, built from the arrays directly
    (the types :func:`_leave` gives)."""
    import pyarrow as pa  # type: ignore[import-untyped, import-not-found, unused-ignore]

    def masked(values: Array, mask: Array | None, kind: Any = None) -> Any:
        if mask is None or not mask.any():
            return pa.array(values, type=kind)
        return pa.array(values, mask=mask, type=kind)

    texts = pa.array(r.texts or [""], type=pa.large_string())

    def text(codes: Array) -> Any:
        return pa.DictionaryArray.from_arrays(masked(codes, r.empty), texts)

    n = len(r.fine)
    if r.errors:
        errors = pa.array(_errors(r.errors, n, np), type=pa.string())
    else:
        errors = pa.nulls(n, type=pa.string())
    return pa.table({
        "document": text(r.document), "provision": text(r.provision),
        "fine_min": masked(r.fine_min, r.money_empty),
        "fine_max": masked(r.fine_max, r.money_empty),
        "fine": masked(r.fine, r.fine_empty),
        "time_barred": masked(r.time_barred, r.empty),
        "limitation_expires_on": masked(r.limitation_expires_on.view(np.int64), r.empty,
                                        pa.int64()).view(pa.timestamp("s")),
        "error": errors,
    })


def _fast_output(kind: str, r: FastResult, index: Any, np: Any, pd: Any) -> Any:
    """The table for rows the fast path answered (every row, none in error)."""
    n = len(r.fine)
    if kind == "mapping":  # through the general builder: lists of Python values
        return _output(kind, {
            "document": r.document, "provision": r.provision, "texts": r.texts,
            "fine_min": r.fine_min, "fine_max": r.fine_max, "fine": r.fine,
            "fine_valid": ~r.money_empty,
            "done": np.ones(n, dtype=bool) if r.empty is None else ~r.empty,
            "time_barred": r.time_barred,
            "limitation_expires_on": r.limitation_expires_on.view(np.int64) // 86_400,
            "error": r.errors}, index, np, pd)
    if kind == "arrow":
        return _arrow_output(r, np)
    categories = r.texts or [""]
    frame = pd.DataFrame({
        "document": pd.Categorical.from_codes(r.document, categories=categories, validate=False),
        "provision": pd.Categorical.from_codes(r.provision, categories=categories,
                                               validate=False),
        "fine_min": pd.arrays.IntegerArray(r.fine_min, r.money_empty),
        "fine_max": pd.arrays.IntegerArray(r.fine_max, r.money_empty.copy()),
        "fine": pd.arrays.IntegerArray(r.fine, r.fine_empty),
        "time_barred": pd.arrays.BooleanArray(r.time_barred, np.zeros(n, dtype=bool)
                                              if r.empty is None else r.empty),
        "limitation_expires_on": r.limitation_expires_on,
        "error": pd.Series(_errors(r.errors, n, np), index=index, dtype=object, copy=False),
    }, index=index, copy=False)
    return _leave(kind, frame)


def _errors(errors: Mapping[int, str], n: int, np: Any) -> Any:
    column = np.empty(n, dtype=object)  # (numpy fills it with None)
    for i, message in errors.items():
        column[i] = message
    return column


def _patch(r: FastResult, rows: Array, columns: Any, catalog: Catalog, today: date,
           np: Any) -> None:
    """Answer ``rows`` one by one with :func:`~penalty_rules.assess` (or its error)."""
    from ..engine.assess import assess

    epoch = date(1970, 1, 1).toordinal()
    index = {text: i for i, text in enumerate(r.texts)}

    def code(text: str) -> int:
        if text not in index:
            index[text] = len(r.texts)
            r.texts.append(text)
            if len(r.texts) >= 127 and r.document.dtype != np.int32:
                r.document, r.provision = r.document.astype(np.int32), r.provision.astype(np.int32)
        return index[text]

    empty = np.zeros(len(r.fine), dtype=bool) if r.empty is None else r.empty
    expires = r.limitation_expires_on.view(np.int64)
    names = list(columns)
    for i in rows.tolist():
        row = {name: _cell(columns[name], i) for name in names}
        try:
            answer = assess(row_case(row, catalog), catalog, today=today).violations[0]
        except PenaltyRulesError as exc:
            r.errors[i] = str(exc)
            empty[i] = r.money_empty[i] = r.fine_empty[i] = True
            r.document[i] = r.provision[i] = -1
            expires[i] = _NAT
            continue
        r.document[i] = code(str(answer.document))
        r.provision[i] = code(answer.provision.format())
        has_fine = answer.fine_min is not None and answer.fine_max is not None
        r.fine_min[i] = answer.fine_min if answer.fine_min is not None else -1
        r.fine_max[i] = answer.fine_max if answer.fine_max is not None else -1
        r.money_empty[i] = not has_fine
        r.fine[i] = answer.fine if answer.fine is not None else -1
        r.fine_empty[i] = not has_fine or answer.fine is None or answer.time_barred
        r.time_barred[i] = answer.time_barred
        expires[i] = (answer.limitation_expires_on.toordinal() - epoch) * 86_400
    r.empty = empty
