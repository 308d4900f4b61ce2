"""Every model call goes through litellm: a Router per model with timeouts, retries and
fallbacks, structured output validated with pydantic and re-asked a bounded number of times.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from drafting.config import Settings
from drafting.errors import InvalidInputError, ModelError

COMPOSER = "crisisdraft/composer"
COOLDOWN_S = 5.0  # a deployment that failed sits out this long (when another one can serve)
LOCAL_PROVIDERS = ("crisisdraft/", "ollama/", "ollama_chat/", "hosted_vllm/", "llamafile/")


class ModelDraft(BaseModel):
    """What every model must return (the built-in composer too)."""

    text: str = Field(min_length=1, max_length=20000)
    language: str | None = None
    cited: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, max_length=20)


#: The JSON schema providers enforce. Deliberately plain: length bounds become huge grammars
#: in llama.cpp (a 20,000-character bound made generation ten times slower); ModelDraft
#: validates the rest.
OUTPUT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "text": {"type": "string"},
        "language": {"type": "string"},
        "cited": {"type": "array", "items": {"type": "string"}},
    },
    "required": ["text"],
}


@dataclass
class Generation:
    draft: ModelDraft
    model: str  # the model that produced it
    requested_model: str
    fallback: bool
    attempts: int
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0
    model_ms: float = 0.0  # time the model itself took (the composer's own, or the provider's)
    notes: list[str] = field(default_factory=list)


def litellm_module() -> Any:
    """Import litellm offline (local cost map, bundled tiktoken files) and register the composer."""
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    from knowledge.tokens import ensure_tiktoken_offline

    ensure_tiktoken_offline()
    import litellm

    from drafting.composer import register

    register(litellm)
    litellm.telemetry = False
    litellm.suppress_debug_info = True
    _quiet_litellm_logs()
    return litellm


_LITELLM_LOGGERS = ("LiteLLM", "LiteLLM Router", "LiteLLM Proxy")


@lru_cache(maxsize=1)
def _quiet_litellm_logs() -> None:
    """litellm logs two INFO lines per call, each twice (its handler and the root's): keep
    its warnings and errors unless the service itself logs at DEBUG."""
    if logging.getLogger().getEffectiveLevel() > logging.DEBUG:
        for name in _LITELLM_LOGGERS:
            logging.getLogger(name).setLevel(logging.WARNING)


def check_model_name(model: str) -> None:
    litellm = litellm_module()
    try:
        litellm.get_llm_provider(model)
    except Exception as exc:
        raise InvalidInputError(
            f"Unsupported model name {model!r}.",
            fix="Use a litellm model name with its provider prefix, e.g. 'openai/gpt-4o-mini', "
            "'anthropic/claude-3-5-haiku-latest', 'ollama/llama3', 'hosted_vllm/<name>', or the "
            "built-in 'crisisdraft/composer'.",
        ) from exc


@lru_cache(maxsize=32)
def _router(
    model: str, fallbacks: tuple[str, ...], timeout: float, retries: int, api_bases: tuple[str, ...]
) -> Any:
    """One Router per model: a deployment per api_base (the Router balances over them, retries
    on another, cools a failing one down), then the fallback models in order."""
    litellm = litellm_module()
    names = [model, *[f for f in fallbacks if f != model]]
    model_list = []
    for name in names:
        bases: tuple[str | None, ...] = (
            api_bases if api_bases and not name.startswith("crisisdraft/") else (None,)
        )
        for base in bases:
            params: dict[str, Any] = {"model": name, "timeout": timeout}
            if base:
                params["api_base"] = base
                params["api_key"] = os.environ.get("OPENAI_API_KEY", "none")
            model_list.append({"model_name": name, "litellm_params": params})
    return litellm.Router(
        model_list=model_list,
        fallbacks=[{model: names[1:]}] if len(names) > 1 else [],
        # A retry may land on another deployment of the same model; every deployment gets
        # at least one try before the fallbacks.
        num_retries=max(retries, len(api_bases) - 1),
        timeout=timeout,
        # With several deployments one failure cools a deployment down (the others serve);
        # a lone deployment gets three before its requests go straight to the fallbacks.
        allowed_fails=0 if len(api_bases) > 1 else 3,
        cooldown_time=COOLDOWN_S,
        # No fixed pause before a retry: the request deadline bounds every wait (504).
        retry_after=0,
    )


class DirectCall:
    """``litellm.acompletion`` itself, for a model the Router would have nothing to do for:
    the built-in composer with no fallback configured (one local, deterministic deployment:
    no other endpoint to balance or retry on, nothing to fall back to). The same litellm
    custom-provider path without the Router's bookkeeping: 4.6 -> 2.9 ms a call, measured."""

    def __init__(self, litellm: Any) -> None:
        self.litellm = litellm

    async def acompletion(self, *, include_fallback_errors: bool = False, **kwargs: Any) -> Any:
        return await self.litellm.acompletion(**kwargs)


def router_for(model: str, settings: Settings) -> Any:
    """The litellm Router for ``model`` and its fallbacks (or :class:`DirectCall` for the
    built-in composer on its own)."""
    if model == COMPOSER and all(f == COMPOSER for f in settings.fallback_models):
        return DirectCall(litellm_module())
    return _router(
        model,
        tuple(settings.fallback_models),
        settings.llm_timeout_s,
        settings.llm_retries,
        tuple(settings.api_bases),
    )


def fallback_reasons(response: Any) -> list[str]:
    """Why the Router moved past the requested model (its ``x-litellm-fallback-errors``)."""
    hidden = getattr(response, "_hidden_params", None) or {}
    raw = (hidden.get("additional_headers") or {}).get("x-litellm-fallback-errors")
    try:
        errors = json.loads(raw) if isinstance(raw, str) else (raw or [])
    except json.JSONDecodeError:
        return []
    reasons = []
    for error in errors if isinstance(errors, list) else []:
        if not isinstance(error, dict):
            continue
        if error.get("type") == "all_deployments_in_cooldown":
            reasons.append("every endpoint is cooling down after failing moments ago")
            continue
        message = str(error.get("message") or "").removeprefix("litellm.")
        code = f" (HTTP {error['code']})" if error.get("code") else ""
        reasons.append(f"{error.get('type') or 'error'}{code}: {message.splitlines()[0][:200]}")
    return reasons


def answered_by(response: Any, model: str) -> str:
    hidden = getattr(response, "_hidden_params", None) or {}
    return str(hidden.get("litellm_model_name") or model)


def fallback_note(model: str, by: str, reasons: list[str]) -> str:
    why = "; ".join(reasons) if reasons else "it failed"
    return f"{model} did not answer ({why}); {by} wrote this draft instead."


@dataclass
class StreamInfo:
    """What :func:`stream_tokens` learnt once the stream began: who answers, and why."""

    model: str = ""
    fallback: bool = False
    notes: list[str] = field(default_factory=list)


def parse_model_draft(content: str) -> ModelDraft:
    """Validate a model's answer; tolerate code fences and prose around one JSON object."""
    text = content.strip()
    fenced = re.search(r"```(?:json)?\s*(\{.*\})\s*```", text, re.S)
    if fenced:
        text = fenced.group(1)
    elif not text.startswith("{"):
        match = re.search(r"\{.*\}", text, re.S)
        if match:
            text = match.group(0)
    try:
        return ModelDraft.model_validate(json.loads(text))
    except (json.JSONDecodeError, ValidationError, TypeError) as exc:
        raise ValueError(str(exc).splitlines()[0]) from exc


def _usage(response: Any) -> tuple[int, int]:
    usage = getattr(response, "usage", None)
    return (
        int(getattr(usage, "prompt_tokens", 0) or 0),
        int(getattr(usage, "completion_tokens", 0) or 0),
    )


def _cost(litellm: Any, response: Any) -> float:
    try:
        return float(litellm.completion_cost(completion_response=response) or 0.0)
    except Exception:  # unknown price (local or custom models): no cost recorded
        return 0.0


async def generate(
    messages: list[dict[str, str]], *, model: str, settings: Settings, context: dict[str, Any]
) -> Generation:
    """One validated draft from ``model`` (or its fallbacks), re-asked when output is invalid."""
    litellm = litellm_module()
    router = router_for(model, settings)
    history = list(messages)
    prompt_tokens = completion_tokens = 0
    cost = 0.0
    model_ms = 0.0
    last_error = ""
    for attempt in range(1, settings.llm_max_reasks + 2):
        try:
            response = await router.acompletion(
                model=model,
                messages=history,
                metadata={"crisisdraft": context},
                timeout=settings.llm_timeout_s,
                include_fallback_errors=True,
                **_structured(litellm, model, settings),
            )
        except Exception as exc:
            raise ModelError(
                f"Model {model!r} and its fallbacks failed: {type(exc).__name__}: "
                f"{str(exc).splitlines()[0][:300] if str(exc) else ''}",
                fix="Check the provider key and network, or use the built-in "
                "'crisisdraft/composer' (CRISISDRAFT_DRAFT_MODEL).",
            ) from exc
        p, c = _usage(response)
        prompt_tokens, completion_tokens = prompt_tokens + p, completion_tokens + c
        if not model.startswith("crisisdraft/"):
            cost += _cost(litellm, response)
        content = response.choices[0].message.content or ""
        hidden = getattr(response, "_hidden_params", None) or {}
        by = answered_by(response, model)
        model_ms += float(hidden.get("composer_ms") or hidden.get("_response_ms") or 0.0)
        try:
            draft = parse_model_draft(content)
        except ValueError as exc:
            last_error = str(exc)
            history = [
                *messages,
                {"role": "assistant", "content": content[:4000]},
                {
                    "role": "user",
                    "content": "That was not valid. Answer with exactly one "
                    'JSON object {"text": ..., "language": ..., "cited": [...]} and nothing '
                    f"else. Problem: {last_error}",
                },
            ]
            continue
        fallback = by != model
        return Generation(
            draft=draft,
            model=by,
            requested_model=model,
            fallback=fallback,
            attempts=attempt,
            prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens,
            cost_usd=cost,
            model_ms=model_ms,
            notes=[fallback_note(model, by, fallback_reasons(response))] if fallback else [],
        )
    if model != COMPOSER and COMPOSER in settings.fallback_models:
        gen = await generate(messages, model=COMPOSER, settings=settings, context=context)
        gen.requested_model, gen.fallback = model, True
        gen.attempts += settings.llm_max_reasks + 1
        gen.notes.append(
            f"{model} gave no valid structured answer ({last_error}); "
            "the built-in composer wrote this draft."
        )
        return gen
    raise ModelError(
        f"Model {model!r} gave no valid structured answer after {settings.llm_max_reasks + 1} "
        f"attempts ({last_error}).",
        fix="Use a model that follows JSON instructions, or the built-in 'crisisdraft/composer'.",
    )


def _structured(litellm: Any, model: str, settings: Settings) -> dict[str, Any]:
    """Ask for JSON by schema where the provider can enforce it (OpenAI-compatible servers)."""
    if model.startswith("crisisdraft/"):
        return {}
    supported = bool(settings.api_bases)
    if not supported:
        try:
            supported = bool(litellm.supports_response_schema(model=model))
        except Exception:
            supported = False
    if not supported:
        return {}
    return {
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "draft", "schema": OUTPUT_SCHEMA},
        }
    }


