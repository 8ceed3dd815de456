"""What every stage of the pipeline reads about the violation being assessed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..catalog.catalog import Catalog
from ..models.case import ViolationFact
from ..models.citation import Citation
from ..models.fine import Facts
from ..models.offender import FineBase
from ..models.principle import Principle


@dataclass(frozen=True)
class Violation:
    """One violation of a case, with the case-level facts the stages need."""

    catalog: Catalog
    index: int
    fact: ViolationFact
    fined_as: FineBase
    decided_on: date

    @property
    def field(self) -> str:
        """The field path of this violation in the case, for error messages."""
        return f"violations[{self.index}]"

    @property
    def facts(self) -> Facts:
        """The quantities and values a fine may depend on."""
        return Facts(self.fact.quantity, self.fact.goods_value, self.fact.illegal_profit)

    def principle(self, code: str) -> Principle | None:
        """The wording of a principle in force on the decision date."""
        return self.catalog.principle(code, self.decided_on)

    def basis(self, code: str) -> Citation | None:
        """The citation of a principle in force on the decision date (``None``: none was)."""
        found = self.principle(code)
        return found.citation if found is not None else None
