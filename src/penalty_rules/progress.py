"""A progress bar on standard error for long command-line work (optional extra ``[progress]``).

The bar is drawn by tqdm only when standard error is a terminal, tqdm is installed and
the user did not give ``--no-progress``; otherwise nothing is drawn and tqdm is not
imported. The library's long functions take a plain callback (``progress(n)``: ``n``
more units done), so they never depend on tqdm.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

#: What the library's long functions call: ``n`` more units of work done.
Tick = Callable[[int], object]


def is_terminal(stream: Any) -> bool:
    """True when ``stream`` is an open terminal."""
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):  # no isatty, or a closed stream
        return False


@contextmanager
def progress_bar(description: str, total: int | None = None, *, enabled: bool = True,
                 unit: str = "row", stream: TextIO | None = None) -> Iterator[Tick | None]:
    """A tick function drawing a bar on ``stream`` (default: standard error), or ``None``
    when no bar is drawn (not enabled, not a terminal, or tqdm not installed)."""
    out = sys.stderr if stream is None else stream
    if not enabled or not is_terminal(out):
        yield None
        return
    try:
        from tqdm import tqdm  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError:
        yield None
        return
    bar = tqdm(total=total, desc=description, unit=unit, file=out, leave=False,
               dynamic_ncols=True, mininterval=0.2, unit_scale=True)
    try:
        yield bar.update
    finally:
        bar.close()
