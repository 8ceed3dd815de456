"""What the batch paths share: the rules of one group of rows, worked out once by the
engine and remembered per catalog, and the arithmetic applied to whole columns.

A *group* is a set of rows citing the same text, for the same kind of offender, whose
law day and decision day fall in the same *epochs* of that text (between the same two
dates on which some rule of it starts or ends): they get the same frame and rules.
"""

from __future__ import annotations

import importlib
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ..catalog.catalog import Catalog
from ..errors import CaseError, CitationSyntaxError, ProvisionNotFound
from ..models.case import ViolationFact
from ..models.circumstance import CircumstanceKind
from ..models.citation import Citation
from ..models.fine import BandedFine, FineFrame, PerUnitFine
from ..models.offender import FineBase, OffenderKind
from ..models.provision import Provision
from ..models.rules import SchemeKind

if TYPE_CHECKING:
    import numpy as np  # type: ignore[import-not-found, unused-ignore]

    Array = np.ndarray[Any, Any]
else:
    Array = Any

_DATES = ("committed_on", "ended_on", "detected_on", "decided_on")
_INTS = ("quantity", "goods_value", "illegal_profit", "times")
_NULL = -(2**62)  # an absent integer (never a lawful value: counts and money are ≥ 0)
_NAT = -(2**63)  # an absent day (numpy's NaT)

_SCHEME_CODES = {kind: i for i, kind in enumerate(SchemeKind)}


