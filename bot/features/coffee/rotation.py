"""1:1 rotation: each teacher of the coach's roster is offered a 20-minute slot every N weeks,
inside their prep period (or at the series' time on its days when they have none)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.coffee import roster
from bot.features.coffee.models import CoffeeSeriesRow, CoffeeSlotRow
from bot.features.coffee.occurrences import local_moment, week_start
from bot.people.models import PersonRow
from bot.scheduling.audience import prep_of
from bot.scheduling.ledger import Planned
from bot.schools.calendar import SchoolCalendar, parse_weekdays
from bot.schools.service import calendar_of

OFFER, SLOT_OFF = "coffee.offer", "coffee.slot_off"
SLOT = timedelta(minutes=20)
NOTICE = timedelta(days=1)  # a slot is proposed at least a day ahead
SEARCH_DAYS = 28


def cycle_of(series: CoffeeSeriesRow, day: date) -> int:
    """Which cycle of N weeks `day` falls in (0 for the first)."""
    weeks = (week_start(day) - week_start(series.starts_on)).days // 7
    return weeks // max(1, series.every_weeks)


def cycle_days(series: CoffeeSeriesRow, cycle: int) -> tuple[date, date]:
    """The first and last day of a cycle."""
    first = week_start(series.starts_on) + timedelta(weeks=cycle * series.every_weeks)
    return first, first + timedelta(weeks=series.every_weeks, days=-1)


def candidates(series: CoffeeSeriesRow, person: PersonRow, calendar: SchoolCalendar,
               day: date) -> list[datetime]:
    """Slot starts on one day: each 20 minutes of the prep period, else the series' time."""
    prep = prep_of(person)
    if prep is not None and day.weekday() in prep.weekdays:
        tz = person.tz or calendar.tz
        starts, ends = local_moment(day, prep.start, tz), local_moment(day, prep.end, tz)
        count = int((ends - starts) / SLOT)
        return [starts + SLOT * i for i in range(count)]
    if prep is None and day.weekday() in parse_weekdays(series.weekdays):
        return [local_moment(day, series.start_time, calendar.tz)]
    return []


def propose(series: CoffeeSeriesRow, person: PersonRow, calendar: SchoolCalendar,
            first: date, last: date, after: datetime, taken: set[datetime]) -> datetime | None:
    """The earliest free slot for this teacher between two dates, after `after`."""
    day = first
    while day <= min(last, series.ends_on):
        if calendar.is_school_day(day):
            for start in candidates(series, person, calendar, day):
                if start > after and start not in taken:
                    return start
        day += timedelta(days=1)
    return None


async def coach_busy(session: AsyncSession, coach_id: int) -> set[datetime]:
    """Slot starts the coach already offered or agreed, across their rotation series still
    running (a cancelled one's slots are free again)."""
    query = (select(CoffeeSlotRow.starts_at)
             .join(CoffeeSeriesRow, CoffeeSeriesRow.id == CoffeeSlotRow.series_id)
             .where(CoffeeSeriesRow.coach_id == coach_id,
                    CoffeeSeriesRow.status != "cancelled",
                    CoffeeSlotRow.status.in_(("offered", "accepted"))))
    return set((await session.execute(query)).scalars())


async def release(session: AsyncSession, series: CoffeeSeriesRow, now: datetime
                  ) -> list[Planned]:
    """A cancelled series' slots still to come are off: no teacher books them and the coach's
    time is free again (a red team's, stop 52). Returns a notice to each teacher who had
    agreed to one, who would otherwise wait for a coach who will not come (stop 53)."""
    query = select(CoffeeSlotRow).where(CoffeeSlotRow.series_id == series.id,
                                        CoffeeSlotRow.starts_at > now,
                                        CoffeeSlotRow.status.in_(("offered", "accepted")))
    notices = []
    for slot in (await session.execute(query)).scalars():
        if slot.status == "accepted" and (
                teacher := await session.get(PersonRow, slot.person_id)) is not None:
            notices.append(Planned(SLOT_OFF, f"o{slot.id}.off", teacher.platform, now,
                                   slot.starts_at, person_id=teacher.id,
                                   user_id=teacher.user_id, payload=str(slot.id), urgent=True))
        slot.status = "cancelled"
    return notices


async def erase_slots(session: AsyncSession, person_id: int) -> int:
    """An erased teacher's 1:1s still offered or agreed are off: the coach's time is free
    again, and a later cancel counts and tells no one for her (a red team's, stop 53)."""
    result = await session.execute(
        update(CoffeeSlotRow).where(CoffeeSlotRow.person_id == person_id,
                                    CoffeeSlotRow.status.in_(("offered", "accepted")))
        .values(status="cancelled"))
    return int(getattr(result, "rowcount", 0) or 0)


async def plan_rotation(session: AsyncSession, now: datetime,
                        cohorts: roster.Cohorts) -> list[Planned]:
    """Offer this cycle's slots, once per teacher per cycle."""
    query = select(CoffeeSeriesRow).where(CoffeeSeriesRow.status == "active",
                                          CoffeeSeriesRow.mode == "rotation")
    planned: list[Planned] = []
    for series in (await session.execute(query)).scalars().all():
        planned += await plan_cycle(session, series, now, cohorts)
    return planned


async def plan_cycle(session: AsyncSession, series: CoffeeSeriesRow, now: datetime,
                     cohorts: roster.Cohorts) -> list[Planned]:
    """The current cycle's offers for one series (nothing when already made)."""
    calendar = await calendar_of(session, series.school_id)
    today = now.astimezone(calendar.zone).date()
    if not series.starts_on <= today <= series.ends_on:
        return []
    cycle = cycle_of(series, today)
    query = select(CoffeeSlotRow.id).where(CoffeeSlotRow.series_id == series.id,
                                           CoffeeSlotRow.cycle == cycle).limit(1)
    if (await session.execute(query)).first() is not None:
        return []
    listed = await cohorts.members(session, series)
    people = await roster.invitees(session, series, listed, now) if listed else []
    if not people:
        return []
    members = await roster.enrol(session, series.id, people)
    out = await roster.opted_out(session, [p.id for p in people])
    taken = await coach_busy(session, series.coach_id)
    first, last = cycle_days(series, cycle)
    planned = []
    for person in people:
        if person.id in out or roster.is_paused(members.get(person.id), today):
            continue
        start = propose(series, person, calendar, max(first, today), last, now + NOTICE, taken)
        if start is None:
            continue
        taken.add(start)
        slot = CoffeeSlotRow(series_id=series.id, person_id=person.id, cycle=cycle,
                             starts_at=start)
        session.add(slot)
        await session.flush()
        planned.append(Planned(OFFER, f"o{slot.id}", person.platform, now,
                               start - timedelta(hours=1), person_id=person.id,
                               user_id=person.user_id, payload=str(slot.id)))
    return planned


async def another_time(session: AsyncSession, slot: CoffeeSlotRow, series: CoffeeSeriesRow,
                       person: PersonRow, now: datetime) -> datetime | None:
    """Move a slot to the teacher's next free prep-period slot (within four weeks)."""
    calendar = await calendar_of(session, series.school_id)
    taken = await coach_busy(session, series.coach_id)
    after = max(slot.starts_at, now + NOTICE)
    first = after.astimezone(calendar.zone).date()
    start = propose(series, person, calendar, first, first + timedelta(days=SEARCH_DAYS),
                    after, taken)
    if start is not None:
        slot.starts_at, slot.revision, slot.status = start, slot.revision + 1, "offered"
    return start

