"""Open surveys show results from a snapshot taken at every multiple of the threshold.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pulse_snapshots",
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["survey_id"], ["pulse_surveys.id"],
                                name=op.f("fk_pulse_snapshots_survey_id_pulse_surveys"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("survey_id", name=op.f("pk_pulse_snapshots")))


def downgrade() -> None:
    op.drop_table("pulse_snapshots")
