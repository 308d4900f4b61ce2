"""``crisisdraft eval``: run eval suites and compare runs (exit code 1 when a gate fails)."""

from __future__ import annotations

from pathlib import Path

import typer

from drafting.cli.output import cli_errors, print_json, settings_from_cli

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    help="Run eval suites (evals/suites/) and compare runs.",
)

INTERRUPTED = 130


@app.command("run")
def run(
    suite: str = typer.Argument(
        ..., help="A suite file, or a shipped suite's name: demo, twitter, adversarial."
    ),
    model: str | None = typer.Option(
        None,
        "--model",
        help="Any litellm model name for every case (default: the suite's, else the service's).",
    ),
    concurrency: int | None = typer.Option(
        None,
        "--concurrency",
        min=1,
        max=64,
        help="Cases drafted at once in all (default: the suite's); with --workers N, each "
        "worker drafts concurrency/N at a time (1 each is fastest).",
    ),
    workers: int | None = typer.Option(
        None,
        "--workers",
        min=1,
        max=16,
        help="Processes drafting in parallel (default: the "
        "suite's; worth it from a few hundred cases).",
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        help="Folder for results.json and report.html (default <data_dir>/evals/runs/<run id>).",
    ),
    timeout: float | None = typer.Option(None, "--timeout", min=0.1, help="Per-case timeout, s."),
    baseline: str | None = typer.Option(
        None,
        "--baseline",
        help="A previous run (folder, results.json or id) whose regressions are gated.",
    ),
    judge_model: str | None = typer.Option(
        None, "--judge-model", help="Model for the LLM judge evaluators (skipped without one)."
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Run the first N cases only."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Draft every case again."),
    no_progress: bool = typer.Option(False, "--no-progress", help="No progress bar."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Draft every case through the pipeline, evaluate, write a report; fail on the gate."""
    with cli_errors():
        import asyncio

        from evals.loaders import load_suite
        from evals.runner import RunOptions, new_run_id, run_suite
        from evals.store import load_run, runs_dir, save_run
        from evals.terminal import print_run

        settings = settings_from_cli()
        loaded = load_suite(suite, workspace_root=settings.data_dir / "evals" / "workspaces")
        base = load_run(baseline, data_dir=settings.data_dir) if baseline else None
        run_id = new_run_id(loaded.name)
        options = RunOptions(
            model=model,
            concurrency=concurrency,
            workers=workers,
            timeout_s=timeout,
            use_cache=not no_cache,
            judge_model=judge_model,
            limit=limit,
            baseline=base,
            run_id=run_id,
            progress=not no_progress,
        )
        result = asyncio.run(run_suite(loaded, settings=settings, options=options))
        folder = output or runs_dir(settings.data_dir) / run_id
        paths = save_run(result, folder)
        if as_json:
            print_json(
                {
                    "id": result.id,
                    "status": result.status,
                    "gate": result.gate.model_dump(),
                    "counts": result.counts.model_dump(),
                    "metrics": [m.model_dump() for m in result.metrics],
                    "results": str(paths["results"]),
                    "report": str(paths["report"]),
                }
            )
        else:
            print_run(result)
            typer.echo(f"results: {paths['results']}\nreport:  {paths['report']}")
        if result.status == "interrupted":
            typer.echo(
                "Interrupted: run the same command again to resume (finished cases come "
                "from the cache).",
                err=True,
            )
            raise typer.Exit(INTERRUPTED)
        if not result.gate.passed:
            raise typer.Exit(1)


@app.command("compare")
def compare(
    run_a: str = typer.Argument(..., help="The earlier run (folder, results.json or id)."),
    run_b: str = typer.Argument(..., help="The later run."),
    html: Path | None = typer.Option(
        None,
        "--html",
        help="Where to write the HTML comparison (default: compare-<A>.html in B's folder).",
    ),
    max_regressions: int | None = typer.Option(
        None, "--max-regressions", min=0, help="Default: the suite's gate.max_regressions."
    ),
    max_metric_drop: float | None = typer.Option(
        None, "--max-metric-drop", min=0, max=1, help="Default: the suite's gate."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the comparison as JSON."),
) -> None:
    """Per-metric deltas and the cases that got worse; exit 1 past the regression limits."""
    with cli_errors():
        from evals.compare import compare_runs, regression_gate
        from evals.html import render_comparison
        from evals.models import Gate
        from evals.store import load_run, resolve_run, write_atomic
        from evals.terminal import print_comparison

        settings = settings_from_cli()
        a = load_run(run_a, data_dir=settings.data_dir)
        b = load_run(run_b, data_dir=settings.data_dir)
        comparison = compare_runs(a, b)
        gate = Gate(
            max_regressions=b.suite.gate.max_regressions
            if max_regressions is None
            else max_regressions,
            max_metric_drop=b.suite.gate.max_metric_drop
            if max_metric_drop is None
            else max_metric_drop,
        )
        comparison.gate_failures = regression_gate(comparison, gate)
        target = html or resolve_run(run_b, data_dir=settings.data_dir).parent / (
            f"compare-{a.id}.html"
        )
        write_atomic(target, render_comparison(comparison, a, b))
        if as_json:
            print_json({**comparison.model_dump(mode="json"), "html": str(target)})
        else:
            print_comparison(comparison)
            typer.echo(f"report: {target}")
        if comparison.gate_failures:
            raise typer.Exit(1)


@app.command("cases-from-feedback")
def cases_from_feedback(
    brand: str = typer.Option(..., "--brand", help="The brand whose drafts agents voted on."),
    since: str = typer.Option("7d", "--since", help="7d, 24h, 30m, 2w or an ISO date."),
    out: Path | None = typer.Option(
        None,
        "--out",
        help="Suite file to add the cases to (created if missing; its cases are kept). "
        "Default: <data dir>/evals/feedback-<brand>.yaml.",
    ),
    keep_personal_data: bool = typer.Option(
        False,
        "--keep-personal-data",
        help="Write posts as received (default: personal data replaced by placeholders).",
    ),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Write drafts voted down or rejected as regression cases for the comms lead's suites."""
    with cli_errors():
        from drafting.pipeline import redactor_for
        from drafting.storage.repository import Storage
        from evals.feedback_cases import cases_from_feedback as build
        from evals.feedback_cases import parse_since, write_cases
        from knowledge.registry import BrandRegistry

        settings = settings_from_cli()
        pack = BrandRegistry(settings).get(brand)
        start = parse_since(since)
        redact = None if keep_personal_data else (lambda t: redactor_for(pack).redact(t))
        cases = build(
            Storage(settings.resolved_database_url), brand=brand, since=start, redact=redact
        )
        target = out or settings.data_dir / "evals" / f"feedback-{brand}.yaml"
        added, known = write_cases(target, cases, brand=brand)
        if as_json:
            print_json({"file": str(target), "found": len(cases), "added": added, "known": known})
            return
        typer.echo(
            f"{len(cases)} draft(s) of {brand} voted down or rejected since "
            f"{start.isoformat(timespec='minutes')}: {added} case(s) added, {known} already in "
            f"{target}"
        )
        if cases:
            typer.echo(f"run them: crisisdraft eval run {target}")
