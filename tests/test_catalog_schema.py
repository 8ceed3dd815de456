"""Every bundled catalog file satisfies the published JSON Schema of a catalog file."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from typing import Any

import pytest

from penalty_rules.catalog.loader import bundled_files
from penalty_rules.catalog.schema import catalog_json_schema

jsonschema = pytest.importorskip("jsonschema")

SCHEMA = catalog_json_schema()
FILES = bundled_files()


def as_json(value: Any) -> Any:
    """TOML as JSON would carry it: dates become ISO strings."""
    return json.loads(json.dumps(value, default=lambda v: v.isoformat()
                                 if isinstance(v, dt.date) else str(v)))


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize(("name", "text"), FILES, ids=[name.rsplit("/", 1)[-1] for name, _ in FILES])
def test_bundled_file_satisfies_the_schema(name: str, text: str) -> None:
    validator = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(as_json(tomllib.loads(text))), key=str)
    assert not errors, f"{name}: {errors[0].json_path}: {errors[0].message}"


def test_the_schema_refuses_what_the_loader_refuses() -> None:
    validator = jsonschema.Draft202012Validator(SCHEMA)
    bad = as_json(tomllib.loads(FILES[0][1]))
    bad["document"]["colour"] = "red"  # unknown field
    assert list(validator.iter_errors(bad))
    missing = as_json(tomllib.loads(FILES[0][1]))
    del missing["format"]
    assert list(validator.iter_errors(missing))


def test_the_cli_prints_the_catalog_schema(capsys: pytest.CaptureFixture[str]) -> None:
    from penalty_rules.cli import main

    assert main(["schema", "catalog"]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(json.dumps(SCHEMA))
