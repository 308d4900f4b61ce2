"""Redaction: recall per type, precision, speed, and the personal data that reached a model.

Run: ``.venv/bin/python benchmarks/bench_redaction.py [--per-template 5] [--json PATH]``.

1. presidio-evaluator's PII sentence templates (fetched once with ``pip download --no-deps``
   into ``benchmarks/out/cache/``; read from the wheel, never installed) and the project's own
   en/it customer-care templates (:data:`drafting.privacy.measure.OWN_TEMPLATES`), filled by
   Faker with locales en_US and it_IT. Recall = values whose identifying words all ended up
   inside a redacted span; precision = redacted spans that touch a personal value. Names are
   measured twice: with the shipped name lists (which include Faker's en_US and it_IT names,
   so they flatter the figure) and with lists that leave those two locales out (held out).
2. The real posts of ``../shared/data/twitter-customer-care/dev.json``: what was found per
   type, and e-mail/phone recall against the hand labels in
   ``tests/data/redaction_labels.jsonl`` (tweet ids and counts only).
3. Leaks: every sample goes through litellm (``openai/capture``) to a local capture server
   as a redacted chat request; the figure is the number of personal values (template values,
   and the labelled e-mails and phones of the real posts) found in the captured requests.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DATA = REPO.parent / "shared" / "data" / "twitter-customer-care"
CACHE = REPO / "benchmarks" / "out" / "cache" / "presidio-evaluator"
LABELS = REPO / "tests" / "data" / "redaction_labels.jsonl"
SYSTEM = (
    "You draft replies for a brand's customer care. Placeholders such as <NAME_1> stand for "
    'personal data: never fill them in. Answer as JSON: {"text": ..., "language": ..., '
    '"cited": [...]}.'
)


def order_pattern() -> str:
    import yaml

    policy = yaml.safe_load((REPO / "knowledge/brands/demo/policy.yaml").read_text("utf-8"))
    return str(policy["personal_data"]["order_number_pattern"])


def table(title: str, score: Any, tags: list[str] | None = None) -> list[str]:
    lines = [
        f"\n{title}",
        f"{'type':8} {'values':>6} {'recall':>7} {'typed':>6} "
        f"{'spans':>6} {'precision':>9} {'on context':>10}",
    ]
    for tag in tags or sorted(set(score.gold) | set(score.predicted)):
        gold = score.gold.get(tag, 0)
        recall = f"{score.recall(tag):.3f}" if gold else "-"
        typed = f"{score.typed.get(tag, 0) / gold:.3f}" if gold else "-"
        n = score.predicted.get(tag, 0)
        precision = f"{score.precision(tag):.3f}" if n else "-"
        lines.append(
            f"{tag:8} {gold:6} {recall:>7} {typed:>6} {n:6} {precision:>9} "
            f"{score.on_context.get(tag, 0):10}"
        )
    total, hidden = score.totals()
    lines.append(f"{'all':8} {total:6} {hidden / total:7.3f}")
    return lines


async def send_all(litellm: Any, base_url: str, jobs: list[tuple[str, str]]) -> float:
    """One chat request per (id, redacted text); returns seconds taken."""
    limit = asyncio.Semaphore(16)

    async def one(sample_id: str, text: str) -> None:
        async with limit:
            await litellm.acompletion(
                model="openai/capture",
                api_base=base_url,
                api_key="none",
                messages=[
                    {"role": "system", "content": SYSTEM},
                    {"role": "user", "content": f"Customer post and thread:\n{text}"},
                ],
                extra_headers={"X-Sample": sample_id},
                timeout=30,
            )

    started = time.perf_counter()
    await asyncio.gather(*(one(i, t) for i, t in jobs))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-template", type=int, default=5)
    parser.add_argument("--json", type=Path, default=REPO / "benchmarks/out/redaction.json")
    args = parser.parse_args()

    from drafting.llm import litellm_module
    from drafting.privacy import Redactor
    from drafting.privacy.measure import (
        OWN_TEMPLATES,
        fill,
        leaked,
        load_labels,
        load_posts,
        oracle_values,
        presidio_templates,
        score,
    )
    from drafting.privacy.namelists import SHIPPED_LOCALES, names_from_faker
    from tests.capture_server import capture_server

    pattern = order_pattern()
    out: list[str] = []
    report: dict[str, Any] = {}

    # 1. templates -------------------------------------------------------------------------
    templates = presidio_templates(CACHE)
    presidio = fill(templates, per_template=args.per_template, source="presidio")
    own = fill(OWN_TEMPLATES, per_template=args.per_template, source="own")
    held_first, held_last = names_from_faker(
        tuple(loc for loc in SHIPPED_LOCALES if loc not in ("en_US", "it_IT"))
    )

    def shipped(text: str) -> list[tuple[str, int, int]]:
        return Redactor(order_number_pattern=pattern).spans(text)

    def held_out(text: str) -> list[tuple[str, int, int]]:
        return Redactor(
            order_number_pattern=pattern, first_names=held_first, surnames=held_last
        ).spans(text)

    timings: list[float] = []
    for name, samples in (("presidio", presidio), ("own", own)):
        started = time.perf_counter()
        result = score(samples, shipped)
        timings.append((time.perf_counter() - started) / len(samples) * 1000)
        held = score(samples, held_out)
        out += table(
            f"{name}: {len(samples)} sentences from {len(samples) // (2 * args.per_template)} "
            f"templates x {args.per_template} x (en_US, it_IT); shipped name lists",
            result,
        )
        out.append(
            f"NAME with held-out name lists (no en_US/it_IT names): recall "
            f"{held.recall('NAME'):.3f}, precision {held.precision('NAME'):.3f}"
        )
        report[name] = {
            "sentences": len(samples),
            "recall": {t: result.recall(t) for t in result.gold},
            "precision": {t: result.precision(t) for t in result.predicted},
            "values": result.gold,
            "name_recall_held_out": held.recall("NAME"),
            "name_precision_held_out": held.precision("NAME"),
        }

    # 2. real posts ------------------------------------------------------------------------
    posts = load_posts(DATA)
    labels = load_labels(LABELS)
    post_ms: list[float] = []
    post_cpu: list[float] = []
    for role in ("client", "agent"):
        found: dict[str, int] = {}
        tp = {"email": 0, "phone": 0}
        fp = {"email": 0, "phone": 0}
        labelled = {"email": 0, "phone": 0}
        mine = [p for p in posts if p.role == role]
        for post in mine:
            redactor = Redactor(order_number_pattern=pattern)
            started, cpu = time.perf_counter(), time.thread_time()
            spans = redactor.spans(post.text)
            post_ms.append((time.perf_counter() - started) * 1000)
            post_cpu.append((time.thread_time() - cpu) * 1000)
            per: dict[str, int] = {}
            for tag, _, _ in spans:
                found[tag] = found.get(tag, 0) + 1
                per[tag] = per.get(tag, 0) + 1
            label = labels.get(post.tweet_id, {})
            for kind, tag in (("email", "EMAIL"), ("phone", "PHONE")):
                want = label.get(kind, 0)
                labelled[kind] += want
                tp[kind] += min(want, per.get(tag, 0))
                fp[kind] += max(0, per.get(tag, 0) - want)
        out.append(
            f"\nreal posts ({role}, {len(mine)} messages): found "
            + ", ".join(f"{t} {n}" for t, n in sorted(found.items()))
        )
        for kind in ("email", "phone"):
            out.append(
                f"  {kind}: recall {tp[kind]}/{labelled[kind]}, extra (not labelled) {fp[kind]}"
            )
        report[f"real_{role}"] = {
            "messages": len(mine),
            "found": found,
            "recall_tp": tp,
            "labelled": labelled,
            "extra": fp,
        }
    post_ms.sort()
    post_cpu.sort()
    p95 = int(len(post_ms) * 0.95)
    out.append(
        f"\nspeed: {statistics.mean(timings):.2f} ms per template sentence; real posts: "
        f"wall median {statistics.median(post_ms):.2f} ms, p95 {post_ms[p95]:.2f} ms, max "
        f"{post_ms[-1]:.1f} ms; CPU median {statistics.median(post_cpu):.2f} ms, p95 "
        f"{post_cpu[p95]:.2f} ms, max {post_cpu[-1]:.1f} ms"
    )
    report["speed_ms"] = {
        "template_mean": statistics.mean(timings),
        "post_wall_median": statistics.median(post_ms),
        "post_wall_p95": post_ms[p95],
        "post_cpu_median": statistics.median(post_cpu),
        "post_cpu_p95": post_cpu[p95],
    }

    # 3. leaks at the litellm boundary -----------------------------------------------------
    litellm = litellm_module()
    leak_samples = fill(templates, per_template=1, seed=11, source="presidio") + fill(
        OWN_TEMPLATES, per_template=1, seed=11, source="own"
    )
    jobs: list[tuple[str, str]] = []
    for i, sample in enumerate(leak_samples):
        jobs.append((f"t{i}", Redactor(order_number_pattern=pattern).redact(sample.text)))
    conversations: dict[int, list[Any]] = {}
    for post in posts:
        conversations.setdefault(post.conversation, []).append(post)
    for n, convo in conversations.items():
        redactor = Redactor(order_number_pattern=pattern)  # one per draft: post + thread
        jobs.append((f"c{n}", "\n".join(redactor.redact(p.text) for p in convo)))
    control_value = "leak.control@example.com"
    jobs.append(("control", f"Not redacted on purpose: {control_value}"))

    with capture_server() as (base_url, captured):
        seconds = asyncio.run(send_all(litellm, base_url, jobs))
        sent = {c.headers.get("x-sample", ""): c.text() for c in captured}
    assert control_value in sent["control"], "the capture server saw nothing: broken setup"

    leaks: dict[str, int] = {}
    values: dict[str, int] = {}
    for i, sample in enumerate(leak_samples):
        for gold in sample.gold:
            values[gold.tag] = values.get(gold.tag, 0) + 1
            if leaked(gold, sent[f"t{i}"], original=sample.text, prompt=SYSTEM):
                leaks[gold.tag] = leaks.get(gold.tag, 0) + 1
    real_leaks = 0
    real_values = 0
    for n, convo in conversations.items():
        for post in convo:
            for _kind, value in oracle_values(post, labels):
                if post.role != "client":
                    continue  # brand contacts are not the customer's data
                real_values += 1
                real_leaks += value in sent[f"c{n}"]
    out.append(
        f"\nleaks: {len(jobs) - 1} redacted requests through litellm to the capture "
        f"server in {seconds:.1f} s"
    )
    out.append(
        f"  template values reaching the model: {sum(leaks.values())} of "
        f"{sum(values.values())} ("
        + ", ".join(f"{t} {leaks.get(t, 0)}/{values[t]}" for t in sorted(values))
        + ")"
    )
    out.append(
        f"  labelled e-mails and phones of real posts reaching the model: "
        f"{real_leaks} of {real_values}"
    )
    report["leaks"] = {
        "template": leaks,
        "template_values": values,
        "real": real_leaks,
        "real_values": real_values,
        "requests": len(jobs) - 1,
    }

    print("\n".join(out))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2, default=float), encoding="utf-8")


if __name__ == "__main__":
    main()
