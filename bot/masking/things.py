"""Companies, places and languages named like people: "Ingram & Associates", "Dodge City
Radio", "St. Louis Children's Hospital", "before I leave for Paris", "the Karen keyboards",
"our rep is Mark Sorensen at Kendall Hunt", and the same company's name wherever else the
message writes it ("the Kendall Hunt digital licenses", "Benchmark Adelante" once "Benchmark
Education" is written)."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from bot.masking.lexicon import lexicon
from bot.masking.spans import KEPT, Span, sentence_around
from bot.masking.student_cues import ASIDE, CUE_AFTER, ID_AFTER, LANGUAGES
from bot.masking.words import Word, adjacent

if TYPE_CHECKING:
    from bot.masking.names import Run

# The words that end a company's name ("Benchmark Education", "Grand Stage Radio"); not a
# school's ("Lincoln Elementary" says nothing of another "Lincoln" in the message).
COMPANY_WORDS = {"education", "learning", "publishing", "publishers", "press", "inc", "llc",
                 "corp", "corporation", "company", "co", "technologies", "technology",
                 "systems", "software", "solutions", "associates", "radio", "labs", "media",
                 "group", "partners", "consulting", "services", "electric", "supply", "health",
                 "sound"}
# "& Associates", "& Sons": a firm's name.
FIRM_AFTER = re.compile(r"\s*&\s*(?:Associates|Sons|Co\b|Company|Partners)")
# What only a product has after its name: "Edulog Webquery license expired", "(Govee
# Bluetooth)". No child has a license or a Bluetooth.
PRODUCT_AFTER = re.compile(r"\s+(?:licen[cs]es?|subscriptions?|renewal|contract|bluetooth|"
                           r"wi-?fi|usb|hdmi|firmware)\b", re.IGNORECASE)
GADGET_WORDS = {"bluetooth", "wifi", "usb", "hdmi"}  # "Govee Bluetooth", "Anker USB"
# A language's things, after "the", "a" or another language: "the Arabic and Karen language
# packs", "a Karen font" (not "Maya keyboard is broken", a child's missing its "'s").
LANGUAGE_AFTER = re.compile(r"\s+(?:language|languages|fonts?|keyboards?|interpreters?|"
                            r"translations?|subtitles|dictionar(?:y|ies))\b", re.IGNORECASE)
# An acronym after a name and "the", then a product's noun, names a product line: "the
# Kendall Hunt IM platform", "the Williams AV ones". Not a student's plan or case: "the Jaden
# IEP meeting", "the Mabel ECP binder", "the Aaliyah ACS case".
PRODUCT_ACRONYM = re.compile(r"[ \t]+[A-Z]{2,5}[ \t]+(?:platform|app|system|software|portal|"
                             r"licen[cs]es?|subscriptions?|ones|units|devices|kits?|mics?|"
                             r"speakers?|headsets?|receivers?|projectors?|boards?|server|"
                             r"hardware|cables?|chargers?|firmware)\b")
# A language beside another, or with the people who speak it: "our Dari/Pashto families",
# "Karen-speaking parents", "the Somali interpreter".
# Also "for Dari and Arabic", "Dari or Pashto" (blind corpora's, stop 61), and what a
# language has: "Dari fonts", "the Karen keyboard", "get Dari added as an option". Not a comma,
# which sets a student apart as well ("Dari, Pashto speaker in 5th grade": a red team's, BB).
LANGUAGE_PAIR = re.compile(r"\s*(?:/|&|\s(?:and|or)\s)\s*([A-Z][a-z]+)")
PAIRED_BEFORE = re.compile(r"([A-Z][a-z]+)\s*(?:/|&|\s(?:and|or))\s*$")
# A language that is also a first name ("Karen", "Dari") is a girl in a sentence that speaks of
# a child: "Karen keyboard is broken again, she needs a new one", "Karen and Spanish-speaking
# students need the Newsela version" (the same red team's).
CHILD_BESIDE = re.compile(r"\b(?:he|she|him|his|her|hers|student|students|kid|kids|child|"
                          r"newcomer|grade|period|log\s+in|login|"
                          r"password)\b", re.IGNORECASE)
SPEAKERS_AFTER = re.compile(r"(?:-|\s+)(?:speaking|speakers?|families|parents|community|"
                            r"newcomers|interpreters?|translators?|liaison|fonts?|keyboards?|"
                            r"language|translations?|versions?|subtitles|captions|"
                            r"added\s+as\s+an?\s+(?:option|language))\b")
LANGUAGE_BEFORE = re.compile(r"(?:\b(?:the|a|an|and|or|our|in|into)|[,&])\s+$", re.IGNORECASE)
# A school or a park named by its ground, as the run's last word: "at Harper Ridge", "Cedar
# Creek". (Not "Park", "Hill", "Woods", "Meadows" or "Glen": surnames and first names.)
LANDFORMS = {"ridge", "creek", "springs", "crossing", "grove", "lake", "pointe", "pines",
             "oaks", "landing", "commons", "hollow", "bluff", "bluffs", "canyon", "mesa",
             "prairie", "harbor", "shores", "trails", "vista", "summit"}
# Where someone travels: "before I leave for Paris in June", "flying to Austin".
TRAVEL_TO = re.compile(r"\b(?:leave|leaving|left|fly|flying|flew|travel(?:l?ing)?|trip|"
                       r"vacation|headed|heading|drive|driving)\s+(?:for|to)\s+$", re.IGNORECASE)
# "St." between two names is part of the surname ("Gabriel St. Pierre"), and before one it
# is no street ("the Gabriel St. Pierre" is not "Main St.").
SAINT_BETWEEN = re.compile(r"\s+Ste?\.\s+")
SAINT_AFTER = re.compile(r"\s+Ste?\.\s+[A-Z][\w'’-]+")  # "Amaya St. Cyr", though no list has Cyr
SAINT_BEFORE = re.compile(r"\.\s+[A-Z]")
# Where a representative works: "Rep is Jessica Ochoa at ", "our account manager at ".
REP_AT = re.compile(r"\b(?:rep|reps|representative|account\s+manager|sales\s+(?:rep|person))\b"
                    r"[^.!?\n]{0,40}?\s(?:at|from|with)\s+$", re.IGNORECASE)


def organisation(text: str, words: list[Word], first: int, last: int) -> bool:
    """A run that names a company, a product, a language or a place by what stands around it,
    unless a student's cue follows it ("Harper Ridge in my 2nd period")."""
    end = words[last].after
    if CUE_AFTER.match(text, end) or ID_AFTER.match(text, end) or ASIDE.match(text, end):
        return False
    return company(text, words, first, last) or thing(text, words, first, last)


