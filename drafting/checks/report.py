"""What the checks return: one :class:`Finding` per failed check (and per required move made),
gathered in a :class:`CheckReport` with a verdict.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Verdict = Literal["ok", "needs_override", "blocked"]


class Finding(BaseModel):
    id: str = Field(description="Check id, e.g. `tone.blame_shift` (see CHECK_IDS).")
    family: str = Field(
        description="structure, forbidden, compensation, personal_data, channel, "
        "voice, escalation, tone, grounding, output_safety or judge."
    )
    severity: Literal["block", "warn", "info"]
    passed: bool
    span: tuple[int, int] | None = Field(
        default=None, description="Character offsets [start, end) of the evidence in the draft."
    )
    evidence: str | None = Field(
        default=None, description="The draft text at `span`, or a measured value."
    )
    explanation: str = Field(description="What is wrong (or right), in plain language.")
    suggestion: str = Field(default="", description="How to fix it.")
    overridable: bool = Field(
        default=True,
        description="Whether a lead may approve despite this failure, with a written reason.",
    )


class CheckReport(BaseModel):
    language: str = Field(description="The draft's language (detected when not given).")
    findings: list[Finding]
    verdict: Verdict = Field(
        description="ok: no failed block finding; needs_override: every failed block finding is "
        "overridable; blocked: at least one is not."
    )

    @property
    def failures(self) -> list[Finding]:
        return [f for f in self.findings if not f.passed]

    @property
    def blocking(self) -> list[Finding]:
        """Failed findings of severity ``block``."""
        return [f for f in self.findings if not f.passed and f.severity == "block"]

    def failed(self, check_id: str) -> bool:
        return any(f.id == check_id and not f.passed for f in self.findings)


def verdict_of(findings: list[Finding]) -> Verdict:
    blocking = [f for f in findings if not f.passed and f.severity == "block"]
    if not blocking:
        return "ok"
    return "needs_override" if all(f.overridable for f in blocking) else "blocked"


_ORDER = {"block": 0, "warn": 1, "info": 2}


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Failures first (block, warn, info), then passed findings, each in check order."""
    return sorted(findings, key=lambda f: (f.passed, _ORDER[f.severity]))
