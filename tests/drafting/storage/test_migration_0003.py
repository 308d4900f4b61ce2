"""Migration 0003 (feedback, adoption events, the rewrite action on versions) matches the
tables, on SQLite and PostgreSQL, and downgrades without touching earlier tables."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from drafting.storage.engine import MIGRATIONS, make_engine, upgrade
from drafting.storage.tables import Base


def test_migration_0003_matches_the_tables_and_downgrades(database_url: str) -> None:
    engine = make_engine(database_url)
    upgrade(engine)
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
        tables = set(inspect(connection).get_table_names())
        assert {"feedback", "draft_events"} <= tables
        columns = {c["name"] for c in inspect(connection).get_columns("draft_versions")}
        assert "action" in columns
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        assert "feedback" not in tables and "draft_events" not in tables
        assert {"drafts", "draft_versions", "incidents"} <= tables
        columns = {c["name"] for c in inspect(connection).get_columns("draft_versions")}
        assert "action" not in columns
