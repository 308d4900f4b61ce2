"""Risk flags from rules: each flag is a set of patterns in ``data/risk_flags.yaml``.

The customer's earlier messages in the thread count too (a lawyer mentioned two messages
ago is still a legal threat), except for flags about the post itself: personal data posted
in it and spam.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from drafting.triage.lexicons import normalise, risk_flag_cues

#: Flags that send the post to a named person instead of a public draft.
ESCALATION_FLAGS: frozenset[str] = frozenset(
    {
        "legal_threat",
        "safety_injury",
        "media_inquiry",
        "regulator_inquiry",
        "data_breach",
        "self_harm",
        "discrimination",
        "threat_of_violence",
    }
)


@dataclass(frozen=True)
class FlagHit:
    flag: str
    say: str  # what the pattern means, e.g. "mentions a lawyer"
    quote: str  # the words that matched
    in_thread: bool

    @property
    def reason(self) -> str:
        where = " (earlier in the thread)" if self.in_thread else ""
        return f"{self.say}{where}: '{self.quote}'"


def _quote(text: str, start: int, end: int, limit: int = 60) -> str:
    quote = " ".join(text[start:end].split())
    return quote if len(quote) <= limit else quote[: limit - 1] + "…"


def find_flags(post: str, thread: Sequence[str] = ()) -> list[FlagHit]:
    """Every risk flag the post (or the customer's earlier messages) raises, first hit each."""
    texts = [(normalise(post), False)] + [(normalise(t), True) for t in thread if t]
    hits: list[FlagHit] = []
    for spec in risk_flag_cues():
        hit = None
        for text, in_thread in texts:
            if (in_thread and spec.post_only) or not spec.may_match(text):
                continue
            for cue in spec.cues:
                match = cue.pattern.search(text)
                if match:
                    hit = FlagHit(spec.flag, cue.say, _quote(text, *match.span()), in_thread)
                    break
            if hit:
                break
        if hit:
            hits.append(hit)
    return hits


_SEGMENTS = re.compile(r"(?<=[.!?])\s+|\n+|(?=<!--)|(?=<\|)|(?=\[INST\])")


def without_injection(post: str) -> str:
    """The post minus its sentences that try to instruct the model: what is left is what the
    customer actually says (and what the category is read from)."""
    injection = next(spec for spec in risk_flag_cues() if spec.flag == "prompt_injection")
    kept = [
        segment
        for segment in _SEGMENTS.split(normalise(post))
        if segment.strip() and not injection.may_match(segment)
    ]
    return " ".join(kept)
