"""Reads and writes of incidents, their facts timeline and events, crisis mode and the webhook
outbox. Each change is one transaction with its audit row; a crisis-mode change and the webhook
announcing it are written in the same commit as the incident change that caused it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from drafting.access import ALL_BRANDS, Principal
from drafting.errors import ConflictError, NotFoundError
from drafting.storage.repository import Storage
from drafting.storage.tables import (
    AlertRow,
    AuditRow,
    BrandStateRow,
    DraftRow,
    IncidentEventRow,
    IncidentFactRow,
    IncidentRow,
    MentionRow,
    PostRow,
    WebhookDeliveryRow,
)

UPDATE_KINDS = ("holding_statement", "status_update", "resolution_update")
CRISIS_SEVERITIES = ("high", "critical")
POSTED = ("approved", "sent")


def aware(value: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes: they are UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def utc(value: datetime) -> datetime:
    """A NOT NULL timestamp column as an aware datetime."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def new_id(prefix: str, size: int = 12) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:size]}"


@dataclass
class PostedUpdate:
    """An update the brand approved (and perhaps sent) for an incident."""

    draft_id: str
    kind: str
    channel: str
    status: str
    text: str
    at: datetime  # sent_at when sent, else decided_at
    external_post_id: str | None


@dataclass
class IncidentRecord:
    row: IncidentRow
    facts: list[IncidentFactRow]
    updates: list[PostedUpdate] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)  # drafts waiting for review
    drafts: int = 0
    mentions: int = 0


@dataclass
class CrisisChange:
    brand: str
    crisis_mode: bool
    incident_ids: list[str]
    at: datetime


