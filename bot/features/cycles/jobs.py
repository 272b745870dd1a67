"""A cycle's messages, built when the ledger sends them (in the recipient's language): the
step's prompt to the teacher, the reminder to the coach (nothing for a step moved, done, or a
cycle called off)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Reply
from bot.features.cycles import planning, views
from bot.features.cycles.models import CycleRow, CycleStepRow
from bot.i18n import _
from bot.people.models import PersonRow
from bot.scheduling.jobs import Jobs
from bot.scheduling.models import DeliveryRow
from bot.storage.rows import row_named


async def _step(session: AsyncSession, row: DeliveryRow
                ) -> tuple[CycleRow, CycleStepRow, PersonRow, PersonRow] | None:
    step = await row_named(session, CycleStepRow, row.payload)
    cycle = await session.get(CycleRow, step.cycle_id) if step else None
    if step is None or cycle is None or cycle.status != "planned" or step.status == "done" \
            or row.occurrence != f"s{step.id}r{step.revision}":
        return None
    teacher = await session.get(PersonRow, cycle.teacher_id)
    coach = await session.get(PersonRow, cycle.coach_id) if cycle.coach_id else None
    if teacher is None or coach is None:
        return None
    return cycle, step, teacher, coach


async def render_prompt(session: AsyncSession, row: DeliveryRow) -> Reply | None:
    """The step's prompt, in the teacher's prep period the school day before."""
    found = await _step(session, row)
    if found is None:
        return None
    cycle, step, teacher, coach = found
    tz = (await planning.calendar_for(session, teacher)).tz
    return views.prompt(cycle, step, coach.display_name or _("your coach"), tz)


async def render_reminder(session: AsyncSession, row: DeliveryRow) -> Reply | None:
    """The coach's reminder on the day."""
    found = await _step(session, row)
    if found is None:
        return None
    cycle, step, teacher, coach = found
    if not coach.coaches:
        return None
    tz = (await planning.calendar_for(session, coach)).tz
    return views.reminder(cycle, step, teacher.display_name or _("your teacher"), tz)


def register(jobs: Jobs) -> None:
    """The prompts and reminders go through the ledger (planned with each step)."""
    jobs.renderer(planning.PROMPT)(render_prompt)
    jobs.renderer(planning.REMIND, staff=True)(render_reminder)
