"""Every role against every incident, mention, alert and KPI endpoint, and nothing across brands."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from drafting.access import GRANTS
from drafting.api.main import create_app
from drafting.storage.incidents import new_id
from drafting.storage.repository import Storage
from drafting.storage.tables import AlertRow
from tests.conftest import bearer

ROLES = ("agent", "reviewer", "lead", "admin")


@pytest.fixture(scope="module")
def world(demo_settings: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    # A private copy of the knowledge base: saving lessons writes to the brand pack.
    data = tmp_path_factory.mktemp("incident-access") / "data"
    shutil.copytree(
        demo_settings.data_dir,
        data,
        symlinks=True,
        ignore=shutil.ignore_patterns("crisisdraft.db*"),
    )
    settings = demo_settings.model_copy(update={"data_dir": data, "database_url": None})
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
        lead = bearer(keys["lead"])
        incident = client.post(
            "/v1/incidents",
            headers=lead,
            json={"brand": "demo", "title": "Slow app", "severity": "low"},
        ).json()
        mention = client.post(
            "/v1/mentions",
            headers=lead,
            json={"brand": "demo", "channel": "x", "text": "The app is so slow today"},
        ).json()
        yield {
            "client": client,
            "keys": keys,
            "storage": storage,
            "incident": incident["id"],
            "mention": mention["data"][0]["id"],
        }


def fresh_alert(w: dict[str, Any]) -> str:
    now = datetime.now(UTC)
    alert = AlertRow(
        id=new_id("al"),
        brand="demo",
        kind="negative_spike",
        status="open",
        count=30,
        threshold=20,
        baseline=2.0,
        window_start=now,
        window_end=now,
        created_at=now,
        incident_id=None,
        reason=None,
    )
    with w["storage"].sessions.begin() as s:
        s.add(alert)
    return alert.id


Call = Callable[[TestClient, dict[str, str], dict[str, Any]], Any]
INC = "/v1/incidents/{incident}"
ENDPOINTS: list[tuple[str, str, Call]] = [
    (
        "POST /v1/incidents",
        "manage_brand",
        lambda c, h, w: c.post(
            "/v1/incidents",
            headers=h,
            json={"brand": "demo", "title": "Another", "severity": "low"},
        ),
    ),
    (
        "GET /v1/incidents",
        "draft",
        lambda c, h, w: c.get("/v1/incidents", headers=h, params={"brand": "demo"}),
    ),
    ("GET incident", "draft", lambda c, h, w: c.get(INC.format(**w), headers=h)),
    (
        "PATCH incident",
        "manage_brand",
        lambda c, h, w: c.patch(INC.format(**w), headers=h, json={"cadence_minutes": 45}),
    ),
    (
        "POST facts",
        "manage_brand",
        lambda c, h, w: c.post(
            INC.format(**w) + "/facts", headers=h, json={"known": "The app is slow."}
        ),
    ),
    ("GET facts", "draft", lambda c, h, w: c.get(INC.format(**w) + "/facts", headers=h)),
    ("GET events", "draft", lambda c, h, w: c.get(INC.format(**w) + "/events", headers=h)),
    ("GET drafts", "draft", lambda c, h, w: c.get(INC.format(**w) + "/drafts", headers=h)),
    (
        "POST link mentions",
        "draft",
        lambda c, h, w: c.post(
            INC.format(**w) + "/mentions", headers=h, json={"mention_ids": [w["mention"]]}
        ),
    ),
    (
        "GET review",
        "draft",
        lambda c, h, w: c.get(
            INC.format(**w) + "/review", headers=h, params={"format": "markdown"}
        ),
    ),
    (
        "PUT lessons",
        "manage_brand",
        lambda c, h, w: c.put(
            INC.format(**w) + "/lessons",
            headers=h,
            json={"text": "Say when the next update comes."},
        ),
    ),
    ("GET brand status", "draft", lambda c, h, w: c.get("/v1/brands/demo/status", headers=h)),
    (
        "GET incident queue",
        "draft",
        lambda c, h, w: c.get("/v1/queue/incidents", headers=h, params={"brand": "demo"}),
    ),
    (
        "POST /v1/mentions",
        "draft",
        lambda c, h, w: c.post(
            "/v1/mentions", headers=h, json={"brand": "demo", "channel": "x", "text": "Still slow"}
        ),
    ),
    (
        "POST /v1/mentions/batch",
        "draft",
        lambda c, h, w: c.post(
            "/v1/mentions/batch",
            headers=h,
            json={"mentions": [{"brand": "demo", "channel": "x", "text": "Still slow"}]},
        ),
    ),
    (
        "GET /v1/mentions",
        "draft",
        lambda c, h, w: c.get("/v1/mentions", headers=h, params={"brand": "demo"}),
    ),
    (
        "GET /v1/alerts",
        "draft",
        lambda c, h, w: c.get("/v1/alerts", headers=h, params={"brand": "demo"}),
    ),
    (
        "POST dismiss alert",
        "manage_brand",
        lambda c, h, w: c.post(
            f"/v1/alerts/{fresh_alert(w)}/dismiss", headers=h, json={"reason": "a bot wave"}
        ),
    ),
    (
        "GET /v1/kpis",
        "draft",
        lambda c, h, w: c.get("/v1/kpis", headers=h, params={"brand": "demo"}),
    ),
    ("GET /metrics", "draft", lambda c, h, w: c.get("/metrics", headers=h)),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "permission", "call"), ENDPOINTS, ids=[e[0] for e in ENDPOINTS])
def test_role_endpoint_matrix(
    world: dict[str, Any], role: str, name: str, permission: str, call: Call
) -> None:
    client = world["client"]
    allowed = permission in GRANTS[role]
    response = call(client, bearer(world["keys"][role]), world)
    if allowed:
        assert response.status_code in (200, 201), (role, name, response.text)
    else:
        assert response.status_code == 403, (role, name, response.text)
        assert response.json()["type"].endswith("/forbidden")
    other = call(client, bearer(world["keys"][f"other-{role}"]), world)
    if name == "GET /metrics":
        assert other.status_code == 200 and 'brand="demo"' not in other.text
    else:
        assert other.status_code in (403, 404), (role, name, other.text)


def test_no_key_is_401_everywhere(world: dict[str, Any]) -> None:
    client = world["client"]
    for path in (
        "/v1/incidents",
        "/v1/kpis",
        "/metrics",
        "/v1/alerts",
        "/v1/brands/demo/status",
        f"/v1/incidents/{world['incident']}/review",
    ):
        assert client.get(path).status_code == 401, path
    response = client.post("/v1/mentions", json={"brand": "demo", "channel": "x", "text": "hi"})
    assert response.status_code == 401 and "signed body" in response.json()["detail"]
