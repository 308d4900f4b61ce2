"""Policy and tone checks: every draft, human edit and eval case passes through them.

``run_checks(text, ctx)`` runs the rule-based checks (no model) and returns a
:class:`CheckReport` with a verdict; ``CHECK_IDS`` lists every check. The optional LLM judge
(``drafting.checks.judge.judge_findings``) can only add findings.
"""

from drafting.checks.catalogue import CHECK_IDS, FAMILIES, CheckInfo
from drafting.checks.context import CheckContext
from drafting.checks.report import CheckReport, Finding, Verdict, verdict_of
from drafting.checks.runner import run_checks
from drafting.language import language_of

__all__ = [
    "CHECK_IDS",
    "FAMILIES",
    "CheckContext",
    "CheckInfo",
    "CheckReport",
    "Finding",
    "Verdict",
    "language_of",
    "run_checks",
    "verdict_of",
]
