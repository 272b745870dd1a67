"""The delivery policy: school hours, school days, the person's zone and their prep period."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from bot.people.prep import parse_prep
from bot.scheduling.policy import PrepPeriod, may_send_at, next_window, person_calendar
from bot.schools.calendar import SchoolCalendar

SCHOOL = SchoolCalendar("America/New_York", time(7, 30), time(15, 0),
                        closures=frozenset({date(2026, 12, 7)}))
PREP = PrepPeriod(time(10, 15), time(11, 0))


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_nothing_is_sent_at_night_or_at_weekends() -> None:
    assert not may_send_at(utc(2026, 12, 4, 3), SCHOOL, None)  # Friday 22:00 the night before
    assert not may_send_at(utc(2026, 12, 5, 16), SCHOOL, None)  # Saturday 11:00
    assert may_send_at(utc(2026, 12, 4, 16), SCHOOL, None)  # Friday 11:00


def test_a_night_message_waits_for_the_next_school_morning_skipping_a_closure() -> None:
    # Friday 18:00 local -> the weekend -> Monday is closed -> Tuesday 07:30 local.
    assert next_window(utc(2026, 12, 4, 23), SCHOOL, None) == utc(2026, 12, 8, 12, 30)


def test_a_prep_period_narrows_the_window() -> None:
    assert not may_send_at(utc(2026, 12, 4, 14), SCHOOL, PREP)  # 09:00, before prep
    assert next_window(utc(2026, 12, 4, 14), SCHOOL, PREP) == utc(2026, 12, 4, 15, 15)
    assert may_send_at(utc(2026, 12, 4, 15, 30), SCHOOL, PREP)


def test_the_persons_own_zone_is_used() -> None:
    west = person_calendar(SCHOOL, "America/Los_Angeles")
    # 11:00 UTC is 06:00 in New York and 03:00 in Los Angeles: too early for both.
    assert next_window(utc(2026, 12, 4, 11), west, None) == utc(2026, 12, 4, 15, 30)


def test_windows_follow_local_time_across_dst() -> None:
    # Monday 2 Nov 2026, the first school day after the change: 07:30 EST is 12:30 UTC.
    assert next_window(utc(2026, 11, 2, 11), SCHOOL, None) == utc(2026, 11, 2, 12, 30)


def test_prep_periods_are_read_as_teachers_type_them() -> None:
    assert parse_prep("10:15-11:00 mon-fri") == (time(10, 15), time(11), "01234")
    assert parse_prep("1:05pm-1:50pm tue,thu") == (time(13, 5), time(13, 50), "13")
