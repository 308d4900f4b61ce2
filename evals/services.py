"""Shared helpers evaluators use during one run: batched embeddings and the result cache.

Embedding one text at a time costs most of the time; :class:`VectorBatcher` gathers the
texts that concurrent cases ask for within a few milliseconds and embeds them in one batch.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from evals.cache import ResultCache


class VectorBatcher:
    """Embeds texts in batches, once each. ``embed`` takes a list of texts, returns vectors."""

    def __init__(
        self,
        embed: Callable[[list[str]], np.ndarray],
        *,
        wait_s: float = 0.005,
        max_batch: int = 64,
    ) -> None:
        self._embed = embed
        self._wait_s = wait_s
        self._max_batch = max_batch
        self._vectors: dict[str, np.ndarray] = {}
        self._pending: dict[str, asyncio.Future[np.ndarray]] = {}
        self._queue: list[str] = []
        self._flusher: asyncio.Task[None] | None = None
        self.batches = 0
        self.texts = 0

    async def vector(self, text: str) -> np.ndarray:
        known = self._vectors.get(text)
        if known is not None:
            return known
        pending = self._pending.get(text)
        if pending is None:
            pending = asyncio.get_running_loop().create_future()
            self._pending[text] = pending
            self._queue.append(text)
            if len(self._queue) >= self._max_batch:
                await self._flush()
            elif self._flusher is None:
                self._flusher = asyncio.create_task(self._flush_soon())
        return await pending

    async def prefetch(self, texts: Iterable[str]) -> None:
        """Embed ``texts`` now, in as few batches as possible (e.g. every reference reply)."""
        todo = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        for start in range(0, len(todo), 256):
            chunk = todo[start : start + 256]
            vectors = await asyncio.to_thread(self._embed, chunk)
            self._store(chunk, vectors)

    async def _flush_soon(self) -> None:
        await asyncio.sleep(self._wait_s)
        self._flusher = None
        await self._flush()

    async def _flush(self) -> None:
        batch, self._queue = self._queue, []
        if not batch:
            return
        try:
            vectors = await asyncio.to_thread(self._embed, batch)
        except Exception as exc:  # every waiter gets the error, none hangs
            for text in batch:
                future = self._pending.pop(text, None)
                if future is not None and not future.done():
                    future.set_exception(exc)
            return
        self._store(batch, vectors)

    def _store(self, texts: list[str], vectors: np.ndarray) -> None:
        self.batches += 1
        self.texts += len(texts)
        for text, vector in zip(texts, vectors, strict=True):
            self._vectors[text] = vector
            future = self._pending.pop(text, None)
            if future is not None and not future.done():
                future.set_result(vector)


@dataclass
class EvalServices:
    """What evaluators share within one run."""

    embed: Callable[[list[str]], np.ndarray] | None = None
    cache: ResultCache | None = None
    judge_model: str | None = None
    llm_timeout_s: float = 30.0
    counters: dict[str, float] = field(default_factory=dict)
    _batcher: VectorBatcher | None = None

    @property
    def vectors(self) -> VectorBatcher:
        if self._batcher is None:
            if self.embed is None:
                from drafting.errors import SetupError

                raise SetupError(
                    "No embedding model is available to this run.",
                    fix="Install the model files with `crisisdraft models install`.",
                )
            self._batcher = VectorBatcher(self.embed)
        return self._batcher

    def count(self, name: str, amount: float = 1) -> None:
        self.counters[name] = self.counters.get(name, 0) + amount
