"""KPIs as JSON (per brand, per incident, over time) and Prometheus metrics for operations."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import PlainTextResponse

from drafting.api.deps import PrincipalDep, StorageDep, require
from drafting.api.routes.incidents import IncidentsDep
from drafting.errors import InvalidInputError
from drafting.incidents.kpis import KpisPublic, compute
from drafting.incidents.metrics import CONTENT_TYPE, exposition
from drafting.storage.activity import drafts_between, incidents_between, mentions_between

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
    until = until or incidents.clock.now()
    since = since or until - timedelta(days=7)
    if since.tzinfo is None or until.tzinfo is None:
        raise InvalidInputError(
            "from and to need a time zone.", fix="Send e.g. from=2026-11-20T00:00:00Z."
        )
    if since >= until:
        raise InvalidInputError("from must be before to.", fix="Swap them.")
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


@metrics_router.get(
    "/metrics", response_class=PlainTextResponse, responses={200: {"content": {CONTENT_TYPE: {}}}}
)
def metrics(*, incidents: IncidentsDep, principal: PrincipalDep) -> PlainTextResponse:
    """Prometheus text format for the key's brands (scrape with a bearer token)."""
    require(principal, "draft")
    return PlainTextResponse(
        exposition(incidents, brands=list(principal.brands)), media_type=CONTENT_TYPE
    )
