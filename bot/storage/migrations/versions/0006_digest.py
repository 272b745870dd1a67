"""Digest preferences; questions remember the asker's school; indexes for weekly figures.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "digest_prefs",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("at", sa.Time(), nullable=False),
        sa.Column("opted_out", sa.Boolean(), nullable=False),
        sa.Column("schools", sa.String(length=512), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"],
                                name=op.f("fk_digest_prefs_person_id_people")),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_digest_prefs")),
    )
    with op.batch_alter_table("questions") as batch:
        batch.add_column(sa.Column("school_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_questions_school_id_schools"), "schools",
                                 ["school_id"], ["id"])
        batch.create_index("ix_questions_school_asked", ["school_id", "asked_at"])
    with op.batch_alter_table("tickets") as batch:
        batch.create_index("ix_tickets_school_created", ["school_id", "created_at"])
        batch.create_index("ix_tickets_created", ["created_at"])
        batch.create_index("ix_tickets_resolved", ["resolved_at"])


def downgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        batch.drop_index("ix_tickets_resolved")
        batch.drop_index("ix_tickets_created")
        batch.drop_index("ix_tickets_school_created")
    with op.batch_alter_table("questions") as batch:
        batch.drop_index("ix_questions_school_asked")
        batch.drop_constraint(op.f("fk_questions_school_id_schools"), type_="foreignkey")
        batch.drop_column("school_id")
    op.drop_table("digest_prefs")