class IncidentStore:
    def __init__(self, storage: Storage) -> None:
        self.storage = storage
        self.sessions = storage.sessions

    # --- incidents -----------------------------------------------------------------------------
    def create(
        self,
        row: IncidentRow,
        *,
        facts: IncidentFactRow | None,
        actor: str,
        webhook_url: str | None,
    ) -> CrisisChange | None:
        self._ensure_state(row.brand, row.opened_at)
        with self.sessions.begin() as s:
            if row.alert_id:
                alert = s.get(AlertRow, row.alert_id, with_for_update=True)
                if alert is None or alert.brand != row.brand:
                    raise NotFoundError(
                        f"No alert {row.alert_id!r} for brand {row.brand!r}.",
                        fix="Use an id from GET /v1/alerts.",
                    )
                if alert.status != "open":
                    raise ConflictError(
                        f"Alert {alert.id} is {alert.status}"
                        + (f" (incident {alert.incident_id})" if alert.incident_id else "")
                        + ".",
                        fix="Open the incident from an open alert, or without alert_id.",
                        current_status=alert.status,
                    )
                alert.status, alert.incident_id = "incident_opened", row.id
                s.execute(
                    update(MentionRow)
                    .where(
                        MentionRow.brand == row.brand,
                        MentionRow.incident_id.is_(None),
                        MentionRow.sentiment == "negative",
                        MentionRow.posted_at >= alert.window_start,
                        MentionRow.posted_at <= alert.window_end,
                    )
                    .values(incident_id=row.id)
                )
            s.add(row)
            s.flush()
            s.add(
                IncidentEventRow(
                    incident_id=row.id,
                    at=row.opened_at,
                    actor=actor,
                    kind="opened",
                    data={
                        "severity": row.severity,
                        "status": row.status,
                        "title": row.title,
                        "alert_id": row.alert_id,
                    },
                )
            )
            if facts is not None:
                s.add(facts)
            s.add(
                AuditRow(
                    at=row.opened_at,
                    actor=actor,
                    action="incident.opened",
                    brand=row.brand,
                    draft_id=None,
                    before=None,
                    after=_snapshot(row),
                )
            )
            return self._sync_crisis(s, row.brand, row.opened_at, actor, row.id, webhook_url)

    def update(
        self,
        incident_id: str,
        changes: dict[str, Any],
        *,
        principal: Principal,
        expected_version: int | None,
        now: datetime,
        webhook_url: str | None,
    ) -> CrisisChange | None:
        brand = self.get_row(incident_id, principal=principal).brand
        self._ensure_state(brand, now)
        with self.sessions.begin() as s:
            row = s.get(IncidentRow, incident_id, with_for_update=True)
            assert row is not None
            if expected_version is not None and row.version != expected_version:
                raise ConflictError(
                    f"Incident {incident_id} is at version {row.version}; you sent "
                    f"{expected_version}.",
                    fix="Reload the incident and apply your change again.",
                    current_version=row.version,
                    current_status=row.status,
                )
            before = _snapshot(row)
            for name, value in changes.items():
                old = getattr(row, name)
                if old == value:
                    continue
                setattr(row, name, value)
                s.add(
                    IncidentEventRow(
                        incident_id=row.id,
                        at=now,
                        actor=principal.actor,
                        kind=name,
                        data={"from": old, "to": value},
                    )
                )
            if before["status"] != row.status:
                row.resolved_at = now if row.status == "resolved" else None
            row.version += 1
            row.updated_at = now
            s.add(
                AuditRow(
                    at=now,
                    actor=principal.actor,
                    action="incident.updated",
                    brand=row.brand,
                    draft_id=None,
                    before=before,
                    after=_snapshot(row),
                )
            )
            return self._sync_crisis(s, row.brand, now, principal.actor, row.id, webhook_url)

    def add_facts(
        self,
        incident_id: str,
        facts: IncidentFactRow,
        *,
        principal: Principal,
        holding_line: str | None,
        webhook_url: str | None,
    ) -> CrisisChange | None:
        now = facts.created_at
        brand = self.get_row(incident_id, principal=principal).brand
        self._ensure_state(brand, now)
        with self.sessions.begin() as s:
            row = s.get(IncidentRow, incident_id, with_for_update=True)
            assert row is not None
            before = _snapshot(row)
            if row.status != facts.status:
                s.add(
                    IncidentEventRow(
                        incident_id=row.id,
                        at=now,
                        actor=principal.actor,
                        kind="status",
                        data={"from": row.status, "to": facts.status},
                    )
                )
                row.status = facts.status
                row.resolved_at = now if facts.status == "resolved" else None
            if holding_line is not None and holding_line != (row.holding_line or ""):
                s.add(
                    IncidentEventRow(
                        incident_id=row.id,
                        at=now,
                        actor=principal.actor,
                        kind="holding_line",
                        data={"to": holding_line},
                    )
                )
                row.holding_line = holding_line or None
            row.version += 1
            row.updated_at = now
            s.add(facts)
            s.flush()
            s.add(
                AuditRow(
                    at=now,
                    actor=principal.actor,
                    action="incident.facts_added",
                    brand=row.brand,
                    draft_id=None,
                    before=before,
                    after={
                        **_snapshot(row),
                        "facts_id": facts.id,
                        "known": facts.known,
                        "doing": facts.doing,
                        "customers_should": facts.customers_should,
                        "next_update_at": _iso(facts.next_update_at),
                    },
                )
            )
            return self._sync_crisis(s, row.brand, now, principal.actor, row.id, webhook_url)

    def get_row(self, incident_id: str, *, principal: Principal | None = None) -> IncidentRow:
        with self.sessions() as s:
            row = s.get(IncidentRow, incident_id)
        if row is None or (principal is not None and not principal.sees(row.brand)):
            raise NotFoundError(
                f"No incident {incident_id!r} for your brands.",
                fix="Use an id from GET /v1/incidents.",
            )
        return row

    def record(self, incident_id: str, *, principal: Principal | None = None) -> IncidentRecord:
        row = self.get_row(incident_id, principal=principal)
        return self.records([row])[0]

    def list_rows(
        self,
        *,
        brands: Iterable[str],
        open_only: bool = False,
        statuses: Iterable[str] = (),
        limit: int = 200,
    ) -> list[IncidentRow]:
        query = select(IncidentRow)
        brands = list(brands)
        if ALL_BRANDS not in brands:
            query = query.where(IncidentRow.brand.in_(brands))
        if open_only:
            query = query.where(IncidentRow.status != "resolved")
        if list(statuses):
            query = query.where(IncidentRow.status.in_(list(statuses)))
        with self.sessions() as s:
            return list(s.scalars(query.order_by(IncidentRow.opened_at.desc()).limit(limit)).all())

    def records(self, rows: list[IncidentRow]) -> list[IncidentRecord]:
        """Rows with their facts, posted updates and counts (a few queries for all of them)."""
        ids = [r.id for r in rows]
        if not ids:
            return []
        out = {r.id: IncidentRecord(row=r, facts=[]) for r in rows}
        with self.sessions() as s:
            for fact in s.scalars(
                select(IncidentFactRow)
                .where(IncidentFactRow.incident_id.in_(ids))
                .order_by(IncidentFactRow.id)
            ):
                out[fact.incident_id].facts.append(fact)
            drafts = s.execute(
                select(DraftRow, PostRow.incident_id)
                .join(PostRow, PostRow.id == DraftRow.post_id)
                .where(PostRow.incident_id.in_(ids))
            ).all()
            counts = s.execute(
                select(MentionRow.incident_id, func.count())
                .where(MentionRow.incident_id.in_(ids))
                .group_by(MentionRow.incident_id)
            ).all()
        for draft, incident_id in drafts:
            record = out[str(incident_id)]
            record.drafts += 1
            if draft.status == "pending_review":
                record.pending.append(draft.id)
            if draft.kind in UPDATE_KINDS and draft.status in POSTED:
                at = aware(draft.sent_at) or aware(draft.decided_at) or aware(draft.created_at)
                assert at is not None
                record.updates.append(
                    PostedUpdate(
                        draft_id=draft.id,
                        kind=draft.kind,
                        channel=draft.channel,
                        status=draft.status,
                        text=draft.approved_text or draft.text,
                        at=at,
                        external_post_id=draft.external_post_id,
                    )
                )
        for incident_id, count in counts:
            out[str(incident_id)].mentions = int(count)
        for record in out.values():
            record.updates.sort(key=lambda u: u.at)
        return [out[i] for i in ids]

    def events(self, incident_id: str) -> list[IncidentEventRow]:
        with self.sessions() as s:
            return list(
                s.scalars(
                    select(IncidentEventRow)
                    .where(IncidentEventRow.incident_id == incident_id)
                    .order_by(IncidentEventRow.id)
                ).all()
            )

    def drafts(self, incident_id: str) -> list[str]:
        """Ids of the drafts linked to an incident, oldest first."""
        with self.sessions() as s:
            return list(
                s.scalars(
                    select(DraftRow.id)
                    .join(PostRow, PostRow.id == DraftRow.post_id)
                    .where(PostRow.incident_id == incident_id)
                    .order_by(DraftRow.created_at)
                ).all()
            )

    def link_mentions(
        self, incident_id: str, mention_ids: list[str], *, principal: Principal, now: datetime
    ) -> int:
        row = self.get_row(incident_id, principal=principal)
        with self.sessions.begin() as s:
            done = s.execute(
                update(MentionRow)
                .where(MentionRow.id.in_(mention_ids), MentionRow.brand == row.brand)
                .values(incident_id=incident_id)
            )
            linked = int(getattr(done, "rowcount", 0) or 0)
            if linked != len(set(mention_ids)):
                s.rollback()
                raise NotFoundError(
                    f"{len(set(mention_ids)) - linked} of the mentions are not mentions of "
                    f"brand {row.brand!r}.",
                    fix="Use ids from GET /v1/mentions for this brand.",
                )
            s.add(
                AuditRow(
                    at=now,
                    actor=principal.actor,
                    action="incident.mentions_linked",
                    brand=row.brand,
                    draft_id=None,
                    before=None,
                    after={"incident_id": incident_id, "mention_ids": mention_ids},
                )
            )
        return linked

    def save_lessons(
        self, incident_id: str, text: str, *, principal: Principal, now: datetime, path: str
    ) -> None:
        with self.sessions.begin() as s:
            row = s.get(IncidentRow, incident_id, with_for_update=True)
            if row is None or not principal.sees(row.brand):
                raise NotFoundError(
                    f"No incident {incident_id!r} for your brands.",
                    fix="Use an id from GET /v1/incidents.",
                )
            row.lessons, row.lessons_saved_at = text, now
            s.add(
                IncidentEventRow(
                    incident_id=row.id,
                    at=now,
                    actor=principal.actor,
                    kind="lessons",
                    data={"path": path},
                )
            )
            s.add(
                AuditRow(
                    at=now,
                    actor=principal.actor,
                    action="incident.lessons_saved",
                    brand=row.brand,
                    draft_id=None,
                    before=None,
                    after={"incident_id": incident_id, "path": path},
                )
            )

    # --- crisis mode ---------------------------------------------------------------------------
    def brand_state(self, brand: str) -> BrandStateRow | None:
        with self.sessions() as s:
            return s.get(BrandStateRow, brand)

    def _ensure_state(self, brand: str, now: datetime) -> None:
        with self.sessions() as s:
            if s.get(BrandStateRow, brand) is not None:
                return
        try:
            with self.sessions.begin() as s:
                s.add(
                    BrandStateRow(brand=brand, crisis_mode=False, incident_ids=[], changed_at=now)
                )
        except IntegrityError:
            pass  # another request created it first

    def _sync_crisis(
        self,
        s: Session,
        brand: str,
        now: datetime,
        actor: str,
        incident_id: str,
        webhook_url: str | None,
    ) -> CrisisChange | None:
        """Recompute the brand's crisis mode; on a change, record it and queue the webhook."""
        state = s.get(BrandStateRow, brand, with_for_update=True)
        assert state is not None, "call _ensure_state first"
        s.flush()
        open_high = list(
            s.scalars(
                select(IncidentRow.id)
                .where(
                    IncidentRow.brand == brand,
                    IncidentRow.status != "resolved",
                    IncidentRow.severity.in_(CRISIS_SEVERITIES),
                )
                .order_by(IncidentRow.opened_at)
            ).all()
        )
        crisis = bool(open_high)
        state.incident_ids = open_high
        if state.crisis_mode == crisis:
            return None
        state.crisis_mode, state.changed_at = crisis, now
        change = CrisisChange(brand=brand, crisis_mode=crisis, incident_ids=open_high, at=now)
        s.add(
            IncidentEventRow(
                incident_id=incident_id,
                at=now,
                actor=actor,
                kind="crisis_mode",
                data={"crisis_mode": crisis, "incident_ids": open_high},
            )
        )
        s.add(
            AuditRow(
                at=now,
                actor=actor,
                action="brand.crisis_mode",
                brand=brand,
                draft_id=None,
                before={"crisis_mode": not crisis},
                after={"crisis_mode": crisis, "incident_ids": open_high},
            )
        )
        enqueue_webhook(
            s,
            webhook_url,
            "brand.crisis_mode",
            brand,
            now,
            {
                "crisis_mode": crisis,
                "incident_ids": open_high,
                "changed_at": now.isoformat(),
                "caused_by": incident_id,
            },
        )
        return change

    # --- webhook outbox ------------------------------------------------------------------------
    def claim_deliveries(self, *, limit: int = 20) -> list[WebhookDeliveryRow]:
        """Pending deliveries this worker now owns (status pending → sending)."""
        with self.sessions() as s:
            ids = list(
                s.scalars(
                    select(WebhookDeliveryRow.id)
                    .where(WebhookDeliveryRow.status == "pending")
                    .order_by(WebhookDeliveryRow.created_at)
                    .limit(limit)
                ).all()
            )
        claimed = []
        for delivery_id in ids:
            with self.sessions.begin() as s:
                done = s.execute(
                    update(WebhookDeliveryRow)
                    .where(
                        WebhookDeliveryRow.id == delivery_id, WebhookDeliveryRow.status == "pending"
                    )
                    .values(status="sending")
                )
                if getattr(done, "rowcount", 0):
                    row = s.get(WebhookDeliveryRow, delivery_id)
                    assert row is not None
                    claimed.append(row)
        return claimed

    def finish_delivery(
        self,
        delivery_id: str,
        *,
        status: str,
        attempts: int,
        status_code: int | None,
        error: str | None,
        now: datetime,
    ) -> None:
        with self.sessions.begin() as s:
            s.execute(
                update(WebhookDeliveryRow)
                .where(WebhookDeliveryRow.id == delivery_id)
                .values(
                    status=status,
                    attempts=attempts,
                    last_status_code=status_code,
                    last_error=error,
                    delivered_at=now if status == "delivered" else None,
                )
            )

    def deliveries(self, *, brand: str | None = None, limit: int = 100) -> list[WebhookDeliveryRow]:
        query = select(WebhookDeliveryRow)
        if brand:
            query = query.where(WebhookDeliveryRow.brand == brand)
        with self.sessions() as s:
            return list(s.scalars(query.order_by(WebhookDeliveryRow.created_at).limit(limit)))


def enqueue_webhook(
    s: Session, url: str | None, event: str, brand: str | None, now: datetime, data: dict[str, Any]
) -> str | None:
    """Add an outgoing event to the outbox in the caller's transaction (nothing without a URL)."""
    if not url:
        return None
    delivery_id = new_id("wh", 20)
    payload = {
        "id": delivery_id,
        "event": event,
        "brand": brand,
        "created_at": now.isoformat(),
        "data": data,
    }
    s.add(
        WebhookDeliveryRow(
            id=delivery_id,
            event=event,
            brand=brand,
            url=url,
            payload=payload,
            status="pending",
            attempts=0,
            created_at=now,
        )
    )
    return delivery_id


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _snapshot(row: IncidentRow) -> dict[str, Any]:
    return {
        "incident_id": row.id,
        "title": row.title,
        "severity": row.severity,
        "status": row.status,
        "channels": row.channels,
        "keywords": row.keywords,
        "holding_line": row.holding_line,
        "cadence_minutes": row.cadence_minutes,
        "version": row.version,
    }
