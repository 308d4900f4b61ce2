"""Brand packs over HTTP: JSON and multipart uploads, refusals that change nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from drafting.api.main import create_app
from tests.conftest import DEMO_PACK, bearer


def pack_files(root: Path = DEMO_PACK) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


@pytest.fixture
def client(fresh_settings: Any) -> Any:
    from drafting.storage.repository import Storage

    key, _ = Storage(fresh_settings.resolved_database_url).create_key(
        name="lead", role="lead", brands=["demo"]
    )
    with TestClient(create_app(fresh_settings), headers=bearer(key)) as c:
        yield c


def test_health_and_openapi_are_open(fresh_settings: Any) -> None:
    client = TestClient(create_app(fresh_settings))
    assert client.get("/health").json()["status"] == "ok"
    assert client.get("/v1/brands").status_code == 401
    doc = client.get("/openapi.json").json()
    assert "/v1/drafts" in doc["paths"] and "/v1/brands/{brand_id}" in doc["paths"]


def test_put_json_then_list_and_search(client: TestClient) -> None:
    response = client.put("/v1/brands/demo", json={"files": pack_files()})
    assert response.status_code == 200, response.text
    assert response.json()["changed"] is True
    brands = client.get("/v1/brands").json()
    assert brands["count"] == 1 and brands["data"][0]["brand"]["id"] == "demo"
    hits = client.get(
        "/v1/brands/demo/knowledge/search",
        params={"q": "my parcel is late", "source": "approved_reply", "k": 5},
    ).json()
    assert hits["count"] == 5
    assert all(h["source"] == "approved_reply" for h in hits["data"])
    ranks = [h["rank"] for h in hits["data"]]
    assert ranks == sorted(ranks)


def test_put_multipart(client: TestClient) -> None:
    files = [(name, (name.split("/")[-1], text.encode())) for name, text in pack_files().items()]
    response = client.put("/v1/brands/demo", files=files)
    assert response.status_code == 200, response.text


def test_bad_pack_is_refused_with_file_line_field(client: TestClient) -> None:
    assert client.put("/v1/brands/demo", json={"files": pack_files()}).status_code == 200
    before = client.get("/v1/brands/demo").json()["content_hash"]
    files = pack_files()
    files["approved_replies.jsonl"] += '{"id": "x", "post": {"text": "hi", "channel": "fax"}}\n'
    response = client.put("/v1/brands/demo", json={"files": files})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["type"].endswith("/invalid-brand-pack")
    assert any(
        e["file"] == "approved_replies.jsonl" and e["line"] and e["field"] for e in body["errors"]
    )
    assert client.get("/v1/brands/demo").json()["content_hash"] == before


def test_pack_for_another_id_and_bad_names_are_refused(client: TestClient) -> None:
    # A brand outside the key's scope is not found; inside it, a mismatched id is refused.
    assert client.put("/v1/brands/other", json={"files": pack_files()}).status_code == 404
    files = pack_files()
    files["../../etc/passwd.md"] = "# nope"
    response = client.put("/v1/brands/demo", json={"files": files})
    assert response.status_code == 422 and "not an allowed file name" in response.text


def test_unknown_brand_is_a_404_problem(client: TestClient) -> None:
    response = client.get("/v1/brands/nope/knowledge/search", params={"q": "x"})
    assert response.status_code == 404
    assert "fix" in response.json()
