"""A brand's policy (``policy.yaml``): the rules every draft is checked against.

The schema is a pydantic model (:class:`Policy`, ``extra="forbid"``, every field documented)
from which ``knowledge/policy.schema.json`` is generated for editor completion
(:func:`write_policy_schema`, or ``python -m knowledge.policy``). :func:`parse_policy` validates
a loaded YAML document beyond the schema (regular expressions, rule ids, caps, contradictions)
and raises :class:`~knowledge.problems.PolicyError` naming file, line and field for each
problem. Built-in lexicons per language live in ``drafting/checks/lexicons/``; a policy only
adds the brand's own phrases and patterns.
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path
from types import UnionType
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from knowledge.problems import PackProblem, PolicyError
from knowledge.taxonomy import CHANNEL_LIMITS, KINDS, PUBLIC_CHANNELS, Channel, Kind, RiskFlag

SCHEMA_PATH = Path(__file__).with_name("policy.schema.json")

CheckSeverity = Literal["block", "warn", "info"]
Formality = Literal["informal", "formal", "any"]
MoveId = Literal[
    "acknowledge",
    "apologise",
    "next_step",
    "next_update",
    "state_status",
    "state_resolution",
    "thank",
    "move_to_dm",
]
ForbiddenCategory = Literal[
    "liability",
    "speculation",
    "blame",
    "legal_promise",
    "medical_advice",
    "financial_advice",
    "other_customers",
]
CompensationKind = Literal[
    "refund",
    "shipping_refund",
    "voucher",
    "discount",
    "free_shipping",
    "free_return",
    "replacement",
    "repair",
    "store_credit",
    "gift",
]
PersonalDataKind = Literal["email", "phone", "order_number", "address", "card", "iban", "name"]

COMPENSATION_KINDS: tuple[str, ...] = get_args(CompensationKind)
PERSONAL_DATA_KINDS: tuple[str, ...] = get_args(PersonalDataKind)
MOVE_IDS: tuple[str, ...] = get_args(MoveId)
FORBIDDEN_CATEGORIES: tuple[str, ...] = get_args(ForbiddenCategory)

#: Language keys: an ISO 639-1 code, or ``all`` for every language.
LANGUAGE_KEY = r"^([a-z]{2}|all)$"
CURRENCY = r"^[A-Z]{3}$"

DEFAULT_REQUIRED_MOVES: dict[Kind, list[MoveId]] = {
    "reply": ["next_step"],
    "apology": ["acknowledge", "apologise", "next_step"],
    "holding_statement": ["acknowledge", "next_update"],
    "status_update": ["state_status", "next_update"],
    "resolution_update": ["state_resolution"],
    "dm_followup": ["next_step"],
}
DEFAULT_ORDER_NUMBER_PATTERN = (
    r"\b(?:order|ordine|ord\.)\s*(?:number|no\.?|nr\.?|n\.|n°|numero|#)?\s*[:#]?\s*"
    r"#?(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{4,}\b"
)


_COMPENSATION_BLOCKERS: tuple[RiskFlag, ...] = (
    "legal_threat",
    "safety_injury",
    "media_inquiry",
    "regulator_inquiry",
)
_ESCALATION_TRIGGERS: tuple[RiskFlag, ...] = (
    *_COMPENSATION_BLOCKERS,
    "data_breach",
    "self_harm",
    "threat_of_violence",
    "discrimination",
)


def _kinds(kinds: list[Kind]) -> list[Kind]:
    return kinds


def _kinds_of_compensation() -> list[CompensationKind]:
    return list(get_args(CompensationKind))


def _goodwill_kinds() -> list[CompensationKind]:
    return ["voucher", "discount", "store_credit", "gift"]


def _kinds_of_personal_data() -> list[PersonalDataKind]:
    return list(get_args(PersonalDataKind))


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PhraseList(_Model):
    """Phrases (matched literally) and regular expressions, per language."""

    phrases: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Literal phrases per language (`en`, `it`, or `all`), matched "
        "case-insensitively on word boundaries.",
    )
    patterns: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Python regular expressions per language (`en`, `it`, or `all`), "
        "matched case-insensitively.",
    )


class RuleSetting(_Model):
    """How one check (or a whole family with `family.*`) behaves for this brand."""

    enabled: bool = Field(default=True, description="false skips the check entirely.")
    severity: CheckSeverity | None = Field(
        default=None, description="block, warn or info; default: the check's own severity."
    )
    overridable: bool | None = Field(
        default=None,
        description="Whether a lead may approve a draft that fails this check, with a written "
        "reason; default: the check's own setting.",
    )


class ForbiddenRules(_Model):
    custom: PhraseList = Field(
        default_factory=PhraseList,
        description="The brand's own forbidden phrases and patterns (check `forbidden.custom`).",
    )
    extra: dict[ForbiddenCategory, PhraseList] = Field(
        default_factory=dict,
        description="Phrases and patterns added to a built-in category (liability, speculation, "
        "blame, legal_promise, medical_advice, financial_advice, other_customers).",
    )


class CurrencyCaps(_Model):
    public: float | None = Field(
        default=None,
        ge=0,
        description="Largest amount a public reply may name (none: no public limit).",
    )
    private: float | None = Field(
        default=None,
        ge=0,
        description="Largest amount offered in a private channel without override.",
    )
    per_channel: dict[Channel, float] = Field(
        default_factory=dict,
        description="Tighter cap per channel; may not exceed the public or private cap.",
    )

    def for_channel(self, channel: str, *, public: bool) -> float | None:
        """The cap that applies on ``channel``."""
        tighter = next((v for k, v in self.per_channel.items() if k == channel), None)
        if tighter is not None:
            return tighter
        return self.public if public else self.private


class CompensationRules(_Model):
    allowed: list[CompensationKind] = Field(
        default_factory=_kinds_of_compensation,
        description="Kinds of compensation a draft may offer.",
    )
    caps: dict[str, CurrencyCaps] = Field(
        default_factory=dict,
        description="Maximum amounts per ISO 4217 currency (EUR, GBP, USD, ...). When caps are "
        "set, an amount in another currency fails `compensation.over_cap`.",
    )
    capped_kinds: list[CompensationKind] = Field(
        default_factory=_goodwill_kinds,
        description="Kinds whose amounts the caps limit (goodwill); refunding what the customer "
        "paid is not capped.",
    )
    name_amounts_in_public: bool = Field(
        default=True,
        description="false: a public reply never names a compensation amount, whatever the cap.",
    )
    max_discount_percent: float | None = Field(
        default=None, ge=0, le=100, description="Largest discount percentage a draft may offer."
    )
    forbidden_on_risk_flags: list[RiskFlag] = Field(
        default_factory=lambda: list(_COMPENSATION_BLOCKERS),
        description="Never offer compensation on a post triage flagged with one of these.",
    )


class PersonalDataRules(_Model):
    never_in_public: list[PersonalDataKind] = Field(
        default_factory=_kinds_of_personal_data,
        description="Kinds of personal data a public reply may never contain.",
    )
    order_number_pattern: str = Field(
        default=DEFAULT_ORDER_NUMBER_PATTERN,
        description="Regular expression matching the brand's order numbers.",
    )
    brand_contacts: list[str] = Field(
        default_factory=list,
        description="The brand's own e-mail addresses and phone numbers, which replies may give.",
    )
    move_to_private_when_exposed: bool = Field(
        default=True,
        description="When a public post shows personal data, the reply must move the "
        "conversation to a private channel.",
    )
    removal_request_counts_as_private_move: bool = Field(
        default=False,
        description="true: asking the customer to delete the post also satisfies the rule above.",
    )


class LinkRules(_Model):
    allowed_domains: list[str] = Field(
        default_factory=list,
        description="Domains replies may link to; subdomains are included "
        "(`verdello.example` allows `status.verdello.example`).",
    )
    forbid_tracking_parameters: bool = Field(
        default=True, description="Flag links carrying utm_*, fbclid, gclid and similar."
    )


class ChannelRule(_Model):
    max_chars: int | None = Field(
        default=None, gt=0, description="Hard length limit; at most the platform's own limit."
    )
    soft_max_chars: int | None = Field(
        default=None, gt=0, description="Target length; longer drafts get a warning."
    )
    max_hashtags: int | None = Field(default=None, ge=0, description="Most hashtags allowed.")
    max_emoji: int | None = Field(default=None, ge=0, description="Most emoji allowed.")
    links_allowed: bool = Field(default=True, description="false: no links at all on this channel.")
    max_links: int | None = Field(default=None, ge=0, description="Most links allowed.")
    max_mentions: int | None = Field(
        default=None, ge=0, description="Most @mentions of accounts other than the customer."
    )
    languages: list[str] | None = Field(
        default=None,
        description="Languages allowed on this channel; default: the policy's languages.",
    )
    max_readability: float | None = Field(
        default=None, gt=0, description="Highest LIX readability index (lower is easier)."
    )


class VoiceRules(_Model):
    banned_words: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Words and phrases the brand's voice bans, per language (`all` for every "
        "language).",
    )
    sign_off_required_on: list[Channel] = Field(
        default_factory=list,
        description="Channels where a reply must end with the sign-off from brand.yaml "
        "(`sign_off` per language).",
    )
    max_exclamations: int | None = Field(
        default=None, ge=0, description="Most exclamation marks in any reply."
    )
    no_exclamations_in: list[Kind] = Field(
        default_factory=lambda: _kinds(["apology", "holding_statement", "status_update"]),
        description="Draft kinds that may carry no exclamation mark at all.",
    )
    no_exclamations_in_apologies: bool = Field(
        default=True, description="No exclamation mark in a sentence that apologises."
    )
    no_capitals_for_emphasis: bool = Field(
        default=True, description="No words in capitals for emphasis (acronyms are fine)."
    )
    emoji_kinds: list[Kind] | None = Field(
        default=None, description="Draft kinds that may carry emoji at all; default: every kind."
    )
    formality: dict[str, dict[str, Formality]] = Field(
        default_factory=dict,
        description="Register per language and channel (`default` for the rest), e.g. "
        "{it: {default: informal, email: formal}}.",
    )


class ToneRules(_Model):
    min_sentiment: float = Field(
        default=-0.35,
        ge=-1,
        le=1,
        description="Lowest sentiment score (-1..1) of the draft, apology words excluded.",
    )
    empathy_required_for: list[Kind] = Field(
        default_factory=lambda: _kinds(["apology", "holding_statement", "dm_followup"]),
        description="Draft kinds that must show empathy or acknowledgement.",
    )
    max_readability: dict[str, float] = Field(
        default_factory=lambda: {"en": 58.0, "it": 62.0},
        description="Highest LIX readability index per language (a channel rule may override).",
    )


class ReaderRules(_Model):
    """The learned reader (drafting.checks.reader): a model trained on labelled replies that
    adds findings for guesses at causes, liability, legal, medical and financial promises,
    other customers, defensiveness, blame-shifting, hostility and sarcasm the rules let pass.

    Off unless a brand turns it on. On blind sets it found about one in ten of the mistakes the
    rules missed, with almost no false alarms, but it cannot tell some near misses the rules
    can ("probably within a few hours", "we take full responsibility for the delay"); see
    benchmarks/README.md."""

    enabled: bool = Field(
        default=False, description="Run the learned reader after the rules (off by default)."
    )
    min_score: float | None = Field(
        default=None,
        ge=0.5,
        lt=1,
        description="Lowest score (0.5-1) that makes a finding; default: the model's own "
        "threshold (0.9). Higher means fewer findings and fewer false alarms.",
    )
    severity: CheckSeverity | None = Field(
        default=None,
        description="Severity of the reader's findings; default: each check's own severity "
        "(see rules:). `warn` shows them without blocking. A lead may always override them "
        "with a reason.",
    )


class GroundingRules(_Model):
    standing_facts: list[str] = Field(
        default_factory=list,
        description="Facts always true for the brand (opening hours, return period); claims "
        "they support are grounded in every draft.",
    )


class EscalationRules(_Model):
    block_public_draft_on: list[RiskFlag] = Field(
        default_factory=lambda: list(_ESCALATION_TRIGGERS),
        description="Risk flags (from triage) that forbid a public auto-draft: the post goes to "
        "the named escalation contact.",
    )


class RewriteRules(_Model):
    warmer: dict[str, dict[str, str]] = Field(
        default_factory=dict,
        description="Per language (or `all`): the brand's own warmer wording for a phrase, "
        'used by the `warmer` rewrite with no model, e.g. `{en: {"We regret": "We\'re sorry"}}`.',
    )
    more_formal: dict[str, dict[str, str]] = Field(
        default_factory=dict,
        description="Per language: the brand's formal wording for a casual phrase "
        "(`more_formal` rewrite), added to the built-in ones.",
    )
    simpler: dict[str, dict[str, str]] = Field(
        default_factory=dict,
        description="Per language: a plainer word or phrase for a complicated one "
        "(`simpler` rewrite), added to the built-in ones.",
    )


class DisclosureRules(_Model):
    internal_label: bool = Field(
        default=True,
        description="Label every draft on its record as drafted with AI assistance (model, "
        "prompt version, whether a person edited it); exported with the drafts.",
    )
    public_line: dict[str, str] = Field(
        default_factory=dict,
        description="Per language: a line added to public replies saying AI helped draft "
        'them, e.g. `{en: "(Drafted with AI, checked by our team.)"}`. Empty: no public line.',
    )
    public_channels: list[Channel] | None = Field(
        default=None,
        description="Channels that get the public line; default: every channel.",
    )


class Policy(_Model):
    """The rules every draft of a brand is checked against."""

    version: int = Field(default=1, ge=1, description="Policy format version.")
    description: str = Field(default="", description="What this policy is for, for humans.")
    languages: list[str] | None = Field(
        default=None,
        description="Languages drafts may be written in; default: the brand's languages.",
    )
    required_moves: dict[Kind, list[MoveId]] = Field(
        default_factory=lambda: {k: list(v) for k, v in DEFAULT_REQUIRED_MOVES.items()},
        description="Moves each draft kind must make (acknowledge, apologise, next_step, "
        "next_update, state_status, state_resolution, thank, move_to_dm).",
    )
    moves: dict[MoveId, PhraseList] = Field(
        default_factory=dict,
        description="Extra phrases and patterns that count as a move, added to the built-in ones.",
    )
    forbidden: ForbiddenRules = Field(default_factory=ForbiddenRules)
    compensation: CompensationRules = Field(default_factory=CompensationRules)
    personal_data: PersonalDataRules = Field(default_factory=PersonalDataRules)
    links: LinkRules = Field(default_factory=LinkRules)
    channels: dict[Channel, ChannelRule] = Field(
        default_factory=dict,
        description="Rules per channel; a channel not listed uses the platform's own limits.",
    )
    voice: VoiceRules = Field(default_factory=VoiceRules)
    tone: ToneRules = Field(default_factory=ToneRules)
    grounding: GroundingRules = Field(default_factory=GroundingRules)
    reader: ReaderRules = Field(default_factory=ReaderRules)
    escalation: EscalationRules = Field(default_factory=EscalationRules)
    rewrites: RewriteRules = Field(default_factory=RewriteRules)
    disclosure: DisclosureRules = Field(default_factory=DisclosureRules)
    rules: dict[str, RuleSetting] = Field(
        default_factory=dict,
        description="Per-check settings keyed by check id (e.g. `tone.sentiment`) or family "
        "(`grounding.*`); see drafting.checks.CHECK_IDS.",
    )

    def channel_rule(self, channel: str) -> ChannelRule:
        """The rule for ``channel`` (an empty rule when the policy lists none)."""
        rules = {str(name): rule for name, rule in self.channels.items()}
        return rules.get(channel) or ChannelRule()

    def moves_for(self, kind: str) -> list[str]:
        """The moves a draft of ``kind`` must make."""
        return next((list(m) for k, m in self.required_moves.items() if k == kind), [])

    def disclosure_line(self, channel: str, language: str) -> str:
        """The public AI-assistance line for ``channel`` in ``language`` ("" for none)."""
        rules = self.disclosure
        if rules.public_channels is not None and channel not in rules.public_channels:
            return ""
        return rules.public_line.get(language) or rules.public_line.get("all", "")

    def max_chars(self, channel: str) -> int:
        rule = self.channel_rule(channel)
        platform = CHANNEL_LIMITS.get(channel, 10_000)
        return min(rule.max_chars or platform, platform)


# --- parsing and validation ------------------------------------------------------------------


def parse_policy(data: Any, *, source: str = "policy.yaml", text: str = "") -> Policy:
    """Validate a loaded ``policy.yaml``; raise :class:`PolicyError` listing every problem.

    ``text`` is the YAML source, used to give the line of each problem.
    """
    from knowledge.brandpack import yaml_line  # lazy: brandpack imports this module

    def line(loc: tuple[Any, ...]) -> int | None:
        return yaml_line(text, loc) if text else None

    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise PolicyError(
            [
                PackProblem(
                    source, "must be a mapping of fields (key: value), e.g. `version: 1`", line=1
                )
            ],
            fix="Start from knowledge/brands/demo/policy.yaml.",
        )
    try:
        policy = Policy.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            message = f"{err['msg']}; {_fix_hint(err, loc)}"
            problems.append(
                PackProblem(
                    source, message, line=line(loc), field=".".join(str(p) for p in loc) or None
                )
            )
        raise PolicyError(problems, fix=_SCHEMA_FIX) from exc
    problems = [
        PackProblem(source, message, line=line(loc), field=".".join(str(p) for p in loc))
        for loc, message in semantic_problems(policy)
    ]
    if problems:
        raise PolicyError(problems, fix=_SCHEMA_FIX)
    return policy


_SCHEMA_FIX = (
    "Correct policy.yaml (knowledge/policy.schema.json describes every field; your editor can "
    "complete it) and load the pack again; the brand keeps its previous policy meanwhile."
)


def _fix_hint(err: Any, loc: tuple[Any, ...]) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        allowed = _allowed_fields(loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        return f"{hint}remove it or use one of: {', '.join(allowed)}"
    if kind in {"greater_than_equal", "greater_than"}:
        return "caps, limits and counts cannot be negative: use 0 or a positive number"
    if kind in {"less_than_equal", "less_than"}:
        return "use a smaller number"
    if kind == "missing":
        return "add this field"
    if kind in {"literal_error", "enum"}:
        return "use one of the values listed"
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return "use the type named (see knowledge/policy.schema.json)"
    if kind == "string_pattern_mismatch":
        return (
            "language keys are two-letter codes (en, it) or `all`; currencies are ISO codes (EUR)"
        )
    return "see knowledge/policy.schema.json for the expected shape"


def _allowed_fields(loc: tuple[Any, ...]) -> list[str]:
    """Field names of the model found at ``loc`` (for "did you mean" hints)."""
    annotation: Any = Policy
    for part in loc:
        annotation = _unwrap_optional(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            info = annotation.model_fields.get(str(part))
            if info is None:
                return []
            annotation = info.annotation
        elif get_origin(annotation) is dict:
            annotation = get_args(annotation)[1]
        elif get_origin(annotation) is list:
            annotation = get_args(annotation)[0]
        else:
            return []
    annotation = _unwrap_optional(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


def _unwrap_optional(annotation: Any) -> Any:
    args = [a for a in get_args(annotation) if a is not type(None)]
    if get_origin(annotation) in (Union, UnionType) and len(args) == 1:
        return args[0]
    return annotation


def semantic_problems(policy: Policy) -> list[tuple[tuple[Any, ...], str]]:
    """Problems the schema cannot see: regexes, rule ids, caps and contradictions."""
    out: list[tuple[tuple[Any, ...], str]] = []
    out += _regex_problems(policy)
    out += _rule_problems(policy)
    out += _cap_problems(policy)
    out += _channel_problems(policy)
    out += _contradictions(policy)
    return out


def _languages_ok(keys: Any, loc: tuple[Any, ...]) -> list[tuple[tuple[Any, ...], str]]:
    return [
        ((*loc, key), f"{key!r} is not a language key; use a two-letter code (en, it) or `all`")
        for key in keys
        if not re.match(LANGUAGE_KEY, key)
    ]


def _phrase_lists(policy: Policy) -> list[tuple[tuple[Any, ...], PhraseList]]:
    lists: list[tuple[tuple[Any, ...], PhraseList]] = [
        (("forbidden", "custom"), policy.forbidden.custom)
    ]
    lists += [(("forbidden", "extra", cat), pl) for cat, pl in policy.forbidden.extra.items()]
    lists += [(("moves", move), pl) for move, pl in policy.moves.items()]
    return lists


def _regex_problems(policy: Policy) -> list[tuple[tuple[Any, ...], str]]:
    out: list[tuple[tuple[Any, ...], str]] = []
    for loc, plist in _phrase_lists(policy):
        out += _languages_ok(plist.phrases, (*loc, "phrases"))
        out += _languages_ok(plist.patterns, (*loc, "patterns"))
        for lang, patterns in plist.patterns.items():
            for i, pattern in enumerate(patterns):
                error = regex_error(pattern)
                if error:
                    out.append(((*loc, "patterns", lang, i), error))
        for lang, phrases in plist.phrases.items():
            for i, phrase in enumerate(phrases):
                if not phrase.strip():
                    out.append(((*loc, "phrases", lang, i), "is empty; remove it"))
    out += _languages_ok(policy.voice.banned_words, ("voice", "banned_words"))
    error = regex_error(policy.personal_data.order_number_pattern)
    if error:
        out.append((("personal_data", "order_number_pattern"), error))
    return out


def regex_error(pattern: str) -> str | None:
    """Why ``pattern`` is not a usable regular expression (None when it is)."""
    if not pattern.strip():
        return "is an empty regular expression; remove it"
    if len(pattern) > 1000:
        return "is longer than 1000 characters; split it into several patterns"
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        return (
            f"is not a valid regular expression ({exc.msg} at position {exc.pos}): "
            f"{pattern!r}; escape special characters such as ( ) [ ] . ? * + with a backslash, "
            "or list the text under `phrases` instead"
        )
    if compiled.search(""):
        return f"matches the empty string, so it would match every draft: {pattern!r}"
    return None


def _rule_problems(policy: Policy) -> list[tuple[tuple[Any, ...], str]]:
    from drafting.checks.catalogue import CHECK_IDS, FAMILIES, is_rule_key

    out = []
    known = [*CHECK_IDS, *(f"{f}.*" for f in FAMILIES)]
    for key in policy.rules:
        if not is_rule_key(key):
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}? " if close else ""
            out.append(
                (
                    ("rules", key),
                    f"{key!r} is not a known check id; {hint}use a check "
                    "id from drafting.checks.CHECK_IDS (e.g. tone.sentiment) or a family "
                    "followed by .* (e.g. grounding.*)",
                )
            )
    return out


def _cap_problems(policy: Policy) -> list[tuple[tuple[Any, ...], str]]:
    out: list[tuple[tuple[Any, ...], str]] = []
    for currency, caps in policy.compensation.caps.items():
        loc = ("compensation", "caps", currency)
        if not re.match(CURRENCY, currency):
            out.append((loc, f"{currency!r} is not an ISO 4217 currency code; use e.g. EUR, GBP"))
        if caps.public is not None and caps.private is not None and caps.public > caps.private:
            out.append(
                (
                    (*loc, "public"),
                    f"the public cap ({caps.public:g} {currency}) is above "
                    f"the private cap ({caps.private:g} {currency}): a public reply could "
                    "name more than a private one may offer; lower `public` or raise `private`",
                )
            )
        for channel, amount in caps.per_channel.items():
            public = channel in PUBLIC_CHANNELS
            ceiling = caps.public if public else caps.private
            if amount < 0:
                out.append(
                    (
                        (*loc, "per_channel", channel),
                        f"{amount:g} is negative; caps must be 0 or more",
                    )
                )
            elif ceiling is not None and amount > ceiling:
                which = "public" if public else "private"
                out.append(
                    (
                        (*loc, "per_channel", channel),
                        f"the {channel} cap ({amount:g} {currency}) is above the {which} cap "
                        f"({ceiling:g} {currency}); lower it or raise `{which}`",
                    )
                )
    return out


def _channel_problems(policy: Policy) -> list[tuple[tuple[Any, ...], str]]:
    out: list[tuple[tuple[Any, ...], str]] = []
    for channel, rule in policy.channels.items():
        loc = ("channels", channel)
        platform = CHANNEL_LIMITS.get(channel)
        if rule.max_chars is not None and platform is not None and rule.max_chars > platform:
            out.append(
                (
                    (*loc, "max_chars"),
                    f"{rule.max_chars} is above the {channel} platform "
                    f"maximum of {platform} characters; use {platform} or less",
                )
            )
        if rule.soft_max_chars is not None and rule.soft_max_chars > (
            rule.max_chars or platform or 0
        ):
            out.append(
                (
                    (*loc, "soft_max_chars"),
                    f"the target length {rule.soft_max_chars} is "
                    f"above the hard limit {rule.max_chars or platform}; lower it",
                )
            )
        if not rule.links_allowed and rule.max_links:
            out.append(
                (
                    (*loc, "max_links"),
                    f"links_allowed is false but max_links is "
                    f"{rule.max_links}; set max_links to 0 or allow links",
                )
            )
        if rule.languages is not None:
            out += _languages_ok(rule.languages, (*loc, "languages"))
            if policy.languages is not None:
                extra = sorted(set(rule.languages) - set(policy.languages))
                if extra:
                    out.append(
                        (
                            (*loc, "languages"),
                            f"{extra} are not in the policy's "
                            f"languages {policy.languages}; add them there or remove them here",
                        )
                    )
    for lang, table in policy.voice.formality.items():
        out += _languages_ok([lang], ("voice", "formality"))
        for key in table:
            if key != "default" and key not in CHANNEL_LIMITS:
                out.append(
                    (
                        ("voice", "formality", lang, key),
                        f"{key!r} is not a channel; use "
                        f"one of {sorted(CHANNEL_LIMITS)} or `default`",
                    )
                )
    if policy.languages is not None:
        out += _languages_ok(policy.languages, ("languages",))
    return out


def _contradictions(policy: Policy) -> list[tuple[tuple[Any, ...], str]]:
    out: list[tuple[tuple[Any, ...], str]] = []
    forbidden: list[tuple[tuple[Any, ...], str, str]] = []  # (loc, language, phrase)
    for lang, phrases in policy.forbidden.custom.phrases.items():
        forbidden += [
            (("forbidden", "custom", "phrases", lang, i), lang, p) for i, p in enumerate(phrases)
        ]
    for lang, words in policy.voice.banned_words.items():
        forbidden += [(("voice", "banned_words", lang, i), lang, w) for i, w in enumerate(words)]
    forbidden_patterns: list[tuple[tuple[Any, ...], str, re.Pattern[str]]] = []
    for lang, patterns in policy.forbidden.custom.patterns.items():
        for i, pattern in enumerate(patterns):
            if regex_error(pattern) is None:
                forbidden_patterns.append(
                    (
                        ("forbidden", "custom", "patterns", lang, i),
                        lang,
                        re.compile(pattern, re.IGNORECASE),
                    )
                )
    for move, plist in policy.moves.items():
        for lang, phrases in plist.phrases.items():
            for i, phrase in enumerate(phrases):
                loc = ("moves", move, "phrases", lang, i)
                for floc, flang, word in forbidden:
                    if _same_language(lang, flang) and _contains_phrase(phrase, word):
                        out.append(
                            (
                                loc,
                                f"{phrase!r} is required for the move {move!r} but "
                                f"{word!r} is forbidden at {'.'.join(map(str, floc))}; "
                                "remove it from one of the two lists",
                            )
                        )
                for floc, flang, rx in forbidden_patterns:
                    if _same_language(lang, flang) and rx.search(phrase):
                        out.append(
                            (
                                loc,
                                f"{phrase!r} is required for the move {move!r} but "
                                f"matches the forbidden pattern at "
                                f"{'.'.join(map(str, floc))}; remove it from one of the two",
                            )
                        )
    for kind, moves in policy.required_moves.items():
        for move in moves:
            setting = policy.rules.get(f"structure.{move}") or policy.rules.get("structure.*")
            if setting is not None and not setting.enabled:
                out.append(
                    (
                        ("required_moves", kind),
                        f"the move {move!r} is required for "
                        f"{kind!r} drafts but the check structure.{move} is disabled under "
                        "rules; enable the check or drop the move",
                    )
                )
    for kind in policy.required_moves:
        if kind not in KINDS:  # pragma: no cover - the Literal already refuses it
            out.append((("required_moves", kind), f"{kind!r} is not a draft kind"))
    return out


def _same_language(a: str, b: str) -> bool:
    return a == b or "all" in (a, b)


def _contains_phrase(phrase: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word.strip())}(?!\w)", phrase, re.IGNORECASE) is not None


# --- neutral policy and JSON Schema ----------------------------------------------------------


def neutral_policy(
    *, allowed_domains: list[str] | tuple[str, ...] = (), languages: list[str] | None = None
) -> dict[str, Any]:
    """A policy with no brand-specific rules (built-in checks only), as YAML-ready data.

    Used for brands imported from public data, whose only known rule is the set of domains
    their agents link to.
    """
    data: dict[str, Any] = {
        "version": 1,
        "description": "Neutral policy: built-in checks only, links limited to the brand's "
        "own domains.",
        "links": {"allowed_domains": sorted(set(allowed_domains))},
    }
    if languages:
        data["languages"] = list(languages)
    return data


def policy_json_schema() -> dict[str, Any]:
    """The JSON Schema of ``policy.yaml`` (what ``knowledge/policy.schema.json`` holds)."""
    from drafting.checks.catalogue import CHECK_IDS, FAMILIES

    schema = Policy.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "crisisdraft brand policy (policy.yaml)"
    rule_keys = sorted(CHECK_IDS) + [f"{f}.*" for f in FAMILIES]
    schema["properties"]["rules"]["propertyNames"] = {"enum": rule_keys}
    return schema


def write_policy_schema(path: Path = SCHEMA_PATH) -> bool:
    """Write the schema to ``path``; return True when the file changed."""
    content = json.dumps(policy_json_schema(), indent=2, ensure_ascii=False) + "\n"
    if path.exists() and path.read_text(encoding="utf-8") == content:
        return False
    path.write_text(content, encoding="utf-8")
    return True


if __name__ == "__main__":  # python -m knowledge.policy
    changed = write_policy_schema()
    print(f"{SCHEMA_PATH} {'written' if changed else 'already up to date'}")
