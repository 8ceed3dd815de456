"""``penalty-rules search`` and ``penalty-rules catalog --sector``."""

from __future__ import annotations

import json

import pytest

from penalty_rules.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_search_finds_sim_sale_among_first_three(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "search", "sim kich hoat san", "--as-of", "2026-12-01",
                         "--limit", "3", "--format", "json")
    assert code == 0 and err == ""
    data = json.loads(out)["data"]
    assert data["as_of"] == "2026-12-01" and data["query"] == "sim kich hoat san"
    texts = [hit["text"] for hit in data["hits"]]
    assert len(texts) == 3
    assert "điểm b khoản 7 Điều 34 Nghị định 174/2026/NĐ-CP" in texts
    hit = data["hits"][texts.index("điểm b khoản 7 Điều 34 Nghị định 174/2026/NĐ-CP")]
    assert (hit["fine_min"], hit["fine_max"]) == (30_000_000, 40_000_000)


def test_search_text_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "sim kich hoat san", "--as-of", "2026-12-01", "--limit", "2")
    assert code == 0
    assert out.startswith("1. điểm b khoản 4 Điều 26 Nghị định 174/2026/NĐ-CP")
    assert "40.000.000" in out
    code, out, _ = run(capsys, "search", "pre-activated SIM", "--as-of", "2026-12-01", "--lang", "en",
                       "--limit", "2")
    assert code == 0 and "Decree" in out and "VND" in out


def test_search_filters_and_errors(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "buu gui hang cam", "--document", "15/2020", "--as-of", "2026-12-01",
                       "--format", "json")
    assert code == 0
    hits = json.loads(out)["data"]["hits"]
    assert hits and {h["document"] for h in hits} == {"15/2020/NĐ-CP"}
    code, _, err = run(capsys, "search", "sim", "--sector", "nowhere")
    assert code == 2 and "unknown sector 'nowhere'" in err and "telecom" in err
    code, _, err = run(capsys, "search", "   ")
    assert code == 2 and "query is empty" in err
    code, _, err = run(capsys, "search", "sim", "--limit", "0")
    assert code == 2 and "limit" in err


def test_catalog_by_sector(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "catalog", "--sector", "postal", "--format", "json")
    assert code == 0
    rows = json.loads(out)["data"]["provisions"]
    assert rows and all(r["sector"] == "postal" for r in rows)
    code, out, _ = run(capsys, "catalog", "--sector", "postal", "--document", "174/2026/NĐ-CP",
                       "--format", "json")
    assert code == 0
    assert {r["document"] for r in json.loads(out)["data"]["provisions"]} == {"174/2026/NĐ-CP"}
    code, _, err = run(capsys, "catalog", "--sector", "xyz")
    assert code == 2
    assert "unknown sector 'xyz'" in err and "postal" in err and "telecom" in err
