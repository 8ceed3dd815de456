"""The progress bar: drawn only on a terminal with tqdm installed, never with --no-progress."""

from __future__ import annotations

import importlib.util
import io
import sys
import types
from typing import Any, ClassVar

import pytest

from penalty_rules.cli import main
from penalty_rules.progress import is_terminal, progress_bar
from tests.conftest import ROOT

LOG = str(ROOT / "examples" / "logs" / "inspectorate-2025-2026.csv")
CHANGES = str(ROOT / "examples" / "reforms" / "raise-2026.toml")


class Terminal(io.StringIO):
    """Standard error as a terminal."""

    def isatty(self) -> bool:
        return True


class FakeBar:
    """Stands for tqdm: records what it is asked to draw."""

    made: ClassVar[list[FakeBar]] = []

    def __init__(self, total: int | None = None, desc: str = "", file: Any = None,
                 **options: Any) -> None:
        self.total, self.desc, self.file, self.done, self.closed = total, desc, file, 0, False
        FakeBar.made.append(self)

    def update(self, n: int = 1) -> None:
        self.done += n

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def fake_tqdm(monkeypatch: pytest.MonkeyPatch) -> type[FakeBar]:
    FakeBar.made = []
    monkeypatch.setitem(sys.modules, "tqdm", types.SimpleNamespace(tqdm=FakeBar))
    return FakeBar


def test_no_bar_when_not_a_terminal(fake_tqdm: type[FakeBar]) -> None:
    with progress_bar("x", 10, stream=io.StringIO()) as tick:
        assert tick is None
    assert fake_tqdm.made == []


def test_no_bar_when_disabled_even_on_a_terminal(fake_tqdm: type[FakeBar]) -> None:
    with progress_bar("x", 10, enabled=False, stream=Terminal()) as tick:
        assert tick is None
    assert fake_tqdm.made == []


def test_no_bar_without_tqdm(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)  # import tqdm raises ImportError
    with progress_bar("x", 10, stream=Terminal()) as tick:
        assert tick is None


def test_bar_on_a_terminal(fake_tqdm: type[FakeBar]) -> None:
    stream = Terminal()
    with progress_bar("rows", 10, stream=stream) as tick:
        assert tick is not None
        tick(4)
        tick(6)
    (bar,) = fake_tqdm.made
    assert (bar.total, bar.desc, bar.done, bar.closed, bar.file) == (10, "rows", 10, True, stream)


def test_is_terminal_on_odd_streams() -> None:
    closed = io.StringIO()
    closed.close()
    assert not is_terminal(closed) and not is_terminal(object()) and is_terminal(Terminal())


@pytest.mark.parametrize("fast", [
    pytest.param(True, marks=pytest.mark.skipif(
        importlib.util.find_spec("pandas") is None or importlib.util.find_spec("pyarrow") is None,
        reason="the columnar path needs the extra [batch]")),
    False])
def test_cli_draws_bars_on_a_terminal(fake_tqdm: type[FakeBar], monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str], fast: bool) -> None:
    from penalty_rules.planning import caselog

    monkeypatch.setattr(caselog, "_BATCH", fast)
    monkeypatch.setattr(caselog, "COLUMNAR_CHARS", 0)
    monkeypatch.setattr(caselog, "COLUMNAR_ROWS", 0)
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert main(["reform", LOG, "--change", CHANGES]) == 0
    descriptions = [(b.desc, b.done, b.closed) for b in fake_tqdm.made]
    assert descriptions == [("log", 87, True), ("reform", 174, True)]
    assert fake_tqdm.made[1].total == 174
    fake_tqdm.made.clear()
    assert main(["reform", LOG, "--change", CHANGES, "--no-progress"]) == 0
    assert main(["targets", LOG, "--year", "2026", "--no-progress"]) == 0
    assert main(["audit", "--log", LOG, "--no-progress", "--as-of", "2026-11-01"]) == 0
    assert fake_tqdm.made == []
    assert main(["targets", LOG, "--year", "2026"]) == 0
    assert [b.desc for b in fake_tqdm.made] == ["log"]


def test_cli_draws_nothing_when_stderr_is_not_a_terminal(fake_tqdm: type[FakeBar],
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reform", LOG, "--change", CHANGES]) == 0
    assert fake_tqdm.made == [] and capsys.readouterr().err == ""


def test_real_tqdm_writes_to_the_terminal_and_clears_its_line() -> None:
    pytest.importorskip("tqdm")
    stream = Terminal()
    with progress_bar("rows", 3, stream=stream) as tick:
        assert tick is not None
        tick(3)
    assert "rows" in stream.getvalue()
