"""Measuring the LLM judge as a blocking second opinion (drafting/checks/judge_quality.py).

The judge here answers through litellm's offline ``mock_response``: a real litellm call whose
answer we choose. It is a fake at the model boundary because no model on this machine can judge
replies (SmolLM2-135M echoes the prompt: benchmarks/README.md); what is under test is the
measurement around the model: the tallies, the verdicts, the cache and the sample.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from drafting.checks import CheckContext, run_checks
from drafting.checks.judge import CACHE_KIND, judge_findings
from drafting.checks.judge_quality import sample, score_judge, with_blocking_judge
from drafting.checks.quality import LabelledCase
from drafting.checks.report import Finding
from knowledge.policy import RuleSetting
from tests.drafting.checks.conftest import EN

MODEL = "openai/gpt-4o-mini"  # any name: mock_response means no provider is contacted

CLEAN = f"Your sofa is late and we're sorry. Please DM us so we can sort it out. {EN}"
HOSTILE = f"We're sorry your sofa is late. Stop whining and DM us so we can sort it out. {EN}"
LEAKS = f"Your sofa is late and we're sorry. Please DM us about order VD-1234567. {EN}"


def case(id: str, text: str, *, bad: bool = False, expect: tuple[str, ...] = ()) -> LabelledCase:
    return LabelledCase(
        id=id,
        text=text,
        channel="x",
        kind="apology",
        language="en",
        post="My sofa is two weeks late.",
        author="@ines",
        expect_fail=list(expect),
        expect_pass_blocking=not bad,
    )


def answer(*criteria: str, evidence: str = "sorry") -> str:
    return json.dumps(
        {
            "findings": [
                {"criterion": c, "evidence": evidence, "explanation": "x", "suggestion": "y"}
                for c in criteria
            ]
        }
    )


class ScriptedJudge:
    """The answer chosen for each draft text, given to litellm as its ``mock_response``."""

    def __init__(self, answers: dict[str, str]) -> None:
        self.answers = answers
        self.calls = 0

    def __call__(self, text: str, ctx: CheckContext) -> list[Finding]:
        self.calls += 1
        return judge_findings(text, ctx, model=MODEL, mock_response=self.answers[text])


def test_catches_false_alarms_and_unreadable_answers_are_counted_apart(demo) -> None:
    brand, policy = demo
    # A brand that turned the tone rules off: a hostile reply passes the rules, so only the
    # judge can stop it. The leak of an order number is blocked by the rules already.
    no_tone = policy.model_copy(
        update={"rules": {**policy.rules, "tone.*": RuleSetting(enabled=False)}}
    )
    cases = [
        case("good-silent", CLEAN),
        case("good-flagged", CLEAN.replace("sort it out", "fix it")),
        case("bad-caught", HOSTILE, bad=True, expect=("tone.hostility",)),
        case("bad-ruled", LEAKS, bad=True, expect=("personal_data.order_number",)),
        case("good-unreadable", CLEAN.replace("sofa", "table")),
    ]
    judge = ScriptedJudge(
        {
            cases[0].text: '{"findings": []}',
            cases[1].text: answer("tone"),
            cases[2].text: answer("tone", evidence="stop whining"),
            cases[3].text: '{"findings": []}',
            cases[4].text: "I think the reply is fine!",
        }
    )
    assert run_checks(HOSTILE, _ctx(brand, no_tone)).verdict == "ok"

    quality = score_judge(cases, brand, no_tone, judge, workers=2)

    assert judge.calls == 5  # every reply is read, those the rules block included
    assert (quality.rules.good, quality.rules.bad) == (3, 2)
    assert (quality.rules.good_blocked, quality.rules.bad_blocked) == (0, 1)
    assert (quality.with_judge.good_blocked, quality.with_judge.bad_blocked) == (1, 2)
    assert [c.split(":")[0] for c in quality.catches] == ["bad-caught"]
    assert "judge.tone 'stop whining'" in quality.catches[0]
    assert [c.split(":")[0] for c in quality.false_alarms] == ["good-flagged"]
    assert quality.errors == 1
    tone, policy_ = quality.per_criterion["tone"], quality.per_criterion["policy"]
    assert (tone.tp, tone.fp, tone.fn) == (1, 1, 0)
    assert (policy_.tp, policy_.fp, policy_.fn) == (0, 0, 1)  # the leak, which it did not name
    assert quality.with_judge.score.recall == 1.0 and quality.rules.score.recall == 0.5

    pooled = quality.merge(quality)
    assert pooled.rules.good == 6 and pooled.errors == 2 and len(pooled.catches) == 2
    assert pooled.per_criterion["tone"].fp == 2


def test_the_measurement_makes_the_judge_blocking_and_keeps_the_other_rules(demo) -> None:
    brand, policy = demo
    strict = with_blocking_judge(policy)
    assert strict.rules["judge.*"].severity == "block"
    assert {k: v for k, v in strict.rules.items() if k != "judge.*"} == policy.rules
    [finding] = judge_findings(
        CLEAN, _ctx(brand, strict), model=MODEL, mock_response=answer("voice")
    )
    assert finding.severity == "block" and finding.overridable


def test_answers_are_cached_by_prompt_and_failed_calls_are_not(demo) -> None:
    brand, policy = demo
    ctx = _ctx(brand, policy)
    cache = DictCache()
    first = judge_findings(CLEAN, ctx, model=MODEL, cache=cache, mock_response=answer("tone"))
    # Same model and prompt: the kept answer, not the new one.
    again = judge_findings(CLEAN, ctx, model=MODEL, cache=cache, mock_response='{"findings": []}')
    assert [f.id for f in first] == [f.id for f in again] == ["judge.tone"]
    # Another draft is another prompt.
    other = judge_findings(LEAKS, ctx, model=MODEL, cache=cache, mock_response='{"findings": []}')
    assert other == [] and len(cache.values) == 2
    # A provider litellm does not know fails at once, offline: reported, not kept.
    [failed] = judge_findings(CLEAN, ctx, model="no-such-provider/judge", cache=cache)
    assert failed.id == "judge.error" and "model call failed" in failed.explanation
    assert len(cache.values) == 2 and all(kind == CACHE_KIND for kind, _ in cache.values)


@pytest.mark.parametrize("n", [1, 3, 5, 50])
def test_the_sample_is_the_same_every_run_and_in_file_order(n: int) -> None:
    cases = [case(f"c{i}", CLEAN) for i in range(10)]
    chosen = sample(cases, n)
    assert sample(list(reversed(cases)), n)[::-1] == chosen  # chosen by id, not by position
    assert len(chosen) == min(n, 10)
    assert [c.id for c in chosen] == [c.id for c in cases if c in chosen]
    assert sample(cases, None) == cases


class DictCache:
    def __init__(self) -> None:
        self.values: dict[tuple[str, str], Any] = {}

    def get(self, kind: str, key: str) -> Any | None:
        return self.values.get((kind, key))

    def put(self, kind: str, key: str, value: Any) -> None:
        self.values[(kind, key)] = value


def _ctx(brand: Any, policy: Any) -> CheckContext:
    return CheckContext(
        brand=brand,
        policy=policy,
        channel="x",
        kind="apology",
        post_text="My sofa is two weeks late.",
        author="@ines",
    )
