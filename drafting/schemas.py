"""Request and response shapes of the drafting API (``XCreate`` in, ``XPublic`` out)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from knowledge.taxonomy import Channel, Kind


class PostInput(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(
        min_length=1, description="The post being answered, as the customer wrote it."
    )
    author: str | None = Field(None, max_length=100, description="Public handle, e.g. @anna.")
    url: str | None = Field(None, max_length=2000)


class ThreadMessage(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1)
    author: str | None = Field(None, max_length=100)
    from_brand: bool = Field(False, description="True for the brand's own earlier replies.")


class DraftCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    brand: str = Field(min_length=1, max_length=63)
    channel: Channel
    kind: Kind = "reply"
    post: PostInput
    thread: list[ThreadMessage] = Field(default_factory=list)
    incident_id: str | None = Field(None, max_length=100)
    facts: list[str] = Field(
        default_factory=list,
        max_length=50,
        description="Current incident facts the draft may state (what we know, what we do, "
        "what customers should do, next update time).",
    )
    n: int = Field(
        1, ge=1, description="Number of alternatives (at most CRISISDRAFT_MAX_ALTERNATIVES)."
    )
    model: str | None = Field(None, max_length=200, description="Any litellm model name.")
    language: str | None = Field(
        None, pattern=r"^[a-z]{2}$", description="Force the reply language."
    )
    force_public_draft: bool = Field(
        False, description="A human asks for a public draft although triage says escalate."
    )


class SourcePublic(BaseModel):
    id: str
    source: Literal["guideline", "approved_reply", "fact"]
    title: str
    snippet: str
    score: float | None = None


class AlternativePublic(BaseModel):
    text: str
    verdict: str
    checks: Any


class UsagePublic(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0
    model_calls: int = 0


class TimingsPublic(BaseModel):
    triage_ms: float = 0.0
    retrieval_ms: float = 0.0
    prompt_ms: float = 0.0
    generation_ms: float = 0.0
    checks_ms: float = 0.0
    total_ms: float = 0.0


class EscalationPublic(BaseModel):
    role: str
    contact_name: str | None
    contact: str | None
    reasons: list[str]


class ReviewState(BaseModel):
    version: int = 1
    decided_at: datetime | None = None
    decided_by: str | None = None
    reason: str | None = None
    approved_text: str | None = None
    override: bool = False
    sent_at: datetime | None = None
    external_post_id: str | None = None
    received_at: datetime | None = None
    minutes_to_first_draft: float | None = None
    minutes_to_approval: float | None = None
    overdue: bool = False


class DraftPublic(BaseModel):
    id: str
    status: str
    created_at: datetime
    brand: str
    channel: Channel
    kind: Kind
    language: str
    incident_id: str | None
    post: PostInput
    thread: list[ThreadMessage]
    text: str
    verdict: str
    alternatives: list[AlternativePublic]
    triage: Any
    checks: Any
    sources: list[SourcePublic]
    escalation: EscalationPublic | None
    model: str
    requested_model: str
    fallback: bool
    revised: bool
    prompt_version: str
    usage: UsagePublic
    timings: TimingsPublic
    notes: list[str]
    redacted: dict[str, int] = Field(
        default_factory=dict,
        description="Personal data replaced by placeholders before a remote model saw it: "
        "types and counts, never the values.",
    )
    review: ReviewState = Field(default_factory=ReviewState)


class DraftsPublic(BaseModel):
    data: list[DraftPublic]
    count: int
