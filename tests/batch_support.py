"""What the batch tests share: switching the fast path's loop, and cells as plain values."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

#: The loops of the typed fast path: numpy passes, and the compiled loop when numba is
#: installed.
LOOPS = ["numpy"] + (["compiled"] if importlib.util.find_spec("numba") else [])


@contextmanager
def batch_loop(kind: str) -> Iterator[None]:
    """Answer clean tables of any length with the numpy passes (``"numpy"``) or with the
    compiled loop (``"compiled"``)."""
    import penalty_rules.batch.fast as fast

    saved = fast.KERNEL_ROWS
    fast.KERNEL_ROWS = 0 if kind == "compiled" else 2**62
    try:
        yield
    finally:
        fast.KERNEL_ROWS = saved


def kernel_spy(monkeypatch: Any) -> list[bool]:
    """Record, per call of the compiled loop's entry, whether it answered the table
    (``False``: it handed the table back to the numpy passes)."""
    import penalty_rules.batch.fast as fast

    taken: list[bool] = []
    through = fast._through_kernel

    def spy(*args: Any, **kwargs: Any) -> Any:
        result = through(*args, **kwargs)
        taken.append(result is not None)
        return result

    monkeypatch.setattr(fast, "_through_kernel", spy)
    return taken


def plain(value: Any) -> Any:
    """A table cell as a plain Python value (missing values as ``None``, days as dates)."""
    import pandas as pd

    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if hasattr(value, "item"):
        return value.item()
    return value
