"""The compiled snapshot of the bundled catalog (``catalog/snapshot.py``).

The snapshot must give the catalog the TOML files give, in every field, and the engine
the same answers; it must be used only while it matches the files, and user catalogs
must keep their full validation.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import json
import tomllib
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from penalty_rules import CatalogError, PenaltyRulesError, assess, assessment_json, load_catalog
from penalty_rules.catalog import loader, snapshot
from penalty_rules.catalog.catalog import Catalog
from penalty_rules.models.timeline import Timeline
from tests.case_runner import CaseSpec, case_files, load_file

ROOT = Path(__file__).resolve().parent.parent
STALE = (f"the committed catalog snapshot is stale (it does not match the bundled catalog "
         f"files); run `{snapshot.BUILD_COMMAND}` and commit "
         f"src/penalty_rules/catalog/data/{snapshot.SNAPSHOT_NAME}")


@pytest.fixture(scope="module")
def from_files() -> Catalog:
    return loader.bundled_catalog_from_files()


@pytest.fixture(scope="module")
def from_snapshot() -> Catalog:
    compiled = snapshot.load()
    assert compiled is not None, STALE
    return compiled


def same(a: Any, b: Any, where: str = "catalog") -> None:
    """``a`` and ``b`` alike in type, value and order, all the way down (models: fields,
    the fields given, no extra or private values)."""
    assert type(a) is type(b), f"{where}: {type(a).__name__} != {type(b).__name__}"
    if isinstance(a, BaseModel):
        assert list(a.__dict__) == list(b.__dict__), f"{where}: field order"
        assert type(a.__pydantic_fields_set__) is type(b.__pydantic_fields_set__), where
        assert a.model_fields_set == b.model_fields_set, f"{where}: fields set"
        assert a.__pydantic_extra__ == b.__pydantic_extra__, f"{where}: extra"
        assert a.__pydantic_private__ == b.__pydantic_private__, f"{where}: private"
        for name in a.__dict__:
            same(a.__dict__[name], b.__dict__[name], f"{where}.{name}")
        assert a == b, where
    elif isinstance(a, Timeline):
        same(a.entries, b.entries, f"{where}.entries")
    elif isinstance(a, Mapping):
        assert list(a) == list(b), f"{where}: keys or their order"
        for key in a:
            same(key, next(k for k in b if k == key), f"{where}[{key!r}] (key)")
            same(a[key], b[key], f"{where}[{key!r}]")
    elif isinstance(a, tuple | list):
        assert len(a) == len(b), f"{where}: length"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            same(x, y, f"{where}[{i}]")
    elif dataclasses.is_dataclass(a):
        for f in dataclasses.fields(a):
            same(getattr(a, f.name), getattr(b, f.name), f"{where}.{f.name}")
    else:
        assert a == b, f"{where}: {a!r} != {b!r}"


def test_the_committed_snapshot_is_current() -> None:
    text = snapshot.snapshot_text()
    assert text is not None, STALE
    assert snapshot.is_current(text), STALE


def test_the_snapshot_is_what_the_loader_writes_now(from_files: Catalog) -> None:
    """Catches a change of the loader or the models that the files' hash cannot see."""
    assert snapshot.snapshot_text() == snapshot.dumps(from_files), STALE


def test_the_bundled_catalog_comes_from_the_snapshot() -> None:
    compiled = loader.bundled_catalog.__wrapped__()
    assert "_lineages" not in compiled.__dict__  # TOML loading indexes while checking


def test_every_field_alike(from_files: Catalog, from_snapshot: Catalog) -> None:
    same(from_snapshot, from_files)
    assert from_snapshot == from_files


@pytest.mark.parametrize("part", [f.name for f in dataclasses.fields(Catalog)])
def test_every_part_alike(from_files: Catalog, from_snapshot: Catalog, part: str) -> None:
    """Entries, provisions, sectors, circumstances, schemes, competence, treatments,
    principles, measure types, sources and overrides, one by one."""
    same(getattr(from_snapshot, part), getattr(from_files, part), part)


def test_the_look_ups_alike(from_files: Catalog, from_snapshot: Catalog) -> None:
    """Indices built from either catalog: timelines as applied, repeals, successors,
    predecessors, lineages, competence and schemes on each start date, documents."""
    same(from_snapshot.documents, from_files.documents, "documents")
    same(from_snapshot.competence, from_files.competence, "competence")
    for key, p in from_files.provisions.items():
        q = from_snapshot.provisions[key]
        same(from_snapshot.timeline(q), from_files.timeline(p), f"timeline{key}")
        same(from_snapshot.repeal_of(q), from_files.repeal_of(p), f"repeal_of{key}")
        same(from_snapshot.successor_of(q), from_files.successor_of(p), f"successor_of{key}")
        same(from_snapshot.predecessors_of(q), from_files.predecessors_of(p), f"predecessors{key}")
        same(from_snapshot.lineage(q), from_files.lineage(p), f"lineage{key}")
        same(from_snapshot.user_files_of(q), from_files.user_files_of(p), f"user_files{key}")
    days = sorted({e.valid_from for t in from_files.competence_timelines.values() for e in t.entries}
                  | {e.document.effective_from for e in from_files.entries.values()}
                  | {date(2026, 8, 10)})
    for day in days:
        same(from_snapshot.competence_on(day), from_files.competence_on(day), f"competence {day}")
        same(from_snapshot.general_scheme_on(day), from_files.general_scheme_on(day), f"scheme {day}")
        for code in from_files.principles:
            same(from_snapshot.principle(code, day), from_files.principle(code, day), code)


