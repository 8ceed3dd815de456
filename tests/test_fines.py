"""Properties of the specific-fine schemes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from penalty_rules import SchemeKind, specific_fine
from penalty_rules.engine.fines import average, net

frames = st.tuples(st.integers(0, 2_000_000_000), st.integers(0, 2_000_000_000)).map(sorted)
kinds = st.sampled_from(list(SchemeKind))
counts = st.integers(0, 6)


def _fine(low: int, high: int, m: int, a: int, kind: SchemeKind) -> tuple[int, object]:
    nm, na = net(m, a)
    return specific_fine(low, high, nm, na, kind, 10 if kind is SchemeKind.PERCENT_OF_AVERAGE else None)


@given(frames, counts, counts, kinds)
def test_recommended_fine_lies_in_interval_and_frame(frame: list[int], m: int, a: int,
                                                     kind: SchemeKind) -> None:
    low, high = frame
    amount, interval = _fine(low, high, m, a, kind)
    assert low <= amount <= high
    assert interval.contains(amount)  # type: ignore[attr-defined]
    assert low <= interval.low <= interval.high <= high  # type: ignore[attr-defined]


@given(frames, counts, counts, kinds)
def test_more_aggravating_never_lowers_the_fine(frame: list[int], m: int, a: int,
                                                kind: SchemeKind) -> None:
    low, high = frame
    assert _fine(low, high, m, a + 1, kind)[0] >= _fine(low, high, m, a, kind)[0]


@given(frames, counts, counts, kinds)
def test_more_mitigating_never_raises_the_fine(frame: list[int], m: int, a: int,
                                               kind: SchemeKind) -> None:
    low, high = frame
    assert _fine(low, high, m + 1, a, kind)[0] <= _fine(low, high, m, a, kind)[0]


@given(frames, counts, kinds)
def test_equal_circumstances_cancel_to_the_average(frame: list[int], n: int,
                                                   kind: SchemeKind) -> None:
    low, high = frame
    assert _fine(low, high, n, n, kind)[0] == average(low, high)


@given(frames)
def test_68_2025_one_circumstance_is_strictly_inside(frame: list[int]) -> None:
    low, high = frame
    avg = average(low, high)
    down, interval = specific_fine(low, high, 1, 0, SchemeKind.OPEN_INTERVAL_BOUNDS_AT_TWO)
    if avg - low >= 2:
        assert low < down < avg and interval.low_open and interval.high_open
    up, _ = specific_fine(low, high, 0, 1, SchemeKind.OPEN_INTERVAL_BOUNDS_AT_TWO)
    if high - avg >= 2:
        assert avg < up < high


@pytest.mark.parametrize(
    ("kind", "m", "a", "expected"),
    [
        (SchemeKind.OPEN_INTERVAL_BOUNDS_AT_TWO, 0, 0, 750_000),
        (SchemeKind.OPEN_INTERVAL_BOUNDS_AT_TWO, 2, 0, 500_000),
        (SchemeKind.OPEN_INTERVAL_BOUNDS_AT_TWO, 0, 3, 1_000_000),
        (SchemeKind.OPEN_INTERVAL_BOUNDS_AT_TWO, 1, 0, 625_000),
        (SchemeKind.BOUNDS_AT_TWO, 1, 0, 625_000),
        (SchemeKind.PERCENT_OF_AVERAGE, 1, 0, 675_000),
        (SchemeKind.PERCENT_OF_AVERAGE, 0, 1, 825_000),
        (SchemeKind.PERCENT_OF_AVERAGE, 0, 2, 1_000_000),
    ],
)
def test_worked_frame_500k_to_1m(kind: SchemeKind, m: int, a: int, expected: int) -> None:
    """general-law.md §4: frame 500,000–1,000,000 has average 750,000 (S16)."""
    percent = 10 if kind is SchemeKind.PERCENT_OF_AVERAGE else None
    assert specific_fine(500_000, 1_000_000, m, a, kind, percent)[0] == expected


def test_counts_must_be_netted_first() -> None:
    with pytest.raises(ValueError, match="net"):
        specific_fine(1, 10, 1, 1, SchemeKind.BOUNDS_AT_TWO)
