"""Complete the Decree 174/2026 catalog from the official text with the ingest tool.

Usage:  python tools/build_174_2026.py [path/to/nd-174-2026.md]

``nd-174-2026.toml`` holds the hand-curated clauses and is never written by this tool.
Every other fine clause of Chapters II–VI is read by ``penalty_rules.ingest`` and written
to the overlay file ``nd-174-2026.generated.toml`` (re-running replaces it), with:

- the own-words labels of ``tools/labels/nd-174-2026-*.toml`` (written by people from the
  official text; no clause text is copied) — a clause without one falls back to the topic
  of its article below;
- provenance once per article (the clauses name none);
- frames by point one short line per point.

The amounts come from the primary text; review any change in the diff.
"""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import replace
from pathlib import Path

from penalty_rules.ingest.clauses import Draft, read_articles
from penalty_rules.ingest.emit import draft_clause_lines, toml_key, toml_value
from penalty_rules.ingest.structure import split_articles

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "penalty_rules" / "catalog" / "data"
CATALOG = DATA / "nd-174-2026.toml"
GENERATED = DATA / "nd-174-2026.generated.toml"
LABELS = sorted((ROOT / "tools" / "labels").glob("nd-174-2026-*.toml"))
SECTORS = {"II": "postal", "III": "telecom", "IV": "radio_frequency", "V": "e_transactions",
           "VI": "information_technology"}

