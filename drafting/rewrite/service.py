"""Run a rewrite action on a draft (a new, re-checked version of it) or on any text.

With the built-in drafter the actions that need no model run offline from the brand's own
knowledge; ``translate`` says it needs a model. With a model every action goes through litellm;
when that model fails, an action that works offline is done offline and says so.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import Any

from drafting.access import Principal
from drafting.composer import reply_example
from drafting.config import Settings
from drafting.errors import (
    ConflictError,
    ForbiddenError,
    InvalidInputError,
    ModelError,
    ModelRequiredError,
)
from drafting.llm import COMPOSER, check_model_name
from drafting.rewrite.actions import ACTION_INFO, ACTIONS, NEEDS_MODEL, NEEDS_MODEL_FIX
from drafting.rewrite.offline import OFFLINE, Target
from drafting.storage.repository import Storage
from knowledge.brandpack import BrandPack
from knowledge.registry import BrandRegistry

log = logging.getLogger("crisisdraft.rewrite")
REWRITABLE = frozenset({"pending_review", "changes_requested"})


@dataclass
class RewriteJob:
    action: str
    text: str
    pack: BrandPack
    channel: str
    kind: str
    language: str
    target_language: str
    post_text: str = ""
    category: str = "other"
    facts: tuple[str, ...] = ()
    model: str = COMPOSER
    author: str | None = None


@dataclass
class RewriteResult:
    action: str
    text: str
    changed: bool
    model: str
    offline: bool
    fallback: bool
    language: str
    prompt_version: str
    notes: list[str] = field(default_factory=list)
    usage: dict[str, Any] = field(default_factory=dict)
    redacted: dict[str, int] = field(default_factory=dict)


def text_job(
    pack: BrandPack,
    *,
    action: str,
    text: str,
    channel: str,
    kind: str,
    model: str,
    language: str | None = None,
    post_text: str | None = None,
    author: str | None = None,
) -> RewriteJob:
    """A job for text an agent typed: its language is told from the text; ``translate`` goes
    to ``language`` or, by default, the language of the customer's post."""
    from drafting.language import language_of

    languages = list(pack.brand.languages)
    detected = language_of(text)
    own = detected if detected in languages else languages[0]
    target = language
    if target is None and post_text:
        of_post = language_of(post_text)
        target = of_post if of_post in languages else None
    if action == "translate" and target is None:
        raise InvalidInputError(
            "Translate into which language? The post's language could not be told.",
            fix=f'Send "language" (one of {", ".join(languages)}) or the customer\'s post.',
        )
    if target is not None and target not in languages:
        raise InvalidInputError(
            f"{pack.brand.name} does not answer in {target!r}.",
            fix=f"Use one of {', '.join(languages)}.",
        )
    from drafting.triage.categories import categorize

    return RewriteJob(
        action=action,
        text=text,
        pack=pack,
        channel=channel,
        kind=kind,
        language=own,
        target_language=target or own,
        post_text=post_text or "",
        # Rules only (no embeddings): enough to prefer the brand's replies on the same topic.
        category=categorize(post_text) if post_text else "other",
        model=model,
        author=author,
    )


def availability(action: str, model: str) -> tuple[bool, str | None]:
    """Whether ``action`` can run with ``model``, and why not."""
    info = ACTION_INFO[action]
    if model == COMPOSER and not info.offline:
        return False, NEEDS_MODEL.format(action=info.label) + " " + NEEDS_MODEL_FIX
    return True, None


def _examples(job: RewriteJob, settings: Settings) -> list[dict[str, Any]]:
    from drafting.pipeline import reply_pool

    hits = reply_pool(
        job.pack.brand.id,
        job.post_text or job.text,
        language=job.language,
        category=job.category,
        kind=job.kind,
        settings=settings,
    )
    return [
        reply_example(
            h.metadata.get("reply_id") or h.id, h.metadata, post=h.text, similarity=h.dense_score
        )
        for h in hits
    ]


