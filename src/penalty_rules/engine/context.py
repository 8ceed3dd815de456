"""What every stage of the pipeline reads about the violation being assessed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from ..catalog.catalog import Catalog
from ..models.case import ViolationFact
from ..models.citation import Citation
from ..models.fine import Facts
from ..models.offender import FineBase
from ..models.principle import Principle
from .memo import principles_on


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

    @cached_property
    def _principles(self) -> dict[str, Any]:
        return principles_on(self.catalog, self.decided_on)

    def principle(self, code: str) -> Principle | None:
        """The wording of a principle in force on the decision date."""
        found = self._principles.get(code)
        return found[0] if found is not None else None

    def basis(self, code: str) -> Citation | None:
        """The citation of a principle in force on the decision date (``None``: none was)."""
        found = self._principles.get(code)
        return found[1] if found is not None else None
