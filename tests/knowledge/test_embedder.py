"""The ONNX embedder against an fp32 numpy reference, and its batching bookkeeping."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.knowledge.conftest import ITALIAN_POSTS
from tests.knowledge.reference_minilm import ReferenceMiniLM


def fixed_texts(real_posts: list[str]) -> list[str]:
    """~30 texts: real customer-care posts (every 30th), Italian posts, and edge cases."""
    real = real_posts[::30][:20]
    long_text = " ".join(real_posts[:40])  # far beyond 256 tokens: truncated
    return [*real, *ITALIAN_POSTS, long_text, "", "🙁🙁🙁 !!!"]


def test_vectors_match_the_fp32_reference(
    embedder: Any, reference_model_dir: Path, real_posts: list[str]
) -> None:
    texts = fixed_texts(real_posts)
    assert len(texts) >= 30
    reference = ReferenceMiniLM(reference_model_dir)
    expected = np.stack([reference.embed_one(t) for t in texts])
    got = embedder.embed(texts)
    cosines = (got * expected).sum(axis=1)
    worst = int(np.argmin(cosines))
    assert cosines.min() >= 0.99, f"cosine {cosines[worst]:.4f} for {texts[worst][:60]!r}"
    # Same rankings too: each text's nearest neighbour agrees with the reference.
    assert (
        (got @ got.T - 2 * np.eye(len(texts))).argmax(1)
        == (expected @ expected.T - 2 * np.eye(len(texts))).argmax(1)
    ).mean() >= 0.9


def test_shape_dtype_and_unit_length(embedder: Any, real_posts: list[str]) -> None:
    vectors = embedder.embed(real_posts[:10])
    assert vectors.shape == (10, 384) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert embedder.embed([]).shape == (0, 384)
    one = embedder.embed_one(real_posts[0])
    assert one.shape == (384,) and one.dtype == np.float32


def test_a_text_gets_the_same_vector_whatever_it_is_embedded_with(
    embedder: Any, real_posts: list[str]
) -> None:
    # Mixed lengths, sorted, spread over both threads, restored to the callers' order.
    texts = [real_posts[i] for i in (5, 0, 77, 3, 150, 9, 42, 1, 200, 11, 2, 99)]
    texts.insert(4, "ok")
    batched = embedder.embed(texts)
    alone = np.stack([embedder.embed_one(t) for t in texts])
    np.testing.assert_allclose(batched, alone, atol=1e-6)


def test_padded_batches_stay_close_to_the_vectors_of_texts_alone(
    model_dir: Path, embedder: Any, real_posts: list[str]
) -> None:
    from knowledge.embedder import Embedder

    batched = Embedder(model_dir, threads=1, batch_size=8)
    texts = [real_posts[i] for i in (5, 0, 77, 3, 150, 9, 42, 1, 200, 11, 2, 99)]
    texts.insert(4, "ok")
    cosines = (batched.embed(texts) * embedder.embed(texts)).sum(axis=1)
    assert cosines.min() >= 0.98  # padding shifts short texts' int8 activations a little


def test_duplicates_are_embedded_once(embedder: Any) -> None:
    before = embedder.texts_embedded
    vectors = embedder.embed(["late parcel", "refund please", "late parcel"])
    assert embedder.texts_embedded - before == 2
    np.testing.assert_array_equal(vectors[0], vectors[2])


def test_a_string_is_not_a_list_of_texts(embedder: Any) -> None:
    with pytest.raises(TypeError, match="embed_one"):
        embedder.embed("one text")


def test_get_embedder_is_shared_and_missing_files_say_how_to_fix(
    kb_settings: Any, tmp_path: Path
) -> None:
    from drafting.errors import SetupError
    from knowledge.embedder import get_embedder
    from tests.conftest import make_settings

    assert get_embedder(kb_settings) is get_embedder(kb_settings)
    empty = make_settings(tmp_path / "other", tmp_path / "no-models")
    with pytest.raises(SetupError) as info:
        get_embedder(empty)
    assert "crisisdraft models install" in info.value.fix
    assert "tokenizer.json" in info.value.message
