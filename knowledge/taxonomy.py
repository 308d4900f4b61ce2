"""The shared vocabulary: channels, draft kinds, categories, severities, risk flags, actions."""

from __future__ import annotations

from typing import Literal, get_args

Channel = Literal["x", "instagram", "facebook", "tiktok", "linkedin", "reviews", "email", "chat"]
Kind = Literal[
    "reply", "apology", "holding_statement", "status_update", "resolution_update", "dm_followup"
]
Category = Literal[
    "delivery",
    "billing",
    "outage",
    "product_defect",
    "account_security",
    "service_experience",
    "safety",
    "offensive_abuse",
    "praise",
    "question",
    "other",
]
Severity = Literal["low", "medium", "high", "critical"]
RiskFlag = Literal[
    "legal_threat",
    "safety_injury",
    "media_inquiry",
    "regulator_inquiry",
    "data_breach",
    "self_harm",
    "discrimination",
    "threat_of_violence",
    "personal_data_public",
    "prompt_injection",
    "spam_bot",
]
Action = Literal["reply_public", "reply_public_then_dm", "dm_only", "escalate", "do_not_engage"]

CHANNELS: tuple[str, ...] = get_args(Channel)
KINDS: tuple[str, ...] = get_args(Kind)
CATEGORIES: tuple[str, ...] = get_args(Category)
SEVERITIES: tuple[str, ...] = get_args(Severity)
RISK_FLAGS: tuple[str, ...] = get_args(RiskFlag)
ACTIONS: tuple[str, ...] = get_args(Action)

#: Default character limits per channel (a brand's policy may tighten them).
CHANNEL_LIMITS: dict[str, int] = {
    "x": 280,
    "instagram": 2200,
    "facebook": 8000,
    "tiktok": 150,
    "linkedin": 1250,
    "reviews": 4000,
    "email": 10000,
    "chat": 1000,
}
#: Channels where a reply is seen by the public (email and chat are private).
PUBLIC_CHANNELS: frozenset[str] = frozenset(
    {"x", "instagram", "facebook", "tiktok", "linkedin", "reviews"}
)
