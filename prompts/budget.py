"""Fit a prompt's sections into the model's context with tiktoken (offline).

Each section has a token budget; its items come most relevant first and the least relevant
are dropped first. The post itself is never cut silently: when it must be shortened the
result says so, and the prompt shows a marker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache


@dataclass(frozen=True)
class Section:
    name: str
    items: Sequence[str]  # most relevant first
    budget: int  # tokens


@dataclass
class Fitted:
    items: dict[str, list[str]]
    dropped: dict[str, int]
    post: str
    post_truncated: bool
    tokens: int
    notes: list[str] = field(default_factory=list)


@lru_cache(maxsize=32768)
def _count(text: str) -> int:
    """Token count (cached: the same guidelines and replies come back draft after draft; sized
    for a brand of 10,000 approved replies, whose texts it holds: 15 MB at most)."""
    from knowledge.tokens import count_tokens

    return count_tokens(text)


def fit(sections: Sequence[Section], *, post: str, post_budget: int) -> Fitted:
    from knowledge.tokens import truncate_tokens

    notes: list[str] = []
    post_tokens = _count(post)
    truncated = post_tokens > post_budget
    if truncated:
        post = truncate_tokens(post, post_budget) + (
            f" [post truncated: first {post_budget} of {post_tokens} tokens shown]"
        )
        notes.append(
            f"The post was cut to its first {post_budget} of {post_tokens} tokens "
            "to fit the model's context."
        )
    total = min(post_tokens, post_budget)
    kept: dict[str, list[str]] = {}
    dropped: dict[str, int] = {}
    for section in sections:
        used = 0
        chosen: list[str] = []
        for item in section.items:
            cost = _count(item)
            if used + cost > section.budget:
                continue  # skip this one; a shorter, less relevant item may still fit
            chosen.append(item)
            used += cost
        kept[section.name] = chosen
        dropped[section.name] = len(section.items) - len(chosen)
        if dropped[section.name]:
            notes.append(
                f"{dropped[section.name]} of {len(section.items)} {section.name} "
                f"left out to stay within {section.budget} tokens."
            )
        total += used
    return Fitted(
        items=kept, dropped=dropped, post=post, post_truncated=truncated, tokens=total, notes=notes
    )
