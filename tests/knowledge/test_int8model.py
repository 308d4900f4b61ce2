"""The int8 embedding model's build: our fp32 graph, the outlier split, and why it exists."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from knowledge.int8model import (
    MAX_OUTLIERS,
    calibration_texts,
    encoder_graph,
    feed_forward_outliers,
    quantize,
    split_outliers,
)
from knowledge.modelfiles import DEMO_PACK
from tests.knowledge.conftest import ITALIAN_POSTS
from tests.knowledge.reference_minilm import ReferenceMiniLM


@pytest.fixture(scope="module")
def tokenizer(model_dir: Path) -> Any:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(max_length=256)
    return tok


@pytest.fixture(scope="module")
def fp32_graph(model_dir: Path) -> Any:
    from safetensors.numpy import load_file

    return encoder_graph(load_file(str(model_dir / "model.safetensors")))


@pytest.fixture(scope="module")
def outliers(fp32_graph: Any, tokenizer: Any) -> dict[str, list[int]]:
    ids = [tokenizer.encode(t).ids for t in calibration_texts(DEMO_PACK)]
    return feed_forward_outliers(fp32_graph, ids)


def embed(model: Any, tokenizer: Any, texts: Sequence[str]) -> np.ndarray:
    """One padded batch through ``model`` (an ONNX ModelProto), mean-pooled and normalised."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.log_severity_level = 3
    session = ort.InferenceSession(
        model.SerializeToString(), options, providers=["CPUExecutionProvider"]
    )
    encodings = [tokenizer.encode(t).ids for t in texts]
    width = max(len(e) for e in encodings)
    ids = np.zeros((len(texts), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    for row, e in enumerate(encodings):
        ids[row, : len(e)] = e
        mask[row, : len(e)] = 1
    hidden = session.run(
        ["last_hidden_state"],
        {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
    )[0]
    pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
    return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


def quantized(model: Any, exclude: list[str]) -> Any:
    import onnx

    with tempfile.TemporaryDirectory() as tmp:
        quantize(model, Path(tmp) / "int8.onnx", keep_fp32=exclude)
        return onnx.load(f"{tmp}/int8.onnx")


def test_our_fp32_graph_is_the_reference_model(
    fp32_graph: Any, tokenizer: Any, reference_model_dir: Path, real_posts: list[str]
) -> None:
    # Mixed lengths in one batch: the padding mask is exercised too.
    texts = [*real_posts[:6], *ITALIAN_POSTS[:2], "ok"]
    reference = ReferenceMiniLM(reference_model_dir)
    expected = np.stack([reference.embed_one(t) for t in texts])
    got = embed(fp32_graph, tokenizer, texts)
    assert (got * expected).sum(axis=1).min() >= 0.9999


def test_outliers_are_a_few_channels_and_the_split_is_exact(
    fp32_graph: Any, tokenizer: Any, outliers: dict[str, list[int]], real_posts: list[str]
) -> None:
    import onnx

    assert len(outliers) == 12  # two feed-forward products per layer
    assert all(len(c) <= MAX_OUTLIERS for c in outliers.values())
    assert sum(map(len, outliers.values())) >= 6  # the model does have them
    split = onnx.ModelProto()
    split.CopyFrom(fp32_graph)
    side = split_outliers(split, outliers)
    assert len(side) == sum(1 for c in outliers.values() if c)
    texts = real_posts[:8]
    before, after = embed(fp32_graph, tokenizer, texts), embed(split, tokenizer, texts)
    np.testing.assert_allclose(after, before, atol=1e-5)


def test_outlier_channels_in_fp32_keep_int8_vectors_on_the_reference(
    fp32_graph: Any, tokenizer: Any, outliers: dict[str, list[int]], real_posts: list[str]
) -> None:
    """Why the split exists: plain int8 products lose too much on real posts."""
    import onnx

    texts = real_posts[::6][:100]
    exact = embed(fp32_graph, tokenizer, texts)
    plain = embed(quantized(fp32_graph, []), tokenizer, texts)
    split = onnx.ModelProto()
    split.CopyFrom(fp32_graph)
    side = split_outliers(split, outliers)
    ours = embed(quantized(split, side), tokenizer, texts)
    plain_cos, ours_cos = (plain * exact).sum(1), (ours * exact).sum(1)
    assert ours_cos.min() >= 0.99, f"worst {ours_cos.min():.4f}"
    assert ours_cos.mean() > plain_cos.mean()
    assert ours_cos.min() > plain_cos.min()
