"""One JSON contract: every ``--format json`` output is an envelope that validates
against the schema ``penalty-rules schema NAME`` publishes."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest

from penalty_rules import assess, assessment_json, bundled_catalog
from penalty_rules.cli import default_language, main
from penalty_rules.clock import vietnam_today
from penalty_rules.report.schemas import SCHEMA_VERSION, SCHEMAS, generator, schema
from tests.conftest import ROOT

CASES = ROOT / "examples" / "cases"
LOG = str(ROOT / "examples" / "logs" / "inspectorate-2025-2026.csv")
REFORM = str(ROOT / "examples" / "reforms" / "raise-2026.toml")
USER_FILE = str(ROOT / "examples" / "catalog" / "example-decree.toml")

COMMANDS = {
    "assess": ("assessment", ["assess", str(CASES / "sim-shop-2026.json")]),
    "assess-user-catalog": ("assessment", ["assess", str(CASES / "social-network-2026.json"),
                                           "--catalog", USER_FILE]),
    "cite": ("citation", ["cite", "điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP"]),
    "catalog": ("catalog-listing", ["catalog"]),
    "catalog-document": ("catalog-listing", ["catalog", "--document", "98/2020/NĐ-CP"]),
    "coverage": ("catalog-listing", ["catalog", "--coverage"]),
    "circumstances": ("circumstances", ["circumstances"]),
    "targets": ("targets", ["targets", LOG, "--year", "2026"]),
    "reform": ("reform", ["reform", LOG, "--change", REFORM]),
    "diff": ("diff", ["diff", "15/2020/NĐ-CP", "174/2026/NĐ-CP"]),
    "search": ("search", ["search", "sim kich hoat san", "--as-of", "2026-12-01"]),
    "decision": ("decision", ["decision", str(CASES / "sim-shop-2026.json")]),
    "ingest": ("ingest", ["ingest", str(ROOT / "tests/fixtures/ingest/hard-shapes.md"), "--document", "999/2030/NĐ-CP"]),
}


def _run(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().out


def test_every_command_with_json_output_is_covered() -> None:
    from penalty_rules.cli import _parser

    parser = _parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    with_json = {name for name, p in sub.choices.items()  # type: ignore[attr-defined]
                 if any(a.dest == "format" and "json" in (a.choices or ()) for a in p._actions)}
    covered = {args[0] for _, args in COMMANDS.values()}
    assert with_json - covered == {"audit"}  # the audit report has its own test and owner


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_json_output_is_an_envelope_valid_against_its_schema(
        name: str, capsys: pytest.CaptureFixture[str]) -> None:
    kind, args = COMMANDS[name]
    code, out = _run(capsys, [*args, "--format", "json"])
    assert code == 0
    data = json.loads(out)
    assert data["schema_version"] == SCHEMA_VERSION and data["kind"] == kind
    assert data["generator"]["version"] and data["generator"]["data_fingerprint"].startswith("sha256:")
    code, printed = _run(capsys, ["schema", kind])
    assert code == 0
    jsonschema.validate(data, json.loads(printed))


def test_the_published_assessment_schema_rejects_a_wrong_output() -> None:
    out = assessment_json(assess(json.loads((CASES / "sim-shop-2026.json").read_text("utf-8"))))
    jsonschema.validate(out, schema("assessment"))
    out["data"]["total_fine"] = "42,500,000"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(out, schema("assessment"))
    out["data"]["total_fine"] = 1
    out["schema_version"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(out, schema("assessment"))


def test_assessment_json_is_the_models_own_serialisation() -> None:
    a = assess(json.loads((CASES / "social-network-2026.json").read_text("utf-8")))
    out = assessment_json(a)
    assert out["data"] == json.loads(a.model_dump_json())
    texts = out["text"]
    assert texts["violations"][0][0]["vi"].startswith("Hành vi")
    assert all(code in texts["flags"] for s in a.trace for code in s.flags)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_schema_is_valid_json_schema(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(schema(name))


def test_case_schema_accepts_the_example_cases() -> None:
    for path in CASES.glob("*.json"):
        jsonschema.validate(json.loads(path.read_text("utf-8")), schema("case"))


def test_data_fingerprint_covers_user_files(tmp_path: Path) -> None:
    plain = generator(bundled_catalog())
    assert plain.catalog_files == () and plain.data_fingerprint == generator().data_fingerprint
    user = tmp_path / "mine.toml"
    user.write_text("a", encoding="utf-8")
    one = generator(None, [user])
    user.write_text("b", encoding="utf-8")
    two = generator(None, [user])
    assert one.catalog_files[0].name == str(user)
    assert len({plain.data_fingerprint, one.data_fingerprint, two.data_fingerprint}) == 3


def test_default_decision_day_is_today_in_viet_nam() -> None:
    assert vietnam_today(datetime(2026, 12, 1, 16, 59, tzinfo=UTC)).isoformat() == "2026-12-01"
    assert vietnam_today(datetime(2026, 12, 1, 17, 0, tzinfo=UTC)).isoformat() == "2026-12-02"


def test_language_default_comes_from_the_environment() -> None:
    assert default_language({"PENALTY_RULES_LANG": "en", "LANG": "vi_VN.UTF-8"}) == "en"
    assert default_language({"LANG": "en_US.UTF-8"}) == "en"
    assert default_language({"LANG": "vi_VN.UTF-8"}) == "vi"
    assert default_language({"LANG": "fr_FR.UTF-8"}) == "vi"
    assert default_language({}) == "vi"


def test_audit_json_is_the_envelope(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(capsys, ["audit", "--as-of", "2026-11-27", "--format", "json"])
    assert code == 0
    jsonschema.validate(json.loads(out), schema("audit"))
