"""One-off generator for the repetitive sector table of law-15-2012.toml.

Kept in the repository so the table can be regenerated and reviewed; the TOML
it prints is the reviewed source of truth.
"""

SECTORS = [
    # code, vi, en, point of Art. 24(1), individual max, status, source, two-year?
    ("postal", "Bưu chính", "Postal services", "b", 40_000_000, "CONFIRMED", "general-law.md §5 [S9]", False),
    ("e_transactions", "Giao dịch điện tử", "Electronic transactions", "b", 40_000_000, "CONFIRMED", "general-law.md §5 [S9]", False),
    ("telecom", "Viễn thông", "Telecommunications", "đ", 100_000_000, "CONFIRMED", "general-law.md §5 [S9]", False),
    ("radio_frequency", "Tần số vô tuyến điện", "Radio frequencies", "đ", 100_000_000, "CONFIRMED", "general-law.md §5 [S9]", False),
    ("information_technology", "Công nghệ thông tin", "Information technology", "đ", 100_000_000, "CONFIRMED", "general-law.md §5 [S9]", False),
    ("cybersecurity", "An ninh mạng", "Cybersecurity", "đ", 100_000_000, "CONFIRMED", "general-law.md §5 [S9][S15]", False),
    ("civil_cryptography", "Mật mã dân sự (thuộc an ninh mạng)", "Civil cryptography (part of cybersecurity)", "đ", 100_000_000, "CONFIRMED", "general-law.md §5 [S9]; nd-174-2026.md Art. 4(2)", False),
    ("information_security", "An toàn thông tin mạng", "Network information security", "đ", 100_000_000, "CONFIRMED", "general-law.md §5 [S10][S15]", False),
    ("publishing", "Xuất bản", "Publishing", "đ", 100_000_000, "CONFIRMED", "general-law.md §5 [S9]", True),
    ("printing", "In", "Printing", "đ", 100_000_000, "CONFIRMED", "general-law.md §5 [S10]", False),
    ("commerce", "Thương mại", "Commerce", "đ", 100_000_000, "CONFIRMED", "general-law.md §5 [S9]", False),
    ("banned_counterfeit_goods", "Sản xuất, buôn bán hàng cấm, hàng giả", "Production and trade of banned and counterfeit goods", "g", 200_000_000, "CONFIRMED", "general-law.md §5 [S9]", True),
    ("press", "Báo chí", "Press", "h", 250_000_000, "CONFIRMED-secondary", "general-law.md §5 [S10]", True),
]

PROV = 'provenance = {{ source = "{src}", status = "{st}", verified_on = 2026-11-27 }}'


def main() -> None:
    for code, vi, en, point, amount, status, source, two in SECTORS:
        print("[[sector]]")
        print(f'code = "{code}"')
        print(f'label = {{ vi = "{vi}", en = "{en}" }}')
        print()
        print("[[sector.maxima]]")
        print(f"individual_max = {amount:_}")
        print("valid_from = 2022-01-01")
        print(f'basis = "điểm {point} khoản 1 Điều 24"')
        print(PROV.format(src=source + "; text as amended by Law 67/2020, in force 01/01/2022", st=status))
        print()
        if two is None:
            continue  # the Art. 6 list names only part of this sector: decided per provision
        years = 2 if two else 1
        print("[[sector.limitation]]")
        print(f"years = {years}")
        print("valid_from = 2013-07-01")
        print('basis = "điểm a khoản 1 Điều 6"')
        print('provenance = { source = "general-law.md §2 (2012 wording not seen)", status = "MEMORY", verified_on = 2026-11-27 }')
        print()
        print("[[sector.limitation]]")
        print(f"years = {years}")
        print("valid_from = 2022-01-01")
        print('basis = "điểm a khoản 1 Điều 6"')
        print('provenance = { source = "general-law.md §2 [S2][S3]: Art. 6(1)(a) as amended by Laws 67/2020 and 88/2025", status = "CONFIRMED", verified_on = 2026-11-27 }')
        print()


if __name__ == "__main__":
    main()
# Commerce: Art. 6(1)(a) lists only "production, export, import and trading of goods" among the
# two-year acts (publishing-commerce-decrees.md §0.10); decrees list those acts in their
# [rules.two_year_limitation]; the sector default is one year.
