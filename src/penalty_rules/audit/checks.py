"""The auditor's checks. Each is a small named rule with a code, a severity, a rationale
and the legal citation that grounds it; each returns findings with evidence."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_decimal

from ..catalog.bodies import Body
from ..catalog.laws import TOPICS, BasisRole, DecreeBasis, Law, LawChange
from ..citations.parse import parse_citation
from ..errors import PenaltyRulesError
from ..models.citation import Citation
from ..models.common import Localized, Status
from ..models.document import DocumentKind, LegalDocument, RelationKind
from ..models.provision import PerUnitFine, Provision, ProvisionVersion
from ..models.timeline import add_years
from .context import AuditContext, same_fine, top_amount
from .findings import Check, ErosionRow, EvidenceValue, Finding, Severity

LAW = "15/2012/QH13"
ART_6 = Citation(article="6", clause="1", document=LAW)
ART_24 = Citation(article="24", document=LAW)
ART_23 = Citation(article="23", clause="2", document=LAW)
ART_37A = Citation(article="37a", document=LAW)
LENIENT = "lenient_rule"  # a dated principle of the catalog
SEVERAL_ACTS = "several_acts"


def L(vi: str, en: str) -> Localized:
    return Localized(vi=vi, en=en)


def pct(value: Decimal) -> str:
    """A ratio as a percentage with one decimal."""
    return str((value * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@functools.lru_cache(maxsize=4096)
def _cite_of(text: str) -> Citation:
    """A citation read from text (cached: the same bases and subjects recur)."""
    return parse_citation(text)


STATUS_VI = {
    Status.CONFIRMED: "đã xác nhận", Status.CONFIRMED_SECONDARY: "xác nhận qua nguồn thứ cấp",
    Status.CONFIRMED_NEWS: "xác nhận qua báo chí", Status.INFERRED: "suy luận",
    Status.DERIVED: "tính toán", Status.MEMORY: "ghi nhớ, chưa kiểm chứng",
}


def vnd_vi(amount: int) -> str:
    """Whole đồng with Vietnamese digit grouping (``40.000.000``)."""
    return format_decimal(amount, locale="vi_VN")


def dec_vi(text: str) -> str:
    """A decimal written with a Vietnamese decimal comma (``21,6``)."""
    return text.replace(".", ",")


def cite(c: Citation) -> str:
    return c.format()


CheckFn = Callable[[AuditContext], list[Finding]]
REGISTRY: list[tuple[Check, CheckFn]] = []


def check(code: str, title: Localized, rationale: Localized,
          *basis: Citation | str) -> Callable[[CheckFn], CheckFn]:
    """Register a check function under a code; a text basis is a principle code (dated)."""

    def register(fn: CheckFn) -> CheckFn:
        REGISTRY.append((Check(code=code, title=title, rationale=rationale,
                               basis=tuple(b for b in basis if isinstance(b, Citation)),
                               principles=tuple(b for b in basis if isinstance(b, str))), fn))
        return fn

    return register


# ------------------------------------------------------------------------- repealed in use
def _latest_decision(ctx: AuditContext, provision: Provision, last_day: date) -> date:
    rules = ctx.catalog.rules_for(provision.document)
    years = 1
    if rules and rules.two_year_limitation and any(
            p.clause_level().within(ctx.cite(provision)) or ctx.cite(provision).within(p)
            for p in rules.two_year_limitation.parts):
        years = 2
    period = ctx.catalog.sector(provision.sector).limitation_on(last_day)
    if period is not None:
        years = max(years, period.years)
    return add_years(last_day, years)


def _log_key(ctx: AuditContext, text: str) -> tuple[str, str, str | None] | None:
    keys: dict[str, tuple[str, str, str | None] | None] = ctx.memo.setdefault("log_keys", {})
    if text in keys:  # a log cites the same texts many times: each is read once
        return keys[text]
    try:
        c = _cite_of(text)
        found = ctx.catalog.find(c)
    except PenaltyRulesError:
        keys[text] = None
        return None
    p = found[0]
    keys[text] = key = (str(p.document), p.article, p.clause)
    return key


@check("repealed_in_use",
       L("Quy định đã bãi bỏ, thay thế nhưng vẫn được viện dẫn",
         "Repealed or replaced provision still referenced"),
       L("Quy định đã hết hiệu lực chỉ còn áp dụng cho hành vi kết thúc trước ngày bãi bỏ; "
         "việc viện dẫn nó cho hành vi sau đó là sai.",
         "A provision that ended applies only to acts that ended before; citing it for later "
         "acts is wrong, and tools that still quote it need updating."),
       LENIENT)
def repealed_in_use(ctx: AuditContext) -> list[Finding]:
    findings = []
    archived: dict[tuple[str, str, date], list[str]] = defaultdict(list)
    log_by_key: dict[tuple[str, str, str | None], list[date]] = defaultdict(list)
    for text, ended_on, _ in ctx.log_rows():
        key = _log_key(ctx, text)
        if key is not None:
            log_by_key[key].append(ended_on)
    for provision in ctx.provisions():
        ended = ctx.repeal_of(provision)
        if ended is None or ended[0].on > ctx.as_of:
            continue
        relation, by = ended
        last_day = relation.on - timedelta(days=1)
        until = _latest_decision(ctx, provision, last_day)
        successor = ctx.catalog.successor_of(provision)
        transition = None
        rules = ctx.catalog.rules_for(by.number)
        if rules and rules.transition and rules.transition.predecessor == provision.document:
            transition = rules.transition.ended_before
        basis = _cite_of(relation.basis)
        if basis.document is None:
            basis = basis.with_document(by.number)
        evidence: dict[str, int | str | float | bool | None] = {
            "repealed_on": relation.on.isoformat(), "by": str(by.number),
            "relation": relation.kind.value,
            "applies_to_acts_ended_before": relation.on.isoformat(),
            "latest_decision_within_limitation": until.isoformat(),
            "successor": cite(successor.citation) if successor else None,
            "kept_applicable_by": cite(transition) if transition else None,
        }
        key = (str(provision.document), provision.article, provision.clause)
        late = sorted(d for d in log_by_key.get(key, []) if d >= relation.on)
        subject = ctx.cite_text(provision)
        citations = tuple(c for c in (basis, transition) if c is not None)
        if late:
            evidence |= {"log_entries_after_repeal": len(late), "first": late[0].isoformat()}
            findings.append(Finding(
                check="repealed_in_use", severity=Severity.HIGH, document=str(provision.document),
                subject=subject, evidence=evidence, citations=citations,
                summary=L(f"Sổ theo dõi áp dụng {subject} cho {len(late)} hành vi kết thúc sau ngày "
                          f"bãi bỏ {relation.on:%d/%m/%Y}.",
                          f"The case log applies {subject} to {len(late)} act(s) that ended after "
                          f"its repeal on {relation.on.isoformat()}."),
                recommendation=L(
                    "Xem lại các quyết định này và áp dụng quy định kế thừa"
                    + (f" ({cite(successor.citation)})" if successor else "") + ".",
                    "Review these decisions and apply the successor provision"
                    + (f" ({successor.citation.format('en')})" if successor else "") + "."),
            ))
        usable = ctx.as_of <= until
        if not usable:
            archived[(str(provision.document), str(by.number), relation.on)].append(subject)
            continue
        findings.append(Finding(
            check="repealed_in_use", severity=Severity.MEDIUM,
            document=str(provision.document), subject=subject, evidence=evidence,
            citations=citations,
            summary=L(
                f"{subject} hết hiệu lực từ {relation.on:%d/%m/%Y} ({by.number}); chỉ còn áp dụng cho "
                f"hành vi kết thúc trước ngày đó, chậm nhất đến {until:%d/%m/%Y}.",
                f"{ctx.cite(provision).format('en')} ended on {relation.on.isoformat()} ({by.number}); "
                f"it applies only to acts that ended before that day, until {until.isoformat()} "
                "at the latest."),
            recommendation=L(
                "Dùng quy định kế thừa cho hành vi từ ngày bãi bỏ; cập nhật biểu mẫu, công cụ còn "
                "trích dẫn quy định cũ.",
                "Use the successor for acts from the repeal date on; update templates and tools that "
                "still quote the old text."),
        ))
    # Provisions whose window has closed: one line per document, not one per provision.
    for (document, by_number, on), subjects in sorted(archived.items()):
        findings.append(Finding(
            check="repealed_in_use", severity=Severity.LOW, document=document, subject=document,
            evidence={"repealed_on": on.isoformat(), "by": by_number,
                      "provisions_closed": len(subjects)},
            summary=L(f"{len(subjects)} quy định của {document} hết hiệu lực từ {on:%d/%m/%Y} "
                      f"({by_number}); thời hiệu của các hành vi trước ngày đó đã hết.",
                      f"{len(subjects)} provision(s) of {document} ended on {on.isoformat()} "
                      f"({by_number}); the limitation period of earlier acts has run out."),
            recommendation=L("Có thể lưu trữ các quy định này; cập nhật công cụ còn trích dẫn chúng.",
                             "These provisions can be archived; update tools that still quote them."),
        ))
    return findings


# ------------------------------------------------------------------------- legal basis
def _decrees_with_bases(ctx: AuditContext) -> list[tuple[LegalDocument, DecreeBasis, Law]]:
    """Decrees in scope that apply on ``as_of`` (or are issued and about to), with each basis law.

    An amending decree is left out: its changes live in the decree it amends.
    """
    cached: list[tuple[LegalDocument, DecreeBasis, Law]] | None = ctx.memo.get("bases")
    if cached is None:
        cached = ctx.memo["bases"] = list(_bases_in_scope(ctx))
    return cached


def _bases_in_scope(ctx: AuditContext) -> Iterator[tuple[LegalDocument, DecreeBasis, Law]]:
    for doc in ctx.catalog.documents:
        number = str(doc.number)
        if doc.kind is not DocumentKind.DECREE or (ctx.document is not None and number != ctx.document):
            continue
        issued = doc.issued_on or doc.effective_from
        if issued > ctx.as_of or (doc.effective_to is not None and doc.effective_to < ctx.as_of):
            continue
        if doc.relations and all(r.kind is RelationKind.AMENDS for r in doc.relations):
            continue
        provisions = ctx.provisions_of(doc.number)
        if (doc.effective_from <= ctx.as_of and provisions
                and not any(ctx.is_in_force(p) for p in provisions)):
            continue
        for basis in ctx.laws.bases_of(doc):
            if basis.law in ctx.laws:
                yield doc, basis, ctx.laws.law(basis.law)


def _cited_as(basis: DecreeBasis, law: Law) -> tuple[str, str]:
    if basis.cited is not None:
        return (f"{basis.cited.name} ngày {basis.cited.passed_on:%d/%m/%Y} (= {law.number})",
                f"{law.name.en} of {basis.cited.passed_on.isoformat()} (= {law.number})")
    return f"{law.name.vi} ({law.number})", f"{law.name.en} ({law.number})"


def _unverified(basis: DecreeBasis) -> tuple[str, str]:
    if not basis.unverified:
        return "", ""
    return (" (Chưa kiểm chứng: chưa đọc được phần căn cứ của nghị định; danh mục căn cứ là ghi nhớ.)",
            " (Unverified: the decree's preamble has not been seen; this basis is from memory.)")


def _basis_evidence(doc: LegalDocument, basis: DecreeBasis, law: Law) -> dict[str, EvidenceValue]:
    return {"base_law": str(law.number), "role": basis.role.value,
            "cited_by_name_and_date": basis.cited is not None,
            "basis_status": basis.provenance.status.value,
            "decree_issued_on": (doc.issued_on or doc.effective_from).isoformat()}


def _change_citation(change: LawChange) -> tuple[Citation, ...]:
    if change.clause is None:
        return ()
    return (_cite_of(change.clause).with_document(change.law),)


def _topics(change: LawChange, language: str) -> str:
    return ", ".join(TOPICS[t].get(language) for t in change.touched)


@check("base_law_replaced",
       L("Luật làm căn cứ đã bị thay thế", "A law the decree rests on was replaced"),
       L("Nghị định vẫn dẫn chiếu luật đã hết hiệu lực. Luật bị thay thế không tự làm nghị định hết "
         "hiệu lực, nhưng nghĩa vụ, thuật ngữ và hành vi vi phạm có thể đã khác: cần rà soát. Mức "
         "cao khi nghị định xử phạt vi phạm chính luật đó, trung bình khi chỉ viện dẫn.",
         "The decree still names a law that is no longer in force. A replaced basis does not by "
         "itself end the decree, but duties, terms and offences may have moved: review it. High "
         "when the decree sanctions breaches of that law, medium when it only cites it."))
def base_law_replaced(ctx: AuditContext) -> list[Finding]:
    findings = []
    for doc, basis, law in _decrees_with_bases(ctx):
        change = law.replaced_on(ctx.as_of)
        if change is None:
            continue
        number = str(doc.number)
        vi_cited, en_cited = _cited_as(basis, law)
        new_name = ctx.laws.law(change.law).name if change.law in ctx.laws else None
        new_vi = f"{new_name.vi} ({change.law})" if new_name else f"Luật {change.law}"
        new_en = f"{new_name.en} ({change.law})" if new_name else f"Law {change.law}"
        assert change.effective_from is not None
        un_vi, un_en = _unverified(basis)
        findings.append(Finding(
            check="base_law_replaced",
            severity=Severity.HIGH if basis.role is BasisRole.IMPLEMENTS else Severity.MEDIUM,
            document=number, subject=number,
            evidence=_basis_evidence(doc, basis, law) | {
                "replaced_by": str(change.law), "replaced_on": change.effective_from.isoformat(),
                "replacement_status": change.provenance.status.value},
            citations=_change_citation(change),
            summary=L(f"{number} dẫn chiếu {vi_cited}; luật này đã được thay thế bởi {new_vi} từ "
                      f"{change.effective_from:%d/%m/%Y}." + un_vi,
                      f"{number} rests on the {en_cited}, replaced by the {new_en} from "
                      f"{change.effective_from.isoformat()}." + un_en),
            recommendation=L(f"Cập nhật căn cứ pháp lý theo Luật {change.law}; đối chiếu các hành vi "
                             "vi phạm với nghĩa vụ của luật mới.",
                             f"Update the legal basis to Law {change.law}; check each offence against "
                             "the duties of the new law."),
        ))
    return findings


def _listing(changes: list[LawChange], lang: str) -> str:
    parts = []
    for c in changes:
        if c.effective_from is None:
            when = "in-force date not seen" if lang == "en" else "chưa rõ ngày hiệu lực"
        else:
            when = c.effective_from.isoformat() if lang == "en" else f"{c.effective_from:%d/%m/%Y}"
        scope = _topics(c, lang) or ("scope not read" if lang == "en" else "chưa rõ phạm vi")
        parts.append(f"{c.law} ({when}; {scope})")
    return "; ".join(parts)


def _amendment_severity(basis: DecreeBasis, changes: list[LawChange]) -> Severity:
    implements = basis.role is BasisRole.IMPLEMENTS
    if any(c.touches_penalties for c in changes):
        return Severity.HIGH if implements else Severity.MEDIUM
    if any(not c.scope_known for c in changes):
        return Severity.MEDIUM if implements else Severity.LOW
    return Severity.LOW


def _amendments_since(ctx: AuditContext, doc: LegalDocument, basis: DecreeBasis, law: Law,
                      *, upcoming: bool) -> list[LawChange]:
    """Amendments not cited by the decree and not in force when it was made: in force on
    ``as_of`` (or, with ``upcoming``, passed but in force later)."""
    made = doc.issued_on or doc.effective_from
    cited = {str(n) for n in basis.amendments_cited}
    found = []
    for change in law.amended_by:
        if str(change.law) in cited or not change.known_on(ctx.as_of):
            continue
        start = change.effective_from or change.passed_on
        if start is None or start <= made:
            continue
        later = change.effective_from is not None and change.effective_from > ctx.as_of
        if later == upcoming:  # an unknown in-force date counts as in force once passed
            found.append(change)
    return found


@check("base_law_amended",
       L("Luật làm căn cứ đã được sửa đổi sau khi ban hành nghị định",
         "A law the decree rests on was amended after the decree was made"),
       L("Sửa đổi đã có hiệu lực mà nghị định không viện dẫn. Mức độ theo phạm vi sửa đổi: cao khi "
         "sửa thẩm quyền, mức tối đa, thời hiệu… của luật mà nghị định thi hành; thấp khi phạm vi "
         "không liên quan đến xử phạt.",
         "An amendment now in force that the decree does not cite. Severity follows what the "
         "amendment touched: high when it changed competence, maxima, limitation… of the law the "
         "decree implements; low when its scope does not bear on penalties."))
def base_law_amended(ctx: AuditContext) -> list[Finding]:
    findings = []
    for doc, basis, law in _decrees_with_bases(ctx):
        if law.replaced_on(ctx.as_of) is not None:
            continue  # reported as replaced
        changes = _amendments_since(ctx, doc, basis, law, upcoming=False)
        if not changes:
            continue
        number = str(doc.number)
        vi_cited, en_cited = _cited_as(basis, law)
        un_vi, un_en = _unverified(basis)

        touched = sorted({t for c in changes for t in c.touched})
        findings.append(Finding(
            check="base_law_amended", severity=_amendment_severity(basis, changes),
            document=number, subject=number,
            evidence=_basis_evidence(doc, basis, law) | {
                "amended_by": ", ".join(str(c.law) for c in changes),
                "touched": ", ".join(touched) if touched else None,
                "scope_known": all(c.scope_known for c in changes)},
            citations=(),
            summary=L(f"{number} dẫn chiếu {vi_cited}; luật đã được sửa đổi sau đó: "
                      f"{_listing(changes, 'vi')}." + un_vi,
                      f"{number} rests on the {en_cited}, since amended by: "
                      f"{_listing(changes, 'en')}." + un_en),
            recommendation=L("Rà soát các quy định của nghị định chịu ảnh hưởng của phần được sửa "
                             "đổi; bổ sung căn cứ sửa đổi khi sửa nghị định.",
                             "Review the decree's provisions that the amended parts affect; cite "
                             "the amendment when the decree is next revised."),
        ))
    return findings


@check("upcoming_base_change",
       L("Luật làm căn cứ sắp bị thay thế hoặc sửa đổi", "A law the decree rests on is about to change"),
       L("Luật thay thế hoặc sửa đổi đã được thông qua nhưng chưa có hiệu lực vào ngày rà soát; "
         "cần chuẩn bị sửa nghị định.",
         "A replacing or amending law has been passed but is not yet in force on the audit date; "
         "prepare the decree's revision."))
def upcoming_base_change(ctx: AuditContext) -> list[Finding]:
    findings = []
    for doc, basis, law in _decrees_with_bases(ctx):
        number = str(doc.number)
        vi_cited, en_cited = _cited_as(basis, law)
        un_vi, un_en = _unverified(basis)
        implements = basis.role is BasisRole.IMPLEMENTS
        pending: list[tuple[str, LawChange]] = []
        replacement = law.replaced_by
        if (replacement is not None and replacement.known_on(ctx.as_of)
                and not replacement.in_force_on(ctx.as_of)):
            pending.append(("replaced", replacement))
        if law.replaced_on(ctx.as_of) is None:
            pending += [("amended", c) for c in _amendments_since(ctx, doc, basis, law, upcoming=True)]
        for kind, change in pending:
            assert change.effective_from is not None
            scope_vi = _topics(change, "vi")
            scope_en = _topics(change, "en")
            verb_vi = "thay thế" if kind == "replaced" else "sửa đổi"
            verb_en = "replaces" if kind == "replaced" else "amends"
            findings.append(Finding(
                check="upcoming_base_change",
                severity=Severity.MEDIUM if implements else Severity.LOW,
                document=number, subject=number,
                evidence=_basis_evidence(doc, basis, law) | {
                    "change": kind, "by": str(change.law),
                    "passed_on": change.passed_on.isoformat() if change.passed_on else None,
                    "effective_from": change.effective_from.isoformat(),
                    "touched": ", ".join(change.touched) or None,
                    "change_status": change.provenance.status.value},
                citations=_change_citation(change),
                summary=L(f"Luật {change.law} sẽ {verb_vi} {vi_cited} (căn cứ của {number}) từ "
                          f"{change.effective_from:%d/%m/%Y}"
                          + (f"; phạm vi: {scope_vi}" if scope_vi else "") + "." + un_vi,
                          f"Law {change.law} {verb_en} the {en_cited} (a basis of {number}) from "
                          f"{change.effective_from.isoformat()}"
                          + (f"; scope: {scope_en}" if scope_en else "") + "." + un_en),
                recommendation=L("Chuẩn bị sửa đổi nghị định cho kịp ngày luật mới có hiệu lực.",
                                 "Prepare the decree's revision in time for the new law."),
            ))
    return findings


# ------------------------------------------------------------------------- abolished bodies
def _body_finding(ctx: AuditContext, number: str, subject: Citation, official: Localized,
                  body: Body, gone: bool | None, wording: Status,
                  extra: tuple[Citation, ...]) -> Finding:
    successor = ctx.bodies.get(body.successor or "")
    succ_vi = successor.label.vi if successor else (body.successor or "-")
    succ_en = successor.label.en if successor else (body.successor or "-")
    unsure = gone is None or wording is Status.MEMORY
    note_vi = " (Chưa kiểm chứng: chưa thấy nguyên văn chức danh trong nghị định.)" \
        if wording is Status.MEMORY else ""
    note_en = " (Unverified: the title's wording in the decree has not been seen.)" \
        if wording is Status.MEMORY else ""
    text = subject.format()
    when_vi = f"{body.abolished_on:%d/%m/%Y}" if body.abolished_on else body.when_text()
    return Finding(
        check="abolished_body", severity=Severity.LOW if unsure else Severity.MEDIUM,
        document=number, subject=text,
        evidence={"official": official.en, "body": body.code, "abolished": body.when_text(),
                  "successor": body.successor, "status": body.provenance.status.value,
                  "wording_status": wording.value},
        citations=(subject,) + extra + ((_cite_of(body.basis),) if body.basis else ()),
        summary=L(f"{text} giao thẩm quyền cho {official.vi}; {body.label.vi} "
                  f"{'không còn từ' if gone else 'có thể đã giải thể trong'} {when_vi}."
                  + note_vi,
                  f"{subject.format('en')} gives competence to the {official.en}; the "
                  f"{body.label.en} {'ceased to exist on' if gone else 'may have ceased in'} "
                  f"{body.when_text()}." + note_en),
        recommendation=L(f"Sửa quy định thẩm quyền, giao cho {succ_vi}; đến khi sửa, áp dụng quy "
                         "định chuyển tiếp về tên gọi và thẩm quyền.",
                         f"Amend the competence rule to name the {succ_en}; until then, apply the "
                         "transitional rules on renamed bodies and competence."),
    )


@check("abolished_body",
       L("Giao thẩm quyền cho cơ quan, cấp không còn tồn tại",
         "Competence given to a body that no longer exists"),
       L("Chức danh có thẩm quyền phải thuộc cơ quan, cấp chính quyền còn tồn tại. Trung bình khi "
         "cơ quan đã chấm dứt; thấp khi chỉ biết năm, hoặc chưa thấy nguyên văn chức danh.",
         "A competent official must belong to a body or level that still exists. Medium when the "
         "body has ended; low when only the year is known or the title's wording was not seen."),
       ART_37A)
def abolished_body(ctx: AuditContext) -> list[Finding]:
    findings = []
    for rule in ctx.catalog.competence:
        number = str(rule.document)
        if ctx.document is not None and number != ctx.document:
            continue
        body = ctx.bodies.get(rule.body)
        if body is None:
            continue
        gone = body.abolished_by(ctx.as_of)
        if gone is False or not ctx.index.documents[number].in_force_on(ctx.as_of):
            continue
        findings.append(_body_finding(ctx, number, rule.basis, rule.official, body, gone,
                                      Status.CONFIRMED, ()))
    for named in ctx.named:
        number = str(named.document)
        if (ctx.document is not None and number != ctx.document) or number not in ctx.index.documents:
            continue
        body = ctx.bodies[named.body]
        gone = body.abolished_by(ctx.as_of)
        if gone is False or not ctx.index.documents[number].in_force_on(ctx.as_of):
            continue
        subject = _cite_of(named.article).with_document(named.document)
        findings.append(_body_finding(ctx, number, subject, named.official, body, gone,
                                      named.wording_status, ()))
    return findings


# ------------------------------------------------------------------------- erosion
def set_since(ctx: AuditContext, provision: Provision, version: ProvisionVersion) -> date:
    """The first day the same fine applied, following earlier versions and predecessors."""
    return ctx.catalog.fine_set_since(provision, version)


def erosion_rows(ctx: AuditContext) -> list[ErosionRow]:
    """Real-value loss of the top amount of every provision in force (computed once a run)."""
    cached: list[ErosionRow] | None = ctx.memo.get("erosion")
    if cached is None:
        cached = ctx.memo["erosion"] = _erosion_rows(ctx)
    return cached


def _erosion_rows(ctx: AuditContext) -> list[ErosionRow]:
    rows = []
    cpi_year = ctx.cpi_year
    for provision, version in ctx.in_force():
        amount = top_amount(version)
        if amount is None:
            continue
        since = set_since(ctx, provision, version)
        if since.year >= cpi_year or since.year < ctx.series.first_cpi_year:
            continue
        ratio = ctx.price_level(cpi_year) / ctx.price_level(since.year)
        real = int((Decimal(amount) / ratio).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        wage_then, wage_now = ctx.series.min_wage_on(since), ctx.series.min_wage_on(ctx.as_of)
        base_then, base_now = ctx.series.base_salary_on(since), ctx.series.base_salary_on(ctx.as_of)
        rows.append(ErosionRow(
            document=str(provision.document), subject=ctx.cite_text(provision), amount=amount,
            set_year=since.year, audit_year=ctx.as_of.year, cpi_year=cpi_year,
            price_ratio=str(ratio.quantize(Decimal("0.001"))), real_value=real,
            loss_pct=pct(1 - 1 / ratio),
            wage_ratio=str((Decimal(wage_now.amount) / wage_then.amount).quantize(Decimal("0.001")))
            if wage_then and wage_now else None,
            base_salary_ratio=str((Decimal(base_now.amount) / base_then.amount)
                                  .quantize(Decimal("0.001"))) if base_then and base_now else None,
        ))
    return rows


@check("cpi_erosion",
       L("Mức phạt bị mất giá trị thực", "Fine lost real value"),
       L("Mức phạt cố định bằng tiền mất sức răn đe khi giá cả tăng (CPI bình quân năm, Tổng cục "
         "Thống kê).",
         "A fixed amount loses deterrence as prices rise (GSO annual-average CPI)."),
       ART_23)
def cpi_erosion(ctx: AuditContext) -> list[Finding]:
    findings = []
    threshold = ctx.config.erosion_threshold
    by_doc: dict[str, list[ErosionRow]] = defaultdict(list)
    for row in erosion_rows(ctx):
        by_doc[row.document].append(row)
        loss = Decimal(row.loss_pct) / 100
        if loss <= threshold:
            continue
        statuses = ctx.series.cpi_statuses(row.set_year, row.cpi_year)
        findings.append(Finding(
            check="cpi_erosion",
            severity=Severity.HIGH if loss > 2 * threshold else Severity.MEDIUM,
            document=row.document, subject=row.subject,
            evidence={"amount": row.amount, "set_year": row.set_year, "cpi_year": row.cpi_year,
                      "price_ratio": row.price_ratio, "real_value": row.real_value,
                      "loss_pct": row.loss_pct, "min_wage_ratio": row.wage_ratio,
                      "base_salary_ratio": row.base_salary_ratio,
                      "cpi_unverified": Status.MEMORY in statuses},
            citations=(_cite_of(row.subject),),
            summary=L(f"Mức {vnd_vi(row.amount)} đồng đặt từ năm {row.set_year} chỉ còn tương đương "
                      f"{vnd_vi(row.real_value)} đồng theo giá năm {row.cpi_year} "
                      f"(mất {dec_vi(row.loss_pct)}%).",
                      f"{row.amount:,} VND set in {row.set_year} is worth {row.real_value:,} VND at "
                      f"{row.cpi_year} prices (a {row.loss_pct}% loss)."),
            recommendation=L("Đề xuất điều chỉnh khung phạt theo chỉ số giá.",
                             "Propose raising the frame in line with prices."),
        ))
    for document, rows in sorted(by_doc.items()):
        over = [r for r in rows if Decimal(r.loss_pct) / 100 > threshold]
        if not over:
            continue
        losses = sorted(Decimal(r.loss_pct) for r in rows)
        median = losses[len(losses) // 2]
        findings.append(Finding(
            check="cpi_erosion", severity=Severity.MEDIUM, document=document, subject=document,
            evidence={"provisions_measured": len(rows), "over_threshold": len(over),
                      "median_loss_pct": str(median), "threshold_pct": pct(threshold)},
            summary=L(f"{len(over)}/{len(rows)} mức phạt của {document} mất trên "
                      f"{dec_vi(pct(threshold))}% giá trị thực (trung vị {dec_vi(str(median))}%).",
                      f"{len(over)} of {len(rows)} frames of {document} lost more than "
                      f"{pct(threshold)}% of their real value (median {median}%)."),
            recommendation=L("Xem xét sửa đổi đồng bộ các khung phạt của văn bản.",
                             "Consider revising the document's frames together."),
        ))
    return findings


@check("wage_erosion",
       L("Mức phạt giảm so với lương tối thiểu vùng", "Fine fell behind the minimum wage"),
       L("So với lương tối thiểu vùng I, mức phạt cố định ngày càng nhẹ với người vi phạm.",
         "Measured against the Region I minimum wage, a fixed fine weighs less and less."))
def wage_erosion(ctx: AuditContext) -> list[Finding]:
    findings = []
    for row in erosion_rows(ctx):
        if row.wage_ratio is None:
            continue
        loss = 1 - 1 / Decimal(row.wage_ratio)
        if loss <= ctx.config.erosion_threshold or Decimal(row.loss_pct) / 100 > ctx.config.erosion_threshold:
            continue  # already reported by cpi_erosion, or not eroded
        findings.append(Finding(
            check="wage_erosion", severity=Severity.LOW, document=row.document, subject=row.subject,
            evidence={"amount": row.amount, "set_year": row.set_year,
                      "min_wage_ratio": row.wage_ratio, "wage_relative_loss_pct": pct(loss),
                      "cpi_loss_pct": row.loss_pct, "base_salary_ratio": row.base_salary_ratio},
            citations=(_cite_of(row.subject),),
            summary=L(f"Từ năm {row.set_year}, lương tối thiểu vùng I tăng "
                      f"{dec_vi(row.wage_ratio or '')} lần; mức "
                      f"{vnd_vi(row.amount)} đồng nhẹ đi {dec_vi(pct(loss))}% so với thu nhập "
                      f"(theo CPI: {dec_vi(row.loss_pct)}%).",
                      f"Since {row.set_year} the Region I minimum wage rose {row.wage_ratio}×; "
                      f"{row.amount:,} VND weighs {pct(loss)}% less against earnings "
                      f"({row.loss_pct}% by CPI)."),
            recommendation=L("Theo dõi; cân nhắc điều chỉnh khi sửa đổi nghị định.",
                             "Monitor; consider an increase at the next revision."),
        ))
    return findings


# ------------------------------------------------------------------------- weak frames
def _carried_over(ctx: AuditContext) -> dict[str, list[tuple[Provision, ProvisionVersion, Provision]]]:
    """Per decree: provisions in force that continue a predecessor's act, with that predecessor."""
    found: dict[str, list[tuple[Provision, ProvisionVersion, Provision]]] = defaultdict(list)
    for provision, version in ctx.in_force():
        for before in ctx.catalog.predecessors_of(provision):
            found[str(provision.document)].append((provision, version, before))
    return found


