"""A run of capitalised words that names a place, not a person: "the Jefferson room", "at
Jefferson", "San Antonio", "Georgia Milestones", "I'm at Lucy Laney"."""

from __future__ import annotations

import re

from bot.masking.cues import PERSONAL, PLACE_STARTS, PLACES, PLACES_ANY_CASE, STATE_AFTER, STATES
from bot.masking.spans import sentence_around
from bot.masking.student_cues import CUE_AFTER
from bot.masking.things import saint
from bot.masking.words import WEAK, Word, adjacent

ROOMS = {"room", "rm", "classroom", "salón", "salon", "aula", "sala"}
MOVED_FROM = re.compile(r"\b(?:moved|moving|transferred|transferring|came|relocated)\s+"
                        r"(?:here\s+|over\s+)?(?:from|to)\s+$", re.IGNORECASE)
# Where a grown-up comes from is a place or a firm: "the volunteer from Enoch Pratt", "the
# guy from Grand Stage" (not "the kid from Maya's class", a possessive).
SOMEONE_FROM = re.compile(r"\b(?:volunteers?|reps?|guy|lady|folks|people|someone|somebody|"
                          r"presenters?|trainers?|techs?|crew|installers?|inspectors?|"
                          r"speakers?|vendors?)\s+from\s+(?:the\s+)?$", re.IGNORECASE)
# Where a group is, in words of any number: "~20 kids at Lincoln North Star", "staff at Rosa
# Parks Elementary" (a child is never where a group of people is). Not "us", tried at stop 64
# and taken out: "Mom emailed us from Jaylen Brooks account", "Just us in Jaylen Brooks group
# today" (red teams', II and JJ).
GROUP_AT = re.compile(r"\b(?:kids|students|staff|teachers|families|parents|classes|everyone|"
                      r"folks|people|classrooms|schools)\s+(?:at|in|from)\s+$", re.IGNORECASE)
# The team a game is played against is a school's: "Friday's game vs. Lamar" (not "a Blooket
# game vs. Renata (she's won 5 in a row", nor a full name: "a match against Yandiel Rosario").
VERSUS = re.compile(r"\b(?:games?|match(?:es)?|meets?|scrimmages?|tournaments?|playoffs?|"
                    r"matchups?)\s+(?:vs\.?|versus|against)\s+$", re.IGNORECASE)
AT_PLACE = re.compile(r"\b(?:at|in|en|across|into)\s$")  # "soy sub en Roosevelt" too
# "I'm at Lucy Laney", "soy maestra en Andersen": where the writer works is a school.
WRITER_AT = re.compile(r"\b(?:i['’]?m|i\s+am|i\s+work|we['’]re|we\s+are|soy\s+\w+|trabajo)\s+"
                       r"(?:at|en)\s+$", re.IGNORECASE)
# A Spanish school's name after its words in any case: "la escuela primaria Roosevelt".
NYC_SCHOOL = r"(?-i:\b(?:P\.S\.|I\.S\.|M\.S\.|J\.H\.S\.))\s?\d{1,3}"
SCHOOL_WORDS = re.compile(r"\b(?:escuela|primaria|secundaria|colegio|preparatoria|academia|"
                          r"instituto)\s+$|"
                          # New York's numbered schools: "P.S. 13 Clement C. Moore", "M.S. 45"
                          rf"{NYC_SCHOOL}\s+$", re.IGNORECASE)
# What makes a name after a school's own word a child's: "New admit at P.S. 86 Jaden Smith",
# "I.S. 230 Maya Lopez needs her DOE login reset" (a red team's, AZ).
CHILD_IN_SENTENCE = re.compile(r"\b(?:he|she|him|his|her|kid|child|student|admit|enroll\w*|"
                               r"swaps?|loaners?|alumn[oa]|estudiante|niñ[oa]|su)\b",
                               re.IGNORECASE)
# A school named by its staff: "Roosevelt and Franklin teachers are asking me".
STAFFED = {"teachers", "staff", "faculty"}
# A campus named by its direction after a place's word: "at Putnam City West" (a blind
# corpus's, stop 64), "Lincoln High East".
DIRECTIONS = {"north", "south", "east", "west", "central", "northeast", "northwest",
              "southeast", "southwest"}
# Places named "new" in Spanish: "hora de Nueva York", "Nuevo León" (not "Nuevo Ingreso Mateo
# Hernández", a new student: red teams', stop 56).
NEW_PLACES = {("nueva", "york"), ("nuevo", "leon"), ("nuevo", "mexico"), ("nueva", "jersey"),
              ("nueva", "orleans"), ("nuevo", "laredo"), ("nueva", "zelanda")}


