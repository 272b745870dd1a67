"""School time: only hours on school days count, in the school's zone, across DST."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from bot.schools.calendar import SchoolCalendar

NEW_YORK = SchoolCalendar("America/New_York", time(7, 30), time(15, 0),
                          closures=frozenset({date(2026, 11, 26), date(2026, 11, 27)}))


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_a_weekend_does_not_count() -> None:
    # Friday 14:00 EST to Monday 08:30 EST: one hour on Friday, one on Monday.
    assert NEW_YORK.seconds_between(utc(2026, 12, 4, 19), utc(2026, 12, 7, 13, 30)) == 2 * 3600


def test_holidays_do_not_count() -> None:
    # Wednesday before Thanksgiving 14:00 to the Monday after 08:30.
    assert NEW_YORK.seconds_between(utc(2026, 11, 25, 19), utc(2026, 11, 30, 13, 30)) == 2 * 3600


def test_the_autumn_dst_change_is_handled_in_local_time() -> None:
    # Friday 30 Oct 14:00 EDT (18:00 UTC) to Monday 2 Nov 09:00 EST (14:00 UTC).
    assert NEW_YORK.seconds_between(utc(2026, 10, 30, 18), utc(2026, 11, 2, 14)) == 2.5 * 3600


def test_open_hours_follow_the_local_clock_across_dst() -> None:
    assert NEW_YORK.is_open_at(utc(2026, 10, 30, 11, 45))  # 07:45 EDT
    assert not NEW_YORK.is_open_at(utc(2026, 11, 2, 11, 45))  # 06:45 EST
    assert NEW_YORK.is_open_at(utc(2026, 11, 2, 12, 45))  # 07:45 EST


def test_adding_school_days_skips_weekends_and_closures() -> None:
    wednesday = utc(2026, 11, 25, 15)
    assert NEW_YORK.add_school_days(wednesday, 2) == utc(2026, 12, 1, 15)
