"""The legal-basis registry: look-ups by number and by (name, date), history in time, and
agreement with the catalog's ``based_on`` lists."""

from __future__ import annotations

from datetime import date

import pytest

from penalty_rules import Catalog
from penalty_rules.catalog.laws import (
    AmbiguousLaw,
    BasisRole,
    LawNotFound,
    law_registry,
    load_law_registry,
)
from penalty_rules.errors import CatalogError
from penalty_rules.models.common import Status

REG = law_registry()


def test_lookup_by_number_accepts_any_spelling() -> None:
    assert REG.law("41/2009/qh12").name.vi == "Luật Viễn thông 2009"
    with pytest.raises(LawNotFound, match="99/2099/QH99"):
        REG.law("99/2099/QH99")


def test_two_laws_of_one_day_need_the_name() -> None:
    day = date(2009, 11, 23)
    with pytest.raises(AmbiguousLaw) as err:
        REG.by_name_and_date(None, day)
    assert {c.split("(")[-1] for c in err.value.candidates} == {"41/2009/QH12)", "42/2009/QH12)"}
    with pytest.raises(AmbiguousLaw):
        REG.by_name_and_date("Luật", date(2005, 11, 29))  # IP law and e-transactions law
    assert str(REG.by_name_and_date("Luật Viễn thông", day).number) == "41/2009/QH12"
    assert str(REG.by_name_and_date("Luật Tần số vô tuyến điện", day).number) == "42/2009/QH12"
    assert str(REG.by_name_and_date("Luật Giao dịch điện tử", date(2005, 11, 29)).number) == "51/2005/QH11"


def test_a_name_that_fits_no_law_of_that_day_lists_the_day() -> None:
    with pytest.raises(LawNotFound, match="Luật Báo chí") as err:
        REG.by_name_and_date("Luật Báo chí", date(2009, 11, 23))
    assert len(err.value.candidates) == 2
    with pytest.raises(LawNotFound):
        REG.by_name_and_date("Luật Viễn thông", date(2009, 11, 24))


def test_replacement_is_right_in_time() -> None:
    telecom = REG.law("41/2009/QH12")
    assert telecom.replaced_on(date(2024, 6, 30)) is None
    assert telecom.replaced_by is not None and telecom.replaced_by.known_on(date(2024, 6, 1))
    assert not telecom.replaced_by.known_on(date(2023, 11, 23))
    it = REG.law("67/2006/QH11")
    assert it.replaced_on(date(2026, 6, 30)) is None
    replaced = it.replaced_on(date(2026, 7, 1))
    assert replaced is not None and str(replaced.law) == "148/2025/QH15"
    assert replaced.provenance.status is Status.CONFIRMED_SECONDARY


def test_15_2020_cites_by_name_and_date_and_resolves() -> None:
    bases = {str(b.law): b for b in REG.bases_of(_doc("15/2020/NĐ-CP"))}
    assert bases["41/2009/QH12"].cited is not None
    assert bases["41/2009/QH12"].role is BasisRole.IMPLEMENTS
    assert bases["76/2015/QH13"].role is BasisRole.OTHER
    assert set(bases) == {"76/2015/QH13", "15/2012/QH13", "49/2010/QH12", "41/2009/QH12",
                          "42/2009/QH12", "67/2006/QH11", "86/2015/QH13", "51/2005/QH11"}


def test_memory_bases_are_marked() -> None:
    bases = {str(b.law): b for b in REG.bases_of(_doc("119/2020/NĐ-CP"))}
    assert bases["103/2016/QH13"].unverified
    assert not any(b.unverified for b in REG.bases_of(_doc("174/2026/NĐ-CP")))


def test_registry_and_catalog_agree(catalog: Catalog) -> None:
    for number in REG.recorded_decrees():
        doc = catalog.document(number)
        seen = {str(b.law) for b in REG.bases_of(doc) if not b.unverified}
        listed = {str(n) for n in doc.based_on}
        # every basis read in a preamble is in the catalog's list ...
        assert seen <= listed, (number, seen - listed)
        # ... and the list holds nothing the registry does not record for that decree
        assert listed <= {str(b.law) for b in REG.recorded(number)}, number


def test_every_catalog_basis_is_a_known_law(catalog: Catalog) -> None:
    for doc in catalog.documents:
        for number in doc.based_on:
            assert number in REG, (doc.number, number)


def test_a_basis_citing_an_ambiguous_date_fails_at_load() -> None:
    data = {"format": 1, "law": [_law("41/2009/QH12", "Luật Viễn thông"),
                                  _law("42/2009/QH12", "Luật Tần số vô tuyến điện")],
            "basis": [{"decree": "1/2020/NĐ-CP", "role": "other",
                       "cited": {"name": "Luật về thông tin", "passed_on": date(2009, 11, 23)},
                       "provenance": _prov()}]}
    with pytest.raises(CatalogError, match="laws of that date"):
        load_law_registry(data)
    data["basis"][0]["cited"]["name"] = "Luật"  # type: ignore[index]
    with pytest.raises(CatalogError, match="more than one law"):
        load_law_registry(data)


def test_a_basis_names_a_law_one_way_only() -> None:
    data = {"format": 1, "law": [_law("41/2009/QH12", "Luật Viễn thông")],
            "basis": [{"decree": "1/2020/NĐ-CP", "role": "other", "provenance": _prov()}]}
    with pytest.raises(CatalogError, match="exactly one"):
        load_law_registry(data)


def _prov() -> dict[str, object]:
    return {"source": "test", "status": "CONFIRMED"}


def _law(number: str, name: str) -> dict[str, object]:
    return {"number": number, "name": {"vi": name, "en": name}, "passed_on": date(2009, 11, 23),
            "provenance": _prov()}


def _doc(number: str):  # type: ignore[no-untyped-def]
    from penalty_rules import bundled_catalog
    return bundled_catalog().document(number)
