"""The typed fast path of :func:`~penalty_rules.batch.assess_table`.

A table whose columns are typed (categorical or string text, ``datetime64`` dates,
integer counts) is assessed here in a few passes over the columns: the checks of a case
are comparisons and two reductions; every row gets one small group number (text, kind
of offender, epoch of the law day and of the decision day) from two lookup tables
indexed by day; every output column is then one lookup by that number in a table made
per group (the fine, in a table per group and count of circumstances; the limitation's
end, in a table per day and period). A row whose citation does not resolve gets its
error; rows that fail a check, whose kind of offender or citation needs it, or whose
group's rules raise an error, are left (``pending``) to be answered one by one. When a
column is of another kind, :func:`fast_columns` says so (``None``) and the general path
answers instead; the answers are the same.
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from ..catalog.catalog import Catalog
from ..errors import PenaltyRulesError
from ..models.case import MAX_TIMES, MAX_YEAR, MIN_YEAR, ViolationFact
from ..models.circumstance import CircumstanceKind
from ..models.offender import FineBase
from .groups import (
    _DATES,
    _FAR,
    _NAT,
    _NULL,
    Array,
    _add_years,
    _codes_of,
    _factorize,
    _fined_as,
    _group_answer,
    _GroupAnswer,
    _memos,
    _need_numpy,
    _need_pandas,
    _resolved,
    _specific,
)

__all__ = ["FastResult", "fast_columns"]

_EPOCH = date(1970, 1, 1).toordinal()
#: Checked dates: committed, detected, decided, ended (``_FAR`` while going on; ``None``
#: without the column), whether some act goes on, and the rows left to answer one by one.
_Checked = tuple[Any, Any, Any, Any, bool, Any]
_PER_DAY = {"D": 1, "h": 24, "m": 1440, "s": 86_400, "ms": 86_400_000,
            "us": 86_400_000_000, "ns": 86_400_000_000_000}
_DIRECT = 1 << 17  # day numbers 0 … this (1970 to 2328): tables indexed by the day itself


@dataclass
class FastResult:
    """Every row answered: codes into ``texts``, money (``-1`` where there is none), the
    masks of the nullable columns and the limitation's end as ``datetime64[s]``."""

    document: Array
    provision: Array
    texts: list[str]
    fine_min: Array
    fine_max: Array
    money_empty: Array
    fine: Array
    fine_empty: Array
    time_barred: Array
    limitation_expires_on: Array
    empty: Array | None = None  # rows without an answer (their error is in ``errors``)
    errors: dict[int, str] = field(default_factory=dict)
    pending: Array | None = None  # rows to answer one by one (through assess)


def _numpy_of(values: Any, pd: Any, np: Any) -> Any:
    """The column as a numpy array without copying, or ``None`` (an extension array)."""
    if isinstance(values, pd.Series):
        if isinstance(values.dtype, pd.api.extensions.ExtensionDtype):
            return None
        return values.to_numpy(copy=False)
    return values if isinstance(values, np.ndarray) else None


def _seconds(columns: Any, pd: Any, np: Any) -> tuple[dict[str, Array | None], int] | None:
    """The date columns as int64 numbers (views), all in one unit, ``per_day`` of a day."""
    out: dict[str, Array | None] = {}
    units = set()
    for name in _DATES:
        values = columns.get(name)
        if values is None:
            if name in ("committed_on", "detected_on"):
                return None
            out[name] = None
            continue
        arr = _numpy_of(values, pd, np)
        if arr is None or arr.dtype.kind != "M" or arr.ndim != 1:
            return None
        unit, step = np.datetime_data(arr.dtype)
        if step != 1 or unit not in _PER_DAY:
            return None
        units.add(_PER_DAY[unit])
        out[name] = arr.view(np.int64)
    if len(units) != 1:
        return None
    return out, units.pop()


def _small_ints(values: Any, least: int, most: int, pd: Any, np: Any) -> Array | bool | None:
    """A typed integer column whose values all lie in ``least``–``most`` (as it is, never
    widened), ``None`` when absent, ``False`` when the general path must read it."""
    if values is None:
        return None
    arr = _numpy_of(values, pd, np)
    if arr is None or arr.dtype.kind not in "iu" or arr.ndim != 1:
        return False
    if len(arr) and (int(arr.min()) < least or int(arr.max()) > most):
        return False
    # Unsigned counts are read as signed (their values are in range): numpy would turn
    # uint64 mixed with signed numbers into floats.
    result: Array = arr.astype(np.int64) if arr.dtype.kind == "u" else arr
    return result


