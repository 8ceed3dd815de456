"""Reform totals by columns: a case log through :func:`penalty_rules.batch.assess_table`.

What :func:`~penalty_rules.planning.reform.what_if` computes row by row with
:func:`~penalty_rules.assess`, for a whole :class:`~penalty_rules.models.log.LogTable` at
once (numpy and pandas, extra ``[batch]``): each row becomes the one-violation case the
row-by-row path builds, both catalogs assess the table, and the fines are summed by sector
and by clause. What ``assess_table`` does not return — the sector and the clause of the
provision applied — is looked up once per distinct provision applied.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from ..batch import assess_table
from ..catalog.catalog import Catalog
from ..citations.parse import parse_citation
from ..errors import PenaltyRulesError
from ..models.log import LogTable

#: Totals of one bucket: cases, fines before, fines after.
Totals = dict[str, list[int]]


def _frame(log: LogTable, np: Any, pd: Any) -> Any:
    """The table of one-violation cases the row-by-row path builds from the log rows."""
    epoch = date(1970, 1, 1).toordinal()
    decided = log.column("date")
    ended = log.act_ended_on()

    def days(values: list[date]) -> Any:
        codes, uniques = pd.factorize(np.array(values, dtype=object))
        numbers = np.array([d.toordinal() - epoch for d in uniques], dtype=np.int64)
        return numbers[codes].astype("datetime64[D]")

    act, decision = days(ended), days(decided)
    kinds = [k.value for k in log.column("offender_kind")]
    return pd.DataFrame({
        "provision": pd.Categorical(log.column("provision")),
        "offender_kind": pd.Categorical(kinds),
        "committed_on": act, "ended_on": act, "detected_on": act,
        "decided_on": np.maximum(decision, act),
        "quantity": pd.array(log.column("quantity"), dtype="Int64"),
        "goods_value": pd.array(log.column("goods_value"), dtype="Int64"),
    })


def _buckets(texts: list[str], catalog: Catalog, rows: list[int],
             assess_one: Callable[[int], tuple[str, str]]) -> list[tuple[str, str]]:
    """Sector and clause of each provision applied (text as ``assess_table`` writes it;
    ``rows``: a log row where each was applied)."""
    out = []
    for text, row in zip(texts, rows, strict=True):
        try:
            cited = parse_citation(text)
            found = catalog.provisions.get((str(cited.document), cited.article, cited.clause))
        except PenaltyRulesError:
            found = None
        if found is None or cited.format() != text:
            out.append(assess_one(row))  # not read back as written: ask the engine
        else:
            out.append((found.sector, cited.clause_level().format()))
    return out


def _sum(groups: Any, values: Any, size: int, np: Any) -> list[int]:
    """Exact integer sums of ``values`` per group (Python integers past int64)."""
    if len(values) == 0:
        return [0] * size
    if int(np.abs(values).max()) * len(values) < 2**62:
        out = np.zeros(size, dtype=np.int64)
        np.add.at(out, groups, values)
        return [int(v) for v in out.tolist()]
    sums = [0] * size
    for g, v in zip(groups.tolist(), values.tolist(), strict=True):
        sums[g] += v
    return sums


def reform_totals(log: LogTable, catalog: Catalog, reformed: Catalog,
                  assess_one: Callable[[int], tuple[str, str]],
                  progress: Callable[[int], object] | None = None,
                  ) -> tuple[Totals, Totals, list[str]]:
    """Cases and fines before and after, by sector and by clause, and the rows skipped
    (``row N: reason``), as :func:`~penalty_rules.planning.reform.what_if` counts them.

    ``assess_one(i)`` gives the sector and clause of row ``i`` through the engine (for a
    provision applied whose text does not read back as written; never in practice).
    """
    import numpy as np  # type: ignore[import-not-found, unused-ignore]
    import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]

    frame = _frame(log, np, pd)
    today = date.today()
    before = assess_table(frame, catalog, today=today)
    if progress is not None:
        progress(len(log))
    after = assess_table(frame, reformed, today=today)
    if progress is not None:
        progress(len(log))
    rows = log.column("row")
    skipped = []
    failed = before["error"].notna().to_numpy() | after["error"].notna().to_numpy()
    for i in np.flatnonzero(failed).tolist():
        error = before["error"].iat[i]
        reason = error if isinstance(error, str) else after["error"].iat[i]
        skipped.append(f"row {rows[i] or i + 2}: {reason}")
    ok = ~failed
    applied = before["provision"]
    codes = applied.cat.codes.to_numpy()[ok]
    first: dict[int, int] = {}  # a row of each provision applied
    for i, code in zip(np.flatnonzero(ok).tolist(), codes.tolist(), strict=True):
        first.setdefault(code, i)
    used = sorted(first)
    found = dict(zip(used, _buckets([str(applied.cat.categories[c]) for c in used], catalog,
                                    [first[c] for c in used], assess_one), strict=True))
    buckets = [found.get(c, ("", "")) for c in range(len(applied.cat.categories))]
    fines_before = before["fine"].to_numpy(dtype=np.int64, na_value=0)[ok]
    fines_after = after["fine"].to_numpy(dtype=np.int64, na_value=0)[ok]
    totals: list[Totals] = []
    for part in (0, 1):
        names = sorted({b[part] for b in buckets})
        number = {name: k for k, name in enumerate(names)}
        group_of = np.array([number[b[part]] for b in buckets] + [0], dtype=np.int64)
        groups = group_of[codes]
        cases = np.bincount(groups, minlength=len(names)).tolist()
        sums = (_sum(groups, fines_before, len(names), np), _sum(groups, fines_after, len(names), np))
        totals.append({name: [int(cases[k]), sums[0][k], sums[1][k]]
                       for k, name in enumerate(names) if cases[k]})
    return totals[0], totals[1], skipped
