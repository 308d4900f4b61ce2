"""Self-contained HTML reports: one file with inline CSS, JS and SVG that opens from disk.

Every piece of case text is escaped by Jinja's autoescaping; no case text goes into the
script. A Content-Security-Policy allows no network access at all and only the report's
own script (by hash), so even a missed escape could not run or fetch anything.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from evals.charts import Bar, bar_chart, histogram, paired_chart
from evals.compare import Comparison
from evals.evaluators.checks import FAMILY_METRICS
from evals.results import MetricSummary, RunResult
from evals.terminal import worst_cases

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["pct"] = lambda v: "—" if v is None else f"{v * 100:.1f}%"
    env.filters["num"] = lambda v, d=2: "—" if v is None else f"{v:.{d}f}"
    return env


def _assets() -> tuple[Markup, Markup, str]:
    """The report's own CSS and JS (trusted files, inserted as-is) and a CSP allowing only
    that script."""
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    js = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(js.encode()).digest()).decode()
    csp = (
        f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; form-action 'none'; base-uri 'none'"
    )
    return Markup(css), Markup(js), csp


def _metric_bar(m: MetricSummary) -> Bar:
    """A metric gated on its mean only is drawn by its mean, against that threshold."""
    if m.threshold is None and m.min_mean is not None:
        return Bar(f"{m.name} (mean)", m.mean, m.min_mean, m.ok, f" mean of {m.cases} cases")
    return Bar(m.name, m.pass_rate, m.threshold, m.ok, f" of {m.cases} cases")


def render_report(result: RunResult) -> str:
    css, js, csp = _assets()
    metric_bars = bar_chart(
        [_metric_bar(m) for m in result.metrics],
        title="Pass rate per metric (mean score where the gate is on the mean)",
    )
    check_bars = None
    if result.check_counts:
        n = max(result.counts.cases, 1)
        top = list(result.check_counts.items())[:12]
        check_bars = bar_chart(
            [Bar(k, v / n, None, None, f" ({v} cases)") for k, v in top],
            width=640,
            label_w=200,
            title="Share of cases each check failed on",
        )
    failed_metrics = {c.id: sorted({r.metric for r in c.failures}) for c in result.cases}
    return (
        _env()
        .get_template("run.html")
        .render(
            run=result,
            css=css,
            js=js,
            csp=csp,
            metric_chart=metric_bars,
            check_chart=check_bars,
            score_chart=histogram([c.score for c in result.cases], title="Case scores"),
            worst=worst_cases(result, 10),
            failed_metrics=failed_metrics,
            metric_names=[m.name for m in result.metrics if m.name != "Overall"],
            family_metrics=FAMILY_METRICS,
            tags=sorted({t for c in result.cases for t in c.tags}),
        )
    )


def render_comparison(comparison: Comparison, a: RunResult, b: RunResult) -> str:
    css, js, csp = _assets()
    chart = paired_chart(
        [(m.name, m.before, m.after) for m in comparison.metrics],
        title="Pass rate before and after",
    )
    cases: dict[str, Any] = {c.id: c for c in b.cases}
    return (
        _env()
        .get_template("compare.html")
        .render(cmp=comparison, a=a, b=b, css=css, js=js, csp=csp, chart=chart, cases=cases)
    )
