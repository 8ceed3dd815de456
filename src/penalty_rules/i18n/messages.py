"""Trace messages: one key, a Vietnamese and an English template.

Templates use ``str.format`` fields. By convention a field ending in ``_vnd`` is money
and a :class:`datetime.date` value is a date; both are formatted for the language
by :mod:`penalty_rules.report.text`.
"""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    # -- which law applies in time
    "time.ended": (
        "Hành vi kết thúc vào {day}: áp dụng quy định có hiệu lực vào ngày đó.",
        "The act ended on {day}: the rule in force on that day applies.",
    ),
    "time.ongoing": (
        "Hành vi còn đang diễn ra khi bị phát hiện vào {day}: áp dụng quy định có hiệu lực "
        "vào ngày phát hiện.",
        "The act was still going on when detected on {day}: the rule in force on the day of "
        "detection applies.",
    ),
    "time.transition_ended": (
        "Hành vi xảy ra và kết thúc trước {effective} (khi {document} có hiệu lực): "
        "áp dụng {predecessor}.",
        "The act occurred and ended before {effective}, when {document} took effect: "
        "{predecessor} applies.",
    ),
    "time.transition_ongoing": (
        "Hành vi bắt đầu trước {effective} nhưng vẫn diễn ra sau đó: áp dụng nghị định "
        "có hiệu lực khi phát hiện ({day}).",
        "The act began before {effective} but went on after it: the decree in force at "
        "detection ({day}) applies.",
    ),
    "version.applied": (
        "Quy định áp dụng: {citation} — {label} (hiệu lực từ {start}{end}).",
        "Provision applied: {citation} — {label} (in force from {start}{end}).",
    ),
    "version.redirect_quantity": (
        "Số lượng {quantity} vượt phạm vi của {source}; áp dụng {target}.",
        "The quantity {quantity} is beyond the range of {source}; {target} applies.",
    ),
    "version.redirect_quantity_below": (
        "Số lượng {quantity} dưới các mức của {source}; áp dụng {target}.",
        "The quantity {quantity} is below the bands of {source}; {target} applies.",
    ),
    "lenient.kept": (
        "Quy định sau {later} (khung {later_min_vnd}–{later_max_vnd}) không nhẹ hơn; "
        "giữ {current} (khung {current_min_vnd}–{current_max_vnd}).",
        "The later rule {later} (frame {later_min_vnd}–{later_max_vnd}) is not more lenient; "
        "{current} (frame {current_min_vnd}–{current_max_vnd}) is kept.",
    ),
    "lenient.applied": (
        "Quy định sau {later} (khung {later_min_vnd}–{later_max_vnd}) nhẹ hơn {current} "
        "(khung {current_min_vnd}–{current_max_vnd}): áp dụng quy định nhẹ hơn.",
        "The later rule {later} (frame {later_min_vnd}–{later_max_vnd}) is more lenient than "
        "{current} (frame {current_min_vnd}–{current_max_vnd}): the more lenient rule applies.",
    ),
    "lenient.applied_later_warning": (
        "Quy định sau {later} chỉ phạt cảnh cáo, nhẹ hơn {current} (khung "
        "{current_min_vnd}–{current_max_vnd}): áp dụng quy định nhẹ hơn.",
        "The later rule {later} imposes a warning only, which is more lenient than {current} "
        "(frame {current_min_vnd}–{current_max_vnd}): the more lenient rule applies.",
    ),
    "lenient.applied_current_warning": (
        "Quy định sau {later} nhẹ hơn {current}: áp dụng quy định nhẹ hơn.",
        "The later rule {later} is more lenient than {current}: the more lenient rule applies.",
    ),
    "lenient.applied_warnings": (
        "Quy định sau {later} nhẹ hơn {current}: áp dụng quy định nhẹ hơn.",
        "The later rule {later} is more lenient than {current}: the more lenient rule applies.",
    ),
    "lenient.kept_later_warning": (
        "Quy định sau {later} chỉ phạt cảnh cáo nhưng không nhẹ hơn; giữ {current}.",
        "The later rule {later} imposes a warning only but is not more lenient; {current} is kept.",
    ),
    "lenient.kept_current_warning": (
        "Quy định sau {later} (khung {later_min_vnd}–{later_max_vnd}) nặng hơn {current} "
        "(chỉ phạt cảnh cáo); giữ {current}.",
        "The later rule {later} (frame {later_min_vnd}–{later_max_vnd}) is heavier than "
        "{current} (a warning only); {current} is kept.",
    ),
    "lenient.kept_warnings": (
        "Cả quy định sau {later} và {current} đều chỉ phạt cảnh cáo; giữ {current}.",
        "Both the later rule {later} and {current} impose a warning only; {current} is kept.",
    ),
    "resolve.document_inferred": (
        "Trích dẫn không ghi văn bản; chỉ {document} có điều khoản này còn hiệu lực vào ngày "
        "quyết định áp dụng: dùng {document}.",
        "The citation names no document; only {document} has this clause in force on the day "
        "that decides the law: {document} is used.",
    ),
    "resolve.default_document": (
        "Trích dẫn không ghi văn bản: dùng văn bản mặc định {document}.",
        "The citation names no document: the default document {document} is used.",
    ),
    "fine.element_not_aggravating": (
        "{circumstance} là yếu tố cấu thành hành vi vi phạm nên không được tính là tình tiết "
        "tăng nặng.",
        "{circumstance} is an element of the act itself, so it is not counted as aggravating.",
    ),
    "lenient.not_comparable": (
        "Không so sánh được với quy định sau {later}: {reason}.",
        "The later rule {later} could not be compared: {reason}.",
    ),
    "lenient.unknown": (
        "{current} bị bãi bỏ từ {day} nhưng danh mục không ghi quy định kế thừa: "
        "không so sánh được mức nhẹ hơn, cần kiểm tra.",
        "{current} was repealed from {day} but the catalog records no successor: the "
        "lenient-rule comparison could not be made; check it.",
    ),
    "caveat": ("Lưu ý: {text}", "Note: {text}"),
    "measures.incomplete": (
        "Nguồn dữ liệu chưa thể hiện đầy đủ hình thức xử phạt bổ sung và biện pháp khắc phục "
        "của quy định này; cần đối chiếu văn bản.",
        "The sources did not show every additional sanction and remedial measure of this "
        "provision; check the text.",
    ),
    "provenance.user_file": (
        "Quy định {citation} được lập hoặc thay đổi bởi tệp danh mục của người dùng {file}, "
        "không phải dữ liệu đi kèm thư viện.",
        "{citation} was defined or changed by the user catalog file {file}, not by the data "
        "bundled with the library.",
    ),
    "provenance.user_overrides": (
        "Tệp danh mục của người dùng đã định nghĩa lại quy định đi kèm thư viện: {overrides}.",
        "User catalog files redefine bundled rules: {overrides}.",
    ),
    "provenance.flag": (
        "Số liệu của {citation} có trạng thái {status} (nguồn: {source}).",
        "The figures of {citation} have status {status} (source: {source}).",
    ),
    # -- frame
    "frame.stated": (
        "Khung tiền phạt quy định: {min_vnd}–{max_vnd}, áp dụng cho {base}.",
        "Fine frame stated: {min_vnd}–{max_vnd}, written for {base}.",
    ),
    "frame.per_unit": (
        "Phạt {min_vnd}–{max_vnd} trên mỗi {unit} × {quantity} = {total_min_vnd}–{total_max_vnd}.",
        "Fine of {min_vnd}–{max_vnd} per {unit} × {quantity} = {total_min_vnd}–{total_max_vnd}.",
    ),
    "frame.band": (
        "Căn cứ {criterion} = {value}: thuộc mức {band} (từ {lower}{upper}), khung "
        "{min_vnd}–{max_vnd}.",
        "By {criterion} = {value}: band {band} (from {lower}{upper}), frame {min_vnd}–{max_vnd}.",
    ),
    "frame.halved": (
        "Người vi phạm là cá nhân: mức phạt bằng 1/2 mức đối với tổ chức: {min_vnd}–{max_vnd}.",
        "The offender is an individual: half the organisation amount: {min_vnd}–{max_vnd}.",
    ),
    "frame.doubled": (
        "Người vi phạm là tổ chức: mức phạt gấp 2 lần mức đối với cá nhân: {min_vnd}–{max_vnd}.",
        "The offender is an organisation: twice the individual amount: {min_vnd}–{max_vnd}.",
    ),
    "frame.as_stated": (
        "Khung áp dụng đúng như quy định cho {base}: {min_vnd}–{max_vnd}.",
        "The frame applies as stated for {base}: {min_vnd}–{max_vnd}.",
    ),
    "frame.treatment": (
        "{kind}: {label}.",
        "{kind}: {label}.",
    ),
    "frame.within_max": (
        "Khung không vượt mức phạt tối đa của lĩnh vực {sector} ({max_vnd} cho {base}).",
        "The frame stays within the {sector} sector maximum ({max_vnd} for {base}).",
    ),
    "frame.capped": (
        "Khung vượt mức tối đa của lĩnh vực {sector}: giới hạn ở {max_vnd}.",
        "The frame exceeds the {sector} sector maximum: capped at {max_vnd}.",
    ),
    "frame.no_max": (
        "Danh mục chưa có mức phạt tối đa của lĩnh vực {sector} vào {day}; chưa kiểm tra trần.",
        "The catalog has no {sector} sector maximum for {day}; the ceiling was not checked.",
    ),
    "frame.warning_only": (
        "Hành vi bị phạt cảnh cáo, không phạt tiền.",
        "The act is sanctioned by a warning, not a fine.",
    ),
    "frame.warning_option": (
        "Có thể phạt cảnh cáo thay cho phạt tiền.",
        "A warning may be imposed instead of a fine.",
    ),
    # -- specific fine
    "fine.average": (
        "Mức phạt cụ thể là mức trung bình của khung: {average_vnd}.",
        "The specific fine is the average of the frame: {average_vnd}.",
    ),
    "fine.circumstances": (
        "Tình tiết giảm nhẹ: {mitigating}; tăng nặng: {aggravating}; bù trừ còn {net_mitigating} "
        "giảm nhẹ, {net_aggravating} tăng nặng.",
        "Mitigating: {mitigating}; aggravating: {aggravating}; after cancelling one for one, "
        "{net_mitigating} mitigating and {net_aggravating} aggravating remain.",
    ),
    "fine.scheme": (
        "Cách xác định mức phạt: {scheme}.",
        "Rule for the specific fine: {scheme}.",
    ),
    "fine.interval": (
        "Khoảng hợp pháp: {left}{low_vnd}; {high_vnd}{right}; mức đề xuất {fine_vnd}.",
        "Lawful interval: {left}{low_vnd}, {high_vnd}{right}; recommended amount {fine_vnd}.",
    ),
    "fine.single_amount": (
        "Khung chỉ có một mức: {fine_vnd}.",
        "The frame has a single amount: {fine_vnd}.",
    ),
    "fine.times_separate": (
        "Hành vi thực hiện {times} lần, mỗi lần bị phạt riêng: {fine_vnd} × {times} = {total_vnd}.",
        "The act was committed {times} times, each fined separately: {fine_vnd} × {times} = "
        "{total_vnd}.",
    ),
    "fine.repeated_dropped": (
        "Khi xử phạt riêng từng lần, không áp dụng tình tiết 'vi phạm nhiều lần'.",
        "When each time is fined separately, 'committed several times' is not applied.",
    ),
    "fine.fined_once": (
        "Hành vi thuộc trường hợp vi phạm nhiều lần bị phạt một lần với tình tiết tăng nặng.",
        "The act is one that, when repeated, is fined once with an aggravating circumstance.",
    ),
    "fine.merged": (
        "Hành vi này được xử phạt chung với vi phạm số {other}.",
        "This act is fined together with violation no. {other}.",
    ),
    # -- limitation
    "limitation.period": (
        "Thời hiệu xử phạt {years} năm, tính từ {start}: hết vào {expires}.",
        "Limitation period {years} year(s), counted from {start}: it ends on {expires}.",
    ),
    "limitation.barred": (
        "Quyết định vào {day} đã quá thời hiệu: không được xử phạt hành vi này.",
        "The decision date {day} is past the limitation period: this act may not be sanctioned.",
    ),
    "limitation.open": (
        "Quyết định vào {day} còn trong thời hiệu.",
        "The decision date {day} is within the limitation period.",
    ),
    # -- case level
    "case.total": (
        "Tổng tiền phạt của các hành vi (cộng từng hành vi): {total_vnd}.",
        "Total fine for the acts (each fined and added up): {total_vnd}.",
    ),
    "case.barred_excluded": (
        "Vi phạm số {index} đã hết thời hiệu nên không cộng vào tổng.",
        "Violation no. {index} is time-barred and is left out of the total.",
    ),
    "case.decided_on": (
        "Ngày ra quyết định dùng để tính: {day}.",
        "Decision date used: {day}.",
    ),
    "competence.per_act": (
        "Thẩm quyền xét theo mức tối đa của khung phạt từng hành vi; cao nhất là {needed_vnd}.",
        "Competence is judged against each act's frame maximum; the highest is {needed_vnd}.",
    ),
    "competence.official": (
        "{official}: phạt đến {cap_vnd} với người vi phạm này.",
        "{official}: may fine up to {cap_vnd} for this offender.",
    ),
    "competence.none": (
        "Không chức danh nào trong danh mục có đủ thẩm quyền cho mọi hành vi.",
        "No official in the catalog is competent for every act.",
    ),
    "competence.scope": (
        "Danh mục chưa ghi việc phân định thẩm quyền của {document}; chưa kiểm tra phạm vi "
        "từng chức danh.",
        "The catalog does not record how {document} divides competence; each official's scope "
        "was not checked.",
    ),
    "competence.warning_only": (
        "Các hành vi chỉ bị phạt cảnh cáo: mọi chức danh có thẩm quyền xử phạt trong lĩnh vực "
        "đều được phạt cảnh cáo.",
        "The acts are sanctioned by a warning only: every official with sanctioning power in the "
        "sector may issue it.",
    ),
    "competence.condition": (
        "{official}: chỉ trong phạm vi {condition}.",
        "{official}: only {condition}.",
    ),
    "limitation.no_sanction": (
        "Hết thời hiệu: không ra quyết định xử phạt, không phạt tiền, không áp dụng hình thức "
        "xử phạt bổ sung.",
        "Time-barred: no sanction decision, no fine and no additional sanction.",
    ),
    "limitation.remedies_remain": (
        "Biện pháp khắc phục hậu quả vẫn có thể được quyết định áp dụng dù không ra quyết định "
        "xử phạt.",
        "Remedial measures may still be ordered although no sanction is decided.",
    ),
    "frame.warning_imposed": (
        "Hành vi bị phạt cảnh cáo (không phạt tiền).",
        "The act is sanctioned by a warning (no fine).",
    ),
}

#: Names of offender bases and criteria, for message fields.
WORDS: Final[dict[str, tuple[str, str]]] = {
    "organization": ("tổ chức", "organisations"),
    "individual": ("cá nhân", "individuals"),
    "household_business": ("hộ kinh doanh", "household business"),
    "quantity": ("số lượng", "quantity"),
    "goods_value": ("trị giá hàng hóa", "value of goods"),
    "illegal_profit": ("số lợi bất hợp pháp", "illegal profit"),
    "none": ("không có", "none"),
}


def pick(pair: tuple[str, str], language: str) -> str:
    """The Vietnamese or English member of a ``(vi, en)`` pair."""
    return pair[0] if language == "vi" else pair[1]


def template(key: str, language: str) -> str:
    """The template of ``key`` in ``language`` (``KeyError`` if the key is unknown)."""
    return pick(MESSAGES[key], language)


def word(key: str, language: str) -> str:
    """A translated word (falls back to the key itself)."""
    pair = WORDS.get(key)
    return key if pair is None else pick(pair, language)
