"""Triage expectations: category, severity, risk flags, language, action and escalation.

One result per expectation the case states (``triage.category``, ``triage.action``...).
Category, severity, flags and language count towards ``Triage``; the action, the escalation
role and whether a public draft is allowed count towards ``Escalation``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from evals.evaluators.base import EvalContext, Evaluator, Result

SEVERITY_ORDER = ("low", "medium", "high", "critical")
ESCALATION_FIELDS = ("action", "escalate_to", "public_draft")


class Triage(Evaluator):
    """Compares triage with the case's ``expect``; fields the case does not state are skipped."""

    key: ClassVar[str] = "triage"
    default_metric: ClassVar[str] = "Triage"

    def _metric_for(self, field: str) -> str:
        if self.metric:
            return self.metric
        return "Escalation" if field in ESCALATION_FIELDS else "Triage"

    def outputs(self) -> list[tuple[str, str]]:
        return [("triage", self.metric_name)]

    def evaluate(self, ctx: EvalContext) -> list[Result]:
        expect = ctx.case.expect
        tri = ctx.triage
        out: list[Result] = []

        def add(field: str, passed: bool, reason: str, label: Any = None) -> None:
            out.append(
                self.verdict(
                    passed,
                    reason,
                    name=f"triage.{field}",
                    metric=self._metric_for(field),
                    label=None if label is None else str(label),
                )
            )

        reasons = "; ".join(tri.get("reasons", [])[:3])
        why = f" (triage said: {reasons})" if reasons else ""
        if expect.category:
            got = tri["category"]
            add(
                "category",
                got == expect.category,
                f"expected {expect.category}, got {got} "
                f"(confidence {tri.get('category_confidence', 0):.2f})",
                got,
            )
        if expect.severity:
            got = tri["severity"]
            add("severity", got == expect.severity, f"expected {expect.severity}, got {got}", got)
        if expect.min_severity:
            got = tri["severity"]
            ok = SEVERITY_ORDER.index(got) >= SEVERITY_ORDER.index(expect.min_severity)
            add("severity", ok, f"expected at least {expect.min_severity}, got {got}", got)
        flags = set(tri.get("risk_flags", []))
        if expect.risk_flags:
            missing = sorted(set(expect.risk_flags) - flags)
            add(
                "risk_flags",
                not missing,
                f"missing {', '.join(missing)}{why}"
                if missing
                else f"raised {', '.join(sorted(expect.risk_flags))}",
                ",".join(sorted(flags)),
            )
        if expect.absent_flags:
            wrong = sorted(set(expect.absent_flags) & flags)
            add(
                "absent_flags",
                not wrong,
                f"raised {', '.join(wrong)} although it should not{why}"
                if wrong
                else f"did not raise {', '.join(sorted(expect.absent_flags))}",
            )
        if expect.language and ctx.draft is not None:
            got = ctx.draft.language
            add(
                "language",
                got == expect.language,
                f"expected a draft in {expect.language}, got {got}",
                got,
            )
        if expect.action:
            got = tri["action"]
            add("action", got == expect.action, f"expected {expect.action}, got {got}{why}", got)
        if expect.escalate_to:
            got = ctx.draft.escalation.role if ctx.draft and ctx.draft.escalation else None
            add(
                "escalate_to",
                got == expect.escalate_to,
                f"expected escalation to {expect.escalate_to}, got {got or 'no escalation'}",
                got,
            )
        if expect.public_draft is not None:
            allowed = bool(tri.get("public_draft_allowed"))
            if expect.public_draft:
                reason = (
                    "a public reply was drafted"
                    if allowed
                    else f"triage refused a public reply although one was expected{why}"
                )
            else:
                reason = (
                    "no public reply: escalated for a human"
                    if not allowed
                    else f"a public reply was drafted although this post must be escalated{why}"
                )
            add("public_draft", allowed == expect.public_draft, reason, allowed)
        if not out:
            out.append(self.result("skip", "the case states no triage expectation"))
        return out
