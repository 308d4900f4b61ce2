"""What happened in a time range, read for KPIs, metrics and post-incident reviews.

Drafts come with their post (received time, sentiment, incident), the model's first text, the
checks that failed on it, and every decision; mentions with their sentiment. Reads are done in
a few queries per range, in chunks of ids.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from drafting.access import ALL_BRANDS
from drafting.storage.incidents import aware, utc
from drafting.storage.repository import Storage
from drafting.storage.tables import (
    AlertRow,
    DecisionRow,
    DraftRow,
    DraftVersionRow,
    IncidentRow,
    MentionRow,
    PostRow,
)

CHUNK = 500


@dataclass
class DecisionActivity:
    action: str
    actor: str
    role: str
    reason: str | None
    diff: str | None
    override: bool
    at: datetime


@dataclass
class DraftActivity:
    id: str
    brand: str
    kind: str
    channel: str
    status: str
    incident_id: str | None
    post_text: str
    post_key: str
    received_at: datetime
    created_at: datetime
    decided_at: datetime | None
    sent_at: datetime | None
    model_text: str
    approved_text: str | None
    cost_usd: float
    prompt_tokens: int
    completion_tokens: int
    failed_checks: list[str]
    sentiment: str | None
    sentiment_score: float | None
    decisions: list[DecisionActivity] = field(default_factory=list)
    category: str = "other"
    model: str = ""
    created_by: str | None = None  # the API key that asked for the draft
    rewrites: int = 0


@dataclass
class MentionActivity:
    brand: str
    posted_at: datetime
    sentiment: str
    score: float
    incident_id: str | None
    post_key: str


def post_key(author: str | None, text: str) -> str:
    """Same author and text: the same post, whether it came as a mention or for a draft."""
    return hashlib.sha256(
        f"{(author or '').lower()}\0{' '.join(text.split())}".encode()
    ).hexdigest()


def _brands(query: Any, column: Any, brands: Sequence[str]) -> Any:
    return query if ALL_BRANDS in brands else query.where(column.in_(list(brands)))


def drafts_between(
    storage: Storage,
    *,
    brands: Sequence[str],
    since: datetime | None = None,
    until: datetime | None = None,
    incident_id: str | None = None,
) -> list[DraftActivity]:
    query = _brands(
        select(DraftRow, PostRow).join(PostRow, PostRow.id == DraftRow.post_id),
        DraftRow.brand,
        brands,
    )
    if since:
        query = query.where(PostRow.received_at >= since)
    if until:
        query = query.where(PostRow.received_at <= until)
    if incident_id:
        query = query.where(PostRow.incident_id == incident_id)
    with storage.sessions() as s:
        rows = s.execute(query.order_by(PostRow.received_at)).all()
        ids = [d.id for d, _ in rows]
        first: dict[str, DraftVersionRow] = {}
        rewrites: dict[str, int] = {}
        decisions: dict[str, list[DecisionActivity]] = {}
        for start in range(0, len(ids), CHUNK):
            part = ids[start : start + CHUNK]
            for v in s.scalars(
                select(DraftVersionRow)
                .where(
                    DraftVersionRow.draft_id.in_(part),
                    DraftVersionRow.origin.in_(("model", "revision", "rewrite")),
                )
                .order_by(DraftVersionRow.id)
            ):
                if v.origin == "rewrite":
                    rewrites[v.draft_id] = rewrites.get(v.draft_id, 0) + 1
                else:
                    first.setdefault(v.draft_id, v)
            for d in s.scalars(
                select(DecisionRow).where(DecisionRow.draft_id.in_(part)).order_by(DecisionRow.id)
            ):
                decisions.setdefault(d.draft_id, []).append(
                    DecisionActivity(
                        action=d.action,
                        actor=d.actor,
                        role=d.role,
                        reason=d.reason,
                        diff=d.diff,
                        override=d.override,
                        at=utc(d.created_at),
                    )
                )
    out = []
    for draft, post in rows:
        version = first.get(draft.id)
        checks = (version.checks if version else None) or draft.body.get("checks") or {}
        usage = draft.body.get("usage") or {}
        sentiment = (post.triage or {}).get("sentiment") or {}
        out.append(
            DraftActivity(
                id=draft.id,
                brand=draft.brand,
                kind=draft.kind,
                channel=draft.channel,
                status=draft.status,
                incident_id=post.incident_id,
                post_text=post.text,
                post_key=post_key(post.author, post.text),
                received_at=utc(post.received_at),
                created_at=utc(draft.created_at),
                decided_at=aware(draft.decided_at),
                sent_at=aware(draft.sent_at),
                model_text=version.text if version else draft.text,
                approved_text=draft.approved_text,
                cost_usd=float(draft.cost_usd or 0.0),
                prompt_tokens=int(usage.get("prompt_tokens") or 0),
                completion_tokens=int(usage.get("completion_tokens") or 0),
                failed_checks=[
                    f["id"]
                    for f in checks.get("findings", [])
                    if not f.get("passed", True) and f.get("severity") != "info"
                ],
                sentiment=sentiment.get("label"),
                sentiment_score=sentiment.get("score"),
                decisions=decisions.get(draft.id, []),
                category=str((post.triage or {}).get("category") or "other"),
                model=draft.model,
                created_by=draft.created_by,
                rewrites=rewrites.get(draft.id, 0),
            )
        )
    return out


def mentions_between(
    storage: Storage,
    *,
    brands: Sequence[str],
    since: datetime | None = None,
    until: datetime | None = None,
    incident_id: str | None = None,
) -> list[MentionActivity]:
    query = _brands(
        select(
            MentionRow.brand,
            MentionRow.posted_at,
            MentionRow.sentiment,
            MentionRow.sentiment_score,
            MentionRow.incident_id,
            MentionRow.author,
            MentionRow.text,
        ),
        MentionRow.brand,
        brands,
    )
    if since:
        query = query.where(MentionRow.posted_at >= since)
    if until:
        query = query.where(MentionRow.posted_at <= until)
    if incident_id:
        query = query.where(MentionRow.incident_id == incident_id)
    with storage.sessions() as s:
        rows = s.execute(query.order_by(MentionRow.posted_at)).all()
    return [
        MentionActivity(
            brand=r.brand,
            posted_at=utc(r.posted_at),
            sentiment=r.sentiment,
            score=r.sentiment_score,
            incident_id=r.incident_id,
            post_key=post_key(r.author, r.text),
        )
        for r in rows
    ]


def incidents_between(
    storage: Storage,
    *,
    brands: Sequence[str],
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[IncidentRow]:
    query = _brands(select(IncidentRow), IncidentRow.brand, brands)
    if until:
        query = query.where(IncidentRow.opened_at <= until)
    if since:
        query = query.where(
            (IncidentRow.resolved_at.is_(None)) | (IncidentRow.resolved_at >= since)
        )
    with storage.sessions() as s:
        return list(s.scalars(query.order_by(IncidentRow.opened_at)))


def counts(storage: Storage, *, brands: Sequence[str]) -> dict[str, list[tuple[Any, ...]]]:
    """Aggregates for /metrics, one GROUP BY each."""

    def grouped(
        s: Any, *columns: Any, table: Any, brand_col: Any, extra: Iterable[Any] = ()
    ) -> list[tuple[Any, ...]]:
        query = _brands(select(*columns).select_from(table), brand_col, brands)
        for condition in extra:
            query = query.where(condition)
        return [tuple(r) for r in s.execute(query.group_by(*columns[:-1])).all()]

    with storage.sessions() as s:
        return {
            "drafts": grouped(
                s,
                DraftRow.brand,
                DraftRow.status,
                func.count(),
                table=DraftRow,
                brand_col=DraftRow.brand,
            ),
            "cost": grouped(
                s,
                DraftRow.brand,
                func.sum(DraftRow.cost_usd),
                table=DraftRow,
                brand_col=DraftRow.brand,
            ),
            "mentions": grouped(
                s,
                MentionRow.brand,
                MentionRow.sentiment,
                func.count(),
                table=MentionRow,
                brand_col=MentionRow.brand,
            ),
            "alerts": grouped(
                s,
                AlertRow.brand,
                AlertRow.status,
                func.count(),
                table=AlertRow,
                brand_col=AlertRow.brand,
            ),
            "incidents": grouped(
                s,
                IncidentRow.brand,
                IncidentRow.status,
                IncidentRow.severity,
                func.count(),
                table=IncidentRow,
                brand_col=IncidentRow.brand,
            ),
        }


def draft_records(
    storage: Storage, *, brands: Sequence[str], since: datetime, until: datetime
) -> list[dict[str, Any]]:
    """One record per draft created in the range, for export: status, model, prompt, the AI
    label kept on the record, whether a person changed the text, when it was sent."""
    query = _brands(select(DraftRow), DraftRow.brand, brands)
    query = query.where(DraftRow.created_at >= since, DraftRow.created_at <= until)
    with storage.sessions() as s:
        rows = s.scalars(query.order_by(DraftRow.created_at)).all()
    out = []
    for r in rows:
        body = r.body or {}
        first = str(body.get("text") or "")
        out.append(
            {
                "id": r.id,
                "brand": r.brand,
                "channel": r.channel,
                "kind": r.kind,
                "status": r.status,
                "created_at": utc(r.created_at).isoformat(),
                "model": r.model,
                "prompt_version": r.prompt_version,
                "disclosure": body.get("disclosure"),
                "edited_by_person": r.approved_text is not None and r.approved_text != first,
                "approved_text": r.approved_text,
                "sent_at": utc(r.sent_at).isoformat() if r.sent_at else None,
                "external_post_id": r.external_post_id,
            }
        )
    return out
