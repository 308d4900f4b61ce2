"""Rewrite actions: on a draft (a new, re-checked version) or on any text an agent typed."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from drafting.api.deps import PrincipalDep, RegistryDep, SettingsDep, StorageDep, require
from drafting.api.idempotency import idempotent
from drafting.schemas import (
    DraftRewriteCreate,
    RewriteActionPublic,
    RewriteActionsPublic,
    RewritePublic,
    TextRewriteCreate,
)

router = APIRouter(tags=["rewrite"])


@router.get("/rewrite/actions")
def actions(
    *,
    settings: SettingsDep,
    principal: PrincipalDep,
    brand: str | None = None,
    model: Annotated[str | None, Query(max_length=200)] = None,
) -> RewriteActionsPublic:
    """The rewrite actions, and whether each can run with ``model`` (default: the server's)."""
    from drafting.rewrite.actions import ACTION_INFO
    from drafting.rewrite.service import availability

    require(principal, "draft", brand)
    chosen = model or settings.draft_model
    items = []
    for info in ACTION_INFO.values():
        ok, why = availability(info.id, chosen)
        items.append(
            RewriteActionPublic(
                id=info.id,
                label=info.label,
                description=info.description,
                available=ok,
                offline=info.offline,
                reason=why,
            )
        )
    return RewriteActionsPublic(model=chosen, actions=items)


def _public(result: Any, report: Any, draft: Any = None) -> RewritePublic:
    return RewritePublic(
        action=result.action,
        text=result.text,
        changed=result.changed,
        language=result.language,
        verdict=report.verdict if report is not None else "unchanged",
        checks=report.model_dump() if report is not None else None,
        model=result.model,
        offline=result.offline,
        fallback=result.fallback,
        prompt_version=result.prompt_version,
        notes=result.notes,
        redacted=result.redacted,
        draft=draft,
    )


@router.post("/drafts/{draft_id}/rewrite", response_model=RewritePublic)
async def rewrite_draft(
    *,
    request: Request,
    draft_id: str,
    body: DraftRewriteCreate,
    settings: SettingsDep,
    registry: RegistryDep,
    storage: StorageDep,
    principal: PrincipalDep,
) -> Any:
    """Rewrite the draft (or the agent's edited ``text``): re-checked, kept as a new version.

    Nothing is stored when the rewrite changes nothing (``changed`` is false, ``notes`` say why).
    """
    from drafting.rewrite.service import rewrite_draft as run
    from drafting.workflow import recheck

    async def go() -> RewritePublic:
        result, report = await run(
            storage,
            registry,
            settings,
            draft_id=draft_id,
            action=body.action,
            principal=principal,
            text=body.text,
            expected_version=body.expected_version,
            model=body.model,
        )
        draft = await asyncio.to_thread(storage.get, draft_id, principal=principal)
        if report is None:
            report = await asyncio.to_thread(
                recheck, draft, result.text, registry, language=result.language
            )
        return _public(result, report, draft)

    return await idempotent(
        request, storage, principal, {"draft": draft_id, **body.model_dump()}, 200, go
    )


@router.post("/rewrite", response_model=RewritePublic)
async def rewrite_text(
    *,
    body: TextRewriteCreate,
    settings: SettingsDep,
    registry: RegistryDep,
    storage: StorageDep,
    principal: PrincipalDep,
) -> RewritePublic:
    """Rewrite any text for a brand and channel (nothing is stored but an audit line)."""
    from drafting.rewrite.service import rewrite_any_text

    require(principal, "draft", body.brand)
    result, report = await rewrite_any_text(registry.get(body.brand), body, settings=settings)
    storage.record(
        actor=principal.actor,
        action="rewrite.text",
        brand=body.brand,
        after={
            "action": body.action,
            "changed": result.changed,
            "model": result.model,
            "offline": result.offline,
            "chars_before": len(body.text),
            "chars_after": len(result.text),
            "verdict": report.verdict,
        },
    )
    return _public(result, report)
