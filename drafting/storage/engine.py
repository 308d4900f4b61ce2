"""Engines and sessions; the schema is brought to the latest migration on first use.

SQLite runs in WAL mode with ``synchronous=FULL``: a decision or audit row that was
acknowledged survives a crash or power loss.

Several API workers (or machines) may start at once on a fresh database: the migration runs
under a lock every process sees (a PostgreSQL advisory lock, a lock file beside a SQLite
database), so one process migrates and the others then find the schema up to date.
"""

from __future__ import annotations

import fcntl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.orm import Session, sessionmaker

from drafting.errors import CrisisdraftError

MIGRATIONS = Path(__file__).parent / "migrations"
_upgrade_lock = threading.Lock()
#: Key of the PostgreSQL advisory lock held while migrating (any fixed 64-bit number).
MIGRATION_LOCK_KEY = 0x63726973_69736472  # "crisisdr"
#: Seconds to wait for a database connection (connect, or a free one in the pool): a stopped
#: or unreachable server must fail a request quickly, not hold it.
CONNECT_TIMEOUT_S = 5
#: What SQLAlchemy raises when the database cannot be reached or drops the connection.
UNAVAILABLE: tuple[type[Exception], ...] = (OperationalError, InterfaceError, PoolTimeoutError)


class DatabaseUnavailableError(CrisisdraftError):
    """The database server is down, unreachable or too busy (503; retry later)."""

    type = "database-unavailable"
    status = 503
    title = "Database unavailable"


def unavailable(exc: Exception) -> DatabaseUnavailableError:
    """The typed error for an :data:`UNAVAILABLE` exception (no SQL, no host names)."""
    cause = getattr(exc, "orig", None) or exc
    return DatabaseUnavailableError(
        f"The database did not answer ({type(cause).__name__}); this request was not "
        "completed and nothing from it was acknowledged.",
        fix="Retry in a few seconds. If it persists, check that the database server in "
        "CRISISDRAFT_DATABASE_URL is running and reachable.",
        retry_after=5,
    )


@contextmanager
def database_errors() -> Iterator[None]:
    """Turn 'database unreachable' exceptions into :class:`DatabaseUnavailableError`."""
    try:
        yield
    except UNAVAILABLE as exc:
        raise unavailable(exc) from exc


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    kwargs: dict[str, Any] = {}
    if url.startswith("postgresql"):
        # A server connection can die while pooled (a restart, a failover): test it on
        # checkout. A SQLite file's connection cannot, and the test cost a round trip per
        # transaction.
        kwargs.update(
            pool_pre_ping=True,
            pool_size=10,
            max_overflow=20,
            pool_timeout=CONNECT_TIMEOUT_S,
            connect_args={"connect_timeout": CONNECT_TIMEOUT_S},
        )
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA busy_timeout=10000")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

    return engine


def upgrade(engine: Engine) -> None:
    """Apply every pending migration (idempotent; safe to call at each start)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with _upgrade_lock, engine.begin() as connection, _across_processes(connection):
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@contextmanager
def _across_processes(connection: Connection) -> Iterator[None]:
    """Hold a lock that other processes migrating the same database wait for."""
    if connection.dialect.name == "postgresql":  # released when the transaction ends
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        yield
        return
    database = connection.engine.url.database
    if connection.dialect.name != "sqlite" or not database or database == ":memory:":
        yield
        return
    with open(f"{database}.migrate-lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    engine = make_engine(url)
    upgrade(engine)
    return engine


def session_factory(url: str) -> sessionmaker[Session]:
    return sessionmaker(engine_for(url), expire_on_commit=False)
