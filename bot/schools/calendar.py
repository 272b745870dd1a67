"""School time: which moments are inside school hours, in the school's own zone, DST-correct."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class SchoolCalendar:
    """A school's zone, hours, open weekdays (0 = Monday) and closure dates."""

    tz: str = "America/New_York"
    opens: time = time(7, 30)
    closes: time = time(15, 30)
    weekdays: frozenset[int] = frozenset(range(5))
    closures: frozenset[date] = field(default_factory=frozenset)

    @property
    def zone(self) -> ZoneInfo:
        """The school's time zone."""
        return ZoneInfo(self.tz)

    def is_school_day(self, day: date) -> bool:
        """Open weekday and not a closure date."""
        return day.weekday() in self.weekdays and day not in self.closures

    def hours_on(self, day: date) -> tuple[datetime, datetime]:
        """The day's opening and closing moments in UTC (each resolved in local time)."""
        start = datetime.combine(day, self.opens, self.zone).astimezone(UTC)
        end = datetime.combine(day, self.closes, self.zone).astimezone(UTC)
        return start, end

    def is_open_at(self, moment: datetime) -> bool:
        """True inside school hours on a school day."""
        local = moment.astimezone(self.zone)
        if not self.is_school_day(local.date()):
            return False
        start, end = self.hours_on(local.date())
        return start <= moment < end

    def seconds_between(self, start: datetime, end: datetime) -> float:
        """School-hours seconds between two moments (0 when end is not after start)."""
        if end <= start:
            return 0.0
        total = 0.0
        day = start.astimezone(self.zone).date()
        last = end.astimezone(self.zone).date()
        while day <= last:
            if self.is_school_day(day):
                opens, closes = self.hours_on(day)
                overlap = min(closes, end) - max(opens, start)
                total += max(0.0, overlap.total_seconds())
            day += timedelta(days=1)
        return total

    def add_school_days(self, moment: datetime, days: int) -> datetime:
        """The same local time `days` school days later (skipping weekends and closures)."""
        local = moment.astimezone(self.zone)
        day, left = local.date(), days
        while left > 0:
            day += timedelta(days=1)
            left -= self.is_school_day(day)
        return datetime.combine(day, local.time(), self.zone).astimezone(UTC)


def parse_weekdays(text: str) -> frozenset[int]:
    """'01234' (stored form) -> weekday numbers."""
    return frozenset(int(c) for c in text if c.isdecimal() and int(c) < 7)


def calendar_for(tz: str, opens: time, closes: time, weekdays: str,
                 closures: Collection[date] = ()) -> SchoolCalendar:
    """A calendar from stored school fields."""
    return SchoolCalendar(tz, opens, closes, parse_weekdays(weekdays), frozenset(closures))
