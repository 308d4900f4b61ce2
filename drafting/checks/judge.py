"""An optional LLM judge (through litellm) that adds findings the rules may have missed.

The judge can only *add* findings: :func:`merge_judge` appends them to a rule-based report and
recomputes the verdict from all findings, so a blocking rule-based finding is never cleared.
Its severity per criterion comes from the policy (``judge.*`` rules; warn by default). When the
model fails or answers with something unusable, the result says so (``judge.error``) instead of
silently returning nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any, Protocol

from drafting.checks.catalogue import CHECK_IDS
from drafting.checks.compiled import compiled_policy
from drafting.checks.context import CheckContext
from drafting.checks.lexicon import LEXICON_LANGUAGES
from drafting.checks.report import CheckReport, Finding, sort_findings, verdict_of
from drafting.checks.runner import draft_language
from knowledge.taxonomy import PUBLIC_CHANNELS

CRITERIA = ("tone", "policy", "grounding", "voice")
_JSON = re.compile(r"\{.*\}", re.DOTALL)
CACHE_KIND = "checks_judge"


class AnswerCache(Protocol):
    """Where judge answers are kept between runs (``evals.cache.ResultCache`` is one)."""

    def get(self, kind: str, key: str) -> Any | None: ...

    def put(self, kind: str, key: str, value: Any) -> None: ...


def judge_findings(
    text: str,
    ctx: CheckContext,
    *,
    model: str,
    timeout: float = 30.0,
    cache: AnswerCache | None = None,
    **completion_options: Any,
) -> list[Finding]:
    """Ask ``model`` (any litellm model name) to review ``text``; return failed findings only.

    ``completion_options`` go to ``litellm.completion`` unchanged (``api_base``,
    ``mock_response`` for offline tests, ...). With a ``cache``, an answer to the same prompt
    from the same model is read from it instead of asked again (failed calls are not kept).
    """
    language = draft_language(text, ctx)
    messages = judge_messages(text, ctx, language=language)
    key = hashlib.sha256(json.dumps([model, messages]).encode()).hexdigest()
    content = cache.get(CACHE_KIND, key) if cache is not None else None
    if not isinstance(content, str):
        try:
            content = ask_judge(messages, model=model, timeout=timeout, **completion_options)
        except Exception as exc:  # any provider failure: report it, never hide it
            return [_error(ctx, language, f"the model call failed ({type(exc).__name__}: {exc})")]
        if cache is not None:
            cache.put(CACHE_KIND, key, content)
    return parse_judge_answer(content, text, ctx, language=language)


def judge_messages(text: str, ctx: CheckContext, *, language: str) -> list[dict[str, str]]:
    """The judge's prompt (``prompts/judge.yaml``) for ``text`` in ``language``, the post and
    facts fenced."""
    from prompts.templates import fence, load_prompt, render

    rendered = render(
        load_prompt("judge"),
        brand=ctx.brand.name,
        voice=ctx.brand.description or "warm, plain, calm and useful",
        channel=ctx.channel,
        public=ctx.channel in PUBLIC_CHANNELS,
        kind=ctx.kind,
        language=language,
        facts=list(ctx.facts),
        post=fence(ctx.post_text),
        draft=fence(text),
    )
    return rendered.messages()


def ask_judge(
    messages: list[dict[str, str]], *, model: str, timeout: float = 30.0, **completion_options: Any
) -> str:
    """The judge model's raw answer to ``messages`` (raises whatever the provider raises)."""
    from drafting.llm import litellm_module

    response = litellm_module().completion(
        model=model,
        messages=messages,
        timeout=timeout,
        temperature=0,
        **completion_options,
    )
    return str(response.choices[0].message.content or "")


def parse_judge_answer(
    content: str, text: str, ctx: CheckContext, *, language: str = "en"
) -> list[Finding]:
    """Findings from the judge's JSON answer (unknown criteria and passes are dropped)."""
    match = _JSON.search(content)
    try:
        data = json.loads(match.group(0) if match else content)
        items = data["findings"]
        if not isinstance(items, list):
            raise TypeError("findings is not a list")
    except (ValueError, KeyError, TypeError) as exc:
        return [
            _error(
                ctx,
                language,
                f"its answer was not the JSON asked for ({exc})",
                evidence=content[:200],
            )
        ]
    rules = compiled_policy(ctx.policy, language if language in LEXICON_LANGUAGES else "en").rules
    out = []
    for item in items:
        if not isinstance(item, dict) or item.get("passed") is True:
            continue
        criterion = str(item.get("criterion", "")).strip().lower()
        check_id = f"judge.{criterion}"
        if criterion not in CRITERIA or not rules[check_id].enabled:
            continue
        evidence = str(item.get("evidence") or "").strip() or None
        at = text.find(evidence) if evidence else -1
        rule = rules[check_id]
        out.append(
            Finding(
                id=check_id,
                family="judge",
                severity=rule.severity,
                passed=False,
                span=(at, at + len(evidence)) if evidence and at >= 0 else None,
                evidence=evidence,
                explanation=str(item.get("explanation") or CHECK_IDS[check_id].description)[:500],
                suggestion=str(item.get("suggestion") or "")[:500],
                overridable=rule.overridable,
            )
        )
    return out


def merge_judge(report: CheckReport, findings: list[Finding]) -> CheckReport:
    """The rule-based report plus the judge's findings; the verdict can only get worse."""
    added = [f for f in findings if not f.passed]
    merged = sort_findings([*report.findings, *added])
    verdict = verdict_of(merged)
    order = {"ok": 0, "needs_override": 1, "blocked": 2}
    if order[verdict] < order[report.verdict]:  # pragma: no cover - adding cannot improve it
        verdict = report.verdict
    return CheckReport(language=report.language, findings=merged, verdict=verdict)


def _error(ctx: CheckContext, language: str, why: str, evidence: str | None = None) -> Finding:
    rule = compiled_policy(ctx.policy, language if language in LEXICON_LANGUAGES else "en").rules[
        "judge.error"
    ]
    return Finding(
        id="judge.error",
        family="judge",
        severity=rule.severity,
        passed=False,
        span=None,
        evidence=evidence,
        explanation=f"The LLM judge could not review this draft: {why}.",
        suggestion="Rely on the rule-based findings, or retry the judge later.",
        overridable=True,
    )
