"""Agents' thumbs up/down on drafts and what tools saw them do with drafts (adoption events).

Each write is one transaction with its audit row; nothing is updated or deleted afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from drafting.access import ALL_BRANDS, Principal
from drafting.storage.incidents import utc
from drafting.storage.repository import Storage, utcnow
from drafting.storage.tables import AuditRow, DraftEventRow, FeedbackRow

CHUNK = 500


@dataclass
class Feedback:
    id: int
    draft_id: str
    brand: str
    version: int
    vote: str
    reason: str | None
    comment: str | None
    rewrite_action: str | None
    text: str
    actor: str
    created_at: datetime


@dataclass
class DraftEvent:
    draft_id: str
    brand: str
    event: str
    surface: str
    actor: str
    at: datetime


def add_feedback(
    storage: Storage,
    *,
    draft_id: str,
    brand: str,
    version: int,
    vote: str,
    reason: str | None,
    comment: str | None,
    rewrite_action: str | None,
    text: str,
    principal: Principal,
) -> Feedback:
    now = utcnow()
    row = FeedbackRow(
        draft_id=draft_id,
        brand=brand,
        version=version,
        vote=vote,
        reason=reason,
        comment=comment,
        rewrite_action=rewrite_action,
        text=text,
        actor=principal.actor,
        key_id=principal.key_id,
        created_at=now,
    )
    with storage.sessions.begin() as s:
        s.add(row)
        s.flush()
        s.add(
            AuditRow(
                at=now,
                actor=principal.actor,
                action="draft.feedback",
                brand=brand,
                draft_id=draft_id,
                before=None,
                after={
                    "feedback_id": row.id,
                    "vote": vote,
                    "reason": reason,
                    "comment": comment,
                    "version": version,
                    "rewrite_action": rewrite_action,
                },
            )
        )
        return _feedback(row)


def _feedback(row: FeedbackRow) -> Feedback:
    return Feedback(
        id=row.id,
        draft_id=row.draft_id,
        brand=row.brand,
        version=row.version,
        vote=row.vote,
        reason=row.reason,
        comment=row.comment,
        rewrite_action=row.rewrite_action,
        text=row.text,
        actor=row.actor,
        created_at=utc(row.created_at),
    )


def feedback_between(
    storage: Storage,
    *,
    brands: list[str],
    since: datetime | None = None,
    until: datetime | None = None,
    vote: str | None = None,
    draft_ids: list[str] | None = None,
    limit: int = 10_000,
) -> list[Feedback]:
    query = select(FeedbackRow)
    if ALL_BRANDS not in brands:
        query = query.where(FeedbackRow.brand.in_(brands))
    if since is not None:
        query = query.where(FeedbackRow.created_at >= since)
    if until is not None:
        query = query.where(FeedbackRow.created_at < until)
    if vote is not None:
        query = query.where(FeedbackRow.vote == vote)
    rows: list[FeedbackRow] = []
    with storage.sessions() as s:
        if draft_ids is None:
            rows = list(s.scalars(query.order_by(FeedbackRow.id).limit(limit)))
        else:
            for i in range(0, len(draft_ids), CHUNK):
                chunk = query.where(FeedbackRow.draft_id.in_(draft_ids[i : i + CHUNK]))
                rows += list(s.scalars(chunk.order_by(FeedbackRow.id)))
    return [_feedback(r) for r in rows]


def add_event(
    storage: Storage, *, draft_id: str, brand: str, event: str, surface: str, principal: Principal
) -> None:
    with storage.sessions.begin() as s:
        s.add(
            DraftEventRow(
                draft_id=draft_id,
                brand=brand,
                event=event,
                surface=surface,
                actor=principal.actor,
                key_id=principal.key_id,
                at=utcnow(),
            )
        )


def events_for(storage: Storage, draft_ids: list[str]) -> list[DraftEvent]:
    out: list[DraftEvent] = []
    with storage.sessions() as s:
        for i in range(0, len(draft_ids), CHUNK):
            rows = s.scalars(
                select(DraftEventRow).where(DraftEventRow.draft_id.in_(draft_ids[i : i + CHUNK]))
            )
            out += [
                DraftEvent(r.draft_id, r.brand, r.event, r.surface, r.actor, utc(r.at))
                for r in rows
            ]
    return out


def as_dict(item: Feedback) -> dict[str, Any]:
    return {
        "id": item.id,
        "draft_id": item.draft_id,
        "brand": item.brand,
        "version": item.version,
        "vote": item.vote,
        "reason": item.reason,
        "comment": item.comment,
        "rewrite_action": item.rewrite_action,
        "actor": item.actor,
        "created_at": item.created_at,
    }


def totals(storage: Storage, *, brands: list[str]) -> dict[str, list[tuple[Any, ...]]]:
    """Counts for metrics: events by (brand, event), votes by (brand, vote, reason)."""
    from sqlalchemy import func

    events = select(DraftEventRow.brand, DraftEventRow.event, func.count()).group_by(
        DraftEventRow.brand, DraftEventRow.event
    )
    votes = select(FeedbackRow.brand, FeedbackRow.vote, FeedbackRow.reason, func.count()).group_by(
        FeedbackRow.brand, FeedbackRow.vote, FeedbackRow.reason
    )
    if ALL_BRANDS not in brands:
        events = events.where(DraftEventRow.brand.in_(brands))
        votes = votes.where(FeedbackRow.brand.in_(brands))
    with storage.sessions() as s:
        return {
            "events": [tuple(r) for r in s.execute(events).all()],
            "votes": [tuple(r) for r in s.execute(votes).all()],
        }
