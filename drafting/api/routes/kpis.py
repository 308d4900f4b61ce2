"""KPIs as JSON (per brand, per incident, over time) and Prometheus metrics for operations."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import PlainTextResponse

from drafting.adoption import AdoptionPublic, GroupBy, adoption
from drafting.api.deps import PrincipalDep, SettingsDep, StorageDep, require
from drafting.api.ranges import time_range
from drafting.api.routes.incidents import IncidentsDep
from drafting.incidents.kpis import KpisPublic, compute
from drafting.incidents.metrics import CONTENT_TYPE, exposition
from drafting.storage.activity import drafts_between, incidents_between, mentions_between
from drafting.storage.feedback import events_for, feedback_between

router = APIRouter(tags=["kpis"])
metrics_router = APIRouter(tags=["kpis"])


@router.get("/kpis")
def kpis(
    *,
    incidents: IncidentsDep,
    storage: StorageDep,
    principal: PrincipalDep,
    brand: str | None = None,
    since: Annotated[datetime | None, Query(alias="from")] = None,
    until: Annotated[datetime | None, Query(alias="to")] = None,
    incident: str | None = None,
    bucket_minutes: Annotated[int | None, Query(ge=5, le=43200)] = None,
) -> KpisPublic:
    """KPIs over ``from``..``to`` (default: the last 7 days), for a brand or one incident."""
    require(principal, "draft", brand)
    brands = [brand] if brand else list(principal.brands)
    if incident:
        brands = [incidents.store.get_row(incident, principal=principal).brand]
    since, until = time_range(since, until, now=incidents.clock.now(), default=timedelta(days=7))
    drafts = drafts_between(storage, brands=brands, since=since, until=until, incident_id=incident)
    mentions = mentions_between(
        storage, brands=brands, since=since, until=until, incident_id=incident
    )
    rows = incidents_between(storage, brands=brands, since=since, until=until)
    if incident:
        rows = [r for r in rows if r.id == incident]
    items = [incidents.public(r) for r in incidents.store.records(rows)]
    targets = {b: incidents.targets(b) for b in {d.brand for d in drafts}}
    return compute(
        drafts=drafts,
        mentions=mentions,
        incidents=items,
        targets=targets,
        brands=brands,
        since=since,
        until=until,
        incident_id=incident,
        bucket_minutes=bucket_minutes,
    )


@router.get("/adoption")
def adoption_report(
    *,
    incidents: IncidentsDep,
    storage: StorageDep,
    settings: SettingsDep,
    principal: PrincipalDep,
    brand: str | None = None,
    since: Annotated[datetime | None, Query(alias="from")] = None,
    until: Annotated[datetime | None, Query(alias="to")] = None,
    group_by: GroupBy = "brand",
) -> AdoptionPublic:
    """Do agents use the drafts? Shown, inserted, sent as is, edited, rejected, voted; time
    saved (an estimate), per brand, agent, category or model, next to the field's targets."""
    require(principal, "draft", brand)
    brands = [brand] if brand else list(principal.brands)
    since, until = time_range(since, until, now=incidents.clock.now(), default=timedelta(days=7))
    drafts = drafts_between(storage, brands=brands, since=since, until=until)
    ids = [d.id for d in drafts]
    names = {k["id"]: str(k["name"]) for k in storage.list_keys()}
    return adoption(
        drafts,
        events_for(storage, ids),
        feedback_between(storage, brands=brands, draft_ids=ids),
        group_by=group_by,
        since=since,
        until=until,
        manual_reply_minutes=settings.manual_reply_minutes,
        agent_name=lambda key: names.get(key or "", "cli / unknown"),
    )


@metrics_router.get(
    "/metrics", response_class=PlainTextResponse, responses={200: {"content": {CONTENT_TYPE: {}}}}
)
def metrics(*, incidents: IncidentsDep, principal: PrincipalDep) -> PlainTextResponse:
    """Prometheus text format for the key's brands (scrape with a bearer token)."""
    require(principal, "draft")
    return PlainTextResponse(
        exposition(incidents, brands=list(principal.brands)), media_type=CONTENT_TYPE
    )