def _all_empty(values: Any, pd: Any) -> bool:
    """The column is absent or holds no value at all."""
    if values is None:
        return True
    try:
        return bool(pd.isna(pd.Series(values, copy=False) if not isinstance(values, pd.Series)
                            else values).all())
    except (TypeError, ValueError):
        return False


def fast_columns(columns: Any, n: int, catalog: Catalog, today: date) -> FastResult | None:
    """Every row of a typed, clean table, or ``None`` when the general path must answer."""
    np = _need_numpy()
    pd = _need_pandas()
    if n == 0 or columns.get("provision") is None or columns.get("offender_kind") is None:
        return None
    if not all(_all_empty(columns.get(name), pd)
               for name in ("quantity", "goods_value", "illegal_profit")):
        return None  # a fine may depend on them, and they must be checked: general path
    read = _seconds(columns, pd, np)
    if read is None:
        return None
    secs, unit = read
    known_m = len(_codes_of(catalog, CircumstanceKind.MITIGATING))
    known_a = len(_codes_of(catalog, CircumstanceKind.AGGRAVATING))
    mitigating = _small_ints(columns.get("mitigating"), 0, known_m, pd, np)
    aggravating = _small_ints(columns.get("aggravating"), 0, known_a, pd, np)
    times = _small_ints(columns.get("times"), 1, MAX_TIMES, pd, np)
    if mitigating is False or aggravating is False or times is False:
        return None

    # Texts and kinds. A row whose text does not resolve gets the text's error; a row whose
    # text or kind needs it (or is empty) is answered one by one; both are computed
    # meanwhile as rows of a text and kind that resolve.
    text_codes, texts = _factorize(columns["provision"])
    kind_codes, kind_texts = _factorize(columns["offender_kind"])
    if len(text_codes) != n or len(kind_codes) != n or not texts or not kind_texts:
        return None
    resolved = _resolved(catalog, texts)
    fined = [_fined_as(catalog, text) for text in kind_texts]
    apart = _apart(resolved, fined, text_codes, kind_codes, np)
    if apart is False:
        return None
    alone_rows: Array | None = None
    failed: dict[int, str] = {}
    if apart is not None:
        text_codes, kind_codes, resolved, fined, alone_rows, failed = apart

    # The checks of a case; rows failing one (a few) are answered one by one afterwards.
    low = (date(MIN_YEAR, 1, 1).toordinal() - _EPOCH) * unit
    high = (date(MAX_YEAR, 12, 31).toordinal() - _EPOCH) * unit
    today_n = (today.toordinal() - _EPOCH) * unit
    committed, detected = secs["committed_on"], secs["detected_on"]
    assert committed is not None and detected is not None
    if apart is None and _compiled_loop(n):
        done = _through_kernel(secs, unit, today_n, low, high, text_codes, kind_codes,
                               resolved, fined, texts, len(kind_texts),
                               {"mitigating": mitigating, "aggravating": aggravating,
                                "times": times}, known_m, known_a, catalog, n, np)
        if done is not None:
            return done
    checked = (_checked(committed, detected, secs["decided_on"], secs["ended_on"], today_n, low,
                        high, n, np)
               or _sifted(committed, detected, secs["decided_on"], secs["ended_on"], today_n,
                          low, high, n, np))
    if checked is None:
        return None
    committed, detected, decided, ended, ongoing, bad_rows = checked
    # Every day now lies between the first commission and the last decision.
    earliest, latest = int(committed.min()), int(decided.max())

    # Day numbers: of the reference day (when the act ended, or was detected while it
    # went on) and of the decision; the law day is the reference day but for rows moved
    # by a transition (their detection day).
    if ended is None:
        ref_day = detected // unit if unit > 1 else detected
    else:
        reference = np.minimum(ended, detected)
        ref_day = np.floor_divide(reference, unit, out=reference) if unit > 1 else reference
    decided_day = decided // unit if unit > 1 else decided
    moved = _moved(resolved, text_codes, committed, ended, decided, ongoing, earliest, latest,
                   unit, np)

    # One group number a row: ((text × W + law epoch) × W + decision epoch) × kinds + kind.
    width = max(len(r.breakpoints) for r in resolved) + 1
    kinds = len(kind_texts)
    size = len(texts) * width * width * kinds
    if size > 2**31 - 1:
        return None
    first, last = earliest // unit, latest // unit
    key = _group_keys(resolved, text_codes, kind_codes, ref_day, decided_day, first, last,
                      width, kinds, size, moved, detected, unit, np)
    if key is None:
        return None

    # The rules of the groups: as remembered for this catalog; a group not known yet (a
    # row whose document code is still -1) is worked out from one of its rows.
    memo = _memos(catalog)
    answers = _known(memo, texts, fined, resolved, width, kinds)
    tables = _Tables.of(answers, size, np)
    document = np.take(tables.document, key)
    if int(document.min()) < 0 and _work_out_groups(
            catalog, memo, answers, key, size, texts, fined, resolved, width, kinds,
            text_codes, kind_codes, (committed, ended, detected, decided), unit, np):
        tables = _Tables.of(answers, size, np)
        document = np.take(tables.document, key)
    if not tables.known:
        return None  # no group answered: the general path
    result = _answer_rows(tables, document, key, mitigating, aggravating, times, ref_day,
                          decided_day, first, last, known_m, known_a, n, np)
    if result is None:
        return None
    if int(document.min()) < 0:
        # Groups whose rules raise an error (the message may name the row's own facts):
        # their rows are left to be answered one by one, through assess.
        result.pending = np.flatnonzero(document < 0)
    # Rows answered apart: one by one where a case's checks or the text or kind need it,
    # else with their text's error (before their group's rules: as the general path).
    alone = [rows for rows in (bad_rows, alone_rows) if rows is not None]
    own = np.unique(np.concatenate(alone)) if alone else np.zeros(0, dtype=np.intp)
    if failed:
        fails = np.setdiff1d(np.fromiter(failed, dtype=np.intp, count=len(failed)), own)
        _fail(result, fails, failed, np)
        if result.pending is not None:
            result.pending = np.setdiff1d(result.pending, fails)
    if len(own):
        result.pending = own if result.pending is None else np.union1d(result.pending, own)
    return result


