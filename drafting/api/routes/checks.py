"""Checks on any text for a brand and channel (the extension re-checks edits with this)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from drafting.api.deps import PrincipalDep, RegistryDep, require
from knowledge.taxonomy import Channel, Kind

router = APIRouter(tags=["checks"])


class CheckCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    brand: str = Field(min_length=1, max_length=63)
    channel: Channel
    kind: Kind = "reply"
    text: str = Field(min_length=1, max_length=20000)
    language: str | None = Field(None, pattern=r"^[a-z]{2}$")
    post: str = Field("", max_length=20000, description="The customer's post (personal-data echo).")
    author: str | None = Field(None, max_length=100)
    facts: list[str] = Field(default_factory=list, max_length=50)


@router.post("/checks")
def run_checks(*, body: CheckCreate, registry: RegistryDep,
               principal: PrincipalDep) -> dict[str, Any]:
    """Policy and tone checks; no model needed. ``verdict``: ok, needs_override or blocked."""
    from drafting.checks import CheckContext
    from drafting.checks import run_checks as run

    require(principal, "draft", body.brand)
    pack = registry.get(body.brand)
    ctx = CheckContext(brand=pack.brand, policy=pack.policy, channel=body.channel, kind=body.kind,
                       language=body.language, post_text=body.post, facts=tuple(body.facts),
                       author=body.author)
    report: Any = run(body.text, ctx)
    return report.model_dump()
