"""Rewrites by a language model, through litellm like every model call (``prompts/rewrite.yaml``).

Personal data is replaced by typed placeholders before a remote model sees the text, as for
drafts; the built-in drafter is not a fallback here (it composes, it cannot rewrite), so a
failing model ends in a ModelError the caller may answer offline.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from drafting.config import Settings
from drafting.llm import COMPOSER, generate, is_local
from prompts.templates import fence, load_prompt, render


@dataclass
class ModelRewrite:
    text: str
    model: str
    prompt_version: str
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float
    redacted: dict[str, int]


async def rewrite_with_model(
    action: str,
    text: str,
    *,
    pack: Any,
    channel: str,
    kind: str,
    language: str,
    target_language: str,
    post_text: str,
    examples: list[str],
    goal_chars: int,
    model: str,
    settings: Settings,
) -> ModelRewrite:
    from drafting.pipeline import LANGUAGE_NAMES, redactor_for

    redactor = None if is_local(model, settings) else redactor_for(pack)
    red = redactor.redact if redactor is not None else (lambda t: t)
    template = load_prompt("rewrite")
    prompt = render(
        template,
        brand={"name": pack.brand.name},
        action=action,
        channel=channel,
        kind=kind,
        language=language,
        language_name=LANGUAGE_NAMES.get(language, language),
        target_language=target_language,
        target_language_name=LANGUAGE_NAMES.get(target_language, target_language),
        target_sign_off=pack.brand.sign_off.get(target_language, ""),
        sign_off=pack.brand.sign_off.get(language, ""),
        max_chars=pack.policy.max_chars(channel),
        goal_chars=goal_chars,
        examples=[fence(red(e)) for e in examples],
        post=fence(red(post_text)) if post_text else "",
        text=fence(red(text)),
    )
    no_composer = settings.model_copy(
        update={"fallback_models": [m for m in settings.fallback_models if m != COMPOSER]}
    )
    gen = await generate(
        prompt.messages(), model=model, settings=no_composer, context={"rewrite": action}
    )
    return ModelRewrite(
        text=gen.draft.text.strip(),
        model=gen.model,
        prompt_version=prompt.ref,
        prompt_tokens=gen.prompt_tokens,
        completion_tokens=gen.completion_tokens,
        cost_usd=gen.cost_usd,
        redacted=dict(redactor.counts) if redactor is not None else {},
    )
