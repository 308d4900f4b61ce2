"""Category refinement by exemplar similarity, with a hand-written fake embedder.

The fake stands in for the ONNX model so these tests check the wiring (exemplars embedded
once and cached, the blend, flags untouched), not the model's quality; test_accuracy runs
the real model over the labelled posts.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from drafting.triage import triage
from drafting.triage.lexicons import exemplar_phrases
from knowledge.brandpack import Brand

DIM = 384


class FakeEmbedder:
    """Maps each exemplar phrase to its category's axis, and each post to the axis of the
    category it is told to resemble (``looks_like``); records every text it embeds."""

    def __init__(self, looks_like: dict[str, str]) -> None:
        self.looks_like = looks_like
        self.axes = {c: i for i, c in enumerate(exemplar_phrases())}
        self.category_of = {p: c for c, ps in exemplar_phrases().items() for p in ps}
        self.calls: list[list[str]] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            category = self.category_of.get(text) or self.looks_like.get(text, "other")
            out[row, self.axes[category]] = 1.0
        return out


def test_exemplars_are_embedded_once_per_embedder(brand: Brand) -> None:
    fake = FakeEmbedder({})
    triage("hello there", brand=brand, embedder=fake)
    triage("hello again", brand=brand, embedder=fake)
    n_exemplars = sum(len(p) for p in exemplar_phrases().values())
    assert [len(c) for c in fake.calls] == [n_exemplars, 1, 1]


def test_similarity_picks_a_category_the_rules_could_not(brand: Brand) -> None:
    post = "hello, anything new on that thing from last week"
    alone = triage(post, brand=brand)
    assert alone.category == "other"
    refined = triage(post, brand=brand, embedder=FakeEmbedder({post: "delivery"}))
    assert refined.category == "delivery"
    assert any("reads like the delivery examples" in r for r in refined.reasons)


def test_similarity_never_touches_flags_or_the_category_they_set(brand: Brand) -> None:
    post = "The charger caught fire and burned my hand"
    lying = FakeEmbedder({post: "praise"})  # claims the post reads like praise
    with_embedder = triage(post, brand=brand, embedder=lying)
    without = triage(post, brand=brand)
    assert with_embedder.risk_flags == without.risk_flags == ["safety_injury"]
    assert with_embedder.category == "safety"
    assert (with_embedder.action, with_embedder.escalate_to) == ("escalate", "safety")
