"""A pilot's timed work: the post survey at the start of the last week, the report the day
after the end; and the observation, check-in and report messages the ledger sends."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Reply
from bot.features.pilots import report, schedule, service, views
from bot.features.pilots.models import ObservationRow, PilotRow
from bot.hooks.year import ToolMove, WaveAsk
from bot.i18n import _, speaking
from bot.people.models import PersonRow
from bot.registry import Registry
from bot.scheduling.jobs import Jobs
from bot.scheduling.ledger import Planned, plan
from bot.scheduling.models import DeliveryRow
from bot.storage.rows import row_named

REPORT = "pilots.report"
REPORT_KEPT = timedelta(days=14)


async def _observation(session: AsyncSession, row: DeliveryRow
                       ) -> tuple[ObservationRow, PilotRow] | None:
    found = await row_named(session, ObservationRow, row.payload)
    pilot = await session.get(PilotRow, found.pilot_id) if found else None
    # A moved slot's old messages were withdrawn; a done or decided one needs none.
    if found is None or pilot is None or pilot.status == "decided" or \
            row.occurrence != f"o{found.id}r{found.revision}" or found.status != "planned":
        return None
    return found, pilot


async def render_observe(session: AsyncSession, row: DeliveryRow) -> Reply | None:
    """To the teacher, the school day before the visit."""
    found = await _observation(session, row)
    if found is None:
        return None
    observation, pilot = found
    coach = await session.get(PersonRow, pilot.coach_id)
    teacher = await session.get(PersonRow, observation.person_id)
    assert teacher is not None
    tz = (await service.calendar_for(session, teacher)).tz
    return views.observation_notice(observation, pilot, coach.display_name if coach and
                                    coach.display_name else _("Your coach"), tz)


async def render_visit(session: AsyncSession, row: DeliveryRow) -> Reply | None:
    """To the coach, on the day."""
    found = await _observation(session, row)
    if found is None:
        return None
    observation, pilot = found
    teacher = await session.get(PersonRow, observation.person_id)
    coach = await session.get(PersonRow, pilot.coach_id)
    if coach is None or not coach.coaches:
        return None
    tz = (await service.calendar_for(session, coach)).tz
    return views.visit(observation, pilot, teacher.display_name if teacher else _("a teacher"),
                       tz)


async def render_checkin(session: AsyncSession, row: DeliveryRow) -> Reply | None:
    """The week's one-line check-in (nothing once the pilot is decided)."""
    ref, _sep, week = row.payload.partition(":")
    pilot = await row_named(session, PilotRow, ref)
    if pilot is None or pilot.status == "decided" or not week.isdecimal():
        return None
    return views.checkin(pilot, int(week))


async def render_report(session: AsyncSession, row: DeliveryRow,
                        features: Registry | None = None) -> Reply | None:
    """The report, built when it is sent, with the decision buttons."""
    pilot = await row_named(session, PilotRow, row.payload)
    coach = await session.get(PersonRow, pilot.coach_id) if pilot else None
    if pilot is None or pilot.status != "reporting" or features is None or not (
            coach and coach.coaches):
        return None
    found = await report.build(session, features, pilot)
    pilot.recommendation = found.recommendation
    return views.report(found, final=True)


async def progress(session: AsyncSession, now: datetime,
                   features: Registry | None = None) -> None:
    """Each tick: post surveys due, reports due."""
    if features is None:
        return
    query = select(PilotRow).where(PilotRow.status == "running").order_by(PilotRow.id)
    for pilot in (await session.execute(query)).scalars().all():
        coach = await session.get(PersonRow, pilot.coach_id)
        if coach is None:
            continue
        today = now.astimezone((await service.calendar_for(session, coach)).zone).date()
        if pilot.post_survey_id is None and today >= service.last_week(pilot):
            await post_survey(session, features, pilot, now)
        if today > pilot.ends_on:
            pilot.status = "reporting"
            await plan(session, [report_to(pilot, coach, now)])


def report_to(pilot: PilotRow, coach: PersonRow, now: datetime) -> Planned:
    """The pilot's report, to its coach from now."""
    return Planned(REPORT, f"p{pilot.id}-{pilot.ends_on}", coach.platform, now,
                   now + REPORT_KEPT, person_id=coach.id, user_id=coach.user_id,
                   payload=str(pilot.id))


async def post_survey(session: AsyncSession, features: Registry, pilot: PilotRow,
                      now: datetime) -> None:
    """TAM wave 2 to the cohort (the same statements as wave 1), closing on the last day."""
    waves, register = features.pulse_waves, features.tool_register
    if waves is None or register is None:
        return
    tool = await register.find(session, pilot.tool_id)
    teachers = tuple(t.id for t in await service.teachers_of(session, pilot))
    key = tool.pulse_key if tool is not None else f"tool-{pilot.tool_id}"
    coach = await session.get(PersonRow, pilot.coach_id)
    with speaking(coach.speaks if coach else None):  # the coach reads the wave's name
        name = views.cohort_name(pilot)
    pilot.post_survey_id = await waves.launch(session, WaveAsk(
        pilot.tool, key, name, pilot.coach_id, teachers, pilot.ends_on,
        now, f"pilot-{pilot.id}-post-{pilot.ends_on}"))
    if pilot.post_survey_id is not None:
        await register.move(session, ToolMove(pilot.tool_id, "", pilot.coach_id, now,
                                              pulses=(pilot.post_survey_id,)))


def register(jobs: Jobs) -> None:
    """Messages through the ledger, and one chore that moves pilots along."""
    jobs.renderer(schedule.OBSERVE)(render_observe)
    jobs.renderer(schedule.VISIT, staff=True)(render_visit)
    jobs.renderer(schedule.CHECKIN)(render_checkin)
    jobs.renderer(REPORT, staff=True)(partial(render_report, features=jobs.features))
    jobs.chore("pilots.progress")(partial(progress, features=jobs.features))
