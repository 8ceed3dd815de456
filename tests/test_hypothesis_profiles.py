"""CI is deterministic: hypothesis profiles are chosen by HYPOTHESIS_PROFILE or CI=true."""

from __future__ import annotations

import pytest
from hypothesis import settings

from tests.conftest import hypothesis_profile


def test_profile_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HYPOTHESIS_PROFILE", raising=False)
    monkeypatch.setenv("CI", "true")
    assert hypothesis_profile() == "ci"
    monkeypatch.setenv("CI", "")
    assert hypothesis_profile() == "dev"
    monkeypatch.setenv("HYPOTHESIS_PROFILE", "fuzz")
    assert hypothesis_profile() == "fuzz"


def test_profiles() -> None:
    ci = settings.get_profile("ci")
    assert ci.derandomize and ci.deadline is None and ci.database is None
    assert settings.get_profile("fuzz").max_examples >= 10_000
