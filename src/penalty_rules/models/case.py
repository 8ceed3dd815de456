"""Cases: an offender and the facts of each violation.

Values are read strictly, so that a slip in a case file is refused rather than read as
something else:

- dates are text ``YYYY-MM-DD`` (ISO) or ``DD/MM/YYYY`` (the Vietnamese norm), or
  :class:`datetime.date` objects from Python; never numbers (``0`` is not 1 January 1970)
  and only in the years :data:`MIN_YEAR`–:data:`MAX_YEAR`;
- counts (``times``, ``quantity``) and money (``goods_value``, ``illegal_profit``) are
  whole numbers, never ``true``, ``5.0`` or ``"5"``, and at most :data:`MAX_TIMES`,
  :data:`MAX_QUANTITY` and :data:`MAX_MONEY`.

Error paths are written ``violations[0].committed_on`` (:func:`error_path`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import (
    BeforeValidator,
    Field,
    PlainValidator,
    StrictInt,
    ValidationError,
    WithJsonSchema,
    model_validator,
)

from .. import normalize
from ..errors import CaseError, field_path
from .common import EAGER, Frozen
from .offender import Offender

#: Earliest and latest year of a date in a case or a case log.
MIN_YEAR, MAX_YEAR = 1945, 2100
#: Most repetitions of one act in a violation (``times``).
MAX_TIMES = 1_000
#: Largest quantity (units, subscriber numbers, items) in a violation.
MAX_QUANTITY = 10**9
#: Largest amount of money (VND) in a case or a case log: 10^15 đồng.
MAX_MONEY = 10**15

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def parse_date(value: object) -> date:
    """A date from ``YYYY-MM-DD`` or ``DD/MM/YYYY`` text or a :class:`~datetime.date`.

    >>> parse_date("05/03/2026"), parse_date("2026-03-05")
    (datetime.date(2026, 3, 5), datetime.date(2026, 3, 5))
    >>> parse_date(0)
    Traceback (most recent call last):
    ...
    ValueError: a date is written YYYY-MM-DD or DD/MM/YYYY, not the number 0
    """
    if isinstance(value, datetime):
        raise ValueError(f"a date without a time of day is expected, not {value.isoformat()}")
    if isinstance(value, date):
        day = value
    elif isinstance(value, str):
        text = normalize.text(value).strip()
        iso, dmy = _ISO.fullmatch(text), _DMY.fullmatch(text)
        if iso is None and dmy is None:
            raise ValueError(f"a date is written YYYY-MM-DD or DD/MM/YYYY, not {value[:40]!r}")
        y, m, d = (int(g) for g in iso.groups()) if iso else (
            int(dmy[3]), int(dmy[2]), int(dmy[1])) if dmy else (0, 0, 0)
        try:
            day = date(y, m, d)
        except ValueError:
            raise ValueError(f"{value!r} is not a day of the calendar") from None
    elif isinstance(value, bool):
        raise ValueError(f"a date is written YYYY-MM-DD or DD/MM/YYYY, not {value}")
    elif isinstance(value, int | float):
        raise ValueError(f"a date is written YYYY-MM-DD or DD/MM/YYYY, not the number {value}")
    else:
        raise ValueError(f"a date is written YYYY-MM-DD or DD/MM/YYYY, not {type(value).__name__}")
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValueError(f"{day.isoformat()} is outside the years {MIN_YEAR}-{MAX_YEAR} "
                         "this library handles")
    return day


#: A date read by :func:`parse_date`.
CaseDate = Annotated[date, PlainValidator(parse_date),
                     WithJsonSchema({"type": "string", "format": "date"})]
def _normal_text(value: object) -> object:
    return normalize.text(value) if isinstance(value, str) else value


#: Text normalised by :func:`penalty_rules.normalize.text` (input from the API too).
NormalText = Annotated[str, BeforeValidator(_normal_text)]
#: Money in a case: whole VND, 0 to :data:`MAX_MONEY`.
CaseMoney = Annotated[StrictInt, Field(ge=0, le=MAX_MONEY,
                                       description="whole VND (đồng), at most 10^15")]
#: A quantity: a whole number from 1 to :data:`MAX_QUANTITY`.
Quantity = Annotated[StrictInt, Field(ge=1, le=MAX_QUANTITY,
                                      description="units concerned, 1 to 10^9")]


#: Error locations written ``violations[0].committed_on``: the library's one notation.
error_path = field_path


def validation_reason(err: Mapping[str, Any]) -> str:
    """The reason of one pydantic error, in one line and the library's words."""
    if err["type"] == "extra_forbidden":
        return "unknown field"
    if err["type"] == "missing":
        return "required field is missing"
    reason = str(err["msg"]).removeprefix("Value error, ")
    if err["type"].startswith("int"):
        reason += f" (got {err.get('input')!r:.40})"
    return " ".join(reason.split())


