"""agent feedback, adoption events, and the rewrite action on draft versions

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("draft_versions") as batch:
        batch.add_column(sa.Column("action", sa.String(length=30), nullable=True))
    op.create_table(
        "feedback",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("draft_id", sa.String(length=40), nullable=False),
        sa.Column("brand", sa.String(length=63), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("vote", sa.String(length=4), nullable=False),
        sa.Column("reason", sa.String(length=30), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("rewrite_action", sa.String(length=30), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("key_id", sa.String(length=40), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_feedback_draft_id", "feedback", ["draft_id"])
    op.create_index("ix_feedback_brand_created", "feedback", ["brand", "created_at"])
    op.create_table(
        "draft_events",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("draft_id", sa.String(length=40), nullable=False),
        sa.Column("brand", sa.String(length=63), nullable=False),
        sa.Column("event", sa.String(length=20), nullable=False),
        sa.Column("surface", sa.String(length=20), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("key_id", sa.String(length=40), nullable=False),
        sa.Column("at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_draft_events_draft_id", "draft_events", ["draft_id"])
    op.create_index("ix_draft_events_brand_at", "draft_events", ["brand", "at"])


def downgrade() -> None:
    op.drop_index("ix_draft_events_brand_at", table_name="draft_events")
    op.drop_index("ix_draft_events_draft_id", table_name="draft_events")
    op.drop_table("draft_events")
    op.drop_index("ix_feedback_brand_created", table_name="feedback")
    op.drop_index("ix_feedback_draft_id", table_name="feedback")
    op.drop_table("feedback")
    with op.batch_alter_table("draft_versions") as batch:
        batch.drop_column("action")
