"""Dates and weeks, as typed: "mañana", "next Friday", "18 June", "3/4", "in 2 weeks"."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from bot.i18n import language
from bot.when.words import FILLER, fold, locales, month, weekday

NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
           "seis": 6}
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
NUMERIC = re.compile(r"^(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?$")
ORDINAL = re.compile(r"^(\d{1,2})\.?(?:st|nd|rd|th|o)?$")


@cache
def _relative(field: str) -> dict[str, int]:
    """CLDR's relative words of one field ("day": "pasado mañana" -> 2, "week": "la
    semana pasada" -> -1), folded."""
    found: dict[str, int] = {}
    for locale in locales():
        for width in ("", "-short"):
            for offset, words in locale._data["date_fields"][field + width]["relative"].items():
                found.setdefault(fold(str(words)).rstrip("."), int(offset))
    return found


@cache
def _in_spans() -> tuple[frozenset[str], dict[str, int]]:
    """The words before a count of days or weeks ("in", "dentro de", "en") and the units
    after it ("days", "semanas", "wks", "sem"), with the days each unit is."""
    before: set[str] = set()
    units: dict[str, int] = {}
    for locale in locales():
        for field, length in (("day", 1), ("week", 7)):
            for width in ("", "-short"):
                for pattern in locale._data["date_fields"][field + width]["future"].values():
                    head, _sep, tail = fold(str(pattern)).partition("{0}")
                    before.add(head.strip())
                    units[tail.strip().rstrip(".")] = length
            durations = locale._data["unit_patterns"][f"duration-{field}"]
            for width in ("long", "short"):
                for key, pattern in durations[width].items():
                    if key != "per" and " " in str(pattern):
                        units[fold(str(pattern)).partition("{0}")[2].strip().rstrip(".")] = length
    return frozenset(before - {""}), units


def _in_days(words: list[str]) -> int | None:
    """ "in 2 weeks", "dentro de dos semanas", "en una semana": how many days ahead."""
    before, units = _in_spans()
    for at in range(1, len(words)):
        if " ".join(words[:at]) in before and len(words) == at + 2:
            count = NUMBERS.get(words[at]) or (int(words[at]) if words[at].isdecimal() else 0)
            length = units.get(words[at + 1].rstrip("."))
            return count * length if count and length else None
    return None


@cache
def _coming_weekdays() -> dict[str, int]:
    """CLDR's "this Friday", "next Friday", "este viernes", "el próximo viernes", folded."""
    found: dict[str, int] = {}
    for number, key in enumerate(WEEKDAY_KEYS):
        for locale in locales():
            for width in ("", "-short"):
                said = locale._data["date_fields"][key + width]["relative"]
                found.update((fold(str(said[n])).rstrip("."), number) for n in (0, 1)
                             if n in said)
    return found


def _weekday_ahead(words: list[str], today: date) -> date | None:
    """ "friday", "el viernes", "next Friday", "el próximo viernes": the next one after
    today ("friday" said on a Friday is next week's)."""
    number = _coming_weekdays().get(" ".join(words))
    bare = [w for w in words if w not in FILLER]
    if number is None and len(bare) == 1:
        number = weekday(bare[0])
    return None if number is None else today + timedelta(
        days=(number - today.weekday()) % 7 or 7)


def _year_for(day: int, month_number: int, year: str | None, today: date, ahead: bool) -> date:
    if year:
        return date(int(year) + (2000 if len(year) == 2 else 0), month_number, day)
    found = date(today.year, month_number, day)
    if ahead and found < today:
        return date(today.year + 1, month_number, day)
    if not ahead and found > today:
        return date(today.year - 1, month_number, day)
    return found


def _named_date(words: list[str], today: date, ahead: bool) -> date | None:
    """ "18 December", "el 18 de diciembre de 2026", "Dec 18, 2026", "viernes 18 de dic"."""
    bare = [w.rstrip(",") for w in words if w.rstrip(",") not in FILLER]
    if len(bare) > 1 and weekday(bare[0]) is not None and month(bare[0]) is None:
        bare = bare[1:]  # the weekday of a written date says nothing more
    year = bare.pop() if len(bare) == 3 and re.fullmatch(r"\d{4}", bare[-1]) else None
    if len(bare) != 2:
        return None
    first, second = ORDINAL.match(bare[0]), ORDINAL.match(bare[1])
    day_text, month_word = (first[1], bare[1]) if first else (
        (second[1], bare[0]) if second else (None, None))
    number = month(month_word) if month_word else None
    if day_text is None or number is None:
        return None
    return _year_for(int(day_text), number, year, today, ahead)


def _numeric_date(text: str, today: date, ahead: bool) -> date | None:
    iso = ISO.match(text)
    if iso:
        return date(int(iso[1]), int(iso[2]), int(iso[3]))
    numeric = NUMERIC.match(text)
    if numeric is None:
        return None
    first, second = int(numeric[1]), int(numeric[2])
    day_first = first > 12 or (second <= 12 and language() != "en")
    day, month_number = (first, second) if day_first else (second, first)
    return _year_for(day, month_number, numeric[3], today, ahead)


def day(text: str, today: date, ahead: bool = True) -> date | None:
    """The date a phrase names, said on `today`: "tomorrow", "mañana", "pasado mañana",
    "friday", "el viernes", "next Friday", "in 2 weeks", "dentro de dos semanas",
    "18 December", "el 18 de diciembre", "2026-12-18", "18/12". A date without a year is the
    next one (`ahead`) or the last one; None when the phrase is not a date."""
    words = fold(text).replace(",", " , ").split()
    words = [w for w in words if w != ","]
    phrase = " ".join(words)
    relative = _relative("day")
    if phrase in relative:
        return today + timedelta(days=relative[phrase])
    ahead_by = _in_days(words)
    if ahead_by is not None:
        return today + timedelta(days=ahead_by)
    try:
        return (_weekday_ahead(words, today) or _named_date(words, today, ahead)
                or _numeric_date(" ".join(w for w in words if w not in FILLER), today, ahead))
    except ValueError:  # "31 de febrero"
        return None


def week(text: str) -> int | None:
    """Which week a phrase names, from this one: "this week" / "esta semana" 0, "last week" /
    "la semana pasada" -1, "next week" / "la semana próxima" 1; None for anything else."""
    return _relative("week").get(fold(text).rstrip("."))
