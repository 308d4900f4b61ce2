"""Sentence embeddings with all-MiniLM-L6-v2, run in-process with onnxruntime.

Same vectors as the sentence-transformers model (mean pooling over the attention mask, then
L2 normalisation; tests compare them with an fp32 reference: cosine >= 0.99 per text), but
much faster than padding every text to 256 tokens: texts are sorted by length and batched,
and each batch is padded only to its own longest text. The model is ``model-int8.onnx``
(``knowledge.int8model``: int8 products, a few outlier channels kept in fp32), about twice as
fast as the fp32 products.

By default a batch is one text (``CRISISDRAFT_EMBED_BATCH_SIZE=1``): the int8 model quantizes
activations once per call, so in a padded batch a short text's vector moves with its
companions and their padding (cosine to the reference fell from 0.995 to 0.985 for "ok" in a
batch of 8); alone, every text gets the same vector wherever it is embedded, at about 90% of
the batched throughput.

The ONNX session is created once and runs each call on one thread; ``threads`` batches run
side by side (a bounded pool), and concurrent callers (API requests) run side by side too.
Splitting one matrix product across threads instead made every operator wait for its
slowest thread, and throughput fell by half as soon as other processes used the cores.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from drafting.errors import SetupError
from knowledge.int8model import INT8_MODEL
from knowledge.modelfiles import (
    EMBEDDING_DIM,
    EMBEDDING_MODEL_ID,
    INSTALL_FIX,
    ensure_model_files,
    model_dir,
)

if TYPE_CHECKING:
    from drafting.config import Settings

MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model


class Embedder:
    """Embeds texts into L2-normalised float32 vectors of 384 dimensions. Thread-safe."""

    dimension = EMBEDDING_DIM
    model_id = EMBEDDING_MODEL_ID

    def __init__(
        self,
        directory: Path,
        *,
        threads: int = 2,
        batch_size: int = 1,
        max_tokens: int = MAX_TOKENS,
    ) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.directory = directory
        self.batch_size = max(1, batch_size)
        self.threads = max(1, threads)
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        try:
            self._session = ort.InferenceSession(
                str(directory / INT8_MODEL),
                options,
                providers=["CPUExecutionProvider"],
                # Its fused residual + LayerNorm kernel took 1.1 ms of a short post's 6 here;
                # the unfused Add and LayerNormalization take 0.45 (same result).
                disabled_optimizers=["SkipLayerNormFusion"],
            )
            self._tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        except Exception as exc:  # onnxruntime and tokenizers raise their own types
            raise SetupError(
                f"Could not load the embedding model from {directory}: {exc}", fix=INSTALL_FIX
            ) from exc
        # tokenizer.json pads every text to 128: we pad per batch ourselves instead.
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(max_length=max_tokens)
        self._pool = (
            ThreadPoolExecutor(self.threads, thread_name_prefix="embed")
            if self.threads > 1
            else None
        )
        self._count_lock = threading.Lock()
        #: Texts run through the model since creation (tests use it to prove no work was done).
        self.texts_embedded = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed ``texts``; returns a float32 array of shape ``(len(texts), 384)``."""
        if isinstance(texts, str):
            raise TypeError("embed() takes a sequence of texts; use embed_one() for one text")
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        positions: dict[str, int] = {}
        inverse = [positions.setdefault(text, len(positions)) for text in texts]
        unique = list(positions)
        encodings = self._tokenizer.encode_batch(unique)
        lengths = np.fromiter((len(e.ids) for e in encodings), dtype=np.int64, count=len(unique))
        order = np.argsort(lengths, kind="stable")
        out = np.empty((len(unique), self.dimension), dtype=np.float32)
        # Small inputs still give every worker a batch.
        size = min(self.batch_size, math.ceil(len(unique) / self.threads))

        def run(rows: np.ndarray) -> None:
            width = int(lengths[rows].max())
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for row, index in enumerate(rows):
                token_ids = encodings[index].ids
                ids[row, : len(token_ids)] = token_ids
                mask[row, : len(token_ids)] = 1
            out[rows] = self._forward(ids, mask)

        batches = [order[start : start + size] for start in range(0, len(order), size)]
        if self._pool is None or len(batches) == 1:
            for rows in batches:
                run(rows)
        else:
            list(self._pool.map(run, batches))
        self._count(len(unique))
        return out[inverse] if len(unique) != len(texts) else out

    def embed_one(self, text: str) -> np.ndarray:
        """Embed one text (no batching work); returns a float32 vector of shape ``(384,)``."""
        ids = np.asarray([self._tokenizer.encode(text).ids], dtype=np.int64)
        self._count(1)
        return self._forward(ids, np.ones_like(ids))[0]

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        feeds: dict[str, Any] = {
            "input_ids": ids,
            "attention_mask": mask,
            "token_type_ids": np.zeros_like(ids),
        }
        hidden = self._session.run(["last_hidden_state"], feeds)[0]
        weights = mask.astype(np.float32)
        pooled = np.einsum("bsd,bs->bd", hidden, weights)
        pooled /= np.maximum(weights.sum(axis=1, keepdims=True), 1e-9)
        pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return pooled.astype(np.float32, copy=False)

    def _count(self, n: int) -> None:
        with self._count_lock:
            self.texts_embedded += n


_embedders: dict[tuple[str, int, int], Embedder] = {}
_embedders_lock = threading.Lock()


def get_embedder(settings: Settings) -> Embedder:
    """One shared :class:`Embedder` per model directory (and thread/batch settings)."""
    key = (str(model_dir(settings)), settings.embed_threads, settings.embed_batch_size)
    embedder = _embedders.get(key)
    if embedder is not None:
        return embedder
    directory = ensure_model_files(settings)  # SetupError, saying how to install, if missing
    with _embedders_lock:
        embedder = _embedders.get(key)
        if embedder is None:
            embedder = Embedder(
                directory, threads=settings.embed_threads, batch_size=settings.embed_batch_size
            )
            _embedders[key] = embedder
        return embedder
