"""Hybrid retrieval: dense (our query vector) + lexical (BM25), fused by reciprocal rank.

Each arm returns a pool of candidates (50 by default) from the brand's own collection only,
with the same metadata filters; reciprocal rank fusion (``sum 1 / (60 + rank)``) orders
their union. The dense arm asks Chroma's HNSW index; with filters it searches the brand
index's vectors exactly instead (or over-fetches from HNSW when most items match), since
Chroma's filtered queries are slow on large collections. Hits are read from Chroma.

Filters are exact: an item without the filtered field (a guideline has no channel) does
not match, so ask for guidelines and filtered replies in two searches.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
from pydantic import BaseModel, Field

from drafting.errors import InvalidInputError
from knowledge.brandindex import (
    BACKGROUND_REBUILD_ITEMS,
    BRAND_INDEXES,
    BrandIndex,
    load_brand_index,
)
from knowledge.ingest import INTERNAL_KEYS, SOURCES
from knowledge.vectorstore import (
    get_client,
    local_writes,
    location,
    open_collection,
    revision_of,
)

if TYPE_CHECKING:
    from chromadb.api.models.Collection import Collection

    from drafting.config import Settings
    from knowledge.embedder import Embedder

#: Metadata fields callers may filter on (besides ``kinds``, the source).
WHERE_FIELDS = ("channel", "category", "kind", "language")
MAX_K = 50
#: With filters, HNSW is over-fetched up to this many results before exact search wins.
MAX_OVERFETCH = 400
#: Filters matching at most this many items are searched exactly.
EXACT_ROWS = 8000
#: Brands this small are searched exactly in memory, filtered or not: a scan of 20,000
#: vectors (about 1 ms) beats a Chroma query (about 2 ms), and indexes below
#: BACKGROUND_REBUILD_ITEMS are rebuilt before the search, so they are always current.
EXACT_SCAN_ITEMS = min(20_000, BACKGROUND_REBUILD_ITEMS)


class Hit(BaseModel):
    id: str
    source: Literal["guideline", "approved_reply"]
    text: str = Field(
        description="The stored document: a guideline chunk, or the incoming "
        "post an approved reply answered."
    )
    score: float = Field(description="Reciprocal-rank-fusion score (higher is better).")
    dense_score: float | None = Field(
        description="Cosine similarity; None if not in the dense pool."
    )
    lexical_score: float | None = Field(description="BM25 score; None if not in the lexical pool.")
    rank: int = Field(description="1-based position in the results.")
    metadata: dict[str, Any]


class Retriever:
    """Searches brands' knowledge bases. Thread-safe; one per process is enough."""

    def __init__(
        self,
        settings: Settings,
        *,
        embedder: Embedder | None = None,
        candidates: int = 50,
        rrf_k: int = 60,
        query_cache: int = 256,
    ) -> None:
        self.settings = settings
        self._store = location(settings)
        self._embedder = embedder
        self.candidates = candidates
        self.rrf_k = rrf_k
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._vectors_max = query_cache
        self._vectors_lock = threading.Lock()
        self._pending: dict[str, Future[np.ndarray]] = {}
        #: brand -> (collection handle, local_writes() and monotonic time when opened)
        self._opened: dict[str, tuple[Collection, int, float]] = {}

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            from knowledge.embedder import get_embedder

            self._embedder = get_embedder(self.settings)
        return self._embedder

    def search(
        self,
        brand_id: str,
        query: str,
        *,
        k: int = 8,
        kinds: Sequence[str] | None = None,
        where: Mapping[str, str | list[str]] | None = None,
    ) -> list[Hit]:
        """The ``k`` best items of ``brand_id`` for ``query``; NotFoundError for unknown brands."""
        _filters(query, k, kinds, where)  # bad arguments first, before the store is opened
        return self.brand(brand_id).search(query, k=k, kinds=kinds, where=where)

    def brand(self, brand_id: str) -> BrandKnowledge:
        """``brand_id``'s knowledge base as it is now (another process's change may take up to
        ``knowledge_recheck_s`` to show), for several searches in a row (a draft makes two):
        they share one collection handle and one index."""
        collection = self._collection(brand_id)
        return BrandKnowledge(self, collection, self.brand_index(brand_id, collection))

    def _collection(self, brand_id: str) -> Collection:
        """The brand's collection handle, which carries the revision stamp read when it was
        opened. It is opened again (a read from Chroma: a request to a Chroma server) when
        this process has written to the knowledge base since, and otherwise at most every
        ``knowledge_recheck_s``: how long another process's write may go unseen."""
        wrote = local_writes()
        now = time.monotonic()
        cached = self._opened.get(brand_id)
        if (
            cached is not None
            and cached[1] == wrote
            and now - cached[2] < self.settings.knowledge_recheck_s
        ):
            return cached[0]
        collection = open_collection(get_client(self.settings), brand_id)
        self._opened[brand_id] = (collection, wrote, now)
        return collection

    def brand_index(self, brand_id: str, collection: Collection) -> BrandIndex:
        """The brand's in-process index, rebuilt when its revision stamp has changed."""
        revision = revision_of(collection)
        return BRAND_INDEXES.get(
            (self._store, brand_id),
            revision,
            lambda: load_brand_index(collection, revision),
        )

    def query_vector(self, query: str) -> np.ndarray:
        """The query's embedding (a draft searches with the same post several times).

        Cached; callers asking for a query whose embedding is under way wait for it rather
        than embedding it again (the pipeline starts the post's embedding early).
        """
        with self._vectors_lock:
            vector = self._vectors.get(query)
            if vector is not None:
                self._vectors.move_to_end(query)
                return vector
            pending = self._pending.get(query)
            if pending is None:
                self._pending[query] = mine = Future[np.ndarray]()
        if pending is not None:
            return pending.result()
        try:
            vector = self.embedder.embed_one(query)
        except BaseException as exc:
            with self._vectors_lock:
                del self._pending[query]
            mine.set_exception(exc)
            raise
        with self._vectors_lock:
            self._vectors[query] = vector
            while len(self._vectors) > self._vectors_max:
                self._vectors.popitem(last=False)
            del self._pending[query]
        mine.set_result(vector)
        return vector


