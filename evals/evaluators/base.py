"""The evaluator contract: small models that read one case's draft and return results.

An evaluator is configured from the suite file (its fields are its parameters, checked with
``extra="forbid"``) and returns one or more :class:`Result` records: pass/fail, an optional
score in [0, 1], and a reason in plain words. Results are grouped into named metrics
(``Policy``, ``Empathy``, ``Voice``...); an evaluator's ``metric`` parameter overrides its
default group.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    from drafting.checks import CheckReport
    from drafting.config import Settings
    from drafting.schemas import DraftPublic
    from evals.cases import ResolvedCase
    from evals.services import EvalServices
    from knowledge.brandpack import BrandPack

Status = Literal["pass", "fail", "skip", "error"]


class Result(BaseModel):
    """One evaluator's verdict on one case."""

    evaluator: str = Field(description="e.g. `similarity`, `checks:tone`, `triage.category`.")
    metric: str
    status: Status
    score: float | None = Field(
        default=None, description="0..1 where the evaluator measures a score."
    )
    threshold: float | None = None
    weight: float = 1.0
    reason: str = ""
    label: str | None = Field(
        default=None, description="What was observed (a category, a role...)."
    )

    @property
    def counted(self) -> bool:
        """Skipped results do not count towards metrics; errors count as failures."""
        return self.status != "skip"

    @property
    def value(self) -> float:
        """The result as a number for weighted means: its score, else 1 for pass, 0 otherwise."""
        if self.status in ("fail", "error") and self.score is None:
            return 0.0
        if self.score is not None:
            return self.score
        return 1.0 if self.status == "pass" else 0.0


@dataclass
class EvalContext:
    """Everything an evaluator may look at for one case."""

    case: ResolvedCase
    draft: DraftPublic | None
    pack: BrandPack | None
    settings: Settings
    services: EvalServices
    error: str | None = None
    cached: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def report(self) -> CheckReport:
        from drafting.checks import CheckReport

        assert self.draft is not None
        return CheckReport.model_validate(self.draft.checks)

    @property
    def text(self) -> str:
        return self.draft.text if self.draft is not None else ""

    @property
    def triage(self) -> dict[str, Any]:
        assert self.draft is not None
        triage = self.draft.triage
        return triage if isinstance(triage, dict) else dict(triage)


class Evaluator(BaseModel):
    """Base of every evaluator. Subclasses set ``key`` (the name used in suite files)."""

    model_config = ConfigDict(extra="forbid")

    key: ClassVar[str]
    #: The parameter a bare value sets: ``- check: tone.sarcasm`` sets ``id``.
    scalar: ClassVar[str | None] = None
    default_metric: ClassVar[str] = "Other"
    #: Async evaluators (embeddings, a model) override ``aevaluate`` instead of ``evaluate``.
    is_async: ClassVar[bool] = False

    metric: str | None = Field(
        default=None, description="Metric this evaluator's results count towards."
    )
    weight: float = Field(default=1.0, gt=0, description="Weight within its metric.")

    @property
    def metric_name(self) -> str:
        return self.metric or self.default_metric

    @property
    def name(self) -> str:
        return self.key

    def outputs(self) -> list[tuple[str, str]]:
        """(result name, metric) pairs this evaluator reports: used when the case errored."""
        return [(self.name, self.metric_name)]

    def evaluate(self, ctx: EvalContext) -> list[Result]:
        raise NotImplementedError(f"{type(self).__name__} must implement evaluate()")

    async def aevaluate(self, ctx: EvalContext) -> list[Result]:
        return self.evaluate(ctx)

    def result(
        self,
        status: Status,
        reason: str = "",
        *,
        name: str | None = None,
        metric: str | None = None,
        score: float | None = None,
        threshold: float | None = None,
        label: str | None = None,
    ) -> Result:
        return Result(
            evaluator=name or self.name,
            metric=metric or self.metric_name,
            status=status,
            score=None if score is None else round(float(score), 4),
            threshold=threshold,
            weight=self.weight,
            reason=reason,
            label=label,
        )

    def verdict(self, passed: bool, reason: str, **kwargs: Any) -> Result:
        return self.result("pass" if passed else "fail", reason, **kwargs)
