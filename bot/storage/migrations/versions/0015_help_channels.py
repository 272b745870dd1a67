"""Help channels: channels prepbot reads without a mention, the tech questions posted there,
and coaches' replies in their threads.

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

from bot.storage.base import UTCDateTime

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "help_channels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=32), nullable=False),
        sa.Column("channel_id", sa.String(length=255), nullable=False),
        sa.Column("when_unsure", sa.String(length=16), nullable=False),
        sa.Column("turned_on_by", sa.Integer(), nullable=True),
        sa.Column("turned_on_at", UTCDateTime(), nullable=False),
        sa.Column("window_start", UTCDateTime(), nullable=False),
        sa.Column("answers_in_window", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["turned_on_by"], ["people.id"],
                                name=op.f("fk_help_channels_turned_on_by_people")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_help_channels")),
        sa.UniqueConstraint("platform", "channel_id", name=op.f("uq_help_channels_platform")))
    op.create_table(
        "help_threads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.Integer(), nullable=False),
        sa.Column("thread", sa.String(length=255), nullable=False),
        sa.Column("asker_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("answered", sa.Boolean(), nullable=False),
        sa.Column("drafted_at", UTCDateTime(), nullable=True),
        sa.Column("asked_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["channel_id"], ["help_channels.id"],
                                name=op.f("fk_help_threads_channel_id_help_channels"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["asker_id"], ["people.id"],
                                name=op.f("fk_help_threads_asker_id_people")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_help_threads")),
        sa.UniqueConstraint("channel_id", "thread", name=op.f("uq_help_threads_channel_id")))
    with op.batch_alter_table("help_threads") as batch:
        batch.create_index("ix_help_threads_asked_at", ["asked_at"])
        batch.create_index(batch.f("ix_help_threads_asker_id"), ["asker_id"])
    op.create_table(
        "help_replies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("thread_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("said_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["thread_id"], ["help_threads.id"],
                                name=op.f("fk_help_replies_thread_id_help_threads"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["author_id"], ["people.id"],
                                name=op.f("fk_help_replies_author_id_people")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_help_replies")))
    with op.batch_alter_table("help_replies") as batch:
        batch.create_index(batch.f("ix_help_replies_thread_id"), ["thread_id"])
        batch.create_index(batch.f("ix_help_replies_author_id"), ["author_id"])


def downgrade() -> None:
    op.drop_table("help_replies")
    op.drop_table("help_threads")
    op.drop_table("help_channels")
