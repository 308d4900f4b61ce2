"""Feedback to eval cases, round trip: drafts agents voted down or a reviewer rejected become
regression cases (``crisisdraft eval cases-from-feedback``), the suite loads and runs, and a
second export adds nothing twice."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from drafting.api.main import create_app
from drafting.cli.app import app
from drafting.errors import InvalidInputError
from drafting.storage.repository import Storage
from evals.feedback_cases import parse_since
from evals.loaders import load_suite
from tests.conftest import bearer

LEAKY = "Parcel never came!! mail me at anna.rossi@example.com, I'm furious"


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, ["eval", *args], catch_exceptions=False)


def test_parse_since() -> None:
    now = datetime(2026, 11, 25, 12, tzinfo=UTC)
    assert parse_since("7d", now) == datetime(2026, 11, 18, 12, tzinfo=UTC)
    assert parse_since("30m", now) == datetime(2026, 11, 25, 11, 30, tzinfo=UTC)
    assert parse_since("2026-11-20", now) == datetime(2026, 11, 20, tzinfo=UTC)
    with pytest.raises(InvalidInputError, match="neither a span nor a date"):
        parse_since("last week", now)


def test_feedback_round_trip(cli_env: Any, tmp_path: Path) -> None:
    storage = Storage(cli_env.resolved_database_url)
    agent = storage.create_key(name="Ada", role="agent", brands=["demo"])[0]
    lead = storage.create_key(name="Lea", role="lead", brands=["demo"])[0]
    with TestClient(create_app(cli_env)) as client:

        def draft(text: str) -> dict[str, Any]:
            response = client.post(
                "/v1/drafts",
                headers=bearer(agent),
                json={"brand": "demo", "channel": "x", "post": {"text": text, "author": "@an"}},
            )
            assert response.status_code == 201, response.text
            return dict(response.json())

        voted = draft(LEAKY)
        rejected = draft("The lid of my pan broke the first time I used it.")
        liked = draft("Thanks for the quick refund, lovely service.")
        client.post(
            f"/v1/drafts/{voted['id']}/feedback",
            headers=bearer(agent),
            json={"vote": "down", "reason": "not_helpful", "comment": "ignores the parcel"},
        )
        client.post(
            f"/v1/drafts/{rejected['id']}/reject",
            headers=bearer(lead),
            json={"reason": "promises a replacement we can't give"},
        )
        client.post(
            f"/v1/drafts/{liked['id']}/feedback", headers=bearer(agent), json={"vote": "up"}
        )

    out = tmp_path / "feedback.yaml"
    first = invoke("cases-from-feedback", "--brand", "demo", "--since", "1d", "--out", str(out))
    assert first.exit_code == 0, first.output
    assert "2 draft(s) of demo voted down or rejected" in first.output
    assert "2 case(s) added, 0 already" in first.output
    text = out.read_text()
    assert "anna.rossi@example.com" not in text and "<EMAIL_1>" in text  # kept in git: redacted
    loaded = load_suite(out)
    cases = {c.id: c for c in loaded.suite.cases}
    assert set(cases) == {f"feedback-{voted['id']}", f"feedback-{rejected['id']}"}
    case = cases[f"feedback-{voted['id']}"]
    assert case.description == "not_helpful: ignores the parcel"
    assert case.tags == ["feedback", "not_helpful"]
    assert case.channel == "x" and case.author == "@an" and case.language == "en"
    assert [list(e) for e in case.evaluators] == [["unlike"]]  # raw specs, parsed at run time
    assert cases[f"feedback-{rejected['id']}"].tags == ["feedback", "rejected"]
    assert "rejected: promises a replacement" in cases[f"feedback-{rejected['id']}"].description

    again = invoke(
        "cases-from-feedback", "--brand", "demo", "--since", "1d", "--out", str(out), "--json"
    )
    assert json.loads(again.output) == {"file": str(out), "found": 2, "added": 0, "known": 2}

    # The comms lead runs the regression suite: where the drafter writes the voted-down or
    # rejected draft again, `unlike` fails it (as it should until the drafter changes) and the
    # gate fails with it.
    run = invoke("run", str(out), "--output", str(tmp_path / "run"), "--no-progress", "--json")
    summary = json.loads(run.output)
    results = json.loads((tmp_path / "run" / "results.json").read_text())
    assert summary["counts"]["cases"] == 2
    bad = {f"feedback-{voted['id']}": voted["text"], f"feedback-{rejected['id']}": rejected["text"]}
    unlike = {
        c["id"]: (c["draft"], r)
        for c in results["cases"]
        for r in c["results"]
        if r["evaluator"] == "unlike"
    }
    assert set(unlike) == set(bad)
    repeated = [cid for cid, (draft, _) in unlike.items() if draft == bad[cid]]
    assert repeated, "the deterministic composer repeats at least one of the bad drafts"
    for cid in repeated:
        assert unlike[cid][1]["status"] == "fail" and unlike[cid][1]["score"] > 0.9
    assert run.exit_code == 1  # the Regression gate fails
