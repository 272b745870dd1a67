"""A phone number, an email address or a street address in a text that speaks of no student
and no family is a grown-up's at work: "call me 229-555-0164", "Bus garage says their phone
(918) 555-0102 rings through to nobody", "We're at 615 S Harvard Ave". The finders hide a
contact wherever nothing beside it says whose it is; what they cannot see from there is that
the whole text names no child, no family and nothing else a student has."""

from __future__ import annotations

import re

from bot.masking.addresses import FAMILY_NEAR
from bot.masking.contacts import FULL_NAME, STUDENT_DOMAIN
from bot.masking.cues import CHILD_NOUN
from bot.masking.lexicon import fold, lexicon
from bot.masking.spans import Span
from bot.masking.student_cues import FAMILY_WORD

CONTACTS = {"phone", "email", "address"}
# What else says a text is about a student or a family ("3 families changed numbers", "home
# phone", "cadet email").
ABOUT_A_CHILD = re.compile(r"\b(?:stu|families|home|cadets?|grade|graders?|kinder|homeroom|"
                           r"iep|504|lunch|roster|emergency)\b", re.IGNORECASE)
# Who else the text is about: the writer, or a place of work ("call me 229-555-0164", "Bus
# garage says their phone ...", "We're at 615 S Harvard Ave").
AT_WORK = re.compile(r"\b(?:i|me|my|mine|we|our|us|mi|office|district|school|campus|dept|"
                     r"department|vendor|company|rep|garage|warehouse|library|cafeteria|gym|"
                     r"field\s+house|desk|staff|sub|substitute|county|city|hr|payroll)\b",
                     re.IGNORECASE)
PRONOUN = re.compile(r"\b(?:he|she|his|him|her|hers|él|ella)\b", re.IGNORECASE)
# Someone the text names and keeps as a grown-up, whom a "his" or "her" can be about: a title
# ("Mr. Jenkins' cell") or a whole name the rules left alone ("is Gary Penner, his cell").
TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Dr|Coach|Sr|Sra|Srta)\b\.?\s+[A-Z]")


def spare_work_contacts(text: str, spans: list[Span]) -> list[Span]:
    """`spans` less the contacts of a text that hides nothing else and speaks of no child."""
    if not spans or any(s.kind not in CONTACTS for s in spans):
        return spans
    if CHILD_NOUN.search(text) or FAMILY_WORD.search(text) or ABOUT_A_CHILD.search(text):
        return spans
    if PRONOUN.search(text) and not named_grown_up(text):
        return spans  # "He gave me his number": whose, the text does not say
    if not (named_grown_up(text) or AT_WORK.search(text)):
        return spans  # "call (555) 867 5309 after 3": nobody's, so maybe a family's
    return [s for s in spans if not grown_ups(text, s)]


def grown_ups(text: str, span: Span) -> bool:
    """Whether a contact of a text that speaks of no child is a grown-up's: an address no
    family word comes just before ("they moved to", "lives at"), an email address of a text
    that names a grown-up (not "My email keeps bouncing messages to ava.lopez@..."), never
    one at a students' domain."""
    if span.kind == "address":
        return not FAMILY_NEAR.search(text, max(0, span.start - 60), span.start)
    if span.kind == "email":
        return bool(named_grown_up(text)) and not STUDENT_DOMAIN.search(
            text[span.start:span.end].partition("@")[2])
    return True


def named_grown_up(text: str) -> bool:
    """The text names someone by title, or by a first name and a surname it kept."""
    first = lexicon().first
    return bool(TITLED.search(text)) or any(fold(m["first"]) in first
                                            for m in FULL_NAME.finditer(text))