# Short topics in our own words: (Vietnamese, English).
TOPICS: dict[str, tuple[str, str]] = {
    "7": ("Giấy phép bưu chính", "Postal licence"),
    "8": ("Thông báo hoạt động bưu chính", "Notifying postal activity"),
    "9": ("Hợp đồng dịch vụ bưu chính", "Postal service contracts"),
    "10": ("Cung ứng, sử dụng dịch vụ và báo cáo bưu chính", "Postal service provision, use and reports"),
    "11": ("Hàng hóa cấm gửi qua bưu chính", "Goods barred from the post"),
    "12": ("An toàn, an ninh bưu chính", "Postal safety and security"),
    "13": ("Thay đổi người nhận, chuyển hoàn, rút lại bưu gửi", "Changing, forwarding, returning or withdrawing postal items"),
    "14": ("Mạng bưu chính công cộng", "Public postal network"),
    "15": ("Chất lượng và giá cước bưu chính", "Postal quality and prices"),
    "16": ("Tem bưu chính", "Postage stamps"),
    "17": ("Giấy phép viễn thông", "Telecom licence"),
    "18": ("Công bố, thay đổi nội dung giấy phép viễn thông", "Publishing and changing telecom licence details"),
    "19": ("Giấy phép mạng viễn thông dùng riêng", "Private telecom network licence"),
    "20": ("Giấy phép thử nghiệm viễn thông", "Telecom trial licence"),
    "21": ("Giấy phép lắp cáp viễn thông trên biển", "Submarine cable licence"),
    "22": ("Đại lý dịch vụ viễn thông", "Telecom service agents"),
    "23": ("Sử dụng dịch vụ và thuê bao viễn thông", "Use of telecom services and subscriptions"),
    "24": ("Sở hữu trong kinh doanh viễn thông", "Ownership in telecom business"),
    "25": ("Cạnh tranh trong kinh doanh viễn thông", "Competition in telecom business"),
    "26": ("Thiết lập mạng, cung cấp dịch vụ viễn thông", "Building networks and providing telecom services"),
    "27": ("Dịch vụ viễn thông công ích", "Universal telecom services"),
    "28": ("Chuyển mạng giữ nguyên số", "Mobile number portability"),
    "29": ("Ngừng kinh doanh dịch vụ viễn thông", "Ceasing a telecom business"),
    "30": ("Liên lạc nghiệp vụ", "Internal service communications"),
    "31": ("Tra cứu số thuê bao cố định", "Fixed-line directory enquiries"),
    "32": ("Số khẩn cấp và báo hỏng", "Emergency and fault-report numbers"),
    "33": ("Đổi số thuê bao", "Changing subscriber numbers"),
    "34": ("Hợp đồng mẫu và thông tin thuê bao", "Standard contracts and subscriber information"),
    "35": ("Hóa đơn và doanh thu viễn thông", "Telecom billing and revenue"),
    "36": ("Điểm truy nhập Internet công cộng", "Public Internet access points"),
    "37": ("Kết nối mạng viễn thông công cộng", "Interconnection of public networks"),
    "38": ("Kết nối mạng viễn thông dùng riêng", "Connection of private networks"),
    "39": ("Chia sẻ hạ tầng viễn thông", "Sharing telecom infrastructure"),
    "40": ("Kế hoạch thực hiện quy hoạch hạ tầng viễn thông", "Infrastructure plans of network operators"),
    "41": ("Công trình viễn thông", "Telecom works"),
    "42": ("Dùng chung hạ tầng kỹ thuật", "Shared technical infrastructure"),
    "43": ("An toàn hạ tầng viễn thông", "Safety of telecom infrastructure"),
    "44": ("Quy hoạch và sử dụng kho số", "Numbering plans and number use"),
    "45": ("Đăng ký, sử dụng tên miền", "Registering and using domain names"),
    "46": ("Nhà đăng ký tên miền", "Domain registrars"),
    "47": ("Địa chỉ IP và ASN", "IP addresses and AS numbers"),
    "48": ("Tên miền cấp cao mới (New gTLD)", "New generic top-level domains"),
    "49": ("Chuyển nhượng, cho thuê kho số", "Transferring or leasing number blocks"),
    "50": ("Đấu giá kho số", "Number auctions"),
    "51": ("Chuyển nhượng, đấu giá tên miền \".vn\"", "Transferring and auctioning \".vn\" domains"),
    "52": ("An toàn tài nguyên viễn thông", "Safety of telecom resources"),
    "53": ("Chứng nhận, công bố hợp quy", "Conformity certification and declaration"),
    "54": ("Chất lượng mạng và dịch vụ viễn thông", "Telecom network and service quality"),
    "55": ("Kiểm định thiết bị, đài vô tuyến", "Inspection of equipment and radio stations"),
    "56": ("Giá dịch vụ viễn thông", "Telecom prices"),
    "57": ("Thẻ trả trước và tài khoản SIM", "Prepaid cards and SIM accounts"),
    "58": ("Đăng ký, thông báo cung cấp dịch vụ viễn thông", "Registering or notifying telecom services"),
    "59": ("Dịch vụ viễn thông cơ bản trên Internet", "Basic telecom services over the Internet"),
    "60": ("Trung tâm dữ liệu và điện toán đám mây", "Data centres and cloud services"),
    "61": ("Dịch vụ nội dung trên mạng di động", "Content services on mobile networks"),
    "62": ("Tranh chấp trong kinh doanh viễn thông", "Disputes between telecom businesses"),
    "63": ("Khiếu nại, bồi thường trong cung ứng dịch vụ", "Complaints and compensation for services"),
    "64": ("Số liệu và báo cáo viễn thông", "Telecom data and reporting"),
    "65": ("Giấy phép tần số", "Frequency licences"),
    "66": ("Sử dụng tần số và thiết bị vô tuyến", "Using frequencies and radio equipment"),
    "67": ("Đấu giá quyền sử dụng tần số", "Frequency auctions"),
    "68": ("Thi tuyển quyền sử dụng tần số", "Frequency beauty contests"),
    "69": ("Chuyển nhượng quyền sử dụng tần số", "Transferring frequency rights"),
    "70": ("Thuê, mượn thiết bị vô tuyến", "Renting or borrowing radio equipment"),
    "71": ("Dùng chung tần số", "Sharing frequencies"),
    "72": ("Thiết bị vô tuyến miễn giấy phép", "Licence-exempt radio equipment"),
    "73": ("Chứng chỉ vô tuyến điện viên", "Radio operator certificates"),
    "74": ("Tần số trong trường hợp khẩn cấp", "Frequencies in emergencies"),
    "75": ("Quy hoạch tần số", "Frequency planning"),
    "76": ("Chất lượng phát xạ và an toàn bức xạ", "Emission quality and radiation safety"),
    "77": ("Tương thích điện từ", "Electromagnetic compatibility"),
    "78": ("Gây nhiễu có hại", "Harmful interference"),
    "79": ("Đăng ký quốc tế tần số, quỹ đạo", "International frequency and orbit registration"),
    "80": ("Phối hợp quốc tế về tần số", "International frequency coordination"),
    "81": ("Điều kiện hoạt động dịch vụ tin cậy", "Operating conditions of trust services"),
    "82": ("Nội dung chứng thư chữ ký", "Content of signature certificates"),
    "83": ("Cung cấp dịch vụ tin cậy", "Providing trust services"),
    "84": ("Quy chế chứng thực", "Certification practice statements"),
    "85": ("Dấu thời gian và chứng thực thông điệp", "Time-stamping and data-message certification"),
    "86": ("Sử dụng dịch vụ tin cậy và chứng thư", "Using trust services and certificates"),
    "87": ("Chữ ký điện tử chuyên dùng", "Dedicated electronic signatures"),
    "88": ("Phần mềm ký số và kiểm tra chữ ký", "Signing and verification software"),
    "89": ("Công nhận chữ ký, dịch vụ nước ngoài", "Recognition of foreign signatures and providers"),
    "90": ("Hạ tầng thông tin cho công nghệ thông tin", "Information infrastructure for IT"),
    "91": ("Quyền lợi người dùng sản phẩm công nghệ thông tin", "Rights of IT product users"),
    "92": ("Giấy phép mạng xã hội", "Social-network licence"),
    "93": ("Trang thông tin điện tử", "Websites"),
    "94": ("Trách nhiệm của mạng xã hội trong nước", "Duties of domestic social networks"),
    "95": ("Trách nhiệm người dùng mạng xã hội", "Duties of social-network users"),
    "96": ("Lưu trữ, truyền đưa và sử dụng thông tin", "Storing, transmitting and using information"),
    "97": ("Cung cấp thông tin xuyên biên giới", "Cross-border information services"),
    "98": ("Giấy phép trò chơi điện tử", "Video-game licences"),
    "99": ("Cung cấp dịch vụ trò chơi điện tử", "Providing video-game services"),
    "100": ("Điểm trò chơi điện tử công cộng", "Public video-game venues"),
    "101": ("Người chơi trò chơi điện tử", "Video-game players"),
    "102": ("Kinh doanh mật mã dân sự", "Civil cryptography business"),
    "103": ("Xuất nhập khẩu sản phẩm mật mã dân sự", "Import and export of civil cryptography"),
}


