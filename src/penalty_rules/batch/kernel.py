"""One compiled pass over the rows of a clean typed table (numba, part of the extra ``[batch]``).

The numpy fast path (:mod:`penalty_rules.batch.fast`) makes some twenty passes over the
columns, each writing a new full-length array, on one processor. Here the same steps run
row after row in one loop compiled by `numba <https://numba.pydata.org>`_ — a well-kept
compiler of numeric Python — which writes each output column once, no intermediate
column at all, and shares the rows among the machine's processors (numba's threads;
``NUMBA_NUM_THREADS`` sets how many):

1. the checks of a case (the same comparisons as the numpy path; a row that fails one
   sends the whole table back to the numpy path, which sifts such rows out);
2. the reference day (end of the act, or its detection while it went on), the law day
   (the detection day for an act going on when a replacing decree took effect) and the
   decision day, as day numbers;
3. the group number — text, law epoch, decision epoch, kind of offender — with the epochs
   counted from the text's breakpoints;
4. the group's answer (document, clause, frame), the limitation's end from a table by
   period and day, the time bar, and the specific fine from the table by group and
   counts of circumstances (a repetition as one more aggravating circumstance for acts
   fined once, the fine times the repetitions otherwise).

The tables are those of the numpy path, so both give the same answers; the tests run
both on the same random tables and compare them with :func:`~penalty_rules.assess`.
Without numba, or for tables shorter than
:data:`~penalty_rules.batch.fast.KERNEL_ROWS` (where loading the compiled loop costs more
than it saves), the numpy path answers. numba compiles the loop on its first use and keeps
it on disk next to this module (or in ``NUMBA_CACHE_DIR``), so later processes load it.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
from numba import njit, prange

from .groups import Array

__all__ = ["BAIL", "run_rows"]

#: What :func:`run_rows` returns when a row fails a check or a day lies outside the tables.
BAIL = -1

_NAT = -(2**63)  # an absent day (numpy's NaT)
_FAR = 2**62  # an act still going on ends after every day of the calendar

#: numba's own thread pool (the default "workqueue" layer) must not be entered by two
#: threads at once: calls from threads of the caller (a web service, Dask's threads)
#: take turns.
_ONE_AT_A_TIME = threading.Lock()


@njit(cache=True, inline="always")
def _days(x: int, unit: int, inverse: float) -> int:
    # ``x // unit`` without a division (slow in a loop): the quotient from a product,
    # then made exact by at most one step (the product is off by less than one).
    q = int(x * inverse)
    rest = x - q * unit
    if rest < 0:
        q -= 1
    elif rest >= unit:
        q += 1
    return q


@njit(cache=True, nogil=True, parallel=True)
def _rows(committed: Any, detected: Any, decided: Any, has_decided: bool, ended: Any,
          has_ended: bool, today_n: int, unit: int, low_s: int, high_s: int,
          text_codes: Any, kind_codes: Any, breaks: Any, nbreaks: Any, switches: Any,
          nswitches: Any, width: int, kinds: int, t_document: Any, t_provision: Any,
          t_low: Any, t_high: Any, t_once: Any, t_period: Any, warning_only: bool,
          fines: Any, cells: int, across: int, ends: Any, ndays: int,
          mitigating: Any, has_m: bool, aggravating: Any, has_a: bool, times: Any,
          has_t: bool, o_document: Any, o_provision: Any, o_min: Any, o_max: Any,
          o_money_empty: Any, o_fine: Any, o_fine_empty: Any, o_barred: Any,
          o_expires: Any, keys: Any, want_keys: bool) -> int:
    unknown = 0
    last_fine = len(fines) - 1
    inverse = 1.0 / unit
    # (Written without short-circuits: on random rows a branch the processor cannot
    # predict costs more than computing both sides; the checks are one test a row.)
    wrong = 0
    for i in prange(len(committed)):
        c = committed[i]
        d = detected[i]
        dec = decided[i] if has_decided else today_n
        dec = today_n if dec == _NAT else dec
        e = ended[i] if has_ended else _FAR
        e = _FAR if e == _NAT else e
        bad = (d < c) | (dec < d) | (c < low_s) | (dec > high_s)
        bad |= (e < c) | ((e != _FAR) & (e > dec))
        ref = min(e, d)
        ref_day = _days(ref, unit, inverse)
        t = text_codes[i]
        bad |= (ref_day < 0) | (ref_day >= ndays) | (t < 0) | (kind_codes[i] < 0)
        if bad:  # (the whole table then goes back to the numpy path)
            wrong += 1
            continue
        dec_day = _days(dec, unit, inverse)
        moved = False
        for j in range(nswitches[t]):
            start = switches[t, j] * unit
            moved |= (c < start) & (e >= start) & (start <= dec)
        law_day = _days(d, unit, inverse) if moved else ref_day
        law_epoch = 0
        dec_epoch = 0
        for j in range(nbreaks[t]):
            point = breaks[t, j]
            law_epoch += point <= law_day
            dec_epoch += point <= dec_day
        g = ((t * width + law_epoch) * width + dec_epoch) * kinds + kind_codes[i]
        if want_keys:
            keys[i] = g
        doc = t_document[g]
        unknown += doc < 0
        o_document[i] = doc
        o_provision[i] = t_provision[g]
        low = t_low[g]
        o_min[i] = low
        o_max[i] = t_high[g]
        money_empty = warning_only & (low < 0)
        o_money_empty[i] = money_empty
        expires = ends[t_period[g] * ndays + ref_day]
        barred = dec_day > expires
        o_barred[i] = barred
        o_expires[i] = expires * 86_400
        o_fine_empty[i] = barred | money_empty
        count = 0
        if has_m:
            count = mitigating[i] * across
        if has_a:
            count += aggravating[i]
        many = 1
        if has_t:
            repeated = times[i] > 1
            once = t_once[g]
            count += repeated & once
            many += (times[i] - 1) * (repeated & (not once))
        o_fine[i] = fines[min(g * cells + count, last_fine)] * many
    return -1 if wrong else unknown



def _padded(rows: list[Array]) -> tuple[Array, Array]:
    """Ragged day lists as one padded 2-D table and their lengths."""
    most = max((len(r) for r in rows), default=0)
    table = np.zeros((len(rows), max(most, 1)), dtype=np.int64)
    for k, r in enumerate(rows):
        table[k, :len(r)] = r
    return table, np.array([len(r) for r in rows], dtype=np.int64)


def run_rows(dates: dict[str, Array | None], unit: int, today_n: int, low_s: int,
             high_s: int, text_codes: Array, kind_codes: Array, resolved: Any, width: int,
             kinds: int, tables: Any, period_of: Array, warning_only: bool, fines: Array,
             cells: int, across: int, ends: Array, ndays: int, counts: dict[str, Array | None],
             keys: Array | None) -> tuple[int, dict[str, Array]]:
    """Every row through the compiled loop: (rows of groups not known — or :data:`BAIL`
    — and the output columns)."""
    n = len(text_codes)
    empty = np.zeros(0, dtype=np.int64)
    breaks, nbreaks = _padded([r.breakpoints for r in resolved])
    switches, nswitches = _padded([r.transition_days for r in resolved])
    out = {
        "document": np.empty(n, dtype=tables.document.dtype),
        "provision": np.empty(n, dtype=tables.provision.dtype),
        "fine_min": np.empty(n, dtype=np.int64), "fine_max": np.empty(n, dtype=np.int64),
        "money_empty": np.empty(n, dtype=bool), "fine": np.empty(n, dtype=np.int64),
        "fine_empty": np.empty(n, dtype=bool), "time_barred": np.empty(n, dtype=bool),
        "expires": np.empty(n, dtype=np.int64),
    }
    decided, ended = dates["decided_on"], dates["ended_on"]
    mitigating, aggravating, times = counts["mitigating"], counts["aggravating"], counts["times"]
    with _ONE_AT_A_TIME:
        unknown = _rows(
            dates["committed_on"], dates["detected_on"],
            decided if decided is not None else empty, decided is not None,
            ended if ended is not None else empty, ended is not None,
            today_n, unit, low_s, high_s, text_codes, kind_codes, breaks, nbreaks, switches,
            nswitches, width, kinds, tables.document, tables.provision, tables.low,
            tables.high, tables.once, period_of, warning_only, fines, cells, across, ends,
            ndays,
            mitigating if mitigating is not None else empty, mitigating is not None,
            aggravating if aggravating is not None else empty, aggravating is not None,
            times if times is not None else empty, times is not None,
            out["document"], out["provision"], out["fine_min"], out["fine_max"],
            out["money_empty"], out["fine"], out["fine_empty"], out["time_barred"],
            out["expires"], keys if keys is not None else empty, keys is not None)
    return int(unknown), out