def company(text: str, words: list[Word], first: int, last: int) -> bool:
    """A company by its last word, its "& Associates" or the rep who works there."""
    after = words[last + 1] if last + 1 < len(words) else None
    if FIRM_AFTER.match(text, words[last].after) or (
            after and after.folded in COMPANY_WORDS and after.shape != "lower"
            and adjacent(text, words[last], after)):
        return True
    return bool(REP_AT.search(text, max(0, words[first].start - 80), words[first].start))


def thing(text: str, words: list[Word], first: int, last: int) -> bool:
    """A saint's place, a product, a language, a school by its ground or a trip's place."""
    before = words[first - 1] if first else None
    start, end = words[first].start, words[last].after
    if before and before.text in ("St", "Ste") and text[before.end:start] == ". " and not (
            first > 1 and words[first - 2].shape == "title" and adjacent(
                text, words[first - 2], before)):
        return True  # "St. Louis Children's Hospital", not "Gabriel St. Pierre"
    named = words[first].given  # "the Elijah Brown license" is a child's, "Edulog ..." not
    if not named and ((not words[last].possessive and PRODUCT_AFTER.match(text, end)) or any(
            w.folded in GADGET_WORDS for w in words[first + 1:last + 1])):
        return True
    alone = first == last and not words[last].possessive
    if last > first and words[last].folded in LANDFORMS and words[last].shape == "title":
        return True
    if alone and LANGUAGE_AFTER.match(text, end) and LANGUAGE_BEFORE.search(
            text, max(0, start - 6), start):
        return True
    if alone and language(text, words[first]):
        return True
    if before and before.folded == "the" and not words[last].possessive and \
            PRODUCT_ACRONYM.match(text, end):
        return True  # "the Kendall Hunt IM platform", "the Williams AV ones"
    return alone and bool(TRAVEL_TO.search(text, max(0, start - 20), start))


