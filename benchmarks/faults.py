"""Faults, counted: the API as a real process against a fault-injecting fake model provider.

For each fault, N requests to POST /v1/drafts (concurrency C) must each end within the
request deadline with a draft (fallback marked) or a typed problem+json error; none may hang,
and storage must hold exactly the drafts that were acknowledged, each readable back.

    .venv/bin/python benchmarks/faults.py [--requests 30] [--concurrency 4] [--write-readme]
    [--database]  # also stop PostgreSQL mid-run (starts a throwaway server)
    [--chroma]    # serve the knowledge base from `chroma run` and stop that mid-run
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
DEADLINE_S = 4.0
LLM_TIMEOUT_S = 1.0
POST = {"brand": "demo", "channel": "x"}
POSTS = [
    "My order is two weeks late and nobody answers. Where is it?",
    "You charged me twice for the same kettle. Fix it please.",
    "The app keeps logging me out since yesterday's update.",
    "Delivery said delivered but there is nothing at my door.",
]
#: (row label, provider mode, streamed, seconds between streamed tokens)
FAULTS: list[tuple[str, str, bool, float]] = [
    ("none (ok)", "ok", False, 0.1),
    ("timeout (no answer)", "timeout", False, 0.1),
    ("timeout, streamed", "timeout", True, 0.1),
    ("slow stream, ~2 s in all (SSE trickle)", "slow_stream", True, 0.1),
    ("slow stream, ~6 s in all: past the deadline", "slow_stream", True, 0.3),
    ("429 + Retry-After: 1", "rate_limit", False, 0.1),
    ("500", "server_error", False, 0.1),
    ("connection refused (provider stopped)", "refused", False, 0.1),
    ("malformed JSON body", "malformed_json", False, 0.1),
    ("valid answer, content not the draft JSON", "not_a_draft", False, 0.1),
]


@dataclass
class Outcome:
    status: int
    latency: float
    fallback: bool = False
    draft_id: str | None = None
    text: str = ""
    error_type: str = ""
    typed: bool = False


@dataclass
class Row:
    fault: str
    outcomes: list[Outcome] = field(default_factory=list)
    stored_delta: int = 0
    unreadable: int = 0

    @property
    def drafts(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.draft_id]

    @property
    def errors(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.draft_id]

    @property
    def hung(self) -> int:
        return sum(o.latency > DEADLINE_S + 1 for o in self.outcomes)

    @property
    def clean(self) -> bool:
        return self.stored_delta == len(self.drafts) and self.unreadable == 0


def request(client: httpx.Client, base: str, text: str, stream: bool) -> Outcome:
    body = {**POST, "post": {"text": text}}
    started = time.monotonic()
    try:
        if not stream:
            r = client.post(f"{base}/v1/drafts", json=body)
            latency = time.monotonic() - started
            if r.status_code == 201:
                d = r.json()
                return Outcome(201, latency, d["fallback"], d["id"], d["text"])
            return _problem(r.status_code, latency, r)
        r = client.post(f"{base}/v1/drafts", json=body, params={"stream": "true"})
        latency = time.monotonic() - started
        if r.status_code != 200:
            return _problem(r.status_code, latency, r)
        kind, payload = _last_event(r.text)
        if kind == "draft":
            return Outcome(200, latency, payload["fallback"], payload["id"], payload["text"])
        typed = all(payload.get(k) for k in ("type", "title", "detail", "fix"))
        return Outcome(200, latency, error_type=f"sse:{payload.get('type')}", typed=typed)
    except httpx.HTTPError as exc:
        return Outcome(0, time.monotonic() - started, error_type=type(exc).__name__)


def _problem(status: int, latency: float, r: httpx.Response) -> Outcome:
    try:
        p = r.json()
    except ValueError:
        p = {}
    typed = r.headers.get("content-type", "").startswith("application/problem+json") and all(
        p.get(k) for k in ("type", "title", "detail", "fix")
    )
    return Outcome(
        status, latency, error_type=str(p.get("type", "")).rsplit("/", 1)[-1], typed=typed
    )


def _last_event(text: str) -> tuple[str, dict[str, Any]]:
    kind, data = "", {}
    for block in text.split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        if lines.get("event") in ("draft", "error"):
            kind, data = lines["event"], json.loads(lines["data"])
    return kind, data


def count_drafts(url: str) -> int:
    from tests.drafting.test_faults import count_drafts as count

    return count(url)


def run_fault(
    label: str,
    run: Any,
    *,
    base: str,
    key: str,
    db_url: str,
    n: int,
    concurrency: int,
    stream: bool,
) -> Row:
    row = Row(label)
    headers = {"Authorization": f"Bearer {key}"}
    with httpx.Client(headers=headers, timeout=DEADLINE_S + 15) as client:
        run()
        with ThreadPoolExecutor(concurrency) as pool:
            row.outcomes = list(
                pool.map(lambda i: request(client, base, POSTS[i % len(POSTS)], stream), range(n))
            )
    return row


def verify(row: Row, *, base: str, key: str, db_url: str, before: int) -> None:
    row.stored_delta = count_drafts(db_url) - before
    with httpx.Client(headers={"Authorization": f"Bearer {key}"}, timeout=10) as client:
        for o in row.drafts:
            r = client.get(f"{base}/v1/drafts/{o.draft_id}")
            if r.status_code != 200 or r.json()["text"] != o.text:
                row.unreadable += 1


def table(rows: list[Row]) -> str:
    lines = [
        "| fault | requests | drafts (fallback) | typed errors by status | untyped | hung "
        "| max latency | nothing half-written |",
        "| --- | ---: | ---: | --- | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        drafts = row.drafts
        typed = Counter(
            f"{o.status} {o.error_type}" if o.status else o.error_type
            for o in row.errors
            if o.typed
        )
        untyped = sum(not o.typed for o in row.errors)
        lines.append(
            f"| {row.fault} | {len(row.outcomes)} | {len(drafts)} "
            f"({sum(o.fallback for o in drafts)}) | "
            + (", ".join(f"{k}: {v}" for k, v in sorted(typed.items())) or "-")
            + f" | {untyped} | {row.hung} | {max(o.latency for o in row.outcomes):.2f} s | "
            + (
                "yes"
                if row.clean
                else f"**no** ({row.stored_delta} stored, {row.unreadable} unreadable)"
            )
            + " |"
        )
    return "\n".join(lines)


def write_readme(text: str) -> None:
    from benchmarks.readme_blocks import write_block

    write_block(
        "faults",
        text,
        section="## Faults\n\n"
        + "`.venv/bin/python benchmarks/faults.py [--write-readme]` (about 2 minutes). "
        + "Options: `--requests` (per fault), `--concurrency`, `--database` (also stop a "
        + "throwaway PostgreSQL mid-run), `--chroma` (serve the knowledge base from "
        + "`chroma run` and stop it mid-run).\n\n"
        + "It runs `crisisdraft serve` as a real process with `CRISISDRAFT_DRAFT_MODEL="
        + "openai/fake` pointing at `tests/fault_provider.py` (a fault-injecting "
        + "OpenAI-compatible server on loopback), switches the provider into each fault and "
        + "sends the requests. A request *hangs* when it takes longer than the request "
        + "deadline + 1 s. *Nothing half-written*: the drafts table grew by exactly the "
        + "number of drafts acknowledged, and each reads back the same with GET.\n\n",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30, help="requests per fault")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--database", action="store_true", help="also stop PostgreSQL mid-run")
    parser.add_argument("--chroma", action="store_true", help="also stop a Chroma server mid-run")
    parser.add_argument("--write-readme", action="store_true")
    args = parser.parse_args()

    from contextlib import ExitStack

    from drafting.config import Settings
    from drafting.storage.repository import Storage
    from knowledge.registry import BrandRegistry
    from tests.fault_provider import FaultProvider
    from tests.servers import free_port, postgres_server, process

    began = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="crisisdraft-faults-"))
    with ExitStack() as stack:
        db_url = stack.enter_context(postgres_server()) if args.database else None
        base_settings = Settings(_env_file=None)
        settings = Settings(
            _env_file=None,
            data_dir=work / "data",
            models_dir=base_settings.models_dir.resolve(),
            database_url=db_url,
        )
        BrandRegistry(settings).load_dir(REPO / "knowledge" / "brands" / "demo")
        db_url = settings.resolved_database_url
        key, _ = Storage(db_url).create_key(name="faults", role="agent", brands=["demo"])
        fake = stack.enter_context(FaultProvider(token_delay_s=0.1))
        chroma = ChromaServer(settings.chroma_dir, work / "chroma.log") if args.chroma else None
        if chroma is not None:  # from now on only the server touches the loaded directory
            chroma.start()
            stack.callback(chroma.stop)
        port = free_port()
        env = {
            "CRISISDRAFT_DATA_DIR": str(settings.data_dir),
            "CRISISDRAFT_MODELS_DIR": str(settings.models_dir),
            "CRISISDRAFT_DATABASE_URL": db_url,
            "CRISISDRAFT_DRAFT_MODEL": "openai/fake",
            "CRISISDRAFT_LLM_API_BASE": fake.base_url,
            "CRISISDRAFT_LLM_TIMEOUT_S": str(LLM_TIMEOUT_S),
            "CRISISDRAFT_REQUEST_DEADLINE_S": str(DEADLINE_S),
            "CRISISDRAFT_RATE_LIMIT_PER_MINUTE": "100000",
            "CRISISDRAFT_LOG_LEVEL": "ERROR",
            **({"CRISISDRAFT_CHROMA_URL": chroma.url} if chroma is not None else {}),
        }
        cmd = [sys.executable, "-m", "drafting.cli.app", "serve", "--port", str(port)]
        stack.enter_context(process(cmd, port=port, env=env, log=work / "serve.log"))
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(headers={"Authorization": f"Bearer {key}"}, timeout=120) as client:
            for _ in range(5):  # the first requests load the models (longer than the deadline)
                warm = client.post(f"{base}/v1/drafts", json={**POST, "post": {"text": POSTS[0]}})
                if warm.status_code == 201:
                    break
            else:
                raise SystemExit(f"warm-up failed: {warm.status_code} {warm.text[:500]}")

        rows = []
        for label, mode, stream, delay in FAULTS:
            before = count_drafts(db_url)
            fake.token_delay_s = delay
            row = run_fault(
                label,
                lambda mode=mode: fake.set_mode(mode),
                base=base,
                key=key,
                db_url=db_url,
                n=args.requests,
                concurrency=args.concurrency,
                stream=stream,
            )
            fake.set_mode("ok")
            time.sleep(5.5)  # let the Router's cooldown of the fake provider expire
            verify(row, base=base, key=key, db_url=db_url, before=before)
            rows.append(row)
            print(f"  {label}: done", file=sys.stderr)
        if args.database:
            rows.append(database_row(args, base=base, key=key, db_url=db_url))
        if chroma is not None:
            rows.append(chroma_row(args, chroma, base=base, key=key, db_url=db_url))
    elapsed = time.monotonic() - began
    shutil.rmtree(work, ignore_errors=True)

    text = (
        table(rows)
        + "\n\n"
        + (
            f"{args.requests} requests per fault, {args.concurrency} at a time, request deadline "
            f"{DEADLINE_S:.0f} s (`CRISISDRAFT_REQUEST_DEADLINE_S`), provider timeout "
            f"{LLM_TIMEOUT_S:.0f} s with 1 retry, fallback `crisisdraft/composer`; streamed rows "
            "use `?stream=true` (errors arrive as an SSE `error` event with the problem's "
            f"fields). Storage: {'PostgreSQL' if args.database else 'SQLite'}; knowledge "
            f"base: {'a `chroma run` server' if args.chroma else 'embedded Chroma'}. "
            f"Run took {elapsed:.0f} s on {os.cpu_count()} shared cores; latency "
            "median over all rows "
            f"{statistics.median(o.latency for r in rows for o in r.outcomes):.2f} s."
        )
    )
    print(text)
    if args.write_readme:
        write_readme(text)
    if any(r.hung or not r.clean or any(not o.typed for o in r.errors) for r in rows):
        raise SystemExit(1)


def database_row(args: Any, *, base: str, key: str, db_url: str) -> Row:
    """Stop PostgreSQL, send the requests, start it again; the service must recover."""
    from sqlalchemy import create_engine, text

    from tests.drafting.test_faults import pg_ctl

    engine = create_engine(db_url)
    with engine.connect() as conn:
        data_dir = str(conn.execute(text("SHOW data_directory")).scalar_one())
    engine.dispose()
    before = count_drafts(db_url)
    row = run_fault(
        "database stopped",
        lambda: pg_ctl(db_url, data_dir, "stop"),
        base=base,
        key=key,
        db_url=db_url,
        n=args.requests,
        concurrency=args.concurrency,
        stream=False,
    )
    pg_ctl(db_url, data_dir, "start")
    with httpx.Client(headers={"Authorization": f"Bearer {key}"}, timeout=30) as client:
        recovered = client.post(f"{base}/v1/drafts", json={**POST, "post": {"text": POSTS[1]}})
    row.fault += f" (then restarted: {recovered.status_code})"
    verify(row, base=base, key=key, db_url=db_url, before=before)
    row.stored_delta -= int(recovered.status_code == 201)
    return row


class ChromaServer:
    """`chroma run` over a directory, stoppable and restartable on the same port."""

    def __init__(self, path: Path, log: Path) -> None:
        from tests.servers import free_port

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        exe = Path(sys.executable).parent / "chroma"
        self.args = [str(exe), "run", "--path", str(path), "--host", "127.0.0.1"]
        self.args += ["--port", str(self.port)]
        self.log = log
        self._cm: Any = None

    def start(self) -> None:
        from tests.servers import process

        self._cm = process(self.args, port=self.port, log=self.log)
        self._cm.__enter__()

    def stop(self) -> None:
        if self._cm is not None:
            self._cm.__exit__(None, None, None)
            self._cm = None


def chroma_row(args: Any, chroma: ChromaServer, *, base: str, key: str, db_url: str) -> Row:
    """Stop the Chroma server, send the requests, start it again; the service must recover."""
    before = count_drafts(db_url)
    row = run_fault(
        "Chroma server stopped",
        chroma.stop,
        base=base,
        key=key,
        db_url=db_url,
        n=args.requests,
        concurrency=args.concurrency,
        stream=False,
    )
    chroma.start()
    with httpx.Client(headers={"Authorization": f"Bearer {key}"}, timeout=30) as client:
        recovered = client.post(f"{base}/v1/drafts", json={**POST, "post": {"text": POSTS[2]}})
    row.fault += f" (then restarted: {recovered.status_code})"
    verify(row, base=base, key=key, db_url=db_url, before=before)
    row.stored_delta -= int(recovered.status_code == 201)
    return row


if __name__ == "__main__":
    main()
