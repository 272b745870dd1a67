"""Reading the class period from what teachers wrote (in English or Spanish), patterns in the
log, check-in themes, and how a period is said in each language."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.features.pilots.errorlog import Entry, ErrorLog, When, period_of
from bot.features.pilots.themes import themes_of
from bot.i18n import speaking

NINE = datetime(2026, 12, 7, 9, 5, tzinfo=UTC)
THIRD, AT_TEN = When(3), When(0, 10)


@pytest.mark.parametrize(("text", "period"), [
    ("it crashed in 3rd period again", "3rd period"),
    ("Period 2 lost their games", "2nd period"),
    ("third period kids got kicked out", "3rd period"),
    ("froze during p4", "4th period"),
    ("it froze in block 1", "1st period"),
    ("froze at 3 pm", "around 09:00"),  # no period named: the hour it was written in
    ("error 3 on the teacher dashboard", "around 09:00"),
    ("se congeló otra vez en el tercer periodo", "3rd period"),
    ("en el período 2 perdieron sus partidas", "2nd period"),
    ("en la 3.ª hora los sacó a todos", "3rd period"),
    ("se trabó en el 5to periodo", "5th period"),
    ("en la primera hora no cargaba", "1st period"),
    ("se congeló a las 3", "around 09:00"),
])
def test_the_period_is_read_from_the_words_or_else_the_hour(text: str, period: str) -> None:
    assert period_of(text, NINE).label() == period


@pytest.mark.parametrize(("when", "english", "spanish"), [
    (When(1), "1st period", "1.er periodo"), (When(2), "2nd period", "2.º periodo"),
    (THIRD, "3rd period", "3.er periodo"), (When(7), "7th period", "7.º periodo"),
    (AT_TEN, "around 10:00", "hacia las 10:00"),
])
def test_a_period_is_said_in_the_readers_language(when: When, english: str,
                                                  spanish: str) -> None:
    assert when.label() == english
    with speaking("es"):
        assert when.label() == spanish


def test_a_period_is_a_pattern_from_three_different_days() -> None:
    def entry(day: int, period: When) -> Entry:
        return Entry(date(2026, 12, day), period, f"question:{day}{period}", "")

    two_days = ErrorLog([entry(7, THIRD), entry(7, THIRD), entry(8, THIRD)])
    assert two_days.patterns == []
    three = ErrorLog([*two_days.entries, entry(9, THIRD), entry(9, AT_TEN),
                      entry(10, AT_TEN), entry(11, AT_TEN)])
    assert three.patterns == [(THIRD, 4, 3)]  # the hour typed is no class period


def test_check_in_themes_count_each_line_and_set_quiet_weeks_apart() -> None:
    themes, quiet = themes_of(["froze twice in 3rd period", "kids loved it",
                               "the login code never worked", "nothing", "", "all good!",
                               "it froze and the kids loved it anyway"])
    assert [(t.name, t.count) for t in themes] == [("crashes and freezes", 2),
                                                   ("students engaged", 2), ("signing in", 1)]
    assert quiet == 3


def test_spanish_check_ins_find_the_same_themes_and_a_stem_starts_a_word() -> None:
    themes, quiet = themes_of(["se congeló dos veces en el tercer periodo",
                               "a los niños les encantó", "no pudieron entrar con el código",
                               "nada", "todo bien", "no funcionó el wifi"])
    assert [(t.name, t.count) for t in themes] == [
        ("crashes and freezes", 1), ("students engaged", 1), ("signing in", 1),
        ("slow or loading", 1)]  # "funcionó" is no "fun": nobody said the kids engaged twice
    assert quiet == 2
    excellent, _quiet = themes_of(["excellent, an academic game"])
    assert [t.name for t in excellent] == ["other"]  # not "lent" slow, not "mic" sound