BODIES = {"104": "specialised_agency", "105": "government_cipher_board", "106": "peoples_committee",
          "107": "police", "108": "border_guard", "109": "coast_guard", "110": "market_surveillance",
          "111": "customs", "112": "inspectorate"}
BODY_EN = {"104": "a specialised management body", "105": "the Government Cipher Board",
           "106": "People's Committees", "107": "the police", "108": "the border guard",
           "109": "the coast guard", "110": "market surveillance", "111": "customs",
           "112": "inspectorates"}
CAP = re.compile(r"[Pp]hạt tiền đến\s+(\d{1,3}(?:\.\d{3})+|mức tối đa)\s+(?:đồng\s+)?đối với hành vi vi phạm"
                 r"\s+hành chính\s+(.*?)(?=[;,]\s*phạt tiền đến|$)")
SECTOR_WORDS = [("tần số vô tuyến điện", "radio_frequency"), ("viễn thông", "telecom"),
                ("công nghệ thông tin", "information_technology"), ("bưu chính", "postal"),
                ("giao dịch điện tử", "e_transactions"), ("mật mã dân sự", "civil_cryptography"),
                ("cơ yếu", "civil_cryptography")]
MAXIMA = {"postal": 80_000_000, "e_transactions": 80_000_000, "telecom": 200_000_000,
          "radio_frequency": 200_000_000, "information_technology": 200_000_000,
          "civil_cryptography": 200_000_000}


COMPETENCE_LABELS = ROOT / "tools" / "labels" / "competence-174-2026.toml"


def competence_titles() -> dict[str, dict[str, str]]:
    """Own-words titles of the Chapter VII officials by rule code (vi, en)."""
    if not COMPETENCE_LABELS.exists():
        return {}
    with COMPETENCE_LABELS.open("rb") as f:
        return {code: {"vi": str(t["vi"]), "en": str(t["en"])} for code, t in tomllib.load(f).items()}


