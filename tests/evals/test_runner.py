"""The runner on the real pipeline and the demo brand: cache, resume, timeouts, gate."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from evals.loaders import load_suite
from evals.runner import RunOptions, run_suite
from tests.evals.conftest import FakeModel, write_suite

SUITE = """
    name: small
    defaults:
      brand: demo
      evaluators: [checks, triage, personal_data, {not_contains: "pwned"}]
    metrics:
      Overall: 0.5
      Privacy: 1.0
    run: {concurrency: 2, timeout_s: 30}
    cases:
      - id: late
        post: "My Pietra pan order is two weeks late. Where is it?"
        author: "@ana"
        expect: {category: delivery}
      - id: charged
        post: "You charged me twice for one order."
        author: "@ana"
      - id: burn
        post: "The lid of my Aria kettle flew off and scalded my hand."
        author: "@ana"
        expect: {risk_flags: [safety_injury], public_draft: false,
                 findings: [escalation.public_draft]}
      - id: spanish
        post: "Mi pedido lleva dos semanas de retraso y nadie me responde."
        expect: {error: "does not answer in"}
"""


def run(suite: Path, settings: Any, **options: Any) -> Any:
    return asyncio.run(
        run_suite(
            load_suite(suite), settings=settings, options=RunOptions(progress=False, **options)
        )
    )


def test_a_rerun_with_nothing_changed_makes_no_model_call(
    demo_copy: Any, tmp_path: Path, fake_model: FakeModel
) -> None:
    suite = write_suite(tmp_path, SUITE)
    first = run(suite, demo_copy, model="evalfake/any")
    assert first.status == "finished" and first.counts.cases == 4
    calls = len(fake_model.history)
    assert calls >= 3  # every drafted case asked the model (the Spanish one is refused first)
    assert first.counts.generated == 4 and first.counts.cached == 0
    by_id = {c.id: c for c in first.cases}
    assert by_id["spanish"].status == "pass" and by_id["spanish"].draft is None
    assert by_id["late"].draft and by_id["late"].draft.startswith("@ana We're sorry")
    assert by_id["burn"].escalation and by_id["burn"].escalation["role"] == "safety"

    second = run(suite, demo_copy, model="evalfake/any")
    assert len(fake_model.history) == calls  # not one model call
    assert second.counts.cached == 4 and second.counts.model_calls == 0
    assert [c.status for c in second.cases] == [c.status for c in first.cases]

    other_model = run(suite, demo_copy)  # the built-in composer: a different input hash
    assert other_model.counts.generated == 4 and len(fake_model.history) == calls


def test_an_interrupted_run_keeps_what_finished_and_resumes(demo_copy: Any, tmp_path: Path) -> None:
    suite = write_suite(tmp_path, SUITE.replace("concurrency: 2", "concurrency: 1"))
    loaded = load_suite(suite)

    async def interrupted() -> Any:
        done = asyncio.Event()
        seen: list[str] = []

        def on_case(result: Any) -> None:
            seen.append(result.id)
            if len(seen) == 2:
                done.set()

        task = asyncio.create_task(
            run_suite(
                loaded, settings=demo_copy, on_case=on_case, options=RunOptions(progress=False)
            )
        )
        await done.wait()
        task.cancel()
        return await task

    partial = asyncio.run(interrupted())
    assert partial.status == "interrupted" and not partial.gate.passed
    assert 2 <= len(partial.cases) < 4
    assert any("interrupted" in f for f in partial.gate.failures)
    resumed = run(suite, demo_copy)
    assert resumed.status == "finished" and resumed.counts.cases == 4
    assert resumed.counts.cached >= len(partial.cases)


def test_per_case_timeout_is_an_error_and_is_not_cached(demo_copy: Any, tmp_path: Path) -> None:
    suite = write_suite(tmp_path, SUITE)
    timed_out = run(suite, demo_copy, timeout_s=0.001, limit=2)
    assert [c.status for c in timed_out.cases] == ["error", "error"]
    assert "timed out after 0.001 s" in (timed_out.cases[0].error or "")
    assert timed_out.counts.errors == 2 and not timed_out.gate.passed
    assert all(r.status == "error" for r in timed_out.cases[0].results)
    again = run(suite, demo_copy, limit=2)
    assert again.counts.generated == 2 and [c.status for c in again.cases] != ["error", "error"]


def test_gate_thresholds_and_baseline_regressions(demo_copy: Any, tmp_path: Path) -> None:
    suite = write_suite(tmp_path, SUITE.replace("Overall: 0.5", "Overall: 1.0"))
    result = run(suite, demo_copy)
    overall = result.metric("Overall")
    assert overall is not None and overall.threshold == 1.0
    if overall.pass_rate < 1.0:
        assert not result.gate.passed and result.gate.failures[0].startswith("Overall")
    baseline = result.model_copy(deep=True)
    for case in baseline.cases:  # a baseline in which everything passed
        case.status = "pass"
        for r in case.results:
            r.status = "pass" if r.status != "skip" else "skip"
    gated = run(
        write_suite(tmp_path, SUITE + "    gate: {max_regressions: 0}\n", "g.yaml"),
        demo_copy,
        baseline=baseline,
    )
    failing = [c.id for c in gated.cases if c.status != "pass"]
    assert gated.regressions == failing
    assert gated.gate.passed == (not failing)


def test_unknown_brand_says_how_to_load_it(demo_copy: Any, tmp_path: Path) -> None:
    from drafting.errors import NotFoundError

    suite = write_suite(tmp_path, "name: t\ncases: [{id: a, post: hello, brand: acme}]\n")
    with pytest.raises(NotFoundError) as info:
        run(suite, demo_copy)
    assert "crisisdraft brand load" in info.value.fix


@pytest.mark.slow
def test_worker_processes_draft_the_same_as_one_process(demo_copy: Any, tmp_path: Path) -> None:
    suite = write_suite(tmp_path, SUITE)
    here = run(suite, demo_copy, use_cache=False)
    spread = run(suite, demo_copy, use_cache=False, workers=2, min_cases_per_worker=1)
    assert [(c.id, c.status, c.draft, c.error) for c in spread.cases] == [
        (c.id, c.status, c.draft, c.error) for c in here.cases
    ]
    assert spread.counts.generated == 4
