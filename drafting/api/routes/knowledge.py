"""Knowledge search: the same ranked results as ``crisisdraft kb search``."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel

from drafting.api.deps import PrincipalDep, RegistryDep, SettingsDep, require
from knowledge.taxonomy import Category, Channel, Kind

router = APIRouter(tags=["knowledge"])


class HitPublic(BaseModel):
    id: str
    source: str
    rank: int
    score: float
    dense_score: float | None
    lexical_score: float | None
    text: str
    metadata: dict[str, object]


class HitsPublic(BaseModel):
    data: list[HitPublic]
    count: int


@router.get("/brands/{brand_id}/knowledge/search")
def search_knowledge(
    *,
    brand_id: str,
    q: Annotated[str, Query(min_length=1, max_length=2000)],
    settings: SettingsDep,
    registry: RegistryDep,
    principal: PrincipalDep,
    k: Annotated[int, Query(ge=1, le=50)] = 8,
    source: Literal["guideline", "approved_reply"] | None = None,
    channel: Channel | None = None,
    category: Category | None = None,
    kind: Kind | None = None,
    language: Annotated[str | None, Query(pattern=r"^[a-z]{2}$")] = None,
) -> HitsPublic:
    from knowledge.retrieval import search

    require(principal, "draft", brand_id)
    registry.get(brand_id)  # 404 with a fix for unknown brands
    where = {
        key: value
        for key, value in {
            "channel": channel,
            "category": category,
            "kind": kind,
            "language": language,
        }.items()
        if value
    }
    hits = search(
        brand_id, q, k=k, kinds=[source] if source else None, where=where or None, settings=settings
    )
    data = [HitPublic.model_validate(h.model_dump()) for h in hits]
    return HitsPublic(data=data, count=len(data))
