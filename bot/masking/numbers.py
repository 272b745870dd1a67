"""Student id numbers: shapes found by pattern, judged by the words around them (dates of
birth are dates.py's)."""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date

from bot.masking.context import STUDENT, SYSTEMS, number_cue, words_before
from bot.masking.cues import STATE_CODES
from bot.masking.dates import NOT_INSIDE, NUMERIC, numeric_date
from bot.masking.spans import Span, free

# An id: digits alone or in groups ("123 456 789", "22-0451-87"), with a check digit
# ("20441-7"), or after 1-3 letters ("S1234567"). Prefixes that are tech numbers (KB
# articles, incidents) are left alone.
ID = re.compile(rf"(?:{NOT_INSIDE}|(?<=[A-Za-z]:))(?:(?P<checked>\d{{5,12}}-\d)(?![\w-])|"
                rf"(?P<letters>[A-Za-z]{{1,3}})-?(?P<tail>\d{{5,12}})|"
                rf"(?P<grouped>\d{{2,4}}(?:[ -]\d{{2,4}}){{1,3}})|(?P<digits>\d{{3,14}}))"
                rf"(?![\w/]|[.,:]\d|-\w)")
CODE = re.compile(rf"{NOT_INSIDE}[A-Za-z0-9][A-Za-z0-9-]{{3,15}}(?![\w-])")
# "5f3e8a1c2b7d": a hash or a tenant's id, not a student's (theirs have a letter at most).
HASH = re.compile(r"(?=(?:[0-9]*[a-f]){3})[0-9a-f]{8,}", re.IGNORECASE)
STUDENT_HINT = re.compile(r"\b(?:stu|student|sid|id|ids|lunch|pin|badge|state|matr[ií]cula|"
                          r"estudiante|alumn[oa])\b", re.IGNORECASE)
TECH_PREFIXES = {"kb", "inc", "req", "chg", "prb", "po", "cve", "sn", "rma", "wo", "tkt"}
UNITS = re.compile(r"\s*(?:%|mb|gb|kb|tb|ms|px|dpi|mhz|ghz|mbps|minutes?|mins?|hours?|hrs?|"
                   r"seconds?|secs?|days?|weeks?|students|devices|kids|pages|copies|users|"
                   r"licenses|seats|items|rows|times|words)\b", re.IGNORECASE)
SCHOOL_YEAR = re.compile(r"(?:19|20)\d\d[-–/](?:\d\d|(?:19|20)\d\d)")  # 2023-24
WHOLE_SCHOOL_YEAR = re.compile(rf"(?<![\w-]){SCHOOL_YEAR.pattern}(?![\w-])")  # not 2024-0417
BARE = re.compile(r"(?<![\w.-])\d{4,}(?![\w-]|\.\d)")  # a number standing alone
IN_PLACE = re.compile(r"\b(?:in|en)\s$", re.IGNORECASE)
A_YEAR = re.compile(r"(?:19|20)\d\d")
STOPS = ".!?\n"
MAX_BARE = 12  # longer, only with a cue: "library barcode 21457000392818", not an ISBN
# An organisation's code in capitals with a hyphen, just before a number: "M-DCPS 88123".
ORG_CODE_BEFORE = re.compile(r"(?<![\w-])[A-Z]+-[A-Z]{2,}[ \t]+$")
# An introductory course: "'Enrollment 101' training", "Canvas 101 session".
COURSE_BEFORE = re.compile(r"\b[A-Z][a-z]+[ \t]+$")
COURSE_AFTER = re.compile(r"['’\"”]|[ \t]+(?:training|course|class|workshop|session|series|"
                          r"basics|webinar|pd)\b")
