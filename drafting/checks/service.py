"""One call for the API route (``POST /v1/checks``) and the CLI (``crisisdraft check``): check
any text for a loaded brand pack, with the context the caller has."""

from __future__ import annotations

from collections.abc import Iterable

from drafting.checks.context import CheckContext
from drafting.checks.report import CheckReport
from drafting.checks.runner import run_checks
from drafting.errors import InvalidInputError
from knowledge.brandpack import BrandPack
from knowledge.taxonomy import KINDS, RISK_FLAGS


def check_text(
    pack: BrandPack,
    text: str,
    *,
    channel: str,
    kind: str = "reply",
    language: str | None = None,
    post_text: str = "",
    author: str | None = None,
    thread: Iterable[str] = (),
    facts: Iterable[str] = (),
    sources: Iterable[str] = (),
    risk_flags: Iterable[str] = (),
    judge_model: str | None = None,
    judge_timeout_s: float = 30.0,
) -> CheckReport:
    """Run the rule-based checks on ``text`` for ``pack``'s brand (and the LLM judge when
    ``judge_model`` is given; it can only add findings). Raises InvalidInputError for a channel,
    kind or risk flag the brand or taxonomy doesn't know."""
    if not text.strip():
        raise InvalidInputError("The text to check is empty.", fix="Send the reply text.")
    if channel not in pack.brand.channels:
        raise InvalidInputError(
            f"{pack.brand.name} does not answer on {channel!r}.",
            fix=f"Use one of the brand's channels: {', '.join(pack.brand.channels)}.",
        )
    if kind not in KINDS:
        raise InvalidInputError(
            f"Unknown draft kind {kind!r}.", fix=f"Use one of {', '.join(KINDS)}."
        )
    flags = frozenset(risk_flags)
    unknown = sorted(flags - set(RISK_FLAGS))
    if unknown:
        raise InvalidInputError(
            f"Unknown risk flag(s) {unknown}.", fix=f"Use flags from {', '.join(RISK_FLAGS)}."
        )
    ctx = CheckContext(
        brand=pack.brand,
        policy=pack.policy,
        channel=channel,
        kind=kind,
        language=language,
        post_text=post_text,
        thread=tuple(thread),
        facts=tuple(facts),
        sources=tuple(sources),
        risk_flags=flags,
        author=author,
    )
    report = run_checks(text, ctx)
    if judge_model:
        from drafting.checks.judge import judge_findings, merge_judge

        report = merge_judge(
            report, judge_findings(text, ctx, model=judge_model, timeout=judge_timeout_s)
        )
    return report
