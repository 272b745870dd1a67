"""Reading the class period from what teachers wrote, patterns in the log, check-in themes."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.features.pilots.errorlog import Entry, ErrorLog, period_of
from bot.features.pilots.themes import themes_of

NINE = datetime(2026, 12, 7, 9, 5, tzinfo=UTC)


@pytest.mark.parametrize(("text", "period"), [
    ("it crashed in 3rd period again", "3rd period"),
    ("Period 2 lost their games", "2nd period"),
    ("third period kids got kicked out", "3rd period"),
    ("froze during p4", "4th period"),
    ("it froze in block 1", "1st period"),
    ("froze at 3 pm", "around 09:00"),  # no period named: the hour it was written in
    ("error 3 on the teacher dashboard", "around 09:00"),
])
def test_the_period_is_read_from_the_words_or_else_the_hour(text: str, period: str) -> None:
    assert period_of(text, NINE) == period


def test_a_period_is_a_pattern_from_three_different_days() -> None:
    def entry(day: int, period: str) -> Entry:
        return Entry(date(2026, 12, day), period, f"question:{day}{period}", "")

    two_days = ErrorLog([entry(7, "3rd period"), entry(7, "3rd period"), entry(8, "3rd period")])
    assert two_days.patterns == []
    three = ErrorLog([*two_days.entries, entry(9, "3rd period"), entry(9, "around 10:00"),
                      entry(10, "around 10:00"), entry(11, "around 10:00")])
    assert three.patterns == [("3rd period", 4, 3)]  # the hour typed is no class period


def test_check_in_themes_count_each_line_and_set_quiet_weeks_apart() -> None:
    themes, quiet = themes_of(["froze twice in 3rd period", "kids loved it",
                               "the login code never worked", "nothing", "", "all good!",
                               "it froze and the kids loved it anyway"])
    assert [(t.name, t.count) for t in themes] == [("crashes and freezes", 2),
                                                   ("students engaged", 2), ("signing in", 1)]
    assert quiet == 3
