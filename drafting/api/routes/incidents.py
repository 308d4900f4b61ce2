"""Incidents: open, facts timeline, changes, cadence, crisis status, review report and lessons.

Leads open and change incidents and add facts; every key of the brand (agent and up) reads them.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, BackgroundTasks, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, PlainTextResponse

from drafting.access import Principal
from drafting.api.deps import PrincipalDep, RegistryDep, SettingsDep, StorageDep, require
from drafting.api.idempotency import idempotent
from drafting.config import Settings
from drafting.incidents.clock import SYSTEM_CLOCK, Clock
from drafting.incidents.models import (
    BrandStatusPublic,
    EventPublic,
    FactPublic,
    FactsCreate,
    IncidentCreate,
    IncidentPublic,
    IncidentsPublic,
    IncidentStatus,
    IncidentUpdate,
    LessonsCreate,
    LessonsSaved,
    LinksCreate,
)
from drafting.incidents.service import Incidents
from drafting.schemas import DraftsPublic

router = APIRouter(tags=["incidents"])
MANAGE = "manage_brand"  # leads open incidents and state their facts
READ = "draft"  # every key of the brand reads them


async def get_clock(request: Request) -> Clock:
    clock: Clock | None = getattr(request.app.state, "clock", None)
    return clock or SYSTEM_CLOCK


ClockDep = Annotated[Clock, Depends(get_clock)]


async def get_incidents(
    storage: StorageDep, settings: SettingsDep, registry: RegistryDep, clock: ClockDep
) -> Incidents:
    return Incidents(storage, settings, registry, clock)


IncidentsDep = Annotated[Incidents, Depends(get_incidents)]


def deliver_webhooks(background: BackgroundTasks, incidents: Incidents, settings: Settings) -> None:
    """After the response: send what the change queued in the webhook outbox."""
    if settings.webhook_url:
        from drafting.incidents.webhooks import deliver_pending

        background.add_task(deliver_pending, incidents.store, settings, clock=incidents.clock)


def brand_of(incidents: Incidents, incident_id: str, principal: Principal, permission: str) -> str:
    require(principal, permission)
    brand = incidents.store.get_row(incident_id, principal=principal).brand
    require(principal, permission, brand)
    return brand


@router.post("/incidents", status_code=201, response_model=IncidentPublic)
async def open_incident(
    *,
    request: Request,
    body: IncidentCreate,
    incidents: IncidentsDep,
    storage: StorageDep,
    settings: SettingsDep,
    principal: PrincipalDep,
    background: BackgroundTasks,
) -> Any:
    """Open an incident (optionally from a spike alert, with its first facts)."""
    require(principal, MANAGE, body.brand)

    async def go() -> IncidentPublic:
        return await run_in_threadpool(incidents.open, body, principal)

    result = await idempotent(request, storage, principal, body.model_dump(mode="json"), 201, go)
    deliver_webhooks(background, incidents, settings)
    return result


@router.get("/incidents")
def list_incidents(
    *,
    incidents: IncidentsDep,
    principal: PrincipalDep,
    brand: str | None = None,
    status: Annotated[list[IncidentStatus] | None, Query()] = None,
    open: bool = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> IncidentsPublic:
    """Incidents of your brands: open and overdue first, then by severity, newest first."""
    require(principal, READ, brand)
    items = incidents.find(
        brands=[brand] if brand else list(principal.brands),
        open_only=open,
        statuses=list(status or []),
        limit=limit,
    )
    return IncidentsPublic(data=items, count=len(items))


@router.get("/queue/incidents")
def incident_queue(
    *, incidents: IncidentsDep, principal: PrincipalDep, brand: str | None = None
) -> IncidentsPublic:
    """Open incidents for the review queue: overdue updates first, each with its next update due
    time and its drafts waiting for review (``pending_drafts``)."""
    require(principal, READ, brand)
    items = incidents.find(brands=[brand] if brand else list(principal.brands), open_only=True)
    return IncidentsPublic(data=items, count=len(items))


@router.get("/incidents/{incident_id}")
def get_incident(
    *, incident_id: str, incidents: IncidentsDep, principal: PrincipalDep
) -> IncidentPublic:
    require(principal, READ)
    return incidents.get(incident_id, principal)


@router.patch("/incidents/{incident_id}")
def change_incident(
    *,
    incident_id: str,
    body: IncidentUpdate,
    incidents: IncidentsDep,
    settings: SettingsDep,
    principal: PrincipalDep,
    background: BackgroundTasks,
) -> IncidentPublic:
    """Change severity, status, channels, keywords, cadence or the holding line."""
    brand_of(incidents, incident_id, principal, MANAGE)
    result = incidents.update(incident_id, body, principal)
    deliver_webhooks(background, incidents, settings)
    return result


@router.post("/incidents/{incident_id}/facts", status_code=201, response_model=IncidentPublic)
async def add_facts(
    *,
    request: Request,
    incident_id: str,
    body: FactsCreate,
    incidents: IncidentsDep,
    storage: StorageDep,
    settings: SettingsDep,
    principal: PrincipalDep,
    background: BackgroundTasks,
) -> Any:
    """A new entry in the facts timeline: from now on, drafts may state these facts only."""
    await run_in_threadpool(brand_of, incidents, incident_id, principal, MANAGE)

    async def go() -> IncidentPublic:
        return await run_in_threadpool(incidents.add_facts, incident_id, body, principal)

    payload = {"incident": incident_id, **body.model_dump(mode="json")}
    result = await idempotent(request, storage, principal, payload, 201, go)
    deliver_webhooks(background, incidents, settings)
    return result


@router.get("/incidents/{incident_id}/facts")
def facts_timeline(
    *, incident_id: str, incidents: IncidentsDep, principal: PrincipalDep
) -> dict[str, Any]:
    require(principal, READ)
    data: list[FactPublic] = incidents.facts_timeline(incident_id, principal)
    return {"data": data, "count": len(data)}


@router.get("/incidents/{incident_id}/events")
def events(*, incident_id: str, incidents: IncidentsDep, principal: PrincipalDep) -> dict[str, Any]:
    require(principal, READ)
    data: list[EventPublic] = incidents.events(incident_id, principal)
    return {"data": data, "count": len(data)}


@router.get("/incidents/{incident_id}/drafts")
def incident_drafts(
    *, incident_id: str, incidents: IncidentsDep, storage: StorageDep, principal: PrincipalDep
) -> DraftsPublic:
    """Drafts linked to the incident (DraftCreate.incident_id, or matched in crisis mode)."""
    brand = brand_of(incidents, incident_id, principal, READ)
    targets = incidents.targets(brand)
    items = [
        storage.get(d, principal=principal, targets_for=lambda _brand: targets)
        for d in incidents.store.drafts(incident_id)
    ]
    return DraftsPublic(data=items, count=len(items))


@router.post("/incidents/{incident_id}/mentions")
def link_mentions(
    *, incident_id: str, body: LinksCreate, incidents: IncidentsDep, principal: PrincipalDep
) -> dict[str, int]:
    """Link mentions (from GET /v1/mentions) to the incident."""
    brand_of(incidents, incident_id, principal, READ)
    linked = incidents.store.link_mentions(
        incident_id, body.mention_ids, principal=principal, now=incidents.clock.now()
    )
    return {"linked": linked}


@router.get(
    "/incidents/{incident_id}/review",
    responses={200: {"content": {"text/markdown": {}, "text/html": {}}}},
)
def review(
    *,
    incident_id: str,
    incidents: IncidentsDep,
    principal: PrincipalDep,
    format: Literal["json", "markdown", "html"] = "json",
) -> Any:
    """The post-incident review: JSON, Markdown, or one self-contained HTML page."""
    from drafting.incidents.report_html import render_html
    from drafting.incidents.report_markdown import render_markdown
    from drafting.incidents.review import build_review

    require(principal, READ)
    report = build_review(incidents, incident_id, principal)
    if format == "markdown":
        return PlainTextResponse(render_markdown(report), media_type="text/markdown")
    if format == "html":
        return HTMLResponse(
            render_html(report),
            headers={
                "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
                "img-src data:; frame-ancestors 'none'",
                "X-Content-Type-Options": "nosniff",
            },
        )
    return report


@router.put("/incidents/{incident_id}/lessons")
def save_lessons(
    *, incident_id: str, body: LessonsCreate, incidents: IncidentsDep, principal: PrincipalDep
) -> LessonsSaved:
    """Save the lessons into the brand's guidelines (guidelines/lessons-<incident>.md)."""
    from drafting.incidents.lessons import save_lessons as save

    brand_of(incidents, incident_id, principal, MANAGE)
    return save(incidents, incident_id, body.text, principal)


@router.get("/brands/{brand_id}/status")
def brand_status(
    *, brand_id: str, incidents: IncidentsDep, registry: RegistryDep, principal: PrincipalDep
) -> BrandStatusPublic:
    """Crisis mode: true while an incident of severity high or critical is open."""
    require(principal, READ, brand_id)
    registry.get(brand_id)
    return incidents.brand_status(brand_id)
