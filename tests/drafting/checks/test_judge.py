"""The optional LLM judge, through litellm's own offline ``mock_response`` (a real litellm call
that returns the given text instead of contacting a provider)."""

from __future__ import annotations

import json

from drafting.checks import CheckContext, run_checks
from drafting.checks.judge import judge_findings, merge_judge, parse_judge_answer
from prompts.templates import load_prompt
from tests.drafting.checks.conftest import EN

MODEL = "openai/gpt-4o-mini"  # any name: mock_response means no provider is contacted


def ctx(demo, **extra) -> CheckContext:
    brand, policy = demo
    return CheckContext(brand=brand, policy=policy, channel="x", kind="apology", **extra)


def test_the_rubric_is_a_reviewable_prompt_file() -> None:
    template = load_prompt("judge")
    assert template.version >= 1 and "JSON" in template.system and "<<<" in template.user


def test_judge_findings_are_parsed_and_located(demo) -> None:
    text = f"We are sorry your sofa is late. Please DM us. {EN}"
    answer = json.dumps(
        {
            "findings": [
                {
                    "criterion": "tone",
                    "evidence": "We are sorry",
                    "explanation": "Stiff.",
                    "suggestion": "Say 'We're sorry'.",
                },
                {"criterion": "made-up", "evidence": "x", "explanation": "ignored"},
                {"criterion": "voice", "passed": True, "explanation": "a pass is not a finding"},
            ]
        }
    )
    findings = judge_findings(
        text, ctx(demo, post_text="sofa late"), model=MODEL, mock_response=answer
    )
    assert [f.id for f in findings] == ["judge.tone"]
    assert findings[0].span == (0, 12) and findings[0].severity == "warn" and not findings[0].passed


def test_the_judge_can_add_but_never_clear_a_block(demo) -> None:
    text = f"Please DM us your order VD-1234567. {EN}"
    report = run_checks(text, ctx(demo))
    assert report.verdict == "blocked"
    # The judge says all is well: nothing is cleared.
    merged = merge_judge(
        report, judge_findings(text, ctx(demo), model=MODEL, mock_response='{"findings": []}')
    )
    assert merged.verdict == "blocked" and merged.findings == report.findings
    clean = run_checks(f"Your sofa is late and we're sorry. Please DM us. {EN}", ctx(demo))
    assert clean.verdict == "ok"
    added = parse_judge_answer(
        '{"findings": [{"criterion": "policy", "evidence": "DM", "explanation": "x"}]}',
        "x",
        ctx(demo),
    )
    assert merge_judge(clean, added).failures[0].id == "judge.policy"


def test_policy_can_make_judge_findings_blocking(demo) -> None:
    from knowledge.policy import parse_policy

    brand, policy = demo
    data = policy.model_dump()
    data["rules"] = {"judge.*": {"severity": "block", "overridable": True}}
    strict = CheckContext(brand=brand, policy=parse_policy(data), channel="x", kind="apology")
    [finding] = parse_judge_answer(
        '{"findings": [{"criterion": "grounding", "evidence": "x", "explanation": "invented"}]}',
        "x",
        strict,
    )
    assert finding.severity == "block"


def test_failures_are_reported_not_hidden(demo) -> None:
    text = f"We're sorry. {EN}"
    [bad_json] = judge_findings(text, ctx(demo), model=MODEL, mock_response="I think it's fine!")
    assert bad_json.id == "judge.error" and "not the JSON" in bad_json.explanation
    [rate_limited] = judge_findings(
        text, ctx(demo), model=MODEL, mock_response="litellm.RateLimitError"
    )
    assert rate_limited.id == "judge.error" and "RateLimitError" in rate_limited.explanation
