"""A small load generator for ``POST /v1/drafts``, run as a process of its own.

N concurrent clients (asyncio + httpx, one keep-alive connection each) send real customer
posts from ``../shared/data/twitter-customer-care/dev.json`` (read at run time, never
copied) back to back, for ``--duration`` seconds or ``--requests`` requests in all, and
print one JSON object: counts per status, transport errors, throughput, latency
percentiles of the 201s, the medians of the ``timings`` each draft returns, and this
process's own CPU time (so a benchmark can tell how much of the machine the load took).

    .venv/bin/python benchmarks/loadgen.py --url http://127.0.0.1:8000 --key KEY \\
        --clients 16 --duration 30
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import resource
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
DEV_JSON = REPO.parent / "shared" / "data" / "twitter-customer-care" / "dev.json"
TIMINGS = ("triage_ms", "retrieval_ms", "prompt_ms", "generation_ms", "checks_ms", "total_ms")


def customer_posts(path: Path = DEV_JSON, max_chars: int = 1000) -> list[str]:
    """Every customer message of the conversations, in file order (duplicates dropped)."""
    conversations = json.loads(path.read_text(encoding="utf-8"))
    seen: dict[str, None] = {}
    for conversation in conversations:
        for turn in conversation["dialogContent"]:
            text = str(turn.get("message", "")).strip()
            if "client" in turn and text:
                seen.setdefault(text[:max_chars])
    return list(seen)


def distinct_post(posts: list[str], i: int) -> str:
    """The ``i``-th post of a run: never a text sent before in it. The service caches a
    post's embedding, so a run that repeated its posts would measure the cache, not drafting;
    past the last message the posts come round again marked with the round, as new texts."""
    text = posts[i % len(posts)]
    return text if i < len(posts) else f"{text} (#{i // len(posts)})"


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def drive(
    url: str,
    key: str,
    *,
    brand: str,
    posts: list[str],
    clients: int,
    duration_s: float | None,
    total: int | None,
    timeout_s: float,
) -> dict[str, Any]:
    statuses: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    problems: Counter[str] = Counter()
    latencies: list[float] = []
    timings: dict[str, list[float]] = {name: [] for name in TIMINGS}
    order = itertools.count()
    headers = {"Authorization": f"Bearer {key}"}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    started = time.perf_counter()
    deadline = started + duration_s if duration_s else None

    async def client(http: httpx.AsyncClient) -> None:
        while True:
            i = next(order)
            if (total is not None and i >= total) or (
                deadline is not None and time.perf_counter() >= deadline
            ):
                return
            body = {"brand": brand, "channel": "x", "post": {"text": distinct_post(posts, i)}}
            sent = time.perf_counter()
            try:
                response = await http.post("/v1/drafts", json=body)
            except httpx.HTTPError as exc:
                errors[type(exc).__name__] += 1
                continue
            statuses[str(response.status_code)] += 1
            if response.status_code == 201:
                latencies.append((time.perf_counter() - sent) * 1000)
                draft_timings = response.json().get("timings", {})
                for name in TIMINGS:
                    timings[name].append(float(draft_timings.get(name, 0.0)))
            else:
                try:  # the title and the start of the detail (not the post)
                    problem = response.json()
                    title = f"{problem.get('title', '')}: {str(problem.get('detail', ''))[:48]}"
                except ValueError:
                    title = response.text[:80]
                problems[f"{response.status_code} {title}"] += 1

    async with httpx.AsyncClient(
        base_url=url, headers=headers, limits=limits, timeout=timeout_s
    ) as http:
        await asyncio.gather(*[client(http) for _ in range(clients)])
    elapsed = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "clients": clients,
        "elapsed_s": elapsed,
        "requests": sum(statuses.values()) + sum(errors.values()),
        "ok": statuses.get("201", 0),
        "statuses": dict(statuses),
        "problems": dict(problems),
        "errors": dict(errors),
        "throughput": statuses.get("201", 0) / elapsed if elapsed else 0.0,
        "p50_ms": percentile(latencies, 50),
        "p90_ms": percentile(latencies, 90),
        "p99_ms": percentile(latencies, 99),
        "max_ms": max(latencies, default=float("nan")),
        "timings_p50": {
            name: statistics.median(values) if values else float("nan")
            for name, values in timings.items()
        },
        "cpu_s": usage.ru_utime + usage.ru_stime,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="the API's base URL")
    parser.add_argument("--key", required=True, help="an API key that may draft for --brand")
    parser.add_argument("--brand", default="demo")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients")
    parser.add_argument("--duration", type=float, help="seconds to run (closed loop)")
    parser.add_argument("--requests", type=int, help="requests in all (instead of --duration)")
    parser.add_argument("--offset", type=int, default=0, help="first post to send")
    parser.add_argument("--timeout", type=float, default=120.0, help="per-request timeout, s")
    args = parser.parse_args()
    if (args.duration is None) == (args.requests is None):
        parser.error("give exactly one of --duration and --requests")
    posts = customer_posts()
    posts = posts[args.offset % len(posts) :] + posts[: args.offset % len(posts)]
    result = asyncio.run(
        drive(
            args.url,
            args.key,
            brand=args.brand,
            posts=posts,
            clients=args.clients,
            duration_s=args.duration,
            total=args.requests,
            timeout_s=args.timeout,
        )
    )
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
