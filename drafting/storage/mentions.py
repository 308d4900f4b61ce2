"""Reads and writes of mentions (posts from a listening tool) and spike alerts.

A mention with an ``external_id`` is stored once per brand: a listening tool that sends it
again gets the stored one back. At most one spike alert per brand is raised per window; the
check and the insert hold the brand's crisis-state row lock, so two workers never both raise it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from drafting.access import ALL_BRANDS, Principal
from drafting.errors import ConflictError, NotFoundError
from drafting.storage.incidents import IncidentStore, enqueue_webhook
from drafting.storage.repository import Storage
from drafting.storage.tables import AlertRow, AuditRow, BrandStateRow, MentionRow


class MentionStore:
    def __init__(self, storage: Storage) -> None:
        self.storage = storage
        self.sessions = storage.sessions
        self.incidents = IncidentStore(storage)

    def add(self, rows: list[MentionRow]) -> tuple[list[MentionRow], int]:
        """Store new mentions; return (every mention asked for, stored or found, duplicates)."""
        by_key: dict[tuple[str, str], MentionRow] = {}
        fresh: list[MentionRow] = []
        for row in rows:
            if row.external_id is None:
                fresh.append(row)
            elif (row.brand, row.external_id) not in by_key:
                by_key[(row.brand, row.external_id)] = row
        existing = self._existing(list(by_key))
        fresh += [r for k, r in by_key.items() if k not in existing]
        try:
            with self.sessions.begin() as s:
                s.add_all(fresh)
        except IntegrityError:  # a concurrent request stored some of them first
            fresh = self._add_one_by_one(fresh)
            existing = self._existing(list(by_key))
        stored = {id(r) for r in fresh}
        out = []
        for row in rows:
            if id(row) in stored:
                out.append(row)
            else:
                assert row.external_id is not None
                out.append(existing.get((row.brand, row.external_id)) or row)
        return out, len(rows) - len(fresh)

    def _add_one_by_one(self, rows: list[MentionRow]) -> list[MentionRow]:
        added = []
        for row in rows:
            try:
                with self.sessions.begin() as s:
                    s.add(row)
                added.append(row)
            except IntegrityError:
                continue
        return added

    def _existing(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], MentionRow]:
        if not keys:
            return {}
        found: dict[tuple[str, str], MentionRow] = {}
        with self.sessions() as s:
            for brand in {b for b, _ in keys}:
                ids = [e for b, e in keys if b == brand]
                for start in range(0, len(ids), 500):
                    for row in s.scalars(
                        select(MentionRow).where(
                            MentionRow.brand == brand,
                            MentionRow.external_id.in_(ids[start : start + 500]),
                        )
                    ):
                        assert row.external_id is not None
                        found[(brand, row.external_id)] = row
        return found

    def find(
        self,
        *,
        brands: Iterable[str],
        since: datetime | None = None,
        until: datetime | None = None,
        incident_id: str | None = None,
        sentiment: str | None = None,
        limit: int = 200,
    ) -> list[MentionRow]:
        query = select(MentionRow)
        brands = list(brands)
        if ALL_BRANDS not in brands:
            query = query.where(MentionRow.brand.in_(brands))
        if since:
            query = query.where(MentionRow.posted_at >= since)
        if until:
            query = query.where(MentionRow.posted_at <= until)
        if incident_id:
            query = query.where(MentionRow.incident_id == incident_id)
        if sentiment:
            query = query.where(MentionRow.sentiment == sentiment)
        with self.sessions() as s:
            return list(s.scalars(query.order_by(MentionRow.posted_at.desc()).limit(limit)))

    def negatives(self, brand: str, start: datetime, end: datetime) -> int:
        with self.sessions() as s:
            return int(
                s.scalar(
                    select(func.count())
                    .select_from(MentionRow)
                    .where(
                        MentionRow.brand == brand,
                        MentionRow.sentiment == "negative",
                        MentionRow.posted_at >= start,
                        MentionRow.posted_at <= end,
                    )
                )
                or 0
            )

    # --- alerts --------------------------------------------------------------------------------
    def raise_alert(self, alert: AlertRow, *, webhook_url: str | None) -> AlertRow | None:
        """Store ``alert`` unless the brand is in crisis mode, has an open alert, or had one in
        this window."""
        self.incidents._ensure_state(alert.brand, alert.created_at)
        with self.sessions.begin() as s:
            state = s.get(BrandStateRow, alert.brand, with_for_update=True)
            if state is not None and state.crisis_mode:
                return None  # the brand is handling a crisis already
            recent = s.scalar(
                select(AlertRow.id)
                .where(
                    AlertRow.brand == alert.brand,
                    AlertRow.kind == alert.kind,
                    (AlertRow.window_end > alert.window_start) | (AlertRow.status == "open"),
                )
                .limit(1)
            )
            if recent is not None:
                return None  # one alert per window, and none while one waits for a decision
            s.add(alert)
            s.add(
                AuditRow(
                    at=alert.created_at,
                    actor="crisisdraft",
                    action="alert.raised",
                    brand=alert.brand,
                    draft_id=None,
                    before=None,
                    after=alert_data(alert),
                )
            )
            enqueue_webhook(
                s, webhook_url, "alert.raised", alert.brand, alert.created_at, alert_data(alert)
            )
        return alert

    def alerts(
        self, *, brands: Iterable[str], status: str | None = None, limit: int = 100
    ) -> list[AlertRow]:
        query = select(AlertRow)
        brands = list(brands)
        if ALL_BRANDS not in brands:
            query = query.where(AlertRow.brand.in_(brands))
        if status:
            query = query.where(AlertRow.status == status)
        with self.sessions() as s:
            return list(s.scalars(query.order_by(AlertRow.created_at.desc()).limit(limit)))

    def alert(self, alert_id: str, *, principal: Principal | None = None) -> AlertRow:
        with self.sessions() as s:
            row = s.get(AlertRow, alert_id)
        if row is None or (principal is not None and not principal.sees(row.brand)):
            raise NotFoundError(
                f"No alert {alert_id!r} for your brands.", fix="Use an id from GET /v1/alerts."
            )
        return row

    def dismiss(
        self, alert_id: str, reason: str, *, principal: Principal, now: datetime
    ) -> AlertRow:
        row = self.alert(alert_id, principal=principal)
        with self.sessions.begin() as s:
            done = s.execute(
                update(AlertRow)
                .where(AlertRow.id == alert_id, AlertRow.status == "open")
                .values(status="dismissed", reason=reason)
            )
            if not getattr(done, "rowcount", 0):
                raise ConflictError(
                    f"Alert {alert_id} is {row.status}; only open alerts can be dismissed.",
                    fix="Reload the alerts.",
                    current_status=row.status,
                )
            s.add(
                AuditRow(
                    at=now,
                    actor=principal.actor,
                    action="alert.dismissed",
                    brand=row.brand,
                    draft_id=None,
                    before={"status": row.status},
                    after={"status": "dismissed", "reason": reason, "alert_id": alert_id},
                )
            )
        return self.alert(alert_id)


def alert_data(alert: AlertRow) -> dict[str, Any]:
    return {
        "alert_id": alert.id,
        "kind": alert.kind,
        "count": alert.count,
        "threshold": alert.threshold,
        "baseline": alert.baseline,
        "window_start": alert.window_start.isoformat(),
        "window_end": alert.window_end.isoformat(),
    }
