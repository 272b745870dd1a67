"""Times of day and spans of them, as typed: "3:30 pm", "3 de la tarde", "10:15-11:00"."""

from __future__ import annotations

import re
from datetime import time
from functools import cache

from bot.when.words import FILLER, RANGE, fold, locales

PERIOD_SIDE = {"am": "am", "morning1": "am", "morning2": "am", "pm": "pm",
               "afternoon1": "pm", "afternoon2": "pm", "evening1": "pm", "evening2": "pm",
               "night1": "pm", "night2": "pm"}
CLOCK = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?\s*([a-z .]*)$")


@cache
def _periods() -> dict[str, str]:
    """Day periods as typed, without spaces and dots: "pm", "p", "delatarde" -> "am"/"pm"."""
    found: dict[str, str] = {}
    for locale in locales():
        for width in ("abbreviated", "wide", "narrow"):
            for key, name in locale.day_periods["format"].get(width, {}).items():
                if key in PERIOD_SIDE:
                    found.setdefault(re.sub(r"[ .]", "", fold(str(name))), PERIOD_SIDE[key])
    return found


@cache
def _noon() -> frozenset[str]:
    """ "noon", "mediodía" (CLDR's "del mediodía" without its "del")."""
    return frozenset(re.sub(r"^del? ", "", fold(str(name))) for locale in locales()
                     for width in ("abbreviated", "wide")
                     for key, name in locale.day_periods["format"].get(width, {}).items()
                     if key == "noon")


def clock(text: str) -> time | None:
    """A time of day: "15:30", "3:30 pm", "3:30 p. m.", "3pm", "9.15", "3 de la tarde",
    "noon" / "mediodía"; None when it is not one."""
    words = fold(text).split()
    while words[:1] and (words[0] in FILLER or words[0] in ("a", "al")):  # "a las 3", "at 3pm"
        words = words[1:]
    said = " ".join(words)
    if said in _noon():
        return time(12, 0)
    match = CLOCK.match(said)
    if match is None:
        return None
    hour, minute = int(match[1]), int(match[2] or 0)
    period = re.sub(r"[ .]", "", match[3])
    side = _periods().get(period) if period else None
    if period and side is None:
        return None
    if side is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if side == "pm" else 0)
    elif match[2] is None and not period:
        return None  # a bare number is not a time
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def span(text: str) -> tuple[time, time, str] | None:
    """A time span at the start of a phrase and what follows it: "10:15-11:00 mon-fri",
    "de 3:30 p. m. a 4:15 p. m. lunes a viernes"; None when no span starts it."""
    tokens = [t for t in re.sub(r"(?<=[\dmM.])-|-(?=\d)", " - ", text).split()]
    while tokens and fold(tokens[0]) in FILLER:
        tokens = tokens[1:]
    for cut, word in enumerate(tokens):
        if fold(word) not in RANGE:
            continue
        start = clock(" ".join(tokens[:cut]))
        for end_at in range(len(tokens), cut + 1, -1):
            end = clock(" ".join(tokens[cut + 1:end_at]))
            if start is not None and end is not None:
                return start, end, " ".join(tokens[end_at:])
    return None
