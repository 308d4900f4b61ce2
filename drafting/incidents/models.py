"""Request and response shapes of incidents, facts, crisis mode, mentions and alerts."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator

from knowledge.taxonomy import Channel, Severity

IncidentStatus = Literal["investigating", "identified", "monitoring", "resolved"]


def _tz_aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        raise ValueError("give the time zone, e.g. 2026-11-26T14:00:00Z or +01:00")
    return value


def _known_zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"unknown time zone {value!r}; use an IANA name such as 'Europe/Rome' or 'UTC'"
        ) from None
    return value


class FactsCreate(BaseModel):
    """One entry of the facts timeline: what drafts for the incident may say, and nothing else."""

    model_config = ConfigDict(extra="forbid")
    known: str = Field(
        min_length=1,
        max_length=1000,
        description="What we know, as customers see it: 'Card payments fail at "
        "checkout for some of you.'",
    )
    doing: str = Field("", max_length=1000, description="What we are doing about it.")
    customers_should: str = Field(
        "", max_length=1000, description="What customers should do (or not do) now."
    )
    next_update_at: datetime | None = Field(
        None, description="When the next public update comes (with a time zone)."
    )
    status: IncidentStatus | None = Field(None, description="Move the incident to this status.")
    holding_line: str | None = Field(
        None,
        max_length=1000,
        description="Approved wording replies about the incident should use ('' clears it).",
    )

    _aware = field_validator("next_update_at")(_tz_aware)


class IncidentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    brand: str = Field(min_length=1, max_length=63)
    title: str = Field(min_length=1, max_length=200)
    severity: Severity
    status: Literal["investigating", "identified", "monitoring"] = "investigating"
    channels: list[Channel] = Field(default_factory=list, description="Affected channels.")
    keywords: list[str] = Field(
        default_factory=list,
        max_length=20,
        description="Words that mark a post as being about this incident (crisis mode links "
        "such posts and their drafts to it); default: the title's words.",
    )
    cadence_minutes: int | None = Field(
        None, ge=5, le=1440, description="Minutes between public updates."
    )
    timezone: str = Field("UTC", description="IANA zone update times are written in.")
    holding_line: str | None = Field(None, max_length=1000)
    alert_id: str | None = Field(
        None, max_length=40, description="Open the incident from this spike alert."
    )
    facts: FactsCreate | None = None

    _zone = field_validator("timezone")(_known_zone)

    @field_validator("keywords")
    @classmethod
    def _short_keywords(cls, value: list[str]) -> list[str]:
        cleaned = [k.strip().lower() for k in value if k.strip()]
        if any(len(k) > 60 for k in cleaned):
            raise ValueError("keywords are at most 60 characters")
        return cleaned


class IncidentUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str | None = Field(None, min_length=1, max_length=200)
    severity: Severity | None = None
    status: IncidentStatus | None = None
    channels: list[Channel] | None = None
    keywords: list[str] | None = Field(None, max_length=20)
    cadence_minutes: int | None = Field(None, ge=5, le=1440)
    timezone: str | None = None
    holding_line: str | None = Field(None, max_length=1000)
    expected_version: int | None = Field(
        None, ge=1, description="409 if the incident changed since."
    )

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str | None) -> str | None:
        return None if value is None else _known_zone(value)


class FactPublic(BaseModel):
    id: int
    known: str
    doing: str
    customers_should: str
    next_update_at: datetime | None
    status: str
    actor: str
    created_at: datetime
    statements: list[str] = Field(description="The facts as drafts receive them.")


class UpdatePublic(BaseModel):
    draft_id: str
    kind: str
    channel: str
    status: str
    text: str
    at: datetime
    external_post_id: str | None


class IncidentPublic(BaseModel):
    id: str
    brand: str
    title: str
    severity: str
    status: str
    channels: list[str]
    keywords: list[str]
    cadence_minutes: int
    timezone: str
    holding_line: str | None = Field(description="Set by the lead.")
    current_holding_line: str | None = Field(
        description="What replies use now: the lead's line, else the last posted update."
    )
    alert_id: str | None
    created_by: str
    opened_at: datetime
    updated_at: datetime
    resolved_at: datetime | None
    version: int
    facts: FactPublic | None = Field(description="The current facts (latest entry).")
    next_update_due: datetime | None
    overdue: bool
    minutes_overdue: float | None
    updates: list[UpdatePublic]
    drafts: int
    pending_drafts: list[str] = Field(description="Its drafts waiting for review.")
    mentions: int
    lessons: str | None
    lessons_saved_at: datetime | None


class IncidentsPublic(BaseModel):
    data: list[IncidentPublic]
    count: int


class EventPublic(BaseModel):
    at: datetime
    actor: str
    kind: str
    data: dict[str, Any]


class BrandStatusPublic(BaseModel):
    brand: str
    crisis_mode: bool = Field(
        description="True while an incident of severity high or critical "
        "is open: scheduling tools should pause planned posts."
    )
    since: datetime | None
    incidents: list[IncidentPublic] = Field(description="Open incidents, most severe first.")
    holding_line: str | None = Field(description="Current holding line of the first incident.")
    overdue: list[str] = Field(description="Ids of open incidents whose update is overdue.")


class MentionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    brand: str = Field(min_length=1, max_length=63)
    channel: Channel
    text: str = Field(min_length=1, max_length=10000)
    author: str | None = Field(None, max_length=100)
    url: str | None = Field(None, max_length=2000)
    external_id: str | None = Field(
        None, max_length=200, description="The listening tool's id: sent twice, stored once."
    )
    posted_at: datetime | None = Field(None, description="When it was posted; default: now.")

    _aware = field_validator("posted_at")(_tz_aware)


class MentionsBatchCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    mentions: list[MentionCreate] = Field(min_length=1)


class MentionPublic(BaseModel):
    id: str
    brand: str
    channel: str
    external_id: str | None
    text: str
    author: str | None
    url: str | None
    posted_at: datetime
    received_at: datetime
    source: str
    triage: dict[str, Any]
    sentiment: str
    sentiment_score: float
    severity: str
    category: str
    incident_id: str | None


class AlertPublic(BaseModel):
    id: str
    brand: str
    kind: str
    status: str
    count: int
    threshold: int
    baseline: float = Field(
        description="Mean negative mentions per window over the 6 hours before."
    )
    window_start: datetime
    window_end: datetime
    created_at: datetime
    incident_id: str | None
    reason: str | None


class AlertsPublic(BaseModel):
    data: list[AlertPublic]
    count: int


class MentionsIngested(BaseModel):
    data: list[MentionPublic]
    count: int
    created: int
    duplicates: int
    alerts: list[AlertPublic] = Field(description="Spike alerts this request raised.")


class MentionsPublic(BaseModel):
    data: list[MentionPublic]
    count: int


class LinksCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    mention_ids: list[str] = Field(min_length=1, max_length=1000)


class DismissCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str = Field(min_length=1, max_length=2000)


class LessonsCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(
        min_length=1, max_length=20000, description="Markdown: what to do differently next time."
    )


class LessonsSaved(BaseModel):
    incident_id: str
    brand: str
    path: str
    content_hash: str
    chunks_added: int
