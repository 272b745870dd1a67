"""Who a delivery is for, as the delivery policy sees them: zone, school calendar, prep period."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.people.models import PersonRow
from bot.scheduling.policy import PrepPeriod, next_window, person_calendar
from bot.schools.calendar import SchoolCalendar, parse_weekdays
from bot.schools.service import calendar_of


def prep_of(person: PersonRow) -> PrepPeriod | None:
    """A person's prep period, if they set one."""
    if person.prep_start is None or person.prep_end is None:
        return None
    return PrepPeriod(person.prep_start, person.prep_end,
                      parse_weekdays(person.prep_days) or frozenset(range(5)))


class Audience:
    """Looks people up once per tick and answers "when may they be messaged?"."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.calendars: dict[int | None, SchoolCalendar] = {}

    async def calendar(self, school_id: int | None) -> SchoolCalendar:
        """A school's calendar, cached for this tick."""
        if school_id not in self.calendars:
            self.calendars[school_id] = await calendar_of(self.session, school_id)
        return self.calendars[school_id]

    async def next_window(self, person_id: int | None, now: datetime) -> datetime | None:
        """`now` when the person may be messaged now, a later moment, or None (no window soon)."""
        person = await self.session.get(PersonRow, person_id) if person_id is not None else None
        if person is None:
            return now  # a channel, or someone unknown: school hours do not apply
        calendar = person_calendar(await self.calendar(person.school_id), person.tz)
        return next_window(now, calendar, prep_of(person))
