"""Draft sanction decisions from an assessment, rendered as Markdown, JSON or Word.

:func:`draft_decision` turns an :class:`~penalty_rules.Assessment` into a
:class:`~penalty_rules.models.decision.DecisionDraft` in the structure of the
sanction-decision form of Decree 118/2021/NĐ-CP as amended (form MQĐ02; see
:mod:`penalty_rules.models.decision` for the source and what is not confirmed).
It drafts; it never decides: every rendering opens with a header saying so, and
everything the tool cannot know is marked to fill in.

What the draft states, and on what basis (the facts come from the bundled
reference, ``general-law.md`` §10, rows cited in each :class:`Term`):

* the legal bases: the Law on Handling Administrative Violations with the amending
  laws passed by the decision day (the law registry), each sector decree whose
  provisions are applied, the article that gives the signer competence, the record
  of the violation and any delegation of power (both to fill in);
* each act with its provision, its fine in figures and in words
  (:func:`~penalty_rules.report.words.amount_in_words`), additional sanctions and
  remedial measures with their conditions; time-barred acts are left out and listed
  with the day their limitation period ended;
* the total in figures and in words; payment within 10 days of receiving the
  decision (Law Art. 73(1)); payment to the State Treasury or its account named in
  the decision (Art. 78(1), the account to fill in), the 0.05 % daily surcharge
  after the deadline (Art. 78(1)); instalments when the total reaches the Art. 79(1)
  threshold;
* the right to complain or sue: the bundled sources do not confirm its article or
  time limits, so the draft marks it to confirm;
* the signing title, chosen from the competent officials of the assessment.

>>> from penalty_rules import assess
>>> result = assess({"offender": {"kind": "organization", "name": "Công ty A"},
...     "decided_on": "2026-09-15", "violations": [{
...     "provision": "điểm b khoản 7 Điều 34 Nghị định 174/2026/NĐ-CP",
...     "committed_on": "2026-08-01", "ended_on": "2026-08-01", "detected_on": "2026-08-20"}]})
>>> draft = draft_decision(result)
>>> draft.total_fine, draft.total_words
(35000000, 'Ba mươi lăm triệu đồng')
>>> draft.form.code, draft.form.layout_confirmed
('MQĐ02', False)
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, Literal

from ..catalog.catalog import Catalog
from ..catalog.laws import law_registry
from ..catalog.loader import bundled_catalog
from ..citations.parse import parse_citation
from ..errors import CaseError
from ..models.assessment import AppliedMeasure, Assessment, ViolationAssessment
from ..models.common import Localized, Provenance, Status
from ..models.decision import (
    TO_CONFIRM,
    TO_FILL,
    CircumstanceLine,
    DecisionDraft,
    DraftAct,
    DraftField,
    ExcludedAct,
    FormInfo,
    LegalBasis,
    Signer,
    Term,
)
from ..models.document import DocumentNumber
from .audit import OptionalDependencyMissing
from .formatting import citation_text, long_date, money
from .schemas import envelope
from .words import amount_in_words

__all__ = ["decision_docx", "decision_json", "decision_markdown", "draft_decision"]

_VERIFIED = date(2026, 12, 2)
_LAW = "15/2012/QH13"

FORM = FormInfo(
    code="MQĐ02",
    name=Localized(vi="Quyết định xử phạt vi phạm hành chính",
                   en="Decision on sanctioning an administrative violation"),
    source=("appendix of Decree 118/2021/NĐ-CP as amended by Decree 68/2025/NĐ-CP; code seen in two "
            "public working notes found with the project's code search (stored file ids 60821030170 "
            "and 67426177582: 'mẫu quyết định số 02', 'MQĐ02'), not in the decree's own text"),
    provenance=Provenance(source="code search, public working notes naming the NĐ 118/2021 forms",
                          status=Status.CONFIRMED_SECONDARY, verified_on=_VERIFIED,
                          note="the form's text and layout were not seen"),
    layout_confirmed=False,
)

_S1 = "general-law.md §10 (S1, Bộ pháp điển LQ.{art})"


def _term(vi: str, en: str, basis: str, article: str, status: Status = Status.CONFIRMED,
          source: str | None = None) -> Term:
    return Term(text=Localized(vi=vi, en=en), basis=parse_citation(basis),
                provenance=Provenance(source=source or _S1.format(art=article), status=status,
                                      verified_on=_VERIFIED))


def _offender_fields(a: Assessment) -> tuple[DraftField, ...]:
    o = a.offender
    name = DraftField(key="name", label=Localized(vi="Tên/Họ và tên", en="Name"), value=o.name)
    tax = DraftField(key="tax_code", label=Localized(vi="Mã số thuế", en="Tax code"), value=o.tax_code)
    if o.kind.value == "organization":
        return (
            DraftField(key="name", label=Localized(vi="Tên tổ chức", en="Organisation"), value=o.name),
            DraftField(key="address", label=Localized(vi="Địa chỉ trụ sở chính", en="Head office address")),
            DraftField(key="tax_code", label=Localized(vi="Mã số doanh nghiệp/Mã số thuế",
                                                       en="Enterprise code / tax code"), value=o.tax_code),
            DraftField(key="registration", label=Localized(
                vi="Số giấy chứng nhận đăng ký hoặc giấy phép, ngày cấp, nơi cấp",
                en="Registration certificate or licence: number, date, issuer")),
            DraftField(key="representative", label=Localized(
                vi="Người đại diện theo pháp luật (họ tên, chức danh)",
                en="Legal representative (name, title)")),
        )
    fields = [
        name,
        DraftField(key="born_on", label=Localized(vi="Ngày, tháng, năm sinh", en="Date of birth")),
        DraftField(key="nationality", label=Localized(vi="Quốc tịch", en="Nationality")),
        DraftField(key="occupation", label=Localized(vi="Nghề nghiệp", en="Occupation")),
        DraftField(key="address", label=Localized(vi="Nơi ở hiện tại", en="Current address")),
        DraftField(key="id_number", label=Localized(
            vi="Số định danh cá nhân/CMND/hộ chiếu (ngày cấp, nơi cấp)",
            en="Personal ID / passport number (date, issuer)")),
    ]
    if o.kind.value == "household_business" or o.tax_code is not None:
        fields.append(tax)
    return tuple(fields)


def _law_basis(day: date) -> LegalBasis:
    law = law_registry().law(_LAW)
    amending = [str(c.law) for c in law.amended_by if c.known_on(day)]
    vi = f"Luật Xử lý vi phạm hành chính số {_LAW}"
    en = f"Law on Handling Administrative Violations No. {_LAW}"
    if amending:
        vi += ", được sửa đổi, bổ sung bởi các Luật số " + ", ".join(amending)
        en += ", as amended by Laws No. " + ", ".join(amending)
    return LegalBasis(kind="law", text=Localized(vi=vi, en=en), document=law.number)


def _decree_bases(catalog: Catalog, acts: list[DraftAct]) -> list[LegalBasis]:
    numbers: list[DocumentNumber] = []
    for act in acts:
        for c in (act.provision, act.provision.amended_by):
            if c is not None and c.document is not None and c.document not in numbers:
                numbers.append(c.document)
    out = []
    for number in numbers:
        document = catalog.document(number)
        out.append(LegalBasis(kind="decree", document=number, text=Localized(
            vi=f"{number.kind_label('vi')} số {number} ({document.title.vi})",
            en=f"{number.kind_label('en')} No. {number} ({document.title.en})")))
    return out


def _choose(a: Assessment, official: str | None, catalog: Catalog) -> Signer:
    if official is None:
        return Signer(chosen=None, competent=a.competent)
    listing = "; ".join(f"{c.code} ({c.official.vi})" for c in a.competent) or "none"
    for c in a.competent:
        if c.code == official:
            return Signer(chosen=c, competent=a.competent)
    if official in catalog.competence_timelines:
        reason = f"{official!r} is not competent for every act of this case"
    else:
        reason = f"unknown official code {official!r}"
    raise CaseError("official", f"{reason}; competent officials: {listing}")


def _circumstances(catalog: Catalog, v: ViolationAssessment,
                   kind: str) -> tuple[CircumstanceLine, ...]:
    """The circumstances the fine stage took into account (from its trace step)."""
    step = next((s for s in v.trace if s.rule == "fine.circumstances"), None)
    listed = step.params.get(kind) if step is not None else None
    if not isinstance(listed, str):
        return ()
    out = []
    for code in (c.strip() for c in listed.split(",")):
        if not code or code == "-":
            continue
        known = catalog.circumstance(code)
        if known is None:
            out.append(CircumstanceLine(code=code, label=Localized(vi=code, en=code)))
        else:
            out.append(CircumstanceLine(code=known.code, label=known.label, basis=known.basis))
    return tuple(out)


def draft_decision(assessment: Assessment, *, official: str | None = None,
                   catalog: Catalog | None = None) -> DecisionDraft:
    """A draft sanction decision for ``assessment``; ``official`` is the signer's code.

    Raises :class:`~penalty_rules.CaseError` (field ``official``) for an official who is
    unknown or not competent, naming the competent ones, and (field ``violations``) when
    every act is time-barred, as no sanction decision may then be made.
    """
    catalog = catalog if catalog is not None else bundled_catalog()
    a = assessment
    signer = _choose(a, official, catalog)
    acts: list[DraftAct] = []
    excluded: list[ExcludedAct] = []
    for v in a.violations:
        label = v.act if v.act is not None else v.label
        if v.time_barred:
            excluded.append(ExcludedAct(
                index=v.index, provision=v.provision, label=label,
                limitation_expires_on=v.limitation_expires_on,
                reason=Localized(
                    vi=f"hết thời hiệu xử phạt ngày {v.limitation_expires_on.strftime('%d/%m/%Y')}: "
                       "không xử phạt trong quyết định này",
                    en=f"the limitation period ended on {v.limitation_expires_on.isoformat()}: "
                       "not sanctioned in this decision")))
            continue
        acts.append(DraftAct(
            index=v.index, provision=v.provision, label=label, fine=v.fine,
            fine_words=amount_in_words(v.fine) if v.fine is not None else None, times=v.times,
            mitigating=_circumstances(catalog, v, "mitigating"),
            aggravating=_circumstances(catalog, v, "aggravating"),
            additional_sanctions=v.additional_sanctions, remedial_measures=v.remedial_measures,
            flags=v.flags))
    if not acts:
        raise CaseError("violations", "every act is time-barred: no sanction decision can be drafted")
    bases = [_law_basis(a.decided_on), *_decree_bases(catalog, acts)]
    if signer.chosen is not None:
        bases.append(LegalBasis(
            kind="competence", citation=signer.chosen.basis,
            text=Localized(vi=f"{citation_text(signer.chosen.basis, 'vi')} (thẩm quyền của "
                              f"{signer.chosen.official.vi})",
                           en=f"{citation_text(signer.chosen.basis, 'en')} (competence of the "
                              f"{signer.chosen.official.en})")))
    else:
        bases.append(LegalBasis(kind="competence", to_fill=True, text=Localized(
            vi=f"Điều, khoản quy định thẩm quyền của người ký {TO_FILL}",
            en=f"The article giving the signer competence {TO_FILL}")))
    bases.append(LegalBasis(kind="record", to_fill=True, text=Localized(
        vi=f"Biên bản vi phạm hành chính số {TO_FILL} lập ngày {TO_FILL}",
        en=f"Record of the administrative violation No. {TO_FILL} made on {TO_FILL}")))
    bases.append(LegalBasis(kind="delegation", to_fill=True, text=Localized(
        vi=f"Quyết định giao quyền xử phạt (nếu có) {TO_FILL}",
        en=f"Decision delegating the power to sanction (if any) {TO_FILL}")))
    total = a.total_fine
    payment = [
        _term("Chấp hành quyết định trong 10 ngày kể từ ngày nhận được quyết định (hoặc thời hạn "
              "dài hơn nếu quyết định ghi rõ).",
              "Comply within 10 days of receiving the decision (or a longer period the decision "
              "states).", "khoản 1 Điều 73 Luật 15/2012/QH13", "73"),
        _term(f"Nộp tiền phạt vào Kho bạc Nhà nước hoặc tài khoản của Kho bạc ghi trong quyết định: "
              f"{TO_FILL}.",
              f"Pay the fine to the State Treasury or to its account named in the decision: {TO_FILL}.",
              "khoản 1 Điều 78 Luật 15/2012/QH13", "78"),
        _term("Quá thời hạn mà không nộp: bị cưỡng chế và mỗi ngày chậm nộp phải nộp thêm 0,05% "
              "số tiền phạt chưa nộp.",
              "Past the deadline: enforcement, and 0.05% of the unpaid fine added for each day late.",
              "khoản 1 Điều 78 Luật 15/2012/QH13", "78"),
    ]
    threshold = 150_000_000 if a.fined_as == "organization" else 15_000_000
    if total >= threshold:
        payment.append(_term(
            f"Tổng tiền phạt từ {money(threshold, 'vi')} trở lên: nếu chứng minh được hoàn cảnh kinh "
            "tế đặc biệt khó khăn, có thể đề nghị nộp nhiều lần (tối đa 3 lần trong 6 tháng, lần đầu "
            "ít nhất 40%).",
            f"Total of {money(threshold, 'en')} or more: with proven special economic hardship the "
            "offender may ask to pay in instalments (at most 3 within 6 months, the first at least "
            "40%).", "Điều 79 Luật 15/2012/QH13", "79",
            source="general-law.md §10 rows 'Instalments' (S23)"))
    appeal = Term(text=Localized(
        vi=f"Người bị xử phạt có quyền khiếu nại, khởi kiện đối với quyết định này theo quy định của "
           f"pháp luật; điều luật và thời hạn {TO_CONFIRM}.",
        en=f"The offender may complain about or sue against this decision as the law provides; the "
           f"article and time limits are {TO_CONFIRM} (not in the bundled sources)."),
        basis=None, provenance=None)
    notices = _notices(a, signer, excluded, total)
    return DecisionDraft(
        form=FORM, decided_on=a.decided_on, offender_kind=a.offender.kind.value, fined_as=a.fined_as,
        offender=_offender_fields(a), legal_bases=tuple(bases), acts=tuple(acts),
        excluded=tuple(excluded), total_fine=total, total_words=amount_in_words(total),
        payment=tuple(payment), appeal=appeal, signer=signer, notices=tuple(notices),
        flags=a.flags)


def _notices(a: Assessment, signer: Signer, excluded: list[ExcludedAct], total: int) -> list[Localized]:
    out = [Localized(
        vi="Bố cục theo mẫu MQĐ02 (Phụ lục Nghị định 118/2021/NĐ-CP, sửa đổi 2025) chưa được đối chiếu "
           "với văn bản gốc: kiểm tra lại bố cục và câu chữ trước khi dùng.",
        en="The layout follows form MQĐ02 (appendix of Decree 118/2021/NĐ-CP, amended 2025) but was not "
           "checked against the official text: check layout and wording before use.")]
    if signer.chosen is None:
        listing_vi = "; ".join(f"{c.official.vi} ({c.code})" for c in signer.competent) or "không có"
        listing_en = "; ".join(f"{c.official.en} ({c.code})" for c in signer.competent) or "none"
        out.append(Localized(vi=f"Chưa chọn người ký. Người có thẩm quyền: {listing_vi}.",
                             en=f"No signer chosen. Competent officials: {listing_en}."))
    if excluded:
        out.append(Localized(
            vi=f"{len(excluded)} hành vi đã hết thời hiệu xử phạt, không đưa vào quyết định.",
            en=f"{len(excluded)} act(s) past the limitation period are left out of the decision."))
    if any(act.fine is None for act in a.violations if not act.time_barred):
        out.append(Localized(vi="Có hành vi chưa tính được mức phạt: cần điền hình thức, mức xử phạt.",
                             en="An act has no computed fine: fill in the sanction and its amount."))
    if any("SCOPE NOT CHECKED" in s.flags for s in a.trace):
        out.append(Localized(
            vi="Danh mục chưa kiểm tra việc phân định thẩm quyền theo từng điều: xác nhận người ký có "
               "thẩm quyền với các điều áp dụng.",
            en="The catalog does not check how competence is split by article: confirm the signer may "
               "decide on the articles applied."))
    limit = 1_000_000 if a.fined_as == "organization" else 500_000
    if a.decided_on >= date(2025, 7, 1) and total <= limit:
        out.append(Localized(
            vi=f"Tổng tiền phạt không quá {money(limit, 'vi')}: có thể xử phạt không lập biên bản "
               "(khoản 1 Điều 56 Luật 15/2012/QH13, mức từ 01/07/2025); bản thảo này theo mẫu quyết "
               "định có lập biên bản.",
            en=f"Total not above {money(limit, 'en')}: the case may be sanctioned without a record "
               "(Art. 56(1) of Law 15/2012/QH13, amounts from 01/07/2025); this draft follows the "
               "form for decisions made on a record."))
    if a.flags:
        out.append(Localized(vi="Cảnh báo dữ liệu: " + ", ".join(a.flags),
                             en="Data flags: " + ", ".join(a.flags)))
    return out


# -- rendering -------------------------------------------------------------------------------

def decision_json(draft: DecisionDraft, catalog: Catalog | None = None) -> dict[str, Any]:
    """The draft in the JSON contract: the ``decision`` envelope, as ``decision --format json`` prints.

    ``data`` is the model's own serialisation; ``generator`` names the library version and the
    fingerprint of ``catalog`` (the bundled catalog when none is given).
    """
    return envelope("decision", draft, catalog=catalog if catalog is not None else bundled_catalog())


_T = {
    "header": ("BẢN DỰ THẢO do penalty_rules soạn để người có thẩm quyền xem xét. Công cụ chỉ soạn "
               "thảo, không ra quyết định; người có thẩm quyền quyết định và ký.",
               "DRAFT prepared by penalty_rules for the competent official to review. The tool only "
               "drafts and never decides; the competent official decides and signs."),
    "form": ("Mẫu", "Form"),
    "layout": ("bố cục chưa được đối chiếu với văn bản gốc", "layout not checked against the official text"),
    "agency": ("CƠ QUAN RA QUYẾT ĐỊNH", "ISSUING BODY"),
    "motto": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc",
              "SOCIALIST REPUBLIC OF VIET NAM — Independence - Freedom - Happiness"),
    "number": ("Số", "No."),
    "place": ("Địa danh", "Place"),
    "title": ("QUYẾT ĐỊNH", "DECISION"),
    "subtitle": ("Xử phạt vi phạm hành chính", "Sanctioning an administrative violation"),
    "bases": ("Căn cứ", "Legal bases"),
    "s1": ("1. Xử phạt vi phạm hành chính đối với", "1. Sanction imposed on"),
    "kind": ("Đối tượng", "Offender kind"),
    "acts": ("Hành vi vi phạm và hình thức xử phạt", "Acts and sanctions"),
    "provision": ("Quy định tại", "Provision"),
    "fine": ("Phạt tiền", "Fine"),
    "words": ("Bằng chữ", "In words (Vietnamese)"),
    "times": ("lần", "times"),
    "no_fine": ("chưa tính được mức phạt", "no fine computed"),
    "mitigating": ("Tình tiết giảm nhẹ", "Mitigating circumstances"),
    "aggravating": ("Tình tiết tăng nặng", "Aggravating circumstances"),
    "additional": ("Hình thức xử phạt bổ sung", "Additional sanctions"),
    "remedial": ("Biện pháp khắc phục hậu quả", "Remedial measures"),
    "none": ("không", "none"),
    "months": ("tháng", "months"),
    "condition": ("điều kiện", "condition"),
    "total": ("Tổng số tiền phạt", "Total fine"),
    "excluded": ("Hành vi không xử phạt", "Acts not sanctioned"),
    "s2": ("2. Thi hành quyết định", "2. Carrying out the decision"),
    "s3": ("3. Quyền khiếu nại, khởi kiện", "3. Right to complain or sue"),
    "basis": ("căn cứ", "basis"),
    "signer": ("NGƯỜI RA QUYẾT ĐỊNH", "DECIDING OFFICIAL"),
    "sign": ("(Ký, ghi rõ họ tên, đóng dấu)", "(Signature, full name, seal)"),
    "notes": ("Ghi chú của bản dự thảo", "Notes on this draft"),
    "date": ("ngày", "date"),
}
_KIND = {"individual": ("cá nhân", "individual"), "organization": ("tổ chức", "organisation"),
         "household_business": ("hộ kinh doanh", "household business")}

Block = tuple[Literal["title", "heading", "para", "bullet", "note"], str]


def _t(key: str, lang: str) -> str:
    vi, en = _T[key]
    return vi if lang == "vi" else en


def _measure(m: AppliedMeasure, lang: str) -> str:
    text = m.label.get(lang)
    if m.duration is not None:
        d = m.duration
        span = (f"{d.min_months}" if d.min_months == d.max_months
                else f"{d.min_months}–{d.max_months}")
        text += f" ({span} {_t('months', lang)})"
    if m.condition is not None:
        text += f" — {_t('condition', lang)}: {m.condition.get(lang)}"
    return text


def _blocks(d: DecisionDraft, lang: str) -> Iterator[Block]:
    yield "note", _t("header", lang)
    yield "note", (f"{_t('form', lang)} {d.form.code} ({d.form.name.get(lang)}) — "
                   f"{_t('layout', lang)}.")
    yield "para", f"{_t('agency', lang)}: {TO_FILL}    |    {_t('motto', lang)}"
    yield "para", (f"{_t('number', lang)}: {TO_FILL}/QĐ-XPHC    |    {_t('place', lang)}: {TO_FILL}, "
                   f"{long_date(d.decided_on, lang)}")
    yield "title", f"{_t('title', lang)} — {_t('subtitle', lang)}"
    yield "heading", _t("bases", lang)
    for b in d.legal_bases:
        yield "bullet", b.text.get(lang)
    yield "heading", _t("s1", lang)
    vi_kind, en_kind = _KIND.get(d.offender_kind, (d.offender_kind, d.offender_kind))
    yield "bullet", f"{_t('kind', lang)}: {vi_kind if lang == 'vi' else en_kind}"
    for f in d.offender:
        yield "bullet", f"{f.label.get(lang)}: {f.value if f.value is not None else TO_FILL}"
    yield "heading", _t("acts", lang)
    for n, act in enumerate(d.acts, 1):
        yield "para", f"{n}. {act.label.get(lang)}"
        yield "bullet", f"{_t('provision', lang)}: {citation_text(act.provision, lang)}"
        if act.fine is None:
            yield "bullet", f"{_t('fine', lang)}: {_t('no_fine', lang)} {TO_FILL}"
        else:
            times = f" ({act.times} {_t('times', lang)})" if act.times > 1 else ""
            yield "bullet", (f"{_t('fine', lang)}: {money(act.fine, lang)}{times} — "
                             f"{_t('words', lang)}: {act.fine_words}")
        for key, lines in (("mitigating", act.mitigating), ("aggravating", act.aggravating)):
            if lines:
                yield "bullet", f"{_t(key, lang)}: " + "; ".join(
                    c.label.get(lang) + (f" ({citation_text(c.basis, lang)})" if c.basis else "")
                    for c in lines)
        extra = "; ".join(_measure(m, lang) for m in act.additional_sanctions) or _t("none", lang)
        yield "bullet", f"{_t('additional', lang)}: {extra}"
        remedy = "; ".join(_measure(m, lang) for m in act.remedial_measures) or _t("none", lang)
        yield "bullet", f"{_t('remedial', lang)}: {remedy}"
    yield "para", (f"{_t('total', lang)}: {money(d.total_fine, lang)} — {_t('words', lang)}: "
                   f"{d.total_words}")
    if d.excluded:
        yield "heading", _t("excluded", lang)
        for e in d.excluded:
            yield "bullet", (f"{citation_text(e.provision, lang)} — {e.label.get(lang)}: "
                             f"{e.reason.get(lang)}")
    yield "heading", _t("s2", lang)
    for term in d.payment:
        basis = f" [{_t('basis', lang)}: {citation_text(term.basis, lang)}]" if term.basis else ""
        yield "bullet", term.text.get(lang) + basis
    yield "heading", _t("s3", lang)
    yield "bullet", d.appeal.text.get(lang)
    yield "heading", _t("signer", lang)
    if d.signer.chosen is not None:
        yield "para", d.signer.chosen.official.get(lang).upper()
    else:
        yield "para", TO_FILL
    yield "para", _t("sign", lang)
    yield "heading", _t("notes", lang)
    for notice in d.notices:
        yield "bullet", notice.get(lang)


def decision_markdown(draft: DecisionDraft, language: str = "vi") -> str:
    """The draft as Markdown."""
    lang = "vi" if language == "vi" else "en"
    lines: list[str] = []
    for kind, text in _blocks(draft, lang):
        if kind != "bullet" and lines and lines[-1].startswith("- "):
            lines.append("")
        if kind == "title":
            lines += [f"# {text}", ""]
        elif kind == "heading":
            lines += [f"## {text}", ""]
        elif kind == "bullet":
            lines.append(f"- {text}")
        elif kind == "note":
            lines += [f"> **{text}**", ""]
        else:
            lines += [text, ""]
    return "\n".join(lines).rstrip() + "\n"


def decision_docx(draft: DecisionDraft, path: str | Path, language: str = "vi") -> None:
    """Write the draft as a Word document (needs the optional extra ``docx``: python-docx)."""
    try:
        docx = importlib.import_module("docx")
    except ImportError:
        raise OptionalDependencyMissing("docx", "python-docx", "docx") from None
    lang = "vi" if language == "vi" else "en"
    document = docx.Document()
    for kind, text in _blocks(draft, lang):
        if kind == "title":
            document.add_heading(text, level=0)
        elif kind == "heading":
            document.add_heading(text, level=1)
        elif kind == "bullet":
            document.add_paragraph(text, style="List Bullet")
        elif kind == "note":
            document.add_paragraph().add_run(text).bold = True
        else:
            document.add_paragraph(text)
    document.save(str(path))
