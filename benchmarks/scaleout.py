"""Scale-out: PostgreSQL, a Chroma server and 1 then 2 API workers, driven over HTTP.

Starts on loopback, as real processes: a throwaway PostgreSQL cluster (Debian's binaries,
as ``tests/servers.py`` starts them), ``chroma run`` from the venv, and ``crisisdraft serve
--workers N``. Loads the demo brand plus N approved replies made from the real customer-care
conversations (``bench_knowledge.synth_chunks``: real texts, their real embeddings mixed and
not re-embedded), then drives ``POST /v1/drafts`` (built-in drafter
``crisisdraft/composer``) with ``benchmarks/loadgen.py`` in a process of its own, first
against 1 worker and then against 2. Prints throughput, latency, memory, errors, the CPU
each process took per draft and the medians of the ``timings`` the drafts return.

    .venv/bin/python benchmarks/scaleout.py [--replies 100000] [--clients 16]
        [--duration 60] [--write-readme]

``--replies 5000 --duration 20`` is a quick run (about 3 minutes); ``--workers 1,2,4`` runs
more configurations (a column each).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

from benchmarks.bench_knowledge import (  # noqa: E402
    DEMO_PACK,
    DEV_JSON,
    load_average,
    real_texts,
    synth_chunks,
)
from tests.servers import free_port, postgres_server, process  # noqa: E402

README = REPO / "benchmarks" / "README.md"
BIN = Path(sys.executable).parent
TICK = os.sysconf("SC_CLK_TCK")
BENCH_ORIGIN = "bench"


# --- processes, from /proc --------------------------------------------------------------


def _stat(pid: int) -> list[str]:
    raw = Path(f"/proc/{pid}/stat").read_text()
    return raw[raw.rindex(")") + 2 :].split()  # fields from the 3rd (state) on


def children_map() -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int(_stat(int(entry.name))[1])
            except (OSError, ValueError, IndexError):
                continue
            out.setdefault(ppid, []).append(int(entry.name))
    return out


def tree(root: int) -> list[int]:
    """``root`` and all its descendants that are alive."""
    kids = children_map()
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(kids.get(pid, []))
    return found


def cpu_s(pids: Sequence[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            fields = _stat(pid)
        except OSError:
            continue
        # utime + stime, + cutime + cstime: children that exited (e.g. PostgreSQL backends
        # of connections the pool closed) count once, in their parent
        total += sum(int(f) for f in fields[11:15]) / TICK
    return total


def status_mb(pid: int, field: str) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def postmaster(port: int) -> int:
    """The PostgreSQL server listening on ``port`` (other people's clusters may run too)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            args = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if args and args[0].endswith(b"/postgres") and str(port).encode() in args:
            return int(entry.name)
    raise RuntimeError(f"no postgres process listens on port {port}")


# --- the topology -----------------------------------------------------------------------


@contextmanager
def chroma_server(path: Path) -> Iterator[tuple[str, int]]:
    port = free_port()
    args = [str(BIN / "chroma"), "run", "--path", str(path / "db")]
    args += ["--host", "127.0.0.1", "--port", str(port)]
    with process(args, port=port, log=path / "chroma.log") as proc:
        yield f"http://127.0.0.1:{port}", proc.pid


def settings_for(data_dir: Path, database_url: str, chroma_url: str) -> Any:
    from drafting.config import Settings

    base = Settings()  # the user's models dir
    return Settings(
        _env_file=None,
        data_dir=data_dir,
        models_dir=base.models_dir.resolve(),
        database_url=database_url,
        chroma_url=chroma_url,
    )


def load_knowledge(settings: Any, n_replies: int) -> dict[str, float]:
    """The demo brand, then ``n_replies`` approved replies added to its knowledge base."""
    from knowledge.embedder import get_embedder
    from knowledge.ingest import make_item, max_batch_size, sync_items
    from knowledge.registry import BrandRegistry
    from knowledge.vectorstore import get_client, open_collection

    started = time.perf_counter()
    BrandRegistry(settings).load_dir(DEMO_PACK)
    demo_s = time.perf_counter() - started
    _, every = real_texts()
    texts = sorted({t for t in every if t.strip()})
    started = time.perf_counter()
    vectors = dict(zip(texts, get_embedder(settings).embed(texts), strict=True))
    embed_s = time.perf_counter() - started
    # Real agent replies as the approved replies (synth_chunks gives them all one text).
    agent = [c["agentURL"]["url_utterance"] for c in json.loads(DEV_JSON.read_text())]
    items, by_doc = [], {}
    for i, (doc, meta, vector) in enumerate(synth_chunks(texts, vectors, n_replies)):
        meta.update(origin=BENCH_ORIGIN, reply=agent[i % len(agent)], language="en")
        items.append(make_item("r", doc, meta))
        by_doc[doc] = vector
    client = get_client(settings)
    collection = open_collection(client, "demo")
    started = time.perf_counter()
    added, _, _ = sync_items(
        collection,
        items,
        lambda docs: np.stack([by_doc[d] for d in docs]),
        scope={"origin": BENCH_ORIGIN},
        batch_size=max_batch_size(client),
    )
    return {
        "demo_s": demo_s,
        "embed_s": embed_s,
        "texts": len(texts),
        "bulk_s": time.perf_counter() - started,
        "added": added,
        "items": collection.count(),
    }


def api_env(settings: Any) -> dict[str, str]:
    return {
        "CRISISDRAFT_DATA_DIR": str(settings.data_dir),
        "CRISISDRAFT_MODELS_DIR": str(settings.models_dir),
        "CRISISDRAFT_DATABASE_URL": settings.database_url,
        "CRISISDRAFT_CHROMA_URL": settings.chroma_url,
        # Every request still counts in the shared rate-limit table; none is refused.
        "CRISISDRAFT_RATE_LIMIT_PER_MINUTE": str(10**9),
        "CRISISDRAFT_LOG_LEVEL": "WARNING",  # no access log line per request
        "LITELLM_LOCAL_MODEL_COST_MAP": "True",
        **({"UV_TCP_SINGLE_ACCEPT": "1"} if os.environ.get("SO_SINGLE") else {}),
    }


def loadgen(url: str, key: str, *args: str) -> dict[str, Any]:
    out = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "loadgen.py"),
            "--url",
            url,
            "--key",
            key,
            *args,
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    if out.returncode != 0:
        raise SystemExit(f"loadgen failed:\n{out.stderr[-3000:]}")
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def warm_up(url: str, key: str, clients: int, limit_s: float) -> dict[str, Any]:
    """Rounds of requests until one is fast and clean: every worker that took a connection
    has built its in-process index of the brand (the first search of a cold worker waits
    for it)."""
    started = time.perf_counter()
    rounds = 0
    while True:
        rounds += 1
        got = loadgen(url, key, "--clients", str(clients), "--requests", str(4 * clients))
        fast = got["ok"] == got["requests"] and got["max_ms"] < 3000
        if fast or time.perf_counter() - started > limit_s:
            return {"rounds": rounds, "seconds": time.perf_counter() - started, "clean": fast}