#: The fewest rows for which the compiled loop (:mod:`~penalty_rules.batch.kernel`) is
#: used when numba is installed: loading it costs about as much as the numpy path spends on
#: this many rows.
KERNEL_ROWS = 250_000


def _compiled_loop(n: int) -> bool:
    """Whether the compiled loop answers a clean table of ``n`` rows."""
    return n >= KERNEL_ROWS and _kernel_loads()


@functools.lru_cache(maxsize=1)
def _kernel_loads() -> bool:
    """numba is installed and the compiled loop's module imports (a numba that does not
    match the installed numpy refuses to import: the numpy passes then answer)."""
    if importlib.util.find_spec("numba") is None:
        return False
    try:
        from .kernel import run_rows  # noqa: F401
    except ImportError:
        return False
    return True


def _through_kernel(secs: dict[str, Array | None], unit: int, today_n: int, low: int,
                    high: int, text_codes: Array, kind_codes: Array, resolved: Any,
                    fined: list[Any], texts: list[Any], kinds: int,
                    counts: dict[str, Any], known_m: int, known_a: int, catalog: Catalog,
                    n: int, np: Any) -> FastResult | None:
    """Every row in one compiled pass (:mod:`~penalty_rules.batch.kernel`); ``None`` when a
    row fails a check or a day lies outside the tables (the numpy path then answers)."""
    from .kernel import BAIL, run_rows  # (numba: loaded only for long tables)

    width = max(len(r.breakpoints) for r in resolved) + 1
    size = len(texts) * width * width * kinds
    if size > 2**31 - 1:
        return None
    memo = _memos(catalog)
    answers = _known(memo, texts, fined, resolved, width, kinds)

    def run(keys: Array | None) -> tuple[int, dict[str, Array], _Tables]:
        tables = _Tables.of(answers, size, np)
        fines, cells, across = _fine_table(tables, known_m, known_a, np)
        known = np.array(tables.known, dtype=np.intp)
        periods = np.unique(tables.years[known]) if len(known) else np.zeros(1, np.int64)
        ends = _ends(0, _DIRECT - 1, tuple(periods.tolist()))
        if ends is None:
            return BAIL, {}, tables
        warning_only = bool((tables.low[known] < 0).any())
        period_of = np.searchsorted(periods, tables.years).astype(np.int64)
        found, out = run_rows(
            secs, unit, today_n, low, high, text_codes, kind_codes, resolved, width, kinds,
            tables, period_of, warning_only, fines, cells, across, ends, _DIRECT, counts, keys)
        return found, out, tables

    unknown, out, tables = run(None)
    if unknown == BAIL:
        return None
    if unknown:
        # Groups not known yet are worked out from one of their rows (then remembered).
        keys = np.empty(n, dtype=np.intp)
        run(keys)
        decided = secs["decided_on"]
        decided = (np.full(n, today_n, dtype=np.int64) if decided is None
                   else np.where(decided == _NAT, today_n, decided))
        days = (secs["committed_on"], secs["ended_on"], secs["detected_on"], decided)
        if _work_out_groups(catalog, memo, answers, keys, size, texts, fined, resolved, width,
                            kinds, text_codes, kind_codes, days, unit, np):
            unknown, out, tables = run(None)
    if not tables.known:
        return None  # no group answered: the general path
    result = FastResult(out["document"], out["provision"], tables.texts, out["fine_min"],
                        out["fine_max"], out["money_empty"], out["fine"], out["fine_empty"],
                        out["time_barred"], out["expires"].view("datetime64[s]"))
    if unknown:
        # Groups whose rules raise an error: their rows are answered one by one.
        result.pending = np.flatnonzero(out["document"] < 0)
    return result


