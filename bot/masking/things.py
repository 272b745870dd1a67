"""Companies, places and languages named like people: "Ingram & Associates", "Dodge City
Radio", "St. Louis Children's Hospital", "before I leave for Paris", "the Karen keyboards",
"our rep is Mark Sorensen at Kendall Hunt", and the same company's name wherever else the
message writes it ("the Kendall Hunt digital licenses", "Benchmark Adelante" once "Benchmark
Education" is written)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.masking.words import Word, adjacent

if TYPE_CHECKING:
    from bot.masking.names import Run

# The words that end a company's name ("Benchmark Education", "Grand Stage Radio"); not a
# school's ("Lincoln Elementary" says nothing of another "Lincoln" in the message).
COMPANY_WORDS = {"education", "learning", "publishing", "publishers", "press", "inc", "llc",
                 "corp", "corporation", "company", "co", "technologies", "technology",
                 "systems", "software", "solutions", "associates", "radio", "labs", "media",
                 "group", "partners", "consulting", "services", "electric", "supply"}
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
LANGUAGE_BEFORE = re.compile(r"(?:\b(?:the|a|an|and|or|our|in|into)|[,&])\s+$", re.IGNORECASE)
# A school or a park named by its ground, as the run's last word: "at Harper Ridge", "Cedar
# Creek". (Not "Park", "Hill", "Woods", "Meadows" or "Glen": surnames and first names.)
LANDFORMS = {"ridge", "creek", "springs", "crossing", "grove", "lake", "pointe", "pines",
             "oaks", "landing", "commons", "hollow", "bluff", "bluffs", "canyon", "mesa",
             "prairie", "harbor", "shores", "trails", "vista", "summit"}
# Where someone travels: "before I leave for Paris in June", "flying to Austin".
TRAVEL_TO = re.compile(r"\b(?:leave|leaving|left|fly|flying|flew|travel(?:l?ing)?|trip|"
                       r"vacation|headed|heading|drive|driving)\s+(?:for|to)\s+$", re.IGNORECASE)
# Where a representative works: "Rep is Jessica Ochoa at ", "our account manager at ".
REP_AT = re.compile(r"\b(?:rep|reps|representative|account\s+manager|sales\s+(?:rep|person))\b"
                    r"[^.!?\n]{0,40}?\s(?:at|from|with)\s+$", re.IGNORECASE)


def organisation(text: str, words: list[Word], first: int, last: int) -> bool:
    """A run that names a company, a product, a language or a place by what stands around it."""
    after = words[last + 1] if last + 1 < len(words) else None
    before = words[first - 1] if first else None
    start, end = words[first].start, words[last].after
    if before and before.text in ("St", "Ste") and text[before.end:start] == ". ":
        return True  # "St. Louis Children's Hospital": nobody is called "St. Louis"
    if FIRM_AFTER.match(text, end) or (after and after.folded in COMPANY_WORDS and
                                       after.shape != "lower" and adjacent(text, words[last],
                                                                           after)):
        return True
    if (not words[last].possessive and PRODUCT_AFTER.match(text, end)) or any(
            w.folded in GADGET_WORDS for w in words[first + 1:last + 1]):
        return True
    if last > first and words[last].folded in LANDFORMS and words[last].shape == "title":
        return True
    alone = first == last and not words[last].possessive
    if alone and LANGUAGE_AFTER.match(text, end) and LANGUAGE_BEFORE.search(
            text, max(0, start - 6), start):
        return True
    if alone and TRAVEL_TO.search(text, max(0, start - 20), start):
        return True
    return bool(REP_AT.search(text, max(0, start - 80), start))


def companies_spread(text: str, words: list[Word], judged: list[Run]) -> list[Run]:
    """Runs that open with a company's first word, once the message names that company."""
    firms = {words[r.first].folded for r in judged
             if r.verdict == "place" and organisation(text, words, r.first, r.last)}
    return [r._replace(verdict="place") if words[r.first].folded in firms else r
            for r in judged]
