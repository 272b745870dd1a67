"""A coach sets the digest's day and time, and asks for a week or a range, in English or
Spanish words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from adapters.console import ConsoleChat
from bot.errors import BadInput
from bot.features.digest.service import parse_period
from bot.vocabulary import Person

NEW_YORK = ZoneInfo("America/New_York")
THURSDAY = datetime(2026, 12, 3, 17, tzinfo=UTC)  # noon in New York
THIS_MONDAY = datetime(2026, 11, 30, 5, tzinfo=UTC)  # 00:00 in New York


@pytest.mark.parametrize("said", ["last week", "la semana pasada", "Last Week"])
def test_last_week_is_the_monday_to_monday_before_this_one(said: str) -> None:
    period = parse_period(said, THURSDAY, NEW_YORK)
    assert (period.start, period.end) == (THIS_MONDAY - timedelta(days=7), THIS_MONDAY)


@pytest.mark.parametrize("said", ["this week", "esta semana"])
def test_this_week_runs_from_monday_to_now(said: str) -> None:
    period = parse_period(said, THURSDAY, NEW_YORK)
    assert (period.start, period.end) == (THIS_MONDAY, THURSDAY)


@pytest.mark.parametrize("said", ["2026-11-02..2026-11-08", "2 nov..8 nov",
                                  "2 de noviembre..8 de noviembre", "Nov 2..Nov 8"])
def test_a_range_of_dates_in_either_language_includes_both_days(said: str) -> None:
    period = parse_period(said, THURSDAY, NEW_YORK)
    assert period.start == datetime(2026, 11, 2, 5, tzinfo=UTC)
    assert period.end == datetime(2026, 11, 9, 5, tzinfo=UTC)


@pytest.mark.parametrize("said", ["someday", "8 nov..2 nov", "2 nov"])
def test_a_period_that_cannot_be_read_is_refused(said: str) -> None:
    with pytest.raises(BadInput):
        parse_period(said, THURSDAY, NEW_YORK)


async def test_a_coach_sets_day_and_time_in_spanish_words(chat: ConsoleChat,
                                                         coach: Person) -> None:
    await chat.say("/prepbot language es", as_=coach)
    [day] = await chat.say("/digest settings day viernes", as_=coach)
    assert day.text == "Resumen semanal: viernes a las 7:00."
    [at] = await chat.say("/digest settings time 3:30 p. m.", as_=coach)
    assert at.text == "Resumen semanal: viernes a las 15:30."
    [refused] = await chat.say("/digest settings day pronto", as_=coach)
    assert "Indique un día de la semana" in refused.text


async def test_an_english_speaker_may_type_the_day_in_spanish_and_read_english(
        chat: ConsoleChat, coach: Person) -> None:
    [day] = await chat.say("/digest settings day el miércoles", as_=coach)
    assert day.text == "Weekly digest: Wednesday at 7:00\u202fAM."
    [at] = await chat.say("/digest settings time 16:45", as_=coach)
    assert at.text == "Weekly digest: Wednesday at 4:45\u202fPM."
