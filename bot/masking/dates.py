"""Dates of birth: full dates a student's age makes a birthday, and partial ones ("14 de
marzo", "the first of March") right after a birth word."""

from __future__ import annotations

import re
from datetime import date

from bot.masking.spans import Span, free

MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
          "sep": 9, "oct": 10, "nov": 11, "dec": 12,
          "ene": 1, "abr": 4, "ago": 8, "set": 9, "dic": 12}  # Spanish, spelled out only
MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
         r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|enero|"
         r"febrero|marzo|abril|mayo|junio|julio|agosto|se(?:p|t)tiembre|setiembre|octubre|"
         r"noviembre|diciembre)\.?")
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:19|20)\d\d)"
NOT_INSIDE = r"(?<![\w./:-])"  # not the tail of a version, a time, an address or a word
NOT_BEFORE = r"(?![\w/]|[.:-]\d)"
# "the fourth of July, 2012": days spelled out; "twenty-first" and the like are built.
UNITS_SPELLED = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                 "ninth")
ORDINALS = {w: n for n, w in enumerate((*UNITS_SPELLED, "tenth", "eleventh", "twelfth",
                                        "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                                        "seventeenth", "eighteenth", "nineteenth"), 1)}
ORDINALS |= {"twentieth": 20, "thirtieth": 30, "thirty-first": 31}
ORDINALS |= {f"twenty-{w}": 21 + n for n, w in enumerate(UNITS_SPELLED)}
ORDINALS |= {"primero": 1, "1º": 1, "1°": 1, "1.º": 1, "1.°": 1, "1ro": 1, "1er": 1}
SPANISH_UNITS = ("uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve")
SPANISH_DAYS = {w: n for n, w in enumerate((*SPANISH_UNITS, "diez", "once", "doce", "trece",
                                             "catorce", "quince", "dieciséis", "diecisiete",
                                             "dieciocho", "diecinueve", "veinte"), 1)}
SPANISH_DAYS |= {f"veinti{w}": 21 + n for n, w in enumerate(
    ("uno", "dós", "trés", "cuatro", "cinco", "séis", "siete", "ocho", "nueve"))}
SPANISH_DAYS |= {"veintidos": 22, "veintitres": 23, "veintiseis": 26, "dieciseis": 16,
                 "treinta": 30, "treinta y uno": 31}
ORDINALS |= SPANISH_DAYS
SPANISH_DAY = "|".join(sorted((re.escape(w) for w in (*SPANISH_DAYS, "primero", "1ro", "1er")),
                              key=len, reverse=True))
SPELLED_DAY = re.compile(r"\b(?:primero|first|second|third|\w+(?:th|st|nd)|\w+ de)\b",
                         re.IGNORECASE)
ORDINAL = r"(?P<ordinal>(?:twenty|thirty)[\s-]\w+|\w+(?:st|nd|rd|th))"
NAMED = [re.compile(p, re.IGNORECASE) for p in (
    rf"\b{YEAR},?\s+{MONTH}\s+{DAY}\b(?!\s*[:\d])",  # 2012, Jan 19
    rf"\b{MONTH}\s+{DAY},?\s+{YEAR}\b",  # April 12, 2014
    rf"\b(?:the\s+)?{ORDINAL}\s+of\s+{MONTH},?\s+{YEAR}\b",  # the fourth of July, 2012
    rf"\b{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}\b",  # 12th of April 2014
    # 12-Apr-2014, as SIS exports write it; 14/mar/2014
    rf"\b{DAY}(?P<sep>[/-]){MONTH}(?P=sep)(?P<year>(?:19|20)?\d\d)\b",
    # 2 de mayo (de) 2012, el 1º de marzo de 2015, el dos de mayo de 2015
    rf"\b(?:{DAY}|(?P<ordinal>{SPANISH_DAY}|1\.?[º°]))\s+de\s+{MONTH},?\s+"
    rf"(?:(?:de|del)\s+)?{YEAR}\b",
    rf"\b{MONTH}\s+(?:the\s+)?{ORDINAL},?\s+{YEAR}\b",  # March the first, 2015
    rf"\b{MONTH}\s+{DAY}\b(?!\s*[:\d])",  # April 12: a date of birth only with a cue
    rf"\b(?:the\s+)?{ORDINAL}\s+of\s+{MONTH}\b",  # the first of March: likewise
    rf"\b{MONTH}\s+(?:the\s+)?{ORDINAL}\b",  # March first: likewise
    # 14 de marzo, 14 marzo, el primero de marzo: likewise
    rf"\b(?:{DAY}|(?P<ordinal>{SPANISH_DAY}|1\.?[º°]))\s+(?:de\s+)?{MONTH}\b(?!\s*[:\d])",
    rf"\b{MONTH},?\s+{YEAR}\b",  # April 2014: likewise
    rf"\b{MONTH}\s*['’](?P<short>\d\d)\b",  # Jun '11: likewise
)]
ANY_MONTH = re.compile(rf"\b{MONTH}", re.IGNORECASE)
MONTH_YEAR = re.compile(r"(?<![\w/.-])(?P<month>0?[1-9]|1[0-2])[/.-](?P<year>(?:19|20)\d\d)"
                        r"(?![\w/]|[.-]\d)")  # 06/2011: only beside a birth cue
NUMERIC = re.compile(rf"{NOT_INSIDE}(?P<a>\d{{1,4}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep)"
                     rf"(?P<c>\d{{2,4}}){NOT_BEFORE}")
SHORT = re.compile(rf"{NOT_INSIDE}(?P<a>[01]?\d)/(?P<b>[0-3]?\d){NOT_BEFORE}")
COMPACT = re.compile(rf"{NOT_INSIDE}(?P<digits>\d{{6}}|\d{{8}}){NOT_BEFORE}")
BIRTH = re.compile(r"\b(?:d\.?o\.?b\b|birth|born|b-?day|bday|nac(?:i[oó]\b|id[oa]|imiento|\.)|"
                   # "su cumple", "cumple 8 años": not "no cumple con el estándar" nor a
                   # checklist point's "cumple." (a pass)
                   r"cumplea[ñn]os|(?<!\bno\s)cumple\b(?!\s+con\b|\s*[.:;])|"
                   r"f\.?\s?d\.?\s?n\b)",
                   re.IGNORECASE)
# Words that make a full date an event, not a birthday: "purchased 06/14/2019".
EVENT = re.compile(r"\b(?:since|until|till|due|from|through|thru|between|after|before|"
                   r"purchased|bought|installed|updated|expires?|expired|warranty|inventory|"
                   r"last|ordered|shipped|delivered|deadline|closed|opened|created|started|"
                   r"ended|renew\w*|effective|dated|scheduled|meeting)\W+(?:\w+\W+)?$",
                   re.IGNORECASE)
RANGE_AFTER = re.compile(r"\s*(?:[-–—]|to|through|thru|until)\s*\d")
RANGE_BEFORE = re.compile(r"\d\s*(?:[-–—]|to|through|thru)\s*$")


def as_date(year: int, month: int, day: int, today: date) -> date | None:
    """The calendar date, two-digit years read as the nearest past, or None if invalid."""
    if year < 100:
        year += 2000 if 2000 + year <= today.year else 1900
    try:
        return date(year, month, day)
    except ValueError:
        return None


def numeric_date(match: re.Match[str], today: date) -> date | None:
    """2014-04-12, 04/12/2014, 4-12-14, 07.22.2014; day-first when month-first cannot be."""
    a, b, c = (int(match.group(g)) for g in ("a", "b", "c"))
    if len(match.group("a")) == 4:
        return as_date(a, b, c, today)
    if len(match.group("c")) == 3:
        return None
    return as_date(c, a, b, today) or as_date(c, b, a, today)


def compact_date(digits: str, today: date) -> date | None:
    """04122014, 20140412, 041214: only ever read beside a birth cue."""
    if len(digits) == 8 and digits[:2] in ("19", "20"):
        return as_date(int(digits[:4]), int(digits[4:6]), int(digits[6:]), today)
    return as_date(int(digits[4:]), int(digits[:2]), int(digits[2:4]), today)


def ordinal(word: str | None) -> int | None:
    """The day an ordinal names ("first", "3rd", "primero"), or None ("last")."""
    word = " ".join((word or "").lower().split())
    if word[:-2].isdigit():
        return int(word[:-2])
    return ORDINALS.get(word) or ORDINALS.get(word.replace(" ", "-"))


def birth_cue(text: str, start: int, end: int) -> bool:
    """A birth word shortly before the date (same stretch of text) or right after it."""
    after = re.split(r"[;.!?\n]", text[end:end + 25], maxsplit=1)[0]  # this clause only
    return bool(BIRTH.search(text[max(0, start - 80):start]) or BIRTH.search(after))


def school_age(day: date, today: date) -> bool:
    """Born in the years a K-12 student (3 to 21) could have been."""
    return today.year - 21 <= day.year <= today.year - 3


def event_date(text: str, start: int, end: int) -> bool:
    """A range ("08/19/2024 - 12/20/2024") or a date an event word governs."""
    return bool(RANGE_AFTER.match(text, end) or RANGE_BEFORE.search(text[max(0, start - 20):start])
                or EVENT.search(text[max(0, start - 40):start]))


def find_dates_of_birth(text: str, today: date) -> list[Span]:
    """Full dates that are a student's birth date, and partial ones right after a birth cue."""
    found: list[Span] = []
    if not any(map(str.isdigit, text)) and not SPELLED_DAY.search(text):
        return found  # every date has a day or a year

    def keep(start: int, end: int, day: date | None, full: bool) -> None:
        span = Span(start, end, "date of birth")
        if day is None or not free(span, found):
            return
        cued = birth_cue(text, start, end)
        if cued or (full and school_age(day, today) and not event_date(text, start, end)):
            found.append(span)

    for pattern in NAMED if ANY_MONTH.search(text) else ():
        for m in pattern.finditer(text):
            if not free(Span(m.start(), m.end(), ""), found):
                continue
            month, fields = MONTHS[m["month"][:3].lower()], m.groupdict()
            day = int(fields["day"]) if fields.get("day") else ordinal(fields.get("ordinal"))
            if fields.get("ordinal") and day is None:
                continue  # "the last of May 2014"
            full = fields.get("year") is not None and day is not None
            # a partial date is checked in this year's calendar ("Jun '11": in 2011's)
            year = int(fields.get("year") or fields.get("short") or today.year)
            keep(m.start(), m.end(), as_date(year, month, day or 1, today), full)
    for m in NUMERIC.finditer(text):
        # "1.20.12" is a version, "04/31/2007" after "DOB" a birth date typed wrong
        version = m["sep"] == "." and len(m["c"]) == 2
        cued = birth_cue(text, m.start(), m.end())
        born = numeric_date(m, today) or (date(today.year, 1, 1) if cued else None)
        keep(m.start(), m.end(), born, not version)
    for m in MONTH_YEAR.finditer(text):
        keep(m.start(), m.end(), as_date(int(m["year"]), int(m["month"]), 1, today), False)
    for m in SHORT.finditer(text):
        a, b = int(m["a"]), int(m["b"])  # beside a birth cue, "14/03" is the 14th of March
        keep(m.start(), m.end(), as_date(today.year, a, b, today) or (
            as_date(today.year, b, a, today) if birth_cue(text, m.start(), m.end()) else None),
            False)
    for m in COMPACT.finditer(text):
        keep(m.start(), m.end(), compact_date(m["digits"], today), False)
    return found
