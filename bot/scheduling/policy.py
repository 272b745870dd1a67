"""The delivery policy: non-urgent messages go out in school hours, on school days, in the
person's own time zone, and inside their prep period when they have one."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.schools.calendar import SchoolCalendar

LOOKAHEAD_DAYS = 21


@dataclass(frozen=True)
class PrepPeriod:
    """A teacher's planning period: local start and end, and the weekdays it applies."""

    start: time
    end: time
    weekdays: frozenset[int] = frozenset(range(5))


def person_calendar(calendar: SchoolCalendar, tz: str | None) -> SchoolCalendar:
    """The school's calendar read in the person's own zone when they have one."""
    return replace(calendar, tz=tz) if tz and tz != calendar.tz else calendar


def may_send_at(moment: datetime, calendar: SchoolCalendar, prep: PrepPeriod | None) -> bool:
    """True when a non-urgent message may reach this person at `moment`."""
    if not calendar.is_open_at(moment):
        return False
    if prep is None:
        return True
    local = moment.astimezone(ZoneInfo(calendar.tz))
    if local.weekday() not in prep.weekdays:
        return True  # no prep period that day: school hours are enough
    return prep.start <= local.time() < prep.end


def next_window(moment: datetime, calendar: SchoolCalendar,
                prep: PrepPeriod | None) -> datetime | None:
    """The first moment at or after `moment` when the person may be messaged."""
    zone = ZoneInfo(calendar.tz)
    day = moment.astimezone(zone).date()
    for _ in range(LOOKAHEAD_DAYS):
        if calendar.is_school_day(day):
            opens, closes = calendar.hours_on(day)
            start, end = opens, closes
            if prep is not None and day.weekday() in prep.weekdays:
                start = max(opens, datetime.combine(day, prep.start, zone).astimezone(UTC))
                end = min(closes, datetime.combine(day, prep.end, zone).astimezone(UTC))
            candidate = max(start, moment)
            if candidate < end:
                return candidate
        day += timedelta(days=1)
    return None
