"""A pure-numpy forward pass of all-MiniLM-L6-v2 from its fp32 weights: the test reference.

Written from the BERT architecture (config.json: 6 layers, 12 heads, hidden 384, GELU,
LayerNorm eps 1e-12) and sentence-transformers' pooling (1_Pooling/config.json: mean over
tokens), with nothing shared with ``knowledge.embedder`` but the tokenizer file. Computed in
float64, one text at a time (no padding), so it is slow but plain.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer

LAYERS = 6
HEADS = 12
EPS = 1e-12
MAX_TOKENS = 256


def _erf(x: np.ndarray) -> np.ndarray:
    """Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7): numpy has no erf."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    return sign * (1.0 - poly * np.exp(-a * a))


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x / np.sqrt(2.0)))


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + EPS) * weight + bias


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


class ReferenceMiniLM:
    def __init__(self, model_dir: Path) -> None:
        weights = load_file(str(model_dir / "model.safetensors"))
        self.w = {k: v.astype(np.float64) for k, v in weights.items() if v.dtype == np.float32}
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)

    def _linear(self, x: np.ndarray, name: str) -> np.ndarray:
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def _norm(self, x: np.ndarray, name: str) -> np.ndarray:
        return _layer_norm(x, self.w[name + ".weight"], self.w[name + ".bias"])

    def embed_one(self, text: str) -> np.ndarray:
        w = self.w
        ids = np.asarray(self.tokenizer.encode(text).ids)
        n = len(ids)
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:n]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = self._norm(x, "embeddings.LayerNorm")
        head = x.shape[-1] // HEADS
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."
            q, k, v = (
                self._linear(x, p + f"attention.self.{m}")
                .reshape(n, HEADS, head)
                .transpose(1, 0, 2)
                for m in ("query", "key", "value")
            )
            probs = _softmax(q @ k.transpose(0, 2, 1) / np.sqrt(head))
            context = (probs @ v).transpose(1, 0, 2).reshape(n, HEADS * head)
            x = self._norm(
                self._linear(context, p + "attention.output.dense") + x,
                p + "attention.output.LayerNorm",
            )
            hidden = _gelu(self._linear(x, p + "intermediate.dense"))
            x = self._norm(self._linear(hidden, p + "output.dense") + x, p + "output.LayerNorm")
        pooled = x.mean(axis=0)  # one text, no padding: every token counts
        return (pooled / np.linalg.norm(pooled)).astype(np.float32)
