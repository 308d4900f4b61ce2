"""Eval runs for a support tool's admin page: start a run of a suite, read its progress and
results, and open its HTML report."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict, Field

from drafting.api.deps import PrincipalDep, SettingsDep, require
from drafting.errors import NotFoundError
from evals.results import CaseStatus, Counts, GateResult, MetricSummary

router = APIRouter(tags=["evals"])
REPORT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; frame-ancestors 'none'"
)


class EvalRunCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    suite: str = Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$",
        description="Suite name: a shipped suite (demo, twitter, adversarial) or "
        "`<data_dir>/evals/suites/<name>.yaml`.",
    )
    model: str | None = Field(default=None, max_length=200, description="Any litellm model name.")
    concurrency: int | None = Field(default=None, ge=1, le=16)
    limit: int | None = Field(default=None, ge=1, description="Run the first N cases only.")
    baseline: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,159}$",
        description="Id of an earlier run whose regressions are gated.",
    )
    judge_model: str | None = Field(default=None, max_length=200)


class EvalCaseSummary(BaseModel):
    id: str
    status: CaseStatus
    score: float
    failed: list[str] = Field(description="Evaluators that failed, with their reasons.")


class EvalRunPublic(BaseModel):
    id: str
    suite: str
    status: Literal["running", "finished", "interrupted", "failed"]
    created_at: datetime
    finished_at: datetime | None = None
    brands: list[str]
    total: int
    done: int
    model: str | None = None
    error: str | None = None
    gate: GateResult | None = None
    counts: Counts | None = None
    metrics: list[MetricSummary] | None = None
    regressions: list[str] | None = None
    report_url: str | None = None
    cases: list[EvalCaseSummary] | None = None


def _visible(principal: Any, status: dict[str, Any]) -> None:
    """404 unless the key may draft for every brand the run covers."""
    require(principal, "draft")
    if not all(principal.sees(b) for b in status.get("brands", [])):
        raise NotFoundError(
            f"No eval run {status['id']!r}.", fix="Use a key scoped to the suite's brands."
        )


@router.post("/evals/runs", status_code=202, response_model=EvalRunPublic)
async def start_run(
    *, body: EvalRunCreate, settings: SettingsDep, principal: PrincipalDep, response: Response
) -> Any:
    """Start a run of a suite in the background; poll GET /v1/evals/runs/{id} for results."""
    from evals.background import find_named_suite, start_run
    from evals.loaders import load_suite
    from evals.runner import RunOptions, new_run_id
    from evals.store import load_run

    require(principal, "draft")
    path = find_named_suite(body.suite, settings)
    loaded = await asyncio.to_thread(
        load_suite, path, workspace_root=settings.data_dir / "evals" / "workspaces"
    )
    for brand in sorted({c.brand for c in loaded.cases}):
        require(principal, "draft", brand)
    baseline = load_run(body.baseline, data_dir=settings.data_dir) if body.baseline else None
    options = RunOptions(
        model=body.model,
        concurrency=body.concurrency,
        limit=body.limit,
        judge_model=body.judge_model,
        baseline=baseline,
        run_id=new_run_id(loaded.name),
        progress=False,
        workers=1,
    )
    status = start_run(loaded, settings=settings, options=options)
    response.headers["Location"] = f"/v1/evals/runs/{status['id']}"
    return status


@router.get("/evals/runs/{run_id}", response_model=EvalRunPublic)
def get_run(
    *,
    run_id: str,
    settings: SettingsDep,
    principal: PrincipalDep,
    cases: Annotated[bool, Query(description="Include a summary of every case.")] = False,
) -> Any:
    """A run's progress; once finished, its gate, counts, metrics and (optionally) cases."""
    from evals.background import read_status
    from evals.store import load_run, runs_dir

    status = read_status(settings, run_id)
    _visible(principal, status)
    folder = runs_dir(settings.data_dir) / run_id
    if status["status"] in ("finished", "interrupted") and (folder / "results.json").is_file():
        result = load_run(folder)
        status.update(
            gate=result.gate,
            counts=result.counts,
            metrics=result.metrics,
            regressions=result.regressions,
            report_url=f"/v1/evals/runs/{run_id}/report",
        )
        if cases:
            status["cases"] = [
                EvalCaseSummary(
                    id=c.id,
                    status=c.status,
                    score=c.score,
                    failed=[f"{r.evaluator}: {r.reason}" for r in c.failures],
                )
                for c in result.cases
            ]
    return status


@router.get("/evals/runs/{run_id}/report", response_class=HTMLResponse)
def get_report(*, run_id: str, settings: SettingsDep, principal: PrincipalDep) -> HTMLResponse:
    """The run's self-contained HTML report."""
    from evals.background import read_status
    from evals.store import REPORT, runs_dir

    status = read_status(settings, run_id)
    _visible(principal, status)
    report = runs_dir(settings.data_dir) / run_id / REPORT
    if not report.is_file():
        raise NotFoundError(
            f"Run {run_id} has no report yet (status {status['status']}).",
            fix="Wait until GET /v1/evals/runs/{id} says finished.",
        )
    return HTMLResponse(
        report.read_text(encoding="utf-8"),
        headers={
            "Content-Security-Policy": REPORT_CSP,
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
        },
    )
