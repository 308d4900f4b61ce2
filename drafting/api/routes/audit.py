"""The append-only audit log, filtered by brand, draft, actor and time."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query

from drafting.api.deps import PrincipalDep, StorageDep, require

router = APIRouter(tags=["audit"])


@router.get("/audit")
def audit(
    *,
    storage: StorageDep,
    principal: PrincipalDep,
    brand: str | None = None,
    draft: str | None = None,
    actor: str | None = None,
    since: Annotated[datetime | None, Query(alias="from")] = None,
    until: Annotated[datetime | None, Query(alias="to")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> dict[str, Any]:
    require(principal, "read_audit", brand)
    rows = storage.audit(
        principal=principal,
        brand=brand,
        draft_id=draft,
        actor=actor,
        since=since,
        until=until,
        limit=limit,
    )
    return {"data": rows, "count": len(rows)}
