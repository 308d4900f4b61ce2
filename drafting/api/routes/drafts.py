"""Drafts: create (JSON, or streamed as server-sent events) and read back."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse

from drafting.api.deps import PrincipalDep, RegistryDep, SettingsDep, StorageDep, require
from drafting.api.idempotency import idempotent
from drafting.api.ranges import time_range
from drafting.errors import CrisisdraftError
from drafting.schemas import DraftCreate, DraftPublic

router = APIRouter(tags=["drafts"])


@router.post(
    "/drafts",
    status_code=201,
    response_model=DraftPublic,
    responses={
        200: {
            "content": {"text/event-stream": {}},
            "description": "With ?stream=true: token events, then the draft.",
        }
    },
)
async def create_draft(
    *,
    request: Request,
    body: DraftCreate,
    settings: SettingsDep,
    registry: RegistryDep,
    storage: StorageDep,
    principal: PrincipalDep,
    stream: Annotated[bool, Query(description="Stream tokens as server-sent events.")] = False,
) -> Any:
    """Triage the post, retrieve the brand's knowledge, draft, check and store for review."""
    from drafting.pipeline import create_draft as run
    from drafting.pipeline import stream_draft

    require(principal, "draft", body.brand)
    if not stream:

        async def go() -> DraftPublic:
            return await run(
                body, settings=settings, registry=registry, store=storage, actor=principal
            )

        return await idempotent(request, storage, principal, body.model_dump(mode="json"), 201, go)

    async def events() -> AsyncIterator[str]:
        try:
            async for kind, payload in stream_draft(
                body, settings=settings, registry=registry, store=storage, actor=principal
            ):
                if kind == "token":
                    yield f"event: token\ndata: {json.dumps(payload)}\n\n"
                else:
                    yield f"event: draft\ndata: {payload.model_dump_json()}\n\n"
        except CrisisdraftError as exc:
            problem = {"type": exc.type, "title": exc.title, "detail": exc.message, "fix": exc.fix}
            yield f"event: error\ndata: {json.dumps(problem)}\n\n"

    return StreamingResponse(events(), media_type="text/event-stream")


@router.get(
    "/drafts/export",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/x-ndjson": {}}}},
)
def export_drafts(
    *,
    storage: StorageDep,
    principal: PrincipalDep,
    brand: str | None = None,
    since: Annotated[datetime | None, Query(alias="from")] = None,
    until: Annotated[datetime | None, Query(alias="to")] = None,
) -> StreamingResponse:
    """Every draft of the range as JSON lines, with the AI-assistance label kept on its record
    (default range: the last 30 days)."""
    from drafting.storage.activity import draft_records

    require(principal, "draft", brand)
    since, until = time_range(since, until, now=datetime.now(UTC), default=timedelta(days=30))
    records = draft_records(
        storage, brands=[brand] if brand else list(principal.brands), since=since, until=until
    )
    lines = (json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    return StreamingResponse(lines, media_type="application/x-ndjson")


@router.get("/drafts/{draft_id}")
def get_draft(
    *, draft_id: str, storage: StorageDep, registry: RegistryDep, principal: PrincipalDep
) -> DraftPublic:
    require(principal, "draft")
    return storage.get(
        draft_id,
        principal=principal,
        targets_for=lambda brand: registry.get(brand).brand.response_targets.model_dump(),
    )
