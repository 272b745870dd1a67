"""When sessions happen and when their invitations go out, in the school's own time zone.

Every local time is turned into UTC with zoneinfo on the session's own date, so a 07:00
session stays at 07:00 local across a DST change. Start times are limited to 05:00-21:00,
which keeps them clear of the 01:00-03:00 hours that a DST change skips or repeats.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

from bot.features.coffee.models import CoffeeSeriesRow
from bot.i18n import N_
from bot.schools.calendar import SchoolCalendar, parse_weekdays

EARLIEST, LATEST = time(5, 0), time(21, 0)
HORIZON_DAYS = 14  # how far ahead the planner looks for sessions whose invitations are due
CADENCES = {1: N_("every week"), 2: N_("every two weeks"), 4: N_("every four weeks")}


def week_start(day: date) -> date:
    """The Monday of the week containing `day`."""
    return day - timedelta(days=day.weekday())


def on_cadence(day: date, starts_on: date, every_weeks: int) -> bool:
    """True in the weeks the series meets (counted from the week it starts)."""
    weeks = (week_start(day) - week_start(starts_on)).days // 7
    return weeks >= 0 and weeks % max(1, every_weeks) == 0


def local_moment(day: date, at: time, tz: str) -> datetime:
    """A local date and time in a zone, as UTC."""
    return datetime.combine(day, at, SchoolCalendar(tz).zone).astimezone(UTC)


def session_days(series: CoffeeSeriesRow, calendar: SchoolCalendar, start: date,
                 end: date) -> Iterator[date]:
    """The school days from `start` to `end` (inclusive) on which the series meets."""
    weekdays = parse_weekdays(series.weekdays)
    day = max(start, series.starts_on)
    last = min(end, series.ends_on)
    while day <= last:
        if (day.weekday() in weekdays and on_cadence(day, series.starts_on, series.every_weeks)
                and calendar.is_school_day(day)):
            yield day
        day += timedelta(days=1)


def previous_school_day(day: date, calendar: SchoolCalendar) -> date:
    """The last school day before `day` (skipping weekends and closures)."""
    earlier = day - timedelta(days=1)
    for _ in range(30):
        if calendar.is_school_day(earlier):
            return earlier
        earlier -= timedelta(days=1)
    return day - timedelta(days=1)


def invite_at(day: date, invite_when: str, calendar: SchoolCalendar) -> datetime:
    """When a session's invitations may go out: opening time the school day before, or that
    morning. The delivery policy then moves each one into the person's prep period."""
    when = day if invite_when == "morning_of" else previous_school_day(day, calendar)
    return calendar.hours_on(when)[0]


def next_session(series: CoffeeSeriesRow, calendar: SchoolCalendar,
                 now: datetime) -> tuple[date, datetime] | None:
    """The next session's date and start (UTC) after `now`, or None when the series is over."""
    today = now.astimezone(calendar.zone).date()
    for day in session_days(series, calendar, today, series.ends_on):
        starts = local_moment(day, series.start_time, calendar.tz)
        if starts > now:
            return day, starts
    return None


def due_sessions(series: CoffeeSeriesRow, calendar: SchoolCalendar,
                 now: datetime) -> list[tuple[date, datetime]]:
    """Upcoming sessions whose invitation time has come: (date, start in UTC)."""
    today = now.astimezone(calendar.zone).date()
    due = []
    for day in session_days(series, calendar, today, today + timedelta(days=HORIZON_DAYS)):
        if invite_at(day, series.invite_when, calendar) > now:
            break  # later sessions are invited later still
        starts = local_moment(day, series.start_time, calendar.tz)
        if starts > now:
            due.append((day, starts))
    return due
