"""Whether Slack's member list, when last read, marked a person a guest: `people.guest`. The
server keeps that list in memory only, so an operator's command (`prepbot tickets export`),
which never reads it, took a guest who had written to prepbot for a colleague and kept their
whole name (stop 60's note; a red team's, BA).

Revision ID: 0027
Revises: 0026
"""

import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None


# Not in a batch, which on SQLite copies "people" to a new table and drops the old one: every
# row that refers to a person stops that, in a district's database (SQLite adds a column in
# place, and has dropped one in place since 3.35).


def upgrade() -> None:
    op.add_column("people", sa.Column("guest", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade() -> None:
    op.drop_column("people", "guest")
