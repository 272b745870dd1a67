"""Coffee and Curriculum's timed work: plan every series' messages each tick; build each
message when it is sent (renderers.py)."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.coffee import changes, planner, renderers, roster, rotation
from bot.scheduling.jobs import Jobs
from bot.scheduling.ledger import Planned


def register(jobs: Jobs) -> None:
    """Planners, the cohort gatherer, and a renderer for each kind of message."""
    cohorts = roster.Cohorts(jobs.messengers)

    async def plan(session: AsyncSession, now: datetime) -> list[Planned]:
        return [*await planner.plan_group(session, now, cohorts),
                *await rotation.plan_rotation(session, now, cohorts)]

    open_work = jobs.features.open_work if jobs.features else []
    jobs.planner("coffee")(plan)
    jobs.gatherer("coffee")(cohorts.gather)
    jobs.renderer(planner.INVITE)(renderers.invite)
    jobs.renderer(planner.REMIND)(renderers.remind)
    jobs.renderer(planner.BRIEF, staff=True)(partial(renderers.coach_brief, open_work=open_work))
    jobs.renderer(planner.FOLLOWUP)(renderers.followup)
    jobs.renderer(planner.ASK)(renderers.ask)
    jobs.renderer(planner.EMPTY, staff=True)(renderers.empty)
    jobs.renderer(changes.CHANGED)(renderers.changed)
    jobs.renderer(rotation.OFFER)(renderers.offer)
    jobs.renderer(rotation.SLOT_OFF)(renderers.slot_off)
