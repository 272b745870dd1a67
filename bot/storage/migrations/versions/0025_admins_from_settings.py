"""A person made an admin by PREPBOT_ADMINS is marked so: taken out of the list, they are an
admin no more (a red team's, stop 51: a departed admin kept reading every survey's results and
giving roles after the operator removed her from the list). Someone given the role with
`/prepbot role` or `prepbot roles set` is not marked, and keeps it.

Revision ID: 0025
Revises: 0024
"""

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN on both databases: a batch would copy the people table, which every
    # other table points at.
    op.add_column("people", sa.Column("admin_from_settings", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("people") as batch_op:
        batch_op.drop_column("admin_from_settings")
