"""The REST service: endpoints, problem details, size limit, OpenAPI, a live server, the docs page.

Skipped as a whole when the optional extra ``service`` (FastAPI, uvicorn) is not installed.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import threading
import time
import urllib.parse
import urllib.request
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from penalty_rules import assess
from penalty_rules.cli import main
from tests.conftest import ROOT

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

with warnings.catch_warnings():  # starlette warns about its httpx-based client on import
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from penalty_rules.service import MAX_BODY_BYTES, create_app

# Starlette (1.x) announces that its test client will move from httpx to httpx2.
pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with")

CASES = ROOT / "examples" / "cases"
SIM = "điểm b khoản 7 Điều 34 Nghị định 174/2026/NĐ-CP"
PROBLEM = "application/problem+json"


def _case(name: str = "sim-shop-2026.json") -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CASES / name).read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app()) as c:
        yield c


def _problem(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body: dict[str, Any] = response.json()
    assert {"type", "title", "status", "detail", "instance", "code"} <= set(body)
    assert body["status"] == status and body["code"] == code
    return body


def test_assess_gives_the_same_total_as_the_cli(client: TestClient,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("sim-shop-2026.json", "postal-banned-goods-2025.json", "social-network-2026.json"):
        response = client.post("/assess", json=_case(name))
        assert response.status_code == 200, response.text
        assert main(["assess", str(CASES / name), "--format", "json"]) == 0
        cli = json.loads(capsys.readouterr().out)
        assert response.json()["total_fine"] == cli["data"]["total_fine"] == assess(_case(name)).total_fine


def test_assess_errors_are_problem_details(client: TestClient) -> None:
    body = _problem(client.post("/assess", json={"offender": {"kind": "robot"}}), 422, "CaseError")
    assert body["field"] == "offender.kind" and body["instance"] == "/assess"
    case = _case()
    case["violations"][0]["provision"] = "Điều 999 Nghị định 174/2026/NĐ-CP"
    body = _problem(client.post("/assess", json=case), 404, "ProvisionNotFound")
    assert "Điều 999" in body["detail"]
    case = _case()
    case["offender"]["tax_code"] = "0100109107"
    body = _problem(client.post("/assess", json=case), 422, "CaseError")
    assert body["field"] == "offender.tax_code" and "check digit" in body["detail"]
    _problem(client.post("/assess", content=b"{not json", headers={"content-type": "application/json"}),
             400, "CaseError")
    _problem(client.get("/nowhere"), 404, "NotFound")


def test_request_size_limit(client: TestClient) -> None:
    big = b" " * (MAX_BODY_BYTES + 1)
    body = _problem(client.post("/assess", content=big, headers={"content-type": "application/json"}),
                    413, "RequestTooLarge")
    assert str(MAX_BODY_BYTES) in body["detail"]
    small = TestClient(create_app(max_body=100))
    chunks = iter([b"{", b" " * 200, b"}"])  # no content-length: counted while read
    _problem(small.post("/assess", content=chunks, headers={"content-type": "application/json"}),
             413, "RequestTooLarge")


def test_batch_answers_each_case(client: TestClient) -> None:
    bad = {"offender": {"kind": "individual"}, "violations": []}
    response = client.post("/assess/batch", json={"cases": [_case(), bad, _case("social-network-2026.json")]})
    assert response.status_code == 200
    items = response.json()
    assert [i["index"] for i in items] == [0, 1, 2]
    assert items[0]["assessment"]["total_fine"] == 42_500_000 and items[0]["problem"] is None
    assert items[1]["assessment"] is None and items[1]["problem"]["code"] == "CaseError"
    assert items[1]["problem"]["instance"] == "/assess/batch#/cases/1"
    assert items[2]["assessment"] is not None
    _problem(client.post("/assess/batch", json={"cases": []}), 422, "CaseError")


def test_decision(client: TestClient) -> None:
    response = client.post("/decision", json={"case": _case(), "official": "nd174_commune_chair"})
    assert response.status_code == 200, response.text
    draft = response.json()
    assert draft["total_words"] == "Bốn mươi hai triệu năm trăm nghìn đồng"
    assert draft["signer"]["chosen"]["code"] == "nd174_commune_chair"
    assert draft["form"]["code"] == "MQĐ02"
    body = _problem(client.post("/decision", json={"case": _case(), "official": "nope"}), 422, "CaseError")
    assert body["field"] == "official" and "nd174_commune_chair" in body["detail"]


def test_cite_search_provisions_audit(client: TestClient) -> None:
    response = client.get("/cite", params={"text": "34.7.b 174/2026/NĐ-CP", "as_of": "2026-12-01"})
    assert response.status_code == 200, response.text
    cited = response.json()
    assert cited["written"] == SIM and cited["provisions"][0]["in_force"] is True
    _problem(client.get("/cite", params={"text": "khoản 2 điểm z Điều 34"}), 400, "CitationSyntaxError")
    hits = client.get("/search", params={"q": "sim kich hoat san", "as_of": "2026-12-01", "limit": 3}).json()
    assert SIM in [h["text"] for h in hits]
    _problem(client.get("/search", params={"q": "sim", "sector": "nowhere"}), 400, "SearchError")
    _problem(client.get("/search", params={"q": "sim", "as_of": "someday"}), 400, "InvalidParameter")
    quoted = urllib.parse.quote(SIM, safe="")
    entries = client.get(f"/provisions/{quoted}", params={"as_of": "2026-12-01"}).json()
    assert entries[0]["citation"] == "khoản 7 Điều 34 Nghị định 174/2026/NĐ-CP"
    assert entries[0]["version_in_force"]["fine"]["min"] == 30_000_000
    old = client.get(f"/provisions/{urllib.parse.quote('khoản 1 Điều 9 Nghị định 15/2020/NĐ-CP')}",
                     params={"as_of": "2020-06-01"}).json()
    assert old[0]["in_force"] is True
    _problem(client.get("/provisions/" + urllib.parse.quote("Điều 9 Nghị định 999/2020/NĐ-CP")), 404,
             "ProvisionNotFound")
    report = client.get("/audit", params={"as_of": "2026-12-01", "min_severity": "high"})
    assert report.status_code == 200
    assert report.json()["findings"] and all(f["severity"] == 3 for f in report.json()["findings"])
    body = _problem(client.get("/audit", params={"min_severity": "urgent"}), 422, "CaseError")
    assert "urgent" in body["detail"]


def test_openapi_from_the_models(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    assert {"/assess", "/assess/batch", "/decision", "/cite", "/search",
            "/provisions/{citation}", "/audit"} <= set(paths)
    schemas = spec["components"]["schemas"]
    assert {"Case", "Assessment", "DecisionDraft", "SearchHit", "Problem", "AuditReport"} <= set(schemas)
    ok = paths["/assess"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok["$ref"].endswith("/Assessment")
    assert PROBLEM in paths["/assess"]["post"]["responses"]["422"]["content"]
    page = client.get("/docs")
    assert page.status_code == 200 and "<title>penalty_rules" in page.text and "/assess/batch" in page.text


def _free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@pytest.fixture(scope="module")
def live() -> Iterator[str]:
    uvicorn = pytest.importorskip("uvicorn")
    sock = _free_socket()
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            server.should_exit = True
            pytest.fail("the live server did not start within 20 s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
        assert not thread.is_alive(), "the live server did not stop within 10 s"


def test_live_server_answers_like_the_cli(live: str) -> None:
    request = urllib.request.Request(f"{live}/assess", data=json.dumps(_case()).encode("utf-8"),
                                     headers={"content-type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200
        assert json.loads(response.read())["total_fine"] == assess(_case()).total_fine
    with urllib.request.urlopen(f"{live}/openapi.json", timeout=30) as response:
        assert "/decision" in json.loads(response.read())["paths"]


CHROMIUM = "/usr/bin/chromium"


@pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="Debian's chromium is not installed")
def test_docs_page_in_headless_chromium(live: str, tmp_path: Path) -> None:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run",
             f"--user-data-dir={tmp_path / 'profile'}"]
    shot = tmp_path / "docs.png"
    subprocess.run([CHROMIUM, *flags, f"--screenshot={shot}", "--window-size=1200,900",
                    f"{live}/docs"], check=True, timeout=90, capture_output=True)
    assert shot.exists() and shot.stat().st_size > 1000
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", f"{live}/docs"], check=True, timeout=90,
                         capture_output=True, text=True).stdout
    assert "<title>penalty_rules" in dom and "/assess/batch" in dom and "DecisionDraft" in dom


def test_serve_without_the_extra_says_what_to_install(monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    import importlib
    real = importlib.import_module

    def without(name: str, package: str | None = None) -> Any:
        if name.split(".")[0] in {"uvicorn", "fastapi"}:
            raise ImportError(name)
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", without)
    assert main(["serve", "--port", "1"]) == 2
    assert "penalty_rules[service]" in capsys.readouterr().err
