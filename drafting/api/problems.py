"""Errors as RFC 9457 problem+json with a stable ``type``; never a stack trace, SQL or prompt."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict
from starlette.exceptions import HTTPException as StarletteHTTPException

from drafting.errors import CrisisdraftError

log = logging.getLogger("crisisdraft.api")
TYPE_BASE = "https://crisisdraft.dev/problems/"
MEDIA_TYPE = "application/problem+json"


class Problem(BaseModel):
    """An error (RFC 9457). ``fix`` says how to fix it; ``errors`` lists field problems."""

    model_config = ConfigDict(extra="allow")
    type: str
    title: str
    status: int
    detail: str
    fix: str | None = None


def _problem_response(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "model": Problem,
        "content": {MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


#: Errors every /v1 route can answer with, documented in the OpenAPI document.
PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: _problem_response("No or unknown API key"),
    403: _problem_response("The key's role may not do this"),
    404: _problem_response("Not found (or not one of the key's brands)"),
    409: _problem_response("Conflict with the current state (the body says which)"),
    413: _problem_response("Request too large"),
    422: _problem_response("Invalid input: what was wrong and how to fix it"),
    429: _problem_response("Rate limited: see Retry-After"),
    502: _problem_response("The model provider failed"),
    503: _problem_response("Not set up (model files, servers)"),
    504: _problem_response("The request deadline passed; nothing was stored"),
}


def problem(status: int, type_: str, title: str, detail: str, **extra: Any) -> JSONResponse:
    body = {"type": TYPE_BASE + type_, "title": title, "status": status, "detail": detail, **extra}
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE)


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(CrisisdraftError)
    async def _ours(request: Request, exc: CrisisdraftError) -> JSONResponse:
        log.warning("%s %s -> %s: %s", request.method, request.url.path, exc.type, exc.message)
        extra: dict[str, Any] = {"fix": exc.fix} if exc.fix else {}
        problems = getattr(exc, "problems", None)
        if problems:
            extra["errors"] = [
                {"file": p.file, "line": p.line, "field": p.field, "message": p.message}
                for p in problems
            ]
        extra.update({k: v for k, v in exc.context.items() if isinstance(v, str | int | float)})
        response = problem(exc.status, exc.type, exc.title, exc.message, **extra)
        if "retry_after" in exc.context:
            response.headers["Retry-After"] = str(exc.context["retry_after"])
        if exc.status == 401:
            response.headers["WWW-Authenticate"] = "Bearer"
        return response

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {
                "field": ".".join(str(p) for p in e.get("loc", ()) if p != "body"),
                "message": e.get("msg", ""),
            }
            for e in exc.errors()
        ]
        log.info("%s %s -> invalid request: %s", request.method, request.url.path, errors)
        summary = "; ".join(f"{e['field'] or 'body'}: {e['message']}" for e in errors[:5])
        return problem(
            422,
            "invalid-request",
            "Invalid request",
            summary,
            errors=errors,
            fix="Correct the fields named in errors and send again.",
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        slug = {
            404: "not-found",
            405: "method-not-allowed",
            401: "unauthorized",
            403: "forbidden",
            413: "too-large",
            429: "rate-limited",
        }.get(exc.status_code, "http")
        return problem(exc.status_code, slug, str(exc.detail), str(exc.detail))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem(
            500,
            "internal",
            "Internal error",
            "Something went wrong on our side; nothing was stored for this request.",
            fix="Retry; if it persists, the server log has the details.",
        )


def install_body_limit(app: FastAPI, limit: int) -> None:
    """Refuse bodies over ``limit`` bytes before reading them (413 problem+json)."""

    @app.middleware("http")
    async def _limit(request: Request, call_next: Any) -> Any:
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > limit:
            return problem(
                413,
                "too-large",
                "Request too large",
                f"The body is {int(length):,} bytes; the limit is {limit:,}.",
                fix="Send less (CRISISDRAFT_MAX_REQUEST_BYTES sets the limit).",
            )
        return await call_next(request)
