"""The gate every request body passes before a route sees it (pure ASGI middleware).

- Bodies over the limit get 413, whether or not they declare a Content-Length (a chunked body
  is counted while it is read, and reading stops at the limit).
- Bodies that are not JSON (or multipart, for brand packs) get 415.
- JSON strings carrying control characters (NUL, ESC, backspace...; tab, CR and LF are fine)
  or lone surrogates get 422 naming the field: no database stores NUL (PostgreSQL refuses it)
  and lone surrogates cannot be encoded, so such text would otherwise fail half-way at storage.

- JSON nested past Python's recursion limit gets 400 here: a route that parses its body
  itself (brand packs) would otherwise answer 500.

Other unreadable JSON is passed on untouched: FastAPI or the route answers it (400 or 422).
"""

from __future__ import annotations

import json
import re
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from drafting.api.problems import problem

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
#: C0 controls but tab, LF and CR; DEL; UTF-16 surrogates (only lone ones survive json.loads).
FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def _media_type(headers: list[tuple[bytes, bytes]]) -> str | None:
    for name, value in headers:
        if name == b"content-type":
            return value.decode("latin-1").split(";")[0].strip().lower()
    return None


def _length(headers: list[tuple[bytes, bytes]]) -> int | None:
    for name, value in headers:
        if name == b"content-length":
            text = value.decode("latin-1").strip()
            return int(text) if text.isdigit() else None
    return None


def is_json(media_type: str) -> bool:
    return media_type == "application/json" or media_type.endswith("+json")


def bad_string(data: Any) -> tuple[str, str] | None:
    """The first (field path, character) of a string in ``data`` holding a forbidden character.
    Walks iteratively: a deeply nested body must not exhaust the stack."""
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            m = FORBIDDEN.search(value)
            if m:
                return path, m.group(0)
        elif isinstance(value, dict):
            for key, item in value.items():
                where = f"{path}.{key}" if path else str(key)
                stack.append((where, item))
                stack.append((where, key))  # keys are text too
        elif isinstance(value, list):
            stack.extend((f"{path}.{i}" if path else str(i), item) for i, item in enumerate(value))
    return None


class BodyGuard:
    def __init__(self, app: ASGIApp, *, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in WRITE_METHODS:
            await self.app(scope, receive, send)
            return
        headers = scope["headers"]
        declared = _length(headers)
        if declared is not None and declared > self.limit:
            await self._too_large(scope, receive, send, f"The body is {declared:,} bytes")
            return
        media_type = _media_type(headers)
        if media_type and not is_json(media_type) and media_type != "multipart/form-data":
            response = problem(
                415,
                "unsupported-media-type",
                "Unsupported media type",
                f"The body is sent as {media_type!r}; this API reads JSON "
                "(and multipart/form-data for brand packs).",
                fix="Send the body as JSON with 'Content-Type: application/json'.",
            )
            await response(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._too_large(scope, receive, send, "The body is larger than that")
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        if body and (media_type is None or is_json(media_type)):
            try:
                data = json.loads(body)
            except ValueError:
                data = None  # FastAPI (or the route) explains unreadable JSON itself
            except RecursionError:  # routes that parse the body themselves would answer 500
                response = problem(
                    400,
                    "malformed-body",
                    "Malformed body",
                    "The JSON is nested deeper than Python's recursion limit allows.",
                    fix="Send a flat JSON object (see /docs for the fields).",
                )
                await response(scope, receive, send)
                return
            found = bad_string(data) if data is not None else None
            if found:
                field, char = found
                kind = "lone surrogate" if 0xD800 <= ord(char) <= 0xDFFF else "control character"
                what = f"{kind} U+{ord(char):04X}"
                response = problem(
                    422,
                    "invalid-request",
                    "Invalid request",
                    f"{field or 'body'}: contains the {what}; text may hold tabs and line "
                    "breaks but no other control characters (NUL, ESC, backspace...) and no "
                    "lone surrogates.",
                    errors=[{"field": field, "message": f"contains the {what}"}],
                    fix="Remove the control characters from the text (or replace them with "
                    "spaces) and send again.",
                )
                await response(scope, receive, send)
                return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send, what: str) -> None:
        response = problem(
            413,
            "too-large",
            "Request too large",
            f"{what}; the limit is {self.limit:,} bytes.",
            fix="Send less (CRISISDRAFT_MAX_REQUEST_BYTES sets the limit).",
        )
        await response(scope, receive, send)