def measure(
    settings: Any,
    key: str,
    workers: int,
    *,
    clients: int,
    duration: float,
    pg_port: int,
    chroma_pid: int,
    logs: Path,
    with_profile: bool,
) -> dict[str, Any]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    args = [str(BIN / "crisisdraft"), "serve", "--port", str(port), "--workers", str(workers)]
    log = logs / f"api-{workers}.log"
    env = api_env(settings)
    started = time.perf_counter()
    with process(args, port=port, env=env, log=log, timeout=120) as proc:
        boot_s = time.perf_counter() - started
        warm = warm_up(url, key, clients, limit_s=600)
        profile = None
        if with_profile:  # one request at a time: where a draft's time goes, no queueing
            profile = loadgen(url, key, "--clients", "1", "--requests", "60", "--offset", "300")
        api = tree(proc.pid)
        pg = tree(postmaster(pg_port))
        before = {"api": cpu_s(api), "pg": cpu_s(pg), "chroma": cpu_s([chroma_pid])}
        before_pp = {pid: cpu_s([pid]) for pid in api}
        load_before = load_average()
        result = loadgen(
            url, key, "--clients", str(clients), "--duration", str(duration), "--offset", "500"
        )
        load_after = load_average()
        api_now, pg_now = tree(proc.pid), tree(postmaster(pg_port))
        after = {"api": cpu_s(api_now), "pg": cpu_s(pg_now), "chroma": cpu_s([chroma_pid])}
        per_process = {
            pid: {
                "rss_mb": status_mb(pid, "VmRSS"),
                "peak_mb": status_mb(pid, "VmHWM"),
                "run_cpu_s": cpu_s([pid]) - before_pp.get(pid, 0.0),
            }
            for pid in api_now
        }
    ok = max(1, result["ok"])
    result.update(
        workers=workers,
        boot_s=boot_s,
        warm=warm,
        profile=profile,
        processes=per_process,
        rss_mb=sum(p["rss_mb"] for p in per_process.values()),
        peak_mb=sum(p["peak_mb"] for p in per_process.values()),
        chroma_rss_mb=status_mb(chroma_pid, "VmRSS"),
        cpu_ms_per_draft={
            name: (after[name] - before[name]) * 1000 / ok for name in ("api", "pg", "chroma")
        }
        | {"loadgen": result["cpu_s"] * 1000 / ok},
        load=(load_before, load_after),
    )
    return result


