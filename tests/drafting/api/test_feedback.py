"""Agent feedback, adoption events and analytics over HTTP: votes are validated, stored and
audited; the adoption figures follow from what happened to each draft; Prometheus and the
export carry them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from drafting.api.main import create_app
from drafting.storage.repository import Storage
from tests.conftest import bearer

POSTS = [
    "My parcel is two weeks late and nobody answers.",
    "The frying pan arrived with a dent in it.",
    "I was charged twice for the same order.",
    "Where is my refund? It's been ten days.",
]


@pytest.fixture
def app_settings(demo_copy: Any, database_url: str) -> Any:
    # A private knowledge base: approvals flow back into it.
    return demo_copy.model_copy(update={"database_url": database_url})


@pytest.fixture
def keys(app_settings: Any) -> dict[str, str]:
    storage = Storage(app_settings.resolved_database_url)
    return {
        name: storage.create_key(name=name, role=role, brands=["demo"])[0]
        for name, role in (("Ada", "agent"), ("Bo", "agent"), ("Lea", "lead"))
    }


@pytest.fixture
def client(app_settings: Any) -> Iterator[TestClient]:
    with TestClient(create_app(app_settings)) as c:
        yield c


def draft(client: TestClient, key: str, text: str) -> dict[str, Any]:
    response = client.post(
        "/v1/drafts",
        headers=bearer(key),
        json={"brand": "demo", "channel": "facebook", "post": {"text": text, "author": "@cy"}},
    )
    assert response.status_code == 201, response.text
    return response.json()


def post(client: TestClient, key: str, path: str, **body: Any) -> Any:
    return client.post(path, headers=bearer(key), json=body)


def test_votes_are_validated_stored_and_audited(client: TestClient, keys: dict[str, str]) -> None:
    d = draft(client, keys["Ada"], POSTS[0])
    path = f"/v1/drafts/{d['id']}/feedback"
    no_reason = post(client, keys["Ada"], path, vote="down")
    assert no_reason.status_code == 422 and "reason" in no_reason.json()["fix"]
    other = post(client, keys["Ada"], path, vote="down", reason="other")
    assert other.status_code == 422 and "comment" in other.json()["detail"]
    future = post(client, keys["Ada"], path, vote="up", version=9)
    assert future.status_code == 422
    down = post(client, keys["Ada"], path, vote="down", reason="wrong_tone", comment=" too cold ")
    assert down.status_code == 201, down.text
    body = down.json()
    assert (body["vote"], body["reason"], body["comment"], body["version"]) == (
        "down",
        "wrong_tone",
        "too cold",
        1,
    )
    assert body["actor"].startswith("Ada (agent")
    listed = client.get("/v1/feedback", params={"vote": "down"}, headers=bearer(keys["Lea"]))
    assert [f["id"] for f in listed.json()["data"]] == [body["id"]]
    audit = client.get("/v1/audit", params={"draft_id": d["id"]}, headers=bearer(keys["Lea"]))
    rows = audit.json()["data"] if isinstance(audit.json(), dict) else audit.json()
    fb = [r for r in rows if r["action"] == "draft.feedback"]
    assert fb and fb[0]["after"]["reason"] == "wrong_tone"
    missing = post(client, keys["Ada"], "/v1/drafts/d_nope/feedback", vote="up")
    assert missing.status_code == 404


def test_adoption_figures(client: TestClient, keys: dict[str, str]) -> None:
    ada, bo, lea = keys["Ada"], keys["Bo"], keys["Lea"]
    as_is = draft(client, ada, POSTS[0])
    edited = draft(client, ada, POSTS[1])
    rejected = draft(client, bo, POSTS[2])
    ignored = draft(client, bo, POSTS[3])
    for d in (as_is, edited, rejected, ignored):
        assert post(client, ada, f"/v1/drafts/{d['id']}/events", event="shown").status_code == 201
    post(client, ada, f"/v1/drafts/{as_is['id']}/events", event="inserted", surface="extension")
    assert post(client, lea, f"/v1/drafts/{as_is['id']}/approve").status_code == 200
    new_text = edited["text"].replace("^Team Verdello", "We'll sort it out. ^Team Verdello")
    approved = post(client, lea, f"/v1/drafts/{edited['id']}/approve", text=new_text, reason="ok")
    assert approved.status_code == 200, approved.text
    post(client, lea, f"/v1/drafts/{rejected['id']}/reject", reason="wrong facts")
    post(client, bo, f"/v1/drafts/{rejected['id']}/feedback", vote="down", reason="wrong_facts")
    post(client, ada, f"/v1/drafts/{as_is['id']}/feedback", vote="up")
    bad_event = post(client, ada, f"/v1/drafts/{as_is['id']}/events", event="posted")
    assert bad_event.status_code == 422

    report = client.get("/v1/adoption", headers=bearer(lea)).json()
    total = report["total"]
    assert report["targets"] == {"insertion_rate": 0.4, "edit_rate": 0.3}
    assert (total["drafts"], total["shown"], total["inserted"]) == (4, 4, 2)
    assert (total["sent_as_is"], total["edited"], total["rejected"]) == (1, 1, 1)
    assert (total["down_voted"], total["up_voted"]) == (1, 1)
    assert total["insertion_rate"] == 0.5 and total["edit_rate"] == 0.5
    assert total["mean_edit_distance"] == 7  # We ' ll sort it out . (words and marks)
    assert total["down_reasons"] == {"wrong_facts": 1}
    assert 4.0 < total["minutes_saved"] < 8.0
    by_agent = client.get("/v1/adoption", params={"group_by": "agent"}, headers=bearer(lea))
    groups = {g["key"]: g for g in by_agent.json()["groups"]}
    assert set(groups) == {"Ada", "Bo"}
    assert (groups["Ada"]["inserted"], groups["Bo"]["rejected"]) == (2, 1)
    by_model = client.get("/v1/adoption", params={"group_by": "model"}, headers=bearer(lea))
    assert [g["key"] for g in by_model.json()["groups"]] == ["crisisdraft/composer"]

    metrics = client.get("/metrics", headers=bearer(lea)).text
    assert 'crisisdraft_draft_events_total{brand="demo",event="shown"} 4' in metrics
    assert 'crisisdraft_feedback_total{brand="demo",vote="down",reason="wrong_facts"} 1' in metrics
    assert 'crisisdraft_adoption_ratio_24h{brand="demo",ratio="insertion"} 0.5' in metrics

    export = client.get("/v1/drafts/export", headers=bearer(lea))
    assert export.headers["content-type"].startswith("application/x-ndjson")
    import json

    records = {r["id"]: r for r in map(json.loads, export.text.splitlines())}
    assert set(records) == {as_is["id"], edited["id"], rejected["id"], ignored["id"]}
    label = records[as_is["id"]]["disclosure"]
    assert label["ai_assisted"] is True and "crisisdraft/composer" in label["label"]
    assert records[edited["id"]]["edited_by_person"] is True
    assert records[as_is["id"]]["edited_by_person"] is False
