"""Whose doing a person's admin role is: "settings" (PREPBOT_ADMINS lists them: taken out
of the list, they are an admin no more), "hand" (`/prepbot role`, `prepbot roles set`: kept),
or unknown (none, as every admin made before this revision). A red team's, stop 51: a
departed admin kept reading every survey's results and giving roles after the operator
removed her from the list. An admin of unknown making whom the list names at a start is
taken as the list's.

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
    op.add_column("people", sa.Column("admin_by", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("people") as batch_op:
        batch_op.drop_column("admin_by")
