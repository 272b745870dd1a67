"""A pilot's calendar: two observation slots a week in the coach's free time (while the
teacher is teaching, so outside their prep period), told to each teacher in their prep period
the school day before; and a one-line check-in on each week's last school day."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.pilots import service
from bot.features.pilots.models import ObservationRow, PilotRow
from bot.hooks.digest import Period
from bot.people.models import PersonRow
from bot.registry import Registry
from bot.scheduling.audience import prep_of
from bot.scheduling.ledger import Planned, plan, withdraw
from bot.scheduling.policy import PrepPeriod
from bot.schools.calendar import SchoolCalendar

OBSERVE, VISIT, CHECKIN = "pilots.observe", "pilots.visit", "pilots.checkin"
CALLED_OFF = "cancelled"  # an observation of a teacher erased before it came
SLOT = timedelta(minutes=45)
AFTER_OPENING = timedelta(hours=1)  # the first period has started and settled
EVERY = timedelta(hours=1)
PER_WEEK = 2
CHECKIN_OPEN = timedelta(days=3)


def overlaps(slot: Period, busy: list[Period]) -> bool:
    """Whether a slot meets anything already booked."""
    return any(slot.start < b.end and b.start < slot.end for b in busy)


def class_times(day: date, calendar: SchoolCalendar, prep: PrepPeriod | None) -> list[datetime]:
    """Hourly slot starts in school hours that day, leaving out the teacher's prep period."""
    opens, closes = calendar.hours_on(day)
    found, start = [], opens + AFTER_OPENING
    while start + SLOT <= closes:
        local = start.astimezone(calendar.zone).time()
        in_prep = prep is not None and day.weekday() in prep.weekdays and \
            prep.start < (datetime.combine(day, local) + SLOT).time() and local < prep.end
        if not in_prep:
            found.append(start)
        start += EVERY
    return found


def school_days(pilot: PilotRow, week: int, calendar: SchoolCalendar) -> list[date]:
    """The school days of one pilot week (1 for the first)."""
    first = pilot.starts_on + timedelta(days=7 * (week - 1))
    return [d for d in (first + timedelta(days=n) for n in range(7))
            if d <= pilot.ends_on and calendar.is_school_day(d)]


async def free_slot(days: list[date], calendar: SchoolCalendar, teacher: PersonRow,
                    busy: list[Period], after: datetime) -> Period | None:
    """The first slot on these days, after a moment, when the teacher teaches and the coach
    is free."""
    for day in days:
        for start in class_times(day, calendar, prep_of(teacher)):
            slot = Period(start, start + SLOT)
            if start > after and not overlaps(slot, busy):
                return slot
    return None


