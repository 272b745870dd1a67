"""Prep periods as teachers type them: `10:15-11:00 mon-fri`, `1:05pm-1:50pm tue,thu`."""

from __future__ import annotations

import re
from datetime import datetime, time

from bot.errors import BadInput
from bot.i18n import N_, _

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
USAGE = N_("Usage: `/prepbot prep 10:15-11:00 mon-fri` (or `/prepbot prep off`).")


def parse_clock(text: str) -> time:
    """`10:15`, `1:05pm` or `13:05` as a time."""
    cleaned = text.strip().lower().replace(" ", "")
    for pattern in ("%H:%M", "%I:%M%p", "%I%p"):
        try:
            return datetime.strptime(cleaned, pattern).time()
        except ValueError:
            continue
    raise BadInput(_("{text!r} is not a time. {USAGE}").format(text=text, USAGE=_(USAGE)))


def parse_days(text: str) -> str:
    """`mon-fri`, `mon,wed,fri` -> the stored weekday digits, e.g. `01234`."""
    chosen: set[int] = set()
    for part in filter(None, re.split(r"[,\s]+", text.lower())):
        first, _sep, last = part.partition("-")
        if first[:3] not in DAYS or (last and last[:3] not in DAYS):
            raise BadInput(_("{part!r} is not a day range. {USAGE}").format(
                part=part, USAGE=_(USAGE)))
        start = DAYS.index(first[:3])
        end = DAYS.index(last[:3]) if last else start
        chosen.update(range(start, end + 1) if start <= end else [*range(start, 7),
                                                                  *range(0, end + 1)])
    return "".join(str(day) for day in sorted(chosen))


def parse_prep(text: str) -> tuple[time, time, str]:
    """A whole prep-period phrase: times, then (optionally) days; Monday to Friday by default."""
    span, _sep, days = text.strip().partition(" ")
    start_text, sep, end_text = span.partition("-")
    if not sep:
        raise BadInput(_(USAGE))
    start, end = parse_clock(start_text), parse_clock(end_text)
    if end <= start:
        raise BadInput(_("The prep period must end after it starts. {USAGE}").format(
            USAGE=_(USAGE)))
    return start, end, parse_days(days) if days.strip() else "01234"
