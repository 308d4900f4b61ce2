"""run_checks: every rule-based check on one draft, then the learned reader, in well under 5 ms."""

from __future__ import annotations

from collections.abc import Callable, Collection

from drafting.checks import (
    channel,
    compensation,
    escalation,
    forbidden,
    grounding,
    output_safety,
    personal_data,
    structure,
    tone,
    voice,
)
from drafting.checks.checkrun import CheckRun
from drafting.checks.compiled import compiled_policy
from drafting.checks.context import CheckContext
from drafting.checks.draft import Draft
from drafting.checks.lexicon import LEXICON_LANGUAGES
from drafting.checks.reader import check as reader
from drafting.checks.report import CheckReport, sort_findings, verdict_of
from drafting.language import UNKNOWN, language_of, language_scores

FAMILY_CHECKS: tuple[Callable[[CheckRun], None], ...] = (
    escalation.check,
    structure.check,
    forbidden.check,
    compensation.check,
    personal_data.check,
    channel.check,
    voice.check,
    tone.check,
    grounding.check,
    output_safety.check,
    reader.check,  # last: it only reads for checks every rule let pass
)


def draft_language(text: str, ctx: CheckContext) -> str:
    """The draft's language: given, detected, or (for text too short to tell) the post's
    language or the brand's first language."""
    if ctx.language:
        return ctx.language
    detected = language_of(text)
    if detected != UNKNOWN:
        return detected
    allowed = ctx.policy.languages or ctx.brand.languages
    scores = language_scores(text)
    if scores:
        best = max(scores.values())
        leaders = [lang for lang in allowed if scores.get(lang, 0.0) == best]
        if len(leaders) == 1:
            return leaders[0]  # too short to be sure, but it reads most like this language
    from_post = language_of(ctx.post_text) if ctx.post_text else UNKNOWN
    if from_post in allowed:
        return from_post
    return allowed[0] if allowed else "en"


def run_checks(text: str, ctx: CheckContext, *, only: Collection[str] | None = None) -> CheckReport:
    """Run every enabled rule-based check (or just the ids in ``only``) on ``text``.

    The report lists failed findings and the required moves the draft makes; its verdict is
    ``ok``, ``needs_override`` (every blocking failure may be overridden by a lead with a
    reason) or ``blocked``.
    """
    language = draft_language(text, ctx)
    lexicon_language = (
        language
        if language in LEXICON_LANGUAGES
        else (
            next(
                (
                    lang
                    for lang in (ctx.policy.languages or ctx.brand.languages)
                    if lang in LEXICON_LANGUAGES
                ),
                "en",
            )
        )
    )
    compiled = compiled_policy(ctx.policy, lexicon_language)
    sign_off = ctx.brand.sign_off.get(language) or ctx.brand.sign_off.get(lexicon_language, "")
    customer = "\n".join([ctx.post_text, *ctx.thread])
    run = CheckRun(Draft(text, sign_off, customer), ctx, compiled, language, only=only)
    for family_check in FAMILY_CHECKS:
        family_check(run)
    findings = sort_findings(run.findings)
    return CheckReport(language=language, findings=findings, verdict=verdict_of(findings))
