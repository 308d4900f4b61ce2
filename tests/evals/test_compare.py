"""Comparing runs: per-metric deltas, regressions, quiet slides, and the regression gate."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from evals.compare import compare_runs, regression_gate
from evals.evaluators.base import Result
from evals.models import Gate, Suite
from evals.results import CaseResult, Counts, GateResult, RunResult, SuiteInfo, summarise


def case(case_id: str, **statuses: str) -> CaseResult:
    results = [
        Result(
            evaluator=name,
            metric=name.split(".")[0].title(),
            status=status,
            reason=f"{name} {status}",
        )
        for name, status in statuses.items()
    ]
    status = "pass" if all(r.status == "pass" for r in results) else "fail"
    score = sum(r.value for r in results) / len(results)
    return CaseResult(
        id=case_id,
        brand="demo",
        channel="x",
        kind="reply",
        post="p",
        status=status,
        score=score,
        results=results,
        draft=f"draft {case_id}",
    )


def run(run_id: str, *cases: CaseResult) -> RunResult:
    suite = Suite(name="s")
    now = datetime.now(UTC)
    return RunResult(
        id=run_id,
        suite=SuiteInfo(name="s", path="s.yaml", content_hash="h"),
        started_at=now,
        finished_at=now,
        duration_s=1,
        concurrency=1,
        timeout_s=1,
        code_fingerprint="c",
        counts=Counts(cases=len(cases)),
        metrics=summarise(list(cases), suite),
        gate=GateResult(passed=True),
        cases=list(cases),
    )


def test_regressions_slides_and_improvements() -> None:
    before = run(
        "a",
        case("steady", policy="pass"),
        case("breaks", policy="pass", tone="pass"),
        case("slides", policy="fail", tone="pass"),
        case("heals", policy="fail"),
        case("gone", policy="pass"),
    )
    after = run(
        "b",
        case("steady", policy="pass"),
        case("breaks", policy="pass", tone="fail"),
        case("slides", policy="fail", tone="fail"),
        case("heals", policy="pass"),
        case("new", policy="pass"),
    )
    cmp = compare_runs(before, after)
    assert [c.id for c in cmp.regressions] == ["breaks"]
    assert cmp.regressions[0].lost == ["tone"] and cmp.regressions[0].reasons == ["tone: tone fail"]
    assert [c.id for c in cmp.worse] == ["slides"]
    assert [c.id for c in cmp.improvements] == ["heals"]
    assert (cmp.added, cmp.removed, cmp.unchanged) == (["new"], ["gone"], 1)
    deltas: dict[str, Any] = {m.name: m.delta for m in cmp.metrics}
    assert deltas["Tone"] < 0 and deltas["Overall"] is not None

    assert regression_gate(cmp, Gate(max_regressions=1)) == []
    assert regression_gate(cmp, Gate(max_regressions=0)) == ["1 case(s) regressed; the limit is 0"]
    drops = regression_gate(cmp, Gate(max_metric_drop=0.05))
    assert any(d.startswith("Tone dropped") for d in drops)
