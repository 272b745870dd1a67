"""A workshop added from its form is keyed on the form it came from, so a card sent twice (a
double click in Teams) adds one workshop (a red team's, stop 49).

Revision ID: 0023
Revises: 0022
"""

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("workshops") as batch:
        batch.add_column(sa.Column("request_key", sa.String(length=255), nullable=True))
        batch.create_unique_constraint(op.f("uq_workshops_request_key"), ["request_key"])


def downgrade() -> None:
    with op.batch_alter_table("workshops") as batch:
        batch.drop_constraint(op.f("uq_workshops_request_key"), type_="unique")
        batch.drop_column("request_key")
