"""What makes a run of capitalised words no student's name, whatever the lists say: a title
before it, a maker, a shop, a role, a model code, a lesson's topic (names.py asks)."""

from __future__ import annotations

import re

from bot.masking.adults import ROLE_TO_BE, at_work, grown_up
from bot.masking.cues import (
    ADDRESSED,
    GREETING,
    PARTICLES,
    ROLE_AFTER,
    ROLE_BEFORE,
    ROLE_GREETED,
    TOPIC_BEFORE,
    TOPICS,
    VENDORS,
    VERBS,
    VERSION_AFTER,
)
from bot.masking.lexicon import lexicon
from bot.masking.lowercase import titled
from bot.masking.spans import sentence_around
from bot.masking.student_cues import (
    CLASS_AFTER,
    FAMILY_AFTER,
    HOMEROOM_AFTER,
    KIN,
    LANGUAGES,
    ONE_CHILD_AFTER,
)
from bot.masking.things import STANDARD_AFTER
from bot.masking.words import SURNAME, WEAK, Word, adjacent

# A period before a place: "Ancient Egypt", "Colonial Virginia".
ERAS = {"ancient", "medieval", "colonial", "imperial", "feudal", "classical", "prehistoric"}
# "Franklin T10 hotspot", "Epson PowerLite 1781W": a model code after a run makes it a product.
# Not a grade ("3rd") or a class section ("Maya 7B").
MODEL = re.compile(r"\s+(?!\d+(?i:st|nd|rd|th)\b)(?=[A-Za-z]|[A-Za-z0-9]{3})"
                   r"(?=[A-Za-z0-9]*[A-Za-z])(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{2,6}\b(?!-)|"
                   r"\s+[A-Z]{1,4}-(?=[A-Z0-9]*\d)[A-Z0-9]{2,8}\b")  # "Hamilton Buhl HA-66USB"
GRADE_AFTER = re.compile(r"\s+\d{1,2}(?:st|nd|rd|th)[\s-]+grade\b", re.IGNORECASE)
OPENING_WORDS = re.compile(r"\W*(?:[\w'’]+[ \t]+){0,3}@?")  # "Thanks so much ", "Hi @"
KIN_ASIDE = re.compile(rf"(?:\s*\(|,\s*)(?:[\w-]+['’]s\s+)?(?:{KIN})\b", re.IGNORECASE)
# A shop named for its owner, capitalised as a shop's name is: "Joe's Coffee", "Lupita's
# Bakery" (a red team's, stop 56: a Coffee series' place at a café lost its name); not
# "Jaden's coffee spilled", "Jaden Martinez's Pizza" (a full name), "Aaliyah's Bakery sale".
BUSINESS_AFTER = re.compile(r"\s+(?:Coffee|Caf[eé]|Diner|Pizza|Pizzeria|Bakery|Panader[ií]a|"
                            r"Grill|Deli|Donuts?|Bagels?|Taquer[ií]a|Restaurant|Bistro|"
                            r"Bookstore)\b(?!\s+(?i:party|parties|sale|fundraiser|night|day|"
                            r"winners?|contest|club))")


