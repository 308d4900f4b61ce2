"""Brand packs into the knowledge base: chunks and approved replies, embedded and stored.

Item ids are content hashes (of the embedding model, the text and its metadata), so:

- re-ingesting an unchanged pack finds every id already stored and does no work;
- a changed document gets new ids: its new chunks are added *before* its old ones are
  deleted, so a search never finds the document missing;
- a text already stored under another id (a renamed file, an edited reply whose incoming
  post is unchanged) reuses its stored vector instead of being embedded again.

An approved reply is stored as the customer's incoming post (what a new post is compared
with), the approved reply itself in ``metadata["reply"]``.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from pydantic import BaseModel

from knowledge.brandindex import BRAND_INDEXES
from knowledge.chunking import chunk_guideline
from knowledge.modelfiles import EMBEDDING_MODEL_ID
from knowledge.vectorstore import (
    create_or_open_collection,
    delete_collection,
    get_client,
    location,
    new_revision,
    open_collection,
    update_metadata,
)

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

    from drafting.config import Settings
    from knowledge.brandpack import ApprovedReply, BrandPack, Guideline
    from knowledge.embedder import Embedder

GUIDELINE = "guideline"
APPROVED_REPLY = "approved_reply"
SOURCES = (GUIDELINE, APPROVED_REPLY)
#: Metadata keys for bookkeeping, not shown in search hits.
INTERNAL_KEYS = frozenset({"source", "doc_key", "text_sha", "origin"})
#: Where an item came from: the brand pack's files, or a draft approved in crisisdraft.
PACK, FLOWBACK = "pack", "flowback"
_PAGE = 5000

EmbedFn = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True)
class Item:
    id: str
    document: str
    metadata: dict[str, str]


class IngestReport(BaseModel):
    brand_id: str
    added: int
    removed: int
    unchanged: int
    seconds: float


def text_sha(text: str) -> str:
    return hashlib.sha256(f"{EMBEDDING_MODEL_ID}\0{text}".encode()).hexdigest()[:32]


def make_item(prefix: str, document: str, metadata: dict[str, str], salt: str = "") -> Item:
    key = json.dumps([EMBEDDING_MODEL_ID, document, metadata, salt], sort_keys=True)
    item_id = f"{prefix}-{hashlib.sha256(key.encode()).hexdigest()[:32]}"
    return Item(item_id, document, {**metadata, "text_sha": text_sha(document)})


def guideline_items(guideline: Guideline, *, chunk_tokens: int) -> list[Item]:
    items = []
    seen: dict[str, int] = {}
    for chunk in chunk_guideline(guideline, chunk_tokens=chunk_tokens):
        repeat = seen[chunk.text] = seen.get(chunk.text, -1) + 1  # identical chunks stay distinct
        metadata = {
            "source": GUIDELINE,
            "origin": PACK,
            "doc_key": guideline.path,
            "path": guideline.path,
            "title": guideline.title,
            "header_path": chunk.header_path,
        }
        items.append(make_item("g", chunk.text, metadata, salt=str(repeat)))
    return items


def reply_item(reply: ApprovedReply, *, origin: str = PACK) -> Item:
    metadata = {
        "source": APPROVED_REPLY,
        "origin": origin,
        "doc_key": reply.id,
        "reply_id": reply.id,
        "reply": reply.reply,
        "channel": reply.post.channel,
        "category": reply.category,
        "kind": reply.kind,
        "language": reply.language,
        "approved_by": reply.approved_by,
        "approved_at": reply.approved_at.isoformat(),
    }
    if reply.incident_id:
        metadata["incident_id"] = reply.incident_id
    if reply.draft_id:
        metadata["draft_id"] = reply.draft_id
    return make_item("r", reply.post.text, metadata)


def pack_items(pack: BrandPack, *, chunk_tokens: int) -> list[Item]:
    items = [i for g in pack.guidelines for i in guideline_items(g, chunk_tokens=chunk_tokens)]
    return items + [reply_item(r) for r in pack.approved_replies]


def ingest_pack(
    pack: BrandPack, *, settings: Settings, embedder: Embedder | None = None
) -> IngestReport:
    """Make the brand's knowledge base hold exactly this pack's guidelines and replies.

    Replies that flowed back from approved drafts (:func:`add_approved_reply`) are kept,
    unless the pack now holds a reply with the same id.
    """
    started = time.perf_counter()
    brand_id = pack.brand.id
    items = pack_items(pack, chunk_tokens=settings.chunk_tokens)
    with _brand_lock(settings, brand_id):
        client = get_client(settings)
        collection = create_or_open_collection(client, brand_id)
        added, removed, unchanged = sync_items(
            collection,
            items,
            _lazy_embed(settings, embedder),
            scope={"origin": PACK},
            batch_size=max_batch_size(client),
        )
        removed += _drop_superseded_flowback(collection, {r.id for r in pack.approved_replies})
    return IngestReport(
        brand_id=brand_id,
        added=added,
        removed=removed,
        unchanged=unchanged,
        seconds=round(time.perf_counter() - started, 3),
    )


def add_approved_reply(
    brand_id: str, reply: ApprovedReply, *, settings: Settings, embedder: Embedder | None = None
) -> IngestReport:
    """Add (or replace, by ``reply.id``) one approved reply in a loaded brand."""
    started = time.perf_counter()
    with _brand_lock(settings, brand_id):
        collection = open_collection(get_client(settings), brand_id)
        added, removed, unchanged = sync_items(
            collection,
            [reply_item(reply, origin=FLOWBACK)],
            _lazy_embed(settings, embedder),
            scope={"origin": FLOWBACK, "doc_key": reply.id},
        )
    return IngestReport(
        brand_id=brand_id,
        added=added,
        removed=removed,
        unchanged=unchanged,
        seconds=round(time.perf_counter() - started, 3),
    )


def delete_brand(brand_id: str, *, settings: Settings) -> bool:
    """Drop the brand's knowledge base; False when it had none."""
    with _brand_lock(settings, brand_id):
        deleted = delete_collection(get_client(settings), brand_id)
        BRAND_INDEXES.drop((location(settings), brand_id))
    return deleted


