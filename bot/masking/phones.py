"""Phone numbers: found by Google's libphonenumber, typed in words ("five five nine, six oh
two"), or both mixed; a vendor's, a school's or the writer's own line is kept."""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

from bot.masking.adults import grown_up_by_job_before, grown_up_named_before
from bot.masking.contacts import find_emails
from bot.masking.context import LINKING, PERSONS, TECH_THINGS, number_cue, words_before
from bot.masking.lines import family_in_sentence, family_near, institution_line, numbered_by_app
from bot.masking.signatures import in_signature_block
from bot.masking.spans import KEPT, Span, free

# The writer's own line: "My school cell is 612-555-0119", "mi celular es".
WRITERS_LINE = re.compile(r"\b(?:my|mi)\s+(?:(?:new|old)\s+)?(?:(?:school|work|office|personal|"
                          r"classroom|desk|teacher|district|google\s+voice)\s+)?(?:cell|cellphone|phone|number|line|"
                          r"mobile|celular|tel[eé]fono|n[uú]mero)(?:\s+(?:number|#))?"
                          # "My district cell on file should be"
                          r"(?:\s+on\s+file)?\s*(?:is|es|:|=|should\s+be)?\s*$", re.IGNORECASE)
# The writer's own line, said after it: "old number 520-555-0117 is still mine".
WRITERS_LINE_AFTER = re.compile(r"\s+(?:is|'s)\s+(?:still\s+)?(?:mine|my\s+(?:cell|number|"
                                r"phone))\b", re.IGNORECASE)
# A number someone called from is their line: "Marisol's dad called the main office from".
CALLER = re.compile(r"\b(?:called|calling|texted|rang|phoned|llam[óo])\b[^.!?\n]{0,60}?"
                    r"\b(?:from|desde)\s+$", re.IGNORECASE)
# North American numbers: an area code never starts with 0 or 1. (Exchanges never do either,
# but "555-123-4567" is how people write a made-up one, and a real one deserves no less.)
NANP = re.compile(r"[2-9]\d{9}")
LOCAL = re.compile(r"[2-9]\d\d[-.]\d{4}")
TOLL_FREE = ("800", "833", "844", "855", "866", "877", "888")  # vendors, never a student
# How people write a US number; the matcher alone also takes "128.0.6613.133" for one.
SHAPE = re.compile(r"(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}")
# A number read aloud and typed as words: "nueve cinco seis, cinco cinco cinco, cero uno cuatro
# tres", "five five nine, six oh two, eleven forty" (six number words or more).
NUMBER_WORD = (r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
               r"(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|"
               r"nine)ty|cero|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|"
               r"doce|trece|catorce|quince|dieci(?:s[eé]is|siete|ocho|nueve)|veinte|treinta|"
               r"veinti(?:uno|d[oó]s|tr[eé]s|cuatro|cinco|s[eé]is|siete|ocho|nueve)|"
               r"cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)")
# "cuarenta y dos": "y" only after a Spanish ten (all end in "nta"), never in a list ("five and
# six").
SPELLED_PHONE = re.compile(rf"(?<![\w-]){NUMBER_WORD}(?:(?:(?<=nta)\s+y\s+|[\s,.-]{{1,3}})"
                           rf"{NUMBER_WORD}){{5,}}(?![\w-])", re.IGNORECASE)
# Digits and number words mixed ("770 four one two 8856"): a phone after a phone's cue, when
# they read as seven or ten digits (a blind corpus's, stop 57).
MIXED_PHONE = re.compile(rf"(?<![\w-])(?:\d{{1,4}}|{NUMBER_WORD})(?:[\s,.-]{{1,3}}"
                         rf"(?:\d{{1,4}}|{NUMBER_WORD})){{2,9}}(?![\w-])", re.IGNORECASE)
TWO_DIGIT_WORD = re.compile(r"(?:ten|eleven|twelve|\w+teen|\w+ty|diez|once|doce|trece|catorce|"
                            r"quince|dieci\w+|veint\w+|treinta|cuarenta|cincuenta|sesenta|"
                            r"setenta|ochenta|noventa)", re.IGNORECASE)
# Shapes the matcher does not take: "555 - 867 - 5309", "555/867-5309".
LOOSE = re.compile(r"(?<![\w.-])\(?[2-9]\d\d\)?\s*[-–—/.]\s*\d{3}\s*[-–—.]\s*\d{4}(?![\w-]|\.\d)")


def persons_number(text: str, at: int) -> bool:
    """Whether the number at `at` is given as someone's "number" ("his number is 773-555-0142"):
    in a phone's shape that is their line, whose the sentence says, not a student's id."""
    words = [w for w in words_before(text, at) if w not in LINKING]
    return words[:1] in (["number"], ["#"], ["no"]) and words[1:2] != [] and words[1] in PERSONS


