"""Two API workers on one PostgreSQL and one Chroma server share rate limits and idempotency.

The workers are two real ``crisisdraft serve`` processes on their own ports, so each request
goes to the worker the test names (as a load balancer would spread them); a limit or a key
kept in one process's memory would not be seen by the other.
"""

from __future__ import annotations

import json
import sys
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import DEMO_PACK, bearer, make_settings
from tests.servers import free_port, process

pytestmark = pytest.mark.slow

RATE_LIMIT = 8  # per key per minute, for every worker (the idempotency test sends 6)
BIN = Path(sys.executable).parent


@dataclass
class Topology:
    database_url: str
    workers: tuple[str, str]  # base URLs of the two worker processes
    keys: dict[str, tuple[str, str]]  # purpose -> (key, key id)
    post: str


@pytest.fixture(scope="module")
def topology(
    postgres: str,
    tmp_path_factory: pytest.TempPathFactory,
    models_dir: Path,
    twitter_dev_json: Path,
) -> Iterator[Topology]:
    from sqlalchemy import create_engine, text

    from drafting.storage.repository import Storage
    from knowledge.registry import BrandRegistry

    root = tmp_path_factory.mktemp("scaleout")
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    database_url = postgres.rsplit("/", 1)[0] + "/" + name

    chroma_port = free_port()
    chroma = [str(BIN / "chroma"), "run", "--path", str(root / "chroma")]
    chroma += ["--host", "127.0.0.1", "--port", str(chroma_port)]
    with process(chroma, port=chroma_port, log=root / "chroma.log"):
        chroma_url = f"http://127.0.0.1:{chroma_port}"
        settings = make_settings(
            root / "data", models_dir, database_url=database_url, chroma_url=chroma_url
        )
        BrandRegistry(settings).load_dir(DEMO_PACK)
        storage = Storage(database_url)
        keys = {}
        for purpose in ("warm", "idempotency", "rate"):
            key, principal = storage.create_key(name=purpose, role="agent", brands=["demo"])
            keys[purpose] = (key, principal.key_id)
        env = {
            "CRISISDRAFT_DATA_DIR": str(settings.data_dir),
            "CRISISDRAFT_MODELS_DIR": str(models_dir),
            "CRISISDRAFT_DATABASE_URL": database_url,
            "CRISISDRAFT_CHROMA_URL": chroma_url,
            "CRISISDRAFT_RATE_LIMIT_PER_MINUTE": str(RATE_LIMIT),
            "LITELLM_LOCAL_MODEL_COST_MAP": "True",
        }
        ports = (free_port(), free_port())
        serve = [str(BIN / "crisisdraft"), "serve", "--workers", "1", "--port"]
        with (
            process([*serve, str(ports[0])], port=ports[0], env=env, log=root / "a.log"),
            process([*serve, str(ports[1])], port=ports[1], env=env, log=root / "b.log"),
        ):
            conversations = json.loads(twitter_dev_json.read_text(encoding="utf-8"))
            post = next(
                t["message"]
                for c in conversations
                for t in c["dialogContent"]
                if "client" in t and len(t["message"]) > 60
            )
            topo = Topology(
                database_url,
                (f"http://127.0.0.1:{ports[0]}", f"http://127.0.0.1:{ports[1]}"),
                keys,
                post,
            )
            for url in topo.workers:  # load each worker's model and indexes before timing races
                warm = _draft(url, keys["warm"][0], post)
                assert warm.status_code == 201, warm.text
            yield topo


def _draft(
    url: str, key: str, post: str, idempotency_key: str | None = None, channel: str = "x"
) -> httpx.Response:
    headers = bearer(key)
    if idempotency_key:
        headers["Idempotency-Key"] = idempotency_key
    body = {"brand": "demo", "channel": channel, "post": {"text": post}}
    return httpx.post(f"{url}/v1/drafts", json=body, headers=headers, timeout=120)


def _drafts_by(database_url: str, key_id: str) -> int:
    from sqlalchemy import func, select

    from drafting.storage.repository import Storage
    from drafting.storage.tables import DraftRow

    with Storage(database_url).sessions() as s:
        return int(
            s.scalar(
                select(func.count()).select_from(DraftRow).where(DraftRow.created_by == key_id)
            )
            or 0
        )


def test_one_idempotency_key_gives_one_draft_across_workers(topology: Topology) -> None:
    (a, b), (key, key_id) = topology.workers, topology.keys["idempotency"]
    first = _draft(a, key, topology.post, "retry-1")
    assert first.status_code == 201, first.text
    again = _draft(b, key, topology.post, "retry-1")  # the client retries; another worker answers
    assert again.status_code == 201, again.text
    assert again.headers.get("idempotent-replay") == "true"
    assert again.json()["id"] == first.json()["id"]
    other = _draft(b, key, topology.post, "retry-1", channel="facebook")
    assert other.status_code == 409, other.text  # same key, another request: refused
    assert _drafts_by(topology.database_url, key_id) == 1

    # The same key sent to both workers at once: one draft; the other answer is the replay
    # of it, or 409 "still in progress" when it arrives while the first is being drafted.
    with ThreadPoolExecutor(max_workers=2) as pool:
        both = list(pool.map(lambda url: _draft(url, key, topology.post, "race-1"), (a, b)))
    assert sorted(r.status_code for r in both) in ([201, 201], [201, 409]), [r.text for r in both]
    fresh = [r for r in both if r.status_code == 201 and "idempotent-replay" not in r.headers]
    assert len(fresh) == 1
    assert _drafts_by(topology.database_url, key_id) == 2
    replay = _draft(b, key, topology.post, "race-1")
    assert replay.headers.get("idempotent-replay") == "true"
    assert replay.json()["id"] == fresh[0].json()["id"]


def test_the_rate_limit_counts_requests_to_every_worker(topology: Topology) -> None:
    second = time.time() % 60
    if second > 50:  # the limit counts per clock minute: start within one
        time.sleep(61 - second)
    key = topology.keys["rate"][0]
    answers: list[Any] = []
    for i in range(RATE_LIMIT + 1):  # alternate: each worker alone sees at most 5 requests
        url = topology.workers[i % 2]
        answers.append(httpx.get(f"{url}/v1/drafts/d_missing", headers=bearer(key), timeout=30))
    assert [r.status_code for r in answers] == [404] * RATE_LIMIT + [429]
    refused = answers[-1]
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert "fix" in refused.json()
    # The other worker refuses this key too, and other keys are not affected.
    assert (
        httpx.get(f"{topology.workers[0]}/v1/drafts/d_missing", headers=bearer(key)).status_code
        == 429
    )
    warm = topology.keys["warm"][0]
    assert (
        httpx.get(f"{topology.workers[0]}/v1/drafts/d_missing", headers=bearer(warm)).status_code
        == 404
    )


def test_workers_starting_together_migrate_a_fresh_database_once(database_url: str) -> None:
    """Workers of a new installation all bring the empty schema up at their first request."""
    import subprocess

    from tests.conftest import REPO

    code = "import sys; from drafting.storage.engine import engine_for; engine_for(sys.argv[1])"
    starts = [
        subprocess.Popen(
            [sys.executable, "-c", code, database_url],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    failed = [err for p in starts for _, err in [p.communicate(timeout=120)] if p.returncode]
    assert failed == [], failed[0][-1500:]
