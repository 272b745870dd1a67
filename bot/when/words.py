"""The words of weekdays, months and ranges, from CLDR through Babel, and the weekdays a
phrase names."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from babel import Locale

READ = ("en", "en_GB", "es", "es_MX", "es_US", "es_419")  # the locales whose words are read
RANGE = frozenset({"-", "to", "through", "thru", "till", "until", "a", "al", "hasta"})
AND = frozenset({",", "and", "&", "y", "e"})
FILLER = frozenset({"on", "the", "from", "every", "de", "del", "el", "la", "los", "las",
                    "todos", "cada", "at", "@", "by", "para"})



def fold(text: str) -> str:
    """Lower case, accents and CLDR's narrow spaces gone: "Miércoles" -> "miercoles"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("\u202f", " ").replace("\xa0", " "))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join(plain.replace("–", "-").replace("—", "-").split())


def locales() -> Iterator[Locale]:
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
    for locale in locales():
        names.update(_names(locale.days))
        wide.update((fold(str(n)), int(k)) for k, n in locale.days["format"]["wide"].items())
    return names, wide


@cache
def _month_names() -> tuple[dict[str, int], dict[str, int]]:
    names: dict[str, int] = {}
    wide: dict[str, int] = {}
    for locale in locales():
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


def tokens(text: str) -> list[str]:
    return re.sub(r"([,&-])", r" \1 ", fold(text)).split()


def days(text: str) -> str | None:
    """The weekdays a phrase names, as digits Monday = 0 ("mon-fri" and "de lunes a viernes"
    are "01234", "lun, mié y vie" is "024", "fri-mon" is "0456"); None when it is not days."""
    chosen: set[int] = set()
    pending: int | None = None  # the start of a range, waiting for its end
    last: int | None = None
    for token in tokens(text):
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
