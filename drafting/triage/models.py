"""What triage returns: the reading of one incoming post a reviewer and the pipeline act on."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from knowledge.taxonomy import Action, Category, RiskFlag, Severity

SentimentLabel = Literal["negative", "neutral", "positive"]


class Sentiment(BaseModel):
    model_config = ConfigDict(extra="forbid")
    score: float = Field(
        ge=-1.0,
        le=1.0,
        description="VADER compound for English (with customer-care adjustments), the same "
        "formula over our own lexicon for Italian.",
    )
    label: SentimentLabel


class Triage(BaseModel):
    model_config = ConfigDict(extra="forbid")
    category: Category
    category_confidence: float = Field(ge=0.0, le=1.0)
    severity: Severity
    sentiment: Sentiment
    language: str = Field(description="ISO 639-1 code of the post's language.")
    language_supported: bool
    risk_flags: list[RiskFlag] = Field(default_factory=list)
    action: Action
    escalate_to: str | None = Field(
        None, description="Role in brand.yaml escalation_contacts; None when not escalated."
    )
    reasons: list[str] = Field(
        default_factory=list, description="Plain-language reasons a reviewer can read."
    )
    public_draft_allowed: bool = Field(
        description="False for escalations and do_not_engage: a human decides instead."
    )
