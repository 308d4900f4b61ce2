"""``crisisdraft eval``: the demo suite with the built-in drafter passes its gate (CI runs this),
a re-run is served from the cache, compare reports regressions, and failing gates exit 1."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from drafting.cli.app import app
from tests.conftest import REPO
from tests.evals.conftest import write_suite


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, ["eval", *args], catch_exceptions=False)


def test_demo_suite_passes_its_gate_with_the_built_in_drafter(cli_env: Any, tmp_path: Path) -> None:
    first = invoke(
        "run",
        str(REPO / "evals" / "suites" / "demo.yaml"),
        "--output",
        str(tmp_path / "a"),
        "--no-progress",
    )
    assert first.exit_code == 0, first.output
    assert "GATE PASSED" in first.output and "Pass rate per metric" in first.output
    results = json.loads((tmp_path / "a" / "results.json").read_text())
    assert results["gate"]["passed"] and results["counts"]["cases"] >= 80
    assert results["counts"]["generated"] == results["counts"]["cases"]
    html = (tmp_path / "a" / "report.html").read_text()
    assert "Eval report: demo" in html and "<svg" in html

    second = invoke("run", "demo", "--output", str(tmp_path / "b"), "--no-progress", "--json")
    assert second.exit_code == 0, second.output
    summary = json.loads(second.output)
    assert summary["counts"]["model_calls"] == 0
    assert summary["counts"]["cached"] == results["counts"]["cases"]

    compared = invoke("compare", str(tmp_path / "a"), str(tmp_path / "b"))
    assert compared.exit_code == 0, compared.output
    assert "Per-metric change" in compared.output and "GATE PASSED" in compared.output
    assert (tmp_path / "b" / f"compare-{results['id']}.html").is_file()


def test_a_failing_threshold_exits_1(cli_env: Any, tmp_path: Path) -> None:
    suite = write_suite(
        tmp_path,
        """
        name: strict
        defaults: {brand: demo, evaluators: [{contains: "this phrase is never written"}]}
        metrics: {Content: 0.9}
        cases: [{id: a, post: "My order is late.", author: "@ana"}]
    """,
    )
    result = invoke("run", str(suite), "--output", str(tmp_path / "out"), "--no-progress")
    assert result.exit_code == 1
    assert "GATE FAILED" in result.output and "Content: pass rate 0.0% < 90.0%" in result.output


def test_compare_exits_1_past_the_regression_limit(cli_env: Any, tmp_path: Path) -> None:
    suite = write_suite(
        tmp_path,
        """
        name: two
        defaults: {brand: demo, evaluators: [checks]}
        cases:
          - {id: a, post: "My order is late.", author: "@ana"}
          - {id: b, post: "You charged me twice.", author: "@ana"}
    """,
    )
    assert invoke(
        "run", str(suite), "--output", str(tmp_path / "a"), "--no-progress", "--json"
    ).exit_code in (0, 1)
    results = json.loads((tmp_path / "a" / "results.json").read_text())
    worse = json.loads(json.dumps(results))
    worse["id"] = "later"
    for case in worse["cases"]:  # the same run, but every case now fails a check
        case["status"] = "fail"
        case["results"][0]["status"] = "fail"
        case["results"][0]["reason"] = "tone.sarcasm: sarcastic"
    before = {c["id"]: c for c in results["cases"]}
    later = tmp_path / "later"
    later.mkdir()
    (later / "results.json").write_text(json.dumps(worse))
    out = invoke("compare", str(tmp_path / "a"), str(later), "--max-regressions", "0")
    passed_before = [i for i, c in before.items() if c["status"] == "pass"]
    assert out.exit_code == (1 if passed_before else 0), out.output
    if passed_before:
        assert "Regressions" in out.output and "tone.sarcasm: sarcastic" in out.output


def test_unknown_suite_is_a_clear_error(cli_env: Any) -> None:
    result = invoke("run", "no-such-suite")
    assert result.exit_code == 1
    assert "No suite file 'no-such-suite'" in result.output and "Fix:" in result.output
