"""Registry of public bodies and government levels, with the day each ceased to exist.

Competence rules name the body their official belongs to by code; every such code must be
in this registry (:func:`known_body_codes`). The registry also lists titles in competence
articles the catalog does not model as rules (``named``), so the auditor can check them.

>>> "district_peoples_committee" in known_body_codes()
True
>>> bodies()["district_police"].abolished_by(date(2025, 3, 1))
True
"""

from __future__ import annotations

import functools
import tomllib
from datetime import date
from importlib import resources

from pydantic import Field, TypeAdapter, model_validator

from ..models.common import Frozen, Localized, Provenance, Status
from ..models.document import DocumentNumber


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


class NamedTitle(Frozen):
    """A title in a decree's competence article that names a body (not modelled as a rule)."""

    document: DocumentNumber
    article: str = Field(min_length=3, description="citation within the document, e.g. Điều 33")
    official: Localized
    body: str
    wording_status: Status
    provenance: Provenance


class _BodiesFile(Frozen):
    format: int
    body: tuple[Body, ...]
    named: tuple[NamedTitle, ...] = ()

    @model_validator(mode="after")
    def _links(self) -> _BodiesFile:
        codes = {b.code for b in self.body}
        if len(codes) != len(self.body):
            raise ValueError("a body code is listed twice")
        for b in self.body:
            if b.successor is not None and b.successor not in codes:
                raise ValueError(f"body {b.code}: successor {b.successor!r} is not a known body")
        for n in self.named:
            if n.body not in codes:
                raise ValueError(f"named title in {n.document} {n.article}: unknown body {n.body!r}")
        return self


@functools.lru_cache(maxsize=1)
def _registry() -> _BodiesFile:
    text = resources.files("penalty_rules.catalog.registry").joinpath("bodies.toml").read_text("utf-8")
    return TypeAdapter(_BodiesFile).validate_python(tomllib.loads(text))


def bodies() -> dict[str, Body]:
    """The bundled body registry, by code."""
    return {b.code: b for b in _registry().body}


def known_body_codes() -> frozenset[str]:
    """Every body code competence rules may name (for the catalog loader's check)."""
    return frozenset(b.code for b in _registry().body)


def named_titles() -> tuple[NamedTitle, ...]:
    """Titles in competence articles the catalog does not hold as rules."""
    return _registry().named