# A state's two letters just before a number make it a ZIP code ("Thoreau NM 87323").
ZIP_AFTER_STATE = re.compile(rf"(?<![\w-])(?:{'|'.join(sorted(STATE_CODES))}),?[ \t]+$")
MIN_BARE = 5  # digits that make a number an id with no cue at all; 4 is a room, year or model
# A web page's status and its reason ("403 Forbidden", "502 Bad Gateway"): never a student's.
HTTP_STATUS = re.compile(r"\s*(?:forbidden|unauthori[sz]ed|not found|bad request|bad gateway|"
                         r"gateway time-?out|service unavailable|internal server error|"
                         r"too many requests|not allowed|request timeout)\b", re.IGNORECASE)
# The common ones said as a thing, which a page does: "goes to a 404", "got a 500", "a 503
# page"; not "changed to a 500" nor Spanish "a 503" (a red team's, MM).
WEB_ERRORS = {"400", "401", "403", "404", "408", "429", "500", "502", "503", "504"}
AN_ERROR = re.compile(r"\b(?:goes|go|going|went|gets?|got|getting|gives?|gave|giving|throws?|"
                      r"threw|shows?|showed|showing|returns?|returned)\s+(?:to\s+)?a\s+$",
                      re.IGNORECASE)
WEB_ERROR_AFTER = re.compile(r"\s*(?:error|page|screen|message)\b", re.IGNORECASE)


def find_id_numbers(text: str, today: date) -> list[Span]:
    """Student id, lunch, PIN and state numbers, judged by their cue or, lacking one, length."""
    found = []
    # a school year typed with an en dash ("Lexia 2024–2025") is read as two numbers
    years = [y.span() for y in WHOLE_SCHOOL_YEAR.finditer(text)]
    for m in ID.finditer(text):
        if any(start <= m.start() < end for start, end in years):
            continue
        if UNITS.match(text, m.end()) or text[max(0, m.start() - 1):m.start()] == "$" \
                or http_status(text, m):
            continue
        if m["letters"] and m["letters"].lower() in TECH_PREFIXES:
            continue
        if SCHOOL_YEAR.fullmatch(m.group()):
            continue
        dated = NUMERIC.fullmatch(m.group())
        if dated and numeric_date(dated, today):
            continue  # a date that is no birthday ("Last inventory: 2024-04-12")
        digits = sum(c.isdigit() for c in m.group())
        if digits <= 4 and IN_PLACE.search(text, max(0, m.start() - 4), m.start()):
            continue  # "the teacher computer in 118": a room, whatever cue came before
        if digits <= 3 and edition(words_before(text, m.start())):
            continue  # "Renaissance Star 360": a student's number there is longer
        cue = number_cue(text, m.start())
        if cue == "tech" or (cue == "phone" and digits < 7):
            continue  # a line's extension or voicemail PIN: no phone, and no student's
        if text[m.start() - 1:m.start()] == ":" and cue != "student":
            continue  # "id:20391", not "port:44321"
        # "LKV-004512" and "LKV004512" are as often asset tags as ids: they need their cue.
        letters = (m["letters"] or "").lower()
        hyphened = "-" in m.group()
        needs_cue = (len(letters) >= 3 and letters != "stu") or (len(letters) == 2 and hyphened)
        if cue != "student" and ORG_CODE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "a sticker that says M-DCPS 88123": an organisation's asset number
        if m.group() == "101" and COURSE_BEFORE.search(text, max(0, m.start() - 30), m.start()) \
                and COURSE_AFTER.match(text, m.end()):
            continue  # "'Enrollment 101' training": an introductory course
        if cue != "student" and ZIP_AFTER_STATE.search(text, max(0, m.start() - 6), m.start()) \
                and re.fullmatch(r"\d{5}(?:-\d{4})?", m.group()):
            continue  # "Thoreau NM 87323": a town's ZIP code
        if digits > MAX_BARE and cue != "student":
            continue  # an ISBN or a device's number; a library barcode has its cue
        if (cue == "student" and digits >= 3) or (not needs_cue and digits >= MIN_BARE):
            found.append(Span(m.start(), m.end(), "id number"))
    found += [s for s in cued_codes(text) if free(s, found)]
    found += repeats(text, found)
    return found + alike(text, found)


