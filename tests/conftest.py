"""Shared fixtures and helpers for the test suite."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from penalty_rules import Assessment, Catalog, assess, bundled_catalog

# Hypothesis profiles. ``ci``: the same examples on every run (a failure is never luck);
# ``dev``: fresh random examples; ``fuzz``: the long campaign of ``python fuzz/run.py``.
# Chosen by HYPOTHESIS_PROFILE; default ``ci`` when CI=true, else ``dev``.
settings.register_profile("ci", derandomize=True, deadline=None, max_examples=100,
                          database=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", deadline=None, max_examples=100,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", deadline=None, max_examples=10_000, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                                 HealthCheck.data_too_large])


def hypothesis_profile() -> str:
    """The profile named by HYPOTHESIS_PROFILE, else ``ci`` under CI=true, else ``dev``."""
    default = "ci" if os.environ.get("CI", "").lower() == "true" else "dev"
    return os.environ.get("HYPOTHESIS_PROFILE") or default


settings.load_profile(hypothesis_profile())

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _vietnamese_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line's ``--lang`` default follows the environment; tests pin it to vi."""
    monkeypatch.setenv("PENALTY_RULES_LANG", "vi")


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return bundled_catalog()


def violation(provision: str, committed: str, ended: str | None, detected: str,
              **extra: Any) -> dict[str, Any]:
    """A violation fact as the JSON contract writes it."""
    return {"provision": provision, "committed_on": committed, "ended_on": ended,
            "detected_on": detected, **extra}


def case(kind: str, decided: str, *violations: dict[str, Any]) -> dict[str, Any]:
    return {"offender": {"kind": kind}, "decided_on": decided, "violations": list(violations)}


@pytest.fixture
def run() -> Callable[..., Assessment]:
    """Assess a one-violation case quickly: run(kind, decided, provision, committed, ended, detected)."""

    def _run(kind: str, decided: str, provision: str, committed: str, ended: str | None,
             detected: str, catalog: Catalog | None = None, **extra: Any) -> Assessment:
        data = case(kind, decided, violation(provision, committed, ended, detected, **extra))
        return assess(data, catalog, today=date(2026, 11, 27))

    return _run


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