_Apart = tuple[Any, Any, list[Any], list[Any], Any, dict[int, str]]


def _apart(resolved: list[Any], fined: list[Any], text_codes: Array, kind_codes: Array,
           np: Any) -> _Apart | Literal[False] | None:
    """Rows whose text or kind does not resolve: ``None`` when there is none, ``False``
    when no text or no kind resolves, else the codes with those rows moved to a text and
    kind that resolve (and the lists to match), the rows to answer one by one, and the
    error of each row whose text fails."""
    text_ok = [r.error is None and not r.row_by_row for r in resolved]
    kind_ok = [isinstance(f, FineBase) for f in fined]
    if (all(text_ok) and all(kind_ok) and int(text_codes.min()) >= 0
            and int(kind_codes.min()) >= 0):
        return None
    if not any(text_ok) or not any(kind_ok):
        return False
    # One entry more for an empty cell: its code, -1, reads the last entry.
    text_alone = np.array([r.row_by_row for r in resolved] + [True], dtype=bool)
    kind_alone = np.array([not ok for ok in kind_ok] + [True], dtype=bool)
    alone = text_alone[text_codes] | kind_alone[kind_codes]
    text_error = np.array([r.error is not None for r in resolved] + [False], dtype=bool)
    failed = {i: str(resolved[text_codes[i]].error)
              for i in np.flatnonzero(text_error[text_codes] & ~alone).tolist()}
    good_text, good_kind = text_ok.index(True), kind_ok.index(True)
    moved_text = ~np.array([*text_ok, False], dtype=bool)[text_codes]
    moved_kind = ~np.array([*kind_ok, False], dtype=bool)[kind_codes]
    text_codes, kind_codes = text_codes.copy(), kind_codes.copy()
    text_codes[moved_text] = good_text
    kind_codes[moved_kind] = good_kind
    resolved = [r if ok else resolved[good_text] for r, ok in zip(resolved, text_ok, strict=True)]
    fined = [f if ok else fined[good_kind] for f, ok in zip(fined, kind_ok, strict=True)]
    return text_codes, kind_codes, resolved, fined, np.flatnonzero(alone), failed