NAME_CODE = re.compile(r",?[ \t]+([A-Za-z]{1,3}\d{4,8})\b(?![-.]\w)")


def edition(words: list[str]) -> bool:
    """Whether the words before a number name a student system's product, not a student's
    number in it ("Renaissance 360", "Renaissance Star 360"; not "Lexia login 482")."""
    return bool(SYSTEMS & set(words[:2])) and words[0] not in STUDENT - SYSTEMS


def http_status(text: str, number: re.Match[str]) -> bool:
    """A web error's code and reason ("403 Forbidden"), or a common one said as a thing ("the
    tile goes to a 404", "a 500 page"); a longer number before "not found" stays an id
    ("20441887 not found in PowerSchool")."""
    code = number.group()
    return bool(re.fullmatch(r"[45]\d\d", code) and HTTP_STATUS.match(text, number.end())) or (
        code in WEB_ERRORS and bool(AN_ERROR.search(text, max(0, number.start() - 20),
                                                    number.start())
                                    or WEB_ERROR_AFTER.match(text, number.end())))


def repeats(text: str, found: list[Span]) -> list[Span]:
    """An id found once is the same id wherever its digits return, leading zeros dropped or
    not ("student ID 0000451873 ... the card says 451873")."""
    digits = {re.sub(r"\D", "", text[s.start:s.end]).lstrip("0") for s in found}
    digits.discard("")
    return [Span(m.start(), m.end(), "id number") for m in BARE.finditer(text)
            if m.group().lstrip("0") in digits and free(Span(m.start(), m.end(), ""), found)]


def alike(text: str, found: list[Span], beside: str = "id number") -> list[Span]:
    """A number with no cue of its own in a sentence that already holds a student's id (or
    what `beside` names) is another of theirs ("it's showing [id] but she's been using 5521 all
    year"); not a year."""
    ids = [s for s in found if s.kind == beside]
    if not ids:
        return []
    stops = [i for i, c in enumerate(text) if c in STOPS]
    holding = {bisect_left(stops, s.start) for s in ids}  # the sentences with an id, by number
    taken = sorted((s.start, s.end) for s in found)
    starts = [start for start, _ in taken]
    spans = []
    for m in BARE.finditer(text):
        before = bisect_left(starts, m.end()) - 1  # the last span starting before its end
        if bisect_left(stops, m.start()) in holding and len(m.group()) <= 6 \
                and not A_YEAR.fullmatch(m.group()) and not UNITS.match(text, m.end()) \
                and not (before >= 0 and taken[before][1] > m.start()) \
                and number_cue(text, m.start()) is None:
            spans.append(Span(m.start(), m.end(), "id number"))
    return spans


def beside_names(text: str, found: list[Span]) -> list[Span]:
    """A number with no cue of its own in a sentence that holds a student's hidden name is
    theirs too ("for [name] that'd be 4582 and 11"), even right after it ("Jonah 4471"): a
    name the masker took wrongly for a student's takes its model along ("[name] 5160"). So is
    a code of letters and 4 digits or more right after the name ("[name] S1234"; a red
    team's, stop 49), where a model's has fewer ("[name] C740")."""
    coded = [Span(m.start(1), m.end(1), "id number") for s in found
             if s.kind == "name" and (m := NAME_CODE.match(text, s.end))]
    return alike(text, found, beside="name") + coded


def cued_codes(text: str) -> list[Span]:
    """Any code with 4 or more digits right after "student ID" and the like ("2023A0457")."""
    if not STUDENT_HINT.search(text):
        return []
    return [Span(m.start(), m.end(), "id number") for m in CODE.finditer(text)
            if sum(c.isdigit() for c in m.group()) >= 4 and not HASH.fullmatch(m.group())
            and number_cue(text, m.start(), reach=1) == "student"]
