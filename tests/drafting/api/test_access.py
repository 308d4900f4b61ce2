"""Every role against every endpoint, and no access across brands."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from drafting.access import GRANTS
from drafting.api.main import create_app
from drafting.storage.repository import Storage
from tests.conftest import bearer
from tests.drafting.api.test_brands import pack_files

ROLES = ("agent", "reviewer", "lead", "admin")


@pytest.fixture(scope="module")
def world(demo_settings: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    settings = demo_settings.model_copy(
        update={"database_url": f"sqlite:///{tmp_path_factory.mktemp('access') / 'db.sqlite'}"}
    )
    storage = Storage(settings.resolved_database_url)
    keys = {role: storage.create_key(name=role, role=role, brands=["demo"])[0] for role in ROLES}
    keys.update(
        {
            f"other-{role}": storage.create_key(name=f"other {role}", role=role, brands=["other"])[
                0
            ]
            for role in ROLES
        }
    )
    with TestClient(create_app(settings)) as client:
        yield {"client": client, "keys": keys, "settings": settings}


def fresh_draft(world: dict[str, Any]) -> str:
    response = world["client"].post(
        "/v1/drafts",
        headers=bearer(world["keys"]["agent"]),
        json={"brand": "demo", "channel": "x", "post": {"text": "Where is my parcel? It is late."}},
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


Call = Callable[[TestClient, dict[str, str], dict[str, Any]], Any]

# (name, permission needed, call). Calls that change a draft get a fresh one each time.
ENDPOINTS: list[tuple[str, str, Call]] = [
    ("GET /v1/brands", "draft", lambda c, h, w: c.get("/v1/brands", headers=h)),
    ("GET /v1/brands/demo", "draft", lambda c, h, w: c.get("/v1/brands/demo", headers=h)),
    (
        "PUT /v1/brands/demo",
        "manage_brand",
        lambda c, h, w: c.put("/v1/brands/demo", headers=h, json={"files": pack_files()}),
    ),
    (
        "GET knowledge search",
        "draft",
        lambda c, h, w: c.get("/v1/brands/demo/knowledge/search", headers=h, params={"q": "late"}),
    ),
    (
        "POST /v1/drafts",
        "draft",
        lambda c, h, w: c.post(
            "/v1/drafts",
            headers=h,
            json={"brand": "demo", "channel": "x", "post": {"text": "My parcel is late."}},
        ),
    ),
    ("GET /v1/drafts/{id}", "draft", lambda c, h, w: c.get(f"/v1/drafts/{w['draft']}", headers=h)),
    ("GET history", "draft", lambda c, h, w: c.get(f"/v1/drafts/{w['draft']}/history", headers=h)),
    (
        "POST /v1/checks",
        "draft",
        lambda c, h, w: c.post(
            "/v1/checks",
            headers=h,
            json={
                "brand": "demo",
                "channel": "x",
                "text": "We're sorry. Please DM us. ^Team Verdello",
            },
        ),
    ),
    (
        "GET /v1/queue",
        "draft",
        lambda c, h, w: c.get("/v1/queue", headers=h, params={"brand": "demo"}),
    ),
    (
        "approve",
        "review",
        lambda c, h, w: c.post(
            f"/v1/drafts/{fresh_draft(w)}/approve", headers=h, json={"reason": "ok"}
        ),
    ),
    (
        "reject",
        "review",
        lambda c, h, w: c.post(
            f"/v1/drafts/{fresh_draft(w)}/reject", headers=h, json={"reason": "off-voice"}
        ),
    ),
    (
        "request-changes",
        "review",
        lambda c, h, w: c.post(
            f"/v1/drafts/{fresh_draft(w)}/request-changes", headers=h, json={"reason": "shorter"}
        ),
    ),
    (
        "GET /v1/audit",
        "read_audit",
        lambda c, h, w: c.get("/v1/audit", headers=h, params={"brand": "demo"}),
    ),
    ("GET /v1/keys", "manage_keys", lambda c, h, w: c.get("/v1/keys", headers=h)),
    (
        "POST /v1/keys",
        "manage_keys",
        lambda c, h, w: c.post(
            "/v1/keys", headers=h, json={"name": "new", "role": "agent", "brands": ["demo"]}
        ),
    ),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "permission", "call"), ENDPOINTS, ids=[e[0] for e in ENDPOINTS])
def test_role_endpoint_matrix(
    world: dict[str, Any], role: str, name: str, permission: str, call: Call
) -> None:
    world.setdefault("draft", fresh_draft(world))
    client = world["client"]
    allowed = permission in GRANTS[role]
    response = call(client, bearer(world["keys"][role]), world)
    if allowed:
        assert response.status_code in (200, 201), (role, name, response.text)
    else:
        assert response.status_code == 403, (role, name, response.text)
        assert response.json()["type"].endswith("/forbidden")
    # The same role scoped to another brand never reaches the demo brand's data.
    other = call(client, bearer(world["keys"][f"other-{role}"]), world)
    if name in ("GET /v1/brands",):
        assert other.status_code == 200 and other.json()["count"] == 0
    elif name in ("GET /v1/keys", "POST /v1/keys"):
        assert other.status_code == (
            201 if name == "POST /v1/keys" and allowed else 200 if allowed else 403
        )
    elif name == "GET /v1/audit" and allowed:
        assert other.status_code == 404
    else:
        assert other.status_code in (403, 404), (role, name, other.text)


def test_no_key_and_bad_key_are_401(world: dict[str, Any]) -> None:
    client = world["client"]
    assert client.get("/v1/brands").status_code == 401
    response = client.get("/v1/brands", headers=bearer("cd_nope_nope"))
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
    assert client.get("/health").status_code == 200
    assert client.get("/openapi.json").status_code == 200


def test_revoked_key_stops_working(world: dict[str, Any]) -> None:
    client = world["client"]
    admin = bearer(world["keys"]["admin"])
    created = client.post(
        "/v1/keys", headers=admin, json={"name": "temp", "role": "agent", "brands": ["demo"]}
    ).json()
    assert client.get("/v1/brands", headers=bearer(created["key"])).status_code == 200
    assert client.delete(f"/v1/keys/{created['id']}", headers=admin).status_code == 204
    assert client.get("/v1/brands", headers=bearer(created["key"])).status_code == 401


def test_rate_limit_answers_429_with_retry_after(demo_settings: Any, tmp_path: Any) -> None:
    settings = demo_settings.model_copy(
        update={"database_url": f"sqlite:///{tmp_path / 'rl.db'}", "rate_limit_per_minute": 5}
    )
    key, _ = Storage(settings.resolved_database_url).create_key(
        name="a", role="agent", brands=["demo"]
    )
    with TestClient(create_app(settings)) as client:
        codes = [client.get("/v1/brands", headers=bearer(key)).status_code for _ in range(8)]
        last = client.get("/v1/brands", headers=bearer(key))
    assert codes[:5] == [200] * 5 and 429 in codes
    assert int(last.headers["retry-after"]) >= 1
    assert last.json()["type"].endswith("/rate-limited")
