"""Coffee and Curriculum series, sessions and RSVPs.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

from bot.storage.base import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('coffee_optouts',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('at', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_coffee_optouts_person_id_people')),
    sa.PrimaryKeyConstraint('person_id', name=op.f('pk_coffee_optouts'))
    )
    op.create_table('coffee_series',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('coach_id', sa.Integer(), nullable=False),
    sa.Column('platform', sa.String(length=32), nullable=False),
    sa.Column('cohort_id', sa.String(length=255), nullable=False),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.Column('weekdays', sa.String(length=16), nullable=False),
    sa.Column('every_weeks', sa.Integer(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('place', sa.String(length=512), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('invite_when', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['coach_id'], ['people.id'], name=op.f('fk_coffee_series_coach_id_people')),
    sa.ForeignKeyConstraint(['school_id'], ['schools.id'], name=op.f('fk_coffee_series_school_id_schools')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coffee_series'))
    )
    with op.batch_alter_table('coffee_series', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coffee_series_coach_id'), ['coach_id'], unique=False)

    op.create_table('coffee_members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('series_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('paused', sa.Boolean(), nullable=False),
    sa.Column('paused_until', sa.Date(), nullable=True),
    sa.Column('ignored', sa.Integer(), nullable=False),
    sa.Column('asked_at', UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_coffee_members_person_id_people')),
    sa.ForeignKeyConstraint(['series_id'], ['coffee_series.id'], name=op.f('fk_coffee_members_series_id_coffee_series'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coffee_members')),
    sa.UniqueConstraint('series_id', 'person_id', name=op.f('uq_coffee_members_series_id'))
    )
    with op.batch_alter_table('coffee_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coffee_members_person_id'), ['person_id'], unique=False)

    op.create_table('coffee_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('series_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('starts_at', UTCDateTime(), nullable=False),
    sa.Column('ends_at', UTCDateTime(), nullable=False),
    sa.Column('tallied', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['series_id'], ['coffee_series.id'], name=op.f('fk_coffee_sessions_series_id_coffee_series'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coffee_sessions')),
    sa.UniqueConstraint('series_id', 'day', name=op.f('uq_coffee_sessions_series_id'))
    )
    with op.batch_alter_table('coffee_sessions', schema=None) as batch_op:
        batch_op.create_index('ix_coffee_sessions_starts', ['starts_at'], unique=False)

    op.create_table('coffee_slots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('series_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('cycle', sa.Integer(), nullable=False),
    sa.Column('starts_at', UTCDateTime(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_coffee_slots_person_id_people')),
    sa.ForeignKeyConstraint(['series_id'], ['coffee_series.id'], name=op.f('fk_coffee_slots_series_id_coffee_series'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coffee_slots')),
    sa.UniqueConstraint('series_id', 'person_id', 'cycle', name=op.f('uq_coffee_slots_series_id'))
    )
    with op.batch_alter_table('coffee_slots', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coffee_slots_person_id'), ['person_id'], unique=False)

    op.create_table('coffee_rsvps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('answer', sa.String(length=16), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('topic', sa.String(length=200), nullable=False),
    sa.Column('attended', sa.Boolean(), nullable=True),
    sa.Column('answered_at', UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_coffee_rsvps_person_id_people')),
    sa.ForeignKeyConstraint(['session_id'], ['coffee_sessions.id'], name=op.f('fk_coffee_rsvps_session_id_coffee_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coffee_rsvps')),
    sa.UniqueConstraint('session_id', 'person_id', name=op.f('uq_coffee_rsvps_session_id'))
    )
    with op.batch_alter_table('coffee_rsvps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coffee_rsvps_person_id'), ['person_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('coffee_rsvps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coffee_rsvps_person_id'))

    op.drop_table('coffee_rsvps')
    with op.batch_alter_table('coffee_slots', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coffee_slots_person_id'))

    op.drop_table('coffee_slots')
    with op.batch_alter_table('coffee_sessions', schema=None) as batch_op:
        batch_op.drop_index('ix_coffee_sessions_starts')

    op.drop_table('coffee_sessions')
    with op.batch_alter_table('coffee_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coffee_members_person_id'))

    op.drop_table('coffee_members')
    with op.batch_alter_table('coffee_series', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coffee_series_coach_id'))

    op.drop_table('coffee_series')
    op.drop_table('coffee_optouts')
