"""Latency and cost of drafting one case, as the pipeline measured them."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from evals.evaluators.base import EvalContext, Evaluator, Result


class Latency(Evaluator):
    """The pipeline's total time for the draft is at most ``max_ms``."""

    key: ClassVar[str] = "latency"
    scalar: ClassVar[str | None] = "max_ms"
    default_metric: ClassVar[str] = "Performance"

    max_ms: float = Field(default=5000, gt=0)

    def evaluate(self, ctx: EvalContext) -> list[Result]:
        assert ctx.draft is not None
        ms = ctx.draft.timings.total_ms
        when = " (measured when the cached draft was made)" if ctx.cached else ""
        return [
            self.verdict(
                ms <= self.max_ms, f"{ms:.0f} ms of {self.max_ms:.0f} ms{when}", label=f"{ms:.0f}"
            )
        ]


class Cost(Evaluator):
    """The model calls for the draft cost at most ``max_usd`` (litellm's price list)."""

    key: ClassVar[str] = "cost"
    scalar: ClassVar[str | None] = "max_usd"
    default_metric: ClassVar[str] = "Performance"

    max_usd: float = Field(default=0.01, ge=0)

    def evaluate(self, ctx: EvalContext) -> list[Result]:
        assert ctx.draft is not None
        usage = ctx.draft.usage
        reason = (
            f"${usage.cost_usd:.5f} of ${self.max_usd:.5f} ({usage.model_calls} model "
            f"call(s), {usage.prompt_tokens + usage.completion_tokens} tokens)"
        )
        if (
            usage.cost_usd == 0
            and usage.model_calls
            and not ctx.draft.model.startswith("crisisdraft/")
        ):
            reason += "; litellm knows no price for this model, so 0 is recorded"
        return [self.verdict(usage.cost_usd <= self.max_usd, reason, label=f"{usage.cost_usd:.5f}")]
