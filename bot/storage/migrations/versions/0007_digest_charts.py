"""Charts may belong to no survey (the weekly digest's chart).

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pulse_charts") as batch:
        batch.alter_column("survey_id", existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    op.execute("DELETE FROM pulse_charts WHERE survey_id IS NULL")
    with op.batch_alter_table("pulse_charts") as batch:
        batch.alter_column("survey_id", existing_type=sa.Integer(), nullable=False)
