"""Severity: how much harm a post can do if it is handled badly or late.

critical: a person may be hurt or their data is exposed (self-harm, violence, injury,
data breach). high: legal, media, regulator or discrimination exposure, an outage that
affects many, a security weakness discussed in public. medium: a customer with a problem.
low: questions, praise, chatter, spam and abuse with nothing to fix.
"""

from __future__ import annotations

from collections.abc import Sequence

from drafting.triage.lexicons import first_match, normalise
from knowledge.taxonomy import Severity

CRITICAL_FLAGS = frozenset({"self_harm", "threat_of_violence", "safety_injury", "data_breach"})
HIGH_FLAGS = frozenset({"legal_threat", "media_inquiry", "regulator_inquiry", "discrimination"})
NOT_A_PROBLEM = frozenset({"praise", "question", "other", "offensive_abuse"})


def severity_for(
    flags: set[str], category: str, post: str, thread: Sequence[str] = ()
) -> tuple[Severity, str | None]:
    """The severity and, when it is high or critical, the reason."""
    if flags & CRITICAL_FLAGS:
        named = ", ".join(sorted(f.replace("_", " ") for f in flags & CRITICAL_FLAGS))
        return "critical", f"severity critical: {named}"
    if flags & HIGH_FLAGS:
        named = ", ".join(sorted(f.replace("_", " ") for f in flags & HIGH_FLAGS))
        return "high", f"severity high: {named}"
    text = normalise(post)
    if category == "outage":
        many = first_match("many_affected", " ".join([text, *map(normalise, thread)]))
        if many:
            return "high", f"severity high: an outage that affects many ('{many}')"
    if category == "account_security" and (weak := first_match("security_at_large", text)):
        return "high", f"severity high: a security weakness discussed in public ('{weak}')"
    if category in NOT_A_PROBLEM or "spam_bot" in flags:
        urgent = category == "question" and first_match("urgent", text)
        return ("medium" if urgent else "low"), None
    return "medium", None  # a complaint: someone has a problem to solve