def _target(job: RewriteJob, replies: list[dict[str, Any]]) -> Target:
    from drafting.moves import move_patterns
    from drafting.pipeline import pack_words

    policy = job.pack.policy
    patterns = move_patterns(policy, job.language)
    rule = policy.channel_rule(job.channel)
    wording = job.pack.policy.rewrites
    return Target(
        language=job.language,
        kind=job.kind,
        category=job.category,
        max_chars=policy.max_chars(job.channel),
        soft_max_chars=rule.soft_max_chars,
        required=tuple(policy.moves_for(job.kind)),
        patterns=patterns,
        sign_offs=tuple(s for s in job.pack.brand.sign_off.values() if s),
        brand_wording={
            "warmer": wording.warmer,
            "more_formal": wording.more_formal,
            "simpler": wording.simpler,
        },
        blocking=lambda text: _blocking(job, text),
        keep=(policy.disclosure_line(job.channel, job.language),),
        composer_context={
            "language": job.language,
            "kind": job.kind,
            "category": job.category,
            "channel": job.channel,
            "facts": list(job.facts),
            "post": job.post_text,
            "sign_offs": list(job.pack.brand.sign_off.values()),
            "allowed_hosts": list(policy.links.allowed_domains),
            **pack_words(job.pack),
            "move_patterns": patterns,
            "replies": replies,
        },
    )


def check_rewrite(job: RewriteJob, text: str, language: str | None = None) -> Any:
    """The checks' report on a rewritten text, with the job's context."""
    from drafting.checks.service import check_text

    return check_text(
        job.pack,
        text,
        channel=job.channel,
        kind=job.kind,
        language=language or job.language,
        post_text=job.post_text,
        facts=job.facts,
        author=job.author,
    )


def _blocking(job: RewriteJob, text: str) -> int:
    return len(check_rewrite(job, text).blocking)


async def rewrite_any_text(
    pack: BrandPack, body: Any, *, settings: Settings
) -> tuple[RewriteResult, Any]:
    """Rewrite text an agent typed (a ``TextRewriteCreate``) and check the result."""
    job = text_job(
        pack,
        action=body.action,
        text=body.text,
        channel=body.channel,
        kind=body.kind,
        model=body.model or settings.draft_model,
        language=body.language,
        post_text=body.post_text,
        author=body.author,
    )
    result = await rewrite(job, settings=settings)
    report = await asyncio.to_thread(check_rewrite, job, result.text, result.language)
    return result, report


async def rewrite(job: RewriteJob, *, settings: Settings) -> RewriteResult:
    """Rewrite ``job.text``; raises ModelRequiredError when the action needs a model."""
    if job.action not in ACTIONS:
        raise InvalidInputError(
            f"Unknown rewrite action {job.action!r}.", fix=f"Use one of {', '.join(ACTIONS)}."
        )
    if not job.text.strip():
        raise InvalidInputError("The text to rewrite is empty.", fix="Send the reply text.")
    check_model_name(job.model)
    ok, _ = availability(job.action, job.model)
    if not ok:
        raise ModelRequiredError(
            NEEDS_MODEL.format(action=ACTION_INFO[job.action].label), fix=NEEDS_MODEL_FIX
        )
    if job.action == "translate" and job.target_language == job.language:
        return _result(
            job, job.text, job.model, False, False, "rewrite@v1", ["already in that language"]
        )
    # Retrieval and checks are synchronous: off the event loop, as the pipeline does.
    replies = (
        await asyncio.to_thread(_examples, job, settings)
        if job.action in ("warmer", "add_next_step") or (job.model != COMPOSER)
        else []
    )
    target = _target(job, replies)
    if job.model == COMPOSER:
        done = await asyncio.to_thread(OFFLINE[job.action], job.text, target)
        return _result(job, done.text, COMPOSER, True, False, "offline", done.notes)
    from drafting.rewrite.model import rewrite_with_model

    try:
        out = await rewrite_with_model(
            job.action,
            job.text,
            pack=job.pack,
            channel=job.channel,
            kind=job.kind,
            language=job.language,
            target_language=job.target_language,
            post_text=job.post_text,
            examples=[str(r["reply"]) for r in replies[:4]],
            goal_chars=min(
                x for x in (target.soft_max_chars, target.max_chars, int(len(job.text) * 0.75)) if x
            ),
            model=job.model,
            settings=settings,
        )
    except ModelError as exc:
        if job.action not in OFFLINE:
            raise
        log.warning("rewrite %s with %s failed; done offline: %s", job.action, job.model, exc)
        done = await asyncio.to_thread(OFFLINE[job.action], job.text, target)
        notes = [f"{job.model} failed ({exc.message}); done offline from the brand's knowledge"]
        return _result(job, done.text, COMPOSER, True, True, "offline", notes + done.notes)
    result = _result(
        job,
        out.text,
        out.model,
        False,
        False,
        out.prompt_version,
        [],
        language=job.target_language if job.action == "translate" else job.language,
    )
    result.usage = {
        "prompt_tokens": out.prompt_tokens,
        "completion_tokens": out.completion_tokens,
        "cost_usd": out.cost_usd,
    }
    result.redacted = out.redacted
    return result


