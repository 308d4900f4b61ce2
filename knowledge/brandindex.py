"""A brand's in-process index: BM25, metadata columns and vectors, kept in step with Chroma.

Built from the brand's collection on first use and tagged with the collection's revision
stamp. When the stamp changes (an ingest in this process or another), the next search
rebuilds it: at once for small brands; for large ones in a background thread while the
previous version keeps serving (for those large brands the unfiltered dense arm reads
Chroma, which is always current, and hits the index does not hold yet are fetched from
Chroma, so a stale index only delays BM25 and filtered matches of new items, and for those
seconds may still return an item just deleted). Small brands are searched exactly in memory.

It also holds each item's text and metadata (metadata as compact JSON, parsed only for
hits), so a search reads nothing more from Chroma than its revision stamp: fetching the hits
cost about 1.5 ms per search, a quarter of a draft's retrieval time.

The vectors let a *filtered* dense search run exactly over the matching rows in numpy:
Chroma's own filtered queries took 50-300 ms over 100,000 items on a 2-core machine.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from knowledge.blas import one_blas_thread
from knowledge.lexical import LexicalIndex
from knowledge.modelfiles import EMBEDDING_DIM

if TYPE_CHECKING:
    from chromadb.api.models.Collection import Collection

log = logging.getLogger(__name__)

#: Indexes at least this large are rebuilt in the background (the old one keeps serving).
BACKGROUND_REBUILD_ITEMS = 20_000
_PAGE = 5000


@dataclass(frozen=True)
class BrandIndex:
    revision: str
    lexical: LexicalIndex
    vectors: np.ndarray  # (n, 384) float32; row i is the item lexical.ids[i]
    documents: list[str] = field(default_factory=list)  # row i's text
    metadatas: list[str] = field(default_factory=list)  # row i's metadata, as JSON

    def __len__(self) -> int:
        return len(self.lexical)

    def record(self, item_id: str) -> tuple[str, dict[str, Any]] | None:
        """The item's text and metadata, or None when this index does not hold it."""
        position = self.lexical.positions.get(item_id)
        if position is None or position >= len(self.documents):
            return None
        return self.documents[position], json.loads(self.metadatas[position])

    def nearest(
        self, query: np.ndarray, k: int, mask: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """Exact cosine top-``k`` as (position, similarity), best first, among ``mask``."""
        if mask is None:
            rows = None
            scores = similarities(self.vectors, query)
        elif int(mask.sum()) * 6 < len(mask):  # few rows: gathering them beats a full scan
            rows = np.flatnonzero(mask)
            scores = similarities(self.vectors[rows], query)
        else:
            rows = None
            scores = np.where(mask, similarities(self.vectors, query), -np.inf)
        valid = np.flatnonzero(np.isfinite(scores))
        if len(valid) > k:
            valid = valid[np.argpartition(-scores[valid], k - 1)[:k]]
        ranked = valid[np.argsort(-scores[valid], kind="stable")]
        positions = ranked if rows is None else rows[ranked]
        return [(int(p), float(s)) for p, s in zip(positions, scores[ranked], strict=True)]


#: From this many rows a product is split in two halves run on two threads at once.
SPLIT_ROWS = 8192
_HALVES = ThreadPoolExecutor(max_workers=1, thread_name_prefix="scan")


def similarities(vectors: np.ndarray, query: np.ndarray) -> np.ndarray:
    """``vectors @ query``; large products in two halves at once (numpy leaves the GIL).

    BLAS runs one thread here (knowledge.blas), so this is how a lone search over 20,000
    rows uses both cores: 2.4 -> 1.0 ms (100,000 rows: 12 -> 7 ms). Under load the halves
    wait their turn like any other work; nothing spins.
    """
    if len(vectors) < SPLIT_ROWS:
        return vectors @ query
    half = len(vectors) // 2
    out = np.empty(len(vectors), dtype=np.result_type(vectors, query))
    first = _HALVES.submit(np.matmul, vectors[:half], query, out=out[:half])
    np.matmul(vectors[half:], query, out=out[half:])
    first.result()
    return out


def load_brand_index(collection: Collection, revision: str) -> BrandIndex:
    """Read every item of the collection, a page at a time, and index it."""
    one_blas_thread()  # searching these vectors must not leave BLAS threads spinning
    pages: list[np.ndarray] = []
    documents: list[str] = []
    metadatas: list[str] = []

    def rows() -> Iterator[tuple[str, str, Mapping[str, Any]]]:
        offset = 0
        while True:
            page = collection.get(
                include=["documents", "metadatas", "embeddings"], limit=_PAGE, offset=offset
            )
            if len(page["ids"]):
                pages.append(np.asarray(page["embeddings"], dtype=np.float32))
            for item_id, document, metadata in zip(
                page["ids"], page["documents"] or [], page["metadatas"] or [], strict=True
            ):
                documents.append(document or "")
                metadatas.append(json.dumps(metadata or {}, separators=(",", ":")))
                yield item_id, document or "", metadata or {}
            if len(page["ids"]) < _PAGE:
                return
            offset += _PAGE

    lexical = LexicalIndex.from_rows(rows())
    vectors = np.concatenate(pages) if pages else np.zeros((0, EMBEDDING_DIM), np.float32)
    return BrandIndex(revision, lexical, vectors, documents, metadatas)


class BrandIndexCache:
    """Per-brand indexes keyed by (store, brand), rebuilt when the revision changes."""

    def __init__(self, background_items: int = BACKGROUND_REBUILD_ITEMS) -> None:
        self.background_items = background_items
        self._indexes: dict[tuple[str, str], BrandIndex] = {}
        self._locks: dict[tuple[str, str], threading.Lock] = {}
        self._generation: dict[tuple[str, str], int] = {}
        self._refreshing: set[tuple[str, str]] = set()
        self._guard = threading.Lock()

    def get(
        self, key: tuple[str, str], revision: str, load: Callable[[], BrandIndex]
    ) -> BrandIndex:
        current = self._indexes.get(key)
        if current is not None and current.revision == revision:
            return current
        if current is not None and len(current) >= self.background_items:
            self._refresh_in_background(key, load)
            return current
        lock = self._lock(key)
        with lock:  # one build per brand at a time; other searches wait for it
            current = self._indexes.get(key)
            if current is None or current.revision != revision:
                current = load()
                self._indexes[key] = current
            return current

    def drop(self, key: tuple[str, str]) -> None:
        with self._guard:
            self._indexes.pop(key, None)
            self._generation[key] = self._generation.get(key, 0) + 1

    def _lock(self, key: tuple[str, str]) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(key, threading.Lock())

    def _refresh_in_background(self, key: tuple[str, str], load: Callable[[], BrandIndex]) -> None:
        with self._guard:
            if key in self._refreshing:
                return
            self._refreshing.add(key)
            generation = self._generation.get(key, 0)

        def run() -> None:
            try:
                with self._lock(key):
                    index = load()
                with self._guard:
                    if self._generation.get(key, 0) == generation:  # not dropped meanwhile
                        self._indexes[key] = index
            except Exception:  # the old index keeps serving; the next search retries
                log.exception("rebuilding the knowledge index of %s failed", key[1])
            finally:
                with self._guard:
                    self._refreshing.discard(key)

        threading.Thread(target=run, name=f"brand-index-{key[1]}", daemon=True).start()


BRAND_INDEXES = BrandIndexCache()
