"""The learned reader's model: one weight per feature and check, read as a sum.

A draft's score for a check is the logistic of the bias plus the weights of the features the
draft holds (each counted once). That makes every score explainable: the sentence whose
features add the most is the evidence, and its heaviest words are named in the finding.

The file is a compressed ``.npz`` (no pickles): the vocabulary as UTF-8 text, one feature per
line; the weights as float16 (features x checks); the biases, the threshold and where the model
came from (the labelled files and their SHA-256) as JSON.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from drafting.checks.reader.features import features, located_features
from drafting.errors import SetupError

MODEL_PATH = Path(__file__).with_name("model.npz")
RETRAIN = "Run `make reader` to train it again from tests/data/checks_*.jsonl."


@dataclass(frozen=True)
class Reading:
    """What the reader found for one check: its score, the sentence that weighs most and
    that sentence's heaviest words."""

    check_id: str
    score: float
    span: tuple[int, int]
    words: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class ReaderModel:
    checks: tuple[str, ...]
    vocabulary: dict[str, int]
    weights: np.ndarray  # float32, one row per feature, one column per check
    bias: np.ndarray  # float32, one per check
    threshold: float
    meta: dict[str, Any] = field(default_factory=dict)

    def scores(self, text: str) -> dict[str, float]:
        logits = self._logits(self._columns(set(features(text))))
        return {c: _sigmoid(v) for c, v in zip(self.checks, logits.tolist(), strict=True)}

    def read(
        self,
        text: str,
        check_ids: set[str] | None = None,
        *,
        threshold: float | None = None,
        sentences: list[tuple[int, int]] | None = None,
    ) -> list[Reading]:
        """The checks (of ``check_ids``, default all) whose score reaches the threshold, each
        with its evidence: the sentence of ``sentences`` (default: the whole text) whose
        features weigh most for it."""
        located = located_features(text)
        logits = self._logits(self._columns({name for name, _, _ in located}))
        limit = self.threshold if threshold is None else threshold
        out = []
        for k, check_id in enumerate(self.checks):
            score = _sigmoid(float(logits[k]))
            if score >= limit and (check_ids is None or check_id in check_ids):
                span, words = self._evidence(text, located, k, sentences or [(0, len(text))])
                out.append(Reading(check_id, score, span, words))
        return out

    def _columns(self, names: set[str]) -> np.ndarray:
        vocabulary = self.vocabulary
        return np.fromiter(
            (vocabulary[n] for n in names if n in vocabulary), dtype=np.int64, count=-1
        )

    def _logits(self, columns: np.ndarray) -> np.ndarray:
        return self.bias + self.weights[columns].sum(axis=0, dtype=np.float32)

    def _evidence(
        self,
        text: str,
        located: list[tuple[str, int, int]],
        k: int,
        sentences: list[tuple[int, int]],
    ) -> tuple[tuple[int, int], tuple[str, ...]]:
        # A feature counts once however often it occurs, so each occurrence carries its share.
        counts: dict[str, int] = {}
        for name, _, _ in located:
            counts[name] = counts.get(name, 0) + 1
        weights = self.weights[:, k]
        shares = [
            (float(weights[self.vocabulary[name]]) / counts[name], start, end)
            for name, start, end in located
            if name in self.vocabulary
        ]
        # One pass: each occurrence adds to the sentence it lies in (sentences are sorted and
        # do not overlap), so a 20,000-character text costs no more than its features.
        ordered = sorted(sentences)
        starts = [s for s, _ in ordered]
        totals = [0.0] * len(ordered)
        for w, start, end in shares:
            i = bisect_right(starts, start) - 1
            if i >= 0 and end <= ordered[i][1]:
                totals[i] += w
        best = ordered[max(range(len(ordered)), key=totals.__getitem__)]
        per_span: dict[tuple[int, int], float] = {}
        for w, start, end in shares:
            if best[0] <= start and end <= best[1]:
                per_span[(start, end)] = per_span.get((start, end), 0.0) + w
        heaviest = sorted((w, span) for span, w in per_span.items() if w > 0)[::-1]
        words: list[str] = []
        for _, (start, end) in heaviest:
            piece = text[start:end].strip(".,;:!?\"'()")
            if piece and not any(
                piece.lower() in seen.lower() or seen.lower() in piece.lower() for seen in words
            ):
                words.append(piece)
            if len(words) == 3:
                break
        return best, tuple(words)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def save_model(model: ReaderModel, path: Path = MODEL_PATH) -> None:
    names = sorted(model.vocabulary, key=model.vocabulary.__getitem__)
    header = {"checks": list(model.checks), "threshold": model.threshold, **model.meta}
    np.savez_compressed(
        path,
        vocabulary=np.frombuffer("\n".join(names).encode("utf-8"), dtype=np.uint8),
        weights=model.weights.astype(np.float16),
        bias=model.bias.astype(np.float32),
        header=np.frombuffer(json.dumps(header, sort_keys=True).encode("utf-8"), dtype=np.uint8),
    )


def load_model(path: Path = MODEL_PATH) -> ReaderModel:
    try:
        with np.load(path, allow_pickle=False) as data:
            names = data["vocabulary"].tobytes().decode("utf-8").split("\n")
            weights = data["weights"].astype(np.float32)
            bias = data["bias"].astype(np.float32)
            header = json.loads(data["header"].tobytes().decode("utf-8"))
    except (OSError, KeyError, ValueError) as exc:
        raise SetupError(
            f"Could not read the learned reader's model {path}: {exc}", fix=RETRAIN
        ) from exc
    checks = tuple(header.pop("checks"))
    if weights.shape != (len(names), len(checks)) or bias.shape != (len(checks),):
        raise SetupError(
            f"The learned reader's model {path} is inconsistent: {len(names)} features and "
            f"{len(checks)} checks, but weights of shape {weights.shape}.",
            fix=RETRAIN,
        )
    return ReaderModel(
        checks=checks,
        vocabulary={name: i for i, name in enumerate(names)},
        weights=weights,
        bias=bias,
        threshold=float(header.pop("threshold")),
        meta=header,
    )


@lru_cache(maxsize=1)
def shipped_model() -> ReaderModel:
    """The model trained on the labelled sets in tests/data (loaded once per process)."""
    return load_model(MODEL_PATH)
