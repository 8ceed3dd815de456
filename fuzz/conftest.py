"""The fuzz campaign uses the hypothesis profiles of the test suite (default here: ``fuzz``)."""

from __future__ import annotations

import os

os.environ.setdefault("HYPOTHESIS_PROFILE", "fuzz")

from tests.conftest import catalog  # noqa: F401  (profiles are registered on import)
