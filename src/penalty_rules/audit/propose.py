"""Draft an amendment proposal for one decree from the audit's findings.

The draft follows the comparison table of Vietnamese amendment dossiers: for each point, the
provision as it stands, the problem found (with its figures), the proposed direction (with the
computed figure where there is one), the legal basis, and what a person must confirm before
the draft goes anywhere. It proposes; it never decides.

>>> from datetime import date
>>> p = propose(None, "174/2026/NĐ-CP", date(2026, 12, 2))
>>> [g.code for g in p.groups][:2]
['legal_basis', 'frames']
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_decimal
from pydantic import Field

from ..catalog.bodies import bodies
from ..catalog.catalog import Catalog
from ..catalog.laws import TOPICS, law_registry
from ..catalog.loader import bundled_catalog
from ..citations.parse import parse_citation
from ..errors import PenaltyRulesError
from ..models.common import Frozen, Localized
from ..models.provision import FineFrame, Provision
from .auditor import audit
from .findings import Finding, Severity
from .indices import economic_series

#: Groups of a proposal, in the order a dossier presents them.
GROUPS: dict[str, tuple[Localized, tuple[str, ...]]] = {
    "legal_basis": (Localized(vi="Căn cứ pháp lý", en="Legal basis"),
                    ("base_law_replaced", "base_law_amended", "upcoming_base_change")),
    "frames": (Localized(vi="Mức phạt", en="Fine frames"),
               ("weak_frame", "cpi_erosion", "wage_erosion", "repeat_pressure")),
    "competence": (Localized(vi="Thẩm quyền xử phạt", en="Sanctioning competence"),
                   ("abolished_body",)),
    "consistency": (Localized(vi="Tính hợp pháp của khung phạt", en="Lawfulness of the frames"),
                    ("unlawful_frame",)),
}


class EvidenceLine(Frozen):
    """One figure behind a problem, written for each language."""

    label: Localized
    value: Localized


class ProposalRow(Frozen):
    """One line of the comparison table."""

    group: str
    check: str
    severity: Severity
    provision: str = Field(description="the provision concerned, or the decree for its basis")
    current: Localized = Field(description="what the provision says or rests on now")
    problem: Localized
    evidence: tuple[EvidenceLine, ...] = ()
    direction: Localized
    figure_vnd: int | None = Field(default=None, description="a computed amount, when there is one")
    legal_basis: tuple[str, ...] = ()
    confirm: Localized = Field(description="what a person must check before using the row")


class ProposalGroup(Frozen):
    """A group of rows with the reasoning that ties them together."""

    code: str
    title: Localized
    reasoning: Localized
    rows: int


class Proposal(Frozen):
    """A draft amendment proposal for one decree as of a date."""

    decree: str
    title: Localized
    decree_title: Localized
    as_of: date
    rows: tuple[ProposalRow, ...]
    groups: tuple[ProposalGroup, ...]
    sources: tuple[str, ...]
    notes: tuple[Localized, ...] = ()


def _vnd(amount: int, lang: str) -> str:
    if lang == "vi":
        return format_decimal(amount, locale="vi_VN") + " đồng"
    return format_decimal(amount, locale="en") + " VND"


def _num(text: str, lang: str) -> str:
    return text.replace(".", ",") if lang == "vi" else text


def _L(vi: str, en: str) -> Localized:
    return Localized(vi=vi, en=en)


_STATUS = {
    "CONFIRMED": ("đã xác nhận", "confirmed"),
    "CONFIRMED-secondary": ("xác nhận qua nguồn thứ cấp", "confirmed (secondary source)"),
    "CONFIRMED-news": ("xác nhận qua báo chí", "confirmed (news)"),
    "INFERRED": ("suy luận", "inferred"), "DERIVED": ("tính toán", "derived"),
    "MEMORY": ("ghi nhớ, chưa kiểm chứng", "from memory, unverified"),
}


def _value(text: str) -> Localized:
    """An evidence value for each language: statuses in words, ISO dates as dd/mm/yyyy in vi."""
    if text in _STATUS:
        vi, en = _STATUS[text]
        return _L(vi, en)
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        return _L(f"{text[8:10]}/{text[5:7]}/{text[:4]}", text)
    return _L(text, text)


def _provision(catalog: Catalog, subject: str) -> Provision | None:
    try:
        found = catalog.find(parse_citation(subject))
    except PenaltyRulesError:
        return None
    return found[0] if found else None


def _frame_text(provision: Provision | None, on: date, lang: str) -> str:
    if provision is None:
        return ""
    version = provision.version_on(on) or provision.versions[-1]
    fine = version.fine
    if isinstance(fine, FineFrame):
        return f"{_vnd(fine.min, lang)} – {_vnd(fine.max, lang)}"
    return ""


def _current(catalog: Catalog, f: Finding, as_of: date) -> Localized:
    provision = _provision(catalog, f.subject)
    if provision is None:
        return _L(f"{f.subject}", f"{f.subject}")
    frame_vi, frame_en = _frame_text(provision, as_of, "vi"), _frame_text(provision, as_of, "en")
    return _L(f"{f.subject}: {provision.label.vi}" + (f"; khung {frame_vi}" if frame_vi else ""),
              f"{provision.citation.format('en')}: {provision.label.en}"
              + (f"; frame {frame_en}" if frame_en else ""))


def _article_short(subject: str) -> tuple[str, str]:
    """``Điều 34 khoản 7`` → (``khoản 7 Điều 34``, ``Art. 34(7)``)."""
    c = parse_citation(subject)
    vi = (f"khoản {c.clause} Điều {c.article}" if c.clause else f"Điều {c.article}")
    en = f"Art. {c.article}" + (f"({c.clause})" if c.clause else "")
    return vi, en


def _raise_row(catalog: Catalog, f: Finding, as_of: date) -> ProposalRow:
    ev = f.evidence
    amount = ev.get("frame_max", ev.get("amount"))
    assert isinstance(amount, int)
    since = ev.get("unchanged_since", ev.get("set_year"))
    assert isinstance(since, int)
    series = economic_series()
    cpi_year = min(series.latest_cpi_year, as_of.year - 1)
    exact = series.price_level(cpi_year) / series.price_level(since)
    ratio = exact.quantize(Decimal("0.001"))
    needed = int((Decimal(amount) * exact).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    provision = _provision(catalog, f.subject)
    low_vi = low_en = ""
    if provision is not None:
        version = provision.version_on(as_of) or provision.versions[-1]
        if isinstance(version.fine, FineFrame):
            low = int((Decimal(version.fine.min) * exact).quantize(Decimal(1), rounding=ROUND_HALF_UP))
            low_vi = f", mức tối thiểu tương ứng {_vnd(low, 'vi')}"
            low_en = f", the minimum correspondingly to {_vnd(low, 'en')}"
    art_vi, art_en = _article_short(f.subject)
    loss = str(ev.get("loss_pct", ""))
    evidence = (
        EvidenceLine(label=_L("Mức tối đa hiện hành", "Current maximum"),
                     value=_L(_vnd(amount, "vi"), _vnd(amount, "en"))),
        EvidenceLine(label=_L("Đặt từ năm", "Set in"), value=_value(str(since))),
        EvidenceLine(label=_L("Hệ số giá (CPI)", "Price ratio (CPI)"),
                     value=_L(_num(str(ratio), "vi"), str(ratio))),
        EvidenceLine(label=_L("Mất giá trị thực", "Real-value loss"),
                     value=_L(f"{_num(loss, 'vi')}%", f"{loss}%")),
    )
    return ProposalRow(
        group="frames", check=f.check, severity=f.severity, provision=f.subject,
        current=_current(catalog, f, as_of), problem=f.summary, evidence=evidence,
        direction=_L(f"Nâng khung phạt tại {art_vi} ít nhất theo mức tăng giá kể từ khi đặt mức "
                     f"(năm {since}): mức tối đa tối thiểu {_vnd(needed, 'vi')} "
                     f"(= {_vnd(amount, 'vi')} × {_num(str(ratio), 'vi')}, CPI {since}–{cpi_year})"
                     f"{low_vi}.",
                     f"Raise the frame of {art_en} by at least the price rise since it was set "
                     f"({since}): a maximum of at least {_vnd(needed, 'en')} "
                     f"(= {_vnd(amount, 'en')} × {ratio}, CPI {since}–{cpi_year}){low_en}."),
        figure_vnd=needed,
        legal_basis=("khoản 2 Điều 23 Luật 15/2012/QH13", "Điều 24 Luật 15/2012/QH13"),
        confirm=_L("Xác nhận mức răn đe mong muốn, cách làm tròn và mức tối đa của lĩnh vực "
                   "(Điều 24 Luật Xử lý vi phạm hành chính); số liệu CPI của Tổng cục Thống kê.",
                   "Confirm the deterrence wanted, the rounding and the sector maximum (Art. 24 of "
                   "the Law on Handling Administrative Violations); the GSO CPI figures."),
    )


def _basis_row(f: Finding) -> ProposalRow:
    reg = law_registry()
    ev = f.evidence
    old = str(ev["base_law"])
    old_law = reg.law(old) if old in reg else None
    old_vi = old_law.label("vi") if old_law else old
    old_en = old_law.label("en") if old_law else old
    memo_vi = " Danh mục căn cứ của nghị định là ghi nhớ: đối chiếu phần căn cứ của văn bản gốc." \
        if ev.get("basis_status") == "MEMORY" else ""
    memo_en = " The decree's list of bases is from memory: check its preamble." \
        if ev.get("basis_status") == "MEMORY" else ""
    legal = tuple(c.format() for c in f.citations)
    if f.check == "base_law_replaced":
        new = str(ev["replaced_by"])
        new_law = reg.law(new) if new in reg else None
        new_vi = new_law.name.vi if new_law else "Luật"
        new_en = new_law.name.en if new_law else "Law"
        direction = _L(f"Cập nhật căn cứ pháp lý theo Luật {new} ({new_vi}), thay cho {old_vi}; rà "
                       "soát từng hành vi vi phạm theo nghĩa vụ và thuật ngữ của luật mới.",
                       f"Update the legal basis to Law {new} ({new_en}) in place of {old_en}; check "
                       "each offence against the duties and terms of the new law.")
        confirm = _L(f"Xác nhận điều khoản bãi bỏ, thay thế của Luật {new} (độ tin cậy: "
                     f"{_value(str(ev.get('replacement_status'))).vi}) và các hành vi còn căn cứ."
                     + memo_vi,
                     f"Confirm the repeal clause of Law {new} (status: "
                     f"{_value(str(ev.get('replacement_status'))).en}) "
                     "and which offences still have a basis." + memo_en)
        legal = legal or (f"Luật {new}",)
    elif f.check == "base_law_amended":
        by = str(ev.get("amended_by"))
        topics = str(ev.get("touched") or "")
        t_vi = ", ".join(TOPICS[t].vi for t in topics.split(", ") if t in TOPICS) or "chưa rõ phạm vi"
        t_en = ", ".join(TOPICS[t].en for t in topics.split(", ") if t in TOPICS) or "scope not read"
        direction = _L(f"Bổ sung căn cứ là các luật sửa đổi ({by}); rà soát các quy định liên quan "
                       f"đến: {t_vi}.",
                       f"Cite the amending laws ({by}) in the basis; review the provisions that "
                       f"concern: {t_en}.")
        confirm = _L("Xác nhận phần nào của nghị định chịu ảnh hưởng của các điều được sửa đổi."
                     + memo_vi,
                     "Confirm which parts of the decree the amended articles affect." + memo_en)
        legal = legal or tuple(f"Luật {n}" for n in by.split(", "))
    else:
        by = str(ev.get("by"))
        when = str(ev.get("effective_from"))
        verb_vi = "thay thế" if ev.get("change") == "replaced" else "sửa đổi"
        verb_en = "replaces" if ev.get("change") == "replaced" else "amends"
        direction = _L(f"Luật {by} {verb_vi} {old_vi} từ {when[8:10]}/{when[5:7]}/{when[:4]}: chuẩn "
                       "bị sửa đổi nghị định cho kịp ngày đó.",
                       f"Law {by} {verb_en} the {old_en} from {when}: prepare the decree's revision "
                       "in time.")
        confirm = _L(f"Xác nhận văn bản cuối cùng, ngày hiệu lực và phạm vi của Luật {by}." + memo_vi,
                     f"Confirm the final text, in-force date and scope of Law {by}." + memo_en)
        legal = legal or (f"Luật {by}",)
    evidence = tuple(EvidenceLine(label=_L(vi, en), value=_value(str(ev[key]))) for key, vi, en in (
        ("base_law", "Luật làm căn cứ", "Base law"), ("replaced_by", "Luật thay thế", "Replaced by"),
        ("replaced_on", "Ngày thay thế", "Replaced on"), ("amended_by", "Luật sửa đổi", "Amended by"),
        ("by", "Luật", "Law"), ("effective_from", "Hiệu lực từ", "In force from"),
        ("basis_status", "Độ tin cậy của căn cứ", "Status of the basis")) if ev.get(key) is not None)
    return ProposalRow(
        group="legal_basis", check=f.check, severity=f.severity, provision=f.document,
        current=_L(f"Phần căn cứ ban hành: {old_vi}", f"Preamble (legal bases): {old_en}"),
        problem=f.summary, evidence=evidence, direction=direction, legal_basis=legal,
        confirm=confirm)


def _body_row(catalog: Catalog, f: Finding, as_of: date) -> ProposalRow:
    registry = bodies()
    ev = f.evidence
    body = registry.get(str(ev["body"]))
    successor = registry.get(str(ev.get("successor") or ""))
    succ = successor.label if successor else _L("cơ quan kế thừa", "the successor body")
    gone = body.label if body else _L(str(ev["body"]), str(ev["body"]))
    art_vi, art_en = _article_short(f.subject)
    memo = ev.get("wording_status") == "MEMORY"
    return ProposalRow(
        group="competence", check=f.check, severity=f.severity, provision=f.subject,
        current=_L(f"{f.subject}: thẩm quyền của chức danh thuộc {gone.vi}",
                   f"{art_en}: competence of an official of the {gone.en}"),
        problem=f.summary,
        evidence=(EvidenceLine(label=_L("Chấm dứt từ", "Ended"), value=_value(str(ev["abolished"]))),),
        direction=_L(f"Sửa {art_vi}: giao thẩm quyền cho chức danh thuộc {succ.vi}.",
                     f"Amend {art_en} to give the competence to an official of the {succ.en}."),
        legal_basis=(*(c.format() for c in f.citations[1:]), "Nghị định 189/2025/NĐ-CP"),
        confirm=_L(("Xác nhận nguyên văn chức danh trong nghị định (chưa thấy); " if memo else "")
                   + "xác nhận chức danh kế thừa và mức thẩm quyền theo Nghị định 189/2025/NĐ-CP.",
                   ("Confirm the title's wording in the decree (not seen); " if memo else "")
                   + "confirm the successor title and its cap under Decree 189/2025/NĐ-CP."),
    )


def _other_row(catalog: Catalog, f: Finding, as_of: date, group: str) -> ProposalRow:
    return ProposalRow(
        group=group, check=f.check, severity=f.severity, provision=f.subject,
        current=_current(catalog, f, as_of), problem=f.summary, direction=f.recommendation,
        legal_basis=tuple(c.format() for c in f.citations),
        confirm=_L("Xác nhận số liệu và hướng sửa với văn bản gốc.",
                   "Confirm the figures and the direction against the official text."))


def _reasoning(code: str, rows: list[ProposalRow], findings: list[Finding]) -> Localized:
    n = len(rows)
    if code == "legal_basis":
        replaced = [r for r in rows if r.check == "base_law_replaced"]
        amended = [r for r in rows if r.check == "base_law_amended"]
        upcoming = [r for r in rows if r.check == "upcoming_base_change"]
        return _L(f"{len(replaced)} luật làm căn cứ đã bị thay thế, {len(amended)} đã được sửa đổi, "
                  f"{len(upcoming)} sắp thay đổi. Luật căn cứ bị thay thế không tự làm nghị định hết "
                  "hiệu lực, nhưng nghĩa vụ và hành vi bị xử phạt có thể đã khác: cần cập nhật căn cứ "
                  "và rà soát từng hành vi.",
                  f"{len(replaced)} base law(s) were replaced, {len(amended)} amended, "
                  f"{len(upcoming)} about to change. A replaced basis does not by itself end the "
                  "decree, but the duties and offences may have moved: update the basis and review "
                  "each offence.")
    if code == "frames":
        weak = [f for f in findings if f.check == "weak_frame"]
        raised = weak[0].evidence.get("decree_raised") if weak else None
        carried = weak[0].evidence.get("decree_carried_over") if weak else None
        extra_vi = (f" Nghị định chỉ nâng {raised}/{carried} khung kế thừa từ văn bản trước."
                    if weak else "")
        extra_en = (f" The decree raised only {raised} of the {carried} frames it carried over."
                    if weak else "")
        return _L(f"{n} khung phạt đã mất giá trị thực do giá cả tăng kể từ khi đặt mức (CPI bình quân "
                  "năm, Tổng cục Thống kê). Mức đề xuất là mức tối thiểu để giữ nguyên giá trị thực, "
                  "chưa tính yêu cầu răn đe." + extra_vi,
                  f"{n} frame(s) lost real value as prices rose since they were set (GSO "
                  "annual-average CPI). The figures proposed are the least that keeps the real "
                  "value, before any deterrence judgement." + extra_en)
    if code == "competence":
        return _L(f"{n} quy định thẩm quyền nêu cơ quan, cấp không còn tồn tại sau sắp xếp bộ máy "
                  "năm 2025. Trong khi chờ sửa, áp dụng quy định chuyển tiếp về tên gọi và thẩm quyền; "
                  "khi sửa, nêu chức danh kế thừa.",
                  f"{n} competence rule(s) name bodies or levels that the 2025 reorganisation ended. "
                  "Until amended, transitional rules on names and competence bridge them; the "
                  "amendment should name the successor titles.")
    return _L(f"{n} khung phạt cần đối chiếu với mức tối đa và quy tắc của Luật.",
              f"{n} frame(s) to check against the Law's maxima and rules.")


def propose(catalog: Catalog | None, number: str, as_of: date) -> Proposal:
    """An amendment-proposal draft for decree ``number`` as of ``as_of``."""
    catalog = catalog if catalog is not None else bundled_catalog()
    doc = catalog.document(number)
    key = str(doc.number)
    report = audit(catalog, as_of, document=key)
    by_group: dict[str, list[ProposalRow]] = defaultdict(list)
    used: dict[str, list[Finding]] = defaultdict(list)
    seen_frames: set[str] = set()
    for f in report.findings:
        group = next((g for g, (_, checks) in GROUPS.items() if f.check in checks), None)
        if group is None:
            continue
        if group == "legal_basis":
            row = _basis_row(f)
        elif group == "competence":
            row = _body_row(catalog, f, as_of)
        elif group == "frames":
            if f.subject == key or f.subject in seen_frames:
                continue  # the decree-wide erosion line is the group's reasoning; one row a frame
            if "price_ratio" in f.evidence and f.check in ("weak_frame", "cpi_erosion"):
                row = _raise_row(catalog, f, as_of)
            else:
                row = _other_row(catalog, f, as_of, group)
            seen_frames.add(f.subject)
        else:
            row = _other_row(catalog, f, as_of, group)
        by_group[group].append(row)
        used[group].append(f)
    rows: list[ProposalRow] = []
    groups = []
    for code, (title, _) in GROUPS.items():
        if not by_group.get(code):
            continue
        group_rows = by_group[code]
        if code == "frames":
            group_rows.sort(key=lambda r: (-int(r.severity), -(r.figure_vnd or 0), r.provision))
        rows += group_rows
        groups.append(ProposalGroup(code=code, title=title, rows=len(group_rows),
                                    reasoning=_reasoning(code, group_rows, used[code])))
    sources = ["legal-bases.md (catalog/registry/laws.toml)", "bodies-2025.md (catalog/registry/bodies.toml)",
               f"indices.md: GSO annual-average CPI to {economic_series().latest_cpi_year} "
               "(audit/data/indices.toml)", f"{key}: {doc.provenance.source}"]
    reg = law_registry()
    for f in used.get("legal_basis", ()):
        base = str(f.evidence["base_law"])
        changed = str(f.evidence.get("replaced_by") or f.evidence.get("by") or "")
        amended = str(f.evidence.get("amended_by") or "").split(", ")
        if base not in reg:
            continue
        law = reg.law(base)
        for change in (law.replaced_by, *law.amended_by):
            if change is not None and str(change.law) in (changed, *amended):
                sources.append(f"{law.number} → {change.law}: {change.provenance.source}")
    notes = [_L("Bản dự thảo do phần mềm lập từ kết quả rà soát: mỗi dòng là đề xuất, cần người có "
                "thẩm quyền xác nhận trước khi sử dụng.",
                "A draft built by software from the audit: every row is a proposal that a competent "
                "person must confirm before use.")]
    skipped = [f for f in report.findings if f.check in ("repealed_in_use", "stale_verification")]
    if skipped:
        notes.append(_L(f"{len(skipped)} phát hiện khác (quy định đã hết hiệu lực, số liệu cần kiểm "
                        "chứng) không phải nội dung sửa đổi; xem báo cáo rà soát.",
                        f"{len(skipped)} other finding(s) (repealed provisions, data to verify) are "
                        "not amendment matters; see the audit report."))
    return Proposal(
        decree=key, as_of=as_of, decree_title=doc.title,
        title=_L(f"Dự thảo đề xuất sửa đổi, bổ sung Nghị định {key}",
                 f"Draft amendment proposal for Decree {key}"),
        rows=tuple(rows), groups=tuple(groups), sources=tuple(dict.fromkeys(sources)),
        notes=tuple(notes))
