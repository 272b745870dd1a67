"""Weekdays, dates and times as people type them, in English or in Spanish.

Anyone may use either language, or both in one phrase (a bilingual teacher types "lun-fri"):
what is read does not depend on who types it, except which number comes first in "3/4",
where the current language decides (month first in English, day first in Spanish).

The words come from CLDR through Babel, in every locale of READ: weekday and month names
and abbreviations ("miércoles", "mié", "Wed"), relative days and weeks ("pasado mañana",
"la semana próxima", "next week"), "in {0} days" / "dentro de {0} días", duration units
("semanas", "wks") and day periods ("p. m.", "de la tarde", "in the evening"). Only what
CLDR does not hold is written here: small number words, and the little words around a
range or list ("de lunes a viernes", "mon to fri", "lun, mié y vie").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from datetime import date, time, timedelta
from functools import cache
from typing import Any

from babel import Locale

from bot.i18n import language

READ = ("en", "en_GB", "es", "es_MX", "es_US", "es_419")  # the locales whose words are read
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
           "seis": 6}
RANGE = frozenset({"-", "to", "through", "thru", "till", "until", "a", "al", "hasta"})
AND = frozenset({",", "and", "&", "y", "e"})
FILLER = frozenset({"on", "the", "from", "every", "de", "del", "el", "la", "los", "las",
                    "todos", "cada", "at", "@", "by", "para"})
PERIOD_SIDE = {"am": "am", "morning1": "am", "morning2": "am", "pm": "pm",
               "afternoon1": "pm", "afternoon2": "pm", "evening1": "pm", "evening2": "pm",
               "night1": "pm", "night2": "pm"}
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
CLOCK = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?\s*([a-z .]*)$")
ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
NUMERIC = re.compile(r"^(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?$")
ORDINAL = re.compile(r"^(\d{1,2})\.?(?:st|nd|rd|th|o)?$")


def fold(text: str) -> str:
    """Lower case, accents and CLDR's narrow spaces gone: "Miércoles" -> "miercoles"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("\u202f", " ").replace("\xa0", " "))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join(plain.replace("–", "-").replace("—", "-").split())


def _locales() -> Iterator[Locale]:
    return (Locale.parse(code) for code in READ)


def _names(table: Mapping[str, Any]) -> Iterator[tuple[str, int]]:
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for key, name in table.get(context, {}).get(width, {}).items():
                yield fold(str(name)).rstrip("."), int(key)


@cache
def _weekday_names() -> tuple[dict[str, int], dict[str, int]]:
    """Every weekday name and abbreviation (Monday = 0), and the full names alone."""
    names: dict[str, int] = {}
    wide: dict[str, int] = {}
    for locale in _locales():
        names.update(_names(locale.days))
        wide.update((fold(str(n)), int(k)) for k, n in locale.days["format"]["wide"].items())
    return names, wide


@cache
def _month_names() -> tuple[dict[str, int], dict[str, int]]:
    names: dict[str, int] = {}
    wide: dict[str, int] = {}
    for locale in _locales():
        names.update(_names(locale.months))
        wide.update((fold(str(n)), int(k)) for k, n in locale.months["format"]["wide"].items())
    return names, wide


def _lookup(word: str, tables: tuple[dict[str, int], dict[str, int]]) -> int | None:
    names, wide = tables
    word = fold(word).rstrip(".")
    if word in names:
        return names[word]
    # A longer abbreviation people type ("tues", "thurs", "miérc", "sept"): a prefix of one
    # full name only.
    found = {number for name, number in wide.items() if name.startswith(word)}
    return found.pop() if len(word) >= 3 and len(found) == 1 else None


def weekday(word: str) -> int | None:
    """The weekday a word names, Monday = 0 ("friday", "Fri", "viernes", "vie", "sáb")."""
    found = _lookup(word, _weekday_names())
    if found is None and word.lower().endswith("s"):  # "Mondays"
        found = _lookup(word[:-1], _weekday_names())
    return found


def month(word: str) -> int | None:
    """The month a word names, January = 1 ("December", "dic", "diciembre", "sept")."""
    return _lookup(word, _month_names())


def _tokens(text: str) -> list[str]:
    return re.sub(r"([,&-])", r" \1 ", fold(text)).split()


def days(text: str) -> str | None:
    """The weekdays a phrase names, as digits Monday = 0 ("mon-fri" and "de lunes a viernes"
    are "01234", "lun, mié y vie" is "024", "fri-mon" is "0456"); None when it is not days."""
    chosen: set[int] = set()
    pending: int | None = None  # the start of a range, waiting for its end
    last: int | None = None
    for token in _tokens(text):
        if token in FILLER or token in AND:
            continue
        if token in RANGE:
            if last is None or pending is not None:
                return None
            pending, last = last, None
            continue
        number = weekday(token)
        if number is None:
            return None
        if pending is not None:
            chosen.update((pending + step) % 7 for step in range((number - pending) % 7 + 1))
            pending = None
        chosen.add(number)
        last = number
    if pending is not None or not chosen:
        return None
    return "".join(str(day) for day in sorted(chosen))


def days_in_word(word: str) -> str | None:
    """The days of one word that joins two or more of them ("mon-fri", "lun-vie",
    "mon,wed,fri"); None for anything else, a lone day name too ("Sun" in "Sun Valley")."""
    return days(word) if re.search(r"[-,–]", word) else None


@cache
def _periods() -> dict[str, str]:
    """Day periods as typed, without spaces and dots: "pm", "p", "delatarde" -> "am"/"pm"."""
    found: dict[str, str] = {}
    for locale in _locales():
        for width in ("abbreviated", "wide", "narrow"):
            for key, name in locale.day_periods["format"].get(width, {}).items():
                if key in PERIOD_SIDE:
                    found.setdefault(re.sub(r"[ .]", "", fold(str(name))), PERIOD_SIDE[key])
    return found


@cache
def _noon() -> frozenset[str]:
    """ "noon", "mediodía" (CLDR's "del mediodía" without its "del")."""
    return frozenset(re.sub(r"^del? ", "", fold(str(name))) for locale in _locales()
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


@cache
def _relative(field: str) -> dict[str, int]:
    """CLDR's relative words of one field ("day": "pasado mañana" -> 2, "week": "la
    semana pasada" -> -1), folded."""
    found: dict[str, int] = {}
    for locale in _locales():
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
    for locale in _locales():
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
            count = NUMBERS.get(words[at]) or (int(words[at]) if words[at].isdigit() else 0)
            length = units.get(words[at + 1].rstrip("."))
            return count * length if count and length else None
    return None


@cache
def _coming_weekdays() -> dict[str, int]:
    """CLDR's "this Friday", "next Friday", "este viernes", "el próximo viernes", folded."""
    found: dict[str, int] = {}
    for number, key in enumerate(WEEKDAY_KEYS):
        for locale in _locales():
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
