"""Read citations written in the forms found in practice and look them up.

Run:  python examples/read_citations.py
"""

from __future__ import annotations

from penalty_rules import ProvisionNotFound, bundled_catalog, parse_citation

TEXTS = [
    "điểm a khoản 2 Điều 34 Nghị định số 174/2026/NĐ-CP",
    "diem b khoan 7 dieu 34 nd 174/2026",
    "Article 95(1)(a) of Decree 174/2026/NĐ-CP",
    "khoản 1 Điều 101 Nghị định 15/2020/NĐ-CP được sửa đổi bởi khoản 37 Điều 1 Nghị định 14/2022/NĐ-CP",
    "khoản 12 Điều 34 Nghị định 174/2026/NĐ-CP",
]


def main() -> int:
    catalog = bundled_catalog()
    for text in TEXTS:
        citation = parse_citation(text)
        print(text)
        print("  →", citation.format(), "|", citation.format("short"), "|", citation.format("en"))
        try:
            for provision in catalog.find(citation):
                print("  found:", provision.label.en)
        except ProvisionNotFound as exc:
            print("  not in the catalog; closest:", "; ".join(exc.suggestions[:3]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
