"""A draft sanction decision: what :func:`penalty_rules.draft_decision` returns.

The draft follows the structure of the form for sanction decisions in the appendix of
Decree 118/2021/NĐ-CP as amended (Decree 68/2025/NĐ-CP): form **MQĐ02**, "mẫu quyết định
số 02". Source of the code: two public working notes seen through the project's code
search (not the decree's own appendix), so its status is CONFIRMED-secondary; the form's
text and layout were **not** seen, and every draft says so (:class:`FormInfo`).

The draft drafts; it never decides. Whatever the tool cannot know (address, identity
number, decision number, where to pay, who signs when no official was chosen) is
``None`` in the model and written as ``TO_FILL`` by the renderers.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from .assessment import AppliedMeasure, CompetentOfficial
from .citation import Citation
from .common import EAGER, VND, Frozen, Localized, Provenance
from .document import DocumentNumber

#: How a renderer writes a value the tool cannot know.
TO_FILL = "[…cần điền / to fill in…]"
#: How a renderer marks a point the bundled sources do not confirm.
TO_CONFIRM = "[…cần xác nhận / to confirm…]"


class FormInfo(Frozen):
    """Which official form the draft follows, and how sure we are of it."""

    code: str = Field(description="the form's code in the decree's appendix")
    name: Localized
    source: str = Field(description="where the form's code was seen")
    provenance: Provenance
    layout_confirmed: bool = Field(description="False: the form's own text was not seen")


class DraftField(Frozen):
    """One line about the offender: a known value, or ``None`` to fill in."""

    key: str
    label: Localized
    value: str | None = None


class LegalBasis(Frozen):
    """One ground the decision rests on (căn cứ)."""

    kind: Literal["law", "decree", "competence", "record", "delegation"]
    text: Localized = Field(description="the ground written out; may hold a to-fill mark")
    citation: Citation | None = None
    document: DocumentNumber | None = None
    to_fill: bool = Field(default=False, description="True when a person must complete it")


class CircumstanceLine(Frozen):
    """A mitigating or aggravating circumstance taken into account, with its legal basis."""

    code: str
    label: Localized
    basis: Citation | None = None


class DraftAct(Frozen):
    """One sanctioned act: the provision, the fine in figures and in words, the measures."""

    index: int = Field(description="position of the act in the case (from 0)")
    provision: Citation
    label: Localized = Field(description="the act's own-words label (the point's, else the clause's)")
    fine: VND | None = Field(description="amount for this act; None when no fine was computed")
    fine_words: str | None = Field(description="the amount in Vietnamese words")
    times: int = 1
    mitigating: tuple[CircumstanceLine, ...] = ()
    aggravating: tuple[CircumstanceLine, ...] = ()
    additional_sanctions: tuple[AppliedMeasure, ...] = ()
    remedial_measures: tuple[AppliedMeasure, ...] = ()
    flags: tuple[str, ...] = ()


class ExcludedAct(Frozen):
    """An act the draft does not sanction, and why."""

    index: int
    provision: Citation
    label: Localized
    reason: Localized
    limitation_expires_on: date | None = None


class Term(Frozen):
    """A rule of payment or appeal stated in the draft, with its legal basis."""

    text: Localized
    basis: Citation | None = Field(description="None when the bundled sources do not confirm it")
    provenance: Provenance | None = None


class Signer(Frozen):
    """The official who would sign: chosen from the competent officials, or left to fill in."""

    chosen: CompetentOfficial | None = None
    competent: tuple[CompetentOfficial, ...] = ()


class DecisionDraft(Frozen):
    """A draft sanction decision (form MQĐ02 structure; layout not confirmed)."""

    model_config = Frozen.model_config | EAGER

    form: FormInfo
    decided_on: date
    offender_kind: str
    fined_as: str
    offender: tuple[DraftField, ...]
    legal_bases: tuple[LegalBasis, ...]
    acts: tuple[DraftAct, ...]
    excluded: tuple[ExcludedAct, ...] = ()
    total_fine: VND
    total_words: str
    payment: tuple[Term, ...]
    appeal: Term
    signer: Signer
    notices: tuple[Localized, ...] = Field(default=(), description="what a person must check")
    flags: tuple[str, ...] = ()
