"""Durable storage: SQLAlchemy 2 on SQLite (default) or PostgreSQL, schema by Alembic migrations."""