def _fail(r: FastResult, rows: Array, messages: dict[int, str], np: Any) -> None:
    """``rows`` get no answer but their error."""
    if not len(rows):
        return
    empty = np.zeros(len(r.fine), dtype=bool) if r.empty is None else r.empty
    empty[rows] = r.money_empty[rows] = r.fine_empty[rows] = True
    r.document[rows] = r.provision[rows] = -1
    r.limitation_expires_on.view(np.int64)[rows] = _NAT
    for i in rows.tolist():
        r.errors[i] = messages[i]
    r.empty = empty


def _checked(committed: Array, detected: Array, decided: Array | None, ended: Array | None,
             today_n: int, low: int, high: int, n: int, np: Any) -> _Checked | None:
    """The dates when every row passes a case's checks (four comparisons and two
    reductions), else ``None``. An empty decision day (today) or end (still going on) is
    NaT, the lowest number: it fails a comparison, and only then are empty days replaced."""
    if decided is None:
        decided = np.full(n, today_n, dtype=np.int64)
    elif (decided < detected).any():
        if int(decided.min()) != _NAT:
            return None
        decided = decided.copy()
        decided[decided == _NAT] = today_n
        if (decided < detected).any():
            return None
    ongoing = False
    if ended is not None and (ended < committed).any():
        if int(ended.min()) != _NAT:
            return None
        ongoing = True  # an act still going on ends after every day of the calendar
        ended = ended.copy()
        ended[ended == _NAT] = _FAR
        if (ended < committed).any():
            return None
    # (An empty detection day is NaT too: "detected before committed".)
    if (detected < committed).any():
        return None
    if ended is not None and (((ended != _FAR) & (ended > decided)) if ongoing
                              else (ended > decided)).any():
        return None
    # In order, the first commission and the last decision bound every day.
    if int(committed.min()) < low or int(decided.max()) > high:
        return None  # an empty commission day (NaT) fails here too
    return committed, detected, decided, ended, ongoing, None


def _sifted(committed: Array, detected: Array, decided: Array | None, ended: Array | None,
            today_n: int, low: int, high: int, n: int, np: Any) -> _Checked | None:
    """The rows failing a check (the general path's own checks, row by row), their dates
    replaced by those of a row that passes so that the columns can be computed; they
    are answered one by one afterwards. ``None`` when no row passes."""
    decided = (np.full(n, today_n, dtype=np.int64) if decided is None
               else np.where(decided == _NAT, today_n, decided))
    bad = (detected < committed) | (decided < detected)
    days = [committed, detected, decided]
    if ended is not None:
        ended = np.where(ended == _NAT, _FAR, ended)
        bad |= (ended < committed) | ((ended != _FAR) & (ended > decided))
        days.append(np.where(ended == _FAR, committed, ended))
    for day in days:
        bad |= (day < low) | (day > high)
    rows = np.flatnonzero(bad)
    if len(rows) == n:
        return None
    good = int(np.argmin(bad))
    committed, detected = committed.copy(), detected.copy()
    for column in (committed, detected, decided, ended):
        if column is not None:
            column[rows] = column[good]
    ongoing = ended is not None and bool((ended == _FAR).any())
    return committed, detected, decided, ended, ongoing, rows


def _moved(resolved: Any, text_codes: Array, committed: Array, ended: Array | None,
           decided: Array, ongoing: bool, earliest: int, latest: int, unit: int,
           np: Any) -> Array | None:
    """Rows whose act went on when a replacing decree took effect (before the decision):
    their law day is the detection day. ``None``: no such row."""
    if ended is None:
        return None  # (detected before it ended: the reference day is the detection day)
    switches = [r.transition_days for r in resolved]
    if not any(len(d) for d in switches):
        return None
    moved: Array | None = None
    same = all(np.array_equal(d, switches[0]) for d in switches)
    for k in range(max(len(d) for d in switches)):
        if same:
            start: Any = np.int64(int(switches[0][k]) * unit)
            if not earliest < start <= latest:
                continue
        else:
            starts = np.array([int(d[k]) * unit if k < len(d) else _FAR for d in switches],
                              dtype=np.int64)
            start = np.take(starts, text_codes.astype(np.intp))
        # An act that ended ended by the decision: ending on or after the start, it was
        # decided on or after it too.
        these = (committed < start) & (ended >= start)
        if ongoing:
            these &= start <= decided
        moved = these if moved is None else moved | these
    if moved is None:
        return None
    rows: Array = np.flatnonzero(moved)
    return rows if len(rows) else None


