"""Request and response models of the REST service (pydantic, as the library's own).

The OpenAPI description is generated from these models and from the library's
models they hold (:class:`~penalty_rules.Case`, :class:`~penalty_rules.Assessment`,
:class:`~penalty_rules.models.decision.DecisionDraft`, …).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field

from ..models.assessment import Assessment
from ..models.case import Case
from ..models.citation import Citation
from ..models.common import EAGER, Frozen
from ..models.provision import Provision, ProvisionVersion

#: At most this many cases in one POST /assess/batch.
MAX_BATCH = 500


class Problem(Frozen):
    """An error as RFC 9457 problem details, with the library's error class as ``code``."""

    model_config = Frozen.model_config | EAGER

    type: str = Field(description="URI reference naming the kind of problem")
    title: str
    status: int
    detail: str
    instance: str | None = Field(default=None, description="the request path")
    code: str = Field(description="error class, the same the CLI reports with exit status 2")
    field: str | None = Field(default=None, description="the offending field, when known")


class DecisionRequest(Frozen):
    """A case and the signing official for POST /decision."""

    model_config = Frozen.model_config | EAGER

    case: Case
    official: str | None = Field(default=None, description="code of a competent official")
    today: date | None = Field(default=None, description="decision date when the case gives none")


class BatchItem(Frozen):
    """The answer for one case of a batch: its assessment or its problem."""

    model_config = Frozen.model_config | EAGER

    index: int
    assessment: Assessment | None = None
    problem: Problem | None = None


class BatchRequest(Frozen):
    """Cases to assess one by one; each is answered or refused on its own."""

    model_config = Frozen.model_config | EAGER

    cases: list[dict[str, Any]] = Field(min_length=1, max_length=MAX_BATCH)
    today: date | None = None


class ProvisionEntry(Frozen):
    """A provision of the catalog with the wording in force on the day asked."""

    model_config = Frozen.model_config | EAGER

    citation: str = Field(description="the provision's citation written out in Vietnamese")
    in_force: bool
    version_in_force: ProvisionVersion | None
    provision: Provision


class CiteResult(Frozen):
    """A citation as read, and the provisions it matches."""

    model_config = Frozen.model_config | EAGER

    text: str
    citation: Citation
    written: str = Field(description="the citation written out in Vietnamese")
    written_en: str
    provisions: list[ProvisionEntry]
