"""Compare two runs of a suite: per-metric deltas and the cases that got worse.

A regression is a case that passed in the baseline and fails (or errors) now; a case whose
status is unchanged but which lost results (a metric it passed, a score that dropped by more
than ``score_drop``) is listed as worse too, so a quiet slide is visible before it flips.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from evals.models import Gate
from evals.results import OVERALL, CaseResult, RunResult

EPSILON = 1e-9


class MetricDelta(BaseModel):
    name: str
    before: float | None
    after: float | None
    delta: float | None
    mean_before: float | None = None
    mean_after: float | None = None


class CaseChange(BaseModel):
    id: str
    before: str
    after: str
    score_before: float
    score_after: float
    lost: list[str] = Field(default_factory=list, description="Results that passed before.")
    gained: list[str] = Field(default_factory=list)
    draft_before: str | None = None
    draft_after: str | None = None
    reasons: list[str] = Field(default_factory=list, description="Why the lost results fail now.")


class Comparison(BaseModel):
    run_a: str
    run_b: str
    suite_a: str
    suite_b: str
    metrics: list[MetricDelta]
    regressions: list[CaseChange]
    worse: list[CaseChange]
    improvements: list[CaseChange]
    added: list[str]
    removed: list[str]
    unchanged: int
    gate_failures: list[str] = Field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.gate_failures


def _passing(case: CaseResult) -> set[str]:
    return {r.evaluator for r in case.results if r.status == "pass"}


def _failing(case: CaseResult) -> dict[str, str]:
    return {r.evaluator: r.reason for r in case.results if r.status in ("fail", "error")}


def compare_runs(a: RunResult, b: RunResult, *, score_drop: float = 0.05) -> Comparison:
    metrics = []
    names = [m.name for m in b.metrics] + [m.name for m in a.metrics if not b.metric(m.name)]
    for name in names:
        before, after = a.metric(name), b.metric(name)
        metrics.append(
            MetricDelta(
                name=name,
                before=before.pass_rate if before else None,
                after=after.pass_rate if after else None,
                delta=round(after.pass_rate - before.pass_rate, 4) if before and after else None,
                mean_before=before.mean if before else None,
                mean_after=after.mean if after else None,
            )
        )
    old = {c.id: c for c in a.cases}
    new = {c.id: c for c in b.cases}
    regressions: list[CaseChange] = []
    worse: list[CaseChange] = []
    improvements: list[CaseChange] = []
    unchanged = 0
    for case_id, now in new.items():
        was = old.get(case_id)
        if was is None:
            continue
        failing_now = _failing(now)
        lost = sorted(_passing(was) & set(failing_now))
        gained = sorted(_passing(now) & set(_failing(was)))
        change = CaseChange(
            id=case_id,
            before=was.status,
            after=now.status,
            score_before=was.score,
            score_after=now.score,
            lost=lost,
            gained=gained,
            draft_before=was.draft,
            draft_after=now.draft,
            reasons=[f"{name}: {failing_now[name]}" for name in lost],
        )
        if was.status == "pass" and now.status != "pass":
            regressions.append(change)
        elif now.status == "pass" and was.status != "pass":
            improvements.append(change)
        elif lost or now.score < was.score - score_drop:
            worse.append(change)
        elif gained:
            improvements.append(change)
        else:
            unchanged += 1
    return Comparison(
        run_a=a.id,
        run_b=b.id,
        suite_a=a.suite.name,
        suite_b=b.suite.name,
        metrics=metrics,
        regressions=regressions,
        worse=worse,
        improvements=improvements,
        added=sorted(set(new) - set(old)),
        removed=sorted(set(old) - set(new)),
        unchanged=unchanged,
    )


def regression_gate(comparison: Comparison, gate: Gate) -> list[str]:
    """Failures of the suite's regression limits (empty when within them)."""
    failures = []
    if gate.max_regressions is not None and len(comparison.regressions) > gate.max_regressions:
        failures.append(
            f"{len(comparison.regressions)} case(s) regressed; the limit is {gate.max_regressions}"
        )
    if gate.max_metric_drop is not None:
        for m in comparison.metrics:
            if m.delta is not None and -m.delta > gate.max_metric_drop + EPSILON:
                failures.append(
                    f"{m.name} dropped {-m.delta:.1%} (limit {gate.max_metric_drop:.1%})"
                )
    return failures


__all__ = ["OVERALL", "CaseChange", "Comparison", "MetricDelta", "compare_runs", "regression_gate"]