def test_a_timeline_with_nothing_to_clip_is_the_provisions_own(from_snapshot: Catalog) -> None:
    """The index keeps a provision's own timeline when its document starts no later and
    nothing ends it: exactly what clipping would give."""
    kept = 0
    for p in from_snapshot.provisions.values():
        document = from_snapshot.document(p.document)
        if from_snapshot.timeline(p) is p.versions:
            kept += 1
            assert from_snapshot.repeal_of(p) is None and document.effective_to is None
            same(p.versions.clipped(document.effective_from, None), p.versions, str(p.citation))
    assert kept > 0


def _inputs() -> list[Any]:
    params: list[Any] = []
    for path in case_files():
        for entry in load_file(path):
            if isinstance(entry, CaseSpec):
                params.append(pytest.param(entry.input, id=f"{path.name}::{entry.name}"))
    for path in sorted((ROOT / "examples" / "cases").glob("*.json")):
        params.append(pytest.param(json.loads(path.read_text(encoding="utf-8")), id=path.name))
    return params


def _answer(case: Mapping[str, Any], catalog: Catalog) -> str:
    try:
        return assessment_json(assess(case, catalog))
    except PenaltyRulesError as exc:
        return f"{type(exc).__name__}: {exc}"


@pytest.mark.parametrize("case", _inputs())
def test_the_engine_answers_alike(case: Mapping[str, Any], from_files: Catalog,
                                  from_snapshot: Catalog) -> None:
    assert _answer(case, from_snapshot) == _answer(case, from_files)


# -- never a stale answer ----------------------------------------------------------------------


def test_a_changed_file_makes_the_snapshot_unused() -> None:
    files = snapshot.source_files()
    name, data = files[0]
    assert snapshot.load(files=files) is not None
    assert snapshot.load(files=[(name, data + b"\n"), *files[1:]]) is None
    assert snapshot.load(files=files[1:]) is None  # a file removed
    assert snapshot.load(files=[*files, ("penalty_rules.catalog.data/new.toml", b"")]) is None


def test_the_loader_falls_back_to_the_files(monkeypatch: pytest.MonkeyPatch,
                                            from_files: Catalog) -> None:
    real = snapshot.source_files()
    edited = [(n, d + b"# edited\n" if n.endswith("law-15-2012.toml") else d) for n, d in real]
    monkeypatch.setattr(snapshot, "source_files", lambda: edited)
    assert snapshot.load() is None
    read: list[bool] = []
    monkeypatch.setattr(loader, "bundled_catalog_from_files",
                        lambda: read.append(True) or from_files)
    assert loader.bundled_catalog.__wrapped__() is from_files
    assert read == [True]


@pytest.mark.parametrize("change", ["version", "format", "sha256"])
def test_another_version_or_format_is_not_used(change: str) -> None:
    text = snapshot.snapshot_text()
    assert text is not None
    head, rest = text.split("\n", 1)
    header = json.loads(head)
    header[change] = "other"
    assert snapshot.load(json.dumps(header) + "\n" + rest) is None


def test_a_model_that_changed_makes_the_snapshot_unused() -> None:
    text = snapshot.snapshot_text()
    assert text is not None
    head, tables, body = text.split("\n", 2)
    data = json.loads(tables)
    row = next(r for r in data["classes"] if r[1] == "Provision")
    row[2] = [*row[2], "new_field"]
    assert snapshot.load("\n".join([head, json.dumps(data), body])) is None


@pytest.mark.parametrize("damage", ["", "{}", "not json", "{}\n[]\n{}"])
def test_a_damaged_snapshot_is_not_used(damage: str) -> None:
    assert snapshot.load(damage) is None


def test_a_truncated_snapshot_is_not_used() -> None:
    text = snapshot.snapshot_text()
    assert text is not None
    assert snapshot.load(text[: len(text) // 2]) is None


# -- user catalogs ---------------------------------------------------------------------------


def test_user_files_are_still_validated(tmp_path: Path) -> None:
    """A user's file on top of the bundled catalog (from the snapshot) is read and checked
    in full; the error names the file, the field and the reason."""
    bad = tmp_path / "mine.toml"
    bad.write_text(
        'format = 1\n[document]\nnumber = "1/2099/NĐ-CP"\n'
        'title = { vi = "Ví dụ", en = "Example" }\nissuer = { vi = "Chính phủ", en = "Government" }\n'
        'effective_from = 2099-03-01\nprovenance = { source = "mine", status = "MEMORY" }\n\n'
        '[article.5]\ntitle = { vi = "x", en = "x" }\n'
        '[article.5.clause.1]\nsector = "nowhere"\nlabel = { vi = "x", en = "x" }\n'
        'fine = { kind = "frame", min = 1_000, max = 2_000 }\n'
        'provenance = { source = "mine", status = "MEMORY" }\n', encoding="utf-8")
    with pytest.raises(CatalogError) as err:
        load_catalog(bad)
    assert str(err.value).startswith(f"{bad}: article.5.clause.1.sector: unknown sector 'nowhere'")
    typo = tmp_path / "typo.toml"
    typo.write_text(bad.read_text(encoding="utf-8").replace("sector =", "sectr ="), encoding="utf-8")
    with pytest.raises(CatalogError, match=r"typo\.toml: article\.5\.clause\.1\.sectr: unknown field"):
        load_catalog(typo)


# -- packaging ---------------------------------------------------------------------------------


def test_the_snapshot_is_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["penalty_rules"]
    assert any(fnmatch.fnmatch(f"catalog/data/{snapshot.SNAPSHOT_NAME}", p) for p in patterns)
