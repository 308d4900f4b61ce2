"""Speed of the rule-based checks: all of them on one draft, over the labelled set.

Run: ``.venv/bin/python benchmarks/bench_checks.py [--rounds 20]``.
Each case of ``tests/data/checks_labelled.jsonl`` is checked with its own context (demo brand
and policy, post, facts, system prompt); the policy is compiled once (cached per policy object,
as in the service). Prints the cold first call, then median and p99 per draft over all rounds.
Target (issue 4): median <= 5 ms.

``--hostile`` instead times the checks on texts of the longest size a draft may have (20,000
characters) made of one unit repeated: long runs of newlines, digits, emoji, separators and
words that open rules. A rule whose cost grows with the square of such a run (a worker held
for seconds by one request) shows as a slow line here.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument(
        "--hostile", action="store_true", help="time 20,000-character pathological texts instead"
    )
    args = parser.parse_args()
    if args.hostile:
        hostile()
        return

    from drafting.checks import run_checks
    from drafting.checks.quality import case_context, load_demo, load_labelled

    brand, policy = load_demo(REPO / "knowledge" / "brands" / "demo")
    cases = load_labelled(REPO / "tests" / "data" / "checks_labelled.jsonl")
    system_prompt = (REPO / "prompts" / "draft.yaml").read_text(encoding="utf-8")
    contexts = [
        (
            c.text,
            replace(case_context(c, brand, policy), system_prompt=c.system_prompt or system_prompt),
        )
        for c in cases
    ]

    started = time.perf_counter()
    run_checks(contexts[0][0], contexts[0][1])
    cold = (time.perf_counter() - started) * 1000
    for text, ctx in contexts:  # warm the per-language compiled policies and lexicons
        run_checks(text, ctx)

    gc.collect()
    gc.disable()  # measure the checks, not the collector's pauses
    timings, cpu = [], []
    for _ in range(args.rounds):
        for text, ctx in contexts:
            t0, c0 = time.perf_counter(), time.thread_time()
            run_checks(text, ctx)
            timings.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.thread_time() - c0) * 1000)
    gc.enable()
    timings.sort()
    cpu.sort()
    p99 = timings[min(len(timings) - 1, int(len(timings) * 0.99))]
    cpu_p99 = cpu[min(len(cpu) - 1, int(len(cpu) * 0.99))]
    print(
        f"drafts: {len(contexts)} x {args.rounds} rounds = {len(timings)} runs "
        f"(mean length {statistics.mean(len(t) for t, _ in contexts):.0f} characters)"
    )
    print(f"cold first call (lexicons + policy compile + VADER load): {cold:.1f} ms")
    print(
        f"all rule-based checks per draft: median {statistics.median(timings):.2f} ms, "
        f"p99 {p99:.2f} ms, max {timings[-1]:.2f} ms (wall clock)"
    )
    print(
        f"CPU time of this thread per draft: median {statistics.median(cpu):.2f} ms, "
        f"p99 {cpu_p99:.2f} ms (the wall clock without other load on the machine)"
    )


#: Units a hostile or broken text may repeat: whitespace, digits and separators, emoji, link and
#: address starts, words that open a rule.
HOSTILE_UNITS = (
    "\n", " ", "\t", "0", "1,", "1.", "0 ", "12:", "+39 ", "4111 ", "@", "a@", "http://", "www.",
    "!", "?", "😀", "-", "_", "(", '"', "a", "A", "é", "sorry ", "ci dispiace ", "if ", "non ",
    "the ", "via ", "Mr ", "by ", "entro ", "CET ", ". ", ".\n", ":\n",
)  # fmt: skip
HOSTILE_LENGTH = 20_000


def hostile() -> None:
    from drafting.checks import run_checks
    from drafting.checks.context import CheckContext
    from drafting.checks.quality import load_demo

    brand, policy = load_demo(REPO / "knowledge" / "brands" / "demo")
    facts = ("Since Monday 23 November 2026 at 09:00 CET the site is down; 1,200 orders are late.",)
    times = []
    for unit in HOSTILE_UNITS:
        text = (unit * (HOSTILE_LENGTH // len(unit) + 1))[:HOSTILE_LENGTH]
        ctx = CheckContext(
            brand=brand,
            policy=policy,
            channel="email",
            kind="apology",
            language=None,
            post_text=text[:2000],
            facts=facts,
        )
        started = time.perf_counter()
        run_checks(text, ctx)
        times.append(((time.perf_counter() - started) * 1000, unit))
    times.sort(reverse=True)
    print(f"{len(times)} texts of {HOSTILE_LENGTH:,} characters, one unit repeated:")
    for ms, unit in times[:8]:
        print(f"  {unit!r:16} {ms:9.1f} ms")
    print(
        f"median {statistics.median(t for t, _ in times):.1f} ms, "
        f"slowest {times[0][0]:.1f} ms ({times[0][1]!r})"
    )


if __name__ == "__main__":
    main()
