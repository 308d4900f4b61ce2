"""Scoring triage against labelled posts (used by the tests and ``benchmarks/triage_accuracy``).

Two label files live in ``tests/data``: ``triage_labels.jsonl`` (real customer posts from the
twitter-customer-care dataset, stored as tweet ids and labels only: the text is read from
the dataset at run time) and ``triage_synthetic.jsonl`` (posts written for the tests).
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafting.errors import SetupError
from drafting.triage.assess import triage
from drafting.triage.exemplars import TextEmbedder
from drafting.triage.models import Triage
from knowledge.taxonomy import RISK_FLAGS

if TYPE_CHECKING:
    from knowledge.brandpack import Brand

FIELDS = ("category", "severity", "action", "sentiment")


@dataclass(frozen=True)
class Case:
    id: str
    post: str
    thread: tuple[str, ...]
    expected: dict[str, Any]


@dataclass
class Report:
    n: int = 0
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    flag_tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RISK_FLAGS, 0))
    flag_fp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RISK_FLAGS, 0))
    flag_fn: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RISK_FLAGS, 0))
    seconds: list[float] = field(default_factory=list)
    misses: list[tuple[str, str, Any, Any]] = field(default_factory=list)  # id, field, want, got

    def accuracy(self, name: str) -> float:
        return self.correct[name] / self.n if self.n else 0.0

    def precision(self, flag: str) -> float | None:
        found = self.flag_tp[flag] + self.flag_fp[flag]
        return self.flag_tp[flag] / found if found else None

    def recall(self, flag: str) -> float | None:
        actual = self.flag_tp[flag] + self.flag_fn[flag]
        return self.flag_tp[flag] / actual if actual else None

    def support(self, flag: str) -> int:
        return self.flag_tp[flag] + self.flag_fn[flag]

    @property
    def median_ms(self) -> float:
        return statistics.median(self.seconds) * 1000 if self.seconds else 0.0


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def twitter_cases(dataset: Path, labels: Path) -> list[Case]:
    """Labelled real posts: the last customer turn of each conversation, with the customer's
    earlier turns as the thread."""
    if not dataset.is_file():
        raise SetupError(
            f"The twitter-customer-care dataset is not at {dataset}.",
            fix="Pass the path of dev.json (../shared/data/twitter-customer-care).",
        )
    conversations = json.loads(dataset.read_text(encoding="utf-8"))
    by_id: dict[str, tuple[str, tuple[str, ...]]] = {}
    for conversation in conversations:
        turns = conversation["dialogContent"]
        customer = [t for t in turns if "client" in t or "client1" in t]
        if not customer:
            continue
        last = customer[-1]
        by_id[last["tweet_ID"]] = (last["message"], tuple(t["message"] for t in customer[:-1]))
    cases = []
    for label in _read_jsonl(labels):
        if label["tweet_id"] not in by_id:
            raise SetupError(
                f"{labels}: tweet {label['tweet_id']} is not a last customer turn in {dataset}.",
                fix="Label the last client turn's tweet_ID.",
            )
        post, thread = by_id[label["tweet_id"]]
        cases.append(Case(label["tweet_id"], post, thread, label))
    return cases


def synthetic_cases(path: Path) -> list[Case]:
    return [Case(r["id"], r["text"], tuple(r.get("thread", ())), r) for r in _read_jsonl(path)]


def compare(case: Case, result: Triage, report: Report) -> None:
    want = case.expected
    got = {
        "category": result.category,
        "severity": result.severity,
        "action": result.action,
        "sentiment": result.sentiment.label,
    }
    expected = {
        "category": want["category"],
        "severity": want["severity"],
        "action": want["action"],
        "sentiment": want["sentiment_label"],
    }
    for name in FIELDS:
        if got[name] == expected[name]:
            report.correct[name] += 1
        else:
            report.misses.append((case.id, name, expected[name], got[name]))
    wanted, found = set(want["risk_flags"]), set(result.risk_flags)
    for flag in RISK_FLAGS:
        if flag in wanted and flag in found:
            report.flag_tp[flag] += 1
        elif flag in found:
            report.flag_fp[flag] += 1
            report.misses.append((case.id, "flag", None, flag))
        elif flag in wanted:
            report.flag_fn[flag] += 1
            report.misses.append((case.id, "flag", flag, None))
    if "escalate_to" in want and want["escalate_to"] != result.escalate_to:
        report.misses.append((case.id, "escalate_to", want["escalate_to"], result.escalate_to))
    report.n += 1


def evaluate(
    cases: Iterable[Case],
    *,
    brand: Brand,
    embedder: TextEmbedder | None = None,
    supported_languages: Sequence[str] | None = None,
) -> Report:
    report = Report()
    for case in cases:
        start = time.perf_counter()
        result = triage(
            case.post,
            thread=case.thread,
            brand=brand,
            embedder=embedder,
            supported_languages=supported_languages,
        )
        report.seconds.append(time.perf_counter() - start)
        compare(case, result, report)
    return report