def _result(
    job: RewriteJob,
    text: str,
    model: str,
    offline: bool,
    fallback: bool,
    prompt_version: str,
    notes: list[str],
    *,
    language: str | None = None,
) -> RewriteResult:
    changed = text.strip() != job.text.strip()
    if not changed and not notes:
        notes = ["nothing to change"]
    return RewriteResult(
        action=job.action,
        text=text,
        changed=changed,
        model=model,
        offline=offline,
        fallback=fallback,
        language=language or job.language,
        prompt_version=prompt_version,
        notes=notes,
    )


async def rewrite_draft(
    storage: Storage,
    registry: BrandRegistry,
    settings: Settings,
    *,
    draft_id: str,
    action: str,
    principal: Principal,
    text: str | None = None,
    expected_version: int | None = None,
    model: str | None = None,
) -> tuple[RewriteResult, Any]:
    """Rewrite a draft awaiting a decision; the result is re-checked and kept as a new version.

    Returns the result and the check report (None when nothing changed and nothing was stored).
    """
    from drafting.workflow import recheck

    if not principal.can("draft"):
        raise ForbiddenError(
            f"Role {principal.role!r} may not rewrite drafts.", fix="Use an agent key or above."
        )
    draft = storage.get(draft_id, principal=principal)
    if draft.status not in REWRITABLE:
        raise ConflictError(
            f"Draft {draft_id} is {draft.status}; only drafts awaiting review or with changes "
            "requested can be rewritten.",
            fix="Rewrite the text with POST /v1/rewrite instead, or start a new draft.",
            current_status=draft.status,
            current_version=draft.review.version,
        )
    if expected_version is not None and expected_version != draft.review.version:
        raise ConflictError(
            f"Draft {draft_id} is at version {draft.review.version}, not {expected_version}.",
            fix="Reload the draft and rewrite its current text.",
            current_status=draft.status,
            current_version=draft.review.version,
        )
    post_language = str(draft.triage.get("language") or draft.language)
    job = RewriteJob(
        action=action,
        text=text if text is not None else draft.text,
        pack=registry.get(draft.brand),
        channel=draft.channel,
        kind=draft.kind,
        language=draft.language,
        target_language=post_language,
        post_text=draft.post.text,
        category=str(draft.triage.get("category", "other")),
        facts=tuple(s.snippet for s in draft.sources if s.source == "fact"),
        author=draft.post.author,
        model=model or draft.requested_model or settings.draft_model,
    )
    result = await rewrite(job, settings=settings)
    if result.text.strip() == draft.text.strip():
        return result, None
    report = await asyncio.to_thread(
        recheck, draft, result.text, registry, language=result.language
    )
    await asyncio.to_thread(
        storage.transition,
        draft_id,
        action="rewrite",
        allowed_from={draft.status},
        to_status=draft.status,
        principal=principal,
        expected_version=draft.review.version,
        reason=action,
        text=result.text,
        checks=report.model_dump(),
        origin="rewrite",
        rewrite_action=action,
        language=result.language,
    )
    return result, report
