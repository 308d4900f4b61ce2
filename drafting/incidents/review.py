"""The post-incident review: what happened, how fast we answered, how people felt, what reviewers
changed and why, which checks fired, and the lessons to keep (practice 10 of the playbook)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Literal

from pydantic import BaseModel, Field

from drafting.access import Principal
from drafting.incidents.cadence import next_update_due
from drafting.incidents.kpis import (
    BucketPublic,
    CheckCountPublic,
    DecisionsPublic,
    TimingPublic,
    UsageKpis,
    auto_bucket,
    compute,
    posts_of,
    sentiment_of,
    series,
)
from drafting.incidents.measures import changed_share, share, word_edits
from drafting.incidents.models import IncidentPublic
from drafting.incidents.service import Incidents
from drafting.storage.activity import DraftActivity, drafts_between, mentions_between
from drafting.storage.incidents import utc
from drafting.storage.mentions import MentionStore

Phase = Literal["before", "during", "after"]


class TimelineEntry(BaseModel):
    at: datetime
    kind: str
    title: str
    detail: str = ""
    actor: str | None = None


class PhaseSentiment(BaseModel):
    phase: Phase
    since: datetime
    until: datetime
    total: int
    negative: int
    neutral: int
    positive: int
    negative_share: float | None
    mean_score: float | None


class UpdateTiming(BaseModel):
    draft_id: str
    kind: str
    channel: str
    posted_at: datetime
    due_at: datetime | None
    on_time: bool
    minutes_late: float | None


class ReviewerChange(BaseModel):
    draft_id: str
    kind: str
    action: str
    actor: str
    at: datetime
    reason: str | None
    diff: str | None
    word_edits: int | None
    changed_share: float | None


class ReviewReport(BaseModel):
    incident: IncidentPublic
    generated_at: datetime
    duration_minutes: float
    targets: dict[str, int]
    timeline: list[TimelineEntry]
    first_update_minutes: float | None = Field(
        description="From opening the incident to its first posted update."
    )
    first_draft: TimingPublic
    approval: TimingPublic
    updates: list[UpdateTiming]
    updates_on_time_share: float | None
    sentiment: list[PhaseSentiment]
    sentiment_series: list[BucketPublic]
    bucket_minutes: int
    decisions: DecisionsPublic
    changes: list[ReviewerChange]
    checks: list[CheckCountPublic]
    usage: UsageKpis
    lessons_path: str


def build_review(
    incidents: Incidents, incident_id: str, principal: Principal | None = None
) -> ReviewReport:
    incident = incidents.get(incident_id, principal)
    storage, now = incidents.storage, incidents.clock.now()
    opened = incident.opened_at
    end = incident.resolved_at or now
    pad = min(max(end - opened, timedelta(hours=1)), timedelta(hours=24))
    window = (opened - pad, min(end + pad, now) if incident.resolved_at else end)
    brand = [incident.brand]
    targets = incidents.targets(incident.brand)
    own = drafts_between(storage, brands=brand, incident_id=incident_id)
    around = drafts_between(storage, brands=brand, since=window[0], until=window[1])
    mentions = mentions_between(storage, brands=brand, since=window[0], until=window[1])
    kpis = compute(
        drafts=own,
        mentions=[],
        incidents=[incident],
        targets={incident.brand: targets},
        brands=brand,
        since=opened,
        until=end,
        incident_id=incident_id,
    )
    posts = posts_of(around, mentions)
    bucket = auto_bucket(*window)
    phases: list[tuple[Phase, datetime, datetime]] = [
        ("before", window[0], opened),
        ("during", opened, end),
    ]
    if incident.resolved_at:
        phases.append(("after", end, window[1]))
    sentiment = []
    for name, start, stop in phases:
        labels = [
            (label, score)
            for at, label, score, _ in posts.values()
            if start <= at < stop or (name != "before" and at == stop)
        ]
        s = sentiment_of(labels)
        sentiment.append(PhaseSentiment(phase=name, since=start, until=stop, **s.model_dump()))
    updates = update_timings(incident, incidents, targets["approval_minutes"])
    on_time = sum(1 for u in updates if u.on_time)
    return ReviewReport(
        incident=incident,
        generated_at=now,
        duration_minutes=round((end - opened).total_seconds() / 60, 1),
        targets=targets,
        timeline=timeline(incident, incidents),
        first_update_minutes=round((incident.updates[0].at - opened).total_seconds() / 60, 1)
        if incident.updates
        else None,
        first_draft=kpis.first_draft,
        approval=kpis.approval,
        updates=updates,
        updates_on_time_share=share(on_time, len(updates)),
        sentiment=sentiment,
        sentiment_series=series(around, mentions, posts, window[0], window[1], bucket),
        bucket_minutes=bucket,
        decisions=kpis.decisions,
        changes=changes(own),
        checks=[
            CheckCountPublic(id=c, count=n, share=share(n, len(own)))
            for c, n in Counter(c for d in own for c in dict.fromkeys(d.failed_checks)).most_common(
                12
            )
        ],
        usage=kpis.usage,
        lessons_path=f"guidelines/lessons-{incident_id}.md",
    )


def update_timings(
    incident: IncidentPublic, incidents: Incidents, first_update_minutes: int
) -> list[UpdateTiming]:
    """Each posted update against the due time that applied when it went out."""
    facts = incidents.facts_timeline(incident.id)
    out = []
    for i, update in enumerate(incident.updates):
        promised = [f.next_update_at for f in facts if f.created_at <= update.at]
        due = next_update_due(
            opened_at=incident.opened_at,
            status="open",
            cadence_minutes=incident.cadence_minutes,
            first_update_minutes=first_update_minutes,
            promised=next((p for p in reversed(promised) if p is not None), None),
            updates=[u.at for u in incident.updates[:i]],
        )
        late = (update.at - due).total_seconds() / 60 if due else None
        out.append(
            UpdateTiming(
                draft_id=update.draft_id,
                kind=update.kind,
                channel=update.channel,
                posted_at=update.at,
                due_at=due,
                on_time=late is None or late <= 0,
                minutes_late=round(late, 1) if late and late > 0 else None,
            )
        )
    return out


def timeline(incident: IncidentPublic, incidents: Incidents) -> list[TimelineEntry]:
    entries: list[TimelineEntry] = []
    if incident.alert_id:
        alert = MentionStore(incidents.storage).alert(incident.alert_id)
        entries.append(
            TimelineEntry(
                at=utc(alert.created_at),
                kind="alert",
                title="Spike alert",
                detail=f"{alert.count} negative mentions in the window (threshold "
                f"{alert.threshold}, baseline {alert.baseline} per window)",
                actor="crisisdraft",
            )
        )
    for event in incidents.events(incident.id):
        data = event.data
        if event.kind == "opened":
            title, detail = (
                "Incident opened",
                f"{data.get('title')} · severity {data.get('severity')}",
            )
        elif event.kind == "crisis_mode":
            title = "Crisis mode " + ("on" if data.get("crisis_mode") else "off")
            detail = "webhook sent to scheduling tools" if incidents.settings.webhook_url else ""
        elif event.kind == "lessons":
            title, detail = "Lessons saved", str(data.get("path", ""))
        elif event.kind == "holding_line":
            title, detail = "Holding line set", str(data.get("to") or "(cleared)")
        else:
            title = f"{event.kind.replace('_', ' ').capitalize()} changed"
            detail = f"{data.get('from')} → {data.get('to')}"
        entries.append(
            TimelineEntry(
                at=event.at, kind=event.kind, title=title, detail=detail, actor=event.actor
            )
        )
    for fact in incidents.facts_timeline(incident.id):
        entries.append(
            TimelineEntry(
                at=fact.created_at,
                kind="facts",
                title=f"Facts updated ({fact.status})",
                detail=" ".join(fact.statements),
                actor=fact.actor,
            )
        )
    for update in incident.updates:
        entries.append(
            TimelineEntry(
                at=update.at,
                kind="update",
                title=f"{update.kind.replace('_', ' ').capitalize()} "
                f"{'sent' if update.status == 'sent' else 'approved'} on {update.channel}",
                detail=update.text,
            )
        )
    entries.sort(key=lambda e: e.at)
    return entries


def changes(drafts: Sequence[DraftActivity]) -> list[ReviewerChange]:
    out = []
    for d in drafts:
        for x in d.decisions:
            if not (x.diff or x.override or x.action in ("reject", "request_changes")):
                continue  # approved as drafted, or marked sent: nothing was changed
            edits = share_ = None
            if x.action == "approve" and x.diff and d.approved_text:
                edits = word_edits(d.model_text, d.approved_text)
                share_ = changed_share(d.model_text, d.approved_text)
            out.append(
                ReviewerChange(
                    draft_id=d.id,
                    kind=d.kind,
                    action=x.action,
                    actor=x.actor,
                    at=x.at,
                    reason=x.reason,
                    diff=x.diff,
                    word_edits=edits,
                    changed_share=share_,
                )
            )
    out.sort(key=lambda c: c.at)
    return out
