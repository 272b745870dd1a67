"""TAM pulse surveys, waves, anonymous responses and respondents.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

from bot.storage.base import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pulse_surveys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_key", sa.String(length=255), nullable=True),
        sa.Column("tool", sa.String(length=80), nullable=False),
        sa.Column("tool_key", sa.String(length=80), nullable=False),
        sa.Column("instrument", sa.String(length=64), nullable=False),
        sa.Column("spec", sa.JSON(), nullable=False),
        sa.Column("platform", sa.String(length=32), nullable=False),
        sa.Column("cohort_id", sa.String(length=255), nullable=False),
        sa.Column("cohort_name", sa.String(length=255), nullable=False),
        sa.Column("coach_id", sa.Integer(), nullable=False),
        sa.Column("wave", sa.Integer(), nullable=False),
        sa.Column("previous_id", sa.Integer(), nullable=True),
        sa.Column("share_results", sa.Boolean(), nullable=False),
        sa.Column("invited", sa.Integer(), nullable=False),
        sa.Column("opened_at", UTCDateTime(), nullable=False),
        sa.Column("closes_on", sa.Date(), nullable=False),
        sa.Column("closes_at", UTCDateTime(), nullable=False),
        sa.Column("closed_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["coach_id"], ["people.id"],
                                name=op.f("fk_pulse_surveys_coach_id_people")),
        sa.ForeignKeyConstraint(["previous_id"], ["pulse_surveys.id"],
                                name=op.f("fk_pulse_surveys_previous_id_pulse_surveys")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pulse_surveys")),
        sa.UniqueConstraint("request_key", name=op.f("uq_pulse_surveys_request_key")),
    )
    with op.batch_alter_table("pulse_surveys") as batch:
        batch.create_index("ix_pulse_surveys_cohort", ["platform", "cohort_id", "tool_key"])
        batch.create_index(batch.f("ix_pulse_surveys_coach_id"), ["coach_id"])
        batch.create_index(batch.f("ix_pulse_surveys_closes_at"), ["closes_at"])

    # No person, no timestamp, no sequential id; WITHOUT ROWID keeps SQLite from recording
    # the order of arrival (see bot/features/pulse/models.py).
    op.create_table(
        "pulse_responses",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["survey_id"], ["pulse_surveys.id"], ondelete="CASCADE",
                                name=op.f("fk_pulse_responses_survey_id_pulse_surveys")),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_pulse_responses")),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("pulse_responses") as batch:
        batch.create_index(batch.f("ix_pulse_responses_survey_id"), ["survey_id"])

    op.create_table(
        "pulse_respondents",
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["survey_id"], ["pulse_surveys.id"], ondelete="CASCADE",
                                name=op.f("fk_pulse_respondents_survey_id_pulse_surveys")),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"],
                                name=op.f("fk_pulse_respondents_person_id_people")),
        sa.PrimaryKeyConstraint("survey_id", "person_id", name=op.f("pk_pulse_respondents")),
        sqlite_with_rowid=False,
    )

    op.create_table(
        "pulse_charts",
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("png", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["survey_id"], ["pulse_surveys.id"], ondelete="CASCADE",
                                name=op.f("fk_pulse_charts_survey_id_pulse_surveys")),
        sa.PrimaryKeyConstraint("token", name=op.f("pk_pulse_charts")),
    )
    with op.batch_alter_table("pulse_charts") as batch:
        batch.create_index(batch.f("ix_pulse_charts_survey_id"), ["survey_id"])


def downgrade() -> None:
    op.drop_table("pulse_charts")
    op.drop_table("pulse_respondents")
    op.drop_table("pulse_responses")
    op.drop_table("pulse_surveys")