def _group_keys(resolved: Any, text_codes: Array, kind_codes: Array, ref_day: Array,
                decided_day: Array, first: int, last: int, width: int, kinds: int, size: int,
                moved: Array | None, detected: Array, unit: int, np: Any) -> Array | None:
    """Every row's group number (``intp``), from tables of epochs by day."""
    small = np.int16 if size <= 2**15 - 1 else np.int32
    shared = all(np.array_equal(r.breakpoints, resolved[0].breakpoints) for r in resolved)
    direct = shared and first >= 0 and last < _DIRECT  # one table indexed by the day itself
    lo = 0 if direct else first
    span = last - lo + 1
    if span * (1 if shared else len(resolved)) > 4 * len(text_codes) + 65_536 + _DIRECT:
        return None  # days spread too far for tables: the general path searches instead
    per_text = [resolved[0]] if shared else resolved
    law_part, decided_part = _epoch_tables(
        tuple(tuple(r.breakpoints.tolist()) for r in per_text), lo, last, width, kinds,
        np.dtype(small).str)

    def index(days: Array, rows: Any) -> Array:
        if shared:
            return days if direct else days - lo
        base: Array = text_codes[rows].astype(np.intp) * span
        base += days
        base -= lo
        return base

    every = slice(None)
    key = np.take(law_part, index(ref_day, every))
    key += np.take(decided_part, index(decided_day, every))
    key += text_codes.astype(small) * small(width * width * kinds)
    key += kind_codes
    if moved is not None:
        law_day = detected[moved] // unit
        key[moved] += (np.take(law_part, index(law_day, moved))
                       - np.take(law_part, index(ref_day[moved], moved)))
    result: Array = key.astype(np.intp)
    return result


def _memo_key(group: int, texts: list[Any], fined: list[Any], resolved: Any, width: int,
              kinds: int) -> tuple[Any, ...]:
    """The key the general path remembers the group's answer by (text, kind, epochs)."""
    rest, kind = divmod(int(group), kinds)
    rest, decided_epoch = divmod(rest, width)
    text, law_epoch = divmod(rest, width)
    organization = 1 if fined[kind] is FineBase.ORGANIZATION else 0
    key: tuple[Any, ...] = (texts[text], organization, law_epoch, decided_epoch)
    if resolved[text].facts_matter:
        key += (_NULL, _NULL, _NULL)
    return key


@functools.lru_cache(maxsize=32)
def _epoch_tables(per_text: tuple[tuple[int, ...], ...], lo: int, last: int, width: int,
                  kinds: int, small: str) -> tuple[Array, Array]:
    """For each text and day from ``lo`` to ``last``, its epoch (breakpoints on or before
    the day), times ``width × kinds`` (the law day's part of a group number) and times
    ``kinds`` (the decision day's part), as flat tables (remembered: they are read only)."""
    np = _need_numpy()
    grid = np.arange(lo, last + 1, dtype=np.int64)
    epochs = np.concatenate([np.searchsorted(np.array(points, dtype=np.int64), grid,
                                             side="right") for points in per_text])
    law_part = (epochs * (width * kinds)).astype(small)
    decided_part = (epochs * kinds).astype(small)
    law_part.flags.writeable = decided_part.flags.writeable = False
    return law_part, decided_part


@functools.lru_cache(maxsize=32)
def _ends(lo: int, last: int, periods: tuple[int, ...]) -> Array | None:
    """The limitation's end for every day from ``lo`` to ``last`` and every period (a table,
    period after period), or ``None`` when one falls past the calendar."""
    np = _need_numpy()
    grid = np.arange(lo, last + 1, dtype=np.int64)
    ends = _add_years(np.tile(grid, len(periods)), np.repeat(np.array(periods, dtype=np.int64),
                                                              len(grid)))
    if int(ends.max()) > date(9999, 12, 31).toordinal() - _EPOCH:
        return None
    ends.flags.writeable = False
    result: Array = ends
    return result


