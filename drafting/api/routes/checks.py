"""Checks on any text for a brand and channel (the extension re-checks edits with this)."""

from __future__ import annotations

from typing import Annotated, Any

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
    facts: list[Annotated[str, Field(max_length=2000)]] = Field(
        default_factory=list, max_length=50, description="Incident facts the text may state."
    )
    judge_model: str | None = Field(
        None, max_length=200, description="Also ask this litellm model to judge (adds findings)."
    )


@router.post("/checks")
def run_checks(
    *, body: CheckCreate, registry: RegistryDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Policy and tone checks; no model needed. ``verdict``: ok, needs_override or blocked."""
    from drafting.checks.service import check_text

    require(principal, "draft", body.brand)
    report = check_text(
        registry.get(body.brand),
        body.text,
        channel=body.channel,
        kind=body.kind,
        language=body.language,
        post_text=body.post,
        author=body.author,
        facts=body.facts,
        judge_model=body.judge_model,
    )
    return report.model_dump()
