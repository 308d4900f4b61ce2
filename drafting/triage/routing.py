"""The recommended action and who to escalate to, from risk flags and category.

The policy, in order:
1. A flag in :data:`ESCALATION_FLAGS` escalates to the role that owns it; no public draft.
2. Spam, a bare prompt injection and abuse with no complaint get no reply (do_not_engage).
3. A customer asking to be contacted privately gets a DM only.
4. Personal data posted publicly, or an account, billing or order problem that needs the
   customer's details, gets a short public reply that moves to DM.
5. Everything else gets a public reply.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from drafting.triage.flags import ESCALATION_FLAGS
from drafting.triage.lexicons import first_match, normalise
from knowledge.taxonomy import Action

#: Most urgent first: when a post raises several, the first owner gets it.
ESCALATION_ROLES: dict[str, str] = {
    "self_harm": "wellbeing",
    "threat_of_violence": "security",
    "safety_injury": "safety",
    "data_breach": "security",
    "legal_threat": "legal",
    "regulator_inquiry": "regulator",
    "media_inquiry": "press",
    "discrimination": "executive",
}
#: Who else can take a role's cases when the brand names nobody for it.
ROLE_FALLBACKS: dict[str, tuple[str, ...]] = {
    "wellbeing": ("safety", "executive"),
    "security": ("safety", "legal", "executive"),
    "safety": ("legal", "executive"),
    "legal": ("regulator", "executive"),
    "regulator": ("legal", "executive"),
    "press": ("executive", "legal"),
    "executive": ("legal", "press"),
}
PRIVATE_DETAIL_CATEGORIES = frozenset({"account_security", "billing", "delivery"})


@dataclass(frozen=True)
class Route:
    action: Action
    escalate_to: str | None
    public_draft_allowed: bool
    reasons: list[str]


def escalation_role(flags: set[str], contacts: Mapping[str, object]) -> tuple[str, str | None]:
    """The role owning the most urgent flag, and a note when the brand lacks that role."""
    flag = next(f for f in ESCALATION_ROLES if f in flags)
    role = ESCALATION_ROLES[flag]
    if role in contacts or not contacts:
        note = (
            None
            if role in contacts
            else (
                f"brand.yaml names no escalation contact for {role}: add escalation_contacts.{role}"
            )
        )
        return role, note
    for fallback in ROLE_FALLBACKS.get(role, ()):
        if fallback in contacts:
            return fallback, (
                f"brand.yaml names no {role} contact; routed to {fallback} "
                f"(add escalation_contacts.{role})"
            )
    first = next(iter(contacts))
    return first, f"brand.yaml names no {role} contact; routed to {first}"


def route(flags: set[str], category: str, post: str, contacts: Mapping[str, object]) -> Route:
    text = normalise(post)
    escalating = flags & ESCALATION_FLAGS
    if escalating:
        role, note = escalation_role(flags, contacts)
        owner = next(f for f in ESCALATION_ROLES if f in flags)
        reasons = [
            f"escalate to {role}: {owner.replace('_', ' ')} needs a named person, "
            "not a public draft"
        ] + ([note] if note else [])
        return Route("escalate", role, False, reasons)
    if "spam_bot" in flags:
        return Route("do_not_engage", None, False, ["do not engage: looks like spam"])
    if "prompt_injection" in flags and category == "other":
        return Route(
            "do_not_engage",
            None,
            False,
            ["do not engage: the post only tries to instruct the model"],
        )
    if category == "offensive_abuse":
        return Route(
            "do_not_engage", None, False, ["do not engage: abuse with no complaint to answer"]
        )
    if first_match("wants_dm", text):
        return Route("dm_only", None, True, ["DM only: the customer asks to talk privately"])
    if "personal_data_public" in flags:
        return Route(
            "reply_public_then_dm",
            None,
            True,
            ["reply publicly, then move to DM: personal data is in the post"],
        )
    if category in PRIVATE_DETAIL_CATEGORIES and first_match("own_details", text):
        return Route(
            "reply_public_then_dm",
            None,
            True,
            [
                f"reply publicly, then move to DM: a {category.replace('_', ' ')} "
                "problem needs the customer's details"
            ],
        )
    return Route("reply_public", None, True, ["reply publicly: nothing here needs privacy"])