def stated_caps(clause) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """The caps per sector point b of a competence clause states (per organisation)."""
    point_b = next((p.text for p in clause.points if p.letter == "b"), "")
    caps: dict[str, int] = {}
    for m in CAP.finditer(point_b):
        amount = m[1]
        for word, code in SECTOR_WORDS:
            if word in m[2] and code not in caps:
                caps[code] = MAXIMA[code] if amount == "mức tối đa" else int(amount.replace(".", ""))
    return caps


def competence_entries(articles: list, have: set[str]) -> list[str]:
    """Competence rules of Chapter VII not curated above (caps per organisation).

    The title is the own-words one of tools/labels/competence-174-2026.toml, or else the
    clause's lead words. Clauses that only refer to another clause's powers (Art. 107(6),
    (8)) state no cap of their own and are not written.
    """
    titles = competence_titles()
    out: list[str] = []
    for article in articles:
        if article.number not in BODIES:
            continue
        for clause in article.clauses:
            basis = f"điểm b khoản {clause.number} Điều {article.number}"
            caps = stated_caps(clause)
            if not caps or basis in have:
                continue
            lead = clause.text.split(" có quyền")[0].split(" có thẩm quyền")[0]
            code = f"nd174_{article.number}_{clause.number}"
            short = lead if len(lead) <= 90 else lead[:lead.rfind(" ", 0, 80)] + " …"
            title = titles.get(code, {"vi": short, "en": f"Official(s) of {BODY_EN[article.number]} under Art. {article.number}({clause.number})"})
            level = ("commune" if "cấp xã" in lead else "province" if "tỉnh" in lead
                     else "central" if any(w in lead for w in ("Cục trưởng", "Tư lệnh", "Trưởng ban", "Bộ "))
                     else "field")
            out += ["[[competence]]", f'code = "{code}"', f'title = "{code}"',
                    f"official = {toml_value(title)}",
                    f'level = "{level}"', f'body = "{BODIES[article.number]}"',
                    f"caps = {toml_value(caps)}", "valid_from = 2026-07-01", f'basis = "{basis}"',
                    f'provenance = {{ source = "nd-174-2026.md Điều {article.number}({clause.number}), caps read by tools/build_174_2026.py", '
                    'status = "CONFIRMED", verified_on = 2026-12-02 }', ""]
    return out


def sector(article: str, chapter: str | None) -> str:
    if article in ("102", "103"):
        return "civil_cryptography"
    return SECTORS[chapter or ""]


def labels() -> dict[str, dict[str, object]]:
    """Own-words labels by "ARTICLE.CLAUSE" from the label files."""
    out: dict[str, dict[str, object]] = {}
    for path in LABELS:
        with path.open("rb") as f:
            out.update(tomllib.load(f))
    return out


def registered_labels() -> dict[str, object]:
    """The general label of each registered measure code (law-15-2012.toml [[measure]])."""
    with (DATA / "law-15-2012.toml").open("rb") as f:
        return {m["code"]: m["label"] for m in tomllib.load(f).get("measure", [])}


REGISTERED = registered_labels()


def _plain_measures(measures: list[dict[str, object]]) -> list[dict[str, object]]:
    """Measures naming their code only where the registered label says the same."""
    return [{k: v for k, v in m.items() if not (k == "label" and REGISTERED.get(str(m["code"])) == v)}
            for m in measures]


def clause_lines(draft: Draft, label: dict[str, str], acts: dict[str, dict[str, str]]) -> list[str]:
    """One generated clause: its keys first, then a by-point frame as a table of its own."""
    draft = replace(draft, sanctions=_plain_measures(draft.sanctions),
                    remedies=_plain_measures(draft.remedies))
    fine = dict(draft.fine) if draft.fine is not None else None
    by_point = fine is not None and fine.get("kind") == "by_point"
    if by_point:
        draft = replace(draft, fine=None, warning=draft.warning or False)
    points = list(dict.fromkeys([*draft.points, *acts]))
    lines = draft_clause_lines(replace(draft, points=points), label, {}, acts)
    lines = [ln for ln in lines if not ln.startswith("provenance = ")]
    if by_point:
        assert fine is not None
        lines.append(f"[article.{toml_key(draft.article)}.clause.{toml_key(draft.clause)}.fine]")
        lines.append('kind = "by_point"')
        for letter, frame in fine["frames"].items():
            plain = {k: v for k, v in frame.items() if k != "kind"}
            lines.append(f"frames.{toml_key(letter)} = {toml_value(plain)}")
    return lines


