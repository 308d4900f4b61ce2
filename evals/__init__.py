"""Eval suites: cases in YAML (and JSONL/CSV), evaluators, an async runner with a result
cache, HTML and terminal reports, run comparison and a CI gate.

``crisisdraft eval run SUITE`` and ``crisisdraft eval compare A B`` are the front doors; in
Python: ``run_suite(load_suite("demo"), settings=get_settings())``.
"""

from evals.loaders import LoadedSuite, load_suite
from evals.models import Case, Expect, Suite
from evals.results import CaseResult, MetricSummary, RunResult
from evals.runner import RunOptions, run_suite

__all__ = [
    "Case",
    "CaseResult",
    "Expect",
    "LoadedSuite",
    "MetricSummary",
    "RunOptions",
    "RunResult",
    "Suite",
    "load_suite",
    "run_suite",
]
