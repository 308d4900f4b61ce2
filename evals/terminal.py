"""Terminal summaries with rich: pass rate per metric, worst cases, the gate; and comparisons.

Case text goes into ``Text`` objects, never into markup, so a post containing ``[bold]`` or
``[link=...]`` prints as written.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from evals.compare import Comparison
from evals.results import CaseResult, RunResult


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def _status(ok: bool | None) -> Text:
    if ok is None:
        return Text("—", style="dim")
    return Text("pass", style="bold green") if ok else Text("FAIL", style="bold red")


def worst_cases(result: RunResult, n: int = 10) -> list[CaseResult]:
    failing = [c for c in result.cases if c.status != "pass"]
    return sorted(failing, key=lambda c: (c.status != "error", c.score, c.id))[:n]


def print_run(result: RunResult, console: Console | None = None, *, worst: int = 10) -> None:
    out = console or Console()
    c = result.counts
    out.print(
        Text.assemble(
            ("suite ", "dim"),
            (result.suite.name, "bold"),
            ("  run ", "dim"),
            result.id,
            ("  ", ""),
            (f"{result.duration_s:.1f} s", "cyan"),
            ("  (interrupted)" if result.status == "interrupted" else "", "bold red"),
        )
    )
    out.print(
        f"{c.cases} cases: {c.passed} pass, {c.failed} fail, {c.errors} error · "
        f"{c.generated} drafted, {c.cached} from cache · {c.model_calls} model call(s) · "
        f"${c.cost_usd:.4f}"
    )
    table = Table(title="Pass rate per metric", title_justify="left")
    for column, justify in (
        ("metric", "left"),
        ("cases", "right"),
        ("pass rate", "right"),
        ("mean score", "right"),
        ("threshold", "right"),
        ("gate", "center"),
    ):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for m in result.metrics:
        table.add_row(
            Text(m.name, style="bold" if m.name == "Overall" else ""),
            str(m.cases),
            _rate(m.pass_rate),
            f"{m.mean:.3f}",
            _rate(m.threshold),
            _status(m.ok),
        )
    out.print(table)
    cases = worst_cases(result, worst)
    if cases:
        worst_table = Table(title="Worst cases", title_justify="left", show_lines=False)
        worst_table.add_column("case")
        worst_table.add_column("score", justify="right")
        worst_table.add_column("what failed", overflow="fold")
        for case in cases:
            reasons = [f"{r.evaluator}: {r.reason}" for r in case.failures][:3]
            worst_table.add_row(Text(case.id), f"{case.score:.2f}", Text(" | ".join(reasons)[:300]))
        out.print(worst_table)
    if result.check_counts:
        top = ", ".join(f"{k} ×{v}" for k, v in list(result.check_counts.items())[:8])
        out.print(Text.assemble(("checks that fired most: ", "dim"), top))
    print_gate(result, out)


def print_gate(result: RunResult, out: Console) -> None:
    gate = result.gate
    if result.baseline:
        out.print(
            Text(
                f"baseline {result.baseline}: {len(result.regressions)} regression(s)"
                + (f" ({', '.join(result.regressions[:8])})" if result.regressions else "")
            )
        )
    for note in gate.notes:
        out.print(Text(f"note: {note}", style="yellow"))
    if gate.passed:
        out.print(Text("GATE PASSED", style="bold green"))
    else:
        out.print(Text("GATE FAILED", style="bold red"))
        for failure in gate.failures:
            out.print(Text(f"  · {failure}", style="red"))


def _delta(value: float | None) -> Text:
    if value is None:
        return Text("—", style="dim")
    style = "green" if value > 0 else "red" if value < 0 else "dim"
    return Text(f"{value:+.1%}", style=style)


def print_comparison(comparison: Comparison, console: Console | None = None) -> None:
    out = console or Console()
    out.print(
        Text.assemble(
            ("compare ", "dim"), (comparison.run_a, "bold"), " → ", (comparison.run_b, "bold")
        )
    )
    table = Table(title="Per-metric change", title_justify="left")
    for column in ("metric", "before", "after", "change"):
        table.add_column(column, justify="left" if column == "metric" else "right")
    for m in comparison.metrics:
        table.add_row(m.name, _rate(m.before), _rate(m.after), _delta(m.delta))
    out.print(table)
    _changes(out, "Regressions (passed before, fail now)", comparison.regressions, "red")
    _changes(out, "Worse (still failing or passing, but lost results)", comparison.worse, "yellow")
    out.print(
        f"{len(comparison.improvements)} improved · {comparison.unchanged} unchanged · "
        f"{len(comparison.added)} new · {len(comparison.removed)} removed"
    )
    if comparison.gate_failures:
        out.print(Text("GATE FAILED", style="bold red"))
        for failure in comparison.gate_failures:
            out.print(Text(f"  · {failure}", style="red"))
    else:
        out.print(Text("GATE PASSED", style="bold green"))


def _changes(out: Console, title: str, changes: list[Any], style: str) -> None:
    if not changes:
        return
    table = Table(title=title, title_justify="left", title_style=style)
    table.add_column("case")
    table.add_column("score", justify="right")
    table.add_column("why", overflow="fold")
    for change in changes[:20]:
        table.add_row(
            Text(change.id),
            f"{change.score_before:.2f} → {change.score_after:.2f}",
            Text(" | ".join(change.reasons)[:300] or ", ".join(change.lost)),
        )
    out.print(table)
