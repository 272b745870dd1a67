"""When a coach edits, pauses, resumes or cancels a series, the sessions already planned follow.

A session exists once its invitations are planned, so an edit can come after people were
invited. Those sessions move to the new time (or are called off when the new days, cadence
or end date leave them out, or the series stops); people who got the invitation hear about
it once, and the reminder and brief are planned again for the new time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.coffee.models import CoffeeSeriesRow, CoffeeSessionRow
from bot.features.coffee.occurrences import local_moment, session_days
from bot.features.coffee.planner import BRIEF, INVITE, REMIND, delivered_to, occurrence, rsvps
from bot.scheduling import ledger
from bot.scheduling.ledger import Planned
from bot.scheduling.models import DeliveryRow
from bot.schools.calendar import SchoolCalendar
from bot.schools.service import calendar_of

CHANGED = "coffee.changed"


@dataclass(frozen=True)
class Followed:
    """What following a series' change did to its upcoming sessions."""

    moved: int = 0
    called_off: int = 0
    back_on: int = 0
    told: int = 0

    def __add__(self, other: Followed) -> Followed:
        return Followed(self.moved + other.moved, self.called_off + other.called_off,
                        self.back_on + other.back_on, self.told + other.told)


async def follow_series(session: AsyncSession, series: CoffeeSeriesRow, now: datetime,
                        place_changed: bool = False) -> Followed:
    """Move or call off the series' sessions that have not started; plan the notices."""
    query = (select(CoffeeSessionRow).where(CoffeeSessionRow.series_id == series.id,
                                            CoffeeSessionRow.starts_at > now)
             .order_by(CoffeeSessionRow.day))
    calendar = await calendar_of(session, series.school_id)
    followed = Followed()
    for row in (await session.execute(query)).scalars().all():
        followed += await _follow(session, series, calendar, row, now, place_changed)
    return followed


async def _follow(session: AsyncSession, series: CoffeeSeriesRow, calendar: SchoolCalendar,
                  row: CoffeeSessionRow, now: datetime, place_changed: bool) -> Followed:
    starts = local_moment(row.day, series.start_time, calendar.tz)
    keeps = (series.status == "active" and series.mode == "group" and starts > now
             and any(session_days(series, calendar, row.day, row.day)))
    if not keeps:
        if row.cancelled:
            return Followed()
        result = Followed(called_off=1)
    else:
        ends = starts + timedelta(minutes=series.minutes)
        same = (row.starts_at, row.ends_at) == (starts, ends) and not place_changed
        if same and not row.cancelled:
            return Followed()
        if same and not await _told_off(session, row):
            await _revise(session, row, cancelled=False)  # paused and resumed unnoticed
            return Followed()
        result = Followed(back_on=1) if same else Followed(moved=1)
        row.starts_at, row.ends_at = starts, ends
    await _revise(session, row, cancelled=not keeps)
    told = await ledger.plan(session, await _notices(session, row, now, bool(result.back_on)))
    return result + Followed(told=told)


async def _revise(session: AsyncSession, row: CoffeeSessionRow, cancelled: bool) -> None:
    """A new revision: notices planned for an older one are void, the reminder and brief are
    planned again for the new time, and invitations not yet sent may wait until it."""
    row.cancelled = cancelled
    row.revision += 1
    await ledger.withdraw(session, (REMIND, BRIEF), occurrence(row))
    await ledger.extend(session, INVITE, occurrence(row), row.starts_at)


async def _told_off(session: AsyncSession, row: CoffeeSessionRow) -> bool:
    """Whether a notice that it was called off has reached anyone."""
    query = select(DeliveryRow.id).where(DeliveryRow.job == CHANGED,
                                         DeliveryRow.occurrence.like(f"{occurrence(row)}.r%"),
                                         DeliveryRow.status == "sent").limit(1)
    return (await session.execute(query)).first() is not None


async def _notices(session: AsyncSession, row: CoffeeSessionRow, now: datetime,
                   back_on: bool = False) -> list[Planned]:
    """One notice to each person the invitation reached (a session called off is not news to
    those who said they weren't coming). Urgent: it is about a time that is close."""
    reached = await delivered_to(session, occurrence(row))
    answers = ("invited", "going") if row.cancelled else ("invited", "going", "not_going")
    return [Planned(CHANGED, f"{occurrence(row)}.r{row.revision}", person.platform, now,
                    row.starts_at, person_id=person.id, user_id=person.user_id,
                    payload=f"{row.id}:{row.revision}" + (":back" if back_on else ""),
                    urgent=True)
            for person, _ in await rsvps(session, row.id, answers) if person.id in reached]