# --- report -----------------------------------------------------------------------------


def _f(value: float, digits: int = 0) -> str:
    return f"{value:,.{digits}f}"


def _why(run: dict[str, Any]) -> str:
    """The refusals summed by status and kind, e.g. " (5 x 422 language)"."""
    counts: dict[str, int] = {}
    for problem, n in run["problems"].items():
        status, _, rest = problem.partition(" ")
        kind = f"{status} language" if "The post is in" in rest else status
        counts[kind] = counts.get(kind, 0) + n
    return f" ({', '.join(f'{n} x {k}' for k, n in counts.items())})" if counts else ""


def table(runs: list[dict[str, Any]], kb: dict[str, float], args: argparse.Namespace) -> str:
    one = runs[0]
    names = [f"{r['workers']} worker{'s' if r['workers'] > 1 else ''}" for r in runs]
    rows = [
        f"| measure | {' | '.join(names)} | target |",
        "|---|" + "---|" * len(runs) + "---|",
    ]

    def row(name: str, key: Any, target: str = "") -> None:
        rows.append(f"| {name} | {' | '.join(key(r) for r in runs)} | {target} |")

    row("drafts/s (201s over the run)", lambda r: _f(r["throughput"], 1), ">= 150 on one worker")
    if len(runs) > 1:
        row(
            f"throughput ratio to {names[0]}",
            lambda r: f"{r['throughput'] / max(one['throughput'], 1e-9):.2f}x",
            ">= 1.7x with two workers (with the cores)",
        )
    row(
        "POST /v1/drafts p50 / p90 / p99 ms",
        lambda r: f"{_f(r['p50_ms'])} / {_f(r['p90_ms'])} / {_f(r['p99_ms'])}",
    )
    row(
        "requests / 201 / other statuses / transport errors",
        lambda r: (
            f"{r['requests']:,} / {r['ok']:,} / "
            f"{sum(v for k, v in r['statuses'].items() if k != '201')}{_why(r)} / "
            f"{sum(r['errors'].values())}"
        ),
    )
    row(
        "API RSS, all processes, MB (now / peak)",
        lambda r: f"{_f(r['rss_mb'])} / {_f(r['peak_mb'])}",
    )
    row(
        "processes of the API (workers, and a supervisor when several)",
        lambda r: str(len(r["processes"])),
    )
    row(
        "CPU s of each API process during the run (the supervisor and resource tracker idle)",
        lambda r: " / ".join(_f(p["run_cpu_s"], 1) for p in r["processes"].values()),
    )
    row("Chroma server RSS, MB", lambda r: _f(r["chroma_rss_mb"]))
    row(
        "CPU ms per draft: API / PostgreSQL / Chroma / load generator",
        lambda r: " / ".join(
            _f(r["cpu_ms_per_draft"][k], 1) for k in ("api", "pg", "chroma", "loadgen")
        ),
    )
    row(
        "draft `timings` p50 ms: triage / retrieval / prompt / generation / checks / total",
        lambda r: " / ".join(
            _f(r["timings_p50"][k], 1)
            for k in (
                "triage_ms",
                "retrieval_ms",
                "prompt_ms",
                "generation_ms",
                "checks_ms",
                "total_ms",
            )
        ),
    )
    prof = one.get("profile")
    if prof:
        t = prof["timings_p50"]
        stages = ("triage_ms", "retrieval_ms", "prompt_ms", "generation_ms", "checks_ms")
        cell = (
            f"{_f(prof['p50_ms'], 1)} = {_f(t['total_ms'], 1)} ("
            + " / ".join(_f(t[k], 1) for k in stages)
            + f") + {_f(prof['p50_ms'] - t['total_ms'], 1)}"
        )
        rows.append(
            f"| one client at a time ({names[0]}, 60 posts): POST p50 ms = pipeline `total_ms` "
            "p50 (triage / retrieval / prompt / generation / checks) + outside the pipeline "
            f"(HTTP, key, rate limit, storing) | {cell} |" + " |" * len(runs)
        )
    row(
        "start-up s / warm-up s (rounds)",
        lambda r: f"{_f(r['boot_s'], 1)} / {_f(r['warm']['seconds'], 0)} ({r['warm']['rounds']})",
    )
    row(
        "1-minute load average before / after the run", lambda r: f"{r['load'][0]} / {r['load'][1]}"
    )
    return "\n".join(rows)


