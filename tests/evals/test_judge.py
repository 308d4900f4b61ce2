"""The LLM judge through real litellm, offline with litellm's own ``mock_response``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from evals.cache import ResultCache
from evals.evaluators.judge import Judge
from evals.services import EvalServices
from tests.evals.conftest import draft_for
from tests.evals.test_evaluators import run

RUBRIC = "../../evals/rubrics/voice.md"  # relative to this folder, as in a suite file


def test_judge_scores_against_the_rubric_and_caches_its_verdict(
    demo_pack: Any, tmp_path: Path
) -> None:
    cache = ResultCache(tmp_path / "cache.sqlite")
    services = EvalServices(cache=cache)
    draft = draft_for(
        demo_pack, "My order is late.", "@ana We're sorry. Could you send us a DM? ^Team Verdello"
    )
    spec = {
        "judge": {
            "rubric": RUBRIC,
            "model": "openai/gpt-4o-mini",
            "threshold": 0.7,
            "mock_response": '{"score": 0.85, "reason": "Warm, plain, has a next '
            'step and the sign-off."}',
        }
    }
    (result,) = run(spec, draft, demo_pack, services=services)
    assert (result.status, result.score, result.evaluator) == ("pass", 0.85, "judge:voice")
    assert result.reason.startswith("Warm, plain")
    assert services.counters["judge_calls"] == 1
    again = run(spec, draft, demo_pack, services=services)
    assert again[0].score == 0.85 and services.counters["judge_calls"] == 1  # from the cache


def test_judge_below_threshold_fails(demo_pack: Any) -> None:
    draft = draft_for(demo_pack, "Late.", "@ana As per our policy, read the FAQ. ^Team Verdello")
    (result,) = run(
        {
            "judge": {
                "rubric": RUBRIC,
                "model": "openai/gpt-4o-mini",
                "mock_response": '```json\n{"score": 0.2, "reason": "Defensive and cold."}\n```',
            }
        },
        draft,
        demo_pack,
    )
    assert result.status == "fail" and result.score == 0.2


def test_judge_that_never_answers_in_json_is_an_error_not_a_pass(demo_pack: Any) -> None:
    services = EvalServices()
    draft = draft_for(demo_pack, "Late.", "@ana Sorry. ^Team Verdello")
    (result,) = run(
        {
            "judge": {
                "rubric": RUBRIC,
                "model": "openai/gpt-4o-mini",
                "mock_response": "I think it is fine.",
            }
        },
        draft,
        demo_pack,
        services=services,
    )
    assert result.status == "error" and "no valid verdict after 2 attempts" in result.reason
    assert services.counters["judge_calls"] == 2  # asked again once, then gave up


def test_judge_provider_failure_is_reported(demo_pack: Any) -> None:
    draft = draft_for(demo_pack, "Late.", "@ana Sorry. ^Team Verdello")
    (result,) = run(
        {
            "judge": {
                "rubric": RUBRIC,
                "model": "openai/gpt-4o-mini",
                "mock_response": "litellm.RateLimitError",
            }
        },
        draft,
        demo_pack,
    )
    assert result.status == "error" and "failed" in result.reason


def test_judge_without_a_model_is_skipped_and_says_how_to_enable_it(demo_pack: Any) -> None:
    draft = draft_for(demo_pack, "Late.", "@ana Sorry. ^Team Verdello")
    (result,) = run({"judge": RUBRIC}, draft, demo_pack)
    assert result.status == "skip" and "--judge-model" in result.reason


def test_the_composer_cannot_judge() -> None:
    with pytest.raises(ValueError, match="cannot grade"):
        Judge(rubric="x.md", model="crisisdraft/composer")