def _need(module: str) -> Any:
    """``module`` of the extra ``[batch]``, or an error saying how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError:  # pragma: no cover - depends on the installation
        raise ImportError("the batch path needs numpy and pandas: "
                          "pip install 'penalty_rules[batch]'") from None


def _need_numpy() -> Any:
    return _need("numpy")


def _need_pandas() -> Any:
    return _need("pandas")


def _factorize(values: Any) -> tuple[Array, list[Any]]:
    """Integer codes and the distinct values (categorical columns are read as they are)."""
    pd = _need_pandas()

    np = _need_numpy()
    if isinstance(values, pd.Series) and isinstance(values.dtype, pd.CategoricalDtype):
        return values.cat.codes.to_numpy(), list(values.cat.categories)  # int8/16: as is
    codes, uniques = pd.factorize(pd.Series(values, dtype=object) if not isinstance(values, pd.Series)
                                  else values, use_na_sentinel=True)
    return np.asarray(codes, dtype=np.int64), list(uniques)


def _codes_of(catalog: Catalog, kind: CircumstanceKind) -> tuple[str, ...]:
    return tuple(c.code for c in catalog.circumstances.values()
                 if c.kind is kind and c.code != "repeated")


# -- the rules of one group -------------------------------------------------------------------
@dataclass(frozen=True)
class _Resolved:
    """What one cited text resolves to, and the days on which its rules may change."""

    breakpoints: Array
    transition_days: Array
    transitions: bool
    facts_matter: bool
    error: str | None = None
    row_by_row: bool = False


def _resolve_text(catalog: Catalog, text: Any) -> _Resolved:
    from ..engine.resolve import lineage_of

    np = _need_numpy()
    empty = np.zeros(0, dtype=np.int64)
    if not isinstance(text, str) or not text:
        return _Resolved(empty, empty, False, False, row_by_row=True)
    from ..citations.parse import parse_citation

    try:
        cited = parse_citation(text)
        matches = catalog.find(cited)
    except CitationSyntaxError as exc:
        return _Resolved(empty, empty, False, False, str(CaseError("violations[0].provision",
                                                            exc.reason)))
    except ProvisionNotFound as exc:
        detail = "; ".join(x for x in ("violations[0].provision", exc.detail) if x)
        return _Resolved(empty, empty, False, False,
                         str(ProvisionNotFound(exc.citation, exc.suggestions, detail)))
    if len({str(m.document) for m in matches}) > 1:
        return _Resolved(empty, empty, False, False, row_by_row=True)
    lineage = lineage_of(catalog, matches[0])
    days: set[date] = set()
    transitions = False
    moments: set[date] = set()
    facts = False
    seen: set[int] = set()

    def add(provision: Provision) -> None:
        nonlocal transitions, facts
        if id(provision) in seen:
            return
        seen.add(id(provision))
        for entry in (*catalog.timeline(provision).entries, *provision.versions.entries):
            days.add(entry.valid_from)
        document = catalog.document(provision.document)
        days.add(document.effective_from)
        rules = catalog.rules_for(provision.document)
        if rules is not None:
            if rules.transition is not None:
                transitions = True
                moments.add(document.effective_from)
            for listed in (rules.two_year_limitation, rules.fined_once):
                if listed is not None:
                    days.add(listed.valid_from)
        sector = catalog.sectors.get(provision.sector)
        if sector is not None:
            days.update(e.valid_from for e in sector.maxima.entries)
            days.update(e.valid_from for e in sector.limitation.entries)
        for version in provision.versions:
            fine = version.fine
            if fine is None or (isinstance(fine, FineFrame) and fine.quantity_to is None):
                continue
            facts = True
            if isinstance(fine, FineFrame | PerUnitFine | BandedFine):
                # A quantity may move the act to another clause of the document.
                for other in catalog.provisions_of(provision.document):
                    add(other)

    for provision in lineage:
        add(provision)
    days.update(e.valid_from for e in catalog.general_schemes.entries)
    epoch = date(1970, 1, 1).toordinal()
    points = np.array(sorted(d.toordinal() - epoch for d in days), dtype=np.int64)
    switches = np.array(sorted(d.toordinal() - epoch for d in moments), dtype=np.int64)
    return _Resolved(points, switches, transitions, facts)


@dataclass(frozen=True)
class _GroupAnswer:
    """The rules of one group of rows."""

    document: str
    provision: str
    low: int  # -1: warning only
    high: int
    scheme: int
    percent: int
    once: bool
    years: int


def _group_answer(catalog: Catalog, fact: ViolationFact, fined_as: FineBase,
                  decided_on: date) -> _GroupAnswer:
    """The frame, scheme, repetition rule and limitation years for one representative row."""
    from ..engine.context import Violation
    from ..engine.fines import fined_once, scheme_for
    from ..engine.frames import offender_frame
    from ..engine.lenient import apply_lenient
    from ..engine.limitation import limitation
    from ..engine.resolve import resolve
    from ..engine.timing import choose

    v = Violation(catalog, 0, fact, fined_as, decided_on)
    res = resolve(v)
    choice = choose(v, res)
    frame = offender_frame(v, choice.provision, choice.version, choice.day, choice.point)
    choice, frame, _ = apply_lenient(v, res, choice, frame)
    provision, version = choice.provision, choice.version
    band_point = frame.band.point if frame.band else None
    applied = Citation(article=provision.article, clause=provision.clause,
                       point=choice.point or band_point, document=provision.document,
                       amended_by=version.amended_by)
    low = high = -1
    scheme, percent = 0, 0
    if frame.range is not None:
        low, high = frame.range.min, frame.range.max
        found = scheme_for(v, provision)
        scheme, percent = _SCHEME_CODES[found.kind], found.percent or 0
    once = fined_once(v, applied, choice.day) is not None
    years = limitation(v, applied, provision.sector, choice.day).years
    return _GroupAnswer(str(provision.document), applied.format(), low, high, scheme, percent,
                        once, years)


# -- the vectorised arithmetic ----------------------------------------------------------------
def _specific(low: Array, high: Array, mitigating: Array, aggravating: Array, scheme: Array,
              percent: Array) -> Array:
    """:func:`~penalty_rules.engine.fines.specific_fine` for whole columns (net counts)."""
    np = _need_numpy()
    both = np.minimum(mitigating, aggravating)
    m, a = mitigating - both, aggravating - both
    avg = (low + high) // 2
    down = m > 0
    count = np.where(down, m, a)
    # One circumstance (or any number under average_only): the middle of the half frame.
    half = np.where(down, (low + avg) // 2, (avg + high) // 2)
    bounds = np.where(down, low, high)
    step = avg * percent // 100
    by_percent = np.where(down, np.maximum(low, avg - step), np.minimum(high, avg + step))
    average_only = scheme == _SCHEME_CODES[SchemeKind.AVERAGE_ONLY]
    at_two = np.where(average_only, half, np.where(count >= 2, bounds, half))
    moved = np.where(scheme == _SCHEME_CODES[SchemeKind.PERCENT_OF_AVERAGE], by_percent, at_two)
    result: Array = np.where((low == high) | (count == 0), avg, moved)
    return result


def _add_years(days: Array, years: Array) -> Array:
    """Day numbers plus whole years; 29 February goes to 28 February (as ``add_years``)."""
    np = _need_numpy()
    d = days.astype("datetime64[D]")
    month = d.astype("datetime64[M]")
    day_in_month = (d - month).astype(np.int64)
    target = month + (years.astype(np.int64) * 12).astype("timedelta64[M]")
    length = ((target + np.timedelta64(1, "M")).astype("datetime64[D]")
              - target.astype("datetime64[D]")).astype(np.int64)
    out: Array = (target.astype("datetime64[D]").view(np.int64)
                  + np.minimum(day_in_month, length - 1))
    return out


@dataclass
class _Memo:
    """What is remembered for one catalog (it is immutable, so it stays true): the group
    answers by key (text, kind, epochs, facts), the same answers by text, and resolved
    texts."""

    answers: dict[tuple[Any, ...], _GroupAnswer | None]
    by_text: dict[Any, dict[tuple[Any, ...], _GroupAnswer | None]]
    resolved: dict[Any, _Resolved]

    def remember(self, key: tuple[Any, ...], answer: _GroupAnswer | None) -> None:
        if len(self.answers) < 200_000:
            self.answers[key] = answer
            self.by_text.setdefault(key[0], {})[key[1:]] = answer


def _memo(catalog: Catalog) -> dict[tuple[Any, ...], _GroupAnswer | None]:
    """Answers already computed for this catalog."""
    return _memos(catalog).answers


def _memos(catalog: Catalog) -> _Memo:
    """What is remembered for this catalog."""
    key = id(catalog)
    found = _MEMOS.get(key)
    if found is None or found[0]() is not catalog:
        memo = _Memo({}, {}, {})
        _MEMOS[key] = (weakref.ref(catalog, lambda _: _MEMOS.pop(key, None)), memo)
        return memo
    return found[1]


def _resolved(catalog: Catalog, texts: Sequence[Any]) -> list[_Resolved]:
    """:func:`_resolve_text` for every text, remembered per catalog."""
    memo = _memos(catalog).resolved
    out = []
    for text in texts:
        try:
            found = memo.get(text)
        except TypeError:  # an unhashable cell: never remembered
            found = None
        if found is None:
            found = _resolve_text(catalog, text)
            if isinstance(text, str) and len(memo) < 100_000:
                memo[text] = found
        out.append(found)
    return out


_MEMOS: dict[int, tuple[weakref.ref[Catalog], _Memo]] = {}
_FAR = 2**62  # an act still going on ends after every day of the calendar


def _fined_as(catalog: Catalog, text: Any) -> FineBase | str:
    """How an offender kind is fined, or the error :func:`~penalty_rules.assess` gives."""
    try:
        kind = OffenderKind(str(text))
    except ValueError:
        known = ", ".join(repr(k.value) for k in OffenderKind)
        return f"offender.kind: Input should be {known}"
    if kind is OffenderKind.INDIVIDUAL:
        return FineBase.INDIVIDUAL
    if kind is OffenderKind.ORGANIZATION:
        return FineBase.ORGANIZATION
    treatment = catalog.treatments.get(kind)
    if treatment is None:
        return f"offender.kind: the catalog does not say how a {kind.value} is fined"
    return treatment.fined_as