def _known(memo: Any, texts: list[Any], fined: list[Any], resolved: Any, width: int,
           kinds: int) -> dict[int, _GroupAnswer | None]:
    """The remembered answers of this table's groups, by group number."""
    answers: dict[int, _GroupAnswer | None] = {}
    organization = [1 if f is FineBase.ORGANIZATION else 0 for f in fined]
    for t, text in enumerate(texts):
        found = memo.by_text.get(text)
        if not found:
            continue
        plain = (_NULL, _NULL, _NULL) if resolved[t].facts_matter else ()
        for rest, answer in found.items():
            org, law_epoch, decided_epoch, *facts = rest
            if tuple(facts) != plain or law_epoch >= width or decided_epoch >= width:
                continue
            for k, fined_org in enumerate(organization):
                if fined_org == org:
                    answers[((t * width + law_epoch) * width + decided_epoch) * kinds + k] = answer
    return answers


@dataclass
class _Tables:
    """The groups' answers as arrays by group number; ``document`` is -1 for a group whose
    answer is not known (or is an error)."""

    low: Array
    high: Array
    scheme: Array
    percent: Array
    once: Array
    years: Array
    document: Array
    provision: Array
    texts: list[str]
    known: list[int]

    @classmethod
    def of(cls, answers: dict[int, _GroupAnswer | None], size: int, np: Any) -> _Tables:
        texts: dict[str, int] = {}
        t = cls(np.full(size, -1, dtype=np.int64), np.full(size, -1, dtype=np.int64),
                np.zeros(size, dtype=np.int64), np.zeros(size, dtype=np.int64),
                np.zeros(size, dtype=bool), np.zeros(size, dtype=np.int64),
                np.full(size, -1, dtype=np.int64), np.full(size, -1, dtype=np.int64), [], [])
        for g, answer in answers.items():
            if answer is None:
                continue
            t.known.append(g)
            t.low[g], t.high[g] = answer.low, answer.high
            t.scheme[g], t.percent[g] = answer.scheme, answer.percent
            t.once[g], t.years[g] = answer.once, answer.years
            t.document[g] = texts.setdefault(answer.document, len(texts))
            t.provision[g] = texts.setdefault(answer.provision, len(texts))
        t.texts = list(texts)
        code = np.int8 if len(texts) < 127 else np.int32
        t.document, t.provision = t.document.astype(code), t.provision.astype(code)
        return t


def _work_out_groups(catalog: Catalog, memo: Any, answers: dict[int, _GroupAnswer | None],
                     keys: Array, size: int, texts: list[Any], fined: list[Any], resolved: Any,
                     width: int, kinds: int, text_codes: Array, kind_codes: Array,
                     days: tuple[Any, Any, Any, Any], unit: int, np: Any) -> bool:
    """Each group of ``keys`` not yet in ``answers`` worked out from one of its rows and
    remembered for the catalog; whether there was any. ``days``: committed, ended,
    detected and decided (an empty decision day already replaced by today)."""
    present = np.zeros(size, dtype=bool)
    present[keys] = True
    missing = [g for g in np.flatnonzero(present).tolist() if g not in answers]
    if not missing:
        return False
    rows = np.empty(size, dtype=np.int64)
    rows[keys] = np.arange(len(keys), dtype=np.int64)
    committed, ended, detected, decided = days
    for g in missing:
        i = int(rows[g])
        answers[g] = _answer_for(catalog, texts[int(text_codes[i])], fined[int(kind_codes[i])],
                                 committed, ended, detected, decided, i, unit)
        memo.remember(_memo_key(g, texts, fined, resolved, width, kinds), answers[g])
    return True


