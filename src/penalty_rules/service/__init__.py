"""The engine over HTTP: a FastAPI application (optional extra ``service``).

``pip install "penalty_rules[service]"`` brings FastAPI (the web framework that
builds the application and its OpenAPI description from the library's pydantic
models) and uvicorn (the ASGI server that runs it). ``penalty-rules serve``
starts uvicorn with :func:`create_app`; see the service page of the docs.

Importing this package needs neither: FastAPI is imported when
:func:`create_app` is called, uvicorn when :func:`serve` is.
"""

from __future__ import annotations

from .app import MAX_BODY_BYTES, MissingExtra, create_app, serve

__all__ = ["MAX_BODY_BYTES", "MissingExtra", "create_app", "serve"]
