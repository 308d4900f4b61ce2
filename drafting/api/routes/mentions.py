"""Mentions from a listening tool (no drafting) and the spike alerts they raise.

POST /v1/mentions takes an API key (agent and up) or, with no key, a body signed with
CRISISDRAFT_MENTIONS_SECRET in ``X-Crisisdraft-Signature`` (see drafting.incidents.signing).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, BackgroundTasks, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

from drafting.api.deps import (
    PrincipalDep,
    RegistryDep,
    SettingsDep,
    StorageDep,
    UnauthorizedError,
    get_principal,
    require,
)
from drafting.api.routes.incidents import ClockDep, IncidentsDep, deliver_webhooks
from drafting.config import Settings
from drafting.incidents.mentions import alert_public, ingest, mention_public
from drafting.incidents.models import (
    AlertPublic,
    AlertsPublic,
    DismissCreate,
    MentionCreate,
    MentionsBatchCreate,
    MentionsIngested,
    MentionsPublic,
)
from drafting.incidents.signing import HEADER, verify
from drafting.storage.mentions import MentionStore
from drafting.storage.repository import Storage

router = APIRouter(tags=["mentions"])
Model = TypeVar("Model", bound=BaseModel)


def _body_schema(schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "requestBody": {"required": True, "content": {"application/json": {"schema": schema}}},
        "parameters": [
            {
                "name": HEADER,
                "in": "header",
                "required": False,
                "schema": {"type": "string"},
                "description": "t=<unix s>,v1=<hex HMAC-SHA256 of '<t>.<body>'>; "
                "instead of an API key.",
            }
        ],
    }


async def _authorised(
    request: Request, model: type[Model], storage: Storage, settings: Settings
) -> tuple[Model, str]:
    """The parsed body and its source: ``key`` (checked per brand) or ``signed``."""
    raw = await request.body()
    if request.headers.get("authorization"):
        # The key lookup and rate-limit hit are database round trips: off the event loop.
        principal = await run_in_threadpool(get_principal, request, storage, settings)
        require(principal, "draft")
        body = _parse(model, raw)
        for brand in {m.brand for m in _items(body)}:
            require(principal, "draft", brand)
        return body, "key"
    if request.headers.get(HEADER) and settings.mentions_secret:
        verify(
            settings.mentions_secret,
            raw,
            request.headers.get(HEADER),
            tolerance_s=settings.signature_tolerance_s,
        )
        return _parse(model, raw), "signed"
    raise UnauthorizedError(
        "This endpoint needs an API key or a signed body.",
        fix="Send 'Authorization: Bearer <key>' (agent or up), or sign the body with "
        f"CRISISDRAFT_MENTIONS_SECRET in {HEADER}"
        + ("" if settings.mentions_secret else " (not configured on this server)")
        + ".",
    )


def _parse(model: type[Model], raw: bytes) -> Model:
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]
        ) from None


def _items(body: BaseModel) -> list[MentionCreate]:
    return body.mentions if isinstance(body, MentionsBatchCreate) else [body]  # type: ignore[list-item]


@router.post(
    "/mentions", status_code=201, openapi_extra=_body_schema(MentionCreate.model_json_schema())
)
async def add_mention(
    *,
    request: Request,
    storage: StorageDep,
    registry: RegistryDep,
    settings: SettingsDep,
    incidents: IncidentsDep,
    clock: ClockDep,
    background: BackgroundTasks,
) -> MentionsIngested:
    """Triage and store one incoming post (no draft); may raise a spike alert."""
    body, source = await _authorised(request, MentionCreate, storage, settings)
    result = await run_in_threadpool(
        ingest,
        [body],
        storage=storage,
        registry=registry,
        settings=settings,
        source=source,
        clock=clock,
    )
    deliver_webhooks(background, incidents, settings)
    return result


@router.post(
    "/mentions/batch",
    status_code=201,
    openapi_extra=_body_schema(
        {
            "type": "object",
            "required": ["mentions"],
            "properties": {
                "mentions": {"type": "array", "items": MentionCreate.model_json_schema()}
            },
        }
    ),
)
async def add_mentions(
    *,
    request: Request,
    storage: StorageDep,
    registry: RegistryDep,
    settings: SettingsDep,
    incidents: IncidentsDep,
    clock: ClockDep,
    background: BackgroundTasks,
) -> MentionsIngested:
    """Triage and store many incoming posts at once (at most CRISISDRAFT_MAX_MENTIONS_BATCH)."""
    body, source = await _authorised(request, MentionsBatchCreate, storage, settings)
    result = await run_in_threadpool(
        ingest,
        body.mentions,
        storage=storage,
        registry=registry,
        settings=settings,
        source=source,
        clock=clock,
    )
    deliver_webhooks(background, incidents, settings)
    return result


@router.get("/mentions")
def list_mentions(
    *,
    storage: StorageDep,
    principal: PrincipalDep,
    brand: str | None = None,
    since: Annotated[datetime | None, Query(alias="from")] = None,
    until: Annotated[datetime | None, Query(alias="to")] = None,
    incident: str | None = None,
    sentiment: Literal["negative", "neutral", "positive"] | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> MentionsPublic:
    require(principal, "draft", brand)
    rows = MentionStore(storage).find(
        brands=[brand] if brand else list(principal.brands),
        since=since,
        until=until,
        incident_id=incident,
        sentiment=sentiment,
        limit=limit,
    )
    return MentionsPublic(data=[mention_public(r) for r in rows], count=len(rows))


@router.get("/alerts")
def list_alerts(
    *,
    storage: StorageDep,
    principal: PrincipalDep,
    brand: str | None = None,
    status: Literal["open", "incident_opened", "dismissed"] | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> AlertsPublic:
    """Spike alerts, newest first. Open one as an incident with POST /v1/incidents alert_id."""
    require(principal, "draft", brand)
    rows = MentionStore(storage).alerts(
        brands=[brand] if brand else list(principal.brands), status=status, limit=limit
    )
    return AlertsPublic(data=[alert_public(r) for r in rows], count=len(rows))


@router.post("/alerts/{alert_id}/dismiss")
def dismiss_alert(
    *,
    alert_id: str,
    body: DismissCreate,
    storage: StorageDep,
    principal: PrincipalDep,
    clock: ClockDep,
) -> AlertPublic:
    require(principal, "manage_brand")
    store = MentionStore(storage)
    require(principal, "manage_brand", store.alert(alert_id, principal=principal).brand)
    return alert_public(store.dismiss(alert_id, body.reason, principal=principal, now=clock.now()))
