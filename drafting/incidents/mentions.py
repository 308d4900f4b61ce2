"""Ingesting mentions from a listening tool: triage each (rules only, no drafting), store once,
link it to an open incident it is about, and check the brand for a negative spike."""

from __future__ import annotations

from drafting.config import Settings
from drafting.errors import InvalidInputError
from drafting.incidents.clock import SYSTEM_CLOCK, Clock
from drafting.incidents.crisis import best_match
from drafting.incidents.models import AlertPublic, MentionCreate, MentionPublic, MentionsIngested
from drafting.incidents.spikes import check_spike
from drafting.storage.incidents import IncidentStore, new_id, utc
from drafting.storage.mentions import MentionStore
from drafting.storage.repository import Storage
from drafting.storage.tables import AlertRow, MentionRow
from knowledge.registry import BrandRegistry


def ingest(
    items: list[MentionCreate],
    *,
    storage: Storage,
    registry: BrandRegistry,
    settings: Settings,
    source: str,
    clock: Clock = SYSTEM_CLOCK,
) -> MentionsIngested:
    from drafting.triage import triage

    if len(items) > settings.max_mentions_batch:
        raise InvalidInputError(
            f"{len(items)} mentions in one request; the limit is {settings.max_mentions_batch}.",
            fix="Send smaller batches (CRISISDRAFT_MAX_MENTIONS_BATCH sets the limit).",
        )
    too_long = [i for i, m in enumerate(items) if len(m.text) > settings.max_post_chars]
    if too_long:
        raise InvalidInputError(
            f"Mention {too_long[0]} is longer than {settings.max_post_chars:,} characters; "
            "nothing was stored.",
            fix="Send only the post's text.",
        )
    packs = {b: registry.get(b) for b in sorted({m.brand for m in items})}
    incidents = IncidentStore(storage)
    open_rows = {b: incidents.list_rows(brands=[b], open_only=True) for b in packs}
    now = clock.now()
    rows = []
    for m in items:
        pack = packs[m.brand]
        tri = triage(m.text, brand=pack.brand, supported_languages=pack.brand.languages)
        match = best_match(m.text, open_rows[m.brand])
        rows.append(
            MentionRow(
                id=new_id("m", 20),
                brand=m.brand,
                channel=m.channel,
                external_id=m.external_id,
                text=m.text,
                author=m.author,
                url=m.url,
                posted_at=min(m.posted_at, now) if m.posted_at else now,
                received_at=now,
                source=source,
                triage=tri.model_dump(mode="json"),
                sentiment=tri.sentiment.label,
                sentiment_score=tri.sentiment.score,
                severity=tri.severity,
                category=tri.category,
                incident_id=match.id if match else None,
            )
        )
    store = MentionStore(storage)
    stored, duplicates = store.add(rows)
    fresh = {id(r) for r in rows}
    alerts: list[AlertRow] = []
    for brand in sorted({r.brand for r in stored if id(r) in fresh and r.sentiment == "negative"}):
        alert = check_spike(store, brand, now, settings)
        if alert is not None:
            alerts.append(alert)
    data = [mention_public(r) for r in stored]
    return MentionsIngested(
        data=data,
        count=len(data),
        created=len(rows) - duplicates,
        duplicates=duplicates,
        alerts=[alert_public(a) for a in alerts],
    )


def mention_public(row: MentionRow) -> MentionPublic:
    return MentionPublic(
        id=row.id,
        brand=row.brand,
        channel=row.channel,
        external_id=row.external_id,
        text=row.text,
        author=row.author,
        url=row.url,
        posted_at=utc(row.posted_at),
        received_at=utc(row.received_at),
        source=row.source,
        triage=row.triage,
        sentiment=row.sentiment,
        sentiment_score=row.sentiment_score,
        severity=row.severity,
        category=row.category,
        incident_id=row.incident_id,
    )


def alert_public(row: AlertRow) -> AlertPublic:
    return AlertPublic(
        id=row.id,
        brand=row.brand,
        kind=row.kind,
        status=row.status,
        count=row.count,
        threshold=row.threshold,
        baseline=row.baseline,
        window_start=utc(row.window_start),
        window_end=utc(row.window_end),
        created_at=utc(row.created_at),
        incident_id=row.incident_id,
        reason=row.reason,
    )
