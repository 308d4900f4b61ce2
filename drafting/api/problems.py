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
    400: _problem_response("Malformed body: not UTF-8 JSON, or nested too deeply"),
    401: _problem_response("No or unknown API key"),
    403: _problem_response("The key's role may not do this"),
    404: _problem_response("Not found (or not one of the key's brands)"),
    409: _problem_response("Conflict with the current state (the body says which)"),
    413: _problem_response("Request too large"),
    415: _problem_response("The body is not JSON (or multipart for brand packs)"),
    422: _problem_response("Invalid input: what was wrong and how to fix it"),
    429: _problem_response("Rate limited: see Retry-After"),
    502: _problem_response("The model provider failed"),
    503: _problem_response(
        "Not set up (model files, servers), or a server it needs (database, Chroma) is down"
    ),
    504: _problem_response("The request deadline passed; nothing was stored"),
}


PARSE_ERROR = "There was an error parsing the body"  # FastAPI's own words for an unreadable body
HTTP_FIXES = {
    400: "Send one JSON object encoded as UTF-8 with 'Content-Type: application/json' "
    "(see /docs for the fields).",
    401: "Send 'Authorization: Bearer <key>'.",
    403: "Use a key whose role and brands allow this.",
    404: "Check the path and the id (see /docs for the routes).",
    405: "Use one of the methods /docs lists for this path.",
    413: "Send less (CRISISDRAFT_MAX_REQUEST_BYTES sets the limit).",
    415: "Send the body as JSON with 'Content-Type: application/json'.",
    429: "Wait for the time in Retry-After, then retry.",
}


def problem(status: int, type_: str, title: str, detail: str, **extra: Any) -> JSONResponse:
    body = {"type": TYPE_BASE + type_, "title": title, "status": status, "detail": detail, **extra}
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE)


def crisisdraft_problem(request: Request, exc: CrisisdraftError) -> JSONResponse:
    """The problem+json response for one of our errors (headers included)."""
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


def install_problem_handlers(app: FastAPI) -> None:
    from drafting.storage.engine import UNAVAILABLE, unavailable

    @app.exception_handler(CrisisdraftError)
    async def _ours(request: Request, exc: CrisisdraftError) -> JSONResponse:
        return crisisdraft_problem(request, exc)

    async def _database(request: Request, exc: Exception) -> JSONResponse:
        return crisisdraft_problem(request, unavailable(exc))

    for kind in UNAVAILABLE:  # a stopped database is a 503 to retry later, not a 500
        app.add_exception_handler(kind, _database)

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
        if exc.status_code == 400 and str(exc.detail) == PARSE_ERROR:
            # FastAPI's answer to a body json cannot read: bad UTF-8, nesting past Python's
            # recursion limit, binary junk.
            return problem(
                400,
                "malformed-body",
                "Malformed body",
                "The body could not be read as JSON: it is not valid UTF-8, is nested too "
                "deeply, or is not JSON at all.",
                fix=HTTP_FIXES[400],
            )
        slug = {
            400: "bad-request",
            404: "not-found",
            405: "method-not-allowed",
            401: "unauthorized",
            403: "forbidden",
            413: "too-large",
            415: "unsupported-media-type",
            429: "rate-limited",
        }.get(exc.status_code, "http")
        fix = HTTP_FIXES.get(exc.status_code, "See the API reference at /docs.")
        response = problem(exc.status_code, slug, str(exc.detail), str(exc.detail), fix=fix)
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

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
