"""Close dates in a coach's words, English or Spanish: "friday", "el viernes", "tomorrow",
"mañana", "in 2 weeks", "en 2 semanas", "el 18 de diciembre", "2026-12-18" (bot/when/)."""

from __future__ import annotations

from datetime import date

from bot import when
from bot.errors import BadInput
from bot.i18n import N_, _, format_day

HOW = N_("Say when it closes like `friday`, `tomorrow`, `in 2 weeks` or `2026-12-18`.")


def parse_close_date(words: str, today: date) -> date:
    """The date a survey closes, from words said on `today`; it must be after today."""
    found = when.day(words, today)
    if found is None:
        raise BadInput(_("I couldn't read \u201c{words}\u201d as a date.").format(words=words)
                       + " " + _(HOW))
    if found <= today:
        raise BadInput(_("{day} has already begun; pick a later close date.").format(
            day=format_day(found)))
    return found
