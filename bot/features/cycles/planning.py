"""When a cycle's steps happen: each in the teacher's prep period (the last 40 minutes of the
school day for a teacher who set none), when the coach is free, step N in week N from the
first (later when a holiday or the coach's calendar is in the way), on school days only.
Its prompt reaches the teacher in their prep period the school day before; the coach is
reminded on the day."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.cycles.models import CycleRow, CycleStepRow
from bot.features.cycles.steps import STEPS
from bot.hooks.digest import Period
from bot.people.models import PersonRow
from bot.registry import Registry
from bot.scheduling.audience import prep_of
from bot.scheduling.ledger import Planned, plan, withdraw
from bot.scheduling.policy import PrepPeriod, person_calendar
from bot.schools.calendar import SchoolCalendar
from bot.schools.service import calendar_of

PROMPT, REMIND = "cycles.prompt", "cycles.remind"
LEAD = timedelta(hours=12)  # a step is never planned sooner than this
AHEAD = timedelta(days=70)  # a cycle's four steps fall well within this
LONGEST = timedelta(minutes=45)
NO_PREP = timedelta(minutes=40)
SEARCH_DAYS = 35
APART = timedelta(days=7)


async def calendar_for(session: AsyncSession, person: PersonRow) -> SchoolCalendar:
    """A person's school calendar, in their own zone."""
    return person_calendar(await calendar_of(session, person.school_id), person.tz)


def slot_on(day: date, calendar: SchoolCalendar, prep: PrepPeriod | None) -> Period | None:
    """The teacher's prep period that day (45 minutes at most), if school is open."""
    if not calendar.is_school_day(day):
        return None
    zone = calendar.zone
    if prep is None:
        _, closes = calendar.hours_on(day)
        return Period(closes - NO_PREP, closes)
    if day.weekday() not in prep.weekdays:
        return None
    start = datetime.combine(day, prep.start, zone)
    end = min(datetime.combine(day, prep.end, zone), start + LONGEST)
    return Period(start.astimezone(UTC), end.astimezone(UTC))


def free_slot(calendar: SchoolCalendar, teacher: PersonRow, busy: list[Period], first: date,
              after: datetime) -> Period | None:
    """The first prep-period slot from a day on, after a moment, when the coach is free."""
    for offset in range(SEARCH_DAYS):
        slot = slot_on(first + timedelta(days=offset), calendar, prep_of(teacher))
        if slot is not None and slot.start > after and not any(
                slot.start < b.end and b.start < slot.end for b in busy):
            return slot
    return None


async def plan_cycle(session: AsyncSession, features: Registry, cycle: CycleRow,
                     teacher: PersonRow, coach: PersonRow, now: datetime) -> list[CycleStepRow]:
    """Four steps about a week apart, each with its messages in the ledger."""
    calendar = await calendar_for(session, teacher)
    busy = await features.booked(session, coach.id, Period(now, now + AHEAD))
    first, after, rows = now.astimezone(calendar.zone).date(), now + LEAD, []
    anchor: date | None = None  # step 1's day: step N falls in week N from it
    for step in STEPS:
        slot = free_slot(calendar, teacher, busy, first, after)
        if slot is None:
            break
        row = CycleStepRow(cycle_id=cycle.id, step=step.number, starts_at=slot.start,
                           ends_at=slot.end)
        session.add(row)
        await session.flush()
        busy.append(slot)
        rows.append(row)
        day = slot.start.astimezone(calendar.zone).date()
        anchor = anchor or day
        first = max(anchor + APART * step.number, day + timedelta(days=1))
        after = slot.end
        await plan(session, await messages(session, row, teacher, coach, now))
    return rows


async def messages(session: AsyncSession, row: CycleStepRow, teacher: PersonRow,
                   coach: PersonRow, now: datetime) -> list[Planned]:
    """The prompt for the teacher from the school day before; the coach's reminder that day."""
    calendar = await calendar_for(session, teacher)
    day = row.starts_at.astimezone(calendar.zone).date()
    before = day - timedelta(days=1)
    while not calendar.is_school_day(before) and before > day - timedelta(days=10):
        before -= timedelta(days=1)
    eve = datetime.combine(before, time(0), calendar.zone).astimezone(UTC)
    coach_zone = (await calendar_for(session, coach)).zone
    morning = datetime.combine(day, time(0), coach_zone).astimezone(UTC)
    occurrence = f"s{row.id}r{row.revision}"
    return [Planned(PROMPT, occurrence, teacher.platform, max(now, eve), row.ends_at,
                    person_id=teacher.id, user_id=teacher.user_id, payload=str(row.id)),
            Planned(REMIND, occurrence, coach.platform, max(now, morning), row.ends_at,
                    person_id=coach.id, user_id=coach.user_id, payload=str(row.id))]


async def steps_of(session: AsyncSession, cycle: CycleRow) -> list[CycleStepRow]:
    """A cycle's steps, in order."""
    query = (select(CycleStepRow).where(CycleStepRow.cycle_id == cycle.id)
             .order_by(CycleStepRow.step))
    return list((await session.execute(query)).scalars())


async def reschedule(session: AsyncSession, features: Registry, cycle: CycleRow,
                     row: CycleStepRow, now: datetime, on: date | None = None) -> Period | None:
    """Move a step to the teacher's next free prep period (on or after a day, if given); the
    steps after it keep their order, a school day apart at least. The cycle is held until
    the turn commits: a handover at the same moment plans the reminder to the coach who has
    it then (a red team's, stop 51, on PostgreSQL: it went to the coach who had left)."""
    await session.refresh(cycle, with_for_update=True)
    teacher = await session.get(PersonRow, cycle.teacher_id)
    coach = await session.get(PersonRow, cycle.coach_id) if cycle.coach_id else None
    assert teacher is not None and coach is not None
    calendar = await calendar_for(session, teacher)
    steps = await steps_of(session, cycle)
    mine = [Period(s.starts_at, s.ends_at) for s in steps]
    busy = [b for b in await features.booked(session, coach.id, Period(now, now + AHEAD))
            if b not in mine]
    first = on or row.starts_at.astimezone(calendar.zone).date() + timedelta(days=1)
    slot = free_slot(calendar, teacher, busy, first, now + LEAD)
    if slot is None:
        return None
    moved = slot
    for later in [s for s in steps if s.step >= row.step and s.status != "done"]:
        if later is not row:
            if later.starts_at >= moved.end + timedelta(days=1):
                break  # still after the step before it: it stays where it is
            day = moved.start.astimezone(calendar.zone).date() + timedelta(days=1)
            found = free_slot(calendar, teacher, busy, day, moved.end)
            if found is None:
                break
            moved = found
        await withdraw(session, (PROMPT, REMIND), f"s{later.id}r{later.revision}")
        later.starts_at, later.ends_at = moved.start, moved.end
        later.revision += 1
        busy.append(moved)
        await plan(session, await messages(session, later, teacher, coach, now))
    return slot


async def busy(session: AsyncSession, coach_id: int, period: Period) -> list[Period]:
    """The coach's cycle steps in a period (the core's `busy` hook)."""
    query = (select(CycleStepRow.starts_at, CycleStepRow.ends_at)
             .join(CycleRow, CycleRow.id == CycleStepRow.cycle_id)
             .where(CycleRow.coach_id == coach_id, CycleRow.status == "planned",
                    CycleStepRow.starts_at < period.end, CycleStepRow.ends_at > period.start))
    return [Period(start, end) for start, end in await session.execute(query)]