class ViolationFact(Frozen):
    """One act as found: which provision, when, and the circumstances.

    ``ended_on`` is ``None`` while the act is still going on.
    """

    provision: NormalText = Field(min_length=1, max_length=1000,
                                  description="citation in any accepted form")
    committed_on: CaseDate
    ended_on: CaseDate | None = None
    detected_on: CaseDate
    mitigating: tuple[NormalText, ...] = ()
    aggravating: tuple[NormalText, ...] = ()
    quantity: Quantity | None = None
    goods_value: CaseMoney | None = None
    illegal_profit: CaseMoney | None = None
    times: StrictInt = Field(default=1, ge=1, le=MAX_TIMES,
                             description="how many times the act was committed, 1 to 1,000")

    @model_validator(mode="after")
    def _dates(self) -> ViolationFact:
        if self.ended_on is not None and self.ended_on < self.committed_on:
            raise ValueError(
                f"ended_on {self.ended_on} is before committed_on {self.committed_on}: "
                "an act cannot end before it starts"
            )
        if self.detected_on < self.committed_on:
            raise ValueError(
                f"detected_on {self.detected_on} is before committed_on {self.committed_on}: "
                "an act cannot be detected before it is committed"
            )
        return self

    @property
    def ongoing_at_detection(self) -> bool:
        """True if the act was still going on when it was detected."""
        return self.ended_on is None or self.ended_on > self.detected_on


class Case(Frozen):
    """An offender, the decision date and the violations found."""

    model_config = Frozen.model_config | EAGER

    offender: Offender
    decided_on: CaseDate | None = None
    violations: tuple[ViolationFact, ...] = Field(min_length=1, max_length=1000)

    @model_validator(mode="after")
    def _decision_after_detection(self) -> Case:
        if self.decided_on is not None:
            for i, fact in enumerate(self.violations):
                if self.decided_on < fact.detected_on:
                    raise ValueError(
                        f"violations[{i}].detected_on: decided_on {self.decided_on} is before "
                        f"detected_on {fact.detected_on}: a decision cannot precede detection"
                    )
                if fact.ended_on is not None and fact.ended_on > self.decided_on:
                    raise ValueError(
                        f"violations[{i}].ended_on: {fact.ended_on} is after decided_on "
                        f"{self.decided_on}: an act still going on has no ended_on"
                    )
        return self


def parse_case_data(data: object) -> Case:
    """Validate ``data`` (e.g. loaded JSON) as a :class:`Case`; one-line :class:`CaseError`.

    >>> try:
    ...     parse_case_data({"offender": {"kind": "individual"}, "violations": [
    ...         {"provision": "34.1.a", "committed_on": 0, "detected_on": "2026-01-01"}]})
    ... except CaseError as error:
    ...     print(error.field)
    violations[0].committed_on
    """
    if isinstance(data, Case):
        return data
    if not isinstance(data, Mapping):
        raise CaseError("case", f"a case is an object (mapping), not {type(data).__name__}")
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        # A check across fields names its own path in the reason.
        raise CaseError(error_path(err["loc"]), validation_reason(err)) from None
