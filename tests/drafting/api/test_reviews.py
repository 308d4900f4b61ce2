"""The approval workflow over HTTP, on SQLite and PostgreSQL: transitions, races, idempotency,
edits, overrides and the flow of approved replies back into the knowledge base."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient

from drafting.api.main import create_app
from drafting.storage.repository import Storage
from tests.conftest import bearer

POST = "My order VD-1234567 is two weeks late and nobody answers my emails."


@pytest.fixture
def app_settings(demo_copy: Any, database_url: str) -> Any:
    # A private copy of the knowledge base: approvals here flow back into it.
    return demo_copy.model_copy(update={"database_url": database_url})


@pytest.fixture
def keys(app_settings: Any) -> dict[str, str]:
    storage = Storage(app_settings.resolved_database_url)
    return {
        role: storage.create_key(name=f"{role} one", role=role, brands=["demo"])[0]
        for role in ("agent", "reviewer", "lead", "admin")
    }


@pytest.fixture
def client(app_settings: Any) -> Iterator[TestClient]:
    with TestClient(create_app(app_settings)) as c:
        yield c


def new_draft(client: TestClient, key: str, text: str = POST, **extra: Any) -> dict[str, Any]:
    response = client.post(
        "/v1/drafts",
        headers=bearer(key),
        json={
            "brand": "demo",
            "channel": "facebook",
            "post": {"text": text, "author": "@gio"},
            **extra,
        },
    )
    assert response.status_code == 201, response.text
    return response.json()


def act(client: TestClient, key: str, draft_id: str, action: str, **body: Any) -> Any:
    return client.post(f"/v1/drafts/{draft_id}/{action}", headers=bearer(key), json=body)


def in_state(client: TestClient, keys: dict[str, str], state: str) -> dict[str, Any]:
    draft = new_draft(client, keys["agent"])
    steps = {
        "pending_review": [],
        "approved": [("approve", {})],
        "rejected": [("reject", {"reason": "off-voice"})],
        "changes_requested": [("request-changes", {"reason": "shorter"})],
        "sent": [("approve", {}), ("sent", {"external_post_id": "fb-1"})],
    }[state]
    for action, body in steps:
        key = keys["agent"] if action == "sent" else keys["lead"]
        response = (
            act(
                client,
                key,
                draft["id"],
                action,
                reason=body.get("reason", "ok"),
                **{k: v for k, v in body.items() if k != "reason"},
            )
            if action != "sent"
            else act(client, key, draft["id"], action, **body)
        )
        assert response.status_code == 200, response.text
    return draft


ALLOWED = {
    ("pending_review", "approve"),
    ("pending_review", "reject"),
    ("pending_review", "request-changes"),
    ("changes_requested", "resubmit"),
    ("approved", "sent"),
}


@pytest.mark.parametrize(
    "state", ["pending_review", "approved", "rejected", "changes_requested", "sent"]
)
def test_transition_table(client: TestClient, keys: dict[str, str], state: str) -> None:
    for action in ("approve", "reject", "request-changes", "resubmit", "sent"):
        draft = in_state(client, keys, state)
        body = {"external_post_id": "x-1"} if action == "sent" else {"reason": "because"}
        if action == "resubmit":
            body["text"] = "@gio We're sorry for the wait. Please send us a DM. ^Team Verdello"
        response = act(client, keys["lead"], draft["id"], action, **body)
        if (state, action) in ALLOWED:
            assert response.status_code == 200, (state, action, response.text)
        else:
            assert response.status_code == 409, (state, action, response.text)
            assert response.json()["current_status"] == state


def test_parallel_approvals_exactly_one_wins(client: TestClient, keys: dict[str, str]) -> None:
    draft = new_draft(client, keys["agent"])

    def approve(_: int) -> int:
        return act(
            client, keys["lead"], draft["id"], "approve", expected_version=1, reason="fine"
        ).status_code

    with ThreadPoolExecutor(max_workers=12) as pool:
        codes = list(pool.map(approve, range(24)))
    assert codes.count(200) == 1, codes
    assert codes.count(409) == 23, codes
    history = client.get(f"/v1/drafts/{draft['id']}/history", headers=bearer(keys["lead"])).json()
    assert [d["action"] for d in history["decisions"]] == ["approve"]


def test_stale_version_gets_409_with_current_state(
    client: TestClient, keys: dict[str, str]
) -> None:
    draft = new_draft(client, keys["agent"])
    assert (
        act(
            client,
            keys["reviewer"],
            draft["id"],
            "request-changes",
            expected_version=1,
            reason="too long",
        ).status_code
        == 200
    )
    late = act(client, keys["lead"], draft["id"], "approve", expected_version=1, reason="x")
    assert late.status_code == 409
    assert late.json()["current_status"] == "changes_requested"
    assert late.json()["current_version"] == 2


def test_idempotency_key_never_creates_a_second_draft_or_decision(
    client: TestClient, keys: dict[str, str], app_settings: Any
) -> None:
    headers = {**bearer(keys["agent"]), "Idempotency-Key": "req-42"}
    body = {"brand": "demo", "channel": "x", "post": {"text": POST}}
    first = client.post("/v1/drafts", headers=headers, json=body)
    again = client.post("/v1/drafts", headers=headers, json=body)
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    assert again.headers.get("idempotent-replay") == "true"
    other = client.post("/v1/drafts", headers=headers, json={**body, "channel": "facebook"})
    assert other.status_code == 409
    decision = {**bearer(keys["lead"]), "Idempotency-Key": "dec-1"}
    draft_id = first.json()["id"]
    one = client.post(f"/v1/drafts/{draft_id}/approve", headers=decision, json={"reason": "ok"})
    two = client.post(f"/v1/drafts/{draft_id}/approve", headers=decision, json={"reason": "ok"})
    assert one.status_code == two.status_code == 200
    history = client.get(f"/v1/drafts/{draft_id}/history", headers=bearer(keys["lead"])).json()
    assert len(history["decisions"]) == 1
    queue = client.get(
        "/v1/queue", headers=bearer(keys["lead"]), params={"status": ["pending_review", "approved"]}
    ).json()
    assert sum(1 for d in queue["data"] if d["post"]["text"] == POST and d["channel"] == "x") == 1


def test_edit_and_approve_rechecks_and_stores_the_diff(
    client: TestClient, keys: dict[str, str]
) -> None:
    draft = new_draft(client, keys["agent"])
    edited = (
        "@gio We're sorry your order is late. Please send us a DM so we can check it "
        "for you. ^Team Verdello"
    )
    response = act(client, keys["reviewer"], draft["id"], "approve", text=edited, reason="ok")
    if response.status_code == 403:  # the edit still needs an override: a lead may give it
        response = act(
            client, keys["lead"], draft["id"], "approve", text=edited, reason="reviewed by the lead"
        )
    assert response.status_code == 200, response.text
    approved = response.json()
    assert approved["status"] == "approved"
    assert approved["review"]["approved_text"] == edited
    history = client.get(f"/v1/drafts/{draft['id']}/history", headers=bearer(keys["lead"])).json()
    assert history["versions"][-1]["origin"] == "edit"
    assert history["decisions"][0]["diff"].startswith("--- draft")


def test_blocking_failure_needs_a_lead_and_a_reason(
    client: TestClient, keys: dict[str, str]
) -> None:
    draft = new_draft(client, keys["agent"])
    bad = "@gio Sorry if you feel let down, but the courier lost it!! ^Team Verdello"
    assert act(client, keys["reviewer"], draft["id"], "approve", text=bad).status_code in (403, 409)
    no_reason = act(client, keys["lead"], draft["id"], "approve", text=bad)
    assert no_reason.status_code in (409, 422)
    if no_reason.status_code == 422:  # overridable: the lead may, with a reason, and it is audited
        ok = act(client, keys["lead"], draft["id"], "approve", text=bad, reason="legal cleared it")
        assert ok.status_code == 200 and ok.json()["review"]["override"] is True
        audit = client.get(
            "/v1/audit", headers=bearer(keys["lead"]), params={"draft": draft["id"]}
        ).json()
        assert any(row["after"].get("override") for row in audit["data"])


def test_reject_and_request_changes_need_a_reason(client: TestClient, keys: dict[str, str]) -> None:
    draft = new_draft(client, keys["agent"])
    for action in ("reject", "request-changes"):
        response = act(client, keys["reviewer"], draft["id"], action)
        assert response.status_code == 422 and "reason" in response.json()["detail"]


def test_audit_log_records_every_action(client: TestClient, keys: dict[str, str]) -> None:
    draft = in_state(client, keys, "sent")
    rows = client.get(
        "/v1/audit", headers=bearer(keys["lead"]), params={"draft": draft["id"]}
    ).json()["data"]
    actions = [r["action"] for r in reversed(rows)]
    assert [a for a in actions if a.startswith("draft.")] == [
        "draft.created",
        "draft.approve",
        "draft.mark_sent",
    ]
    assert "knowledge.approved_reply_added" in actions
    assert all(r["actor"] and r["at"] for r in rows)
    approve = next(r for r in rows if r["action"] == "draft.approve")
    assert approve["before"]["status"] == "pending_review"
    assert approve["after"]["status"] == "approved"
    assert client.get("/v1/audit", headers=bearer(keys["reviewer"])).status_code == 403


def test_queue_puts_overdue_and_severe_first(
    client: TestClient, keys: dict[str, str], app_settings: Any
) -> None:
    from datetime import timedelta

    from sqlalchemy import update

    from drafting.storage.tables import PostRow

    calm = new_draft(client, keys["agent"], "Quick question: do you ship to Malta?")
    old = new_draft(client, keys["agent"], "Still waiting for my refund, third week now.")
    storage = Storage(app_settings.resolved_database_url)
    with storage.sessions.begin() as s:
        s.execute(
            update(PostRow)
            .where(PostRow.id == "p_" + old["id"][2:])
            .values(received_at=storage_now() - timedelta(hours=2))
        )
    queue = client.get("/v1/queue", headers=bearer(keys["reviewer"])).json()["data"]
    ids = [d["id"] for d in queue]
    assert ids.index(old["id"]) < ids.index(calm["id"])
    assert queue[ids.index(old["id"])]["review"]["overdue"] is True


def storage_now() -> Any:
    from drafting.storage.repository import utcnow

    return utcnow()


def test_agent_proposes_an_edit_then_a_reviewer_approves_it(
    client: TestClient, keys: dict[str, str]
) -> None:
    draft = new_draft(client, keys["agent"])
    edited = "@gio We're sorry your order is late. Please send us a DM. ^Team Verdello"
    proposed = act(client, keys["agent"], draft["id"], "propose", text=edited, expected_version=1)
    assert proposed.status_code == 200, proposed.text
    body = proposed.json()
    assert body["status"] == "pending_review" and body["text"] == edited
    assert body["review"]["version"] == 2 and body["checks"]["findings"] is not None
    assert act(client, keys["agent"], draft["id"], "approve").status_code == 403
    approved = act(client, keys["reviewer"], draft["id"], "approve", expected_version=2)
    if approved.status_code == 403:  # needs an override after all: a lead gives it
        approved = act(
            client, keys["lead"], draft["id"], "approve", expected_version=2, reason="fine"
        )
    assert approved.status_code == 200, approved.text
    assert approved.json()["review"]["approved_text"] == edited
