"""Turn clauses into draft provisions: fines, warnings, bands, sanctions and remedies.

>>> from .structure import split_articles
>>> result = read_articles(split_articles('''Điều 9. Thử
... 1. Phạt tiền từ 1.000.000 đồng đến 2.000.000 đồng đối với hành vi X.
... 2. Phạt cảnh cáo hoặc phạt tiền từ 300.000 đồng đến 500.000 đồng đối với hành vi Y.
... 3. Hình thức xử phạt bổ sung: Tịch thu tang vật vi phạm quy định tại khoản 2 Điều này.'''))
>>> for d in result.drafts:
...     print(d.clause, d.fine, d.warning, [m["code"] for m in d.sanctions])
1 {'kind': 'frame', 'min': 1000000, 'max': 2000000} False []
2 {'kind': 'frame', 'min': 300000, 'max': 500000} True ['confiscation']
>>> result.problems
[]
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from .refs import targets
from .structure import Article, Clause

_AMOUNT = r"(\d{1,3}(?:\.\d{3})+|\d+)"
_FINE = re.compile(rf"[Pp]hạt tiền\b[^.;:]*?\btừ\s+{_AMOUNT}\s+đồng\s+đến\s+{_AMOUNT}\s+đồng")
_WARNING = re.compile(r"^Phạt cảnh cáo\b")
_WARNING_OR_FINE = re.compile(r"^Phạt cảnh cáo hoặc phạt tiền")
_PER_UNIT = re.compile(r"(?:đối với|trên)\s+mỗi\s+(.+?)(?=\s+(?:do|khi|nếu|trong|đối|vi phạm)\b|[,;:.]|$)")
_QTY_RANGE = re.compile(r"số lượng[^.;]*?\btừ\s+(\d+)\s*(?:đến|-)\s*(\d+)")
_QTY_FROM = re.compile(r"số lượng[^.;]*?\btừ\s+(\d+)\b[^.;]*?trở lên")
_DURATION = re.compile(r"từ\s+(\d+)\s+tháng\s+đến\s+(\d+)\s+tháng")
_VALUE_BELOW = re.compile(rf"dưới\s+{_AMOUNT}\s+đồng")
_VALUE_RANGE = re.compile(rf"từ\s+{_AMOUNT}\s+đồng\s+đến\s+dưới\s+{_AMOUNT}\s+đồng")
_VALUE_FROM = re.compile(rf"từ\s+{_AMOUNT}\s+đồng\s+trở lên")
_CONTINUES = re.compile(r"hành vi quy định tại khoản\s+(\d+[a-z]?)\s+Điều này")
_EXCEPT = re.compile(r"trừ (?:trường hợp|hành vi) quy định tại ([^;.)]+)")

SANCTIONS: list[tuple[str, str, str, str]] = [
    ("phát triển thuê bao mới", "new_subscriber_suspension",
     "Đình chỉ phát triển thuê bao mới", "Suspension of new-subscriber sign-ups"),
    ("số thuê bao", "number_service_suspension",
     "Đình chỉ cung cấp dịch vụ cho các số thuê bao", "Suspension of service to the numbers"),
    ("Tước quyền sử dụng", "licence_withdrawal", "Tước quyền sử dụng giấy phép, chứng chỉ",
     "Withdrawal of a licence or certificate"),
    ("Đình chỉ", "activity_suspension", "Đình chỉ hoạt động", "Suspension of activity"),
    ("Tịch thu", "confiscation", "Tịch thu tang vật, phương tiện vi phạm",
     "Confiscation of exhibits and means"),
    ("Trục xuất", "expulsion", "Trục xuất", "Expulsion"),
]
REMEDIES: list[tuple[str, str, str, str]] = [
    ("số lợi bất hợp pháp", "surrender_illegal_profit", "Nộp lại số lợi bất hợp pháp",
     "Hand over the illegal profit"),
    ("số tiền tương đương", "repay_topups", "Nộp lại số tiền đã nạp vào tài khoản",
     "Pay back the money credited to the accounts"),
    ("nộp lại giấy phép", "return_licence", "Nộp lại giấy phép cho nơi cấp",
     "Return the licence to the issuer"),
    ("Nộp lại Giấy", "return_licence", "Nộp lại giấy phép cho nơi cấp",
     "Return the licence to the issuer"),
    ("tiêu hủy", "destroy_items", "Tiêu hủy tang vật", "Destroy the items"),
    ("tái xuất", "remove_or_reexport", "Đưa ra khỏi Việt Nam hoặc tái xuất",
     "Remove from Viet Nam or re-export"),
    ("đưa ra khỏi lãnh thổ", "remove_or_reexport", "Đưa ra khỏi Việt Nam hoặc tái xuất",
     "Remove from Viet Nam or re-export"),
    ("khóa tài khoản", "lock_account", "Khóa tài khoản, trang, nhóm hoặc kênh",
     "Lock the account, page, group or channel"),
    ("gỡ bỏ", "remove_content", "Gỡ bỏ thông tin, dịch vụ vi phạm",
     "Take down the unlawful content or service"),
    ("tháo gỡ", "dismantle", "Tháo gỡ mạng, thiết bị lắp đặt trái phép",
     "Dismantle the unlawful network or equipment"),
    ("cải chính", "publish_correction", "Cải chính, xin lỗi", "Publish a correction"),
    ("hoàn trả", "refund_or_return", "Hoàn trả tiền, bưu gửi hoặc tài nguyên",
     "Refund money or return items or resources"),
    ("khôi phục", "restore", "Khôi phục quyền, tình trạng ban đầu", "Restore rights or the prior state"),
    ("thu hồi", "recall", "Thu hồi tài nguyên, sản phẩm hoặc kết quả",
     "Recall of resources, products or results"),
    ("kiến nghị", "recommend_revocation", "Kiến nghị cơ quan có thẩm quyền thu hồi",
     "Recommend revocation to the competent body"),
    ("hủy", "cancel_result", "Hủy kết quả", "Cancel the result"),
    ("báo cáo", "report", "Báo cáo theo quy định", "Report as required"),
    ("lưu trữ", "keep_records", "Lưu trữ đầy đủ thông tin", "Keep complete records"),
]


def money(text: str) -> int:
    """``1.000.000`` → 1000000."""
    return int(text.replace(".", ""))


@dataclass
class Draft:
    """A clause read as a provision; reviewed by a person before it is bundled."""

    article: str
    clause: str
    chapter: str | None
    fine: dict[str, Any] | None = None
    warning: bool = False
    points: list[str] = field(default_factory=list)
    sanctions: list[dict[str, Any]] = field(default_factory=list)
    remedies: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def banded(self) -> bool:
        return bool(self.fine and self.fine["kind"] == "banded")


@dataclass
class Problem:
    """Something the reader could not interpret, with where and why."""

    article: str
    clause: str | None
    reason: str

    def __str__(self) -> str:
        where = f"Điều {self.article}" + (f" khoản {self.clause}" if self.clause else "")
        return f"{where}: {self.reason}"


@dataclass
class ReadResult:
    """Drafts and problems of a set of articles."""

    drafts: list[Draft] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _quantity(text: str) -> tuple[int | None, int | None]:
    m = _QTY_RANGE.search(text)
    if m:
        return int(m[1]), int(m[2])
    m = _QTY_FROM.search(text)
    if m:
        return int(m[1]), None
    return None, None


def _band(text: str) -> dict[str, int | None] | None:
    lo, hi = _quantity(text)
    if lo is not None:
        return {"from": lo, "below": hi + 1 if hi is not None else None, "criterion": 0}
    m = _VALUE_RANGE.search(text)
    if m:
        return {"from": money(m[1]), "below": money(m[2]), "criterion": 1}
    m = _VALUE_FROM.search(text)
    if m:
        return {"from": money(m[1]), "below": None, "criterion": 1}
    m = _VALUE_BELOW.search(text)
    if m:
        return {"from": 0, "below": money(m[1]), "criterion": 1}
    return None


def _pointwise(article: Article, clause: Clause, draft: Draft, problems: list[Problem]) -> bool:
    frames: dict[str, tuple[int, int]] = {}
    for point in clause.points:
        m = _FINE.search(point.text)
        if m is None:
            return False
        frames[point.letter] = (money(m[1]), money(m[2]))
    if not frames:
        return False
    bands = [_band(p.text) for p in clause.points]
    usable = all(b is not None for b in bands) and len({b["criterion"] for b in bands if b}) == 1
    if usable:
        ordered = [b for b in bands if b is not None]
        for before, after in itertools.pairwise(ordered):
            if before["below"] != after["from"]:
                usable = False
    if usable:
        criterion = "quantity" if bands[0] and bands[0]["criterion"] == 0 else "goods_value"
        draft.fine = {"kind": "banded", "criterion": criterion, "bands": [
            {"point": p.letter, "from": b["from"], **({"below": b["below"]} if b["below"] else {}),
             "min": frames[p.letter][0], "max": frames[p.letter][1]}
            for p, b in zip(clause.points, bands, strict=True) if b is not None]}
    else:
        draft.fine = {"kind": "by_point", "frames": {
            k: {"kind": "frame", "min": v[0], "max": v[1]} for k, v in frames.items()}}
        problems.append(Problem(article.number, clause.number,
                                "each point states its own frame and no band thresholds were read: "
                                "bundled as frames by point (cite the point)"))
    return True


def _measure(text: str, table: list[tuple[str, str, str, str]], what: str,
             article: Article, clause: Clause, problems: list[Problem]) -> dict[str, Any]:
    for needle, code, vi, en in table:
        if needle.lower() in text.lower():
            measure: dict[str, Any] = {"code": code, "label": {"vi": vi, "en": en}}
            break
    else:
        measure = {"code": f"other_{what}", "label": {
            "vi": "Biện pháp khác (xem văn bản)", "en": "Another measure (see the text)"}}
        problems.append(Problem(article.number, clause.number,
                                f"unrecognised {what}: recorded as other_{what}"))
    m = _DURATION.search(text)
    if m:
        measure["duration"] = {"min_months": int(m[1]), "max_months": int(m[2])}
    if "tái phạm" in text:
        measure["condition"] = {"vi": "khi tái phạm", "en": "when re-offending"}
    if "trường hợp" in text:
        lo, hi = _quantity(text)
        if lo is not None:
            measure["quantity_from"] = lo
            if hi is not None:
                measure["quantity_below"] = hi + 1
    measure["_targets"] = targets(text)
    return measure


def _measures(article: Article, clause: Clause, what: str,
              problems: list[Problem]) -> list[dict[str, Any]]:
    table = SANCTIONS if what == "sanction" else REMEDIES
    texts = [p.text for p in clause.points]
    if not texts:
        _, _, rest = clause.text.partition(":")
        texts = [t for t in re.split(r";\s*", rest) if t.strip()]
    return [_measure(t, table, what, article, clause, problems) for t in texts]


def _attach(result: ReadResult, article: Article, measures: list[dict[str, Any]], key: str,
            problems: list[Problem], clause: Clause) -> None:
    drafts = {d.clause: d for d in result.drafts if d.article == article.number}
    for measure in measures:
        named = measure.pop("_targets")
        if named is None:
            for d in drafts.values():
                getattr(d, key).append(dict(measure))
            continue
        by_clause: dict[str, list[str]] = {}
        whole: set[str] = set()
        for target_clause, point in named:
            if target_clause not in drafts:
                problems.append(Problem(article.number, clause.number,
                                        f"names khoản {target_clause}, which sets no fine"))
                continue
            target = drafts[target_clause]
            known = ([b["point"] for b in target.fine["bands"]] if target.banded and target.fine
                     else target.points)
            if point is None:
                whole.add(target_clause)
            elif known and point not in known:
                problems.append(Problem(article.number, clause.number,
                                        f"names điểm {point} khoản {target_clause}, which the text "
                                        "does not have: left out"))
            else:
                by_clause.setdefault(target_clause, []).append(point)
        for target_clause in sorted(whole | set(by_clause), key=lambda c: int(re.sub(r"\D", "", c))):
            copy = dict(measure)
            letters = [] if target_clause in whole else by_clause[target_clause]
            if letters:
                copy["bands" if drafts[target_clause].banded else "points"] = letters
            getattr(drafts[target_clause], key).append(copy)


def read_article(article: Article, result: ReadResult) -> None:
    """Read one article's clauses into ``result``."""
    later: list[tuple[Clause, str]] = []
    preamble_fine = _FINE.search(article.preamble)
    for clause in article.clauses:
        lead = clause.text
        if lead.startswith("Hình thức xử phạt bổ sung"):
            later.append((clause, "sanction"))
            continue
        if lead.startswith("Biện pháp khắc phục hậu quả"):
            later.append((clause, "remedy"))
            continue
        draft = Draft(article=article.number, clause=clause.number, chapter=article.chapter,
                      points=[p.letter for p in clause.points])
        for m in _EXCEPT.finditer(clause.full_text):
            draft.notes.append(f"exception: {m[1].strip()}")
        fine = _FINE.search(lead)
        if fine:
            low, high = money(fine[1]), money(fine[2])
            draft.warning = bool(_WARNING_OR_FINE.match(lead))
            unit = _PER_UNIT.search(lead[fine.end():])
            q_from, q_to = _quantity(lead)
            if unit:
                draft.fine = {"kind": "per_unit", "unit": {"vi": unit[1].strip(), "en": unit[1].strip()},
                              "min": low, "max": high, "quantity_from": q_from or 1}
                if q_to:
                    draft.fine["quantity_to"] = q_to
            else:
                draft.fine = {"kind": "frame", "min": low, "max": high}
                if q_to:
                    draft.fine["quantity_to"] = q_to
        elif _WARNING.match(lead):
            draft.warning = True
        elif preamble_fine is not None:
            draft.fine = {"kind": "frame", "min": money(preamble_fine[1]),
                          "max": money(preamble_fine[2])}
            draft.notes.append("the frame is stated once for the article's numbered acts")
        elif not _pointwise(article, clause, draft, result.problems):
            result.problems.append(Problem(article.number, clause.number,
                                           "no fine, warning, sanction or remedy could be read"))
            continue
        continues = _CONTINUES.search(lead)
        if continues and draft.fine and draft.fine["kind"] in ("banded", "by_point"):
            base = next((d for d in result.drafts if d.article == article.number
                         and d.clause == continues[1]), None)
            if base is not None and base.fine and "quantity_to" in base.fine:
                base.fine["beyond"] = f"khoản {clause.number} Điều {article.number}"
            draft.notes.append(f"continues the acts of khoản {continues[1]} for larger quantities")
        result.drafts.append(draft)
    for clause, what in later:
        measures = _measures(article, clause, what, result.problems)
        _attach(result, article, measures, "sanctions" if what == "sanction" else "remedies",
                result.problems, clause)


def read_articles(articles: list[Article]) -> ReadResult:
    """Read every article; only articles with at least one fine or warning give drafts."""
    result = ReadResult()
    seen: set[str] = set()
    for article in articles:
        if article.number in seen:  # e.g. an article quoted inside an amending article
            result.problems.append(Problem(article.number, None, "the article number appears "
                                           "again; the later one is left out"))
            continue
        seen.add(article.number)
        probe = ReadResult()
        read_article(article, probe)
        if not probe.drafts:
            text = " ".join([article.preamble, *(c.full_text for c in article.clauses)])
            if _FINE.search(text):
                result.problems.append(Problem(article.number, None,
                                               "states a fine but no clause could be read"))
            continue  # not a sanctioning article (scope, competence, transition…)
        result.drafts += probe.drafts
        result.problems += probe.problems
    return result
