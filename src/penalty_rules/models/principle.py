"""Legal principles the engine applies, as dated catalog data.

A principle — the frame-average rule, the more-lenient-later-rule rule, the
several-acts rule … — is stated by some clause of some law or decree, and that
clause changes over time. The engine asks the catalog for the principle in force
on the relevant day (:meth:`~penalty_rules.Catalog.principle`), so every trace
step cites the clause that was law on that day, never a later one.
"""

from __future__ import annotations

from pydantic import Field

from .citation import Citation
from .common import Localized, Provenance
from .timeline import Dated


class Principle(Dated):
    """One wording of a principle, in force from ``valid_from`` until the next one."""

    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="e.g. average_rule, lenient_rule")
    label: Localized = Field(description="what the principle says, in our own words")
    basis: Citation = Field(description="the clause that states it")
    amended_by: Citation | None = Field(default=None, description="the clause that gave it this wording")
    provenance: Provenance = Field(description="where it comes from")

    @property
    def citation(self) -> Citation:
        """The basis with its amendment, as a trace cites it."""
        if self.amended_by is None:
            return self.basis
        return self.basis.model_copy(update={"amended_by": self.amended_by})
