"""KPIs per brand, per incident and over time (practices 3 and 8 of the playbook).

Volume and sentiment of incoming posts (mentions and posts sent for drafting, each post counted
once), time to first draft and to approval against the brand's targets, approval, edit and
rejection rates, how much reviewers change drafts, which checks fail most, cost and tokens.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from pydantic import BaseModel, Field

from drafting.incidents.measures import changed_share, mean, percentile, share, word_edits
from drafting.incidents.models import IncidentPublic
from drafting.storage.activity import DraftActivity, MentionActivity

APPROVED = ("approved", "sent")


class SentimentPublic(BaseModel):
    total: int
    negative: int
    neutral: int
    positive: int
    negative_share: float | None
    mean_score: float | None


class TimingPublic(BaseModel):
    target_minutes: int | None = Field(description="The brand's target (None: brands differ).")
    count: int
    within_target: int
    share_within_target: float | None
    p50_minutes: float | None
    p90_minutes: float | None
    mean_minutes: float | None


class DecisionsPublic(BaseModel):
    drafts: int
    pending: int
    approved: int = Field(description="Approved, including those since marked sent.")
    sent: int
    rejected: int
    changes_requested: int = Field(description="Drafts that had changes requested at least once.")
    overrides: int
    approval_rate: float | None = Field(description="approved / (approved + rejected)")
    rejection_rate: float | None
    edit_rate: float | None = Field(description="Approved drafts whose text people changed.")


class EditsPublic(BaseModel):
    edited: int
    mean_word_edits: float | None
    p50_word_edits: float | None
    p90_word_edits: float | None
    mean_changed_share: float | None = Field(
        description="Word edits over the longer text's length, 0 (unchanged) to 1 (rewritten)."
    )


class CheckCountPublic(BaseModel):
    id: str
    count: int
    share: float | None = Field(description="Of all drafts in the range.")


class UsageKpis(BaseModel):
    drafts: int
    cost_usd: float
    prompt_tokens: int
    completion_tokens: int
    cost_per_draft_usd: float | None


class BucketPublic(BaseModel):
    start: datetime
    posts: int
    mentions: int
    drafts: int
    approved: int
    negative: int
    neutral: int
    positive: int
    mean_sentiment: float | None


class IncidentKpis(BaseModel):
    opened: int
    open: int
    resolved: int
    overdue_now: int
    mean_minutes_to_resolve: float | None
    updates_posted: int


class VolumePublic(BaseModel):
    posts: int = Field(description="Distinct incoming posts (mentions and drafted posts).")
    mentions: int
    drafted_posts: int
    drafts: int


class KpisPublic(BaseModel):
    brands: list[str]
    incident_id: str | None
    since: datetime
    until: datetime
    bucket_minutes: int
    volume: VolumePublic
    sentiment: SentimentPublic
    first_draft: TimingPublic
    approval: TimingPublic
    decisions: DecisionsPublic
    edits: EditsPublic
    checks: list[CheckCountPublic]
    usage: UsageKpis
    series: list[BucketPublic]
    incidents: IncidentKpis


def auto_bucket(since: datetime, until: datetime) -> int:
    span = until - since
    if span <= timedelta(hours=6):
        return 15
    if span <= timedelta(days=3):
        return 60
    if span <= timedelta(days=62):
        return 1440
    return 10080


def bucket_start(at: datetime, minutes: int) -> datetime:
    seconds = minutes * 60
    stamp = int(at.timestamp()) // seconds * seconds
    try:
        return datetime.fromtimestamp(stamp, UTC)
    except (ValueError, OverflowError, OSError):  # the bucket would start before year 1
        return at


def sentiment_of(labels: Sequence[tuple[str | None, float | None]]) -> SentimentPublic:
    counted = Counter(label for label, _ in labels if label)
    scores = [s for _, s in labels if s is not None]
    total = sum(counted.values())
    return SentimentPublic(
        total=total,
        negative=counted["negative"],
        neutral=counted["neutral"],
        positive=counted["positive"],
        negative_share=share(counted["negative"], total),
        mean_score=mean(scores),
    )


def timing(values: list[tuple[float, int]]) -> TimingPublic:
    """``values``: (minutes, that brand's target)."""
    targets = {t for _, t in values}
    minutes = [m for m, _ in values]
    within = sum(1 for m, t in values if m <= t)
    return TimingPublic(
        target_minutes=targets.pop() if len(targets) == 1 else None,
        count=len(values),
        within_target=within,
        share_within_target=share(within, len(values)),
        p50_minutes=percentile(minutes, 0.5),
        p90_minutes=percentile(minutes, 0.9),
        mean_minutes=mean(minutes),
    )


def minutes(start: datetime, end: datetime) -> float:
    return max(0.0, (end - start).total_seconds() / 60)


def posts_of(
    drafts: Sequence[DraftActivity], mentions: Sequence[MentionActivity]
) -> dict[str, tuple[datetime, str | None, float | None, bool]]:
    """Distinct posts: key → (time, sentiment label, score, came as a mention)."""
    posts: dict[str, tuple[datetime, str | None, float | None, bool]] = {}
    for m in mentions:
        posts.setdefault(m.post_key, (m.posted_at, m.sentiment, m.score, True))
    for d in drafts:
        posts.setdefault(d.post_key, (d.received_at, d.sentiment, d.sentiment_score, False))
    return posts


def was_edited(d: DraftActivity) -> bool:
    return (
        d.status in APPROVED
        and d.approved_text is not None
        and d.approved_text.strip() != d.model_text.strip()
    )


def compute(
    *,
    drafts: Sequence[DraftActivity],
    mentions: Sequence[MentionActivity],
    incidents: Sequence[IncidentPublic],
    targets: dict[str, dict[str, int]],
    brands: list[str],
    since: datetime,
    until: datetime,
    incident_id: str | None = None,
    bucket_minutes: int | None = None,
) -> KpisPublic:
    bucket = bucket_minutes or auto_bucket(since, until)
    posts = posts_of(drafts, mentions)

    def target(brand: str, name: str) -> int:
        return targets.get(brand, {}).get(name, 15 if name == "first_draft_minutes" else 30)

    first = [
        (minutes(d.received_at, d.created_at), target(d.brand, "first_draft_minutes"))
        for d in drafts
    ]
    approved = [d for d in drafts if d.status in APPROVED]
    to_approval = [
        (minutes(d.received_at, d.decided_at), target(d.brand, "approval_minutes"))
        for d in approved
        if d.decided_at is not None
    ]
    rejected = sum(1 for d in drafts if d.status == "rejected")
    edited = [d for d in approved if was_edited(d)]
    edits = [word_edits(d.model_text, d.approved_text or "") for d in edited]
    failed = Counter(c for d in drafts for c in dict.fromkeys(d.failed_checks))
    cost = sum(d.cost_usd for d in drafts)
    return KpisPublic(
        brands=brands,
        incident_id=incident_id,
        since=since,
        until=until,
        bucket_minutes=bucket,
        volume=VolumePublic(
            posts=len(posts),
            mentions=len(mentions),
            drafted_posts=len({d.post_key for d in drafts}),
            drafts=len(drafts),
        ),
        sentiment=sentiment_of([(label, score) for _, label, score, _ in posts.values()]),
        first_draft=timing(first),
        approval=timing(to_approval),
        decisions=DecisionsPublic(
            drafts=len(drafts),
            pending=sum(1 for d in drafts if d.status == "pending_review"),
            approved=len(approved),
            sent=sum(1 for d in drafts if d.status == "sent"),
            rejected=rejected,
            changes_requested=sum(
                1 for d in drafts if any(x.action == "request_changes" for x in d.decisions)
            ),
            overrides=sum(1 for d in drafts for x in d.decisions if x.override),
            approval_rate=share(len(approved), len(approved) + rejected),
            rejection_rate=share(rejected, len(approved) + rejected),
            edit_rate=share(len(edited), len(approved)),
        ),
        edits=EditsPublic(
            edited=len(edited),
            mean_word_edits=mean([float(e) for e in edits]),
            p50_word_edits=percentile([float(e) for e in edits], 0.5),
            p90_word_edits=percentile([float(e) for e in edits], 0.9),
            mean_changed_share=mean(
                [changed_share(d.model_text, d.approved_text or "") for d in edited]
            ),
        ),
        checks=[
            CheckCountPublic(id=c, count=n, share=share(n, len(drafts)))
            for c, n in failed.most_common(10)
        ],
        usage=UsageKpis(
            drafts=len(drafts),
            cost_usd=round(cost, 6),
            prompt_tokens=sum(d.prompt_tokens for d in drafts),
            completion_tokens=sum(d.completion_tokens for d in drafts),
            cost_per_draft_usd=round(cost / len(drafts), 6) if drafts else None,
        ),
        series=series(drafts, mentions, posts, since, until, bucket),
        incidents=incident_kpis(incidents, since, until),
    )


@dataclass
class _Slot:
    posts: int = 0
    mentions: int = 0
    drafts: int = 0
    approved: int = 0
    labels: Counter[str] = field(default_factory=Counter)
    scores: list[float] = field(default_factory=list)


def series(
    drafts: Sequence[DraftActivity],
    mentions: Sequence[MentionActivity],
    posts: dict[str, tuple[datetime, str | None, float | None, bool]],
    since: datetime,
    until: datetime,
    bucket: int,
) -> list[BucketPublic]:
    slots: dict[datetime, _Slot] = {}
    at = bucket_start(since, bucket)
    while at <= until and len(slots) < 2000:
        slots[at] = _Slot()
        at += timedelta(minutes=bucket)
    empty = _Slot()  # collects what falls outside the range

    def slot(when: datetime) -> _Slot:
        return slots.get(bucket_start(when, bucket), empty)

    for when, label, score, _ in posts.values():
        row = slot(when)
        row.posts += 1
        if label:
            row.labels[label] += 1
        if score is not None:
            row.scores.append(score)
    for m in mentions:
        slot(m.posted_at).mentions += 1
    for d in drafts:
        slot(d.created_at).drafts += 1
        if d.status in APPROVED and d.decided_at:
            slot(d.decided_at).approved += 1
    return [
        BucketPublic(
            start=start,
            posts=r.posts,
            mentions=r.mentions,
            drafts=r.drafts,
            approved=r.approved,
            negative=r.labels["negative"],
            neutral=r.labels["neutral"],
            positive=r.labels["positive"],
            mean_sentiment=mean(r.scores),
        )
        for start, r in slots.items()
    ]


def incident_kpis(
    incidents: Sequence[IncidentPublic], since: datetime, until: datetime
) -> IncidentKpis:
    resolved = [i for i in incidents if i.resolved_at and since <= i.resolved_at <= until]
    return IncidentKpis(
        opened=sum(1 for i in incidents if since <= i.opened_at <= until),
        open=sum(1 for i in incidents if i.status != "resolved"),
        resolved=len(resolved),
        overdue_now=sum(1 for i in incidents if i.overdue),
        mean_minutes_to_resolve=mean(
            [minutes(i.opened_at, i.resolved_at) for i in resolved if i.resolved_at]
        ),
        updates_posted=sum(1 for i in incidents for u in i.updates if since <= u.at <= until),
    )
