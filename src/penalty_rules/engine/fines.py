"""The specific fine inside a frame: the average, moved by circumstances.

The schemes are data (:class:`~penalty_rules.models.rules.FineScheme`); this module
only knows their kinds:

>>> from penalty_rules.models.rules import SchemeKind
>>> specific_fine(20_000_000, 30_000_000, 0, 0, SchemeKind.OPEN_INTERVAL_BOUNDS_AT_TWO)
(25000000, FineInterval(low=25000000, high=25000000, low_open=False, high_open=False))
>>> specific_fine(20_000_000, 30_000_000, 1, 0, SchemeKind.OPEN_INTERVAL_BOUNDS_AT_TWO)[0]
22500000
>>> specific_fine(20_000_000, 30_000_000, 0, 2, SchemeKind.OPEN_INTERVAL_BOUNDS_AT_TWO)[0]
30000000
"""

from __future__ import annotations

from ..models.assessment import FineInterval
from ..models.rules import SchemeKind


def average(low: int, high: int) -> int:
    """The average of a frame (Art. 23(4)), rounded down to a whole đồng."""
    return (low + high) // 2


def net(mitigating: int, aggravating: int) -> tuple[int, int]:
    """Cancel circumstances one for one; return what is left of each kind."""
    both = min(mitigating, aggravating)
    return mitigating - both, aggravating - both


def _midpoint(interval: FineInterval) -> int:
    """An amount strictly inside an interval when one exists, else its nearest end."""
    low, high = interval.low, interval.high
    middle = (low + high) // 2
    if interval.contains(middle):
        return middle
    return high if interval.contains(high) else low


def specific_fine(low: int, high: int, mitigating: int, aggravating: int, kind: SchemeKind,
                  percent: int | None = None) -> tuple[int, FineInterval]:
    """Recommended amount and lawful interval for net circumstance counts.

    ``mitigating`` and ``aggravating`` are counts *after* cancelling (see :func:`net`);
    at most one of them is non-zero.
    """
    if mitigating and aggravating:
        raise ValueError("cancel circumstances with net() first")
    avg = average(low, high)
    if low == high or (not mitigating and not aggravating):
        point = FineInterval(low=avg, high=avg)
        return avg, point
    down = mitigating > 0
    count = mitigating or aggravating
    if kind is SchemeKind.AVERAGE_ONLY:
        interval = FineInterval(low=low, high=avg) if down else FineInterval(low=avg, high=high)
        return _midpoint(interval), interval
    if count >= 2:
        end = low if down else high
        return end, FineInterval(low=end, high=end)
    if kind is SchemeKind.BOUNDS_AT_TWO:
        interval = FineInterval(low=low, high=avg) if down else FineInterval(low=avg, high=high)
        return _midpoint(interval), interval
    if kind is SchemeKind.OPEN_INTERVAL_BOUNDS_AT_TWO:
        if down:
            interval = FineInterval(low=low, high=avg, low_open=True, high_open=True)
        else:
            interval = FineInterval(low=avg, high=high, low_open=True, high_open=True)
        if not any(interval.contains(v) for v in (interval.low + 1, interval.high - 1)):
            closed = FineInterval(low=interval.low, high=interval.high)
            return _midpoint(closed), closed
        return _midpoint(interval), interval
    if kind is SchemeKind.PERCENT_OF_AVERAGE:
        if percent is None:
            raise ValueError("percent_of_average needs a percent")
        step = avg * percent // 100
        amount = max(low, avg - step) if down else min(high, avg + step)
        return amount, FineInterval(low=amount, high=amount)
    raise ValueError(f"unknown scheme kind {kind}")
