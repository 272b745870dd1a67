"""Coffee sessions can be called off or moved; coaches can add a cohort's guests.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("coffee_sessions") as batch:
        batch.add_column(sa.Column("cancelled", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
        batch.add_column(sa.Column("revision", sa.Integer(), nullable=False,
                                   server_default="0"))
    with op.batch_alter_table("coffee_members") as batch:
        batch.add_column(sa.Column("guest_added", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("coffee_members") as batch:
        batch.drop_column("guest_added")
    with op.batch_alter_table("coffee_sessions") as batch:
        batch.drop_column("revision")
        batch.drop_column("cancelled")
