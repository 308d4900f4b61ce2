"""What the optional LLM judge would add as a *blocking* second opinion, measured on labelled sets.

The rule-based checks miss mistakes worded in ways their lexicons have not met (see
benchmarks/README.md: on sets nobody tuned them on, about one bad reply in ten gets through).
A brand with a capable model can let the judge block (``rules: {judge.*: {severity: block}}`` in
its policy.yaml). Whether that helps is an empirical question per model, answered here: each
labelled reply is checked by the rules, then read by the judge, and the two verdicts are
compared reply by reply with the labels:

- bad replies the rules let through that the judge stops (its catches);
- good replies the rules pass that the judge stops (its false alarms: each one costs a reviewer
  an override with a written reason);
- answers the judge could not give (failed calls, unusable JSON), counted, never hidden.

The judge can only add findings (:func:`drafting.checks.judge.merge_judge`), so the rules'
verdict never improves by turning it on; the question is only whether the catches are worth the
false alarms.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from drafting.checks.catalogue import CHECK_IDS
from drafting.checks.context import CheckContext
from drafting.checks.judge import CRITERIA, merge_judge
from drafting.checks.quality import LabelledCase, Score, case_context
from drafting.checks.report import CheckReport, Finding
from drafting.checks.runner import run_checks
from knowledge.brandpack import Brand
from knowledge.policy import Policy, RuleSetting

#: The judge reads ``(draft, context)`` and returns its failed findings (judge.* ids).
Judge = Callable[[str, CheckContext], list[Finding]]

#: Which labelled check families each criterion of the judge's rubric (prompts/judge.yaml) covers.
CRITERION_FAMILIES: dict[str, frozenset[str]] = {
    "tone": frozenset({"tone"}),
    "policy": frozenset({"forbidden", "compensation", "personal_data", "escalation"}),
    "grounding": frozenset({"grounding"}),
    "voice": frozenset({"voice", "channel"}),
}


@dataclass
class Verdicts:
    """Reply-level blocking against the labels: a bad reply blocked is a catch."""

    good: int = 0
    bad: int = 0
    good_blocked: int = 0
    bad_blocked: int = 0

    @property
    def score(self) -> Score:
        return Score(tp=self.bad_blocked, fp=self.good_blocked, fn=self.bad - self.bad_blocked)

    def add(self, *, bad: bool, blocked: bool) -> None:
        if bad:
            self.bad += 1
            self.bad_blocked += blocked
        else:
            self.good += 1
            self.good_blocked += blocked


@dataclass
class JudgeQuality:
    rules: Verdicts = field(default_factory=Verdicts)
    with_judge: Verdicts = field(default_factory=Verdicts)
    #: Ids of bad replies the rules let through and the judge stopped.
    catches: list[str] = field(default_factory=list)
    #: Ids of good replies the rules passed and the judge stopped, with its evidence.
    false_alarms: list[str] = field(default_factory=list)
    #: Replies the judge could not read (failed call or unusable answer).
    errors: int = 0
    #: Per criterion: flagged against the labelled families it covers (see CRITERION_FAMILIES).
    per_criterion: dict[str, Score] = field(default_factory=dict)

    def merge(self, other: JudgeQuality) -> JudgeQuality:
        def both(a: Verdicts, b: Verdicts) -> Verdicts:
            return Verdicts(
                a.good + b.good,
                a.bad + b.bad,
                a.good_blocked + b.good_blocked,
                a.bad_blocked + b.bad_blocked,
            )

        def add(a: Score, b: Score) -> Score:
            return Score(a.tp + b.tp, a.fp + b.fp, a.fn + b.fn)

        criteria = {
            c: add(self.per_criterion.get(c, Score()), other.per_criterion.get(c, Score()))
            for c in CRITERIA
        }
        return JudgeQuality(
            rules=both(self.rules, other.rules),
            with_judge=both(self.with_judge, other.with_judge),
            catches=[*self.catches, *other.catches],
            false_alarms=[*self.false_alarms, *other.false_alarms],
            errors=self.errors + other.errors,
            per_criterion=criteria,
        )


def with_blocking_judge(policy: Policy) -> Policy:
    """``policy`` with every judge criterion blocking (overridable, as the judge can be wrong)."""
    rules = {**policy.rules, "judge.*": RuleSetting(severity="block", overridable=True)}
    return policy.model_copy(update={"rules": rules})


def sample(cases: list[LabelledCase], n: int | None) -> list[LabelledCase]:
    """``n`` cases chosen by a hash of their ids (the same ones every run), in file order."""
    if n is None or n >= len(cases):
        return cases
    ranked = sorted(cases, key=lambda c: hashlib.sha256(c.id.encode()).hexdigest())[:n]
    keep = {c.id for c in ranked}
    return [c for c in cases if c.id in keep]


def score_judge(
    cases: list[LabelledCase],
    brand: Brand,
    policy: Policy,
    judge: Judge,
    *,
    workers: int = 4,
) -> JudgeQuality:
    """Rules alone against rules + ``judge`` (blocking), reply by reply, on ``cases``.

    The judge is asked about every reply, including those the rules already block, so its own
    reading (``per_criterion``) is measured on all of them. ``workers`` judge calls run at once.
    """
    strict = with_blocking_judge(policy)
    contexts = [case_context(c, brand, strict) for c in cases]
    reports = [run_checks(c.text, ctx) for c, ctx in zip(cases, contexts, strict=True)]
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        answers = list(pool.map(judge, [c.text for c in cases], contexts))
    out = JudgeQuality(per_criterion={c: Score() for c in CRITERIA})
    for case, report, findings in zip(cases, reports, answers, strict=True):
        _tally(out, case, report, findings)
    return out


def _tally(
    out: JudgeQuality, case: LabelledCase, report: CheckReport, found: list[Finding]
) -> None:
    errors = [f for f in found if f.id == "judge.error"]
    flagged = [f for f in found if f.id != "judge.error" and not f.passed]
    merged = merge_judge(report, flagged)
    bad = not case.expect_pass_blocking
    rules_blocked, judged_blocked = bool(report.blocking), bool(merged.blocking)
    out.rules.add(bad=bad, blocked=rules_blocked)
    out.with_judge.add(bad=bad, blocked=judged_blocked)
    out.errors += bool(errors)
    if judged_blocked and not rules_blocked:
        evidence = "; ".join(f"{f.id} {(f.evidence or '')[:50]!r}" for f in flagged)
        (out.catches if bad else out.false_alarms).append(f"{case.id}: {evidence}")
    expected = {CHECK_IDS[i].family for i in case.expect_fail if i in CHECK_IDS}
    criteria = {f.id.removeprefix("judge.") for f in flagged}
    for criterion, families in CRITERION_FAMILIES.items():
        wanted, got = bool(expected & families), criterion in criteria
        score = out.per_criterion[criterion]
        score.tp += wanted and got
        score.fp += got and not wanted
        score.fn += wanted and not got
