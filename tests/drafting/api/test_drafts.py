"""POST /v1/drafts end to end with the built-in composer (a real model path, no fake)."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient


def body(text: str, **extra: Any) -> dict[str, Any]:
    return {"brand": "demo", "channel": "x", "post": {"text": text, "author": "@marta_r"}, **extra}


def test_draft_is_triaged_grounded_checked_and_stored(demo_client: TestClient) -> None:
    response = demo_client.post(
        "/v1/drafts",
        json=body(
            "Ordered a kettle two weeks ago and it still hasn't arrived. Really disappointed."
        ),
    )
    assert response.status_code == 201, response.text
    draft = response.json()
    assert draft["status"] == "pending_review"
    assert draft["model"] == "crisisdraft/composer" and not draft["fallback"]
    assert draft["prompt_version"] == "draft@v2"
    assert draft["triage"]["category"] == "delivery"
    assert draft["text"].startswith("@marta_r ")
    assert len(draft["text"]) <= 280
    assert any(s["source"] == "approved_reply" for s in draft["sources"])
    assert draft["checks"]["verdict"] in ("ok", "needs_override", "blocked")
    assert demo_client.get(f"/v1/drafts/{draft['id']}").json()["text"] == draft["text"]


def test_italian_post_gets_an_italian_draft(demo_client: TestClient) -> None:
    draft = demo_client.post(
        "/v1/drafts",
        json=body(
            "Il mio ordine è in ritardo di una settimana e nessuno mi risponde. Pessimo servizio."
        ),
    ).json()
    assert draft["language"] == "it"
    assert draft["checks"]["language"] == "it"


def test_unsupported_language_is_said_not_guessed(demo_client: TestClient) -> None:
    response = demo_client.post(
        "/v1/drafts",
        json=body(
            "Mi pedido lleva dos semanas de retraso y nadie me responde. Es un servicio pésimo."
        ),
    )
    assert response.status_code == 422
    assert response.json()["type"].endswith("/invalid-input")
    assert "does not answer in" in response.json()["detail"]


def test_alternatives(demo_client: TestClient) -> None:
    draft = demo_client.post(
        "/v1/drafts", json=body("You charged me twice for the same order. Fix it.", n=3)
    ).json()
    assert len(draft["alternatives"]) == 2


def test_escalation_gets_holding_line_not_public_reply(demo_client: TestClient) -> None:
    draft = demo_client.post(
        "/v1/drafts",
        json=body(
            "Your kettle lid flew off and burned my daughter's hand. My lawyer will be in touch."
        ),
    ).json()
    assert draft["triage"]["action"] == "escalate"
    assert draft["escalation"]["role"] in ("safety", "legal")
    assert any("holding line" in n for n in draft["notes"])


def test_bad_input_is_a_clear_problem_and_stores_nothing(demo_client: TestClient) -> None:
    cases = [
        (body(""), 422),
        (body("x" * 6000), 422),
        ({**body("late parcel"), "channel": "myspace"}, 422),
        ({**body("late parcel"), "kind": "press_release"}, 422),
        ({**body("late parcel"), "brand": "nope"}, 404),
        ({**body("late parcel"), "model": "not-a-provider-model"}, 422),
    ]
    for payload, status in cases:
        response = demo_client.post("/v1/drafts", json=payload)
        assert response.status_code == status, (payload, response.text)
        problem = response.json()
        assert problem["type"] and problem["detail"]
        assert "Traceback" not in response.text
    response = demo_client.post(
        "/v1/drafts", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422


def test_stream_sends_tokens_then_the_draft(demo_client: TestClient) -> None:
    with demo_client.stream(
        "POST",
        "/v1/drafts?stream=true",
        json=body("The app has been down all morning, I can't check out."),
    ) as r:
        assert r.status_code == 200
        lines = list(r.iter_lines())
    events = [line.removeprefix("event: ") for line in lines if line.startswith("event:")]
    data = [line.removeprefix("data: ") for line in lines if line.startswith("data:")]
    assert events[0] == "token" and events[-1] == "draft", events
    final = json.loads(data[-1])
    assert final["status"] == "pending_review"
    tokens = "".join(json.loads(d) for e, d in zip(events, data, strict=True) if e == "token")
    assert json.loads(tokens)["text"] == final["text"]
