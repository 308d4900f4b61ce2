"""Eval runner benchmark: a 1,000-case suite for the demo brand with the built-in drafter.

Run: ``.venv/bin/python benchmarks/bench_evals.py`` (about 2 minutes on 2 cores, most of it
loading the demo brand into a fresh data dir). It writes a suite of 1,000 distinct cases
(products x problems x channels x kinds x languages, a quarter with a reference reply) to
a temporary folder, then times ``crisisdraft eval run`` end to end as a user runs it, in a
fresh process: cold (every case drafted through the real pipeline) and again unchanged
(every draft from the cache; the run must make no model call).

``--write-readme`` puts the figures into benchmarks/README.md ("Evals").
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEMO_PACK = REPO / "knowledge" / "brands" / "demo"
BUDGET_S = 60.0

PRODUCTS_EN = [
    "Aria kettle",
    "Pietra frying pan",
    "Sole coffee machine",
    "Forno air fryer",
    "Brezza fan",
    "Lino duvet cover",
    "Nido sofa",
    "Tavola table",
    "Luce lamp",
    "Pietra casserole",
]
PRODUCTS_IT = [
    "bollitore Aria",
    "padella Pietra",
    "macchina da caffè Sole",
    "friggitrice Forno",
    "ventilatore Brezza",
    "copripiumino Lino",
    "divano Nido",
    "tavolo Tavola",
    "lampada Luce",
    "casseruola Pietra",
]
PROBLEMS_EN = [
    "arrived broken",
    "never arrived",
    "was charged twice",
    "is {n} days late",
    "stopped working after {n} days",
    "came with parts missing",
    "is the wrong colour",
    "refund hasn't shown up after {n} days",
    "tracking hasn't moved for {n} days",
    "was delivered to the wrong address",
]
PROBLEMS_IT = [
    "è arrivato rotto",
    "non è mai arrivato",
    "mi è stato addebitato due volte",
    "è in ritardo di {n} giorni",
    "ha smesso di funzionare dopo {n} giorni",
    "è arrivato con dei pezzi mancanti",
    "è del colore sbagliato",
    "il rimborso non è arrivato dopo {n} giorni",
]
TAILS_EN = [
    "Really disappointed.",
    "What now?",
    "Not happy at all.",
    "Please help.",
    "This is the second time.",
    "Sort it out please.",
    "Any news?",
    "Very frustrating.",
]
TAILS_IT = [
    "Che delusione.",
    "E adesso?",
    "Per niente contento.",
    "Aiutatemi per favore.",
    "È la seconda volta.",
    "Fatemi sapere.",
    "Molto deluso.",
]
CHANNELS = ["x", "facebook", "instagram", "email", "chat", "reviews", "linkedin", "tiktok"]
KINDS = ["reply", "reply", "reply", "apology"]
REFERENCE_EN = (
    "We're sorry your {product} {problem}. Could you send us a DM with your order "
    "number? We'll check it straight away. ^Team Verdello"
)


def cases(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """``n`` distinct cases: every post differs (a product, a problem, a detail, a tail)."""
    rnd = random.Random(seed)
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    combos = itertools.product(range(10), range(10), range(8), range(4))
    for i, (p, q, t, k) in enumerate(combos):
        if len(out) >= n:
            break
        days = 3 + (i % 17)
        italian = i % 4 == 3
        if italian:
            product, problem = PRODUCTS_IT[p], PROBLEMS_IT[q % len(PROBLEMS_IT)]
            post = f"Il mio {product} {problem.format(n=days)}. {TAILS_IT[t % len(TAILS_IT)]}"
        else:
            product, problem = PRODUCTS_EN[p], PROBLEMS_EN[q]
            post = f"My {product} {problem.format(n=days)}. {TAILS_EN[t]}"
        if post in seen:
            continue
        seen.add(post)
        case: dict[str, Any] = {
            "id": f"bench-{len(out):04d}",
            "post": post,
            "author": f"@customer_{len(out):04d}",
            "channel": CHANNELS[(i * 7 + k) % len(CHANNELS)],
            "kind": KINDS[k],
            "tags": ["it" if italian else "en"],
        }
        if not italian and rnd.random() < 0.25:
            case["reference"] = REFERENCE_EN.format(product=product, problem=problem.format(n=days))
        out.append(case)
    if len(out) < n:
        raise SystemExit(f"only {len(out)} distinct posts can be generated")
    return out


def write_suite(folder: Path, n: int) -> Path:
    suite = {
        "name": "bench-1000",
        "description": f"{n} generated cases for the demo brand (benchmark).",
        "defaults": {
            "brand": "demo",
            "evaluators": [
                "checks",
                "triage",
                "required_moves",
                "length",
                "personal_data",
                "grounded",
                {"similarity": 0.45},
                {"latency": 5000},
                {"cost": 0.02},
            ],
        },
        "run": {"concurrency": 2, "workers": 2, "timeout_s": 60},
        "cases": cases(n),
    }
    path = folder / "bench-1000.yaml"
    path.write_text(yaml.safe_dump(suite, sort_keys=False, allow_unicode=True))
    return path


def settings_for(data_dir: Path) -> Any:
    from drafting.config import Settings

    base = Settings()  # the user's models dir
    return Settings(_env_file=None, data_dir=data_dir, models_dir=base.models_dir)


def run_cli(
    suite: Path, data_dir: Path, models_dir: Path, output: Path, extra: list[str]
) -> tuple[float, dict[str, Any]]:
    env = {
        **os.environ,
        "CRISISDRAFT_DATA_DIR": str(data_dir),
        "CRISISDRAFT_MODELS_DIR": str(models_dir),
    }
    started = time.perf_counter()
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "drafting.cli.app",
            "eval",
            "run",
            str(suite),
            "--output",
            str(output),
            "--no-progress",
            "--json",
            *extra,
        ],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"eval run failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    summary = json.loads(proc.stdout)
    summary["cpu_s"] = round(
        cpu_after.ru_utime + cpu_after.ru_stime - cpu_before.ru_utime - cpu_before.ru_stime, 1
    )
    return wall, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=None)
    parser.add_argument("--workers", type=int, default=2, help="drafting processes")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="reuse a data dir with the demo brand loaded (else a fresh one); "
        "its eval cache is deleted first",
    )
    parser.add_argument("--write-readme", action="store_true")
    args = parser.parse_args()
    from knowledge.registry import BrandRegistry

    with tempfile.TemporaryDirectory(prefix="bench-evals-") as tmp:
        root = Path(tmp)
        data_dir = args.data_dir or root / "data"
        settings = settings_for(data_dir)
        started = time.perf_counter()
        BrandRegistry(settings).load_dir(DEMO_PACK)
        load_s = time.perf_counter() - started
        suite = write_suite(root, args.cases)
        extra = ["--workers", str(args.workers)]
        extra += ["--concurrency", str(args.concurrency)] if args.concurrency else []
        # The first run is cold: no cached draft (a reused data dir loses its eval cache).
        (data_dir / "evals" / "cache.sqlite").unlink(missing_ok=True)
        cold_wall, cold = run_cli(suite, data_dir, settings.models_dir, root / "cold", extra)
        # Nothing changed: every draft from the cache. If the code on disk changed between
        # the two runs (other work in the same checkout), the cache rightly misses: the
        # run then re-fills it, and the next one is measured.
        warm_attempts = 0
        while True:
            warm_attempts += 1
            warm_wall, warm = run_cli(suite, data_dir, settings.models_dir, root / "warm", extra)
            if warm["counts"]["cached"] == args.cases or warm_attempts == 3:
                break
        results = json.loads((root / "cold" / "results.json").read_text())
    figures = {
        "cases": args.cases,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "load_demo_s": round(load_s, 1),
        "cold_wall_s": round(cold_wall, 1),
        "cold_run_s": results["duration_s"],
        "cases_per_s": round(args.cases / cold_wall, 1),
        "cold_cpu_s": cold["cpu_s"],
        "load_average": round(os.getloadavg()[0], 1),
        "warm_wall_s": round(warm_wall, 1),
        "warm_model_calls": warm["counts"]["model_calls"],
        "warm_cached": warm["counts"]["cached"],
        "warm_attempts": warm_attempts,
        "concurrency": results["concurrency"],
        "workers": args.workers,
        "pass_rate": next(m["pass_rate"] for m in cold["metrics"] if m["name"] == "Overall"),
        "within_budget": cold_wall <= BUDGET_S,
    }
    print(json.dumps(figures, indent=2))
    if args.write_readme:
        write_readme(figures)


def write_readme(f: dict[str, Any]) -> None:
    from benchmarks.readme_blocks import write_block

    text = "\n".join(
        [
            f"Measured by `benchmarks/bench_evals.py` ({f['cases']:,} distinct generated cases for "
            f"the demo brand, built-in drafter `crisisdraft/composer`, {f['cpus']} cores, Python "
            f"{f['python']}, {f['workers']} drafting processes, concurrency {f['concurrency']}):",
            "",
            "| measure | value |",
            "| --- | --- |",
            f"| `crisisdraft eval run`, cold (every case drafted), wall clock incl. start-up | "
            f"**{f['cold_wall_s']} s** (budget {BUDGET_S:.0f} s: "
            f"{'met' if f['within_budget'] else 'NOT met'}) |",
            f"| of which the run itself (`duration_s`) | {f['cold_run_s']} s |",
            f"| CPU time, all processes (2 drafting workers + main) | {f['cold_cpu_s']} s |",
            f"| machine load average during the run (other work on the same 2 cores) | "
            f"{f['load_average']} |",
            f"| throughput | {f['cases_per_s']} cases/s |",
            f"| same command again, nothing changed | {f['warm_wall_s']} s, "
            f"{f['warm_model_calls']} model calls, {f['warm_cached']} drafts from the cache"
            + (
                f" (attempt {f['warm_attempts']}: the code changed on disk in between)"
                if f["warm_attempts"] > 1
                else ""
            )
            + " |",
            f"| loading the demo brand into a fresh data dir (not in the run) | "
            f"{f['load_demo_s']} s |",
        ]
    )
    write_block("bench_evals", text, section="## Evals")


if __name__ == "__main__":
    main()
