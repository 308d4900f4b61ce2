"""Where drafts are kept: one small interface, a SQLAlchemy implementation (SQLite or PostgreSQL).

Each draft is stored whole (inputs, triage, checks, sources, model and prompt versions,
usage, timings) in one transaction, so a failed request never leaves half a record.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, Protocol

from sqlalchemy import JSON, Column, DateTime, Integer, MetaData, String, Table, create_engine, event
from sqlalchemy.engine import Engine

from drafting.errors import NotFoundError
from drafting.schemas import DraftPublic

metadata = MetaData()

drafts = Table(
    "drafts",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("brand", String(63), nullable=False, index=True),
    Column("status", String(30), nullable=False),
    Column("version", Integer, nullable=False, default=1),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("body", JSON, nullable=False),
)


class DraftStore(Protocol):
    def save(self, draft: DraftPublic) -> None: ...
    def get(self, draft_id: str) -> DraftPublic: ...


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        from pathlib import Path

        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.close()

    return engine


class SqlDraftStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        metadata.create_all(engine)

    def save(self, draft: DraftPublic) -> None:
        row = {"id": draft.id, "brand": draft.brand, "status": draft.status, "version": 1,
               "created_at": draft.created_at, "body": draft.model_dump(mode="json")}
        with self.engine.begin() as conn:
            conn.execute(drafts.insert().values(**row))

    def get(self, draft_id: str) -> DraftPublic:
        with self.engine.connect() as conn:
            row = conn.execute(drafts.select().where(drafts.c.id == draft_id)).mappings().first()
        if row is None:
            raise NotFoundError(f"No draft {draft_id!r}.",
                                fix="Use the id returned by POST /v1/drafts.")
        return DraftPublic.model_validate(row["body"])


@lru_cache(maxsize=8)
def store_for(url: str) -> SqlDraftStore:
    return SqlDraftStore(make_engine(url))


def utcnow() -> datetime:
    return datetime.now(UTC)
