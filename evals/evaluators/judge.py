"""An optional LLM judge: a model grades the draft against a rubric file, through litellm.

The prompt is ``evals/prompts/judge.yaml``; the rubric is a Markdown file the comms lead
writes. Answers are validated (a score in [0, 1] and a reason) and re-asked once; verdicts
are cached by (model, prompt, rubric, post, draft), so a re-run makes no model call. With
no judge model configured the judge is skipped and says so in the report.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path
from typing import Any, ClassVar

from pydantic import BaseModel, Field, PrivateAttr, ValidationError, field_validator

from evals.evaluators.base import EvalContext, Evaluator, Result

PROMPTS_DIR = Path(__file__).resolve().parents[1] / "prompts"


class JudgeVerdict(BaseModel):
    score: float = Field(ge=0, le=1)
    reason: str = Field(min_length=1, max_length=2000)


def parse_verdict(content: str) -> JudgeVerdict:
    text = content.strip()
    start, end = text.find("{"), text.rfind("}")
    if start == -1 or end <= start:
        raise ValueError("no JSON object in the answer")
    try:
        return JudgeVerdict.model_validate(json.loads(text[start : end + 1]))
    except (json.JSONDecodeError, ValidationError) as exc:
        raise ValueError(str(exc).splitlines()[0]) from exc


class Judge(Evaluator):
    """Grades the draft with ``model`` against ``rubric``; passes at ``threshold`` or above."""

    key: ClassVar[str] = "judge"
    scalar: ClassVar[str | None] = "rubric"
    default_metric: ClassVar[str] = "Judge"
    is_async: ClassVar[bool] = True

    rubric: str = Field(description="Path of a Markdown rubric, relative to the suite file.")
    model: str | None = Field(
        default=None, description="litellm model name; default `judge_model`."
    )
    threshold: float = Field(default=0.7, ge=0, le=1)
    mock_response: str | None = Field(
        default=None, description="litellm `mock_response`: a canned answer for offline dry runs."
    )
    _rubric_text: str = PrivateAttr("")

    @field_validator("model")
    @classmethod
    def _not_composer(cls, value: str | None) -> str | None:
        if value and value.startswith("crisisdraft/"):
            raise ValueError(
                "the built-in composer writes drafts and cannot grade them; "
                "use a chat model, e.g. openai/gpt-4o-mini or ollama/llama3"
            )
        return value

    @property
    def name(self) -> str:
        return f"judge:{Path(self.rubric).stem}"

    def load_rubric(self, base_dir: Path) -> None:
        path = (base_dir / self.rubric).resolve()
        if not path.is_file():
            raise ValueError(f"rubric file {path} does not exist")
        self._rubric_text = path.read_text(encoding="utf-8")

    def _messages(self, ctx: EvalContext) -> tuple[str, list[dict[str, str]]]:
        from prompts.templates import fence, load_prompt, render

        assert ctx.draft is not None
        template = load_prompt("judge", PROMPTS_DIR)
        prompt = render(
            template,
            brand=ctx.pack.brand.name if ctx.pack else ctx.case.brand,
            channel=ctx.case.channel,
            rubric=self._rubric_text,
            post=fence(ctx.case.post),
            draft=fence(ctx.draft.text),
            kind=ctx.draft.kind,
        )
        return prompt.ref, prompt.messages()

    async def aevaluate(self, ctx: EvalContext) -> list[Result]:
        model = self.model or ctx.services.judge_model
        if not model:
            return [
                self.result(
                    "skip",
                    "no judge model: set `model:` on the judge, "
                    "`defaults.judge_model`, or pass --judge-model",
                )
            ]
        ref, messages = self._messages(ctx)
        key = hashlib.sha256(
            json.dumps([model, ref, messages, self.mock_response], ensure_ascii=False).encode()
        ).hexdigest()
        cache = ctx.services.cache
        cached = cache.get("judge", key) if cache else None
        if cached is None:
            try:
                cached = await self._ask(model, messages, ctx)
            except Exception as exc:  # provider errors become a visible result, not a crash
                return [
                    self.result(
                        "error",
                        f"judge {model} failed: {type(exc).__name__}: "
                        f"{str(exc).splitlines()[0][:200] if str(exc) else ''}",
                    )
                ]
            if cache:
                cache.put("judge", key, cached)
        verdict = JudgeVerdict.model_validate(cached)
        return [
            self.verdict(
                verdict.score >= self.threshold,
                verdict.reason,
                score=verdict.score,
                threshold=self.threshold,
            )
        ]

    async def _ask(
        self, model: str, messages: list[dict[str, str]], ctx: EvalContext
    ) -> dict[str, Any]:
        from drafting.llm import litellm_module

        litellm = litellm_module()
        history = list(messages)
        problem = ""
        for _ in range(2):
            kwargs: dict[str, Any] = {"timeout": ctx.services.llm_timeout_s, "temperature": 0}
            if self.mock_response is not None:
                kwargs["mock_response"] = self.mock_response
            response = await litellm.acompletion(model=model, messages=history, **kwargs)
            ctx.services.count("judge_calls")
            with contextlib.suppress(Exception):  # unknown price: nothing to add
                ctx.services.count(
                    "judge_cost_usd", float(litellm.completion_cost(completion_response=response))
                )
            content = response.choices[0].message.content or ""
            try:
                return parse_verdict(content).model_dump()
            except ValueError as exc:
                problem = str(exc)
                history = [
                    *messages,
                    {"role": "assistant", "content": content[:2000]},
                    {
                        "role": "user",
                        "content": "Answer with exactly one JSON object "
                        '{"score": <0..1>, "reason": "..."} and nothing else. '
                        f"Problem: {problem}",
                    },
                ]
        raise ValueError(f"no valid verdict after 2 attempts ({problem})")
