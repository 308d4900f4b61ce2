"""Request and response shapes of the drafting API (``XCreate`` in, ``XPublic`` out)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

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
    text: str = Field(min_length=1, max_length=20000)
    author: str | None = Field(None, max_length=100)
    from_brand: bool = Field(False, description="True for the brand's own earlier replies.")


class DraftCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    brand: str = Field(min_length=1, max_length=63)
    channel: Channel
    kind: Kind = "reply"
    post: PostInput
    thread: list[ThreadMessage] = Field(
        default_factory=list,
        max_length=1000,
        description="Earlier messages, oldest first (CRISISDRAFT_MAX_THREAD_ITEMS sets the limit).",
    )
    incident_id: str | None = Field(None, max_length=100)
    facts: list[Annotated[str, Field(max_length=2000)]] = Field(
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


class DisclosurePublic(BaseModel):
    ai_assisted: bool
    label: str
    public_line: str | None = Field(
        None, description="The public disclosure line added to the reply, when policy asks."
    )


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
    disclosure: DisclosurePublic | None = Field(
        None, description="The AI-assistance label kept on the record (brand policy)."
    )
    review: ReviewState = Field(default_factory=ReviewState)


class DraftsPublic(BaseModel):
    data: list[DraftPublic]
    count: int


# --- rewrite actions, agent feedback, adoption events (issue 10) -----------------------------

RewriteActionName = Literal[
    "shorter", "warmer", "more_formal", "simpler", "translate", "add_next_step"
]
FeedbackReason = Literal[
    "wrong_facts", "wrong_tone", "off_brand", "policy_problem", "not_helpful", "other"
]


class DraftRewriteCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    action: RewriteActionName
    expected_version: int | None = Field(
        None, ge=1, description="The draft version you are looking at; 409 if it changed since."
    )
    text: str | None = Field(
        None,
        min_length=1,
        max_length=20000,
        description="The agent's current edited text, rewritten instead of the stored one.",
    )
    model: str | None = Field(None, max_length=200, description="Any litellm model name.")


class TextRewriteCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    brand: str = Field(min_length=1, max_length=63)
    channel: Channel
    kind: Kind = "reply"
    text: str = Field(min_length=1, max_length=20000, description="The reply text to rewrite.")
    action: RewriteActionName
    language: str | None = Field(
        None,
        pattern=r"^[a-z]{2}$",
        description="Target language of `translate` (default: the language of post_text).",
    )
    post_text: str | None = Field(
        None, max_length=20000, description="The customer's post the text answers (context)."
    )
    author: str | None = Field(
        None, max_length=100, description="The customer's public handle, e.g. @anna."
    )
    model: str | None = Field(None, max_length=200, description="Any litellm model name.")


class RewritePublic(BaseModel):
    action: RewriteActionName
    text: str
    changed: bool
    language: str
    verdict: str
    checks: Any
    model: str
    offline: bool = Field(description="Done from the brand's own knowledge, with no model.")
    fallback: bool = Field(description="The model failed; done offline instead.")
    prompt_version: str
    notes: list[str]
    redacted: dict[str, int] = Field(default_factory=dict)
    draft: DraftPublic | None = Field(
        None, description="The draft with this rewrite as its new version (draft rewrites)."
    )


class RewriteActionPublic(BaseModel):
    id: RewriteActionName
    label: str
    description: str
    available: bool
    offline: bool
    reason: str | None


class RewriteActionsPublic(BaseModel):
    model: str
    actions: list[RewriteActionPublic]


class FeedbackCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    vote: Literal["up", "down"]
    reason: FeedbackReason | None = Field(None, description="Required with a down vote.")
    comment: str | None = Field(
        None, max_length=2000, description="Required when the reason is `other`."
    )
    version: int | None = Field(
        None, ge=1, description="The draft version voted on (default: the current one)."
    )
    rewrite_action: RewriteActionName | None = Field(
        None, description="The rewrite this vote is about, if any."
    )


class FeedbackPublic(BaseModel):
    id: int
    draft_id: str
    brand: str
    version: int
    vote: Literal["up", "down"]
    reason: FeedbackReason | None
    comment: str | None
    rewrite_action: str | None
    actor: str
    created_at: datetime


class FeedbackListPublic(BaseModel):
    data: list[FeedbackPublic]
    count: int


class DraftEventCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    event: Literal["shown", "inserted", "copied"]
    surface: Literal["extension", "review", "api"] = "api"