class BrandKnowledge:
    """One brand's knowledge base at one revision (from :meth:`Retriever.brand`)."""

    def __init__(self, retriever: Retriever, collection: Collection, index: BrandIndex) -> None:
        self.retriever = retriever
        self.collection = collection
        self.index = index

    def search(
        self,
        query: str,
        *,
        k: int = 8,
        kinds: Sequence[str] | None = None,
        where: Mapping[str, str | list[str]] | None = None,
    ) -> list[Hit]:
        """The ``k`` best items for ``query``: dense and BM25 rankings fused (RRF)."""
        filters = _filters(query, k, kinds, where)
        index, retriever = self.index, self.retriever
        if not len(index):
            return []
        pool = max(retriever.candidates, k)
        mask = index.lexical.mask(filters)
        vector = retriever.query_vector(query)
        dense = self._dense(vector, pool, mask)
        lexical = [
            (index.lexical.ids[m.position], m.score)
            for m in index.lexical.search(query, pool, mask=mask)
        ]
        fused: dict[str, float] = {}
        for ranked in (dense, lexical):
            for rank, (item_id, _) in enumerate(ranked, start=1):
                fused[item_id] = fused.get(item_id, 0.0) + 1.0 / (retriever.rrf_k + rank)
        by_dense, by_lexical = dict(dense), dict(lexical)
        best = sorted(fused, key=lambda i: (-fused[i], -by_dense.get(i, -1.0)))[:k]
        return _hits(self.collection, index, best, fused, by_dense, by_lexical)

    def _dense(
        self, vector: np.ndarray, pool: int, mask: np.ndarray | None
    ) -> list[tuple[str, float]]:
        """Nearest items by cosine: exact in memory, or Chroma's HNSW index for large brands."""
        collection, index = self.collection, self.index
        ids = index.lexical.ids
        small = len(index) <= EXACT_SCAN_ITEMS
        if mask is None and not small:
            return _hnsw(collection, vector, min(pool, len(index)))
        matching = len(index) if mask is None else int(mask.sum())
        if matching == 0:
            return []
        if mask is not None and matching > EXACT_ROWS and not small:
            fetch = math.ceil(1.5 * pool * len(index) / matching)
            if fetch <= MAX_OVERFETCH:
                positions = index.lexical.positions
                kept = [
                    (i, s)
                    for i, s in _hnsw(collection, vector, min(fetch, len(index)))
                    if i in positions and mask[positions[i]]
                ][:pool]
                if len(kept) >= min(pool, matching):
                    return kept
        return [(ids[p], s) for p, s in index.nearest(vector, pool, mask)]