def default_source() -> Path:
    """The official text in the shared reference folder next to the checkout (or a worktree)."""
    for parent in ROOT.parents:
        candidate = parent / "shared" / "reference" / "texts" / "nd-174-2026.md"
        if candidate.exists():
            return candidate
    raise SystemExit("nd-174-2026.md not found: pass its path as the first argument")


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else default_source()
    curated = tomllib.loads(CATALOG.read_text(encoding="utf-8"))
    have_articles = set(curated.get("article", {}))
    have = {(a, c) for a, art in curated.get("article", {}).items() for c in art.get("clause", {})}
    articles = split_articles(source.read_text(encoding="utf-8"))
    result = read_articles(articles)
    have_competence = {c["basis"] for c in curated.get("competence", [])}
    own = labels()
    out = ["# GENERATED by tools/build_174_2026.py from the official text of Decree 174/2026/NĐ-CP",
           "# (nd-174-2026.md): every fine clause of Chapters II–VI not curated in nd-174-2026.toml,",
           "# with own-words labels from tools/labels/. Do not edit: edit the tool, the label files,",
           "# or move an entry to nd-174-2026.toml.", "format = 1", "",
           "[document]", 'number = "174/2026/NĐ-CP"', "overlay = true", ""]
    notes_at = len(out)
    written_articles: set[str] = set()
    count = 0
    for draft in result.drafts:
        n = int(draft.article)
        if not 7 <= n <= 103 or (draft.article, draft.clause) in have:
            continue
        vi, en = TOPICS[draft.article]
        if draft.article not in written_articles:
            written_articles.add(draft.article)
            provenance = {"source": f"nd-174-2026.md Điều {draft.article}", "status": "CONFIRMED",
                          "verified_on": "2026-11-27",
                          "note": "amounts read from the primary text by penalty-rules ingest"}
            out += [f"[article.{draft.article}]", f"title = {toml_value({'vi': vi, 'en': en})}",
                    f"chapter = {toml_value(draft.chapter)}",
                    f"sector = {toml_value(sector(draft.article, draft.chapter))}",
                    f"provenance = {toml_value(provenance)}".replace(
                        'verified_on = "2026-11-27"', "verified_on = 2026-11-27"), ""]
        entry = own.get(f"{draft.article}.{draft.clause}")
        if entry is not None:
            label = {"vi": str(entry["vi"]), "en": str(entry["en"])}
            acts = {k: dict(v) for k, v in dict(entry.get("points", {})).items()}  # type: ignore[call-overload]
        else:
            label = {"vi": f"{vi} (khoản {draft.clause})", "en": f"{en} (clause {draft.clause})"}
            acts = {}
        out += [*clause_lines(draft, label, acts), ""]
        count += 1
    # Ingest notes still open: not about a curated clause, and an unrecognised remedy only
    # while a generated clause of that article still carries other_remedy.
    unresolved = {d.article for d in result.drafts if (d.article, d.clause) not in have
                  and any(m.get("code") == "other_remedy" for m in d.remedies)}
    notes = [f"# ingest note — {problem}" for problem in result.problems
             if (problem.article, problem.clause) not in have
             and ("unrecognised remedy" not in problem.reason or problem.article in unresolved)]
    out[notes_at:notes_at] = [*notes, ""]
    out += ["# Chapter VII: competence of the officials not curated in nd-174-2026.toml (caps per",
            "# organisation)", ""]
    out += competence_entries(articles, have_competence)
    GENERATED.write_text("\n".join(out).rstrip() + "\n", encoding="utf-8")
    print(f"wrote {count} generated clauses ({len(written_articles - have_articles)} new articles) "
          f"to {GENERATED}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