def language(text: str, word: Word) -> bool:
    """A language's name beside another language's ("Dari/Pashto", "Dari and Arabic"; not
    "Karen and Dari", two girls) or before the people who speak it or what it has ("Karen
    families", "Dari-speaking", "Dari fonts"); one that is also a first name, only in a
    sentence that speaks of no child."""
    if word.folded not in LANGUAGES:
        return False
    pair = LANGUAGE_PAIR.match(text, word.end)
    before = PAIRED_BEFORE.search(text, max(0, word.start - 20), word.start)
    if not (any(m and other_language(m[0], m[1]) for m in (pair, before))
            or SPEAKERS_AFTER.match(text, word.end)):
        return False
    start, end = sentence_around(text, word.start, word.end)
    return word.folded not in lexicon().first or not CHILD_BESIDE.search(text, start, end)


def other_language(joined: str, other: str) -> bool:
    """The word joined to a language is another; "and", "or" and commas join two girls as
    well, so there it must be a language no one is named ("Karen and Dari" is no pair)."""
    other = other.lower()
    return other in LANGUAGES and ("/" in joined or other not in lexicon().first)


def companies_spread(text: str, words: list[Word], judged: list[Run]) -> list[Run]:
    """Runs that open with a company's first word, once the message names that company, and
    hold no other first name ("Benchmark Adelante"; not "In Benchmark Aiden Wu")."""
    firms = [[w.folded for w in words[r.first:r.last + 1]] for r in judged
             if r.verdict == "place" and company(text, words, r.first, r.last)]

    def of_a_firm(run: Run) -> bool:
        said = [w.folded for w in words[run.first:run.last + 1]]
        return said in firms or (said[0] in {f[0] for f in firms} and not any(
            w.given for w in words[run.first + 1:run.last + 1]))
    return [r._replace(verdict="place") if firms and of_a_firm(r) else r for r in judged]


def saint(text: str, word: Word) -> bool:
    """Whether the word is "St." before a name ("Gabriel St. Pierre"), not a street's."""
    return word.folded in ("st", "ste") and bool(SAINT_BEFORE.match(text, word.end))


def saints_between(text: str, names: list[Span]) -> list[Span]:
    """The "St." between two names found side by side, or after one before a capitalised word,
    so that "Gabriel St. Pierre" and "Amaya St. Cyr" are hidden whole."""
    return [Span(a.end, b.start, "name") for a, b in pairwise(names)
            if SAINT_BETWEEN.fullmatch(text, a.end, b.start)] + [
        Span(a.end, m.end(), "name") for a in names if (m := SAINT_AFTER.match(text, a.end))]


# An education standard's code ("3.OA.A.1", "MA.3.NSO.1.1", "K.CC.4a"): kept whole, and the
# word before it is a state or a framework, not a student ("Arizona 3.OA.A.1": a red team's,
# stop 49, when the checklist's standards began to be masked).
STANDARD = (r"(?:[A-Z]{1,4}\.)?(?:K|\d{1,2})\.[A-Z]{1,4}(?:\.[A-Za-z0-9]{1,4}){0,3}"
            r"(?![\w.]|\.\w)")
STANDARD_CODE = re.compile(rf"(?<![\w.])(?:{STANDARD}|B\.E\.S\.T\.)")
STANDARD_AFTER = re.compile(rf"\s+(?:{STANDARD}|B\.E\.S\.T\.)")  # Florida's B.E.S.T. too


def find_standards(text: str) -> list[Span]:
    """Standards' codes, kept: no finder after takes a part of one ("1.MD.1") for a name."""
    return [Span(m.start(), m.end(), KEPT) for m in STANDARD_CODE.finditer(text)]
