"""The FastAPI application: :func:`create_app` and :func:`serve`.

Endpoints (all JSON; the OpenAPI description is at ``/openapi.json``, a page that
works offline at ``/docs``, Swagger UI — loaded from a CDN — at ``/swagger``):

* ``POST /assess`` — a case → its assessment (the same as ``penalty-rules assess``);
* ``POST /assess/batch`` — ``{"cases": [...]}`` → one item per case, each with its
  assessment or its problem;
* ``POST /decision`` — ``{"case": ..., "official": CODE}`` → a draft decision;
* ``GET /cite?text=`` — read a citation and list the provisions it matches;
* ``GET /search?q=&document=&sector=&as_of=&limit=`` — provision search;
* ``GET /provisions/{citation}`` — the provisions a (URL-encoded) citation names,
  with the wording in force on ``as_of``;
* ``GET /audit?as_of=&document=&min_severity=`` — the audit report.

Errors are RFC 9457 problem details (``application/problem+json``): ``type``,
``title``, ``status``, ``detail``, ``instance``, plus ``code`` — the name of the
library's error class, the same errors the CLI reports with exit status 2 — and
``field`` when one field is at fault. Request bodies above ``max_body`` bytes
(default 1 MB) are refused with 413 before they are read into the application.

FastAPI and uvicorn are imported when needed (``importlib``), so the library and
its type checking work without the ``service`` extra.
"""

from __future__ import annotations

import html
import http
import importlib
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import date
from types import ModuleType
from typing import Any

from .. import __version__
from ..audit.auditor import audit
from ..audit.findings import AuditReport
from ..catalog.catalog import Catalog
from ..catalog.laws import LawNotFound
from ..catalog.loader import bundled_catalog
from ..catalog.search import SearchError, SearchHit, search
from ..citations.parse import parse_citation
from ..clock import vietnam_today
from ..engine.assess import assess
from ..errors import (
    CaseError,
    CitationError,
    DocumentNotFound,
    NoApplicableVersion,
    PenaltyRulesError,
    ProvisionNotFound,
    field_path,
)
from ..models.assessment import Assessment
from ..models.case import Case
from ..models.decision import DecisionDraft
from ..models.provision import Provision
from ..report.decision import draft_decision
from .models import BatchItem, BatchRequest, CiteResult, DecisionRequest, Problem, ProvisionEntry

__all__ = ["MAX_BODY_BYTES", "MissingExtra", "create_app", "serve"]

#: Default limit of a request body, in bytes.
MAX_BODY_BYTES = 1_000_000
PROBLEM_JSON = "application/problem+json"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_STATUS: tuple[tuple[type[PenaltyRulesError], int], ...] = (
    (ProvisionNotFound, 404),
    (DocumentNotFound, 404),
    (LawNotFound, 404),
    (NoApplicableVersion, 422),
    (CaseError, 422),
    (CitationError, 400),
    (SearchError, 400),
)


class MissingExtra(PenaltyRulesError, ImportError):
    """The service needs the optional extra ``service`` (FastAPI, uvicorn), not installed."""

    def __init__(self, package: str) -> None:
        self.package = package
        super().__init__(f"the REST service needs {package}, from the optional extra 'service': "
                         "pip install 'penalty_rules[service]'")


