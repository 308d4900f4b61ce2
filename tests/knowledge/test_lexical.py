"""BM25: tokenizer, ranking, filters, and revision-based rebuilds."""

from __future__ import annotations

import math

import pytest

from knowledge.lexical import LexicalIndex, tokenize


def test_tokenize_folds_case_accents_stopwords_and_plurals() -> None:
    assert tokenize("Perché il mio PACCO è in ritardo?") == ["pacco", "ritardo"]
    assert tokenize("Where are my refunds and deliveries, order #4512?") == [
        "refund",
        "delivery",
        "order",
        "4512",
    ]
    assert tokenize("https://www.example.com") == ["example"]


def _index(docs: list[str], metas: list[dict[str, str]] | None = None) -> LexicalIndex:
    ids = [f"d{i}" for i in range(len(docs))]
    return LexicalIndex(ids, docs, metas or [{} for _ in docs])


def test_rare_terms_outrank_common_ones() -> None:
    docs = ["order late again", "order arrived", "order cancelled", "blender glass cracked order"]
    index = _index(docs)
    hits = index.search("cracked order", 4)
    assert index.ids[hits[0].position] == "d3"
    assert len(hits) == 4 and hits[0].score > hits[1].score > 0


def test_scores_are_okapi_bm25() -> None:
    docs = ["refund refund delay", "delay", "voucher"]
    index = _index(docs)
    k1, b, n = 1.2, 0.75, 3
    avgdl = (3 + 1 + 1) / 3
    idf = math.log1p((n - 1 + 0.5) / (1 + 0.5))
    expected = idf * 2 * (k1 + 1) / (2 + k1 * (1 - b + b * 3 / avgdl))
    assert index.search("refund", 1)[0].score == pytest.approx(expected, rel=1e-5)


def test_filters_mask_items() -> None:
    metas = [
        {"source": "approved_reply", "language": "it"},
        {"source": "approved_reply", "language": "en"},
        {"source": "guideline"},
    ]
    index = _index(["ritardo pacco", "parcel late pacco", "pacco guideline"], metas)
    mask = index.mask({"language": ["it"]})
    assert [index.ids[h.position] for h in index.search("pacco", 5, mask=mask)] == ["d0"]
    # A guideline has no language: a language filter excludes it.
    mask = index.mask({"language": ["it", "en"]})
    assert {index.ids[h.position] for h in index.search("pacco", 5, mask=mask)} == {"d0", "d1"}
    assert index.search("pacco", 5, mask=index.mask({"language": ["fr"]})) == []


def test_unknown_words_and_empty_index() -> None:
    assert _index(["a b c"]).search("zzz", 3) == []
    assert _index([]).search("anything", 3) == []