def _answer_for(catalog: Catalog, text: str, fined: Any, committed: Array, ended: Array | None,
                detected: Array, decided: Array, i: int, unit: int) -> _GroupAnswer | None:
    def day(values: Array | None) -> date | None:
        if values is None or int(values[i]) in (_NAT, _FAR):
            return None
        return date.fromordinal(int(values[i]) // unit + _EPOCH)

    committed_on, detected_on = day(committed), day(detected)
    assert committed_on is not None and detected_on is not None
    fact = ViolationFact.model_construct(
        provision=text, committed_on=committed_on, ended_on=day(ended), detected_on=detected_on,
        mitigating=(), aggravating=(), quantity=None, goods_value=None, illegal_profit=None,
        times=1)
    decided_on = day(decided)
    assert decided_on is not None
    try:
        return _group_answer(catalog, fact, FineBase.ORGANIZATION
                             if fined is FineBase.ORGANIZATION else FineBase.INDIVIDUAL,
                             decided_on)
    except PenaltyRulesError:
        return None


def _fine_table(t: _Tables, known_m: int, known_a: int, np: Any) -> tuple[Array, int, int]:
    """The specific fine of every known group for every count of mitigating (``0 …
    known_m``) and aggravating (``0 … known_a + 1``: a repetition may add one)
    circumstances, flat: group × cells + mitigating × across + aggravating."""
    known = np.array(t.known, dtype=np.intp)
    across = known_a + 2
    cells = (known_m + 1) * across
    grid_m = np.arange(known_m + 1, dtype=np.int64)[None, :, None]
    grid_a = np.arange(across, dtype=np.int64)[None, None, :]
    table = np.full((len(t.low), known_m + 1, across), -1, dtype=np.int64)
    table[known] = _specific(t.low[known, None, None], t.high[known, None, None], grid_m,
                             grid_a, t.scheme[known, None, None], t.percent[known, None, None])
    return table.reshape(-1), cells, across  # (groups not present: -1, never read)


def _answer_rows(t: _Tables, document: Array, key: Array, mitigating: Any, aggravating: Any,
                 times: Any, ref_day: Array, decided_day: Array, first: int, last: int,
                 known_m: int, known_a: int, n: int, np: Any) -> FastResult | None:
    """Every row's answer, by lookups in tables of the groups' answers."""
    provision = np.take(t.provision, key)
    fine_min = np.take(t.low, key)
    fine_max = np.take(t.high, key)
    known = np.array(t.known, dtype=np.intp)
    warning_only = bool((t.low[known] < 0).any())  # a frame-less rule: no money
    money_empty = np.take(t.low < 0, key) if warning_only else np.zeros(n, dtype=bool)

    # The limitation's end: a table of days by period, looked up per row; the time bar.
    periods = np.unique(t.years[known])
    span = last - first + 1  # every reference day lies between them
    if span * len(periods) > 4 * n + 65_536:
        return None
    direct = len(periods) == 1 and first >= 0 and last < _DIRECT
    lo = 0 if direct else first  # (one period from 1970 on: the table indexed by the day)
    ends = _ends(lo, last, tuple(periods.tolist()))
    if ends is None:
        return None  # past the calendar: the general path sends those rows to assess
    if direct:
        expires = np.take(ends, ref_day)
    else:
        where = np.take(np.searchsorted(periods, t.years) * (last - lo + 1) - lo, key)
        where += ref_day
        expires = np.take(ends, where, out=where, mode="clip")  # (in bounds: no buffer)
    time_barred = decided_day > expires
    expires *= 86_400
    fine_empty = time_barred | money_empty

    # The specific fine: a table per group and counts of circumstances (and, for acts
    # fined once, one more aggravating count for a repetition), looked up per row.
    fines, cells, across = _fine_table(t, known_m, known_a, np)
    small = np.int16 if cells <= 2**15 - 1 else np.int32
    counts: Any = None
    if mitigating is not None:
        counts = mitigating.astype(small) * small(across)
    if aggravating is not None:
        counts = aggravating.astype(small) if counts is None else np.add(counts, aggravating,
                                                                        out=counts)
    many = None
    if times is not None and int(times.max()) > 1:
        repeated = times > 1
        once = np.take(t.once, key)
        many = repeated & ~once  # fined for every time
        once &= repeated  # fined once, the repetition aggravating
        counts = once.astype(small) if counts is None else np.add(counts, once, out=counts)
    cell = np.multiply(key, cells, out=key)  # the group numbers are no longer needed
    if counts is not None:
        cell += counts
    fine = np.take(fines, cell, out=cell, mode="clip")
    if many is not None and many.any():
        fine[many] *= times[many]
    return FastResult(document, provision, t.texts, fine_min, fine_max, money_empty,
                      fine, fine_empty, time_barred, expires.view("datetime64[s]"))

