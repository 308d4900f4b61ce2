"""POST /v1/evals/runs and GET /v1/evals/runs/{id}: background runs for an admin page."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from drafting.api.main import create_app
from drafting.storage.repository import Storage
from tests.conftest import bearer


@pytest.fixture
def client(demo_copy: Any) -> Iterator[tuple[TestClient, Storage]]:
    storage = Storage(demo_copy.resolved_database_url)
    lead, _ = storage.create_key(name="lead", role="lead", brands=["demo"])
    with TestClient(create_app(demo_copy), headers=bearer(lead)) as test_client:
        yield test_client, storage


def wait_finished(client: TestClient, run_id: str, timeout: float = 120) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body: dict[str, Any] = client.get(f"/v1/evals/runs/{run_id}").json()
        if body["status"] != "running":
            return body
        time.sleep(0.2)
    raise AssertionError(f"run {run_id} still running after {timeout} s")


def test_start_a_run_read_its_results_and_report(client: tuple[TestClient, Storage]) -> None:
    api, _ = client
    response = api.post("/v1/evals/runs", json={"suite": "demo", "limit": 3})
    assert response.status_code == 202, response.text
    started = response.json()
    assert started["status"] == "running" and started["total"] == 3
    assert started["brands"] == ["demo"]
    assert response.headers["location"] == f"/v1/evals/runs/{started['id']}"
    busy = api.post("/v1/evals/runs", json={"suite": "demo", "limit": 3})
    assert busy.status_code == 409 and "still running" in busy.json()["detail"]

    done = wait_finished(api, started["id"])
    assert done["status"] == "finished" and done["done"] == 3
    assert done["counts"]["cases"] == 3 and done["gate"] is not None
    assert {m["name"] for m in done["metrics"]} >= {"Overall", "Policy", "Triage"}
    assert done["cases"] is None
    with_cases = api.get(f"/v1/evals/runs/{started['id']}", params={"cases": "true"}).json()
    assert [c["id"] for c in with_cases["cases"]] == [
        "delivery-late-x-en",
        "delivery-missed-slot-fb-en",
        "delivery-wrong-item-ig-en",
    ]
    report = api.get(done["report_url"])
    assert report.status_code == 200 and report.headers["content-type"].startswith("text/html")
    assert "Eval report: demo" in report.text
    assert "default-src 'none'" in report.headers["content-security-policy"]


def test_errors_are_problems(client: tuple[TestClient, Storage]) -> None:
    api, storage = client
    assert api.get("/v1/evals/runs/nope").status_code == 404
    unknown = api.post("/v1/evals/runs", json={"suite": "no-such-suite"})
    assert unknown.status_code == 404 and "demo" in unknown.json()["fix"]
    bad = api.post("/v1/evals/runs", json={"suite": "../../etc/passwd"})
    assert bad.status_code == 422
    assert (
        api.post(
            "/v1/evals/runs", json={"suite": "demo"}, headers={"Authorization": "Bearer nope"}
        ).status_code
        == 401
    )
    other, _ = storage.create_key(name="other brand", role="lead", brands=["acme"])
    refused = api.post("/v1/evals/runs", json={"suite": "demo", "limit": 1}, headers=bearer(other))
    assert refused.status_code == 404 and "demo" in refused.json()["detail"]


def test_runs_of_other_brands_are_invisible(client: tuple[TestClient, Storage]) -> None:
    api, storage = client
    run_id = api.post("/v1/evals/runs", json={"suite": "demo", "limit": 1}).json()["id"]
    wait_finished(api, run_id)
    other, _ = storage.create_key(name="other brand", role="agent", brands=["acme"])
    assert api.get(f"/v1/evals/runs/{run_id}", headers=bearer(other)).status_code == 404
    assert api.get(f"/v1/evals/runs/{run_id}/report", headers=bearer(other)).status_code == 404