def _hnsw(collection: Collection, vector: np.ndarray, n: int) -> list[tuple[str, float]]:
    result = collection.query(query_embeddings=[vector], n_results=n, include=["distances"])
    distances = (result["distances"] or [[]])[0]
    return [(i, 1.0 - float(d)) for i, d in zip(result["ids"][0], distances, strict=False)]


def _hits(
    collection: Collection,
    index: BrandIndex,
    best: list[str],
    fused: dict[str, float],
    by_dense: dict[str, float],
    by_lexical: dict[str, float],
) -> list[Hit]:
    records: dict[str, tuple[str, dict[str, Any]]] = {}
    for item_id in best:
        record = index.record(item_id)
        if record is not None:
            records[item_id] = record
    newer = [i for i in best if i not in records]  # added since the index was built
    if newer:
        got = collection.get(ids=newer, include=["documents", "metadatas"])
        for item_id, doc, meta in zip(
            got["ids"], got["documents"] or [], got["metadatas"] or [], strict=False
        ):
            records[item_id] = (doc or "", dict(meta or {}))
    hits: list[Hit] = []
    for item_id in best:
        if item_id not in records:
            continue  # deleted since the brand index was built, and not in it
        document, metadata = records[item_id]
        hits.append(
            Hit(
                id=item_id,
                source="approved_reply"
                if metadata.get("source") == "approved_reply"
                else "guideline",
                text=document,
                score=round(fused[item_id], 6),
                dense_score=by_dense.get(item_id),
                lexical_score=by_lexical.get(item_id),
                rank=len(hits) + 1,
                metadata={k: v for k, v in metadata.items() if k not in INTERNAL_KEYS},
            )
        )
    return hits


def _filters(
    query: str, k: int, kinds: Sequence[str] | None, where: Mapping[str, str | list[str]] | None
) -> dict[str, list[str]]:
    if not query or not query.strip():
        raise InvalidInputError("The search query is empty.", fix="Pass some text to search for.")
    if not 1 <= k <= MAX_K:
        raise InvalidInputError(f"k={k} is out of range.", fix=f"Ask for 1 to {MAX_K} results.")
    filters: dict[str, list[str]] = {}
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else list(kinds)
        unknown = [s for s in kinds if s not in SOURCES]
        if unknown or not kinds:
            raise InvalidInputError(
                f"Unknown knowledge source(s) {unknown or kinds}.",
                fix=f"Use {' and/or '.join(SOURCES)}.",
            )
        filters["source"] = kinds
    for field, value in (where or {}).items():
        if field not in WHERE_FIELDS:
            raise InvalidInputError(
                f"Cannot filter on {field!r}.", fix=f"Filter on {', '.join(WHERE_FIELDS)}."
            )
        values = [value] if isinstance(value, str) else value
        if (
            not isinstance(values, list | tuple)
            or not values
            or not all(isinstance(v, str) for v in values)
        ):
            raise InvalidInputError(
                f"The filter on {field!r} needs text values, got {value!r}.",
                fix='Pass a string or a list of strings, e.g. {"channel": "x"}.',
            )
        filters[field] = list(values)
    return filters


_retrievers: dict[str, Retriever] = {}
_retrievers_lock = threading.Lock()


def get_retriever(settings: Settings) -> Retriever:
    """The process's shared :class:`Retriever` for these settings' store."""
    key = location(settings)
    with _retrievers_lock:
        retriever = _retrievers.get(key)
        if retriever is None:
            retriever = _retrievers[key] = Retriever(settings)
        return retriever


def search(
    brand_id: str,
    query: str,
    *,
    k: int = 8,
    kinds: Sequence[str] | None = None,
    where: Mapping[str, str | list[str]] | None = None,
    settings: Settings | None = None,
) -> list[Hit]:
    """Module-level shortcut for :meth:`Retriever.search` with the process's settings."""
    if settings is None:
        from drafting.config import get_settings

        settings = get_settings()
    return get_retriever(settings).search(brand_id, query, k=k, kinds=kinds, where=where)
