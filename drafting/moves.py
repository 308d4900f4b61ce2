"""The moves a crisis reply is made of, and the order the composer assembles them in.

Which words make a move is the checks' business (built-in lexicons per language plus the
brand's policy): :func:`move_patterns` takes them from there, so the composer writes drafts
that the structure checks recognise.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

MOVE_ORDER: dict[str, list[str]] = {
    "reply": ["acknowledge", "apologise", "next_step", "move_to_dm"],
    "apology": ["acknowledge", "apologise", "next_step", "move_to_dm"],
    "holding_statement": ["acknowledge", "state_status", "next_step", "next_update"],
    "status_update": ["state_status", "next_step", "next_update"],
    "resolution_update": ["state_resolution", "apologise", "thank"],
    "dm_followup": ["thank", "next_step"],
}

#: Categories whose replies do not apologise: praise is thanked, a question is answered
#: ("answer": what an approved reply to the same question said; no check requires it).
CATEGORY_MOVES: dict[str, list[str]] = {
    "praise": ["thank", "next_step"],
    "question": ["thank", "answer", "next_step", "move_to_dm"],
}


def moves_for(kind: str, category: str) -> list[str]:
    if kind in ("reply", "apology", "dm_followup") and category in CATEGORY_MOVES:
        return list(CATEGORY_MOVES[category])
    return list(MOVE_ORDER.get(kind, MOVE_ORDER["reply"]))


def move_patterns(policy: Any, language: str) -> dict[str, str]:
    """``{move: regex}`` for ``language``: built-in lexicon plus the policy's own phrases."""
    from drafting.checks.compiled import compiled_policy

    compiled = compiled_policy(policy, language)
    return {move: rx.pattern for move, rx in compiled.moves.items() if rx is not None}


@lru_cache(maxsize=256)
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def moves_of(text: str, patterns: dict[str, str]) -> frozenset[str]:
    """The moves a sentence makes, e.g. ``{"apologise", "move_to_dm"}``."""
    return frozenset(move for move, p in patterns.items() if _compile(p).search(text))
