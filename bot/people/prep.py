"""Prep periods as teachers type them, in English or Spanish: `10:15-11:00 mon-fri`,
`1:05pm-1:50pm tue,thu`, `de 3:30 p. m. a 4:15 p. m. lunes a viernes` (bot/when/ reads the
words)."""

from __future__ import annotations

from datetime import time

from bot import when
from bot.errors import BadInput
from bot.i18n import N_, _

USAGE = N_("Usage: `/prepbot prep 10:15-11:00 mon-fri` (or `/prepbot prep off`).")


def parse_clock(text: str) -> time:
    """`10:15`, `1:05pm`, `13:05`, `3:30 p. m.` or `3 de la tarde` as a time."""
    found = when.clock(text)
    if found is None:
        raise BadInput(_("{text!r} is not a time. {USAGE}").format(text=text, USAGE=_(USAGE)))
    return found


def parse_days(text: str) -> str:
    """`mon-fri`, `mon,wed,fri`, `lun-vie`, `lunes a viernes` -> the stored weekday digits,
    e.g. `01234`; "" for no words at all."""
    if not text.strip():
        return ""
    found = when.days(text)
    if found is None:
        raise BadInput(_("{part!r} is not a day range. {USAGE}").format(part=text.strip(),
                                                                         USAGE=_(USAGE)))
    return found


def parse_prep(text: str) -> tuple[time, time, str]:
    """A whole prep-period phrase: times, then (optionally) days; Monday to Friday by default."""
    found = when.span(text)
    if found is None:
        raise BadInput(_(USAGE))
    start, end, days = found
    if end <= start:
        raise BadInput(_("The prep period must end after it starts. {USAGE}").format(
            USAGE=_(USAGE)))
    return start, end, parse_days(days) or "01234"
