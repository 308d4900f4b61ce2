"""Mentions from a listening tool: API keys or HMAC-signed bodies, bad input refused whole."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from drafting.api.main import create_app
from drafting.incidents.signing import HEADER, sign
from drafting.storage.repository import Storage
from tests.conftest import bearer

SECRET = "listening-secret"


@pytest.fixture(scope="module")
def world(demo_settings: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    settings = demo_settings.model_copy(
        update={
            "database_url": f"sqlite:///{tmp_path_factory.mktemp('mentions') / 'db.sqlite'}",
            "mentions_secret": SECRET,
            "max_mentions_batch": 3,
        }
    )
    storage = Storage(settings.resolved_database_url)
    keys = {
        "agent": storage.create_key(name="agent", role="agent", brands=["demo"])[0],
        "other": storage.create_key(name="other", role="agent", brands=["other"])[0],
    }
    with TestClient(create_app(settings)) as client:
        yield {"client": client, "keys": keys, "settings": settings}


def send(
    client: TestClient,
    payload: Any,
    *,
    secret: str = SECRET,
    timestamp: int | None = None,
    tamper: bool = False,
    path: str = "/v1/mentions",
) -> Any:
    body = json.dumps(payload).encode()
    header = sign(secret, body, timestamp=timestamp)
    if tamper:
        body = body.replace(b"awful", b"great")
    return client.post(
        path, content=body, headers={"Content-Type": "application/json", HEADER: header}
    )


def count(world: dict[str, Any]) -> int:
    return int(
        world["client"]
        .get("/v1/mentions", headers=bearer(world["keys"]["agent"]), params={"brand": "demo"})
        .json()["count"]
    )


MENTION = {
    "brand": "demo",
    "channel": "instagram",
    "text": "Your app is awful, it crashed again and I lost my order.",
    "author": "@lu",
    "external_id": "ig-1",
}


def test_signed_mention_is_triaged_and_stored_once(world: dict[str, Any]) -> None:
    response = send(world["client"], MENTION)
    assert response.status_code == 201, response.text
    stored = response.json()["data"][0]
    assert stored["source"] == "signed" and stored["sentiment"] == "negative"
    assert stored["triage"]["category"] and stored["posted_at"]
    again = send(world["client"], MENTION).json()
    assert again["duplicates"] == 1 and again["data"][0]["id"] == stored["id"]


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("tampered", "does not match"),
        ("wrong secret", "does not match"),
        ("replayed", "s old"),
        ("unsigned", "needs an API key or a signed body"),
    ],
)
def test_bad_signatures_are_refused_and_store_nothing(
    world: dict[str, Any], kind: str, message: str
) -> None:
    before = count(world)
    body = {**MENTION, "external_id": f"bad-{kind}"}
    client = world["client"]
    response = {
        "tampered": lambda: send(client, body, tamper=True),
        "wrong secret": lambda: send(client, body, secret="guess"),
        "replayed": lambda: send(client, body, timestamp=int(time.time()) - 3600),
        "unsigned": lambda: client.post("/v1/mentions", json=body),
    }[kind]()
    assert response.status_code == 401, response.text
    problem = response.json()
    assert message in problem["detail"] and problem["fix"]
    assert count(world) == before


def test_signed_requests_need_the_server_secret(demo_settings: Any, tmp_path: Any) -> None:
    settings = demo_settings.model_copy(update={"database_url": f"sqlite:///{tmp_path / 'x.db'}"})
    with TestClient(create_app(settings)) as client:
        response = send(client, MENTION)
    assert response.status_code == 401 and "not configured" in response.json()["fix"]


def test_bad_input_is_refused_whole(world: dict[str, Any]) -> None:
    client, agent = world["client"], bearer(world["keys"]["agent"])
    before = count(world)
    missing = client.post("/v1/mentions", headers=agent, json={"brand": "demo", "channel": "x"})
    assert missing.status_code == 422 and missing.json()["errors"][0]["field"] == "text"
    naive = client.post(
        "/v1/mentions",
        headers=agent,
        json={**MENTION, "external_id": "n-1", "posted_at": "2026-11-26T10:00:00"},
    )
    assert naive.status_code == 422 and "time zone" in naive.text
    too_many = client.post(
        "/v1/mentions/batch",
        headers=agent,
        json={"mentions": [{**MENTION, "external_id": f"b-{i}"} for i in range(4)]},
    )
    assert too_many.status_code == 422 and "limit is 3" in too_many.json()["detail"]
    unknown = send(client, {**MENTION, "brand": "nope"})
    assert unknown.status_code == 404
    other = client.post("/v1/mentions", headers=bearer(world["keys"]["other"]), json=MENTION)
    assert other.status_code == 404
    assert count(world) == before
