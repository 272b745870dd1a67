"""The coach's year: the tool register (checklists, links, users, events), pilots
(teachers, observations, check-ins), coaching cycles and their steps, and workshops.

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

from bot.storage.base import UTCDateTime

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('cycles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_key', sa.String(length=255), nullable=True),
    sa.Column('teacher_id', sa.Integer(), nullable=False),
    sa.Column('coach_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('source', sa.String(length=120), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('goal', sa.Text(), nullable=False),
    sa.Column('target', sa.Text(), nullable=False),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.Column('completed_at', UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['coach_id'], ['people.id'], name=op.f('fk_cycles_coach_id_people')),
    sa.ForeignKeyConstraint(['teacher_id'], ['people.id'], name=op.f('fk_cycles_teacher_id_people')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cycles')),
    sa.UniqueConstraint('request_key', name=op.f('uq_cycles_request_key'))
    )
    with op.batch_alter_table('cycles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cycles_coach_id'), ['coach_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cycles_teacher_id'), ['teacher_id'], unique=False)

    op.create_table('pilots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_key', sa.String(length=255), nullable=True),
    sa.Column('tool_id', sa.Integer(), nullable=False),
    sa.Column('tool', sa.String(length=80), nullable=False),
    sa.Column('coach_id', sa.Integer(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('pre_survey_id', sa.Integer(), nullable=True),
    sa.Column('post_survey_id', sa.Integer(), nullable=True),
    sa.Column('recommendation', sa.String(length=16), nullable=False),
    sa.Column('decision', sa.String(length=16), nullable=False),
    sa.Column('decided_at', UTCDateTime(), nullable=True),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['coach_id'], ['people.id'], name=op.f('fk_pilots_coach_id_people')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pilots')),
    sa.UniqueConstraint('request_key', name=op.f('uq_pilots_request_key'))
    )
    with op.batch_alter_table('pilots', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pilots_coach_id'), ['coach_id'], unique=False)

    op.create_table('tools',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('aliases', sa.String(length=255), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('requested_by', sa.Integer(), nullable=True),
    sa.Column('schools', sa.String(length=255), nullable=False),
    sa.Column('grades', sa.String(length=64), nullable=False),
    sa.Column('website', sa.String(length=255), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=False),
    sa.Column('standards', sa.Text(), nullable=False),
    sa.Column('access', sa.String(length=512), nullable=False),
    sa.Column('reason', sa.String(length=512), nullable=False),
    sa.Column('alternative_id', sa.Integer(), nullable=True),
    sa.Column('intended', sa.Integer(), nullable=False),
    sa.Column('use_figure', sa.Integer(), nullable=True),
    sa.Column('decide_by', sa.Date(), nullable=True),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.Column('status_at', UTCDateTime(), nullable=False),
    sa.Column('introduced_on', sa.Date(), nullable=True),
    sa.Column('adopted_on', sa.Date(), nullable=True),
    sa.Column('next_pulse_on', sa.Date(), nullable=True),
    sa.Column('flagged_on', sa.Date(), nullable=True),
    sa.Column('figures', sa.JSON(), nullable=False),
    sa.Column('figures_on', sa.Date(), nullable=True),
    sa.Column('retire_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['alternative_id'], ['tools.id'], name=op.f('fk_tools_alternative_id_tools')),
    sa.ForeignKeyConstraint(['owner_id'], ['people.id'], name=op.f('fk_tools_owner_id_people')),
    sa.ForeignKeyConstraint(['requested_by'], ['people.id'], name=op.f('fk_tools_requested_by_people')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tools')),
    sa.UniqueConstraint('key', name=op.f('uq_tools_key'))
    )
    op.create_table('workshops',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('coach_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('attendees', sa.Integer(), nullable=False),
    sa.Column('hours', sa.Float(), nullable=False),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['coach_id'], ['people.id'], name=op.f('fk_workshops_coach_id_people')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workshops'))
    )
    with op.batch_alter_table('workshops', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_workshops_coach_id'), ['coach_id'], unique=False)

    op.create_table('cycle_steps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cycle_id', sa.Integer(), nullable=False),
    sa.Column('step', sa.Integer(), nullable=False),
    sa.Column('starts_at', UTCDateTime(), nullable=False),
    sa.Column('ends_at', UTCDateTime(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('done_at', UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['cycle_id'], ['cycles.id'], name=op.f('fk_cycle_steps_cycle_id_cycles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cycle_steps')),
    sa.UniqueConstraint('cycle_id', 'step', name=op.f('uq_cycle_steps_cycle_id'))
    )
    with op.batch_alter_table('cycle_steps', schema=None) as batch_op:
        batch_op.create_index('ix_cycle_steps_starts', ['starts_at'], unique=False)

    op.create_table('pilot_checkins',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pilot_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('week', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=500), nullable=False),
    sa.Column('at', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_pilot_checkins_person_id_people')),
    sa.ForeignKeyConstraint(['pilot_id'], ['pilots.id'], name=op.f('fk_pilot_checkins_pilot_id_pilots'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pilot_checkins')),
    sa.UniqueConstraint('pilot_id', 'person_id', 'week', name=op.f('uq_pilot_checkins_pilot_id'))
    )
    with op.batch_alter_table('pilot_checkins', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pilot_checkins_person_id'), ['person_id'], unique=False)

    op.create_table('pilot_observations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pilot_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('week', sa.Integer(), nullable=False),
    sa.Column('starts_at', UTCDateTime(), nullable=False),
    sa.Column('ends_at', UTCDateTime(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('on_task', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_pilot_observations_person_id_people')),
    sa.ForeignKeyConstraint(['pilot_id'], ['pilots.id'], name=op.f('fk_pilot_observations_pilot_id_pilots'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pilot_observations'))
    )
    with op.batch_alter_table('pilot_observations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pilot_observations_pilot_id'), ['pilot_id'], unique=False)
        batch_op.create_index('ix_pilot_observations_starts', ['starts_at'], unique=False)

    op.create_table('pilot_teachers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pilot_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_pilot_teachers_person_id_people')),
    sa.ForeignKeyConstraint(['pilot_id'], ['pilots.id'], name=op.f('fk_pilot_teachers_pilot_id_pilots'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pilot_teachers')),
    sa.UniqueConstraint('pilot_id', 'person_id', name=op.f('uq_pilot_teachers_pilot_id'))
    )
    with op.batch_alter_table('pilot_teachers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pilot_teachers_person_id'), ['person_id'], unique=False)

    op.create_table('tool_checks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tool_id', sa.Integer(), nullable=False),
    sa.Column('point', sa.String(length=16), nullable=False),
    sa.Column('result', sa.String(length=8), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('evidence', sa.String(length=500), nullable=False),
    sa.Column('checked_by', sa.Integer(), nullable=True),
    sa.Column('checked_at', UTCDateTime(), nullable=False),
    sa.Column('override', sa.String(length=500), nullable=False),
    sa.Column('override_by', sa.Integer(), nullable=True),
    sa.Column('override_at', UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['checked_by'], ['people.id'], name=op.f('fk_tool_checks_checked_by_people')),
    sa.ForeignKeyConstraint(['override_by'], ['people.id'], name=op.f('fk_tool_checks_override_by_people')),
    sa.ForeignKeyConstraint(['tool_id'], ['tools.id'], name=op.f('fk_tool_checks_tool_id_tools'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tool_checks')),
    sa.UniqueConstraint('tool_id', 'point', name=op.f('uq_tool_checks_tool_id'))
    )
    op.create_table('tool_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tool_id', sa.Integer(), nullable=False),
    sa.Column('at', UTCDateTime(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('text', sa.String(length=600), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['people.id'], name=op.f('fk_tool_events_actor_id_people')),
    sa.ForeignKeyConstraint(['tool_id'], ['tools.id'], name=op.f('fk_tool_events_tool_id_tools'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tool_events'))
    )
    with op.batch_alter_table('tool_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tool_events_tool_id'), ['tool_id'], unique=False)

    op.create_table('tool_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tool_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('ref', sa.String(length=128), nullable=False),
    sa.Column('at', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['tool_id'], ['tools.id'], name=op.f('fk_tool_links_tool_id_tools'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tool_links')),
    sa.UniqueConstraint('tool_id', 'kind', 'ref', name=op.f('uq_tool_links_tool_id'))
    )
    op.create_table('tool_support',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tool_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('at', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_tool_support_person_id_people')),
    sa.ForeignKeyConstraint(['tool_id'], ['tools.id'], name=op.f('fk_tool_support_tool_id_tools'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tool_support')),
    sa.UniqueConstraint('tool_id', 'person_id', name=op.f('uq_tool_support_tool_id'))
    )
    with op.batch_alter_table('tool_support', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tool_support_person_id'), ['person_id'], unique=False)

    op.create_table('tool_users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tool_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('at', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_tool_users_person_id_people')),
    sa.ForeignKeyConstraint(['tool_id'], ['tools.id'], name=op.f('fk_tool_users_tool_id_tools'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tool_users')),
    sa.UniqueConstraint('tool_id', 'person_id', name=op.f('uq_tool_users_tool_id'))
    )
    with op.batch_alter_table('tool_users', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tool_users_person_id'), ['person_id'], unique=False)

def downgrade() -> None:
    with op.batch_alter_table('tool_users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tool_users_person_id'))

    op.drop_table('tool_users')
    with op.batch_alter_table('tool_support', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tool_support_person_id'))

    op.drop_table('tool_support')
    op.drop_table('tool_links')
    with op.batch_alter_table('tool_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tool_events_tool_id'))

    op.drop_table('tool_events')
    op.drop_table('tool_checks')
    with op.batch_alter_table('pilot_teachers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pilot_teachers_person_id'))

    op.drop_table('pilot_teachers')
    with op.batch_alter_table('pilot_observations', schema=None) as batch_op:
        batch_op.drop_index('ix_pilot_observations_starts')
        batch_op.drop_index(batch_op.f('ix_pilot_observations_pilot_id'))

    op.drop_table('pilot_observations')
    with op.batch_alter_table('pilot_checkins', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pilot_checkins_person_id'))

    op.drop_table('pilot_checkins')
    with op.batch_alter_table('cycle_steps', schema=None) as batch_op:
        batch_op.drop_index('ix_cycle_steps_starts')

    op.drop_table('cycle_steps')
    with op.batch_alter_table('workshops', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_workshops_coach_id'))

    op.drop_table('workshops')
    op.drop_table('tools')
    with op.batch_alter_table('pilots', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pilots_coach_id'))

    op.drop_table('pilots')
    with op.batch_alter_table('cycles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cycles_teacher_id'))
        batch_op.drop_index(batch_op.f('ix_cycles_coach_id'))

    op.drop_table('cycles')
