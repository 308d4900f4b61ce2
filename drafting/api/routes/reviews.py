"""The review queue and decisions on drafts (approve, edit-and-approve, reject, ...)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from drafting.api.deps import PrincipalDep, RegistryDep, SettingsDep, StorageDep, require
from drafting.api.idempotency import idempotent
from drafting.schemas import DraftPublic, DraftsPublic
from drafting.workflow import STATES, decide

router = APIRouter(tags=["reviews"])


class DecisionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    expected_version: int | None = Field(
        None, ge=1, description="The draft version you reviewed; 409 if it changed since."
    )
    text: str | None = Field(None, max_length=20000, description="Edited text (edit and approve).")
    reason: str | None = Field(
        None, max_length=4000, description="Required to reject, request changes or override."
    )


class SentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    external_post_id: str = Field(min_length=1, max_length=200)
    expected_version: int | None = Field(None, ge=1)


@router.get("/queue")
def queue(
    *,
    storage: StorageDep,
    registry: RegistryDep,
    principal: PrincipalDep,
    brand: str | None = None,
    status: Annotated[list[Literal[STATES]], Query()] = ["pending_review"],  # type: ignore[valid-type]  # noqa: B006
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> DraftsPublic:
    """Drafts awaiting a decision: overdue first, then by severity, then oldest."""
    require(principal, "draft", brand)
    brands = [brand] if brand else list(principal.brands)
    known = registry.ids()
    targets = {b: registry.get(b).brand.response_targets.model_dump() for b in known}
    items = storage.queue(brands=brands, statuses=status, limit=limit, targets=targets)
    return DraftsPublic(data=items, count=len(items))


async def _decide(
    request: Request,
    action: str,
    draft_id: str,
    body: Any,
    *,
    storage: Any,
    registry: Any,
    settings: Any,
    principal: Any,
) -> Any:
    async def go() -> DraftPublic:
        return decide(
            storage,
            registry,
            settings,
            draft_id=draft_id,
            action=action,
            principal=principal,
            expected_version=body.expected_version,
            text=getattr(body, "text", None),
            reason=getattr(body, "reason", None),
            external_post_id=getattr(body, "external_post_id", None),
        )

    return await idempotent(
        request,
        storage,
        principal,
        {"draft": draft_id, "action": action, **body.model_dump()},
        200,
        go,
    )


@router.post("/drafts/{draft_id}/approve", response_model=DraftPublic)
async def approve(
    *,
    request: Request,
    draft_id: str,
    body: DecisionCreate,
    storage: StorageDep,
    registry: RegistryDep,
    settings: SettingsDep,
    principal: PrincipalDep,
) -> Any:
    """Approve as is, or with an edited ``text`` (re-checked; the diff is stored)."""
    return await _decide(
        request,
        "approve",
        draft_id,
        body,
        storage=storage,
        registry=registry,
        settings=settings,
        principal=principal,
    )


@router.post("/drafts/{draft_id}/reject", response_model=DraftPublic)
async def reject(
    *,
    request: Request,
    draft_id: str,
    body: DecisionCreate,
    storage: StorageDep,
    registry: RegistryDep,
    settings: SettingsDep,
    principal: PrincipalDep,
) -> Any:
    return await _decide(
        request,
        "reject",
        draft_id,
        body,
        storage=storage,
        registry=registry,
        settings=settings,
        principal=principal,
    )


@router.post("/drafts/{draft_id}/request-changes", response_model=DraftPublic)
async def request_changes(
    *,
    request: Request,
    draft_id: str,
    body: DecisionCreate,
    storage: StorageDep,
    registry: RegistryDep,
    settings: SettingsDep,
    principal: PrincipalDep,
) -> Any:
    return await _decide(
        request,
        "request_changes",
        draft_id,
        body,
        storage=storage,
        registry=registry,
        settings=settings,
        principal=principal,
    )


@router.post("/drafts/{draft_id}/resubmit", response_model=DraftPublic)
async def resubmit(
    *,
    request: Request,
    draft_id: str,
    body: DecisionCreate,
    storage: StorageDep,
    registry: RegistryDep,
    settings: SettingsDep,
    principal: PrincipalDep,
) -> Any:
    """Send a changed text back for review after changes were requested."""
    return await _decide(
        request,
        "resubmit",
        draft_id,
        body,
        storage=storage,
        registry=registry,
        settings=settings,
        principal=principal,
    )


@router.post("/drafts/{draft_id}/propose", response_model=DraftPublic)
async def propose(
    *,
    request: Request,
    draft_id: str,
    body: DecisionCreate,
    storage: StorageDep,
    registry: RegistryDep,
    settings: SettingsDep,
    principal: PrincipalDep,
) -> Any:
    """An agent's edited text for a pending draft: stored as a new version and re-checked."""
    return await _decide(
        request,
        "propose",
        draft_id,
        body,
        storage=storage,
        registry=registry,
        settings=settings,
        principal=principal,
    )


@router.post("/drafts/{draft_id}/sent", response_model=DraftPublic)
async def mark_sent(
    *,
    request: Request,
    draft_id: str,
    body: SentCreate,
    storage: StorageDep,
    registry: RegistryDep,
    settings: SettingsDep,
    principal: PrincipalDep,
) -> Any:
    """The calling tool says it published the approved text (crisisdraft never posts)."""
    return await _decide(
        request,
        "mark_sent",
        draft_id,
        body,
        storage=storage,
        registry=registry,
        settings=settings,
        principal=principal,
    )


@router.get("/drafts/{draft_id}/history")
def history(*, draft_id: str, storage: StorageDep, principal: PrincipalDep) -> dict[str, Any]:
    require(principal, "draft")
    storage.get(draft_id, principal=principal)
    return storage.history(draft_id)
