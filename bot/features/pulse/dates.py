"""Close dates in a coach's words: weekday names, "tomorrow", ISO dates, "in 2 weeks"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.errors import BadInput
from bot.i18n import N_, _, format_day

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
IN_SPAN = re.compile(r"^in\s+(\w+)\s+(days?|weeks?)$")
HOW = N_("Say when it closes like `friday`, `tomorrow`, `in 2 weeks` or `2026-12-18`.")


def parse_close_date(words: str, today: date) -> date:
    """The date a survey closes, from words said on `today`; it must be after today."""
    text = " ".join(words.lower().replace(",", " ").split()).removeprefix("on ")
    found = _read(text.removeprefix("next "), today)
    if found is None:
        raise BadInput(_("I couldn't read \u201c{words}\u201d as a date.").format(words=words)
                       + " " + _(HOW))
    if found <= today:
        raise BadInput(_("{day} has already begun; pick a later close date.").format(
            day=format_day(found)))
    return found


def _read(text: str, today: date) -> date | None:
    if text == "tomorrow":
        return today + timedelta(days=1)
    for number, day in enumerate(WEEKDAYS):
        if text in (day, day[:3]):
            ahead = (number - today.weekday()) % 7 or 7  # "friday" on a Friday: next week
            return today + timedelta(days=ahead)
    span = IN_SPAN.match(text)
    if span:
        count = NUMBERS.get(span[1]) or (int(span[1]) if span[1].isdigit() else 0)
        return today + timedelta(days=count * UNITS[span[2]]) if count else None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
