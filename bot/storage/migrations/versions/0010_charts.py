"""Charts get a table of their own, owned by a survey or by the digest.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

from bot.storage.base import UTCDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "charts",
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("owner", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("png", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("token", name=op.f("pk_charts")))
    with op.batch_alter_table("charts") as batch:
        batch.create_index(batch.f("ix_charts_owner"), ["owner"])
    op.execute("INSERT INTO charts (token, owner, fingerprint, png, created_at) "
               "SELECT token, CASE WHEN survey_id IS NULL THEN 'digest' "
               "ELSE 'survey:' || CAST(survey_id AS VARCHAR(20)) END, "
               "fingerprint, png, created_at FROM pulse_charts")
    op.drop_table("pulse_charts")


def downgrade() -> None:
    op.create_table(
        "pulse_charts",
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=True),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("png", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["survey_id"], ["pulse_surveys.id"],
                                name=op.f("fk_pulse_charts_survey_id_pulse_surveys"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("token", name=op.f("pk_pulse_charts")))
    with op.batch_alter_table("pulse_charts") as batch:
        batch.create_index(batch.f("ix_pulse_charts_survey_id"), ["survey_id"])
    op.execute("INSERT INTO pulse_charts (token, survey_id, fingerprint, png, created_at) "
               "SELECT token, CAST(SUBSTR(owner, 8) AS INTEGER), fingerprint, png, created_at "
               "FROM charts WHERE owner LIKE 'survey:%'")
    op.drop_table("charts")
