"""A district's articles written in chat (library_articles) and every change to them
(library_changes).

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

from bot.storage.base import UTCDateTime

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "library_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("restores", sa.Integer(), nullable=True),
        sa.Column("draft", sa.String(length=80), nullable=True),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["author_id"], ["people.id"],
                                name=op.f("fk_library_changes_author_id_people")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_library_changes")))
    with op.batch_alter_table("library_changes") as batch:
        batch.create_index("ix_library_changes_article", ["article_id", "id"])
    op.create_table(
        "library_articles",
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("change_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["change_id"], ["library_changes.id"],
                                name=op.f("fk_library_articles_change_id_library_changes")),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_library_articles")))


def downgrade() -> None:
    op.drop_table("library_articles")
    op.drop_table("library_changes")
