"""Offenders: who committed the act."""

from __future__ import annotations

from enum import StrEnum

from .citation import Citation
from .common import Frozen, Localized, Provenance


class OffenderKind(StrEnum):
    """Kinds of offenders the law distinguishes for fines."""

    INDIVIDUAL = "individual"
    ORGANIZATION = "organization"
    HOUSEHOLD_BUSINESS = "household_business"


class FineBase(StrEnum):
    """Whom a decree's stated amounts are written for."""

    INDIVIDUAL = "individual"
    ORGANIZATION = "organization"


class Offender(Frozen):
    """The person or organization sanctioned."""

    kind: OffenderKind
    name: str | None = None


class OffenderTreatment(Frozen):
    """How an offender kind is fined (e.g. a household business as an individual)."""

    kind: OffenderKind
    fined_as: FineBase
    label: Localized
    basis: Citation | None = None
    provenance: Provenance
