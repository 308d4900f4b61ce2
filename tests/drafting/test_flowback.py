"""Approved replies flow back into the knowledge base (and the next similar draft cites them);
rejected drafts never do."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from drafting.api.main import create_app
from drafting.storage.repository import Storage
from knowledge.retrieval import search
from tests.conftest import bearer

POST = "The blender I bought last month makes a burning smell and the motor stopped."
SIMILAR = "My blender from you smells like burning plastic and the motor died."


def test_approved_reply_is_cited_by_the_next_similar_draft(demo_copy: Any) -> None:
    storage = Storage(demo_copy.resolved_database_url)
    key, _ = storage.create_key(name="lead", role="lead", brands=["demo"])
    with TestClient(create_app(demo_copy), headers=bearer(key)) as client:
        first = client.post(
            "/v1/drafts",
            json={"brand": "demo", "channel": "instagram", "post": {"text": POST, "author": "@lu"}},
        ).json()
        approved_text = (
            "@lu We're sorry your blender stopped working. Please unplug it and "
            "send us a DM so we can arrange a replacement. ^Team Verdello"
        )
        response = client.post(
            f"/v1/drafts/{first['id']}/approve", json={"text": approved_text, "reason": "reviewed"}
        )
        assert response.status_code == 200, response.text
        hits = search("demo", SIMILAR, k=8, kinds=["approved_reply"], settings=demo_copy)
        mine = [h for h in hits if h.metadata.get("draft_id") == first["id"]]
        assert mine, [h.id for h in hits]
        assert mine[0].metadata["reply"] == approved_text
        assert mine[0].metadata["approved_by"].startswith("lead")
        second = client.post(
            "/v1/drafts", json={"brand": "demo", "channel": "instagram", "post": {"text": SIMILAR}}
        ).json()
        assert any(s["snippet"] == approved_text[:240] for s in second["sources"])
        audit = client.get("/v1/audit", params={"draft": first["id"]}).json()["data"]
        assert any(r["action"] == "knowledge.approved_reply_added" for r in audit)


def test_rejected_drafts_never_flow_back(demo_copy: Any) -> None:
    storage = Storage(demo_copy.resolved_database_url)
    key, _ = storage.create_key(name="lead", role="lead", brands=["demo"])
    with TestClient(create_app(demo_copy), headers=bearer(key)) as client:
        draft = client.post(
            "/v1/drafts", json={"brand": "demo", "channel": "x", "post": {"text": POST}}
        ).json()
        assert (
            client.post(
                f"/v1/drafts/{draft['id']}/reject", json={"reason": "off-voice"}
            ).status_code
            == 200
        )
    hits = search("demo", POST, k=20, kinds=["approved_reply"], settings=demo_copy)
    assert all(h.metadata.get("draft_id") != draft["id"] for h in hits)


def test_reloading_the_pack_keeps_replies_approved_in_review(demo_copy: Any) -> None:
    from knowledge.registry import BrandRegistry
    from tests.conftest import DEMO_PACK

    storage = Storage(demo_copy.resolved_database_url)
    key, _ = storage.create_key(name="lead", role="lead", brands=["demo"])
    with TestClient(create_app(demo_copy), headers=bearer(key)) as client:
        draft = client.post(
            "/v1/drafts", json={"brand": "demo", "channel": "x", "post": {"text": POST}}
        ).json()
        assert (
            client.post(f"/v1/drafts/{draft['id']}/approve", json={"reason": "fine"}).status_code
            == 200
        )
    BrandRegistry(demo_copy).load_dir(DEMO_PACK)  # re-syncs the pack's own items
    hits = search("demo", POST, k=20, kinds=["approved_reply"], settings=demo_copy)
    assert any(h.metadata.get("draft_id") == draft["id"] for h in hits)
