"""People, conversations, processed events and questions.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

from bot.storage.base import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("user_id", sa.String(255), nullable=False),
        sa.Column("display_name", sa.String(255), nullable=False),
        sa.Column("tz", sa.String(64), nullable=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("platform", "user_id", name="uq_people_platform"),
    )
    op.create_table(
        "conversations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("ref", sa.Text(), nullable=False),
        sa.Column("person_id", sa.Integer(),
                  sa.ForeignKey("people.id", name="fk_conversations_person_id_people"),
                  nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("platform", "conversation_id", name="uq_conversations_platform"),
    )
    op.create_table(
        "processed_events",
        sa.Column("key", sa.String(255), primary_key=True),
        sa.Column("seen_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_processed_events_seen_at", "processed_events", ["seen_at"])
    op.create_table(
        "questions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("person_id", sa.Integer(),
                  sa.ForeignKey("people.id", name="fk_questions_person_id_people"),
                  nullable=False),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("article_id", sa.String(128), nullable=True),
        sa.Column("suggestions", sa.String(512), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("helpful", sa.Boolean(), nullable=True),
        sa.Column("asked_at", UTCDateTime(), nullable=False),
        sa.Column("feedback_at", UTCDateTime(), nullable=True),
    )
    op.create_index("ix_questions_person_id", "questions", ["person_id"])
    op.create_index("ix_questions_article_id", "questions", ["article_id"])
    op.create_index("ix_questions_asked_at", "questions", ["asked_at"])


def downgrade() -> None:
    op.drop_table("questions")
    op.drop_table("processed_events")
    op.drop_table("conversations")
    op.drop_table("people")
