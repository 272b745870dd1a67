"""Whose question an article draft copied as its title: `kb_drafts.asker_id`, the teacher
who asked in a help channel. A red team's, stop 52: once retention had deleted the question,
nothing tied the draft's title to her, and her erase left it.

Revision ID: 0026
Revises: 0025
"""

import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("kb_drafts") as batch:
        batch.add_column(sa.Column("asker_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_kb_drafts_asker_id_people"), "people",
                                 ["asker_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("kb_drafts") as batch:
        batch.drop_constraint(op.f("fk_kb_drafts_asker_id_people"), type_="foreignkey")
        batch.drop_column("asker_id")
