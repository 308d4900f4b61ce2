"""``Idempotency-Key`` on POSTs: a retry returns the first answer, never a second draft."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from drafting.access import Principal
from drafting.storage.repository import Storage


async def idempotent(
    request: Request,
    storage: Storage,
    principal: Principal,
    payload: Any,
    status_code: int,
    run: Callable[[], Awaitable[BaseModel]],
) -> Any:
    key = request.headers.get("idempotency-key")
    if not key:
        return await run()
    scope = f"{request.method} {request.url.path}"
    from drafting.config import get_settings

    settings = getattr(request.app.state, "settings", None) or get_settings()
    stored = storage.idempotency_begin(
        principal.key_id,
        key[:200],
        {"scope": scope, "body": payload},
        # A claim left unanswered well past the request deadline belongs to a dead worker.
        abandoned_after_s=2 * settings.request_deadline_s + 5,
    )
    if stored is not None:
        return JSONResponse(
            stored["body"], status_code=stored["status_code"], headers={"Idempotent-Replay": "true"}
        )
    try:
        result = await run()
    except BaseException:
        storage.idempotency_abort(principal.key_id, key[:200])
        raise
    storage.idempotency_finish(
        principal.key_id, key[:200], status_code, result.model_dump(mode="json")
    )
    return result
