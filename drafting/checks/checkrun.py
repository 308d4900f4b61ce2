"""One run of the checks over one draft: the context, the compiled policy and the findings."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from drafting.checks.catalogue import CHECK_IDS, CheckSeverity
from drafting.checks.compiled import CompiledPolicy
from drafting.checks.context import CheckContext
from drafting.checks.draft import Draft
from drafting.checks.lexicon import Lexicon
from drafting.checks.report import Finding
from knowledge.policy import Policy
from knowledge.taxonomy import PUBLIC_CHANNELS


@dataclass
class CheckRun:
    draft: Draft
    ctx: CheckContext
    compiled: CompiledPolicy
    language: str  # the draft's language as reported (may be unsupported, e.g. "es")
    only: Collection[str] | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def policy(self) -> Policy:
        return self.compiled.policy

    @property
    def lexicon(self) -> Lexicon:
        return self.compiled.lexicon

    @property
    def public(self) -> bool:
        return self.ctx.channel in PUBLIC_CHANNELS

    @property
    def lexical(self) -> bool:
        """False when the draft's language has no built-in lexicon (e.g. Spanish): phrase-based
        checks are then skipped instead of guessing with another language's phrases."""
        return self.language == self.compiled.lexicon.language

    def enabled(self, check_id: str) -> bool:
        if self.only is not None and check_id not in self.only:
            return False
        return self.compiled.rules[check_id].enabled

    def _finding(
        self,
        check_id: str,
        passed: bool,
        span: tuple[int, int] | None,
        explanation: str,
        suggestion: str,
        evidence: str | None,
        overridable: bool | None,
        severity: CheckSeverity | None,
    ) -> Finding:
        rule = self.compiled.rules[check_id]
        if span is not None and evidence is None:
            evidence = self.draft.text[span[0] : span[1]]
        return Finding(
            id=check_id,
            family=CHECK_IDS[check_id].family,
            severity=severity or rule.severity,
            passed=passed,
            span=span,
            evidence=evidence,
            explanation=explanation,
            suggestion=suggestion,
            overridable=rule.overridable
            if overridable is None
            else overridable and rule.overridable,
        )

    def fail(
        self,
        check_id: str,
        span: tuple[int, int] | None,
        explanation: str,
        suggestion: str,
        *,
        evidence: str | None = None,
        overridable: bool | None = None,
        severity: CheckSeverity | None = None,
    ) -> None:
        self.findings.append(
            self._finding(
                check_id, False, span, explanation, suggestion, evidence, overridable, severity
            )
        )

    def suspect(
        self,
        check_id: str,
        span: tuple[int, int] | None,
        explanation: str,
        suggestion: str,
        *,
        severity: CheckSeverity | None = None,
    ) -> None:
        """A failure found by a reader that can be wrong (the learned reader): like ``fail``,
        but a lead may always override it with a reason, whatever the check's own rule says."""
        finding = self._finding(
            check_id, False, span, explanation, suggestion, None, None, severity
        )
        self.findings.append(finding.model_copy(update={"overridable": True}))

    def ok(self, check_id: str, span: tuple[int, int] | None, explanation: str) -> None:
        self.findings.append(self._finding(check_id, True, span, explanation, "", None, None, None))

    def failed_ids(self) -> set[str]:
        return {f.id for f in self.findings if not f.passed}