async def plan_observations(session: AsyncSession, features: Registry, pilot: PilotRow,
                            teachers: list[PersonRow], weeks: range,
                            now: datetime) -> list[ObservationRow]:
    """Two slots a week, taking the cohort in turn, each planned with its messages."""
    coach = await session.get(PersonRow, pilot.coach_id)
    assert coach is not None
    span = Period(now, datetime.combine(pilot.ends_on + timedelta(days=1), time(0), UTC))
    busy = await features.booked(session, coach.id, span)
    made = []
    for week in weeks:
        for turn in range(PER_WEEK):
            teacher = teachers[((week - 1) * PER_WEEK + turn) % len(teachers)]
            calendar = await service.calendar_for(session, teacher)
            days = school_days(pilot, week, calendar)
            # Spread the two: the second slot looks from the week's middle on.
            days = days[len(days) // 2:] + days[:len(days) // 2] if turn else days
            slot = await free_slot(days, calendar, teacher, busy, now + timedelta(hours=12))
            if slot is None:
                continue
            busy.append(slot)
            row = ObservationRow(pilot_id=pilot.id, person_id=teacher.id, week=week,
                                 starts_at=slot.start, ends_at=slot.end)
            session.add(row)
            await session.flush()
            await plan(session, await messages(session, row, teacher, coach, now))
            made.append(row)
    return made


async def messages(session: AsyncSession, row: ObservationRow, teacher: PersonRow,
                   coach: PersonRow, now: datetime) -> list[Planned]:
    """The teacher hears the school day before (in their prep period); the coach that day."""
    calendar = await service.calendar_for(session, teacher)
    day = row.starts_at.astimezone(calendar.zone).date()
    before = day - timedelta(days=1)
    while not calendar.is_school_day(before) and before > day - timedelta(days=10):
        before -= timedelta(days=1)
    told = max(now, datetime.combine(before, time(0), calendar.zone).astimezone(UTC))
    that_day = max(now, datetime.combine(day, time(0), calendar.zone).astimezone(UTC))
    occurrence = f"o{row.id}r{row.revision}"
    return [Planned(OBSERVE, occurrence, teacher.platform, told, row.starts_at,
                    person_id=teacher.id, user_id=teacher.user_id, payload=str(row.id)),
            Planned(VISIT, occurrence, coach.platform, that_day, row.ends_at,
                    person_id=coach.id, user_id=coach.user_id, payload=str(row.id))]


async def move(session: AsyncSession, features: Registry, row: ObservationRow,
               pilot: PilotRow, now: datetime) -> Period | None:
    """Another time: the next free slot with that teacher later this pilot; its messages are
    planned afresh (the old ones withdrawn)."""
    teacher = await session.get(PersonRow, row.person_id)
    coach = await session.get(PersonRow, pilot.coach_id)
    assert teacher is not None and coach is not None
    calendar = await service.calendar_for(session, teacher)
    first = row.starts_at.astimezone(calendar.zone).date() + timedelta(days=1)
    days = [d for d in (first + timedelta(days=n) for n in range((pilot.ends_on - first).days + 1))
            if calendar.is_school_day(d)]
    end = datetime.combine(pilot.ends_on + timedelta(days=1), time(0), UTC)
    busy = [b for b in await features.booked(session, coach.id, Period(now, end))
            if not (b.start == row.starts_at and b.end == row.ends_at)]
    slot = await free_slot(days, calendar, teacher, busy, now + timedelta(hours=12))
    if slot is None:
        return None
    await withdraw(session, (OBSERVE, VISIT), f"o{row.id}r{row.revision}")
    row.starts_at, row.ends_at, row.revision = slot.start, slot.end, row.revision + 1
    row.week = service.week_of(pilot, slot.start.astimezone(calendar.zone).date())
    await plan(session, await messages(session, row, teacher, coach, now))
    return slot


async def plan_checkins(session: AsyncSession, pilot: PilotRow, teachers: list[PersonRow],
                        weeks: range, now: datetime) -> int:
    """"Anything break this week?" on each week's last school day, to each teacher."""
    planned = []
    for teacher in teachers:
        calendar = await service.calendar_for(session, teacher)
        for week in weeks:
            days = school_days(pilot, week, calendar)
            if not days:
                continue
            opens = datetime.combine(days[-1], time(0), calendar.zone).astimezone(UTC)
            planned.append(Planned(CHECKIN, f"p{pilot.id}w{week}", teacher.platform,
                                   max(now, opens), opens + CHECKIN_OPEN, person_id=teacher.id,
                                   user_id=teacher.user_id, payload=f"{pilot.id}:{week}"))
    return await plan(session, planned)


async def observations(session: AsyncSession, pilot: PilotRow) -> list[ObservationRow]:
    """A pilot's observation slots, in time order (not those called off at an erase)."""
    query = (select(ObservationRow).where(ObservationRow.pilot_id == pilot.id,
                                          ObservationRow.status != CALLED_OFF)
             .order_by(ObservationRow.starts_at))
    return list((await session.execute(query)).scalars())


async def busy(session: AsyncSession, coach_id: int, period: Period) -> list[Period]:
    """The coach's observation slots in a period (the core's `busy` hook)."""
    query = (select(ObservationRow.starts_at, ObservationRow.ends_at)
             .join(PilotRow, PilotRow.id == ObservationRow.pilot_id)
             .where(PilotRow.coach_id == coach_id, ObservationRow.status != CALLED_OFF,
                    ObservationRow.starts_at < period.end, ObservationRow.ends_at > period.start))
    return [Period(start, end) for start, end in await session.execute(query)]


async def erase_observed(session: AsyncSession, person_id: int) -> int:
    """An erased teacher's observations lose what the coach noted of her class, and the ones
    still to come are called off with their messages (a red team's, stop 52: the coach kept
    being sent to observe "'s class"); returns rows changed."""
    rows = (await session.execute(select(ObservationRow).where(
        ObservationRow.person_id == person_id))).scalars().all()
    for row in rows:
        row.note, row.on_task = "", ""
        if row.status == "planned":
            await withdraw(session, (OBSERVE, VISIT), f"o{row.id}r{row.revision}")
            row.status = CALLED_OFF
    return len(rows)
