"""The inbox (what Slack and Teams sent, stored before it is acknowledged) and platforms
that said they are gone.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

from bot.storage.base import UTCDateTime

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("platform", sa.String(length=32), nullable=False),
        sa.Column("sender", sa.String(length=255), nullable=False),
        sa.Column("incoming", sa.Text(), nullable=False),
        sa.Column("reply_to", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("replies", sa.Text(), nullable=False),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.Column("claimed_at", UTCDateTime(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox")),
        sa.UniqueConstraint("key", name=op.f("uq_inbox_key")))
    with op.batch_alter_table("inbox") as batch:
        batch.create_index("ix_inbox_status_claimed", ["status", "claimed_at"])
        batch.create_index("ix_inbox_sender", ["sender"])
    op.create_table(
        "disconnected_platforms",
        sa.Column("platform", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.String(length=64), nullable=False),
        sa.Column("since", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("platform", name=op.f("pk_disconnected_platforms")))


def downgrade() -> None:
    op.drop_table("disconnected_platforms")
    op.drop_table("inbox")
