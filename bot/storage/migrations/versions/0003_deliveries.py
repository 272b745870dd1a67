"""Deliveries ledger and prep periods

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from bot.storage.base import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('deliveries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('job', sa.String(length=64), nullable=False),
    sa.Column('occurrence', sa.String(length=64), nullable=False),
    sa.Column('recipient', sa.String(length=300), nullable=False),
    sa.Column('platform', sa.String(length=32), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('conversation_id', sa.String(length=255), nullable=True),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('urgent', sa.Boolean(), nullable=False),
    sa.Column('not_before', UTCDateTime(), nullable=False),
    sa.Column('expires_at', UTCDateTime(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('claimed_at', UTCDateTime(), nullable=True),
    sa.Column('sent_at', UTCDateTime(), nullable=True),
    sa.Column('error', sa.String(length=255), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_deliveries_person_id_people')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deliveries')),
    sa.UniqueConstraint('job', 'recipient', 'occurrence', name=op.f('uq_deliveries_job'))
    )
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.create_index('ix_deliveries_due', ['status', 'not_before'], unique=False)

    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.add_column(sa.Column('prep_start', sa.Time(), nullable=True))
        batch_op.add_column(sa.Column('prep_end', sa.Time(), nullable=True))
        batch_op.add_column(sa.Column('prep_days', sa.String(length=16), nullable=False,
                                      server_default=""))



def downgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_column('prep_days')
        batch_op.drop_column('prep_end')
        batch_op.drop_column('prep_start')

    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.drop_index('ix_deliveries_due')

    op.drop_table('deliveries')