def sync_items(
    collection: Collection,
    items: Sequence[Item],
    embed: EmbedFn,
    *,
    scope: Mapping[str, str] | None = None,
    batch_size: int = 1000,
) -> tuple[int, int, int]:
    """Make ``collection`` (or the part of it matching ``scope``) hold exactly ``items``.

    Returns (added, removed, unchanged). New items are added before stale ones are deleted.
    """
    existing = _stored_shas(collection, _where(scope))
    wanted = {item.id: item for item in items}
    to_add = [item for item_id, item in wanted.items() if item_id not in existing]
    to_remove = [item_id for item_id in existing if item_id not in wanted]
    if to_add:
        vectors = _vectors_for(collection, to_add, existing, embed)
        size = max(1, batch_size)
        for start in range(0, len(to_add), size):
            batch = to_add[start : start + size]
            collection.add(
                ids=[i.id for i in batch],
                documents=[i.document for i in batch],
                metadatas=[dict(i.metadata) for i in batch],
                embeddings=vectors[start : start + size],
            )
    for start in range(0, len(to_remove), _PAGE):
        collection.delete(ids=to_remove[start : start + _PAGE])
    if to_add or to_remove:
        update_metadata(collection, revision=new_revision(), embedding_model=EMBEDDING_MODEL_ID)
    return len(to_add), len(to_remove), len(wanted) - len(to_add)


def _where(scope: Mapping[str, str] | None) -> dict[str, Any] | None:
    clauses: list[dict[str, Any]] = [{key: value} for key, value in (scope or {}).items()]
    if len(clauses) <= 1:
        return clauses[0] if clauses else None
    return {"$and": clauses}


def _drop_superseded_flowback(collection: Collection, pack_reply_ids: set[str]) -> int:
    """Delete flowed-back replies whose id the pack now holds; returns how many."""
    stale = [
        item_id
        for item_id, key in _stored_keys(collection, {"origin": FLOWBACK}).items()
        if key in pack_reply_ids
    ]
    for start in range(0, len(stale), _PAGE):
        collection.delete(ids=stale[start : start + _PAGE])
    if stale:
        update_metadata(collection, revision=new_revision())
    return len(stale)


def _stored_keys(collection: Collection, where: dict[str, Any]) -> dict[str, str]:
    keys: dict[str, str] = {}
    offset = 0
    while True:
        page = collection.get(where=where, include=["metadatas"], limit=_PAGE, offset=offset)
        for item_id, metadata in zip(page["ids"], page["metadatas"] or [], strict=False):
            keys[item_id] = str((metadata or {}).get("doc_key", ""))
        if len(page["ids"]) < _PAGE:
            return keys
        offset += _PAGE


def _stored_shas(collection: Collection, where: dict[str, Any] | None) -> dict[str, str]:
    stored: dict[str, str] = {}
    offset = 0
    while True:
        page = collection.get(where=where, include=["metadatas"], limit=_PAGE, offset=offset)
        for item_id, metadata in zip(page["ids"], page["metadatas"] or [], strict=False):
            stored[item_id] = str((metadata or {}).get("text_sha", ""))
        if len(page["ids"]) < _PAGE:
            return stored
        offset += _PAGE


def _vectors_for(
    collection: Collection, items: Sequence[Item], existing: Mapping[str, str], embed: EmbedFn
) -> np.ndarray:
    """Vectors for ``items``: reused from stored items with the same text, else embedded."""
    by_sha = {sha: item_id for item_id, sha in existing.items() if sha}
    reuse_ids = sorted(
        {by_sha[i.metadata["text_sha"]] for i in items if i.metadata["text_sha"] in by_sha}
    )
    known: dict[str, np.ndarray] = {}
    for start in range(0, len(reuse_ids), _PAGE):  # pages: SQLite caps query variables
        got = collection.get(ids=reuse_ids[start : start + _PAGE], include=["embeddings"])
        vectors = got["embeddings"] if got["embeddings"] is not None else []
        for item_id, vector in zip(got["ids"], vectors, strict=False):
            known[existing[item_id]] = np.asarray(vector, dtype=np.float32)
    todo = [i for i in items if i.metadata["text_sha"] not in known]
    if todo:
        fresh = embed([i.document for i in todo])
        for item, vector in zip(todo, fresh, strict=True):
            known[item.metadata["text_sha"]] = vector
    return np.stack([known[i.metadata["text_sha"]] for i in items]).astype(np.float32)


def max_batch_size(client: ClientAPI) -> int:
    """Items per ``add`` call: the store's limit, capped."""
    try:
        return max(1, min(_PAGE, int(client.get_max_batch_size())))
    except Exception:  # a server too old to say
        return 1000


def _lazy_embed(settings: Settings, embedder: Embedder | None) -> EmbedFn:
    """Load the model only when something actually needs embedding."""

    def embed(texts: Sequence[str]) -> np.ndarray:
        from knowledge.embedder import get_embedder

        return (embedder or get_embedder(settings)).embed(texts)

    return embed


_locks: dict[tuple[str, str], threading.Lock] = {}
_locks_guard = threading.Lock()


def _brand_lock(settings: Settings, brand_id: str) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault((location(settings), brand_id), threading.Lock())
