"""Draft latency: crisisdraft's pipeline with the built-in composer vs a naive LangChain RAG chain.

Both run over the demo brand with 10,000 approved replies loaded, side by side in one run,
at 1 and at 8 concurrent clients. The naive chain does comparable work without triage or
checks: a langchain-chroma retriever using Chroma's own default embedding function (same
all-MiniLM-L6-v2 files), a ChatPromptTemplate, and litellm with ``mock_response``.

Pipeline overhead = total latency minus the composer's own generation time.

Every request of a side carries a post that side has not seen before in the run (the real
customer messages, then the same marked with a round number), so our query-embedding cache
never answers: each draft pays for its post's embedding, as a new post does in production.

    .venv/bin/python benchmarks/bench_drafting.py [--replies 10000] [--requests 200]
        [--rounds 4] [--write-readme]

The two run in alternating rounds (ours then the chain, then the chain then ours, ...), so
both see the same machine load; medians pool every round's requests, and the ratio is also
given per round (its median), which a busy neighbour moves less.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
TWITTER = REPO.parent / "shared" / "data" / "twitter-customer-care" / "dev.json"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def build_pack(out: Path, n_replies: int) -> Path:
    """The demo pack plus ``n_replies`` approved replies made from the real conversations."""
    from knowledge.twitter_import import read_conversations

    shutil.copytree(REPO / "knowledge" / "brands" / "demo", out)
    convs = [c for c in read_conversations(TWITTER) if c.last_client_turn]
    lines = []
    for i in range(n_replies):
        conv = convs[i % len(convs)]
        turn = conv.last_client_turn
        assert turn is not None
        variant = i // len(convs)
        lines.append(
            json.dumps(
                {
                    "id": f"bench-{i:06d}",
                    "post": {"text": f"{turn['message']} (case {variant})", "channel": "x"},
                    "reply": conv.reply,
                    "category": "other",
                    "kind": "reply",
                    "language": "en",
                    "approved_at": turn["datetime"],
                    "approved_by": "bench",
                }
            )
        )
    with open(out / "approved_replies.jsonl", "a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return out


async def run_clients(fn: Any, posts: Iterator[str], clients: int, total: int) -> list[float]:
    latencies: list[float] = []
    queue: asyncio.Queue[str] = asyncio.Queue()
    for _ in range(total):
        queue.put_nowait(next(posts))

    async def worker() -> None:
        while not queue.empty():
            post = queue.get_nowait()
            started = time.perf_counter()
            await fn(post)
            latencies.append((time.perf_counter() - started) * 1000)

    await asyncio.gather(*[worker() for _ in range(clients)])
    return latencies


def load_average() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def table(results: dict[int, dict[str, float]], args: Any, start: str, end: str) -> str:
    lines = [
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: demo brand + "
        f"{args.replies:,} approved replies, {args.rounds} alternating rounds, "
        f"{os.cpu_count()} CPUs, 1-minute load average {start} at the start and {end} at "
        "the end (other work shares the machine).",
        "",
        "| clients | requests per side | ours p50 | ours p99 | overhead p50 (target <= 25 ms) "
        "| naive p50 | naive p99 | ratio of p50s (target <= 0.5) | ratio per round: median "
        "(min-max) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for clients, r in results.items():
        lines.append(
            f"| {clients} | {r['requests']:.0f} | {r['ours_p50']:.1f} ms | {r['ours_p99']:.1f} ms "
            f"| {r['overhead_p50']:.1f} ms | {r['naive_p50']:.1f} ms | {r['naive_p99']:.1f} ms "
            f"| {r['ratio']:.2f} | {r['ratio_rounds']:.2f} ({r['ratio_min']:.2f}-"
            f"{r['ratio_max']:.2f}) |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--replies", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200, help="per client count and side")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--write-readme", action="store_true")
    args = parser.parse_args()
    load_start = load_average()

    from benchmarks.loadgen import customer_posts, distinct_post
    from drafting.config import Settings
    from drafting.pipeline import create_draft
    from drafting.schemas import DraftCreate
    from drafting.storage.repository import Storage
    from drafting.triage.language import language_of
    from knowledge.registry import BrandRegistry

    base = Settings(_env_file=None)  # type: ignore[call-arg]
    work = Path(tempfile.mkdtemp(prefix="crisisdraft-bench-"))
    settings = Settings(
        _env_file=None,
        data_dir=work / "data",  # type: ignore[call-arg]
        models_dir=base.models_dir.resolve(),
        max_pack_file_bytes=50_000_000,
    )
    pack = build_pack(work / "pack", args.replies)
    started = time.perf_counter()
    BrandRegistry(settings).load_dir(pack)
    load_s = time.perf_counter() - started
    print(f"loaded demo + {args.replies:,} approved replies in {load_s:.1f} s")

    registry = BrandRegistry(settings)
    storage = Storage(settings.resolved_database_url)
    # Every request of a side a post it has not seen: ours caches a post's embedding.
    # (In the brand's languages: a post in another is a 422, not a draft.)
    messages = [
        m
        for m in customer_posts(TWITTER)
        if language_of(m) in (*registry.get("demo").brand.languages, None)
    ]
    post_streams = {
        side: (distinct_post(messages, i) for i in itertools.count()) for side in ("ours", "naive")
    }
    composer_ms: list[float] = []

    async def ours(post: str) -> None:
        draft = await create_draft(
            DraftCreate.model_validate(
                {"brand": "demo", "channel": "x", "post": {"text": post[:1000]}}
            ),
            settings=settings,
            registry=registry,
            store=storage,
        )
        composer_ms.append(draft.timings.generation_ms)

    # The peer: a naive LangChain RAG chain over the same replies and vectors.
    import chromadb
    import litellm
    from langchain_chroma import Chroma
    from langchain_core.embeddings import Embeddings
    from langchain_core.prompts import ChatPromptTemplate

    from knowledge.modelfiles import chroma_default_embedding_function

    chroma_ef = chroma_default_embedding_function(
        settings.models_dir / "all-MiniLM-L6-v2", work / "chroma-onnx"
    )

    class ChromaDefault(Embeddings):
        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            return [list(map(float, v)) for v in chroma_ef(texts)]

        def embed_query(self, text: str) -> list[float]:
            return self.embed_documents([text])[0]

    client = chromadb.PersistentClient(str(work / "peer-chroma"))
    collection = client.get_or_create_collection("replies", metadata={"hnsw:space": "cosine"})
    # The same vectors our store holds (same model): the peer pays only for its queries.
    from knowledge.vectorstore import get_client, open_collection

    stored = open_collection(get_client(settings), "demo").get(
        include=["embeddings", "documents", "metadatas"]
    )
    rows = [
        (i, v, d, m)
        for i, v, d, m in zip(
            stored["ids"],
            stored["embeddings"],
            stored["documents"],
            stored["metadatas"],
            strict=True,
        )
        if m.get("reply")
    ]
    for start in range(0, len(rows), 4000):
        chunk = rows[start : start + 4000]
        collection.add(
            ids=[r[0] for r in chunk],
            embeddings=[[float(x) for x in r[1]] for r in chunk],
            documents=[r[2] for r in chunk],
            metadatas=[{"reply": str(r[3]["reply"])} for r in chunk],
        )
    store = Chroma(client=client, collection_name="replies", embedding_function=ChromaDefault())
    retriever = store.as_retriever(search_kwargs={"k": 8})
    prompt = ChatPromptTemplate.from_messages(
        [("system", "You write replies for Verdello. Past replies:\n{context}"), ("user", "{post}")]
    )

    async def naive(post: str) -> None:
        docs = await retriever.ainvoke(post[:1000])
        context = "\n".join(f"{d.page_content}\n{d.metadata.get('reply', '')}" for d in docs)
        messages = prompt.invoke({"context": context, "post": post[:1000]}).to_messages()
        await litellm.acompletion(
            model="openai/gpt-4o-mini",
            mock_response="We're sorry. Please DM us.",
            messages=[
                {"role": "user" if m.type == "human" else "system", "content": m.content}
                for m in messages
            ],
        )

    async def bench() -> dict[int, dict[str, float]]:
        out: dict[int, dict[str, float]] = {}
        for fn in (ours, naive):  # warm up both (on posts of their own)
            for post in messages[-5:]:
                await fn(f"{post} (warm-up)")
        per_round = max(1, args.requests // args.rounds)
        for clients in (1, 8):
            mine: list[float] = []
            peer: list[float] = []
            overhead: list[float] = []
            ratios: list[float] = []
            for r in range(args.rounds):
                sides = (ours, naive) if r % 2 == 0 else (naive, ours)
                got: dict[Any, list[float]] = {}
                for fn in sides:
                    composer_ms.clear()
                    got[fn] = await run_clients(
                        fn, post_streams["ours" if fn is ours else "naive"], clients, per_round
                    )
                    if fn is ours:
                        overhead += [t - g for t, g in zip(got[fn], composer_ms, strict=False)]
                mine += got[ours]
                peer += got[naive]
                ratios.append(statistics.median(got[ours]) / statistics.median(got[naive]))
            out[clients] = {
                "ours_p50": statistics.median(mine),
                "ours_p99": percentile(mine, 99),
                "overhead_p50": statistics.median(overhead),
                "naive_p50": statistics.median(peer),
                "naive_p99": percentile(peer, 99),
                "ratio": statistics.median(mine) / statistics.median(peer),
                "ratio_rounds": statistics.median(ratios),
                "ratio_min": min(ratios),
                "ratio_max": max(ratios),
                "requests": len(mine),
            }
        return out

    results = asyncio.run(bench())
    text = table(results, args, load_start, load_average())
    print("\n" + text)
    if args.write_readme:
        from benchmarks.readme_blocks import write_block

        write_block("bench_drafting", text, section="## Drafting")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
