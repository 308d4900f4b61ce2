"""Oversized, malformed and hostile payloads against the write routes: each gets a clear 4xx
problem+json (type, title, detail, fix), within seconds, and nothing is stored half-way."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from drafting.api.main import create_app
from drafting.storage import tables
from drafting.storage.repository import Storage
from tests.conftest import bearer

UI = Path(__file__).resolve().parents[3] / "drafting" / "api" / "ui"
COUNTED = {
    "posts": tables.PostRow,
    "drafts": tables.DraftRow,
    "draft_versions": tables.DraftVersionRow,
    "mentions": tables.MentionRow,
    "incidents": tables.IncidentRow,
    "incident_facts": tables.IncidentFactRow,
}
DRAFT = {"brand": "demo", "channel": "x", "post": {"text": "My parcel is late.", "author": "@a"}}
CHECK = {"brand": "demo", "channel": "x", "text": "Sorry about the delay, we're on it."}
MENTION = {"brand": "demo", "channel": "x", "text": "Where is my order?", "author": "@a"}
INCIDENT = {"brand": "demo", "title": "Checkout outage", "severity": "high"}


@pytest.fixture
def client(demo_copy: Any, demo_keys: dict[str, str]) -> Iterator[TestClient]:
    """A private database (so row counts are this test's own), signed in as an admin."""
    settings = demo_copy.model_copy(update={"rate_limit_per_minute": 1_000_000})
    storage = Storage(settings.resolved_database_url)
    key, _ = storage.create_key(name="hostile", role="admin", brands=["*"])
    with TestClient(create_app(settings), headers=bearer(key)) as c:
        c.app.state.test_storage = storage  # type: ignore[attr-defined]
        yield c


def counts(client: TestClient) -> dict[str, int]:
    storage: Storage = client.app.state.test_storage  # type: ignore[attr-defined]
    with storage.sessions() as session:
        return {
            name: session.scalar(select(func.count()).select_from(row)) or 0
            for name, row in COUNTED.items()
        }


def assert_problem(response: Any, *statuses: int) -> dict[str, Any]:
    assert response.status_code in statuses, (response.status_code, response.text[:300])
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    for key in ("type", "title", "detail", "fix"):
        assert isinstance(body.get(key), str) and body[key], (key, body)
    assert "Traceback" not in response.text
    return body


def send(client: TestClient, method: str, path: str, content: bytes, **headers: str) -> Any:
    started = time.perf_counter()
    response = client.request(
        method,
        path,
        content=content,
        headers={"Content-Type": "application/json", **headers},
    )
    assert time.perf_counter() - started < 30, f"{method} {path} took too long"
    return response


def nested(depth: int) -> bytes:
    return (
        b'{"brand": "demo", "channel": "x", "post": {"text": ' + b"[" * depth + b"]" * depth + b"}}"
    )


WRITE_ROUTES = [
    ("POST", "/v1/drafts", DRAFT),
    ("POST", "/v1/checks", CHECK),
    ("POST", "/v1/mentions", MENTION),
    ("POST", "/v1/mentions/batch", {"mentions": [MENTION]}),
    ("POST", "/v1/incidents", INCIDENT),
]


@pytest.mark.parametrize(("method", "path", "good"), WRITE_ROUTES, ids=lambda v: str(v))
def test_deep_nesting_invalid_utf8_and_wrong_content_type(
    client: TestClient, method: str, path: str, good: dict[str, Any]
) -> None:
    before = counts(client)
    deep = b'{"a": ' * 10_000 + b"1" + b"}" * 10_000
    assert_problem(send(client, method, path, deep), 400, 422)
    assert_problem(send(client, method, path, nested(10_000)), 400, 422)
    bad_utf8 = json.dumps(good).encode().replace(b'"demo"', b'"de\xff\xfemo"')
    assert_problem(send(client, method, path, bad_utf8), 400, 422)
    assert_problem(send(client, method, path, b'{"brand": "demo", '), 400, 422)  # truncated
    assert_problem(send(client, method, path, b"\x00\x01\x02"), 400, 422)
    wrong = send(client, method, path, json.dumps(good).encode(), **{"Content-Type": "text/plain"})
    assert_problem(wrong, 415, 422)
    form = send(
        client, method, path, b"brand=demo", **{"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert_problem(form, 415, 422)
    assert counts(client) == before


def test_a_body_over_the_limit_is_refused_before_it_is_read(client: TestClient) -> None:
    before = counts(client)
    big = json.dumps({**DRAFT, "post": {"text": "a" * 25_000_000}}).encode()
    body = assert_problem(send(client, "POST", "/v1/drafts", big), 413)
    assert "limit" in body["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit must hold while reading
        yield b'{"brand": "demo", "channel": "x", "post": {"text": "'
        for _ in range(25):
            yield b"a" * 1_000_000
        yield b'"}}'

    response = client.post(
        "/v1/drafts", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert_problem(response, 413)
    assert counts(client) == before


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/v1/drafts", {**DRAFT, "post": {"text": "x" * 10_000_000}}),  # 10 MB post
        ("/v1/checks", {**CHECK, "text": "x" * 10_000_000}),
        ("/v1/checks", {**CHECK, "post": "x" * 10_000_000}),
        ("/v1/mentions", {**MENTION, "text": "x" * 10_000_000}),
        ("/v1/drafts", {**DRAFT, "thread": [{"text": "hi"}] * 100_000}),  # huge thread
        ("/v1/drafts", {**DRAFT, "thread": [{"text": "y" * 100_000}] * 10}),
        ("/v1/drafts", {**DRAFT, "facts": ["f" * 100_000]}),
        ("/v1/drafts", {**DRAFT, "post": {"text": "hi", "author": "@" + "a" * 10_000}}),
    ],
    ids=[
        "draft-10MB-post",
        "check-10MB-text",
        "check-10MB-post",
        "mention-10MB-text",
        "draft-100k-thread",
        "draft-1MB-thread",
        "draft-100k-fact",
        "draft-long-author",
    ],
)
def test_oversized_fields_get_a_clear_4xx(
    client: TestClient, path: str, body: dict[str, Any]
) -> None:
    before = counts(client)
    problem = assert_problem(send(client, "POST", path, json.dumps(body).encode()), 413, 422)
    assert "limit" in problem["detail"] or "at most" in problem["detail"], problem["detail"]
    assert counts(client) == before


CONTROL = "My order \x00 is late\x07\x1b[31m red \x08\x7f"


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/v1/drafts", {**DRAFT, "post": {"text": CONTROL}}),
        ("/v1/drafts", {**DRAFT, "post": {"text": "late", "author": "@a\x00b"}}),
        ("/v1/drafts", {**DRAFT, "thread": [{"text": "earlier \x00 message"}]}),
        ("/v1/drafts", {**DRAFT, "facts": ["fact \x00"]}),
        ("/v1/checks", {**CHECK, "text": "Sorry \x00 about that."}),
        ("/v1/mentions", {**MENTION, "text": "late \x00"}),
        ("/v1/incidents", {**INCIDENT, "title": "outage \x00"}),
        ("/v1/drafts", {**DRAFT, "post": {"text": "lone \ud800 surrogate"}}),
        ("/v1/mentions/batch", {"mentions": [MENTION, {**MENTION, "text": "esc \x1b[2J"}]}),
    ],
    ids=["post", "author", "thread", "fact", "check", "mention", "incident", "surrogate", "batch"],
)
def test_nul_and_control_characters_are_refused(
    client: TestClient, path: str, body: dict[str, Any]
) -> None:
    before = counts(client)
    problem = assert_problem(send(client, "POST", path, json.dumps(body).encode()), 422)
    assert "control character" in problem["detail"] or "surrogate" in problem["detail"]
    assert problem["errors"][0]["field"] in problem["detail"]
    assert counts(client) == before


HOSTILE_TEXT = [
    # mixed scripts, right-to-left override, zero-width characters, emoji joiners: real posts
    # carry all of these, so they are data (stored as sent), not errors.
    "Il mio ordine \u202egnol oot\u202c è in ritardo, Заказ опаздывает, الطلب متأخر",
    "Where\u200b is\u200d my\ufeff order? 👩\u200d👩\u200d👧 \u2066pay\u2069pal",
    # markup and script in a post: data, never rendered as HTML.
    '<script>alert("x")</script><img src=x onerror=alert(1)> my order is late',
    "Late order. </textarea><iframe src=javascript:alert(1)></iframe>",
]


@pytest.mark.parametrize("text", HOSTILE_TEXT, ids=["rtl-mixed", "zero-width", "script", "iframe"])
def test_hostile_text_is_stored_as_data_and_never_echoed_as_markup(
    client: TestClient, text: str
) -> None:
    before = counts(client)
    response = client.post("/v1/drafts", json={**DRAFT, "post": {"text": text, "author": "@a"}})
    assert response.status_code == 201, response.text[:300]
    draft = response.json()
    assert draft["post"]["text"] == text
    for marker in ("<script", "<img", "<iframe", "javascript:", "onerror", "\u202e", "\u2066"):
        assert marker not in draft["text"].lower()
    stored = client.get(f"/v1/drafts/{draft['id']}").json()
    assert stored["post"]["text"] == text
    after = counts(client)
    assert after["drafts"] == before["drafts"] + 1 and after["posts"] == before["posts"] + 1


def test_the_review_page_shows_server_text_with_textcontent_only() -> None:
    for script in ("review.js", "common.js"):
        source = (UI / script).read_text("utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in source, f"{script} uses {sink}"
    assert "textContent" in (UI / "review.js").read_text("utf-8")


def test_every_write_route_refuses_malformed_bodies(client: TestClient) -> None:
    """Every POST/PUT/PATCH/DELETE in the OpenAPI document (new routes included): deep nesting,
    bad UTF-8, NUL and a wrong content type each get a 4xx problem with a fix."""
    routes = [
        (method.upper(), path.replace("{brand_id}", "hostile").replace("{", "zz_").replace("}", ""))
        for path, operations in client.app.openapi()["paths"].items()  # type: ignore[attr-defined]
        for method in operations
        if method in ("post", "put", "patch", "delete")
    ]
    assert len(routes) >= 20
    before = counts(client)
    for method, path in routes:
        for body, headers in [
            (b'{"a": ' * 10_000 + b"1" + b"}" * 10_000, {}),
            (b'{"text": "de\xff\xfemo"}', {}),
            (b'{"text": "nul \\u0000 here"}', {}),
            (b'{"text": "fine"}', {"Content-Type": "text/plain"}),
        ]:
            response = send(client, method, path, body, **headers)
            assert 400 <= response.status_code < 500, (method, path, response.status_code)
            assert_problem(response, response.status_code)
    assert counts(client) == before
