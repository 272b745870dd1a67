"""Weekdays, dates and times as people type them: English, Spanish, or both at once."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot import when
from bot.i18n import format_days, speaking

WEDNESDAY = date(2026, 12, 9)


@pytest.mark.parametrize(("said", "number"), [
    ("friday", 4), ("Fri", 4), ("viernes", 4), ("vie", 4), ("vie.", 4),
    ("miércoles", 2), ("miercoles", 2), ("mié", 2), ("mie", 2), ("Wed", 2),
    ("sábado", 5), ("sab", 5), ("domingo", 6), ("dom", 6), ("tues", 1), ("thurs", 3),
    ("Mondays", 0), ("LUNES", 0), ("mar", 1)])
def test_a_weekday_is_read_from_its_name_or_abbreviation_in_either_language(
        said: str, number: int) -> None:
    assert when.weekday(said) == number


@pytest.mark.parametrize("said", ["fr", "monkey", "valley", "de", ""])
def test_a_word_that_is_not_a_weekday_is_not_read_as_one(said: str) -> None:
    assert when.weekday(said) is None


@pytest.mark.parametrize(("said", "digits"), [
    ("mon-fri", "01234"), ("lun-vie", "01234"), ("de lunes a viernes", "01234"),
    ("lunes a viernes", "01234"), ("mon to fri", "01234"), ("lun–vie", "01234"),
    ("mon,wed,fri", "024"), ("lun, mié y vie", "024"), ("Mondays and Wednesdays", "02"),
    ("los martes", "1"), ("wed", "2"), ("sat-sun", "56"), ("sáb-dom", "56"),
    ("fri-mon", "0456"), ("lun-fri", "01234"), ("tue,thu", "13")])
def test_days_are_read_as_ranges_and_lists_in_either_language_or_both(
        said: str, digits: str) -> None:
    assert when.days(said) == digits


@pytest.mark.parametrize("said", ["someday", "mon-", "- fri", "lunes a", "Sun Valley", ""])
def test_words_that_are_not_days_are_not_days(said: str) -> None:
    assert when.days(said) is None


def test_only_a_word_joining_days_reads_as_days_inside_a_longer_line() -> None:
    """`/prepbot schools add Sun Valley ... sat-sun`: "Sun" is part of the name."""
    assert when.days_in_word("sat-sun") == "56"
    assert when.days_in_word("lun-vie") == "01234"
    assert when.days_in_word("mon,wed") == "02"
    assert when.days_in_word("Sun") is None
    assert when.days_in_word("Lincoln-Douglas") is None


@pytest.mark.parametrize(("said", "clock"), [
    ("15:30", time(15, 30)), ("3:30 pm", time(15, 30)), ("3:30pm", time(15, 30)),
    ("3:30 PM", time(15, 30)), ("3:30 p. m.", time(15, 30)), ("3:30 p.m.", time(15, 30)),
    ("3pm", time(15)), ("3 de la tarde", time(15)), ("10 de la mañana", time(10)),
    ("7:30 a. m.", time(7, 30)), ("7:30am", time(7, 30)), ("9.15", time(9, 15)),
    ("a las 15:30", time(15, 30)), ("at 3pm", time(15)), ("12 am", time(0)),
    ("12 pm", time(12)), ("noon", time(12)), ("mediodía", time(12)),
    ("al mediodía", time(12))])
def test_a_time_of_day_is_read_in_twenty_four_hours_or_with_either_languages_am_pm(
        said: str, clock: time) -> None:
    assert when.clock(said) == clock


@pytest.mark.parametrize("said", ["3", "25:00", "13 pm", "3:30 xm", "soon", "10:75"])
def test_what_is_not_a_time_of_day_is_not_read_as_one(said: str) -> None:
    assert when.clock(said) is None


@pytest.mark.parametrize(("said", "start", "end", "rest"), [
    ("10:15-11:00 mon-fri", time(10, 15), time(11), "mon-fri"),
    ("1:05pm-1:50pm tue,thu", time(13, 5), time(13, 50), "tue,thu"),
    ("10:15-11:00 lun-vie", time(10, 15), time(11), "lun-vie"),
    ("3:30 pm-4:15 pm lunes a viernes", time(15, 30), time(16, 15), "lunes a viernes"),
    ("de 3:30 p. m. a 4:15 p. m. de lunes a viernes", time(15, 30), time(16, 15),
     "de lunes a viernes"),
    ("10:15 to 11:00", time(10, 15), time(11), "")])
def test_a_time_span_is_read_with_what_follows_it(said: str, start: time, end: time,
                                                  rest: str) -> None:
    assert when.span(said) == (start, end, rest)


@pytest.mark.parametrize(("said", "day"), [
    ("tomorrow", date(2026, 12, 10)), ("mañana", date(2026, 12, 10)),
    ("manana", date(2026, 12, 10)), ("pasado mañana", date(2026, 12, 11)),
    ("friday", date(2026, 12, 11)), ("el viernes", date(2026, 12, 11)),
    ("on Friday", date(2026, 12, 11)), ("next Friday", date(2026, 12, 11)),
    ("el próximo viernes", date(2026, 12, 11)), ("el viernes próximo", date(2026, 12, 11)),
    ("wednesday", date(2026, 12, 16)), ("el miércoles", date(2026, 12, 16)),
    ("in 2 weeks", date(2026, 12, 23)), ("dentro de dos semanas", date(2026, 12, 23)),
    ("en 2 semanas", date(2026, 12, 23)), ("in a week", date(2026, 12, 16)),
    ("en una semana", date(2026, 12, 16)), ("en 3 días", date(2026, 12, 12)),
    ("18 December", date(2026, 12, 18)), ("December 18th", date(2026, 12, 18)),
    ("el 18 de diciembre", date(2026, 12, 18)), ("18 dic", date(2026, 12, 18)),
    ("el 18 de diciembre de 2026", date(2026, 12, 18)), ("Dec 18, 2026", date(2026, 12, 18)),
    ("viernes 18 de diciembre", date(2026, 12, 18)), ("Fri, Dec 18", date(2026, 12, 18)),
    ("2026-12-18", date(2026, 12, 18)), ("18/12", date(2026, 12, 18)),
    ("12/18/2026", date(2026, 12, 18)), ("5 de enero", date(2027, 1, 5)),
    ("1.º de marzo", date(2027, 3, 1))])
def test_a_date_is_read_in_either_language_the_next_one_when_no_year_is_given(
        said: str, day: date) -> None:
    assert when.day(said, WEDNESDAY) == day
    with speaking("es"):
        assert when.day(said, WEDNESDAY) == day


def test_a_date_in_numbers_alone_is_month_first_in_english_and_day_first_in_spanish() -> None:
    assert when.day("3/4", WEDNESDAY) == date(2027, 3, 4)
    with speaking("es"):
        assert when.day("3/4", WEDNESDAY) == date(2027, 4, 3)


def test_a_date_without_a_year_can_be_the_last_one_rather_than_the_next() -> None:
    assert when.day("2 de noviembre", WEDNESDAY, ahead=False) == date(2026, 11, 2)
    assert when.day("Dec 20", WEDNESDAY, ahead=False) == date(2025, 12, 20)


@pytest.mark.parametrize("said", ["someday", "31 de febrero", "2026-13-01", "in 2 fortnights",
                                  "el día del maestro", ""])
def test_what_is_not_a_date_is_not_read_as_one(said: str) -> None:
    assert when.day(said, WEDNESDAY) is None


@pytest.mark.parametrize(("said", "weeks"), [
    ("this week", 0), ("esta semana", 0), ("last week", -1), ("la semana pasada", -1),
    ("next week", 1), ("la próxima semana", 1), ("la semana próxima", 1), ("some week", None)])
def test_a_week_is_read_relative_to_this_one(said: str, weeks: int | None) -> None:
    assert when.week(said) == weeks


@pytest.mark.parametrize(("digits", "english", "spanish"), [
    ("01234", "Mon-Fri", "lun-vie"), ("024", "Mon, Wed, and Fri", "lun, mié y vie"),
    ("56", "Sat and Sun", "sáb y dom"), ("2", "Wed", "mié")])
def test_days_are_written_back_in_the_readers_language_and_read_again(
        digits: str, english: str, spanish: str) -> None:
    assert format_days(digits) == english and when.days(english) == digits
    with speaking("es"):
        assert format_days(digits) == spanish and when.days(spanish) == digits
