"""The loader rejects malformed catalog files naming the file, the field and the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from penalty_rules import CatalogError, load_catalog, load_files
from tests.conftest import write

HEADER = """format = 1

[document]
number = "999/2026/NĐ-CP"
title = { vi = "Nghị định thử", en = "Test decree" }
issuer = { vi = "Chính phủ", en = "Government" }
issued_on = 2026-01-01
effective_from = 2026-02-01
provenance = { source = "test fixture", status = "CONFIRMED" }

[rules]
fine_base = "organization"
fine_base_basis = "khoản 3 Điều 4"
fine_base_provenance = { source = "test fixture", status = "CONFIRMED" }
"""

CLAUSE = """
[article.5]
title = { vi = "Thử", en = "Test" }
sector = "telecom"

[article.5.clause.1]
label = { vi = "Hành vi thử", en = "Test act" }
fine = { kind = "frame", min = 1_000_000, max = 2_000_000 }
provenance = { source = "test fixture", status = "CONFIRMED" }
"""


def load(tmp_path: Path, text: str) -> None:
    load_files([write(tmp_path, "test.toml", text)], load_catalog())


def test_valid_fixture_loads_on_top_of_bundled(tmp_path: Path) -> None:
    catalog = load_files([write(tmp_path, "ok.toml", HEADER + CLAUSE)], load_catalog())
    provision = catalog.provisions[("999/2026/NĐ-CP", "5", "1")]
    assert provision.versions[0].fine is not None
    assert "174/2026/NĐ-CP" in catalog.entries  # bundled data still there


@pytest.mark.parametrize(
    ("text", "field", "reason"),
    [
        (HEADER + CLAUSE + "\n[article.5.clause.1]\n", "", "not valid TOML"),
        (HEADER + CLAUSE.replace("sector = ", "colour = 1\nsector = "), "article.5.colour",
         "unknown field"),
        (HEADER + CLAUSE.rsplit("provenance", 1)[0], "article.5.clause.1.provenance",
         "required field is missing"),
        (HEADER + CLAUSE.replace("min = 1_000_000", "min = 3_000_000"), "article.5.clause.1.fine",
         "min 3000000 is above max 2000000"),
        (HEADER + CLAUSE.replace("min = 1_000_000", "min = 1000000.5"), "fine",
         "valid integer"),
        ((HEADER + CLAUSE).replace('status = "CONFIRMED" }\n\n[article',
                                    'status = "SURE" }\n\n[article'),
         "rules.fine_base_provenance.status", "CONFIRMED"),
        (HEADER.replace('"khoản 3 Điều 4"', '"khoản 3 điểm z Điều 4"'), "rules.fine_base_basis",
         "not a Vietnamese point letter"),
        (HEADER + CLAUSE.replace('sector = "telecom"', 'sector = "telekom"'), "article.5.clause.1.sector",
         "unknown sector 'telekom'"),
        (HEADER.replace('number = "999/2026/NĐ-CP"', 'number = "999-2026"'), "document.number",
         "not a document number"),
        (HEADER + CLAUSE + 'points.f = { vi = "x", en = "y" }\n', "article.5.clause.1.points",
         "not Vietnamese point letters"),
        (HEADER.replace("effective_from = 2026-02-01", "effective_from = 2025-02-01"), "document",
         "before it is issued"),
        (HEADER + CLAUSE + 'successor = { citation = "khoản 9 Điều 9 Nghị định 174/2026/NĐ-CP", '
         'provenance = { source = "x y z", status = "INFERRED" } }\n', "successor",
         "is not in the catalog"),
    ],
)
def test_malformed_file_names_file_field_reason(tmp_path: Path, text: str, field: str,
                                                reason: str) -> None:
    with pytest.raises(CatalogError) as info:
        load(tmp_path, text)
    message = str(info.value)
    assert "test.toml" in message
    assert field in message
    assert reason in message


def test_duplicate_keys_are_errors(tmp_path: Path) -> None:
    text = HEADER + CLAUSE + CLAUSE.split("[article.5.clause.1]")[1].join(["\n[article.5.clause.1]", ""])
    with pytest.raises(CatalogError, match="not valid TOML"):
        load(tmp_path, text)


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="cannot read file"):
        load_files([tmp_path / "nope.toml"])


OVERLAY = """format = 1

