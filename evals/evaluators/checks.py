"""The service's own checks as evaluators: every id in ``drafting.checks.CHECK_IDS``.

The drafting pipeline already ran the checks on the draft; these evaluators read that report
(no second run). A check listed in the case's ``expect.findings`` must fire instead: an
escalation case passes when ``escalation.public_draft`` blocks the public draft.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Literal

from pydantic import Field, field_validator

from evals.evaluators.base import EvalContext, Evaluator, Result

#: Which metric each check family counts towards.
FAMILY_METRICS: dict[str, str] = {
    "structure": "Structure",
    "forbidden": "Policy",
    "compensation": "Policy",
    "personal_data": "Privacy",
    "channel": "Voice",
    "voice": "Voice",
    "escalation": "Escalation",
    "tone": "Empathy",
    "grounding": "Grounding",
    "output_safety": "Safety",
    "judge": "Judge",
}

CheckSeverity = Literal["block", "warn", "info"]


def _block() -> list[CheckSeverity]:
    return ["block"]


def _block_warn() -> list[CheckSeverity]:
    return ["block", "warn"]


def _known_ids(ids: list[str]) -> list[str]:
    from drafting.checks import CHECK_IDS

    unknown = [i for i in ids if i not in CHECK_IDS]
    if unknown:
        raise ValueError(
            f"unknown check id(s) {unknown}; see drafting.checks.CHECK_IDS "
            f"(e.g. {', '.join(sorted(CHECK_IDS)[:3])})"
        )
    return ids


def _describe(finding: Any) -> str:
    evidence = f' ("{finding.evidence}")' if finding.evidence else ""
    return f"{finding.id}{evidence}: {finding.explanation}"


class Checks(Evaluator):
    """Every rule-based check, one result per family (``checks:tone``, ``checks:voice``...)."""

    key: ClassVar[str] = "checks"
    default_metric: ClassVar[str] = ""

    ids: list[str] | None = Field(default=None, description="Only these check ids.")
    families: list[str] | None = Field(default=None, description="Only these families.")
    exclude: list[str] = Field(default_factory=list, description="Check ids left out.")
    fail_on: list[CheckSeverity] = Field(
        default_factory=_block,
        description="Severities that fail the case; the others are reported as warnings.",
    )

    @field_validator("ids", "exclude")
    @classmethod
    def _ids(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else _known_ids(value)

    @field_validator("families")
    @classmethod
    def _families(cls, value: list[str] | None) -> list[str] | None:
        unknown = [f for f in value or [] if f not in FAMILY_METRICS]
        if unknown:
            raise ValueError(f"unknown check families {unknown}; use {sorted(FAMILY_METRICS)}")
        return value

    def selected(self) -> dict[str, list[str]]:
        """Family -> selected check ids (the LLM-judge family only when asked for)."""
        from drafting.checks import CHECK_IDS

        out: dict[str, list[str]] = {}
        for check_id, info in CHECK_IDS.items():
            if self.ids is not None and check_id not in self.ids:
                continue
            if self.families is not None and info.family not in self.families:
                continue
            if self.ids is None and self.families is None and info.family == "judge":
                continue
            if check_id not in self.exclude:
                out.setdefault(info.family, []).append(check_id)
        return out

    def _metric(self, family: str) -> str:
        return self.metric or FAMILY_METRICS.get(family, "Policy")

    def outputs(self) -> list[tuple[str, str]]:
        return [(f"checks:{family}", self._metric(family)) for family in self.selected()]

    def evaluate(self, ctx: EvalContext) -> list[Result]:
        fired = {f.id: f for f in ctx.report.findings if not f.passed}
        expected = set(ctx.case.expect.findings)
        results = []
        for family, ids in self.selected().items():
            results.append(
                judge_family(
                    self,
                    f"checks:{family}",
                    self._metric(family),
                    ids,
                    fired,
                    expected,
                    self.fail_on,
                )
            )
        return results


def judge_family(
    ev: Evaluator,
    name: str,
    metric: str,
    ids: list[str],
    fired: dict[str, Any],
    expected: set[str],
    fail_on: Sequence[str],
) -> Result:
    failures = [
        fired[i] for i in ids if i in fired and i not in expected and fired[i].severity in fail_on
    ]
    warnings = [
        fired[i]
        for i in ids
        if i in fired and i not in expected and fired[i].severity not in fail_on
    ]
    missing = [i for i in ids if i in expected and i not in fired]
    met = [i for i in ids if i in expected and i in fired]
    parts = [_describe(f) for f in failures]
    parts += [f"{i} should have fired on this post and did not" for i in missing]
    if met:
        parts.append(f"{', '.join(met)} fired as expected")
    if warnings:
        parts.append("warnings: " + "; ".join(_describe(f) for f in warnings))
    passed = not failures and not missing
    if passed and not parts:
        parts.append(f"no {name.split(':')[-1]} check failed ({len(ids)} checked)")
    return ev.verdict(
        passed,
        "; ".join(parts),
        name=name,
        metric=metric,
        label=",".join(f.id for f in failures) or None,
    )


class Check(Evaluator):
    """One check by id: ``- check: tone.sarcasm`` (fails when the check fails)."""

    key: ClassVar[str] = "check"
    scalar: ClassVar[str | None] = "id"

    id: str
    fail_on: list[CheckSeverity] = Field(default_factory=_block_warn)

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        return _known_ids([value])[0]

    @property
    def name(self) -> str:
        return f"check:{self.id}"

    @property
    def metric_name(self) -> str:
        from drafting.checks import CHECK_IDS

        return self.metric or FAMILY_METRICS[CHECK_IDS[self.id].family]

    def evaluate(self, ctx: EvalContext) -> list[Result]:
        fired = {f.id: f for f in ctx.report.findings if not f.passed}
        return [
            judge_family(
                self,
                self.name,
                self.metric_name,
                [self.id],
                fired,
                set(ctx.case.expect.findings),
                self.fail_on,
            )
        ]
