"""The rewrite actions an agent can ask for, and which of them work without a model."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

RewriteAction = Literal["shorter", "warmer", "more_formal", "simpler", "translate", "add_next_step"]
ACTIONS: tuple[str, ...] = get_args(RewriteAction)


@dataclass(frozen=True)
class ActionInfo:
    id: str
    label: str
    description: str
    offline: bool  # the built-in drafter can do it from the brand's own knowledge


ACTION_INFO: dict[str, ActionInfo] = {
    a.id: a
    for a in (
        ActionInfo(
            "shorter",
            "Shorter",
            "Fit the channel: drop what no required move needs, keep the apology and next step.",
            True,
        ),
        ActionInfo(
            "warmer",
            "Warmer",
            "The brand's own warmer wording, and an acknowledgement from its approved replies "
            "when the draft has none.",
            True,
        ),
        ActionInfo(
            "more_formal",
            "More formal",
            "No contractions, casual words, emoji or exclamation marks; 'Lei' in Italian.",
            True,
        ),
        ActionInfo(
            "simpler",
            "Simpler",
            "Plain words for complicated ones, long sentences split.",
            True,
        ),
        ActionInfo(
            "translate",
            "Translate",
            "Into the language of the customer's post.",
            False,
        ),
        ActionInfo(
            "add_next_step",
            "Add next step",
            "Say what happens next, in words from the brand's approved replies.",
            True,
        ),
    )
}

NEEDS_MODEL = (
    "{action} needs a language model and the chosen one is the built-in drafter "
    "(crisisdraft/composer), which only reuses the brand's own sentences."
)
NEEDS_MODEL_FIX = (
    'Pass a litellm model name ("model": "openai/gpt-4o-mini", a local '
    '"hosted_vllm/..." or "ollama/..." one), or set CRISISDRAFT_DRAFT_MODEL; or edit the '
    "text by hand."
)