def vetoed(text: str, words: list[Word], first: int, last: int) -> bool:
    """A run that names staff ("Ms. Rivera"), a product ("Franklin T10") or the topic of a
    lesson ("the Harriet Tubman unit", "researching Sitting Bull")."""
    before = words[first - 1] if first > 0 else None
    if before and titled(text, before, words[first]):
        return True
    if before and first > 1 and before.folded in PARTICLES and titled(text, words[first - 2],
                                                                      before):
        return True  # "Ms. dela Cruz", "Mr. van Dyke"
    if before and before.folded in ERAS and adjacent(text, before, words[first]):
        return True  # "Ancient Egypt", "Colonial Virginia": a time and place, not a child
    if (before and before.folded in VENDORS and adjacent(text, before, words[first])) or (
            last > first and words[first].folded in VENDORS):
        return True  # "Logitech Combo Touch", "Bogen Nyquist": a maker's product line
    if first == last and words[last].possessive and BUSINESS_AFTER.match(text, words[last].after):
        return True  # "meet at Joe's Coffee", "Rosa's Café": a shop, where a coach meets
    if GREETING.search(text, max(0, words[first].start - 20), words[first].start) and \
            ADDRESSED.match(text, words[last].after):
        return True  # "Hi Dana,", "Thanks Jordan!": the coach a message is addressed to
    if grown_up(text, words, first, last):
        return True
    after = words[last + 1] if last + 1 < len(words) else None
    end = words[last].after
    if after and adjacent(text, words[last], after) and (
            after.text.lower() in TOPICS or attributive(text, words, first, last)):
        return True
    the = text[max(0, words[first].start - 4):words[first].start].lower() == "the "
    if first == last and not words[last].possessive and GRADE_AFTER.match(text, end) and the:
        return True  # "the Franklin 5th grade team": a school's; a child is never "the Liam"
    if first == last and the and len(words[first].text) <= 3 and words[first].text.isupper() \
            and not text.isupper() and not FAMILY_AFTER.match(text, end):
        return True  # "Amy at the SU said": an office's letters (not "the HA family")
    if (role_before(text, words[first].start) and not KIN_ASIDE.match(text, end)) or \
            ROLE_AFTER.match(text, end) or ROLE_TO_BE.match(text, end) or (
                not words[last].possessive and (
                VERSION_AFTER.match(text, end) or at_work(text, words, first, end))):
        return True  # "our rep is Jordan Blake", "Lockdown Browser 2.1.1.06"
    if STANDARD_AFTER.match(text, end):
        return True  # "Arizona 3.OA.A.1": a state's standard
    return bool((MODEL.match(text, end) and not words[last].possessive
                 and not (CLASS_AFTER.match(text, end) or HOMEROOM_AFTER.match(text, end))
                 and not full_name(words[first:last + 1]))
                or TOPIC_BEFORE.search(text[max(0, words[first].start - 40):words[first].start]))


def full_name(run: list[Word]) -> bool:
    """A first name and a surname, neither a product's word: "Jaden Smith C740" is Jaden's
    Chromebook, where "Franklin T10" is a hotspot (a red team's, stop 49)."""
    return len(run) >= 2 and run[0].given and run[0].score >= SURNAME and \
        run[-1].shape == "title" and not any(w.product for w in run)


def attributive(text: str, words: list[Word], first: int, last: int) -> bool:
    """"the Edison charging station", "the Einstein Bros order": one word after "the" that
    describes the noun after it. A child is never "the Liam"; a family is "the Okafor
    twins"."""
    after = words[last + 1]
    return first == last and not words[last].possessive and text[
        max(0, words[first].start - 4):words[first].start].lower() == "the " and not (
        FAMILY_AFTER.match(text, words[last].after) or after.stop or after.text in VERBS or (
            ONE_CHILD_AFTER.match(text, words[last].after) and family_name(words[last]))) and (
        after.shape == "lower" or (after.shape == "title" and after.score < WEAK))


def family_name(word: Word) -> bool:
    """A capitalised word that can be a family's name: a surname, even one that is also a
    word ("Smith", "Miller": a red team's, stop 55), or a rare or unknown word; not a
    product's nor a language ("the Spanish kid")."""
    return word.shape == "title" and not word.product and word.folded not in LANGUAGES and (
        word.score >= WEAK or word.folded in lexicon().surnames)


def role_before(text: str, start: int) -> bool:
    """A job said just before the name, as its holder's ("our rep, Jordan Blake"); not a job
    greeted or thanked, which the name after the comma is no holder of ("Hi Coach, Jaden
    Ramirez still can't log into Hudl": a red team's, FF)."""
    role = ROLE_BEFORE.search(text, max(0, start - 40), start)
    return role is not None and not called_by_job(text, role)


def called_by_job(text: str, role: re.Match[str]) -> bool:
    """The job is how the message addresses someone, not whose name follows: greeted or
    thanked ("Hi Coach, ...", "Got it Coach, ..."), or written as a title with a comma a few
    words into its sentence ("Thanks so much Coach, ..."): red teams', FF and GG. Not an
    apposition ("our rep, Jordan Blake", "the new assistant football coach, ...") nor a
    signature's job line ("Dr. Gregory Hairston, Principal, ...")."""
    if ROLE_GREETED.search(text, max(0, role.start() - 20), role.start()):
        return True
    opening = text[sentence_around(text, role.start(), role.start())[0]:role.start()]
    return role.group()[:1].isupper() and role.group().rstrip().endswith(",") and \
        OPENING_WORDS.fullmatch(opening) is not None