def notes(runs: list[dict[str, Any]], kb: dict[str, float], args: argparse.Namespace) -> str:
    one = runs[0]
    cpu = sum(one["cpu_ms_per_draft"].values())
    api = max(one["cpu_ms_per_draft"]["api"], 1e-9)
    ceiling = (os.cpu_count() or 1) * 1000 / cpu if cpu else float("nan")
    return (
        f"\nSetup: {os.cpu_count()} CPUs ({platform.machine()}), Python "
        f"{platform.python_version()}, shared with other engineers' work at the same time, so "
        "figures move by tens of percent between runs. PostgreSQL, `chroma run`, the API "
        f"and the load generator ({args.clients} concurrent clients, closed loop, "
        f"{args.duration:.0f} s per configuration after a warm-up) all ran on these cores. "
        f"Knowledge base: the demo brand plus {kb['added']:,} approved replies "
        f"({kb['items']:,} items in the brand's Chroma collection), made from the real "
        "customer-care conversations by `bench_knowledge.synth_chunks` (their vectors mix real "
        f"embeddings, not re-embedded; bulk load over HTTP {kb['bulk_s']:.0f} s). Posts: real "
        "customer messages from dev.json, built-in drafter `crisisdraft/composer`. One worker "
        f"took {cpu:.0f} CPU-ms per draft across all processes, so these "
        f"{os.cpu_count()} cores cannot exceed about {ceiling:.0f} drafts/s whatever the "
        "number of workers. A worker is one Python process (one GIL), so it uses about one "
        f"core at most: at {api:.0f} CPU-ms per draft in the API it cannot pass about "
        f"{1000 / api:.0f} drafts/s; 150 drafts/s on one worker needs at most 6.7 CPU-ms per "
        f"draft, and 150 drafts/s at today's cost needs about {150 * cpu / 1000:.0f} cores in "
        "all."
    ) + (
        " The 422s are posts that triage reads as a language the demo brand does not answer "
        "(Portuguese, German): refusals by design, not failures."
        if any("language" in _why(r) for r in runs)
        else ""
    )