@check("weak_frame",
       L("Khung phạt giữ nguyên khi thay thế văn bản", "Frame kept unchanged at a replacement"),
       L("Khi ban hành văn bản thay thế, khung phạt được giữ nguyên dù giá cả đã tăng. Đánh giá "
         "theo chính thang mức phạt của nghị định: trung bình khi giá tăng làm mất từ một nửa "
         "ngưỡng trở lên hoặc nghị định đã nâng các khung khác; thấp nếu không. Khung nhỏ so với "
         "mức tối đa của lĩnh vực không tự nó là vấn đề: đó là bậc thấp của thang.",
         "A replacing decree kept a frame unchanged although prices rose. Judged against the "
         "decree's own ladder: medium when prices took at least half the threshold or the decree "
         "raised its other carried-over frames; low otherwise. A frame being small next to the "
         "sector maximum is not a problem by itself: it is a low rung of the ladder."),
       ART_23)
def weak_frame(ctx: AuditContext) -> list[Finding]:
    findings = []
    half = ctx.config.erosion_threshold / 2
    for document, rows in sorted(_carried_over(ctx).items()):
        rises = []
        for _, version, before in rows:
            new, old = top_amount(version), top_amount(before.versions[-1])
            if new and old:
                rises.append(Decimal(new) / old)
        raised = [r for r in rises if r > 1]
        median_rise = sorted(raised)[len(raised) // 2] if raised else None
        for provision, version, before in rows:
            amount = top_amount(version)
            last = before.versions[-1]
            if amount is None or not same_fine(last, version):
                continue
            since = set_since(ctx, before, last)
            year = min(ctx.start_of(provision, version).year, ctx.cpi_year)
            if since.year >= year or since.year < ctx.series.first_cpi_year:
                continue
            ratio = ctx.price_level(year) / ctx.price_level(since.year)
            loss = 1 - 1 / ratio
            if ratio <= 1:
                continue
            severity = Severity.MEDIUM if (loss >= half or raised) else Severity.LOW
            needed = int((Decimal(amount) * ratio).quantize(Decimal(1), rounding=ROUND_HALF_UP))
            subject = ctx.cite_text(provision)
            findings.append(Finding(
                check="weak_frame", severity=severity, document=document, subject=subject,
                evidence={"frame_max": amount, "predecessor": ctx.cite_text(before),
                          "unchanged_since": since.year,
                          "replaced_in": ctx.start_of(provision, version).year,
                          "price_ratio": str(ratio.quantize(Decimal("0.001"))),
                          "loss_pct": pct(loss), "max_at_current_prices": needed,
                          "decree_carried_over": len(rises), "decree_raised": len(raised),
                          "decree_median_rise_pct": pct(median_rise - 1) if median_rise else None},
                citations=(ctx.cite(provision), ctx.cite(before)),
                summary=L(f"Khung giữ nguyên như {ctx.cite_text(before)} (từ năm {since.year}) dù giá "
                          f"đã tăng {dec_vi(pct(ratio - 1))}% đến năm {year}; nghị định đã nâng "
                          f"{len(raised)}/{len(rises)} khung kế thừa.",
                          f"The frame is the same as in {ctx.cite(before).format('en')} (since "
                          f"{since.year}) although prices rose {pct(ratio - 1)}% by {year}; the "
                          f"decree raised {len(raised)} of its {len(rises)} carried-over frames."),
                recommendation=L(f"Khi sửa đổi, nâng mức tối đa lên ít nhất {vnd_vi(needed)} đồng "
                                 "(theo chỉ số giá).",
                                 f"At the next revision, raise the maximum to at least {needed:,} VND "
                                 "(in line with prices)."),
            ))
    return findings


# ------------------------------------------------------------------------- unlawful frames
@check("unlawful_frame",
       L("Khung phạt trái luật hoặc không nhất quán", "Unlawful or inconsistent frame"),
       L("Khung phạt không được vượt mức tối đa của lĩnh vực theo đối tượng áp dụng; mức theo đơn "
         "vị cần có giới hạn.",
         "A frame may not exceed the sector maximum for the decree's base; per-unit frames need a "
         "cap."),
       ART_24, ART_23)
def unlawful_frame(ctx: AuditContext) -> list[Finding]:
    findings = []
    for provision in ctx.provisions():
        rules = ctx.catalog.rules_for(provision.document)
        if rules is None:
            continue
        subject = ctx.cite_text(provision)
        for version in provision.versions:
            start = ctx.start_of(provision, version)
            base = ctx.base_of(provision, rules)
            found = ctx.catalog.sector_cap(provision.document, provision.sector, base, start)
            cap, cap_basis = (found.amount, found.basis) if found else (None, None)
            fine = version.fine
            amounts = []
            if isinstance(fine, PerUnitFine):
                if fine.quantity_to is None and fine.beyond is None:
                    findings.append(Finding(
                        check="unlawful_frame", severity=Severity.MEDIUM,
                        document=str(provision.document), subject=subject,
                        evidence={"per_unit_max": fine.max, "unit": fine.unit.en},
                        citations=(ctx.cite(provision),),
                        summary=L("Mức phạt theo đơn vị không có giới hạn số lượng nên có thể vượt "
                                  "mức tối đa.",
                                  "A per-unit fine without a quantity cap can exceed the maximum."),
                        recommendation=L("Quy định số lượng tối đa hoặc mức trần.",
                                         "State a maximum quantity or a ceiling."),
                    ))
                    continue
                amounts.append(fine.max * (fine.quantity_to or 1))
            elif fine is not None:
                amounts.append(top_amount(version) or 0)
            for amount in amounts:
                if cap is not None and amount > cap:
                    findings.append(Finding(
                        check="unlawful_frame", severity=Severity.HIGH,
                        document=str(provision.document), subject=subject,
                        evidence={"frame_max": amount, "sector_max": cap, "base": base.value,
                                  "version_from": version.effective_from.isoformat()},
                        citations=tuple(c for c in (ctx.cite(provision), cap_basis) if c is not None),
                        summary=L(f"Mức {vnd_vi(amount)} đồng vượt mức tối đa {vnd_vi(cap)} đồng "
                                  "của lĩnh vực.",
                                  f"{amount:,} VND exceeds the sector maximum of {cap:,} VND."),
                        recommendation=L("Hạ khung về trong mức tối đa.",
                                         "Bring the frame within the maximum."),
                    ))
        del provision
    for entry in ctx.catalog.entries.values():
        rules = entry.rules
        if rules is None or (ctx.document and str(entry.document.number) != ctx.document):
            continue
        articles = {p.article for p in ctx.provisions_of(entry.document.number)}
        for exception in rules.base_exceptions:
            if articles and exception.article not in articles:
                findings.append(Finding(
                    check="unlawful_frame", severity=Severity.LOW,
                    document=str(entry.document.number), subject=cite(exception),
                    evidence={"fine_base": rules.fine_base.value,
                              "exception": cite(exception)},
                    citations=(rules.fine_base_basis, exception),
                    summary=L("Ngoại lệ về đối tượng áp dụng mức phạt trỏ tới điều chưa có trong "
                              "danh mục.",
                              "An exception to the fine base names an article the catalog does "
                              "not hold."),
                    recommendation=L("Bổ sung điều đó vào danh mục hoặc sửa ngoại lệ.",
                                     "Add that article to the catalog or correct the exception."),
                ))
    return findings


# ------------------------------------------------------------------------- stale data
def _stale_documents(ctx: AuditContext) -> list[Finding]:
    findings = []
    for doc in ctx.catalog.documents:
        number = str(doc.number)
        if (ctx.document is not None and number != ctx.document) or not doc.in_force_on(ctx.as_of):
            continue
        if doc.provenance.status is not Status.MEMORY:
            continue
        findings.append(Finding(
            check="stale_verification", severity=Severity.MEDIUM, document=number, subject=number,
            evidence={"status": doc.provenance.status.value, "source": doc.provenance.source},
            summary=L(f"Thông tin văn bản {number} (ngày ban hành, hiệu lực) chưa được kiểm chứng.",
                      f"The metadata of {number} (issue or in-force date) is not verified."),
            recommendation=L("Đối chiếu ngày ban hành, ngày hiệu lực với văn bản gốc.",
                             "Check the issue and in-force dates against the official text."),
        ))
    return findings


@check("stale_verification",
       L("Số liệu chưa được kiểm chứng gần đây", "Figures not recently verified"),
       L("Số liệu không có nguồn gốc đã xác nhận, hoặc đã lâu chưa kiểm lại, dễ sai khi văn bản "
         "thay đổi.",
         "Figures without a confirmed source, or not checked for a long time, go wrong when the "
         "law moves."))
def stale_verification(ctx: AuditContext) -> list[Finding]:
    findings = []
    for provision, version in ctx.in_force():
        reasons: list[tuple[str, str]] = []
        prov = version.provenance
        if prov.verified_on is None:
            reasons.append(("chưa từng kiểm chứng", "never verified"))
        elif (ctx.as_of - prov.verified_on).days > ctx.config.stale_days:
            days = (ctx.as_of - prov.verified_on).days
            reasons.append((f"kiểm chứng cách đây {days} ngày", f"verified {days} days ago"))
        if prov.status is not Status.CONFIRMED:
            reasons.append((f"độ tin cậy: {STATUS_VI[prov.status]}", f"status {prov.status.value}"))
        if not reasons:
            continue
        subject = ctx.cite_text(provision)
        findings.append(Finding(
            check="stale_verification",
            severity=Severity.MEDIUM if prov.status is Status.MEMORY else Severity.LOW,
            document=str(provision.document), subject=subject,
            evidence={"status": prov.status.value,
                      "verified_on": prov.verified_on.isoformat() if prov.verified_on else None,
                      "source": prov.source},
            citations=(ctx.cite(provision),),
            summary=L(f"{subject}: {'; '.join(r[0] for r in reasons)}.",
                      f"{ctx.cite(provision).format('en')}: {'; '.join(r[1] for r in reasons)}."),
            recommendation=L("Đối chiếu với văn bản gốc và cập nhật nguồn, trạng thái.",
                             "Check against the official text and update source and status."),
        ))
    return findings + _stale_documents(ctx)


# ------------------------------------------------------------------------- repeat pressure
@check("repeat_pressure",
       L("Vi phạm lặp lại nhiều", "Repeated violations"),
       L("Khi nhiều người vi phạm bị xử phạt lại về cùng hành vi, chế tài chưa đủ răn đe.",
         "When many offenders are sanctioned again for the same act, the sanction does not "
         "deter."),
       SEVERAL_ACTS)
def repeat_pressure(ctx: AuditContext) -> list[Finding]:
    groups: dict[tuple[str, str, str | None], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for text, _, offender in ctx.log_rows():
        if offender is None:
            continue
        key = _log_key(ctx, text)
        if key is not None:
            groups[key][offender] += 1
    findings = []
    for key, offenders in sorted(groups.items()):
        document = key[0]
        if ctx.document is not None and document != ctx.document:
            continue
        total = len(offenders)
        repeaters = sum(1 for n in offenders.values() if n > 1)
        if total < ctx.config.repeat_min_offenders:
            continue
        rate = Decimal(repeaters) / total
        if rate < ctx.config.repeat_threshold:
            continue
        provision = ctx.catalog.provisions[key]
        subject = ctx.cite_text(provision)
        findings.append(Finding(
            check="repeat_pressure", severity=Severity.MEDIUM, document=document, subject=subject,
            evidence={"offenders": total, "repeat_offenders": repeaters, "repeat_rate_pct": pct(rate),
                      "decisions": sum(offenders.values())},
            citations=(ctx.cite(provision),),
            summary=L(f"{repeaters}/{total} người vi phạm bị xử phạt lại theo {subject} "
                      f"({dec_vi(pct(rate))}%).",
                      f"{repeaters} of {total} offenders were sanctioned again under "
                      f"{ctx.cite(provision).format('en')} ({pct(rate)}%)."),
            recommendation=L("Xem xét tăng mức phạt hoặc bổ sung hình thức xử phạt bổ sung.",
                             "Consider a higher frame or additional sanctions."),
        ))
    return findings


# ------------------------------------------------------------------------- upcoming changes
@check("upcoming_change",
       L("Văn bản mới đã ban hành, chưa có hiệu lực", "Issued but not yet in force"),
       L("Văn bản đã ban hành sẽ thay thế hoặc sửa đổi quy định đang áp dụng; cần chuẩn bị.",
         "An issued document will replace or amend rules now applied; prepare for it."))
def upcoming_change(ctx: AuditContext) -> list[Finding]:
    findings = []
    for doc in ctx.catalog.documents:
        if doc.issued_on is None or not (doc.issued_on <= ctx.as_of < doc.effective_from):
            continue
        for relation in doc.relations:
            target = str(relation.target)
            if ctx.document is not None and target != ctx.document:
                continue
            parts_vi = ", ".join(relation.parts) or "toàn văn"
            parts = ", ".join(relation.parts) or "whole text"
            verb_vi = {"replaces": "thay thế", "amends": "sửa đổi", "repeals": "bãi bỏ"}[
                relation.kind.value]
            findings.append(Finding(
                check="upcoming_change", severity=Severity.INFO, document=target, subject=target,
                evidence={"by": str(doc.number), "issued_on": doc.issued_on.isoformat(),
                          "effective_from": doc.effective_from.isoformat(),
                          "relation": relation.kind.value, "parts": parts},
                citations=(_cite_of(relation.basis).with_document(doc.number),),
                summary=L(f"{doc.number} (ban hành {doc.issued_on:%d/%m/%Y}) sẽ {verb_vi} "
                          f"{target} từ {doc.effective_from:%d/%m/%Y} ({parts_vi}).",
                          f"{doc.number} (issued {doc.issued_on.isoformat()}) {relation.kind.value} "
                          f"{target} from {doc.effective_from.isoformat()} ({parts})."),
                recommendation=L("Chuẩn bị áp dụng văn bản mới cho hành vi kết thúc từ ngày đó.",
                                 "Prepare to apply the new text to acts ending on or after that day."),
            ))
    return findings
