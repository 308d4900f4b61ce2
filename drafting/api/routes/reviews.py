"""The review queue and decisions on drafts (approve, edit-and-approve, reject, ...)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
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


def _decision(action: str, doc: str) -> Callable[..., Awaitable[Any]]:
    """One route per decision on a draft; they differ only in the action they take."""

    async def route(
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
            action,
            draft_id,
            body,
            storage=storage,
            registry=registry,
            settings=settings,
            principal=principal,
        )

    route.__doc__ = doc
    route.__name__ = action
    return route


for _path, _action, _doc in (
    (
        "approve",
        "approve",
        "Approve as is, or with an edited ``text`` (re-checked; the diff is stored).",
    ),
    (
        "reject",
        "reject",
        "Reject with a ``reason``; rejected drafts never reach the knowledge base.",
    ),
    ("request-changes", "request_changes", "Send the draft back with a ``reason``."),
    ("resubmit", "resubmit", "Send a changed text back for review after changes were requested."),
    (
        "propose",
        "propose",
        "An agent's edited text for a pending draft: a new version, re-checked.",
    ),
):
    router.add_api_route(
        f"/drafts/{{draft_id}}/{_path}",
        _decision(_action, _doc),
        methods=["POST"],
        response_model=DraftPublic,
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
