"""Mitigating (Art. 9) and aggravating (Art. 10) circumstances of the Law."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from .citation import Citation
from .common import Frozen, Localized, Provenance


class CircumstanceKind(StrEnum):
    """Which way a circumstance moves the fine."""

    MITIGATING = "mitigating"
    AGGRAVATING = "aggravating"


class Circumstance(Frozen):
    """One circumstance with its code, legal basis and short label."""

    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="the code used in cases")
    kind: CircumstanceKind = Field(description="mitigating or aggravating")
    basis: Citation = Field(description="the clause of the law that lists it")
    label: Localized = Field(description="what it means, in both languages")
    aliases: tuple[str, ...] = Field(default=(), description="other accepted spellings, such as 9.2")
    provenance: Provenance = Field(description="where it comes from")