def placed(text: str, words: list[Word], first: int, last: int) -> bool:
    """A run before a place ("the Jefferson room", "the Roosevelt and Lincoln classrooms") or
    alone after "at" or "in" ("at Jefferson", "in Madison": a child is rarely in or at)."""
    after = words[last + 1] if last + 1 < len(words) else None
    if after and last > first and after.folded in ROOMS and re.match(r"\s*#?\d", text[
            after.after:]):
        return False  # "LUNA GARCIA rm 11": a person in a numbered room, not a room's name
    if after and adjacent(text, words[last], after) and (
            after.folded.rstrip("s") in PLACES_ANY_CASE or after.folded in PLACES_ANY_CASE
            or (after.shape != "lower" and after.folded in PLACES and not saint(text, after))
            or after.folded in STAFFED):
        return True
    if last == first + 1 and (words[first].folded, words[last].folded) in NEW_PLACES:
        return True
    if first == last and first and words[first].folded in DIRECTIONS and adjacent(
            text, words[first - 1], words[first]) and words[first - 1].folded in PLACES \
            and words[first - 1].shape == "title":
        return True
    if (last > first and words[first].folded in PLACE_STARTS) or (
            not words[last].possessive and STATE_AFTER.match(text, words[last].after)):
        return True  # "San Antonio", "Washington DC"
    # "Austin Community College": one more capitalised word before the place's word
    second = words[last + 2] if last + 2 < len(words) else None
    if after and second and after.shape == "title" and adjacent(text, words[last], after) \
            and adjacent(text, after, second) and second.folded in PLACES \
            and second.shape != "lower":
        return True
    if first == last and words[first].folded in STATES and not words[last].possessive and \
            MOVED_FROM.search(text, max(0, words[first].start - 30), words[first].start):
        return True  # "She moved here from Texas"
    if words[first].folded in STATES and (all(w.score < WEAK for w in words[first + 1:last + 1])
                                          if last > first else state_before(text, words, last)) \
            and not CUE_AFTER.match(text, words[last].after):
        return True  # "Georgia Milestones", "Virginia SOL"; not "Dakota Fields, age 9"
    if first == last and second and after and text[:words[first].start].lower().endswith(
            "the ") and after.shape == "lower" and adjacent(text, words[last], after) \
            and adjacent(text, after, second) and second.folded in PLACES_ANY_CASE:
        return True  # "the Raleigh field trip", "the Madison computer lab"
    if SCHOOL_WORDS.search(text, max(0, words[first].start - 14), words[first].start) and not \
            CHILD_IN_SENTENCE.search(text, *sentence_around(text, words[first].start,
                                                             words[first].end)):
        return True
    if not words[last].possessive and WRITER_AT.search(text, max(0, words[first].start - 30),
                                                       words[first].start):
        return True
    if GROUP_AT.search(text, max(0, words[first].start - 30), words[first].start) and \
            not words[last].possessive:
        return True
    if (first == last and VERSUS.search(text, max(0, words[first].start - 30), words[first].start)
            and not PERSONAL.search(text[words[last].end:].split(".")[0])) or (
            not words[last].possessive and SOMEONE_FROM.search(
                text, max(0, words[first].start - 30), words[first].start)):
        return True
    return first == last and not words[last].possessive and (bool(AT_PLACE.search(
        text, max(0, words[first].start - 8), words[first].start)) or from_after_name(
        text, words, first))


def from_after_name(text: str, words: list[Word], first: int) -> bool:
    """One word after a first name and "from" is where that person is from: "Steve from
    Lincoln said to call", "Maya from Jefferson"."""
    if first < 2 or words[first - 1].text != "from":
        return False
    person = words[first - 2]
    return person.given and person.shape == "title" and text[person.after:words[
        first].start] == " from "


# What a state's name comes before, lowercase: "my Alaska history videos" (not "time": "give
# Georgia time on the Chromebook" is a girl's).
STATE_THINGS = {"history", "studies", "standards", "law", "laws", "state", "geography",
                "testing", "assessment", "certification", "license", "residency", "weather"}


def state_before(text: str, words: list[Word], last: int) -> bool:
    """A state's name before a capitalised word that is no name, an acronym, or a word of
    what a state has."""
    after = words[last + 1] if last + 1 < len(words) else None
    return bool(after and adjacent(text, words[last], after) and not after.stop
                and (after.shape == "upper" or (after.shape == "title" and after.score < WEAK)
                     or (after.shape == "lower" and after.folded in STATE_THINGS)))
