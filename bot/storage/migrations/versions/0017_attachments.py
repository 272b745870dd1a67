"""Pictures shared with questions and tickets, cleaned, kept in the database.

Revision ID: 0017
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

from bot.storage.base import UTCDateTime

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=64), nullable=False),
        sa.Column("nonce", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("media_type", sa.String(length=32), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"],
                                name=op.f("fk_attachments_person_id_people")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")))
    with op.batch_alter_table("attachments") as batch:
        batch.create_index("ix_attachments_owner", ["owner"])
        batch.create_index("ix_attachments_person_created", ["person_id", "created_at"])


def downgrade() -> None:
    op.drop_table("attachments")
