"""A tool's reason written by a pilot's decision loses the pilot's figure, which every teacher
who asks about the tool read (a red team's, stop 50: a pilot teacher who knew her own answer
read her colleagues' in "buy-in 33%"). The decision now writes no figure.

Revision ID: 0024
Revises: 0023
"""

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

DECIDED = "after its pilot: %"
NOW_WRITTEN = "after its pilot (your coach can tell you more)"


def upgrade() -> None:
    tools = sa.table("tools", sa.column("reason", sa.String))
    op.execute(tools.update().where(tools.c.reason.like(DECIDED)).values(reason=NOW_WRITTEN))


def downgrade() -> None:
    pass  # the figures are gone, as they should be
