"""The body registry: every competence rule names a known body; the 2025 reorganisation."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from penalty_rules import Catalog, load_catalog, load_files
from penalty_rules.catalog.bodies import bodies, known_body_codes, named_titles
from penalty_rules.errors import CatalogError
from tests.conftest import write


def test_every_competence_rule_names_a_known_body(catalog: Catalog) -> None:
    codes = known_body_codes()
    unknown = {(str(r.document), r.code, r.body) for r in catalog.competence if r.body not in codes}
    assert not unknown


def test_named_titles_are_in_bundled_decrees(catalog: Catalog) -> None:
    for title in named_titles():
        catalog.document(title.document)  # raises if the decree is not bundled
        assert title.body in known_body_codes()


@pytest.mark.parametrize(("code", "day", "successor"), [
    ("district_peoples_committee", date(2025, 7, 1), "commune_peoples_committee"),
    ("district_police", date(2025, 3, 1), "police"),
    ("ministry_of_information_and_communications", date(2025, 3, 1),
     "ministry_of_science_and_technology"),
    ("department_of_information_and_communications", date(2025, 3, 1),
     "department_of_science_and_technology"),
    ("department_inspectorate", date(2025, 7, 1), "specialised_agency"),
    ("general_department_of_market_surveillance", date(2025, 3, 1), "domestic_market_agency"),
])
def test_reorganisation_dates(code: str, day: date, successor: str) -> None:
    body = bodies()[code]
    assert body.abolished_on == day and body.successor == successor
    assert body.abolished_by(day) and not body.abolished_by(date.fromordinal(day.toordinal() - 1))


def test_bodies_that_remain_are_not_abolished() -> None:
    for code in ("commune_peoples_committee", "provincial_peoples_committee", "police",
                 "ministry_inspectorate", "government_cipher_board", "market_surveillance",
                 "department_of_culture", "department_of_science_and_technology"):
        assert bodies()[code].abolished_by(date(2026, 12, 2)) is False, code


UNKNOWN_BODY = """format = 1

[document]
number = "995/2024/NĐ-CP"
title = { vi = "Thử", en = "Test" }
issuer = { vi = "Chính phủ", en = "Government" }
issued_on = 2024-01-01
effective_from = 2024-02-01
provenance = { source = "test fixture", status = "CONFIRMED", verified_on = 2026-11-01 }

[rules]
fine_base = "organization"
fine_base_basis = "khoản 1 Điều 2"
fine_base_provenance = { source = "test fixture", status = "CONFIRMED" }

[[competence]]
code = "test_unknown_body"
title = "unknown_body_head"
official = { vi = "Thủ trưởng cơ quan không có", en = "Head of a body that does not exist" }
level = "province"
body = "no_such_body"
caps = { telecom = 100_000_000 }
valid_from = 2024-02-01
basis = "khoản 1 Điều 9"
provenance = { source = "test fixture", status = "CONFIRMED" }
"""


def test_unknown_body_fails_at_load(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="no_such_body"):
        load_files([write(tmp_path, "unknown.toml", UNKNOWN_BODY)], load_catalog())