def write_readme(text: str) -> None:
    from benchmarks.readme_blocks import write_block

    write_block(
        "scaleout",
        text,
        section="## Scale-out\n\n"
        + "`.venv/bin/python benchmarks/scaleout.py [--write-readme]` (about 10 minutes; "
        + "`--replies 5000 --duration 20` for a quick run of about 3). Options: "
        + "`--replies`, `--clients`, `--duration`, `--workers`.\n\n"
        + "It starts PostgreSQL, `chroma run` and `crisisdraft serve --workers N` on "
        + "loopback as real processes, loads the demo brand plus the approved replies, and "
        + "drives `POST /v1/drafts` from `benchmarks/loadgen.py` (asyncio + httpx) in a "
        + "process of its own.\n\n",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replies", type=int, default=100_000, help="approved replies to add")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds per run")
    parser.add_argument(
        "--workers", default="1,2", help="worker counts to run, comma-separated (default 1,2)"
    )
    parser.add_argument(
        "--write-readme", action="store_true", help="write the figures into benchmarks/README.md"
    )
    args = parser.parse_args()
    started = time.perf_counter()
    load_start = load_average()
    with tempfile.TemporaryDirectory(prefix="crisisdraft-scaleout-") as tmp_name:
        tmp = Path(tmp_name)
        with postgres_server() as database_url, chroma_server(tmp) as (chroma_url, chroma_pid):
            pg_port = int(database_url.rsplit(":", 1)[1].split("/")[0])
            settings = settings_for(tmp / "data", database_url, chroma_url)
            print(f"# scale-out ({os.cpu_count()} CPUs, load average {load_start})", flush=True)
            kb = load_knowledge(settings, args.replies)
            print(
                f"knowledge: demo {kb['demo_s']:.1f} s, {kb['texts']} texts embedded in "
                f"{kb['embed_s']:.1f} s, {kb['added']:,} replies added in {kb['bulk_s']:.0f} s "
                f"({kb['items']:,} items)",
                flush=True,
            )
            from drafting.storage.repository import Storage

            key, _ = Storage(database_url).create_key(name="bench", role="agent", brands=["demo"])
            runs = []
            for i, workers in enumerate(int(w) for w in args.workers.split(",")):
                run = measure(
                    settings,
                    key,
                    workers,
                    clients=args.clients,
                    duration=args.duration,
                    pg_port=pg_port,
                    chroma_pid=chroma_pid,
                    logs=tmp,
                    with_profile=i == 0,
                )
                runs.append(run)
                print(
                    f"{workers} worker(s): {run['throughput']:.1f} drafts/s, p50 "
                    f"{run['p50_ms']:.0f} ms, p99 {run['p99_ms']:.0f} ms, {run['ok']} ok of "
                    f"{run['requests']}, statuses {run['statuses']}, errors {run['errors']}, "
                    f"problems {run['problems']}",
                    flush=True,
                )
    text = table(runs, kb, args)
    text += f"\n\nTotal run time {time.perf_counter() - started:.0f} s."
    text_notes = notes(runs, kb, args)
    print("\n" + text + "\n" + text_notes)
    print("\nraw figures: benchmarks/out/scaleout.json")
    out = REPO / "benchmarks" / "out"
    out.mkdir(exist_ok=True)
    (out / "scaleout.json").write_text(json.dumps({"kb": kb, "runs": runs}, indent=1, default=str))
    if args.write_readme:
        write_readme(text + "\n" + text_notes)
        print(f"\nwrote {README.relative_to(REPO)}")


if __name__ == "__main__":
    main()
