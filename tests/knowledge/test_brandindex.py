"""The per-brand index: exact filtered dense search and revision-driven rebuilds."""

from __future__ import annotations

import threading
import time

import numpy as np

from knowledge.brandindex import SPLIT_ROWS, BrandIndex, BrandIndexCache, similarities
from knowledge.lexical import LexicalIndex


def make_index(n: int, revision: str = "r1", seed: int = 0) -> BrandIndex:
    rng = np.random.default_rng(seed)
    vectors = rng.normal(size=(n, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    metas = [{"language": "it" if i % 4 == 0 else "en"} for i in range(n)]
    lexical = LexicalIndex([f"i{i}" for i in range(n)], ["text"] * n, metas)
    return BrandIndex(revision, lexical, vectors)


def test_nearest_is_exact_with_and_without_a_mask() -> None:
    index = make_index(500)
    query = index.vectors[7] + 0.1 * index.vectors[8]
    query /= np.linalg.norm(query)
    scores = index.vectors @ query
    top = index.nearest(query, 5)
    assert [p for p, _ in top] == list(np.argsort(-scores)[:5])
    assert top[0][0] == 7 and abs(top[0][1] - float(scores[7])) < 1e-5
    for mask in (
        index.lexical.mask({"language": ["it"]}),  # a quarter: gathered rows
        index.lexical.mask({"language": ["en"]}),
    ):  # most rows: masked full scan
        assert mask is not None
        got = index.nearest(query, 5, mask)
        expected = [int(i) for i in np.argsort(-np.where(mask, scores, -np.inf))[:5]]
        assert [p for p, _ in got] == expected and all(mask[p] for p, _ in got)
    assert index.nearest(query, 5, np.zeros(500, dtype=bool)) == []


def test_cache_rebuilds_when_the_revision_changes() -> None:
    cache = BrandIndexCache()
    builds: list[str] = []

    def loader(revision: str) -> BrandIndex:
        builds.append(revision)
        return make_index(3, revision)

    key = ("store", "brand")
    first = cache.get(key, "r1", lambda: loader("r1"))
    assert cache.get(key, "r1", lambda: loader("r1")) is first
    assert cache.get(key, "r2", lambda: loader("r2")).revision == "r2"
    assert builds == ["r1", "r2"]
    cache.drop(key)
    cache.get(key, "r2", lambda: loader("r2"))
    assert builds == ["r1", "r2", "r2"]


def test_large_indexes_are_rebuilt_in_the_background() -> None:
    cache = BrandIndexCache(background_items=10)
    key = ("store", "big")
    old = cache.get(key, "r1", lambda: make_index(20, "r1"))
    release = threading.Event()

    def slow_load() -> BrandIndex:
        release.wait(10)
        return make_index(20, "r2")

    assert cache.get(key, "r2", slow_load) is old  # the old index keeps serving
    release.set()
    deadline = time.monotonic() + 10
    while cache.get(key, "r2", slow_load).revision != "r2":
        assert time.monotonic() < deadline, "the background rebuild never landed"
        time.sleep(0.01)


def test_similarities_split_in_halves_equal_the_plain_product() -> None:
    rng = np.random.default_rng(7)
    query = rng.standard_normal(384).astype(np.float32)
    for rows in (3, SPLIT_ROWS - 1, SPLIT_ROWS, SPLIT_ROWS * 2 + 1):
        vectors = rng.standard_normal((rows, 384)).astype(np.float32)
        got = similarities(vectors, query)
        assert got.shape == (rows,) and got.dtype == np.float32
        np.testing.assert_allclose(got, vectors @ query, rtol=1e-5, atol=1e-5)
