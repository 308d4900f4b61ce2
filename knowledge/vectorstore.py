"""ChromaDB: embedded on disk by default, a Chroma server when ``CRISISDRAFT_CHROMA_URL`` is set.

One collection per brand (``brand-<id>-kb``, cosine space), so a query for brand A can never
see brand B. We always pass our own vectors: no Chroma embedding function runs (Chroma's
default would try to download a model). The collection's metadata holds a revision stamp
that changes whenever the brand's content changes; lexical indexes in every process compare
it to know when to rebuild.

The embedded ``PersistentClient`` is thread-safe but not process-safe: one writer process
per directory; use a Chroma server when several processes write.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from drafting.errors import CrisisdraftError, NotFoundError, SetupError

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

    from drafting.config import Settings

_PREFIX = "brand-"
_SUFFIX = "-kb"
_clients: dict[str, ClientAPI] = {}
_clients_lock = threading.Lock()


class KnowledgeUnavailableError(CrisisdraftError):
    """The Chroma server stopped answering (503; retry when it is back)."""

    type = "knowledge-unavailable"
    status = 503
    title = "Knowledge base unavailable"


def _is_unreachable(exc: BaseException) -> bool:
    """Transport failures between us and a Chroma server (not Chroma's own answers)."""
    import httpx

    if isinstance(exc, httpx.TransportError | ConnectionError | TimeoutError):
        return True
    # chromadb wraps a failed connection in ValueError("Could not connect to ... server").
    return isinstance(exc, ValueError) and "could not connect" in str(exc).lower()


@contextmanager
def server_errors(url: str | None) -> Iterator[None]:
    """Turn a Chroma server's transport failures into :class:`KnowledgeUnavailableError`
    (a no-op for embedded Chroma, whose errors are real bugs)."""
    try:
        yield
    except CrisisdraftError:
        raise
    except Exception as exc:
        if not url or not _is_unreachable(exc):
            raise
        raise KnowledgeUnavailableError(
            f"The Chroma server at {url} did not answer ({type(exc).__name__}); nothing was "
            "drafted or stored for this request.",
            fix="Retry in a few seconds. If it persists, start the server again (`chroma run "
            "--path DIR --host 127.0.0.1 --port N`) or check CRISISDRAFT_CHROMA_URL.",
            retry_after=5,
        ) from exc


def collection_name(brand_id: str) -> str:
    return f"{_PREFIX}{brand_id}{_SUFFIX}"


def brand_of(name: str) -> str | None:
    if name.startswith(_PREFIX) and name.endswith(_SUFFIX):
        return name[len(_PREFIX) : -len(_SUFFIX)]
    return None


def location(settings: Settings) -> str:
    """A key naming the store: the server URL or the embedded directory."""
    if settings.chroma_url:
        return settings.chroma_url
    directory = settings.chroma_dir
    return _file_location(str(directory), "" if directory.is_absolute() else os.getcwd())


@lru_cache(maxsize=64)
def _file_location(directory: str, cwd: str) -> str:
    # Resolving reads the file system, and a draft asks four times.
    return f"file:{(Path(cwd) / directory).resolve()}"


def get_client(settings: Settings) -> ClientAPI:
    """The Chroma client for these settings (one per store, shared by the process)."""
    key = location(settings)
    with _clients_lock:
        client = _clients.get(key)
        if client is None:
            client = _make_client(settings)
            _clients[key] = client
        return client


def _make_client(settings: Settings) -> ClientAPI:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if not settings.chroma_url:
        settings.chroma_dir.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)
    url = urlparse(settings.chroma_url)
    if url.scheme not in ("http", "https") or not url.hostname:
        raise SetupError(
            f"CRISISDRAFT_CHROMA_URL={settings.chroma_url!r} is not an http(s) URL.",
            fix="Set it like http://127.0.0.1:8001, or unset it for embedded Chroma.",
        )
    port = url.port or (443 if url.scheme == "https" else 8000)
    try:
        return chromadb.HttpClient(
            host=url.hostname, port=port, ssl=url.scheme == "https", settings=chroma_settings
        )
    except Exception as exc:  # chromadb raises ValueError/ConnectError when the server is down
        raise SetupError(
            f"Cannot reach the Chroma server at {settings.chroma_url}: {exc}",
            fix="Start it (`chroma run --path DIR --host 127.0.0.1 --port N`) or unset "
            "CRISISDRAFT_CHROMA_URL to use embedded Chroma.",
        ) from exc


def open_collection(client: ClientAPI, brand_id: str) -> Collection:
    """The brand's collection, or :class:`NotFoundError` when the brand was never loaded."""
    from chromadb.errors import NotFoundError as ChromaNotFound

    try:
        return client.get_collection(collection_name(brand_id), embedding_function=None)
    except ValueError as exc:
        if _is_unreachable(exc):  # a server that went away is not a missing brand
            raise
        raise _no_knowledge_base(brand_id) from exc
    except ChromaNotFound as exc:
        raise _no_knowledge_base(brand_id) from exc


def _no_knowledge_base(brand_id: str) -> NotFoundError:
    return NotFoundError(
        f"No knowledge base for brand {brand_id!r}.",
        fix="Load its pack first: `crisisdraft brand load DIR` or PUT /v1/brands/{id}; "
        "`crisisdraft brand list` shows the brands loaded.",
        brand_id=brand_id,
    )


def create_or_open_collection(client: ClientAPI, brand_id: str) -> Collection:
    collection = client.get_or_create_collection(
        collection_name(brand_id),
        configuration={"hnsw": {"space": "cosine"}},
        metadata={"brand_id": brand_id, "revision": new_revision()},
        embedding_function=None,
    )
    _wrote()
    return collection


def list_brand_ids(client: ClientAPI) -> list[str]:
    names = [getattr(c, "name", c) for c in client.list_collections()]
    return sorted(b for b in (brand_of(str(n)) for n in names) if b is not None)


def delete_collection(client: ClientAPI, brand_id: str) -> bool:
    """Drop the brand's collection; False when there was none."""
    if brand_id not in list_brand_ids(client):
        return False
    client.delete_collection(collection_name(brand_id))
    _wrote()
    return True


def new_revision() -> str:
    return uuid.uuid4().hex


_local_writes = 0
_local_writes_lock = threading.Lock()


def local_writes() -> int:
    """How many times this process has changed a collection's stamp or existence: a handle
    opened before the count moved may carry an old revision."""
    return _local_writes


def _wrote() -> None:
    global _local_writes
    with _local_writes_lock:
        _local_writes += 1


def revision_of(collection: Collection) -> str:
    return str((collection.metadata or {}).get("revision", ""))


def update_metadata(collection: Collection, **values: Any) -> None:
    """Merge ``values`` into the collection's metadata (Chroma's modify replaces it whole)."""
    merged = {
        **(collection.metadata or {}),
        **values,
        "updated_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    collection.modify(metadata=merged)
    _wrote()
