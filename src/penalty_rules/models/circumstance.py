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

    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    kind: CircumstanceKind
    basis: Citation
    label: Localized
    aliases: tuple[str, ...] = ()
    provenance: Provenance
