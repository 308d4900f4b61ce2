"""Every check crisisdraft runs on a draft: its id, family, default severity and whether a lead
may override a failure. A brand's ``policy.yaml`` may disable a check or change its severity and
overridability under ``rules:`` (keys are these ids, or ``<family>.*``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

CheckSeverity = Literal["block", "warn", "info"]

FAMILIES: tuple[str, ...] = (
    "structure",
    "forbidden",
    "compensation",
    "personal_data",
    "channel",
    "voice",
    "escalation",
    "tone",
    "grounding",
    "output_safety",
    "judge",
)


@dataclass(frozen=True)
class CheckInfo:
    id: str
    family: str
    severity: CheckSeverity
    overridable: bool
    description: str


def _c(id: str, severity: CheckSeverity, overridable: bool, description: str) -> CheckInfo:
    return CheckInfo(id, id.split(".", 1)[0], severity, overridable, description)


_ALL = [
    # structure: the moves a draft kind requires (policy.required_moves)
    _c(
        "structure.acknowledge",
        "block",
        True,
        "Acknowledges what happened, in the customer's terms.",
    ),
    _c("structure.apologise", "block", True, "Apologises without conditions."),
    _c("structure.next_step", "block", True, "Says what happens next: a concrete step."),
    _c("structure.next_update", "block", True, "Says when the next update comes, with a time."),
    _c("structure.state_status", "block", True, "States the current status of the problem."),
    _c("structure.state_resolution", "block", True, "Says the problem is fixed."),
    _c("structure.thank", "block", True, "Thanks the customer."),
    _c("structure.move_to_dm", "block", True, "Moves the conversation to a private channel."),
    _c(
        "structure.empty",
        "block",
        False,
        "Says something: words beyond the customer's handle, links and the sign-off.",
    ),
    # forbidden content
    _c("forbidden.custom", "block", True, "Uses a phrase or pattern the brand's policy forbids."),
    _c("forbidden.liability", "block", False, "Admits legal liability or fault for harm."),
    _c("forbidden.speculation", "block", True, "Speculates about the cause of a problem."),
    _c(
        "forbidden.blame", "block", True, "Blames the customer, a courier, a supplier or a partner."
    ),
    _c("forbidden.legal_promise", "block", False, "Promises a legal or regulatory outcome."),
    _c("forbidden.medical_advice", "block", False, "Gives medical advice."),
    _c("forbidden.financial_advice", "block", False, "Gives financial or investment advice."),
    _c("forbidden.other_customers", "block", True, "Mentions other customers or their cases."),
    # compensation
    _c(
        "compensation.kind_not_allowed",
        "block",
        True,
        "Offers a kind of compensation the policy does not allow.",
    ),
    _c(
        "compensation.over_cap",
        "block",
        True,
        "Offers an amount above the cap for its currency and channel.",
    ),
    _c(
        "compensation.public_amount",
        "block",
        False,
        "Names a compensation amount the policy keeps out of public replies.",
    ),
    _c(
        "compensation.on_escalation",
        "block",
        False,
        "Offers compensation on a post with a legal, injury or press risk.",
    ),
    # personal data (public channels)
    _c("personal_data.email", "block", False, "Repeats an e-mail address in a public reply."),
    _c("personal_data.phone", "block", False, "Repeats a phone number in a public reply."),
    _c("personal_data.order_number", "block", False, "Repeats an order number in a public reply."),
    _c("personal_data.address", "block", False, "Repeats a postal address in a public reply."),
    _c("personal_data.card", "block", False, "Repeats card digits in a public reply."),
    _c("personal_data.iban", "block", False, "Repeats an IBAN in a public reply."),
    _c(
        "personal_data.name",
        "block",
        False,
        "Repeats a name from the post beyond the public handle.",
    ),
    _c(
        "personal_data.move_to_private",
        "block",
        True,
        "Post exposed personal data; the reply must move to a private channel.",
    ),
    # channel
    _c("channel.length", "block", True, "Longer than the channel allows."),
    _c(
        "channel.length_soft",
        "warn",
        True,
        "Longer than the brand's target length for the channel.",
    ),
    _c("channel.hashtags", "block", True, "More hashtags than the channel rule allows."),
    _c(
        "channel.emoji",
        "block",
        True,
        "Emoji where the channel or draft kind allows none (or too many).",
    ),
    _c("channel.links", "block", True, "Links where the channel allows none (or too many)."),
    _c("channel.mentions", "block", True, "Tags other accounts than the customer."),
    _c(
        "channel.language",
        "block",
        True,
        "Written in a language the brand does not answer in on this channel.",
    ),
    _c(
        "channel.disclosure",
        "block",
        True,
        "Lacks the AI-assistance line the brand's policy asks public replies to carry.",
    ),
    # voice
    _c("voice.banned_word", "block", True, "Uses a word the brand's voice bans."),
    _c("voice.sign_off", "block", True, "Lacks the brand's sign-off for this language."),
    _c(
        "voice.exclamation",
        "warn",
        True,
        "Exclamation marks in an apology or incident message, or too many.",
    ),
    _c("voice.capitals", "warn", True, "Words in capitals for emphasis."),
    _c("voice.formality", "warn", True, "Wrong register (tu/Lei, slang/stiff) for the channel."),
    # escalation
    _c(
        "escalation.public_draft",
        "block",
        False,
        "An escalation trigger forbids a public auto-draft.",
    ),
    # tone
    _c("tone.empathy", "warn", True, "No empathy or acknowledgement of the customer's situation."),
    _c(
        "tone.blame_shift",
        "block",
        True,
        'Conditional or blame-shifting apology ("sorry if", "unfortunately you").',
    ),
    _c(
        "tone.defensive",
        "block",
        True,
        'Defensive wording ("as per our policy", "as we already said").',
    ),
    _c("tone.sarcasm", "block", True, "Sarcasm or irony."),
    _c("tone.hostility", "block", True, "Hostile or dismissive language towards the customer."),
    _c("tone.escalating", "block", True, "Threatens or escalates (bans, legal action, warnings)."),
    _c("tone.register", "warn", True, "Not a calm register (shouting, repeated !! or ?!)."),
    _c("tone.sentiment", "warn", True, "The draft's own sentiment is negative."),
    _c("tone.readability", "warn", True, "Harder to read than the channel suits."),
    # grounding
    _c("grounding.amount", "block", True, "States an amount not found in the facts or sources."),
    _c(
        "grounding.percentage",
        "block",
        True,
        "States a percentage not found in the facts or sources.",
    ),
    _c(
        "grounding.count",
        "block",
        True,
        "States a number of people/orders not found in the facts or sources.",
    ),
    _c(
        "grounding.datetime",
        "block",
        True,
        "States a date or time not found in the facts or sources.",
    ),
    _c("grounding.duration", "block", True, "States a duration not found in the facts or sources."),
    _c("grounding.cause", "block", True, "States a cause not found in the facts or sources."),
    _c(
        "grounding.promise",
        "block",
        True,
        "Promises a refund, replacement or similar not found in the facts or sources.",
    ),
    # output safety
    _c("output_safety.ai_disclosure", "block", False, 'Talks like an AI model ("as an AI").'),
    _c("output_safety.prompt_leak", "block", False, "Copies text from the system prompt."),
    _c(
        "output_safety.injection_echo",
        "block",
        False,
        "Follows or repeats instructions from the untrusted post.",
    ),
    _c(
        "output_safety.template_marker",
        "block",
        False,
        "Leftover template markers ({{ }}, [NAME], <EMAIL_1>).",
    ),
    _c("output_safety.link_domain", "block", True, "Links outside the brand's allow-list."),
    _c("output_safety.link_tracking", "warn", True, "Links with tracking parameters."),
    # optional LLM judge (drafting/checks/judge.py); it can only add findings
    _c(
        "judge.tone", "warn", True, "LLM judge: tone problem (defensive, cold, sarcastic, blaming)."
    ),
    _c("judge.policy", "warn", True, "LLM judge: likely policy problem the rules missed."),
    _c("judge.grounding", "warn", True, "LLM judge: claim that looks invented."),
    _c("judge.voice", "warn", True, "LLM judge: off-voice for the brand."),
    _c("judge.error", "info", True, "The LLM judge could not run; its findings are missing."),
]

#: Every check id with its family, default severity, overridability and a one-line description.
CHECK_IDS: dict[str, CheckInfo] = {c.id: c for c in _ALL}


def is_rule_key(key: str) -> bool:
    """True when ``key`` names a check id or a whole family (``tone.*``) for ``policy.rules``."""
    if key in CHECK_IDS:
        return True
    return key.endswith(".*") and key[:-2] in FAMILIES
