"""``triage()``: one incoming post (and its thread) in, a :class:`Triage` out.

Rules and lexicons alone give a complete answer in about a millisecond; an embedder, when
given, refines the category only. Risk flags come from rules and nothing overrides them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from drafting.triage.categories import CategoryChoice, choose_category, score_categories
from drafting.triage.exemplars import TextEmbedder, refine, similarities
from drafting.triage.flags import find_flags, without_injection
from drafting.triage.language import language_of
from drafting.triage.models import Triage
from drafting.triage.routing import route
from drafting.triage.sentiment import sentiment_of
from drafting.triage.severity import severity_for
from knowledge.taxonomy import RISK_FLAGS, Category, RiskFlag

if TYPE_CHECKING:
    from knowledge.brandpack import Brand

#: Flags that settle the category whatever else the post says.
FLAG_CATEGORIES: dict[str, Category] = {
    "safety_injury": "safety",
    "data_breach": "account_security",
}


def triage(
    post: str,
    *,
    thread: Sequence[str] = (),
    brand: Brand,
    embedder: TextEmbedder | None = None,
    supported_languages: Sequence[str] | None = None,
) -> Triage:
    """Triage ``post``; ``thread`` holds the customer's earlier messages, oldest first."""
    supported = list(supported_languages or brand.languages)
    language, language_notes = _language(post, thread, supported, brand.name)
    sentiment = sentiment_of(post, language)
    hits = find_flags(post, thread)
    flags = {h.flag for h in hits}
    reasons = [h.reason for h in hits]

    # The embedding model (all-MiniLM-L6-v2) is trained on English: other languages use rules.
    english_embedder = embedder if language == "en" else None
    choice, category_notes = _category(post, thread, flags, sentiment.label, english_embedder)
    reasons.extend(category_notes)
    severity, severity_note = severity_for(flags, choice.category, post, thread)
    if severity_note:
        reasons.append(severity_note)
    decision = route(flags, choice.category, post, brand.escalation_contacts)
    reasons.extend(decision.reasons + language_notes)
    return Triage(
        category=choice.category,
        category_confidence=choice.confidence,
        severity=severity,
        sentiment=sentiment,
        language=language,
        language_supported=language in supported,
        risk_flags=[cast(RiskFlag, f) for f in RISK_FLAGS if f in flags],
        action=decision.action,
        escalate_to=decision.escalate_to,
        reasons=reasons,
        public_draft_allowed=decision.public_draft_allowed,
    )


def _language(
    post: str, thread: Sequence[str], supported: list[str], brand_name: str
) -> tuple[str, list[str]]:
    detected = language_of(post) or (language_of(" ".join(thread)) if thread else None)
    if detected is None:
        language = supported[0] if supported else "en"
        return language, [f"too little text to tell the language; assuming {language}"]
    if detected not in supported:
        return detected, [
            f"the post is in '{detected}', which {brand_name} does not answer in "
            f"(supported: {', '.join(supported)})"
        ]
    return detected, []


def _category(
    post: str,
    thread: Sequence[str],
    flags: set[str],
    sentiment_label: str,
    embedder: TextEmbedder | None,
) -> tuple[CategoryChoice, list[str]]:
    for flag, category in FLAG_CATEGORIES.items():
        if flag in flags:
            return CategoryChoice(category, 0.95, []), [
                f"category {category}: set by the {flag.replace('_', ' ')} flag"
            ]
    notes: list[str] = []
    said = post
    if "prompt_injection" in flags:  # the customer's words only, not those aimed at the model
        said = without_injection(post)
        notes.append("category read without the text addressed to the model")
    scores = score_categories(said, thread)
    choice = choose_category(scores, sentiment_label=sentiment_label)
    if embedder is not None and said.strip():
        choice, note = refine(choice, scores, similarities(said, embedder))
        if note:
            return choice, [*notes, note]
    if choice.evidence:
        quoted = ", ".join(f"'{e}'" for e in choice.evidence)
        notes.insert(0, f"category {choice.category}: {quoted}")
    return choice, notes
