"""Registry of public bodies and levels, with the date each ceased to exist."""

from __future__ import annotations

import functools
import tomllib
from datetime import date
from importlib import resources

from pydantic import Field, TypeAdapter, model_validator

from ..models.common import Frozen, Localized, Provenance


class Body(Frozen):
    """A body or government level that competence rules may name."""

    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: Localized
    abolished_on: date | None = None
    abolished_year: int | None = Field(default=None, description="when only the year is known")
    successor: str | None = None
    basis: str | None = None
    provenance: Provenance

    @model_validator(mode="after")
    def _when(self) -> Body:
        if self.abolished_on is not None and self.abolished_year is not None:
            raise ValueError("give abolished_on or abolished_year, not both")
        return self

    def abolished_by(self, day: date) -> bool | None:
        """True if gone by ``day``; ``None`` when only the year is known and ``day`` is in it."""
        if self.abolished_on is not None:
            return day >= self.abolished_on
        if self.abolished_year is not None:
            if day.year > self.abolished_year:
                return True
            return None if day.year == self.abolished_year else False
        return False

    def when_text(self) -> str:
        """The abolition date as known."""
        if self.abolished_on is not None:
            return self.abolished_on.isoformat()
        return str(self.abolished_year) if self.abolished_year else "-"


class _BodiesFile(Frozen):
    format: int
    body: tuple[Body, ...]


@functools.lru_cache(maxsize=1)
def bodies() -> dict[str, Body]:
    """The bundled body registry, by code."""
    text = resources.files("penalty_rules.audit.data").joinpath("bodies.toml").read_text("utf-8")
    raw = TypeAdapter(_BodiesFile).validate_python(tomllib.loads(text))
    return {b.code: b for b in raw.body}