def _import(name: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ImportError:
        raise MissingExtra(name.split(".")[0]) from None


def _title(kind: type[BaseException]) -> str:
    doc = (kind.__doc__ or kind.__name__).strip().splitlines()[0]
    return doc.rstrip(".")


def problem_of(exc: PenaltyRulesError, instance: str | None) -> Problem:
    """The problem details of a library error (status by error class, default 400)."""
    status = next((code for kind, code in _STATUS if isinstance(exc, kind)), 400)
    field = getattr(exc, "field", None)
    return Problem(type=f"/problems/{type(exc).__name__}", title=_title(type(exc)), status=status,
                   detail=str(exc), instance=instance, code=type(exc).__name__,
                   field=field if isinstance(field, str) and field else None)


def _validation_problem(errors: list[dict[str, Any]], instance: str) -> Problem:
    first = errors[0] if errors else {"loc": (), "msg": "invalid request", "type": "value_error"}
    loc = tuple(first.get("loc", ()))
    where = loc[0] if loc else "body"
    path = field_path([p for p in loc[1:] if isinstance(p, int | str)])
    kind = first.get("type", "")
    reason = str(first.get("msg", "invalid value")).removeprefix("Value error, ")
    if kind == "json_invalid":
        return Problem(type="/problems/CaseError", title=_title(CaseError), status=400,
                       detail="the request body is not valid JSON", instance=instance,
                       code="CaseError", field=None)
    if kind == "extra_forbidden":
        reason = "unknown field"
    elif kind == "missing":
        reason = "required field is missing"
    if where == "body":
        detail = f"{path}: {reason}" if path else reason
        return Problem(type="/problems/CaseError", title=_title(CaseError), status=422,
                       detail=detail, instance=instance, code="CaseError", field=path or None)
    name = f"{where}.{path}" if path else str(where)
    return Problem(type="/problems/InvalidParameter", title="A request parameter is invalid",
                   status=400, detail=f"{name}: {reason}", instance=instance,
                   code="InvalidParameter", field=name)


class _BodyLimit:
    """ASGI middleware: refuse request bodies above ``limit`` bytes with a 413 problem."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def _refuse(self, scope: Scope, send: Send) -> None:
        body = Problem(type="/problems/RequestTooLarge", title="The request body is too large",
                       status=413, detail=f"request bodies are limited to {self.limit} bytes",
                       instance=str(scope.get("path", "")), code="RequestTooLarge", field=None)
        payload = body.model_dump_json(exclude_none=True).encode("utf-8")
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", PROBLEM_JSON.encode()),
                                (b"content-length", str(len(payload)).encode())]})
        await send({"type": "http.response.body", "body": payload})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope.get("type") != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", ()):
            if name.lower() == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0
                if declared > self.limit:
                    await self._refuse(scope, send)
                    return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._refuse(scope, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _docs_page(spec: dict[str, Any]) -> str:
    """An HTML page listing the endpoints, rendered on the server: it needs no CDN."""
    info = spec.get("info", {})
    rows = []
    for path, operations in spec.get("paths", {}).items():
        for method, operation in operations.items():
            rows.append(f"<tr><td><code>{html.escape(method.upper())}</code></td>"
                        f"<td><code>{html.escape(path)}</code></td>"
                        f"<td>{html.escape(operation.get('summary', ''))}</td></tr>")
    schemas = ", ".join(html.escape(n) for n in sorted(spec.get("components", {}).get("schemas", {})))
    title = html.escape(f"{info.get('title', 'API')} {info.get('version', '')}".strip())
    return (
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{title} — API</title>"
        "<style>body{font-family:sans-serif;margin:2em}td{padding:.2em .8em}"
        "table{border-collapse:collapse}tr:nth-child(even){background:#eee}</style></head><body>"
        f"<h1>{title}</h1><p>{html.escape(info.get('description', ''))}</p>"
        "<p>Machine-readable description: <a href=\"/openapi.json\">/openapi.json</a> "
        "(OpenAPI). Interactive Swagger UI, which loads its scripts from a CDN: "
        "<a href=\"/swagger\">/swagger</a>.</p>"
        "<h2>Endpoints</h2><table id=\"endpoints\"><tr><th>Method</th><th>Path</th><th>Summary</th></tr>"
        + "".join(rows)
        + f"</table><h2>Schemas</h2><p id=\"schemas\">{schemas}</p></body></html>"
    )


def create_app(catalog: Catalog | None = None, *, max_body: int = MAX_BODY_BYTES) -> Any:
    """The FastAPI application over ``catalog`` (default: the bundled catalog).

    Raises :class:`MissingExtra` when FastAPI is not installed.
    """
    fastapi = _import("fastapi")
    responses = _import("fastapi.responses")
    exceptions = _import("fastapi.exceptions")
    openapi_docs = _import("fastapi.openapi.docs")
    starlette_exceptions = _import("starlette.exceptions")
    cat = catalog if catalog is not None else bundled_catalog()
    app = fastapi.FastAPI(
        title="penalty_rules", version=__version__, docs_url=None, redoc_url=None,
        description="Vietnamese administrative penalty rules: assess cases, draft sanction "
                    "decisions, read citations, search provisions, audit the catalog. "
                    "Answers explain themselves; a draft decision never decides.")

    def problem_response(problem: Problem) -> Any:
        return responses.JSONResponse(problem.model_dump(mode="json", exclude_none=True),
                                      status_code=problem.status, media_type=PROBLEM_JSON)

    def on_library_error(request: Any, exc: PenaltyRulesError) -> Any:
        return problem_response(problem_of(exc, request.url.path))

    def on_validation_error(request: Any, exc: Any) -> Any:
        return problem_response(_validation_problem(list(exc.errors()), request.url.path))

    def on_http_error(request: Any, exc: Any) -> Any:
        status = int(exc.status_code)
        phrase = http.HTTPStatus(status).phrase
        code = phrase.title().replace(" ", "").replace("-", "")
        return problem_response(Problem(type=f"/problems/{code}", title=phrase, status=status,
                                        detail=str(exc.detail), instance=request.url.path,
                                        code=code, field=None))

    app.add_exception_handler(PenaltyRulesError, on_library_error)
    app.add_exception_handler(exceptions.RequestValidationError, on_validation_error)
    app.add_exception_handler(starlette_exceptions.HTTPException, on_http_error)
    app.add_middleware(_BodyLimit, limit=max_body)
    errors: dict[int | str, dict[str, Any]] = {
        status: {"model": Problem, "content": {PROBLEM_JSON: {}}, "description": phrase}
        for status, phrase in ((400, "Bad request"), (404, "Not found"),
                               (413, "Request body too large"), (422, "Invalid case"))}

    def assess_case(case: Case, today: date | None = None) -> Assessment:
        """Assess one case, as ``penalty-rules assess`` does."""
        return assess(case, cat, today=today)

    def assess_batch(request: BatchRequest) -> list[BatchItem]:
        """Assess each case on its own: a refused case does not stop the others."""
        items = []
        for i, data in enumerate(request.cases):
            try:
                items.append(BatchItem(index=i, assessment=assess(data, cat, today=request.today)))
            except PenaltyRulesError as exc:
                items.append(BatchItem(index=i, problem=problem_of(exc, f"/assess/batch#/cases/{i}")))
        return items

    def decision(request: DecisionRequest) -> DecisionDraft:
        """A draft sanction decision; it drafts, it never decides."""
        result = assess(request.case, cat, today=request.today)
        return draft_decision(result, official=request.official, catalog=cat)

    def entries(found: list[Provision], day: date) -> list[ProvisionEntry]:
        return [ProvisionEntry(citation=p.citation.format(), in_force=cat.in_force(p, day),
                               version_in_force=cat.version_in_force(p, day), provision=p)
                for p in found]

    def cite(text: str, as_of: date | None = None) -> CiteResult:
        """Read a citation in any accepted form and list the provisions it matches."""
        citation = parse_citation(text)
        found = cat.find(citation)
        return CiteResult(text=text, citation=citation, written=citation.format(),
                          written_en=citation.format("en"),
                          provisions=entries(found, as_of or vietnam_today()))

    def provisions(citation: str, as_of: date | None = None) -> list[ProvisionEntry]:
        """The provisions a URL-encoded citation names, with the wording in force on ``as_of``."""
        return entries(cat.find(parse_citation(citation)), as_of or date.today())

    def search_provisions(q: str, document: str | None = None, sector: str | None = None,
                          as_of: date | None = None, limit: int = 10) -> list[SearchHit]:
        """Provisions whose own-words labels match the words of ``q``, best first."""
        return search(cat, q, document=document, sector=sector, as_of=as_of, limit=limit)

    def audit_report(as_of: date | None = None, document: str | None = None,
                     min_severity: str = "info") -> AuditReport:
        """The regulations to amend, as of a day."""
        return audit(cat, as_of, document=document, min_severity=min_severity)

    def docs() -> Any:
        return responses.HTMLResponse(_docs_page(app.openapi()))

    def swagger() -> Any:
        return openapi_docs.get_swagger_ui_html(openapi_url="/openapi.json",
                                                title="penalty_rules — Swagger UI")

    def route(path: str, endpoint: Callable[..., Any], method: str, model: Any, summary: str) -> None:
        app.add_api_route(path, endpoint, methods=[method], response_model=model, summary=summary,
                          responses=errors)

    route("/assess", assess_case, "POST", Assessment, "Assess a case")
    route("/assess/batch", assess_batch, "POST", list[BatchItem], "Assess several cases")
    route("/decision", decision, "POST", DecisionDraft, "Draft a sanction decision")
    route("/cite", cite, "GET", CiteResult, "Read a citation")
    route("/search", search_provisions, "GET", list[SearchHit], "Search provisions by words")
    route("/provisions/{citation:path}", provisions, "GET", list[ProvisionEntry],
          "Provisions named by a citation")
    route("/audit", audit_report, "GET", AuditReport, "Audit the catalog")
    app.add_api_route("/docs", docs, methods=["GET"], include_in_schema=False)
    app.add_api_route("/swagger", swagger, methods=["GET"], include_in_schema=False)
    return app


def serve(host: str = "127.0.0.1", port: int = 8000, catalog: Catalog | None = None) -> None:
    """Run the application with uvicorn until interrupted."""
    uvicorn = _import("uvicorn")
    app = create_app(catalog)
    uvicorn.run(app, host=host, port=port)