async def stream_tokens(
    messages: list[dict[str, str]],
    *,
    model: str,
    settings: Settings,
    context: dict[str, Any],
    info: StreamInfo | None = None,
) -> AsyncGenerator[str, None]:
    """Yield the model's raw output as it arrives (the caller validates the whole); ``info``
    says which model answers (the Router falls back when a stream cannot start)."""
    router = router_for(model, settings)
    info = info if info is not None else StreamInfo()
    info.model = model
    try:
        response = await router.acompletion(
            model=model,
            messages=messages,
            metadata={"crisisdraft": context},
            timeout=settings.llm_timeout_s,
            stream=True,
            include_fallback_errors=True,
            **_structured(litellm_module(), model, settings),
        )
        info.model = answered_by(response, model)
        if info.model != model:
            info.fallback = True
            info.notes.append(fallback_note(model, info.model, fallback_reasons(response)))
        async for chunk in response:
            delta = chunk.choices[0].delta.content if chunk.choices else None
            if delta:
                yield delta
    except Exception as exc:
        raise ModelError(
            f"Model {info.model!r} failed while streaming: {type(exc).__name__}",
            fix="Retry, or use the built-in 'crisisdraft/composer'.",
        ) from exc


def is_local(model: str, settings: Settings) -> bool:
    """Models that run on this machine see personal data; every other one gets placeholders."""
    return model.startswith(LOCAL_PROVIDERS) or model in settings.local_models
