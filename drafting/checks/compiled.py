"""A policy compiled for one language: built-in lexicon plus the brand's phrases, as regexes.

Compiling takes about a millisecond; :func:`compiled_policy` caches the result per policy
object and language, so checking a draft only runs ready-made patterns.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from drafting.checks.catalogue import CHECK_IDS, CheckSeverity
from drafting.checks.lexicon import Lexicon, Pattern, combine, load_lexicon, phrase_pattern
from knowledge.policy import FORBIDDEN_CATEGORIES, MOVE_IDS, PhraseList, Policy


@dataclass(frozen=True)
class RuleState:
    enabled: bool
    severity: CheckSeverity
    overridable: bool


@dataclass(frozen=True)
class CompiledPolicy:
    policy: Policy
    language: str
    lexicon: Lexicon
    moves: dict[str, Pattern | None]
    forbidden: dict[str, Pattern | None]
    custom: Pattern | None
    banned: Pattern | None
    order_number: Pattern
    allowed_domains: tuple[str, ...]
    brand_contacts: frozenset[str]
    rules: dict[str, RuleState]


def _language_entries(table: dict[str, list[str]], language: str) -> list[str]:
    return [*table.get(language, []), *table.get("all", [])]


def _phrase_list_patterns(plist: PhraseList | None, language: str) -> list[str]:
    if plist is None:
        return []
    return [
        phrase_pattern(p) for p in _language_entries(plist.phrases, language)
    ] + _language_entries(plist.patterns, language)


def _rules(policy: Policy) -> dict[str, RuleState]:
    out = {}
    for check_id, info in CHECK_IDS.items():
        enabled, severity, overridable = True, info.severity, info.overridable
        for key in (f"{info.family}.*", check_id):  # the specific setting wins
            setting = policy.rules.get(key)
            if setting is None:
                continue
            enabled = setting.enabled
            severity = setting.severity or severity
            overridable = setting.overridable if setting.overridable is not None else overridable
        out[check_id] = RuleState(enabled, severity, overridable)
    return out


def compile_policy(policy: Policy, language: str) -> CompiledPolicy:
    lexicon = load_lexicon(language)
    extra_moves = {str(k): v for k, v in policy.moves.items()}
    extra_forbidden = {str(k): v for k, v in policy.forbidden.extra.items()}
    moves = {
        move: combine(
            lexicon.move_patterns(move) + _phrase_list_patterns(extra_moves.get(move), language)
        )
        for move in MOVE_IDS
    }
    forbidden = {
        cat: combine(
            lexicon.forbidden_patterns(cat)
            + _phrase_list_patterns(extra_forbidden.get(cat), language)
        )
        for cat in FORBIDDEN_CATEGORIES
    }
    banned_words = _language_entries(policy.voice.banned_words, language)
    contacts = frozenset(
        re.sub(r"\D", "", c) if "@" not in c else c.lower()
        for c in policy.personal_data.brand_contacts
    )
    return CompiledPolicy(
        policy=policy,
        language=language,
        lexicon=lexicon,
        moves=moves,
        forbidden=forbidden,
        custom=combine(_phrase_list_patterns(policy.forbidden.custom, language)),
        banned=combine([phrase_pattern(w) for w in banned_words]),
        order_number=re.compile(policy.personal_data.order_number_pattern, re.IGNORECASE),
        allowed_domains=tuple(
            d.lower().strip().removeprefix("www.")
            for d in policy.links.allowed_domains
            if d.strip()
        ),
        brand_contacts=contacts,
        rules=_rules(policy),
    )


_cache: dict[tuple[int, str], tuple[Policy, CompiledPolicy]] = {}
_lock = threading.Lock()
_MAX = 64


def compiled_policy(policy: Policy, language: str) -> CompiledPolicy:
    """The compiled form of ``policy`` for ``language``, cached per policy object.

    Policies are frozen models; the cache holds the policy itself, so an id is never reused
    for another policy while its entry lives.
    """
    key = (id(policy), language)
    hit = _cache.get(key)
    if hit is not None and hit[0] is policy:
        return hit[1]
    compiled = compile_policy(policy, language)
    with _lock:
        if len(_cache) >= _MAX:
            _cache.pop(next(iter(_cache)))
        _cache[key] = (policy, compiled)
    return compiled
