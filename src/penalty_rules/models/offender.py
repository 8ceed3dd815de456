"""Offenders: who committed the act."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, field_validator

from .citation import Citation
from .common import Frozen, Localized, Provenance
from .taxcode import check_tax_code


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

    kind: OffenderKind = Field(description="individual, organization or household_business")
    name: str | None = Field(default=None, description="name of the offender, for the report only")
    tax_code: str | None = Field(default=None, description="mã số thuế: 10 digits, or 13 for a branch")

    @field_validator("tax_code")
    @classmethod
    def _tax_code(cls, value: str | None) -> str | None:
        return None if value is None else check_tax_code(value)


class OffenderTreatment(Frozen):
    """How an offender kind is fined (e.g. a household business as an individual)."""

    kind: OffenderKind = Field(description="the kind of offender treated")
    fined_as: FineBase = Field(description="whose amounts apply to it")
    label: Localized = Field(description="the rule in our own words")
    basis: Citation | None = Field(default=None, description="the clause that says so, when known")
    provenance: Provenance = Field(description="where it comes from")
