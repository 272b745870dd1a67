"""Tickets stop pointing at questions: a ticket keeps its own text, questions expire alone.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        batch.drop_constraint("fk_tickets_question_id_questions", type_="foreignkey")
        batch.drop_column("question_id")


def downgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        batch.add_column(sa.Column("question_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_tickets_question_id_questions", "questions",
                                 ["question_id"], ["id"])
