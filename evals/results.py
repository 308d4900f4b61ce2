"""What a run produces: one result per case, a summary per metric and the gate's verdict.

A case passes a metric when every result it has in that metric passes; a metric's pass rate
is the share of cases (that have results in it) passing it, and its mean is the mean of the
cases' weighted scores. ``Overall`` is the share of cases passing everything.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from evals.evaluators.base import Result
from evals.models import Gate, MetricSpec, Suite

CaseStatus = Literal["pass", "fail", "error"]
OVERALL = "Overall"
EPSILON = 1e-9


class CaseResult(BaseModel):
    id: str
    description: str = ""
    tags: list[str] = Field(default_factory=list)
    origin: str = ""
    source: dict[str, Any] | None = None
    brand: str
    channel: str
    kind: str
    post: str
    author: str | None = None
    thread: list[dict[str, Any]] = Field(default_factory=list)
    facts: list[str] = Field(default_factory=list)
    reference: str | None = None
    expect: dict[str, Any] = Field(default_factory=dict)
    status: CaseStatus
    score: float = 0.0
    draft: str | None = None
    draft_kind: str | None = None
    verdict: str | None = None
    model: str | None = None
    language: str | None = None
    triage: dict[str, Any] | None = None
    escalation: dict[str, Any] | None = None
    sources: list[dict[str, Any]] = Field(default_factory=list)
    findings: list[dict[str, Any]] = Field(default_factory=list, description="Failed checks.")
    notes: list[str] = Field(default_factory=list)
    timings: dict[str, float] | None = None
    usage: dict[str, Any] | None = None
    cached: bool = False
    error: str | None = None
    results: list[Result] = Field(default_factory=list)

    def metric_results(self) -> dict[str, list[Result]]:
        out: dict[str, list[Result]] = {}
        for r in self.results:
            if r.counted:
                out.setdefault(r.metric, []).append(r)
        return out

    @property
    def failures(self) -> list[Result]:
        return [r for r in self.results if r.status in ("fail", "error")]


class MetricSummary(BaseModel):
    name: str
    cases: int
    passed: int
    pass_rate: float
    mean: float
    threshold: float | None = None
    min_mean: float | None = None
    ok: bool | None = Field(
        default=None, description="None when the suite sets no threshold for it."
    )
    description: str = ""


class GateResult(BaseModel):
    passed: bool
    failures: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)


class Counts(BaseModel):
    cases: int = 0
    passed: int = 0
    failed: int = 0
    errors: int = 0
    cached: int = 0
    generated: int = 0
    model_calls: int = 0
    judge_calls: int = 0
    cost_usd: float = 0.0


class SuiteInfo(BaseModel):
    name: str
    path: str
    content_hash: str
    description: str = ""
    metrics: dict[str, MetricSpec] = Field(default_factory=dict)
    gate: Gate = Field(default_factory=Gate)


class RunResult(BaseModel):
    schema_version: int = 1
    id: str
    status: Literal["finished", "interrupted"] = "finished"
    suite: SuiteInfo
    model: str | None = Field(default=None, description="The --model override, if any.")
    started_at: datetime
    finished_at: datetime
    duration_s: float
    concurrency: int
    timeout_s: float
    code_fingerprint: str
    counts: Counts
    metrics: list[MetricSummary]
    gate: GateResult
    baseline: str | None = None
    regressions: list[str] = Field(default_factory=list)
    check_counts: dict[str, int] = Field(
        default_factory=dict, description="How many cases each failed check fired on."
    )
    cases: list[CaseResult]

    def metric(self, name: str) -> MetricSummary | None:
        return next((m for m in self.metrics if m.name == name), None)

    def __repr__(self) -> str:  # short: asyncio formats a finished task's result on exit
        return f"RunResult({self.id!r}, {self.status}, {len(self.cases)} cases)"


def case_status(results: list[Result], error: str | None) -> CaseStatus:
    if error is not None and any(r.status == "error" for r in results):
        return "error"
    return "pass" if all(r.status in ("pass", "skip") for r in results) else "fail"


def case_score(results: list[Result]) -> float:
    counted = [r for r in results if r.counted]
    total = sum(r.weight for r in counted)
    return sum(r.value * r.weight for r in counted) / total if total else 1.0


def summarise(cases: list[CaseResult], suite: Suite) -> list[MetricSummary]:
    per_metric: dict[str, list[tuple[bool, float]]] = {}
    for case in cases:
        for metric, results in case.metric_results().items():
            passed = all(r.status == "pass" for r in results)
            per_metric.setdefault(metric, []).append((passed, case_score(results)))
    out = []
    overall = [(c.status == "pass", c.score) for c in cases]
    for name, rows in [(OVERALL, overall), *sorted(per_metric.items())]:
        spec = suite.metric_spec(name)
        n = len(rows)
        n_passed = sum(1 for good, _ in rows if good)
        rate = n_passed / n if n else 0.0
        mean = sum(s for _, s in rows) / n if n else 0.0
        ok: bool | None = None
        if spec.threshold is not None or spec.min_mean is not None:
            ok = (spec.threshold is None or rate + EPSILON >= spec.threshold) and (
                spec.min_mean is None or mean + EPSILON >= spec.min_mean
            )
        out.append(
            MetricSummary(
                name=name,
                cases=n,
                passed=n_passed,
                pass_rate=round(rate, 4),
                mean=round(mean, 4),
                threshold=spec.threshold,
                min_mean=spec.min_mean,
                ok=ok,
                description=spec.description,
            )
        )
    return out


def threshold_gate(metrics: list[MetricSummary], suite: Suite) -> GateResult:
    failures, notes = [], []
    names = {m.name for m in metrics}
    for m in metrics:
        if m.ok is False:
            parts = []
            if m.threshold is not None and m.pass_rate + EPSILON < m.threshold:
                parts.append(f"pass rate {m.pass_rate:.1%} < {m.threshold:.1%}")
            if m.min_mean is not None and m.mean + EPSILON < m.min_mean:
                parts.append(f"mean {m.mean:.3f} < {m.min_mean:.3f}")
            failures.append(f"{m.name}: {' and '.join(parts)}")
    for name in suite.metrics:
        if name not in names:
            notes.append(f"{name}: has a threshold but no results in this run (not checked)")
    return GateResult(passed=not failures, failures=failures, notes=notes)
