"""Faults at every dependency: each POST /v1/drafts ends within its deadline with a draft
(fallback marked, notes saying why) or a typed problem+json, never a hang, never half-stored.

The model provider is :class:`tests.fault_provider.FaultProvider`, a real HTTP server on
loopback that fails on demand (a fake because a real provider cannot be made to fail on cue);
PostgreSQL and the Chroma server are the real servers, stopped and started mid-run
(benchmarks/faults.py repeats the provider faults many times against a real server process).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from drafting.api.main import create_app
from tests.conftest import bearer
from tests.fault_provider import FaultProvider, Mode
from tests.servers import free_port, postgres_bin, postgres_server, process

DEADLINE_S = 8.0  # generous: the shared 2-core machine runs other work too
#: Faults whose requests end in a stored draft written by the built-in composer.
FALLBACK_FAULTS: tuple[Mode, ...] = (
    "timeout",
    "rate_limit",
    "server_error",
    "malformed_json",
    "not_a_draft",
    "refused",
)
POST = {
    "brand": "demo",
    "channel": "x",
    "post": {"text": "My order is two weeks late and nobody answers. Where is it?"},
}


def count_drafts(url: str) -> int:
    from sqlalchemy import func, select

    from drafting.storage.engine import make_engine
    from drafting.storage.tables import DraftRow

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(DraftRow)).scalar_one())
    finally:
        engine.dispose()


def assert_problem(response: httpx.Response | Any, status: int | None = None) -> dict[str, Any]:
    assert response.headers["content-type"].startswith("application/problem+json"), response.text
    problem = response.json()
    assert {"type", "title", "detail", "fix"} <= set(problem), problem
    assert problem["fix"] and problem["detail"]
    if status is not None:
        assert response.status_code == status, problem
    return problem


def fault_settings(base: Any, fake: FaultProvider, **overrides: Any) -> Any:
    return base.model_copy(
        update={
            "draft_model": "openai/fake",
            "llm_api_base": fake.base_url,
            "llm_timeout_s": 1.0,
            "llm_retries": 1,
            "request_deadline_s": DEADLINE_S,
            **overrides,
        }
    )


@pytest.fixture
def fake() -> Iterator[FaultProvider]:
    with FaultProvider(token_delay_s=0.02) as provider:
        yield provider


@pytest.fixture(scope="module")
def warm(demo_settings: Any, demo_keys: dict[str, str]) -> None:
    """One draft first, so that loading models (seconds, once per process) is not counted
    against the short deadlines below."""
    with TestClient(create_app(demo_settings), headers=bearer(demo_keys["agent"])) as client:
        assert client.post("/v1/drafts", json=POST).status_code == 201


@pytest.fixture
def client(
    demo_settings: Any, demo_keys: dict[str, str], fake: FaultProvider, warm: None
) -> Iterator[Any]:
    settings = fault_settings(demo_settings, fake)
    with TestClient(create_app(settings), headers=bearer(demo_keys["agent"])) as test_client:
        yield test_client


def post_draft(client: Any, **params: Any) -> tuple[Any, float]:
    started = time.monotonic()
    response = client.post("/v1/drafts", json=POST, params=params)
    return response, time.monotonic() - started


def test_ok_provider_writes_the_draft(client: Any, fake: FaultProvider) -> None:
    response, _ = post_draft(client)
    assert response.status_code == 201, response.text
    draft = response.json()
    assert draft["model"] == "openai/fake" and draft["fallback"] is False
    assert fake.history and fake.history[0].mode == "ok"


@pytest.mark.parametrize("mode", FALLBACK_FAULTS)
def test_each_fault_ends_in_a_marked_fallback_within_the_deadline(
    client: Any, fake: FaultProvider, demo_settings: Any, mode: Mode
) -> None:
    fake.set_mode(mode)
    before = count_drafts(demo_settings.resolved_database_url)
    outcomes = []
    for _ in range(2):  # the second request meets a cooled-down (or still failing) provider
        response, elapsed = post_draft(client)
        assert elapsed < DEADLINE_S + 1, f"{mode}: {elapsed:.1f} s"
        outcomes.append(response)
    for response in outcomes:
        if response.status_code != 201:  # a typed error stores nothing
            assert_problem(response)
            continue
        draft = response.json()
        assert draft["fallback"] is True, draft["notes"]
        assert draft["model"] == "crisisdraft/composer"
        assert any(n.startswith("FALLBACK") for n in draft["notes"])
        assert any("openai/fake" in n and "composer" in n for n in draft["notes"]), draft["notes"]
        stored = client.get(f"/v1/drafts/{draft['id']}")
        assert stored.status_code == 200 and stored.json()["text"] == draft["text"]
        assert stored.json()["fallback"] is True
    created = sum(r.status_code == 201 for r in outcomes)
    assert created == 2, [r.text[:300] for r in outcomes]
    assert count_drafts(demo_settings.resolved_database_url) == before + created


def test_the_notes_say_why(client: Any, fake: FaultProvider) -> None:
    fake.set_mode("server_error")
    draft = post_draft(client)[0].json()
    assert any("HTTP 500" in n for n in draft["notes"]), draft["notes"]
    fake.set_mode("not_a_draft")
    draft = post_draft(client)[0].json()
    assert any("no valid structured answer" in n for n in draft["notes"]), draft["notes"]


def test_without_a_fallback_a_fault_is_a_typed_error_and_stores_nothing(
    demo_settings: Any, demo_keys: dict[str, str], fake: FaultProvider, warm: None
) -> None:
    settings = fault_settings(demo_settings, fake, fallback_models=[])
    url = demo_settings.resolved_database_url
    with TestClient(create_app(settings), headers=bearer(demo_keys["agent"])) as client:
        cases: list[tuple[Mode, int]] = [
            ("server_error", 502),
            ("rate_limit", 502),
            ("malformed_json", 502),
            ("not_a_draft", 502),
            ("refused", 502),
            ("timeout", 502),
        ]
        for mode, status in cases:
            fake.set_mode(mode)
            before = count_drafts(url)
            response, elapsed = post_draft(client)
            assert elapsed < DEADLINE_S + 1, f"{mode}: {elapsed:.1f} s"
            problem = assert_problem(response, status)
            assert problem["type"].endswith("/model-error"), problem
            assert count_drafts(url) == before, mode


def test_a_model_slower_than_the_deadline_is_a_504_and_stores_nothing(
    demo_settings: Any, demo_keys: dict[str, str], fake: FaultProvider, warm: None
) -> None:
    # The provider's own timeout is longer than the request deadline: the deadline decides.
    settings = fault_settings(demo_settings, fake, llm_timeout_s=30.0, request_deadline_s=2.0)
    fake.set_mode("timeout")
    url = demo_settings.resolved_database_url
    with TestClient(create_app(settings), headers=bearer(demo_keys["agent"])) as client:
        before = count_drafts(url)
        response, elapsed = post_draft(client)
    assert elapsed < 3.0
    problem = assert_problem(response, 504)
    assert problem["type"].endswith("/deadline-exceeded")
    assert count_drafts(url) == before


def sse(response: Any) -> list[tuple[str, Any]]:
    events = []
    for block in response.text.split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        if "event" in lines:
            events.append((lines["event"], json.loads(lines["data"])))
    return events


def test_stream_trickling_within_the_deadline_is_a_draft(client: Any, fake: FaultProvider) -> None:
    fake.set_mode("slow_stream")  # about 20 tokens, 20 ms apart
    response, _ = post_draft(client, stream="true")
    events = sse(response)
    tokens = [p for kind, p in events if kind == "token"]
    assert len(tokens) > 5
    kind, draft = events[-1]
    assert kind == "draft" and draft["fallback"] is False and draft["model"] == "openai/fake"
    assert client.get(f"/v1/drafts/{draft['id']}").status_code == 200


def test_stream_slower_than_the_deadline_is_a_typed_error_and_stores_nothing(
    demo_settings: Any, demo_keys: dict[str, str], fake: FaultProvider, warm: None
) -> None:
    fake.token_delay_s = 0.5  # 20 tokens, 0.5 s apart: 10 s against a 2 s deadline
    settings = fault_settings(demo_settings, fake, request_deadline_s=2.0)
    fake.set_mode("slow_stream")
    url = demo_settings.resolved_database_url
    with TestClient(create_app(settings), headers=bearer(demo_keys["agent"])) as client:
        before = count_drafts(url)
        response, elapsed = post_draft(client, stream="true")
    assert elapsed < 3.0
    kind, problem = sse(response)[-1]
    assert kind == "error", problem
    assert problem["type"] in ("deadline-exceeded", "model-error") and problem["fix"]
    assert count_drafts(url) == before


@pytest.mark.parametrize("mode", ["timeout", "server_error", "refused", "not_a_draft"])
def test_stream_falls_back_to_the_composer(client: Any, fake: FaultProvider, mode: Mode) -> None:
    fake.set_mode(mode)
    response, elapsed = post_draft(client, stream="true")
    assert elapsed < DEADLINE_S + 1
    kind, draft = sse(response)[-1]
    assert kind == "draft", draft
    assert draft["fallback"] is True and draft["model"] == "crisisdraft/composer"
    assert any("openai/fake" in n and "composer" in n for n in draft["notes"]), draft["notes"]
    assert client.get(f"/v1/drafts/{draft['id']}").json()["fallback"] is True


# -- several deployments of one model ------------------------------------------------------


def test_router_balances_retries_and_cools_down_a_failing_deployment(
    demo_settings: Any, demo_keys: dict[str, str], warm: None
) -> None:
    with FaultProvider() as one, FaultProvider() as two:
        settings = fault_settings(
            demo_settings, one, llm_api_base=None, llm_api_bases=[one.base_url, two.base_url]
        )
        with TestClient(create_app(settings), headers=bearer(demo_keys["agent"])) as client:
            drafts = [post_draft(client)[0].json() for _ in range(10)]
            assert one.history and two.history  # balanced (simple shuffle) over both

            two.set_mode("server_error")
            for _ in range(30):  # until the shuffle picks the failing one
                before = len(two.history)
                drafts.append(post_draft(client)[0].json())
                if len(two.history) > before:
                    break
            failed_at = len(two.history)
            assert failed_at == before + 1
            # It sits out its cooldown (5 s): the next requests all go to the healthy one.
            drafts += [post_draft(client)[0].json() for _ in range(5)]
            assert len(two.history) == failed_at
            # The failed request was retried on the other deployment, not handed to a fallback.
            assert all(d["model"] == "openai/fake" and not d["fallback"] for d in drafts)

            one.set_mode("server_error")  # both down: the composer writes, marked
            draft = post_draft(client)[0].json()
        assert draft["fallback"] is True and draft["model"] == "crisisdraft/composer"
        assert any("HTTP 500" in n or "cooling down" in n for n in draft["notes"]), draft["notes"]


def test_api_bases_setting_reads_a_comma_separated_list(monkeypatch: pytest.MonkeyPatch) -> None:
    from drafting.config import Settings

    monkeypatch.setenv("CRISISDRAFT_LLM_API_BASES", "http://a:1/v1, http://b:2/v1")
    assert Settings(_env_file=None).api_bases == ["http://a:1/v1", "http://b:2/v1"]
    monkeypatch.setenv("CRISISDRAFT_LLM_API_BASES", '["http://c:3/v1"]')
    assert Settings(_env_file=None).api_bases == ["http://c:3/v1"]
    monkeypatch.delenv("CRISISDRAFT_LLM_API_BASES")
    single = Settings(_env_file=None, llm_api_base="http://d:4/v1")
    assert single.api_bases == ["http://d:4/v1"]


# -- the database and the Chroma server stopped mid-run ------------------------------------


def pg_ctl(url: str, data_dir: str, action: str) -> None:
    import os

    bindir = postgres_bin()
    assert bindir is not None
    port = url.rsplit(":", 1)[1].split("/")[0]
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    args = [*as_user, str(bindir / "pg_ctl"), "-D", data_dir, "-w"]
    if action == "stop":
        args += ["-m", "fast", "stop"]
    else:
        args += [
            "-l",
            f"{data_dir}/server.log",
            "-o",
            f"-p {port} -h 127.0.0.1 -k {data_dir}",
            "start",
        ]
    subprocess.run(args, check=True, capture_output=True, timeout=60)


@pytest.mark.slow
def test_database_stopped_mid_run_is_a_503_then_recovers(
    demo_settings: Any, fake: FaultProvider, warm: None
) -> None:
    from sqlalchemy import create_engine, text

    from drafting.storage.repository import Storage

    with postgres_server() as url:
        engine = create_engine(url)
        with engine.connect() as conn:
            data_dir = str(conn.execute(text("SHOW data_directory")).scalar_one())
        engine.dispose()
        settings = fault_settings(demo_settings, fake, database_url=url)
        key, _ = Storage(url).create_key(name="faults", role="agent", brands=["demo"])
        with TestClient(create_app(settings), headers=bearer(key)) as client:
            first = post_draft(client)[0]
            assert first.status_code == 201, first.text
            acknowledged = first.json()["id"]

            pg_ctl(url, data_dir, "stop")
            for _ in range(3):
                response, elapsed = post_draft(client)
                assert elapsed < DEADLINE_S + 1
                problem = assert_problem(response, 503)
                assert problem["type"].endswith("/database-unavailable"), problem
                assert response.headers["retry-after"] == "5"
            problem = assert_problem(client.get(f"/v1/drafts/{acknowledged}"), 503)
            stream = client.post("/v1/drafts", json=POST, params={"stream": "true"})
            assert stream.status_code == 503 or sse(stream)[-1][0] == "error"

            pg_ctl(url, data_dir, "start")
            recovered = post_draft(client)[0]
            assert recovered.status_code == 201, recovered.text
            assert client.get(f"/v1/drafts/{acknowledged}").status_code == 200
        # Nothing from the failed requests was stored: the two acknowledged drafts only.
        assert count_drafts(url) == 2


@pytest.fixture
def chroma_copy(demo_settings: Any, tmp_path: Path) -> Iterator[tuple[Any, Any]]:
    """A `chroma run` server over a copy of the demo knowledge base, restartable on its port."""
    import shutil

    path = tmp_path / "chroma"
    shutil.copytree(demo_settings.chroma_dir, path)
    port = free_port()
    exe = Path(sys.executable).parent / "chroma"
    args = [str(exe), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)]

    class Server:
        url = f"http://127.0.0.1:{port}"

        def __init__(self) -> None:
            self._cm: Any = None

        def start(self) -> None:
            self._cm = process(args, port=port, log=tmp_path / "chroma.log")
            self._cm.__enter__()

        def stop(self) -> None:
            if self._cm is not None:
                self._cm.__exit__(None, None, None)
                self._cm = None

    server = Server()
    server.start()
    try:
        yield server, demo_settings.model_copy(update={"chroma_url": server.url})
    finally:
        server.stop()


@pytest.mark.slow
def test_chroma_server_stopped_mid_run_is_typed_then_recovers(
    chroma_copy: tuple[Any, Any], demo_keys: dict[str, str], fake: FaultProvider, warm: None
) -> None:
    server, base = chroma_copy
    settings = fault_settings(base, fake)
    url = settings.resolved_database_url
    with TestClient(create_app(settings), headers=bearer(demo_keys["agent"])) as client:
        first = post_draft(client)[0]
        assert first.status_code == 201, first.text

        server.stop()
        # For knowledge_recheck_s after its last read a worker still drafts from the brand
        # index it holds; the first read after that finds the server gone.
        time.sleep(settings.knowledge_recheck_s + 0.1)
        before = count_drafts(url)
        for params in ({}, {"stream": "true"}):
            started = time.monotonic()
            response = client.post("/v1/drafts", json=POST, params=params)
            assert time.monotonic() - started < DEADLINE_S + 1
            if params:
                kind, problem = sse(response)[-1] if response.status_code == 200 else ("", {})
                if kind:
                    assert kind == "error" and problem["type"] == "knowledge-unavailable", problem
                    continue
            problem = assert_problem(response, 503)
            assert problem["type"].endswith("/knowledge-unavailable"), problem
            assert "chroma run" in problem["fix"]
        assert count_drafts(url) == before  # the failed requests stored nothing

        server.start()
        deadline = time.monotonic() + 20
        while True:
            recovered = post_draft(client)[0]
            if recovered.status_code == 201 or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        assert recovered.status_code == 201, recovered.text
