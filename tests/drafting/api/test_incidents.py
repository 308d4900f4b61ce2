"""A simulated incident end to end over HTTP, on SQLite and PostgreSQL: a spike in negative
mentions raises an alert, the lead opens an incident from it, a holding statement and updates go
out on cadence (an overdue update is flagged), the incident is resolved, and the post-incident
review report is produced. Crisis mode and alerts reach a real local webhook receiver, signed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from drafting.api.main import create_app
from drafting.incidents.signing import HEADER, sign, verify
from drafting.storage.repository import Storage
from knowledge.retrieval import search
from tests.conftest import bearer
from tests.drafting.api.webhook_receiver import Receiver, webhook_receiver
from tests.drafting.incidents.fakes import ShiftedClock, customer_posts

HOOK_SECRET = "hook-secret-for-tests"
LISTEN_SECRET = "listening-tool-secret"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with webhook_receiver() as r:
        yield r


@pytest.fixture
def app_settings(demo_copy: Any, database_url: str, receiver: Receiver) -> Any:
    return demo_copy.model_copy(
        update={
            "database_url": database_url,
            "webhook_url": receiver.url,
            "webhook_secret": HOOK_SECRET,
            "mentions_secret": LISTEN_SECRET,
            "mention_spike_threshold": 10,
            "mention_window_minutes": 15,
        }
    )


@pytest.fixture
def keys(app_settings: Any) -> dict[str, str]:
    storage = Storage(app_settings.resolved_database_url)
    return {
        role: storage.create_key(name=f"{role} one", role=role, brands=["demo"])[0]
        for role in ("agent", "reviewer", "lead")
    }


@pytest.fixture
def clock() -> ShiftedClock:
    return ShiftedClock()


@pytest.fixture
def client(app_settings: Any, clock: ShiftedClock) -> Iterator[TestClient]:
    app = create_app(app_settings)
    app.state.clock = clock
    with TestClient(app) as c:
        yield c


def signed_post(client: TestClient, path: str, payload: Any) -> Any:
    body = json.dumps(payload).encode()
    return client.post(
        path,
        content=body,
        headers={"Content-Type": "application/json", HEADER: sign(LISTEN_SECRET, body)},
    )


def verified(receiver: Receiver, event: str) -> list[dict[str, Any]]:
    """The events received, each checked against its HMAC signature."""
    out = []
    for r in receiver.events(event):
        verify(HOOK_SECRET, r.body, r.headers[HEADER.lower()], tolerance_s=300)
        assert r.headers["x-crisisdraft-delivery"] == r.json["id"]
        out.append(r.json)
    return out


def new_draft(client: TestClient, key: str, **body: Any) -> dict[str, Any]:
    response = client.post("/v1/drafts", headers=bearer(key), json={"brand": "demo", **body})
    assert response.status_code == 201, response.text
    return response.json()


def test_simulated_incident_end_to_end(
    client: TestClient,
    keys: dict[str, str],
    receiver: Receiver,
    clock: ShiftedClock,
    twitter_dev_json: Path,
    app_settings: Any,
) -> None:
    agent, reviewer, lead = (bearer(keys[r]) for r in ("agent", "reviewer", "lead"))
    now = datetime.now(UTC)
    real = customer_posts(twitter_dev_json)

    # Before: ordinary chatter from the listening tool over three hours (real customer posts).
    baseline = [
        {
            "brand": "demo",
            "channel": "x",
            "text": text,
            "external_id": f"tw-{i}",
            "posted_at": (now - timedelta(minutes=180 - i * 4)).isoformat(),
        }
        for i, text in enumerate(real[:40])
    ]
    response = client.post("/v1/mentions/batch", headers=agent, json={"mentions": baseline})
    assert response.status_code == 201, response.text
    assert response.json()["created"] == 40 and response.json()["alerts"] == []
    # A retried batch stores nothing twice.
    again = client.post("/v1/mentions/batch", headers=agent, json={"mentions": baseline[:5]})
    assert again.json()["duplicates"] == 5

    # The spike: sixty posts in the last ten minutes, sent signed by the listening tool (no key).
    spike = {
        "mentions": [
            {
                "brand": "demo",
                "channel": "x",
                "external_id": f"spike-{i}",
                "author": f"@user{i}",
                "text": text,
                "posted_at": (now - timedelta(seconds=600 - i * 10)).isoformat(),
            }
            for i, text in enumerate(real[40:100])
        ]
    }
    response = signed_post(client, "/v1/mentions/batch", spike)
    assert response.status_code == 201, response.text
    alerts = response.json()["alerts"]
    assert len(alerts) == 1 and alerts[0]["count"] >= 10 and alerts[0]["status"] == "open"
    assert [e["data"]["alert_id"] for e in verified(receiver, "alert.raised")] == [alerts[0]["id"]]

    # The lead opens an incident from the alert, with the first facts.
    next_update = now + timedelta(minutes=45)
    response = client.post(
        "/v1/incidents",
        headers=lead,
        json={
            "brand": "demo",
            "title": "Card payments failing at checkout",
            "severity": "high",
            "channels": ["x", "facebook"],
            "keywords": ["payment", "checkout"],
            "timezone": "Europe/Rome",
            "alert_id": alerts[0]["id"],
            "facts": {
                "known": "card payments at checkout are failing for many of you",
                "doing": "we're working on it",
                "customers_should": "please don't retry a failed payment",
                "next_update_at": next_update.isoformat(),
            },
        },
    )
    assert response.status_code == 201, response.text
    incident = response.json()
    iid = incident["id"]
    assert incident["mentions"] >= 10  # the alert's negative mentions are linked
    assert incident["next_update_due"] == next_update.isoformat().replace("+00:00", "Z")
    status = client.get("/v1/brands/demo/status", headers=agent).json()
    assert status["crisis_mode"] is True and status["incidents"][0]["id"] == iid
    assert [e["data"]["crisis_mode"] for e in verified(receiver, "brand.crisis_mode")] == [True]
    assert (
        client.get("/v1/alerts", headers=agent, params={"brand": "demo"}).json()["data"][0][
            "status"
        ]
        == "incident_opened"
    )

    # Holding statement, grounded in the facts; a reviewer approves it.
    holding = new_draft(
        client,
        keys["agent"],
        channel="facebook",
        kind="holding_statement",
        incident_id=iid,
        post={"text": "Checkout keeps declining my card!"},
    )
    facts = incident["facts"]["statements"]
    assert [s["snippet"] for s in holding["sources"] if s["source"] == "fact"] == facts
    assert facts[0] in holding["text"]
    assert (
        client.post(
            f"/v1/drafts/{holding['id']}/approve",
            headers=reviewer,
            json={"reason": "matches the facts"},
        ).status_code
        == 200
    )

    # In crisis mode, a reply to a post about the incident is linked to it.
    reply = new_draft(
        client,
        keys["agent"],
        channel="x",
        post={"text": "My card payment failed twice at checkout", "author": "@ana"},
    )
    assert reply["incident_id"] == iid and any("Crisis mode" in n for n in reply["notes"])
    during = client.post(
        "/v1/mentions",
        headers=agent,
        json={
            "brand": "demo",
            "channel": "x",
            "text": "Is the checkout payment problem fixed yet?",
        },
    )
    assert during.json()["data"][0]["incident_id"] == iid

    # 50 minutes later nothing new went out: the update promised for +45 min is overdue.
    clock.offset = timedelta(minutes=50)
    late = client.get(f"/v1/incidents/{iid}", headers=agent).json()
    assert late["overdue"] is True and late["minutes_overdue"] >= 4
    queue = client.get("/v1/queue/incidents", headers=agent).json()["data"]
    assert queue[0]["id"] == iid and queue[0]["overdue"] is True
    assert queue[0]["pending_drafts"] == [reply["id"]]  # the reply waits for a reviewer
    assert client.get("/v1/brands/demo/status", headers=agent).json()["overdue"] == [iid]
    metrics = client.get("/metrics", headers=agent).text
    assert 'crisisdraft_incident_updates_overdue{brand="demo"} 1' in metrics
    assert 'crisisdraft_crisis_mode{brand="demo"} 1' in metrics
    clock.offset = timedelta()

    # The cause is identified: new facts, a status update edited by the reviewer.
    identified = {
        "known": "we've found the fault in our checkout and we're fixing it right now",
        "doing": "card payments should work again soon",
        "customers_should": "please don't retry a failed payment",
        "next_update_at": (datetime.now(UTC) + timedelta(minutes=60)).isoformat(),
        "status": "identified",
    }
    retried = {**lead, "Idempotency-Key": "facts-identified-1"}
    response = client.post(f"/v1/incidents/{iid}/facts", headers=retried, json=identified)
    assert response.status_code == 201 and response.json()["status"] == "identified"
    replay = client.post(f"/v1/incidents/{iid}/facts", headers=retried, json=identified)
    assert replay.headers["idempotent-replay"] == "true" and replay.json() == response.json()
    timeline = client.get(f"/v1/incidents/{iid}/facts", headers=agent).json()
    assert timeline["count"] == 2  # the retry added nothing
    update = new_draft(
        client,
        keys["agent"],
        channel="facebook",
        kind="status_update",
        incident_id=iid,
        post={"text": "Any news on the payments?"},
    )
    edited = update["text"].replace("We've found the fault", "We have found the fault")
    assert edited != update["text"]
    response = client.post(
        f"/v1/drafts/{update['id']}/approve",
        headers=reviewer,
        json={"text": edited, "reason": "clearer: we have found"},
    )
    assert response.status_code == 200, response.text
    after_update = client.get(f"/v1/incidents/{iid}", headers=agent).json()
    assert after_update["overdue"] is False and len(after_update["updates"]) == 2

    # Resolved: crisis mode ends (signed webhook), the resolution update goes out.
    response = client.post(
        f"/v1/incidents/{iid}/facts",
        headers=lead,
        json={
            "known": "card payments at checkout are working again",
            "doing": "no money was taken for failed payments",
            "status": "resolved",
        },
    )
    assert response.json()["resolved_at"] and response.json()["next_update_due"] is None
    assert [e["data"]["crisis_mode"] for e in verified(receiver, "brand.crisis_mode")] == [
        True,
        False,
    ]
    resolution = new_draft(
        client,
        keys["agent"],
        channel="facebook",
        kind="resolution_update",
        incident_id=iid,
        post={"text": "Is it working now?"},
    )
    assert (
        client.post(
            f"/v1/drafts/{resolution['id']}/approve", headers=reviewer, json={"reason": "ok"}
        ).status_code
        == 200
    )
    client.post(
        "/v1/mentions",
        headers=agent,
        json={
            "brand": "demo",
            "channel": "x",
            "text": "Checkout works again, thanks for the updates!",
        },
    )
    assert client.get("/v1/brands/demo/status", headers=agent).json()["crisis_mode"] is False

    # The post-incident review.
    report = client.get(f"/v1/incidents/{iid}/review", headers=agent).json()
    kinds = [e["kind"] for e in report["timeline"]]
    assert kinds[0] == "alert" and kinds.count("facts") == 3 and kinds.count("update") == 3
    assert kinds.count("crisis_mode") == 2
    assert [u["kind"] for u in report["updates"]] == [
        "holding_statement",
        "status_update",
        "resolution_update",
    ]
    assert report["updates"][0]["on_time"] is True
    phases = {p["phase"]: p for p in report["sentiment"]}
    assert set(phases) == {"before", "during", "after"}
    assert phases["before"]["negative"] >= 12 and phases["after"]["total"] >= 1
    change = next(c for c in report["changes"] if c["draft_id"] == update["id"])
    assert change["reason"] == "clearer: we have found" and change["word_edits"] >= 1
    assert report["decisions"]["approved"] == 3 and report["decisions"]["edit_rate"] > 0
    markdown = client.get(
        f"/v1/incidents/{iid}/review", headers=agent, params={"format": "markdown"}
    )
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert (
        "## What reviewers changed and why" in markdown.text
        and "clearer: we have found" in markdown.text
    )
    html = client.get(f"/v1/incidents/{iid}/review", headers=agent, params={"format": "html"})
    assert html.text.count("<svg") >= 3 and "<script" not in html.text
    assert "default-src 'none'" in html.headers["content-security-policy"]

    # KPIs for the incident.
    kpis = client.get("/v1/kpis", headers=agent, params={"incident": iid}).json()
    assert kpis["decisions"]["approved"] == 3 and kpis["volume"]["drafts"] == 4
    assert kpis["approval"]["share_within_target"] == 1.0

    # Lessons flow back into the brand's guidelines, where retrieval finds them.
    response = client.put(
        f"/v1/incidents/{iid}/lessons",
        headers=lead,
        json={
            "text": "- Post the checkout status page link in the first holding statement.\n"
            "- Ask the payments team for facts before the first update is due."
        },
    )
    assert response.status_code == 200, response.text
    saved = response.json()
    assert saved["path"] == f"guidelines/lessons-{iid}.md" and saved["chunks_added"] >= 1
    hits = search(
        "demo",
        "checkout status page link in the first holding statement",
        k=4,
        kinds=["guideline"],
        settings=app_settings,
    )
    assert any(h.metadata.get("path") == saved["path"] for h in hits)
    assert "Lessons saved" in [
        e["title"]
        for e in client.get(f"/v1/incidents/{iid}/review", headers=agent).json()["timeline"]
    ]
