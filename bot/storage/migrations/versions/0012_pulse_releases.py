"""Pulse answers are released N at a time: a sealed pool, a threshold fixed at launch, no
answer dates, no snapshots.

Existing answers count as released (they were stored before this version); open surveys
keep the threshold the setting has now.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pulse_pool",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("new", sa.Boolean(), nullable=False),
        sa.Column("sealed", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["survey_id"], ["pulse_surveys.id"],
                                name=op.f("fk_pulse_pool_survey_id_pulse_surveys"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_pulse_pool")),
        sqlite_with_rowid=False)
    with op.batch_alter_table("pulse_pool") as batch:
        batch.create_index(batch.f("ix_pulse_pool_survey_id"), ["survey_id"])
    threshold = op.get_bind().execute(sa.text(
        "SELECT value FROM settings_kv WHERE key = 'pulse_min_responses'")).scalar()
    with op.batch_alter_table("pulse_surveys") as batch:
        batch.add_column(sa.Column("threshold", sa.Integer(), nullable=False,
                                   server_default=str(max(3, int(threshold or 5)))))
        batch.add_column(sa.Column("held_back", sa.Integer(), nullable=False,
                                   server_default="0"))
    with op.batch_alter_table("pulse_responses") as batch:
        batch.drop_column("answered_on")
    op.drop_table("pulse_snapshots")


def downgrade() -> None:
    op.create_table(
        "pulse_snapshots",
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["survey_id"], ["pulse_surveys.id"],
                                name=op.f("fk_pulse_snapshots_survey_id_pulse_surveys"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("survey_id", name=op.f("pk_pulse_snapshots")))
    with op.batch_alter_table("pulse_responses") as batch:
        batch.add_column(sa.Column("answered_on", sa.Date(), nullable=False,
                                   server_default="2026-01-01"))
    with op.batch_alter_table("pulse_surveys") as batch:
        batch.drop_column("held_back")
        batch.drop_column("threshold")
    op.drop_table("pulse_pool")
