"""All reads and writes of the workflow, each a single transaction.

A draft is stored with its post, every version and an audit row in one commit; a decision
updates the draft only if its version is the one the reviewer saw (optimistic concurrency),
and writes the decision and the audit row in the same commit.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from drafting.access import ALL_BRANDS, Principal, hash_key, new_key
from drafting.errors import ConflictError, NotFoundError
from drafting.schemas import DraftPublic, ReviewState
from drafting.storage.engine import session_factory
from drafting.storage.tables import (
    ApiKeyRow,
    AuditRow,
    DecisionRow,
    DraftRow,
    DraftVersionRow,
    IdempotencyRow,
    PostRow,
    RateLimitRow,
)

SEVERITY_RANK = {"critical": 0, "high": 1, "medium": 2, "low": 3}


def utcnow() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


class Storage:
    def __init__(self, url: str) -> None:
        self.url = url
        self.sessions: sessionmaker[Session] = session_factory(url)

    # --- API keys ----------------------------------------------------------------------------
    def create_key(self, *, name: str, role: str, brands: Iterable[str]) -> tuple[str, Principal]:
        key, prefix, digest = new_key()
        row = ApiKeyRow(
            id=f"k_{prefix}",
            prefix=prefix,
            hash=digest,
            name=name,
            role=role,
            brands=sorted(set(brands)),
            created_at=utcnow(),
        )
        with self.sessions.begin() as s:
            s.add(row)
            s.add(
                AuditRow(
                    at=utcnow(),
                    actor="cli",
                    action="key.created",
                    brand=None,
                    draft_id=None,
                    before=None,
                    after={"id": row.id, "name": name, "role": role, "brands": row.brands},
                )
            )
        return key, Principal(row.id, name, role, tuple(row.brands))

    def authenticate(self, key: str) -> Principal | None:
        with self.sessions() as s:
            row = s.scalar(select(ApiKeyRow).where(ApiKeyRow.hash == hash_key(key)))
        if row is None or row.revoked_at is not None:
            return None
        return Principal(row.id, row.name, row.role, tuple(row.brands))

    def list_keys(self) -> list[dict[str, Any]]:
        with self.sessions() as s:
            rows = s.scalars(select(ApiKeyRow).order_by(ApiKeyRow.created_at)).all()
        return [
            {
                "id": r.id,
                "name": r.name,
                "role": r.role,
                "brands": r.brands,
                "created_at": r.created_at,
                "revoked_at": r.revoked_at,
            }
            for r in rows
        ]

    def revoke_key(self, key_id: str, actor: str) -> None:
        with self.sessions.begin() as s:
            done = s.execute(
                update(ApiKeyRow)
                .where(ApiKeyRow.id == key_id, ApiKeyRow.revoked_at.is_(None))
                .values(revoked_at=utcnow())
            )
            if not getattr(done, "rowcount", 0):
                raise NotFoundError(
                    f"No active key {key_id!r}.", fix="List keys with GET /v1/keys."
                )
            s.add(
                AuditRow(
                    at=utcnow(),
                    actor=actor,
                    action="key.revoked",
                    brand=None,
                    draft_id=None,
                    before=None,
                    after={"id": key_id},
                )
            )

    def has_keys(self) -> bool:
        with self.sessions() as s:
            return s.scalar(select(ApiKeyRow.id).limit(1)) is not None

    # --- drafts ------------------------------------------------------------------------------
    def save(
        self,
        draft: DraftPublic,
        actor: Principal | None = None,
        received_at: datetime | None = None,
    ) -> None:
        now = utcnow()
        received = received_at or draft.created_at
        post_id = "p_" + draft.id.removeprefix("d_")
        body = draft.model_dump(mode="json")
        versions = [
            {
                "draft_id": draft.id,
                "origin": "revision" if draft.revised else "model",
                "text": draft.text,
                "checks": draft.checks,
                "actor": draft.model,
                "created_at": now,
            },
            *(
                {
                    "draft_id": draft.id,
                    "origin": "alternative",
                    "text": alt.text,
                    "checks": alt.checks,
                    "actor": draft.model,
                    "created_at": now,
                }
                for alt in draft.alternatives
            ),
        ]
        # ORM bulk INSERTs, in foreign-key order, in one transaction: the unit of work's
        # bookkeeping cost more than the statements themselves (about 1.5 of 2.2 ms a draft).
        with self.sessions.begin() as s:
            s.execute(
                insert(PostRow),
                [
                    {
                        "id": post_id,
                        "brand": draft.brand,
                        "channel": draft.channel,
                        "text": draft.post.text,
                        "author": draft.post.author,
                        "url": draft.post.url,
                        "thread": [m.model_dump() for m in draft.thread],
                        "triage": draft.triage,
                        "incident_id": draft.incident_id,
                        "received_at": received,
                    }
                ],
            )
            s.execute(
                insert(DraftRow),
                [
                    {
                        "id": draft.id,
                        "post_id": post_id,
                        "brand": draft.brand,
                        "channel": draft.channel,
                        "kind": draft.kind,
                        "status": draft.status,
                        "version": 1,
                        "text": draft.text,
                        "verdict": draft.verdict,
                        "severity": draft.triage.get("severity", "low"),
                        "model": draft.model,
                        "prompt_version": draft.prompt_version,
                        "cost_usd": draft.usage.cost_usd,
                        "created_by": actor.key_id if actor else None,
                        "created_at": draft.created_at,
                        "body": body,
                    }
                ],
            )
            s.execute(insert(DraftVersionRow), versions)
            s.execute(
                insert(AuditRow),
                [
                    {
                        "at": now,
                        "actor": actor.actor if actor else "cli",
                        "action": "draft.created",
                        "brand": draft.brand,
                        "draft_id": draft.id,
                        "before": None,
                        "after": {
                            "status": draft.status,
                            "text": draft.text,
                            "verdict": draft.verdict,
                            "model": draft.model,
                            "prompt_version": draft.prompt_version,
                        },
                    }
                ],
            )

    def get(
        self,
        draft_id: str,
        *,
        principal: Principal | None = None,
        targets_for: Callable[[str], dict[str, int]] | None = None,
    ) -> DraftPublic:
        """The draft as it stands; ``targets_for(brand)`` gives its response targets (overdue)."""
        with self.sessions() as s:
            row = s.get(DraftRow, draft_id)
            post = s.get(PostRow, row.post_id) if row else None
            decided_by = None
            reason = None
            override = False
            if row is not None and row.decided_at is not None:
                last = s.scalars(
                    select(DecisionRow)
                    .where(DecisionRow.draft_id == draft_id)
                    .order_by(DecisionRow.id.desc())
                    .limit(1)
                ).first()
                if last is not None:
                    decided_by, reason, override = last.actor, last.reason, last.override
        if row is None or (principal is not None and not principal.sees(row.brand)):
            raise NotFoundError(
                f"No draft {draft_id!r} for your brands.",
                fix="Use an id returned by POST /v1/drafts for a brand of your key.",
            )
        targets = targets_for(row.brand) if targets_for is not None else {}
        return self._public(row, post, decided_by, reason, override, targets)

    def _public(
        self,
        row: DraftRow,
        post: PostRow | None,
        decided_by: str | None,
        reason: str | None,
        override: bool,
        targets: dict[str, int],
    ) -> DraftPublic:
        draft = DraftPublic.model_validate(row.body)
        received = _aware(post.received_at) if post else _aware(row.created_at)
        created = _aware(row.created_at)
        decided = _aware(row.decided_at)
        approval_minutes = targets.get("approval_minutes", 30)
        overdue = (
            row.status == "pending_review"
            and received is not None
            and utcnow() - received > timedelta(minutes=approval_minutes)
        )
        draft.status = row.status
        draft.review = ReviewState(
            version=row.version,
            decided_at=decided,
            decided_by=decided_by,
            reason=reason,
            approved_text=row.approved_text,
            override=override,
            sent_at=_aware(row.sent_at),
            external_post_id=row.external_post_id,
            received_at=received,
            minutes_to_first_draft=_minutes(received, created),
            minutes_to_approval=_minutes(received, decided) if row.approved_text else None,
            overdue=overdue,
        )
        return draft

    def spent_since(self, brand: str, since: datetime) -> float:
        """Model cost of the brand's drafts created since ``since`` (USD)."""
        from sqlalchemy import func

        with self.sessions() as s:
            total = s.scalar(
                select(func.coalesce(func.sum(DraftRow.cost_usd), 0.0)).where(
                    DraftRow.brand == brand, DraftRow.created_at >= since
                )
            )
        return float(total or 0.0)

    def queue(
        self,
        *,
        brands: Iterable[str],
        statuses: Iterable[str],
        limit: int = 100,
        targets: dict[str, dict[str, int]] | None = None,
    ) -> list[DraftPublic]:
        brands = list(brands)
        with self.sessions() as s:
            query = (
                select(DraftRow, PostRow)
                .join(PostRow, PostRow.id == DraftRow.post_id)
                .where(DraftRow.status.in_(list(statuses)))
            )
            if ALL_BRANDS not in brands:
                query = query.where(DraftRow.brand.in_(brands))
            rows = s.execute(query.order_by(DraftRow.created_at).limit(2000)).all()
        items = [
            self._public(d, p, None, None, False, (targets or {}).get(d.brand, {})) for d, p in rows
        ]
        items.sort(
            key=lambda d: (
                not d.review.overdue,
                SEVERITY_RANK.get(d.triage.get("severity", "low"), 3),
                d.review.received_at or d.created_at,
            )
        )
        return items[:limit]

    def history(self, draft_id: str) -> dict[str, Any]:
        with self.sessions() as s:
            versions = s.scalars(
                select(DraftVersionRow)
                .where(DraftVersionRow.draft_id == draft_id)
                .order_by(DraftVersionRow.id)
            ).all()
            decisions = s.scalars(
                select(DecisionRow).where(DecisionRow.draft_id == draft_id).order_by(DecisionRow.id)
            ).all()
        return {
            "versions": [
                {
                    "origin": v.origin,
                    "action": v.action,
                    "text": v.text,
                    "actor": v.actor,
                    "verdict": (v.checks or {}).get("verdict"),
                    "at": _aware(v.created_at),
                }
                for v in versions
            ],
            "decisions": [
                {
                    "action": d.action,
                    "from": d.from_status,
                    "to": d.to_status,
                    "actor": d.actor,
                    "role": d.role,
                    "reason": d.reason,
                    "override": d.override,
                    "diff": d.diff,
                    "at": _aware(d.created_at),
                }
                for d in decisions
            ],
        }

    def transition(
        self,
        draft_id: str,
        *,
        action: str,
        allowed_from: set[str],
        to_status: str,
        principal: Principal,
        expected_version: int | None = None,
        reason: str | None = None,
        text: str | None = None,
        diff: str | None = None,
        checks: dict[str, Any] | None = None,
        override: bool = False,
        external_post_id: str | None = None,
        origin: str = "edit",
        rewrite_action: str | None = None,
        language: str | None = None,
    ) -> int:
        """Move a draft to ``to_status`` if it is in ``allowed_from`` at the expected version.

        Returns the new version; raises ConflictError (with the current state) otherwise.
        """
        now = utcnow()
        with self.sessions.begin() as s:
            row = s.get(DraftRow, draft_id)
            if row is None or not principal.sees(row.brand):
                raise NotFoundError(
                    f"No draft {draft_id!r} for your brands.",
                    fix="Use an id returned by POST /v1/drafts.",
                )
            version = expected_version if expected_version is not None else row.version
            before = {
                "status": row.status,
                "version": row.version,
                "text": row.text,
                "approved_text": row.approved_text,
            }
            values: dict[str, Any] = {"status": to_status, "version": version + 1}
            if to_status in ("approved", "rejected", "changes_requested") and (
                to_status != row.status
            ):
                values["decided_at"] = now
            if to_status == "approved":
                values["approved_text"] = text if text is not None else row.text
            if to_status in ("pending_review", "changes_requested") and text is not None:
                body = dict(row.body)
                body.update(
                    text=text,
                    checks=checks or body.get("checks"),
                    verdict=(checks or {}).get("verdict", body.get("verdict")),
                    language=language or body.get("language"),
                )
                values.update(text=text, verdict=body["verdict"], body=body)
            if to_status == "sent":
                values.update(sent_at=now, external_post_id=external_post_id)
            done = s.execute(
                update(DraftRow)
                .where(
                    DraftRow.id == draft_id,
                    DraftRow.version == version,
                    DraftRow.status.in_(sorted(allowed_from)),
                )
                .values(**values)
            )
            if not getattr(done, "rowcount", 0):
                s.rollback()
                current = self._state(draft_id)
                raise ConflictError(
                    f"Draft {draft_id} is {current['status']} at version {current['version']}; "
                    f"it cannot be {action.replace('_', ' ')}d from there (you sent version "
                    f"{version}).",
                    fix="Reload the draft and decide again on its current state.",
                    current_status=current["status"],
                    current_version=current["version"],
                )
            if text is not None and to_status in (
                "approved",
                "pending_review",
                "changes_requested",
            ):
                s.add(
                    DraftVersionRow(
                        draft_id=draft_id,
                        origin=origin,
                        action=rewrite_action,
                        text=text,
                        checks=checks or {},
                        actor=principal.actor,
                        created_at=now,
                    )
                )
            s.add(
                DecisionRow(
                    draft_id=draft_id,
                    action=action,
                    from_status=before["status"],
                    to_status=to_status,
                    actor=principal.actor,
                    role=principal.role,
                    reason=reason,
                    override=override,
                    text=text,
                    diff=diff,
                    created_at=now,
                )
            )
            after = {k: v for k, v in values.items() if k != "body"}
            s.add(
                AuditRow(
                    at=now,
                    actor=principal.actor,
                    action=f"draft.{action}",
                    brand=row.brand,
                    draft_id=draft_id,
                    before=before,
                    after={
                        **after,
                        "reason": reason,
                        "override": override,
                        "decided_at": now.isoformat() if "decided_at" in values else None,
                        "sent_at": None,
                    },
                )
            )
            return version + 1

    def _state(self, draft_id: str) -> dict[str, Any]:
        with self.sessions() as s:
            row = s.get(DraftRow, draft_id)
            return {
                "status": row.status if row else "missing",
                "version": row.version if row else 0,
            }

    # --- audit -------------------------------------------------------------------------------
    def audit(
        self,
        *,
        principal: Principal,
        brand: str | None = None,
        draft_id: str | None = None,
        actor: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 200,
    ) -> list[dict[str, Any]]:
        query = select(AuditRow)
        if ALL_BRANDS not in principal.brands:
            query = query.where(AuditRow.brand.in_(list(principal.brands)))
        if brand:
            query = query.where(AuditRow.brand == brand)
        if draft_id:
            query = query.where(AuditRow.draft_id == draft_id)
        if actor:
            query = query.where(AuditRow.actor.contains(actor))
        if since:
            query = query.where(AuditRow.at >= since)
        if until:
            query = query.where(AuditRow.at <= until)
        with self.sessions() as s:
            rows = s.scalars(query.order_by(AuditRow.id.desc()).limit(limit)).all()
        return [
            {
                "id": r.id,
                "at": _aware(r.at),
                "actor": r.actor,
                "action": r.action,
                "brand": r.brand,
                "draft_id": r.draft_id,
                "before": r.before,
                "after": r.after,
            }
            for r in rows
        ]

    def record(
        self,
        *,
        actor: str,
        action: str,
        brand: str | None,
        after: dict[str, Any],
        draft_id: str | None = None,
    ) -> None:
        with self.sessions.begin() as s:
            s.add(
                AuditRow(
                    at=utcnow(),
                    actor=actor,
                    action=action,
                    brand=brand,
                    draft_id=draft_id,
                    before=None,
                    after=after,
                )
            )

    # --- idempotency -------------------------------------------------------------------------
    def idempotency_begin(
        self, key_id: str, key: str, request: Any, *, abandoned_after_s: float = 300.0
    ) -> dict[str, Any] | None:
        """Claim ``key``; return the stored response if this request was already answered.

        A claim with no answer after ``abandoned_after_s`` (its worker died mid-request) is
        taken over by the retry instead of answering "in progress" for ever.
        """
        digest = hashlib.sha256(
            json.dumps(request, sort_keys=True, default=str).encode()
        ).hexdigest()
        try:
            with self.sessions.begin() as s:
                s.add(
                    IdempotencyRow(
                        key_id=key_id,
                        idempotency_key=key,
                        request_hash=digest,
                        status_code=None,
                        response=None,
                        created_at=utcnow(),
                    )
                )
            return None
        except IntegrityError:
            with self.sessions() as s:
                row = s.get(IdempotencyRow, (key_id, key))
            if row is None:
                return None
            if row.request_hash != digest:
                raise ConflictError(
                    "This Idempotency-Key was already used for a different request.",
                    fix="Use a new Idempotency-Key for a new request.",
                ) from None
            started = _aware(row.created_at)
            if (
                row.status_code is None
                and started is not None
                and utcnow() - started > timedelta(seconds=abandoned_after_s)
                and self._take_over(key_id, key, row.created_at, digest)
            ):
                return None
            if row.status_code is None:
                raise ConflictError(
                    "A request with this Idempotency-Key is still in progress.",
                    fix="Wait a moment and retry with the same key.",
                ) from None
            return {"status_code": row.status_code, "body": row.response}

    def _take_over(self, key_id: str, key: str, claimed_at: datetime, digest: str) -> bool:
        """Claim an abandoned key (one winner when several retries race for it)."""
        with self.sessions.begin() as s:
            done = s.execute(
                update(IdempotencyRow)
                .where(
                    IdempotencyRow.key_id == key_id,
                    IdempotencyRow.idempotency_key == key,
                    IdempotencyRow.status_code.is_(None),
                    IdempotencyRow.created_at == claimed_at,
                )
                .values(created_at=utcnow(), request_hash=digest)
            )
            return bool(getattr(done, "rowcount", 0))

    def idempotency_finish(self, key_id: str, key: str, status_code: int, body: Any) -> None:
        with self.sessions.begin() as s:
            s.execute(
                update(IdempotencyRow)
                .where(IdempotencyRow.key_id == key_id, IdempotencyRow.idempotency_key == key)
                .values(status_code=status_code, response=body)
            )

    def idempotency_abort(self, key_id: str, key: str) -> None:
        with self.sessions.begin() as s:
            s.execute(
                delete(IdempotencyRow).where(
                    IdempotencyRow.key_id == key_id,
                    IdempotencyRow.idempotency_key == key,
                    IdempotencyRow.status_code.is_(None),
                )
            )

    # --- rate limits -------------------------------------------------------------------------
    def hit(self, key_id: str, *, limit: int, window_s: int = 60) -> int | None:
        """Count a request; return seconds to wait when over ``limit`` in the window.

        One upsert with RETURNING (SQLite and PostgreSQL), so every worker counts in the same
        row; the previous windows are cleared when a key opens a new one.
        """
        now = utcnow().timestamp()
        window = int(now // window_s)
        dialect = self.sessions.kw["bind"].dialect.name
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as upsert
        else:
            from sqlalchemy.dialects.sqlite import insert as upsert  # type: ignore[assignment]
        statement = (
            upsert(RateLimitRow)
            .values(key_id=key_id, window=window, count=1)
            .on_conflict_do_update(
                index_elements=[RateLimitRow.key_id, RateLimitRow.window],
                set_={"count": RateLimitRow.count + 1},
            )
            .returning(RateLimitRow.count)
        )
        with self.sessions.begin() as s:
            count = int(s.execute(statement).scalar_one())
            if count == 1:
                s.execute(
                    delete(RateLimitRow).where(
                        RateLimitRow.key_id == key_id, RateLimitRow.window < window
                    )
                )
        if count > limit:
            return max(1, int((window + 1) * window_s - now))
        return None


def _minutes(start: datetime | None, end: datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return round((end - start).total_seconds() / 60, 2)
