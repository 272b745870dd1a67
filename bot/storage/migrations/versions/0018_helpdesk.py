"""Helpdesk handoff: routes to a district helpdesk, handed-over tickets, messages passed on.

Revision ID: 0018
Revises: 0017
"""

import sqlalchemy as sa
from alembic import op

from bot.storage.base import UTCDateTime

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "helpdesk_routes",
        sa.Column("route", sa.String(length=80), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("webhook_url", sa.String(length=255), nullable=False),
        sa.Column("secret", sa.LargeBinary(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("route", name=op.f("pk_helpdesk_routes")))
    op.create_table(
        "helpdesk_handoffs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("route", sa.String(length=80), nullable=False),
        sa.Column("thread", sa.String(length=40), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=True),
        sa.Column("room", sa.String(length=64), nullable=False),
        sa.Column("urgency", sa.String(length=16), nullable=False),
        sa.Column("opened_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], ondelete="CASCADE",
                                name=op.f("fk_helpdesk_handoffs_ticket_id_tickets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_helpdesk_handoffs")),
        sa.UniqueConstraint("ticket_id", name=op.f("uq_helpdesk_handoffs_ticket_id")),
        sa.UniqueConstraint("thread", name=op.f("uq_helpdesk_handoffs_thread")))
    op.create_table(
        "helpdesk_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("handoff_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["handoff_id"], ["helpdesk_handoffs.id"], ondelete="CASCADE",
                                name=op.f("fk_helpdesk_messages_handoff_id_helpdesk_handoffs")),
        sa.ForeignKeyConstraint(["author_id"], ["people.id"],
                                name=op.f("fk_helpdesk_messages_author_id_people")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_helpdesk_messages")),
        sa.UniqueConstraint("handoff_id", "seq", name=op.f("uq_helpdesk_messages_handoff_id")))
    with op.batch_alter_table("helpdesk_messages") as batch:
        batch.create_index("ix_helpdesk_messages_author_id", ["author_id"])


def downgrade() -> None:
    op.drop_table("helpdesk_messages")
    op.drop_table("helpdesk_handoffs")
    op.drop_table("helpdesk_routes")
