"""A pulse survey knows whether its cards carry a tag binding each to its one teacher: cards
of a survey launched before tags answer untagged, once; a survey launched since takes
tagged cards only (a red team's, stop 48, answered on a colleague's card with its tag cut).

Revision ID: 0022
Revises: 0021
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pulse_surveys") as batch:
        batch.add_column(sa.Column("tagged_cards", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("pulse_surveys") as batch:
        batch.drop_column("tagged_cards")
