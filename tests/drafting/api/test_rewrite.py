"""Rewrite actions over HTTP, on SQLite and PostgreSQL: a draft's rewrite is re-checked and kept
as a new version (optimistic concurrency, audit, history); any text can be rewritten; what
needs a model says so."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from drafting.api.main import create_app
from drafting.storage.repository import Storage
from tests.conftest import bearer

POST = "My parcel is two weeks late and nobody answers my emails. Really annoyed."
LONG = (
    "@gio We're so sorry your parcel is late. We know how frustrating it is to wait for "
    "something you were looking forward to, especially when the tracking page says nothing "
    "useful at all. We'll check where your parcel is straight away. Could you send us a DM "
    "with your order number? ^Team Verdello"
)


@pytest.fixture
def app_settings(demo_settings: Any, database_url: str) -> Any:
    return demo_settings.model_copy(update={"database_url": database_url})


@pytest.fixture
def keys(app_settings: Any) -> dict[str, str]:
    storage = Storage(app_settings.resolved_database_url)
    return {
        role: storage.create_key(name=f"{role} one", role=role, brands=["demo"])[0]
        for role in ("agent", "reviewer", "lead")
    }


@pytest.fixture
def client(app_settings: Any) -> Iterator[TestClient]:
    with TestClient(create_app(app_settings)) as c:
        yield c


def new_draft(client: TestClient, key: str) -> dict[str, Any]:
    response = client.post(
        "/v1/drafts",
        headers=bearer(key),
        json={
            "brand": "demo",
            "channel": "x",
            "kind": "apology",
            "post": {"text": POST, "author": "@gio"},
        },
    )
    assert response.status_code == 201, response.text
    return response.json()


def rewrite(client: TestClient, key: str, draft_id: str, **body: Any) -> Any:
    return client.post(f"/v1/drafts/{draft_id}/rewrite", headers=bearer(key), json=body)


def test_a_rewrite_is_a_new_rechecked_version(client: TestClient, keys: dict[str, str]) -> None:
    draft = new_draft(client, keys["agent"])
    # The agent edited the text in the compose box, then asks for it shorter.
    response = rewrite(
        client, keys["agent"], draft["id"], action="shorter", text=LONG, expected_version=1
    )
    assert response.status_code == 200, response.text
    out = response.json()
    assert out["changed"] and out["offline"] and out["model"] == "crisisdraft/composer"
    assert len(out["text"]) <= 280 and "frustrating" not in out["text"]
    assert out["verdict"] == out["checks"]["verdict"] == out["draft"]["verdict"]
    assert out["draft"]["text"] == out["text"]
    assert out["draft"]["review"]["version"] == 2
    history = client.get(f"/v1/drafts/{draft['id']}/history", headers=bearer(keys["agent"]))
    versions = history.json()["versions"]
    assert [(v["origin"], v["action"]) for v in versions][-1] == ("rewrite", "shorter")
    assert versions[-1]["text"] == out["text"]
    audit = client.get(
        "/v1/audit", params={"draft_id": draft["id"]}, headers=bearer(keys["lead"])
    ).json()
    rows = audit["data"] if isinstance(audit, dict) else audit
    assert any(r["action"] == "draft.rewrite" for r in rows)
    # The version the agent saw is gone: 409 with the current one.
    stale = rewrite(client, keys["agent"], draft["id"], action="warmer", expected_version=1)
    assert stale.status_code == 409
    assert stale.json()["current_version"] == 2


def test_nothing_is_stored_when_nothing_changes(client: TestClient, keys: dict[str, str]) -> None:
    draft = new_draft(client, keys["agent"])
    text = "@gio Sorry about that. We'll check it straight away. ^Team Verdello"
    first = rewrite(client, keys["agent"], draft["id"], action="more_formal", text=text)
    assert first.status_code == 200
    version = first.json()["draft"]["review"]["version"]
    again = rewrite(client, keys["agent"], draft["id"], action="add_next_step")
    assert again.status_code == 200
    assert not again.json()["changed"]
    assert again.json()["notes"] == ["the text already says what happens next"]
    assert again.json()["draft"]["review"]["version"] == version


def test_decided_drafts_cannot_be_rewritten(client: TestClient, keys: dict[str, str]) -> None:
    draft = new_draft(client, keys["agent"])
    rejected = client.post(
        f"/v1/drafts/{draft['id']}/reject", headers=bearer(keys["lead"]), json={"reason": "no"}
    )
    assert rejected.status_code == 200
    response = rewrite(client, keys["agent"], draft["id"], action="shorter")
    assert response.status_code == 409
    assert "POST /v1/rewrite" in response.json()["fix"]


def test_changes_requested_drafts_can_be_rewritten_and_resubmitted(
    client: TestClient, keys: dict[str, str]
) -> None:
    draft = new_draft(client, keys["agent"])
    asked = client.post(
        f"/v1/drafts/{draft['id']}/request-changes",
        headers=bearer(keys["reviewer"]),
        json={"reason": "more formal please"},
    )
    assert asked.status_code == 200
    out = rewrite(
        client,
        keys["agent"],
        draft["id"],
        action="more_formal",
        text="@gio We're sorry! We'll DM you. ^Team Verdello",
    ).json()
    assert out["draft"]["status"] == "changes_requested"
    assert out["text"] == "@gio We are sorry. We will direct message you. ^Team Verdello"
    resubmitted = client.post(
        f"/v1/drafts/{draft['id']}/resubmit",
        headers=bearer(keys["agent"]),
        json={"text": out["text"], "expected_version": out["draft"]["review"]["version"]},
    )
    assert resubmitted.status_code == 200, resubmitted.text
    assert resubmitted.json()["status"] == "pending_review"


def test_translate_needs_a_model_and_the_actions_list_says_so(
    client: TestClient, keys: dict[str, str]
) -> None:
    draft = new_draft(client, keys["agent"])
    response = rewrite(client, keys["agent"], draft["id"], action="translate")
    assert response.status_code == 422
    problem = response.json()
    assert problem["type"].endswith("/model-required")
    assert "CRISISDRAFT_DRAFT_MODEL" in problem["fix"]
    listing = client.get("/v1/rewrite/actions", headers=bearer(keys["agent"])).json()
    assert listing["model"] == "crisisdraft/composer"
    by_id = {a["id"]: a for a in listing["actions"]}
    assert set(by_id) == {
        "shorter",
        "warmer",
        "more_formal",
        "simpler",
        "translate",
        "add_next_step",
    }
    assert (
        not by_id["translate"]["available"]
        and "needs a language model" in by_id["translate"]["reason"]
    )
    assert all(a["available"] for k, a in by_id.items() if k != "translate")
    with_model = client.get(
        "/v1/rewrite/actions", params={"model": "openai/gpt-4o-mini"}, headers=bearer(keys["agent"])
    ).json()
    assert all(a["available"] for a in with_model["actions"])


def test_rewrite_any_text(client: TestClient, keys: dict[str, str]) -> None:
    response = client.post(
        "/v1/rewrite",
        headers=bearer(keys["agent"]),
        json={
            "brand": "demo",
            "channel": "email",
            "text": "Ciao, scrivici e controlliamo subito il tuo ordine! ^Il team Verdello",
            "action": "more_formal",
        },
    )
    assert response.status_code == 200, response.text
    out = response.json()
    assert out["text"] == (
        "Buongiorno, ci scriva e controlliamo subito il Suo ordine. ^Il team Verdello"
    )
    assert out["language"] == "it" and out["draft"] is None
    bad = client.post(
        "/v1/rewrite",
        headers=bearer(keys["agent"]),
        json={"brand": "demo", "channel": "x", "text": "We're sorry.", "action": "translate"},
    )
    assert bad.status_code == 422
    assert "language" in bad.json()["fix"]
    unknown = client.post(
        "/v1/rewrite",
        headers=bearer(keys["agent"]),
        json={"brand": "demo", "channel": "x", "text": "Sorry.", "action": "funnier"},
    )
    assert unknown.status_code == 422