[document]
number = "999/2026/NĐ-CP"
overlay = true
"""


def test_loading_a_document_twice_needs_overlay(tmp_path: Path) -> None:
    first = write(tmp_path, "a.toml", HEADER + CLAUSE)
    again = write(tmp_path, "b.toml", HEADER + CLAUSE)
    with pytest.raises(CatalogError, match="set overlay = true"):
        load_files([first, again], load_catalog())


def test_overlay_names_only_the_number(tmp_path: Path) -> None:
    first = write(tmp_path, "a.toml", HEADER + CLAUSE)
    bad = write(tmp_path, "b.toml", OVERLAY + 'title = { vi = "x", en = "y" }\n' + CLAUSE)
    with pytest.raises(CatalogError, match="names only the document number"):
        load_files([first, bad], load_catalog())


def test_overlay_of_an_unknown_document(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="needs 999/2026/NĐ-CP to be loaded first"):
        load_files([write(tmp_path, "o.toml", OVERLAY + CLAUSE)], load_catalog())


def test_document_metadata_is_required_outside_overlays(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match=r"document\.title"):
        load(tmp_path, HEADER.replace('title = { vi = "Nghị định thử", en = "Test decree" }\n', ""))


def test_overlay_replaces_a_provision(tmp_path: Path) -> None:
    first = write(tmp_path, "a.toml", HEADER + CLAUSE)
    second = write(tmp_path, "b.toml", OVERLAY + CLAUSE.replace("max = 2_000_000", "max = 4_000_000"))
    catalog = load_files([first, second], load_catalog())
    fine = catalog.provisions[("999/2026/NĐ-CP", "5", "1")].versions[0].fine
    assert fine is not None and fine.max == 4_000_000  # type: ignore[union-attr]


def test_a_check_on_an_overlay_clause_names_the_overlay_file(tmp_path: Path) -> None:
    first = write(tmp_path, "a.toml", HEADER + CLAUSE)
    second = write(tmp_path, "b.toml", OVERLAY + CLAUSE.replace('sector = "telecom"',
                                                                 'sector = "no-such-sector"'))
    with pytest.raises(CatalogError) as info:
        load_files([first, second], load_catalog())
    assert Path(info.value.path).name == "b.toml"
    assert info.value.field == "article.5.clause.1.sector"
    assert "unknown sector 'no-such-sector'" in info.value.reason


def test_money_keeps_every_dong(tmp_path: Path) -> None:
    """OpenFisca's float32 loses 40 000 001; whole-đồng integers must not."""
    path = write(tmp_path, "m.toml", HEADER + CLAUSE.replace("max = 2_000_000", "max = 40_000_001"))
    catalog = load_files([path], load_catalog())
    fine = catalog.provisions[("999/2026/NĐ-CP", "5", "1")].versions[0].fine
    assert fine is not None and fine.max == 40_000_001  # type: ignore[union-attr]


def test_amendments_create_dated_versions(tmp_path: Path) -> None:
    text = HEADER + CLAUSE + """
[[article.5.clause.1.amendments]]
effective_from = 2026-06-01
by = "khoản 2 Điều 1 Nghị định 998/2026/NĐ-CP"
fine = { kind = "frame", min = 2_000_000, max = 3_000_000 }
provenance = { source = "test fixture", status = "CONFIRMED" }
"""
    catalog = load_files([write(tmp_path, "am.toml", text)], load_catalog())
    versions = catalog.provisions[("999/2026/NĐ-CP", "5", "1")].versions
    assert [(str(s.start), str(s.last_day)) for s in versions.spans()] == [
        ("2026-02-01", "2026-05-31"), ("2026-06-01", "None")]
    assert versions[1].amended_by is not None
    assert str(versions[1].amended_by.document) == "998/2026/NĐ-CP"


def test_sanction_durations_stay_within_the_decree_limit(tmp_path: Path) -> None:
    header = HEADER.replace('fine_base_provenance = { source = "test fixture", status = "CONFIRMED" }',
                            'fine_base_provenance = { source = "test fixture", status = "CONFIRMED" }\n'
                            'duration_limit = { min_months = 1, max_months = 24, basis = "khoản 2 Điều 3", '
                            'provenance = { source = "test fixture", status = "CONFIRMED" } }')
    clause = CLAUSE + ('additional_sanctions = [{ code = "activity_suspension", label = { vi = "x", en = "y" }, '
                       'duration = { min_months = 1, max_months = 30 } }]\n')
    with pytest.raises(CatalogError, match="outside the 1–24 months"):
        load(tmp_path, header + clause)


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=300), st.sampled_from([HEADER, CLAUSE, HEADER + CLAUSE]).flatmap(
    lambda base: st.integers(0, len(base)).map(lambda cut: base[:cut]))))
