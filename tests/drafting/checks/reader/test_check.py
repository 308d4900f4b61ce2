"""The learned reader as a check: when it runs, what its findings say, and what it leaves to
the rules.

The model here is a fake at the model boundary, built by hand: one nonsense word ("zebra")
that no rule reads weighs towards forbidden.legal_promise. That tests the wiring (policy
switches, severity, overridability, evidence, no double report) whatever the shipped model has
learned; the shipped model's quality is measured by benchmarks/checks_quality.py --reader.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from drafting.checks import CheckReport
from drafting.checks.forbidden import REASONS
from drafting.checks.reader.model import ReaderModel
from knowledge.policy import Policy, ReaderRules, RuleSetting
from tests.drafting.checks.conftest import EN

FAKE = ReaderModel(
    checks=("forbidden.legal_promise", "forbidden.speculation"),
    vocabulary={"w:zebra": 0},
    weights=np.array([[5.0, 5.0]], dtype=np.float32),
    bias=np.array([-3.0, -3.0], dtype=np.float32),
    threshold=0.5,
)  # "zebra" scores 1 / (1 + e^-2) = 0.88 for both checks; anything else 0.05
DRAFT = f"We're sorry your parcel is late. Our zebra team is on it. {EN}"
Check = Callable[..., CheckReport]


def reading(policy: Policy, **rules: object) -> Policy:
    return policy.model_copy(update={"reader": ReaderRules.model_validate(rules)})


def learned(report: CheckReport) -> list:
    return [f for f in report.failures if "learned reader" in f.explanation]


def test_off_by_default(check: Check, demo) -> None:
    _, policy = demo
    assert not policy.reader.enabled
    assert learned(check(DRAFT, kind="reply", reader=FAKE)) == []


def test_a_finding_names_its_sentence_and_words_and_may_always_be_overridden(
    check: Check, demo
) -> None:
    _, policy = demo
    report = check(DRAFT, kind="reply", reader=FAKE, policy=reading(policy, enabled=True))
    found = {f.id: f for f in learned(report)}
    assert set(found) == {"forbidden.legal_promise", "forbidden.speculation"}
    promise = found["forbidden.legal_promise"]
    assert promise.family == "forbidden" and promise.severity == "block"
    assert promise.evidence == "Our zebra team is on it."
    assert "“zebra”" in promise.explanation and "0.88" in promise.explanation
    assert promise.suggestion == REASONS["legal_promise"][1]
    # forbidden.legal_promise may not be overridden when a rule finds it; a reading may.
    assert promise.overridable
    assert report.verdict == "needs_override"


def test_the_policy_may_lower_the_severity_or_raise_the_score(check: Check, demo) -> None:
    _, policy = demo
    warned = check(
        DRAFT, kind="reply", reader=FAKE, policy=reading(policy, enabled=True, severity="warn")
    )
    assert {f.severity for f in learned(warned)} == {"warn"}
    assert not any(f in warned.blocking for f in learned(warned))
    strict = check(
        DRAFT, kind="reply", reader=FAKE, policy=reading(policy, enabled=True, min_score=0.95)
    )
    assert learned(strict) == []


def test_a_check_the_policy_disables_is_not_read(check: Check, demo) -> None:
    _, policy = demo
    on = reading(policy, enabled=True)
    off = on.model_copy(
        update={"rules": {**on.rules, "forbidden.legal_promise": RuleSetting(enabled=False)}}
    )
    report = check(DRAFT, kind="reply", reader=FAKE, policy=off)
    assert [f.id for f in learned(report)] == ["forbidden.speculation"]
    only = check(DRAFT, kind="reply", reader=FAKE, policy=on, only={"forbidden.legal_promise"})
    assert [f.id for f in learned(only)] == ["forbidden.legal_promise"]


def test_what_a_rule_found_is_not_reported_twice(check: Check, demo) -> None:
    _, policy = demo
    text = f"Sorry. It was probably a glitch in our warehouse software, zebra. {EN}"
    report = check(text, kind="reply", reader=FAKE, policy=reading(policy, enabled=True))
    speculation = [f for f in report.failures if f.id == "forbidden.speculation"]
    assert len(speculation) == 1 and "learned reader" not in speculation[0].explanation


def test_a_language_without_lexicons_is_not_read(check: Check, demo) -> None:
    _, policy = demo
    text = "Lo sentimos mucho, la zebra llegará tarde y el tribunal decidirá. ^Equipo Verdello"
    report = check(
        text, kind="reply", reader=FAKE, policy=reading(policy, enabled=True), language="es"
    )
    assert learned(report) == []


@pytest.mark.parametrize("score", [0.4, 1.0, 1.5])
def test_a_min_score_outside_the_range_is_refused(score: float) -> None:
    with pytest.raises(ValueError, match="min_score"):
        ReaderRules(enabled=True, min_score=score)
