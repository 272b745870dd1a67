"""Pilots: reading `/pilot start`, creating a pilot, its dates and weeks, who is in it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import BadInput
from bot.features.pilots.models import PilotRow, PilotTeacherRow
from bot.i18n import N_, _, format_day
from bot.mentions import INSTEAD
from bot.people.models import PersonRow
from bot.roles import Role
from bot.scheduling.policy import person_calendar
from bot.schools.calendar import SchoolCalendar
from bot.schools.service import calendar_of
from bot.storage.rows import one_at_a_time, row_named
from bot.traces import Traces

WEEKS, MAX_WEEKS, MAX_TEACHERS = 4, 8, 12
USAGE = N_("Try `/pilot start Blooket with @Ms Rivera @Mr Chen @Dr Diaz for 4 weeks`.")
START = re.compile(r"^(?P<tool>.+?)\s+with\s+(?P<cohort>.+?)"
                   r"(?:\s+for\s+(?P<weeks>\d+)\s+weeks?)?\s*$", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Asked:
    """The words of `/pilot start`: the tool, who (as typed), and for how many weeks."""

    tool: str
    cohort: str
    weeks: int


def read_start(text: str) -> Asked:
    """`Blooket with @a @b @c for 4 weeks` into its parts."""
    found = START.match(text.strip())
    if found is None:
        raise BadInput(_("Which tool, and which teachers? {usage}").format(usage=_(USAGE)))
    weeks = int(found.group("weeks") or WEEKS)
    # Two weeks at least: the survey before, in the first week, and the one after, in the
    # last (a red team's, stop 50: a one-week pilot's second survey closed its first unsent).
    if not 2 <= weeks <= MAX_WEEKS:
        raise BadInput(_("A pilot runs 2 to {weeks} weeks (four is usual): a survey in its "
                         "first week, and another in its last. {usage}").format(
            weeks=MAX_WEEKS, usage=_(USAGE)))
    return Asked(found.group("tool").strip(), found.group("cohort").strip(), weeks)


async def calendar_for(session: AsyncSession, person: PersonRow) -> SchoolCalendar:
    """A person's school calendar, read in their own zone."""
    return person_calendar(await calendar_of(session, person.school_id), person.tz)


def next_school_day(calendar: SchoolCalendar, day: date) -> date:
    """The day itself when school is open, else the next day that it is."""
    for _tries in range(30):
        if calendar.is_school_day(day):
            return day
        day += timedelta(days=1)
    return day


def week_count(pilot: PilotRow) -> int:
    """How many weeks a pilot runs."""
    return ((pilot.ends_on - pilot.starts_on).days + 1) // 7


def week_of(pilot: PilotRow, day: date) -> int:
    """The pilot week a day falls in, 1 for the first."""
    return (day - pilot.starts_on).days // 7 + 1


def last_week(pilot: PilotRow) -> date:
    """The first day of a pilot's last week: when the post survey goes out."""
    return pilot.ends_on - timedelta(days=6)


async def create(session: AsyncSession, tool_id: int, tool: str, coach: PersonRow,
                 teachers: list[PersonRow], weeks: int, now: datetime,
                 key: str | None) -> tuple[PilotRow, bool]:
    """A new pilot starting today (or on the next school day); a retried start finds it."""
    await one_at_a_time(session, f"pilot-of:{tool_id}")
    if key is not None:
        found = await session.execute(select(PilotRow).where(PilotRow.request_key == key))
        if (same := found.scalar_one_or_none()) is not None:
            return same, False
    running = await running_for(session, tool_id)
    if running is not None:
        raise BadInput(_("{tool} is already in a pilot until {day}.").format(
            tool=tool, day=format_day(running.ends_on)))
    calendar = await calendar_for(session, coach)
    starts = next_school_day(calendar, now.astimezone(calendar.zone).date())
    pilot = PilotRow(request_key=key, tool_id=tool_id, tool=tool, coach_id=coach.id,
                     starts_on=starts, ends_on=starts + timedelta(days=7 * weeks - 1),
                     created_at=now)
    session.add(pilot)
    await session.flush()
    session.add_all(PilotTeacherRow(pilot_id=pilot.id, person_id=t.id) for t in teachers)
    await session.flush()
    return pilot, True


async def running_for(session: AsyncSession, tool_id: int) -> PilotRow | None:
    """The tool's pilot that is not decided yet."""
    query = select(PilotRow).where(PilotRow.tool_id == tool_id, PilotRow.status != "decided")
    return (await session.execute(query)).scalars().first()


async def teachers_of(session: AsyncSession, pilot: PilotRow) -> list[PersonRow]:
    """A pilot's cohort, in the order they were named."""
    query = (select(PersonRow).join(PilotTeacherRow, PilotTeacherRow.person_id == PersonRow.id)
             .where(PilotTeacherRow.pilot_id == pilot.id).order_by(PilotTeacherRow.id))
    return list((await session.execute(query)).scalars())


async def visible_to(session: AsyncSession, person: PersonRow) -> list[PilotRow]:
    """Teachers see the pilots they are in; coaches those they run; admins every pilot."""
    query = select(PilotRow).order_by(PilotRow.starts_on.desc(), PilotRow.id.desc()).limit(20)
    role = Role(person.role)
    if role == Role.COACH:
        query = query.where(PilotRow.coach_id == person.id)
    elif role == Role.TEACHER:
        mine = select(PilotTeacherRow.pilot_id).where(PilotTeacherRow.person_id == person.id)
        query = query.where(or_(PilotRow.id.in_(mine)))
    return list((await session.execute(query)).scalars())


async def get_pilot(session: AsyncSession, ref: str) -> PilotRow:
    """A pilot by id (from a button or form)."""
    pilot = await row_named(session, PilotRow, ref)
    if pilot is None:
        raise BadInput(_("I couldn't find that pilot any more."))
    return pilot


async def named(session: AsyncSession, person: PersonRow, tool: str) -> PilotRow:
    """The latest pilot of a tool (by name) that this person may see."""
    wanted = " ".join(tool.lower().split())
    for pilot in await visible_to(session, person):
        if not wanted or pilot.tool.lower() == wanted:
            return pilot
    if wanted:
        raise BadInput(_("There is no pilot of {tool} that you run or are in. `/pilot` lists "
                         "yours.").format(tool=tool.strip()))
    raise BadInput(_("There is no pilot that you run or are in. `/pilot` lists yours."))


async def erase_tool_copies(session: AsyncSession, traces: Traces) -> int:
    """A pilot's copy of its tool's name loses an erased teacher's name, as the tool's own
    does when she asked for it ("Ms Rivera Reading Log"); returns pilots changed."""
    changed = 0
    for pilot in (await session.execute(select(PilotRow))).scalars():
        if (name := traces.names_taken_out(pilot.tool, INSTEAD)[:80]) != pilot.tool:
            pilot.tool, changed = name, changed + 1
    return changed
