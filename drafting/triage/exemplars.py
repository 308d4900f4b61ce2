"""Category refinement by similarity to example phrases (``data/exemplars.yaml``).

Optional: triage works from rules alone. With an embedder, the phrases are embedded once per
embedder (cached for its lifetime) and each post costs one embedding. The similarity only
moves the category between candidates; it never touches a risk flag. The default model
(all-MiniLM-L6-v2) is trained on English, so triage uses it for English posts only.
"""

from __future__ import annotations

import contextlib
import threading
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, cast

import numpy as np

from drafting.triage.categories import CategoryChoice, CategoryScores
from drafting.triage.lexicons import exemplar_phrases, normalise
from knowledge.taxonomy import Category

#: How much the embedding's vote counts against the rules' (0 = rules only).
EMBEDDING_WEIGHT = 0.5
#: Below this cosine similarity an exemplar match is not evidence.
MIN_SIMILARITY = 0.3
_SHARPNESS = 12.0  # softmax temperature over similarities


class TextEmbedder(Protocol):
    """What triage needs from ``knowledge.embedder.Embedder``: L2-normalised vectors."""

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


@dataclass(frozen=True)
class ExemplarIndex:
    categories: tuple[str, ...]  # the category of each row
    matrix: np.ndarray  # (n_phrases, dim), L2-normalised

    def similarities(self, vector: np.ndarray) -> dict[str, float]:
        """Per category, the mean of its two closest phrases' cosine similarities."""
        sims = self.matrix @ vector.astype(np.float32)
        out: dict[str, float] = {}
        for category in dict.fromkeys(self.categories):
            rows = np.sort(sims[[c == category for c in self.categories]])[::-1][:2]
            out[category] = float(rows.mean())
        return out


_indexes: weakref.WeakKeyDictionary[object, ExemplarIndex] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def exemplar_index(embedder: TextEmbedder) -> ExemplarIndex:
    """The embedded exemplars for this embedder, computed on first use and then cached."""
    with _lock:
        index = _indexes.get(embedder)
    if index is not None:
        return index
    phrases = exemplar_phrases()
    categories = tuple(c for c, texts in phrases.items() for _ in texts)
    matrix = np.asarray(
        embedder.embed([t for texts in phrases.values() for t in texts]), dtype=np.float32
    )
    index = ExemplarIndex(categories=categories, matrix=matrix)
    # An embedder without weak-reference support is simply not cached.
    with _lock, contextlib.suppress(TypeError):
        _indexes[embedder] = index
    return index


def similarities(post: str, embedder: TextEmbedder) -> dict[str, float]:
    index = exemplar_index(embedder)
    vector = np.asarray(embedder.embed([normalise(post)]), dtype=np.float32)[0]
    return index.similarities(vector)


def refine(
    choice: CategoryChoice, scores: CategoryScores, sims: dict[str, float]
) -> tuple[CategoryChoice, str | None]:
    """Blend the rules' scores with the exemplar similarities; return the choice and a reason
    when the embedding changed it."""
    if not sims:
        return choice, None
    names = list(sims)
    weights = np.exp(_SHARPNESS * (np.array([sims[n] for n in names]) - max(sims.values())))
    emb_share = dict(zip(names, weights / weights.sum(), strict=True))
    total = sum(scores.scores.values())
    rule_share = {n: (scores.get(n) / total if total else 0.0) for n in names}
    if total:  # with no rule evidence at all, the examples decide
        rule_share[choice.category] = max(rule_share.get(choice.category, 0.0), 0.5)
    blended = {
        n: (1 - EMBEDDING_WEIGHT) * rule_share.get(n, 0.0) + EMBEDDING_WEIGHT * emb_share[n]
        for n in names
    }
    best = max(blended, key=lambda n: blended[n])
    confidence = round(min(0.95, blended[best] / max(sum(blended.values()), 1e-9) + 0.2), 3)
    if best == choice.category or sims[best] < MIN_SIMILARITY:
        return CategoryChoice(
            choice.category, max(choice.confidence, confidence), choice.evidence
        ), None
    reason = (
        f"category {best} (not {choice.category}): the post reads like the "
        f"{best.replace('_', ' ')} examples (similarity {sims[best]:.2f})"
    )
    return CategoryChoice(cast(Category, best), confidence, []), reason
