"""What prepbot keeps of a channel message knows the message, so its writer's edit or
deletion reaches every copy: a question's in the answers log, a coach's kept thread reply;
and when it was last edited, so an older edit sent again late is ignored.

Revision ID: 0021
Revises: 0020
"""

import sqlalchemy as sa
from alembic import op

from bot.storage.base import UTCDateTime

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("questions") as batch_op:
        batch_op.add_column(sa.Column("message_key", sa.String(length=255), nullable=True))
        batch_op.create_index("ix_questions_message_key", ["message_key"])
        batch_op.add_column(sa.Column("edited_at", UTCDateTime(), nullable=True))
    with op.batch_alter_table("help_replies") as batch_op:
        batch_op.add_column(sa.Column("message_id", sa.String(length=255), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("edited_at", UTCDateTime(), nullable=True))
    with op.batch_alter_table("help_threads") as batch_op:
        batch_op.add_column(sa.Column("edited_at", UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("help_threads") as batch_op:
        batch_op.drop_column("edited_at")
    with op.batch_alter_table("help_replies") as batch_op:
        batch_op.drop_column("edited_at")
        batch_op.drop_column("message_id")
    with op.batch_alter_table("questions") as batch_op:
        batch_op.drop_column("edited_at")
        batch_op.drop_index("ix_questions_message_key")
        batch_op.drop_column("message_key")
