"""The channel a triage route's thread is in: `ticket_routes.channel`, "" when the route names
the channel itself. A red team's, stop 54: on Teams a route typed in one thread of a channel
outlived prepbot's removal from that channel until a card of its own was refused, and its
stand-in copy went to the same dead channel. A route set before this keeps "" until set again.

Revision ID: 0027
Revises: 0026
"""

import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ticket_routes") as batch:
        batch.add_column(sa.Column("channel", sa.String(255), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("ticket_routes") as batch:
        batch.drop_column("channel")