def test_loader_raises_only_catalog_errors(text: str) -> None:
    import contextlib
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.toml"
        path.write_text(text, encoding="utf-8")
        with contextlib.suppress(CatalogError):
            load_files([path], load_catalog())


USER_SECTOR_OVERLAY = """format = 1

[document]
number = "15/2012/QH13"
overlay = true

[[sector]]
code = "information_technology"
label = { vi = "Công nghệ thông tin", en = "IT" }
[[sector.limitation]]
years = 5
valid_from = 2013-07-01
basis = "khoản 1 Điều 6"
provenance = { source = "user test", status = "MEMORY" }
"""


def test_a_user_file_cannot_redefine_bundled_codes_without_declaring_an_overlay(tmp_path: Path) -> None:
    plain = USER_SECTOR_OVERLAY.replace('number = "15/2012/QH13"\noverlay = true',
                                        'number = "1/2099/NĐ-CP"\ntitle = { vi = "T", en = "T" }\n'
                                        'issuer = { vi = "C", en = "G" }\neffective_from = 2099-01-01\n'
                                        'provenance = { source = "user test", status = "MEMORY" }')
    with pytest.raises(CatalogError, match="sector 'information_technology' is already defined"):
        load_files([write(tmp_path, "plain.toml", plain)], load_catalog())


def test_results_computed_with_user_data_name_the_files(tmp_path: Path) -> None:
    from penalty_rules import assess

    path = write(tmp_path, "overlay.toml", USER_SECTOR_OVERLAY)
    catalog = load_files([path], load_catalog())
    case = {"offender": {"kind": "individual"}, "decided_on": "2026-09-01",
            "violations": [{"provision": "điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP",
                            "committed_on": "2026-07-20", "ended_on": "2026-07-20",
                            "detected_on": "2026-07-25"}]}
    result = assess(case, catalog)
    assert "USER DATA" in result.flags
    step = next(s for s in result.trace if s.message == "provenance.user_overrides")
    assert str(path) in str(step.params["overrides"])
    assert "USER DATA" not in assess(case).flags  # the bundled catalog alone is not flagged


LOOP_A = """format = 1

[document]
number = "1/2098/NĐ-CP"
title = { vi = "A", en = "A" }
issuer = { vi = "Chính phủ", en = "Government" }
effective_from = 2098-01-01
provenance = { source = "test fixture", status = "MEMORY" }

[[document.relations]]
kind = "amends"
target = "2/2098/NĐ-CP"
on = 2098-01-01
basis = "Điều 1"
provenance = { source = "test fixture", status = "MEMORY" }
"""


def test_documents_acting_on_each_other_in_a_circle_are_refused(tmp_path: Path) -> None:
    loop_b = LOOP_A.replace("1/2098", "X").replace("2/2098", "1/2098").replace("X", "2/2098")
    with pytest.raises(CatalogError, match="in a circle: 1/2098/NĐ-CP → 2/2098/NĐ-CP → 1/2098/NĐ-CP"):
        load_files([write(tmp_path, "a.toml", LOOP_A), write(tmp_path, "b.toml", loop_b)],
                   load_catalog())


def test_a_clause_succeeding_itself_is_refused(tmp_path: Path) -> None:
    text = LOOP_A.split("[[document.relations]]")[0] + """
[rules]
fine_base = "organization"
fine_base_basis = "khoản 1 Điều 2"
fine_base_provenance = { source = "test fixture", status = "MEMORY" }

[article.5]
title = { vi = "Thử", en = "Test" }
sector = "telecom"

[article.5.clause.1]
label = { vi = "Thử", en = "Test" }
fine = { kind = "frame", min = 1_000_000, max = 2_000_000 }
provenance = { source = "test fixture", status = "MEMORY" }
successor = { citation = "khoản 1 Điều 5 Nghị định 1/2098/NĐ-CP", provenance = { source = "test fixture", status = "MEMORY" } }
"""
    with pytest.raises(CatalogError, match="successor links loop"):
        load_files([write(tmp_path, "self.toml", text)], load_catalog())
