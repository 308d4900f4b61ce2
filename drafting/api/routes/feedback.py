"""Agent feedback on drafts (thumbs up/down with a reason) and adoption events from tools."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from drafting.api.deps import PrincipalDep, StorageDep, require
from drafting.errors import InvalidInputError
from drafting.schemas import (
    DraftEventCreate,
    FeedbackCreate,
    FeedbackListPublic,
    FeedbackPublic,
)
from drafting.storage.feedback import add_event, add_feedback, as_dict, feedback_between

router = APIRouter(tags=["feedback"])


@router.post("/drafts/{draft_id}/feedback", status_code=201)
def create_feedback(
    *, draft_id: str, body: FeedbackCreate, storage: StorageDep, principal: PrincipalDep
) -> FeedbackPublic:
    """A thumbs up or down on a draft (or one of its rewrites); a down vote needs a reason."""
    require(principal, "draft")
    if body.vote == "down" and body.reason is None:
        raise InvalidInputError(
            "A thumbs-down needs a reason.",
            fix="Send reason: wrong_facts, wrong_tone, off_brand, policy_problem, not_helpful "
            "or other (with a comment).",
        )
    if body.reason == "other" and not (body.comment and body.comment.strip()):
        raise InvalidInputError(
            'The reason "other" needs a comment.', fix="Say in a few words what was wrong."
        )
    draft = storage.get(draft_id, principal=principal)
    version = body.version or draft.review.version
    if version > draft.review.version:
        raise InvalidInputError(
            f"Draft {draft_id} has no version {version} (it is at {draft.review.version}).",
            fix="Send the version you were shown, or leave it out.",
        )
    item = add_feedback(
        storage,
        draft_id=draft_id,
        brand=draft.brand,
        version=version,
        vote=body.vote,
        reason=body.reason,
        comment=body.comment.strip() if body.comment else None,
        rewrite_action=body.rewrite_action,
        text=draft.text,
        principal=principal,
    )
    return FeedbackPublic.model_validate(as_dict(item))


@router.get("/feedback")
def list_feedback(
    *,
    storage: StorageDep,
    principal: PrincipalDep,
    brand: str | None = None,
    vote: Literal["up", "down"] | None = None,
    since: Annotated[datetime | None, Query(alias="from")] = None,
    until: Annotated[datetime | None, Query(alias="to")] = None,
    limit: Annotated[int, Query(ge=1, le=10000)] = 500,
) -> FeedbackListPublic:
    """Agents' votes, oldest first, for the key's brands."""
    require(principal, "draft", brand)
    brands = [brand] if brand else list(principal.brands)
    items = feedback_between(
        storage, brands=brands, since=since, until=until, vote=vote, limit=limit
    )
    data = [FeedbackPublic.model_validate(as_dict(i)) for i in items]
    return FeedbackListPublic(data=data, count=len(data))


@router.post("/drafts/{draft_id}/events", status_code=201)
def create_event(
    *, draft_id: str, body: DraftEventCreate, storage: StorageDep, principal: PrincipalDep
) -> dict[str, bool]:
    """A tool reports what the agent did with a draft: shown, inserted, copied (adoption)."""
    require(principal, "draft")
    draft = storage.get(draft_id, principal=principal)
    add_event(
        storage,
        draft_id=draft_id,
        brand=draft.brand,
        event=body.event,
        surface=body.surface,
        principal=principal,
    )
    return {"recorded": True}