# A phone's cue just before: "Her cell: five, five, five, ...", "call mom at".
PHONE_BEFORE = re.compile(r"\b(?:cell|phone|number|call|text|tel|mobile|tel[eé]fono|celular|"
                          r"n[uú]mero|llam\w*|marqu[eé])\b[^.!?\n]{0,20}$", re.IGNORECASE)


def counted(text: str, words: re.Match[str]) -> bool:
    """Number words that count, no phone: a list with a comma between each ("Periods one, two,
    three, four, five, six": a red team's, stop 56), unless a phone's cue is just before."""
    return all("," in gap for gap in re.findall(r"[^\w]+", words[0].strip())) and not \
        PHONE_BEFORE.search(text, max(0, words.start() - 40), words.start())


def mixed_phones(text: str) -> list[Span]:
    """Digits and number words read aloud as one phone number, after a phone's cue."""
    found = []
    for match in MIXED_PHONE.finditer(text):
        tokens = re.findall(r"\w+", match.group())
        words = [t for t in tokens if not t.isdigit()]
        spoken = sum(len(t) if t.isdigit() else 2 if TWO_DIGIT_WORD.fullmatch(t) else 1
                     for t in tokens)
        if words and len(words) < len(tokens) and spoken in (7, 10) and \
                PHONE_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            found.append(Span(match.start(), match.end(), "phone"))
    return found


def find_phones(text: str, emails: list[Span] | None = None) -> list[Span]:
    """US phone numbers in any of the usual shapes, and international ones written with +;
    `emails` are the text's addresses if they were already found (find_emails)."""
    found = [Span(m.start(), m.end(), "phone") for m in SPELLED_PHONE.finditer(text)
             if not counted(text, m)]
    digits = sum(map(str.isdigit, text))
    if digits:
        found += [s for s in mixed_phones(text) if free(s, found)]
    if digits < 7:
        return found  # the matcher is the slowest step; most texts have no number that long
    # a number right after a vendor's or a colleague's address is theirs too
    work = [e.end for e in (find_emails(text) if emails is None else emails) if e.kind == KEPT]

    def institution(at: int, end: int) -> bool:
        return institution_line(text, at) or any(0 <= at - e <= 4 for e in work) or \
            grown_up_named_before(text, at) or writers_line(at, end) or \
            in_signature_block(text, at) or grown_up_by_job_before(text, at)

    def writers_line(at: int, end: int) -> bool:
        mine = WRITERS_LINE.search(text, max(0, at - 40), at)
        return bool(mine and not family_in_sentence(text, mine.start())) or bool(
            WRITERS_LINE_AFTER.match(text, end) and not family_in_sentence(text, at))

    for match in PhoneNumberMatcher(text, "US", leniency=Leniency.POSSIBLE):
        number, raw, start = match.number, match.raw_string, match.start
        if raw.startswith("(") and raw[4:5] != ")":
            raw, start = raw[1:], start + 1  # "(555.204.1187)": the bracket is the text's
        national = str(number.national_number)
        us = number.country_code == 1 and NANP.fullmatch(national) and SHAPE.match(raw)
        if not (us
                or (raw.startswith("+") and phonenumbers.is_possible_number(number))
                or LOCAL.fullmatch(raw)):
            continue  # ids, versions and addresses the lenient matcher also finds
        if re.match(r"[.:]\d", text[match.end:match.end + 2]) or \
                re.search(r"(?:\d[.:]|-)$", text[max(0, start - 2):start]):
            continue  # the middle of a version or an address, or a negative error code
        cue = number_cue(text, start, reach=2, defaults=False)
        if cue == "tech" and CALLER.search(text, max(0, start - 80), start):
            cue = None  # "called the main office from 617-...": the caller's line, not an office's
        if cue == "tech" and not (us and ((family_near(text, start) and any(
                w in TECH_THINGS for w in words_before(text, start)[:2])) or (
                family_in_sentence(text, start) and numbered_by_app(text, start)))):
            continue  # "meeting ID 845 221 0993" is for the number detector to judge
        if cue is None and number_cue(text, start) == "student" and not (
                us and persons_number(text, start)):
            cue = "student"  # "office said his ID is 2300519904": no office's line
        if (national.startswith(TOLL_FREE) and number.country_code == 1) or (
                cue != "student" and institution(start, match.end)):
            found.append(Span(start, match.end, KEPT))  # a vendor's or a school's line
            continue
        found.append(Span(start, match.end, "id number" if cue == "student" else "phone"))
    for m in LOOSE.finditer(text):
        span = Span(m.start(), m.end(), "phone")
        if not free(span, found) or number_cue(text, m.start(), reach=2, defaults=False) == "tech":
            continue
        if m.group().lstrip("(").startswith(TOLL_FREE) or institution(m.start(), m.end()):
            span = span._replace(kind=KEPT)
        found.append(span)
    return found
