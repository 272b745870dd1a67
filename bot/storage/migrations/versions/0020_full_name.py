"""A person's whole name as the platform's directory holds it (Slack's real name), beside the
name they go by: the masker knows colleagues by it (bot/masking/staff.py).

Revision ID: 0020
Revises: 0019
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("people") as batch_op:
        batch_op.add_column(sa.Column("full_name", sa.String(length=255), nullable=False,
                                      server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("people") as batch_op:
        batch_op.drop_column("full_name")
