"""escalation.*: posts that must go to a named person instead of getting a public auto-draft."""

from __future__ import annotations

from drafting.checks.checkrun import CheckRun

#: Which escalation contact (brand.yaml ``escalation_contacts``) handles each risk flag.
ROLE_FOR_FLAG = {
    "legal_threat": "legal",
    "safety_injury": "safety",
    "media_inquiry": "press",
    "regulator_inquiry": "regulator",
    "data_breach": "security",
    "self_harm": "wellbeing",
    "threat_of_violence": "security",
    "discrimination": "executive",
    "personal_data_public": "security",
    "prompt_injection": "security",
    "spam_bot": "security",
}


def check(run: CheckRun) -> None:
    if not run.enabled("escalation.public_draft") or not run.public:
        return
    triggers = sorted(set(run.ctx.risk_flags) & set(run.policy.escalation.block_public_draft_on))
    if not triggers:
        return
    contacts = []
    for flag in triggers:
        role = ROLE_FOR_FLAG.get(flag, "")
        person = run.ctx.brand.escalation_contacts.get(role)
        contacts.append(
            f"{person.name} ({person.contact})" if person else f"the {role or flag} contact"
        )
    run.fail(
        "escalation.public_draft",
        None,
        f"The post was flagged {', '.join(triggers)}; the policy forbids a public auto-drafted "
        "reply to it.",
        f"Route it to {', '.join(dict.fromkeys(contacts))}; post only what they approve.",
        evidence=", ".join(triggers),
    )
