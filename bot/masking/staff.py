"""The district's own staff, by the names the platforms know them by: a name the rules would
hide is kept when it is a colleague's and no student's cue stands beside it. By default
(PREPBOT_MASKING_STAFF=whole) only a whole name counts ("Dana Whitfield"). At `context` a
first name, nickname or family name alone does too, for staff Slack lists, where the words
of its sentence lean grown-up in a text that speaks of no child ("Dana said the copier is
jammed"); red teams got students through it. At `all` one word anywhere, which spares far
more colleagues and far more students who share their names (docs/masking.md, "the
fifteenth round" and "Stop 60"). The names
come from everyone Slack and Teams have shown prepbot (bot/people/staff_names.py keeps them
current on every replica); a student who shares a colleague's name is still hidden wherever
a cue says it is a student ("my student Marcus Bell", "Marcus Bell in 4th period")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from nicknames import NickNamer

from bot.masking.cues import CHILD_NOUN
from bot.masking.grown_ups import words_lean_grown_up
from bot.masking.lexicon import fold, lexicon
from bot.masking.signatures import signs_off
from bot.masking.spans import Span, sentence_around
from bot.masking.staff_addresses import know_staff_addresses
from bot.masking.student_cues import FAMILY_WORD
from bot.masking.student_marks import student_cued

# What a display name carries besides the name: "(she/her)", " - 7th Science", " | ELL".
ASIDES = re.compile(r"\([^)]*\)|\[[^\]]*\]|\s[-–—|/]\s.*$")
# Titles a display name carries ("Dr. Imani Reyes-Cole", "Coach Tony Russo"). Fewer than
# cues.TITLES, whose "Don", "Dean" and "Judge" are first names in a directory.
TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "coach", "sr", "sra", "srta", "prof", "profe",
          "sir", "maam"}
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
POSSESSIVE = re.compile(r"['’]s?$")
# What a sentence says only when the name in it is a student's, though a colleague has it:
# "Jerome Yazzie ... the student, not our Jerome", "is the 11th grader", "the kid who has
# your exact name".
STUDENT_SAID = re.compile(r"\bthe\s+(?:student|kid|child)(?=\s*[,)—–-]|\s+(?:who|not)\b)|"
                          r"\b\d{1,2}(?:st|nd|rd|th)\s+grader\b|\bnot\s+our\s+[A-Z]",
                          re.IGNORECASE)
# A text that speaks of a child, a family or a child's school life anywhere: a colleague's
# first name alone is not spared in it for the words around it ("one kid needs a channel for
# his speech practice. - Marcus", "Nurse here. Maya has type 1 diabetes": red teams', stop 60).
CHILD_TALK = re.compile(
    CHILD_NOUN.pattern + r"|\b(?:enrollee|readers?|scholars?|freshm[ae]n|sophomores?|juniors?|"
    r"seniors?|siblings?|(?:one|some|two|both|each|any)\s+of\s+(?:mine|my|our|the)|"
    r"these\s+(?:two|three|four|five)|brothers?|sisters?|cousins?|nephews?|nieces?|parents?|"
    r"families|iep|504|bip|nurse|counselor|counsel+ing|social\s+worker|suspen\w+|detention|"
    r"referral|expelled|discipline|diabet\w+|seizures?|allerg\w+|self-?harm|threat\w*|"
    r"bully\w*|custody|foster|absent|tardy|truan\w+|recess|homework|grades?|report\s+card|"
    # where a child comes and goes, and what a child borrows (a second red team's, AZ)
    r"withdr[ae]w\w*|transferr?(?:ed|ing|s)?|enroll?\w*|admits?|moving|moved|lockers?|"
    r"bus|buses|rode|riders?|loaners?|hotspots?|returned)\b", re.IGNORECASE)
# A colleague's line of her own, her grade and school after her whole name, opening the text
# or closing it: "Tiffany Gale, 5th grade, Liberty. Did our IXL licenses run out?", "...
# Tiffany Gale, Grade 5 ELA/SS" (a blind corpus's, stop 66). A student is described so too,
# so only for a whole name the directory holds, the one grade and the one identifier in a text
# that speaks of no child or family, says no "he" or "she" and names no one else alike; and
# no title after the grade ("Marcus Bell, 5th grade, Ms. Gale's class": a red team's, MM).
LINE_OPENS = re.compile(r"(?:^|[.!?]\s+|\n\s*|\s[-–—]\s*)$")
OWN_GRADE = re.compile(r",\s*(?:\d{1,2}(?:st|nd|rd|th)\s+grade|grade\s+\d{1,2}|kinder\w*|pre-?k)"
                       r"(?:\s+[^\W\d_][\w/&]*){0,3}"
                       r"(?:\s*,\s*(?!(?i:mr|mrs|ms|miss|mx|dr)\b)"
                       r"(?-i:[A-Z][^\W\d_]*(?:[ -][A-Z][^\W\d_]*){0,3}))?"
                       r"\s*(?:[.!]+(?=\s)|[.!]*\s*$)", re.IGNORECASE)
GRADES = re.compile(r"\b(?:\d{1,2}(?:st|nd|rd|th)\s+grade|grade\s+\d|grado|kinder)", re.IGNORECASE)
THIRD_PERSON = re.compile(r"\b(?:he|she|him|his|her|hers|they|them|their|él|ella|ellos|ellas|"
                          r"le|les|su|sus|grand(?:son|daughter|child|kid)s?|niet[oa]s?)\b",
                          re.IGNORECASE)
# What a particle's name is known beside only where the text holds none of: a grade, a period,
# a class's code ("G4"; red team MM's: a student sharing "Luis De La Cruz").
CLASS_WORDS = re.compile(r"\b(?:period|grade|grado|hr|homeroom|[gp]\d{1,2})\b|"
                         r"\d(?:st|nd|rd|th|to|vo|ro|do)\b", re.IGNORECASE)
LISTED = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+")
# The small words inside a family name, which the rules leave out of the names they find:
# "Adriana De León" is found as "Adriana" and "León" (a blind corpus's, stop 66).
PARTICLE = re.compile(r"\s+(?:(?i:de|del|de\s+la|de\s+los|la|van|van\s+der|von|da|di|du|dos|"
                      r"das|le|st\.?|ter|ten|bin|al))\s+")


def name_words(name: str) -> list[str]:
    """The folded words of a name, titles and initials left out, a hyphenated name in its
    parts; a "Last, First" display name is turned round: "Alvarez, Jennifer M. (she/her)" ->
    ["jennifer", "alvarez"]."""
    return [w for w in all_words(name) if len(w) > 1 and w not in TITLES]


def all_words(name: str) -> list[str]:
    """The folded words of a name, initials too, its asides left out and its parts turned
    round where a comma comes first."""
    name = ASIDES.sub(" ", name)
    if "," in name:
        last, _, first = name.partition(",")
        name = f"{first} {last}"
    return [fold(w) for w in WORD.findall(POSSESSIVE.sub("", name.strip()))]


@dataclass
class StaffNames:
    """The words of each colleague's name, found by any of them."""

    lone: bool = False  # whether one word alone is a colleague's (PREPBOT_MASKING_STAFF=all)
    # whether one word alone is, where the words around it lean grown-up (=context)
    in_context: bool = False
    people: list[tuple[str, ...]] = field(default_factory=list)
    holders: dict[str, set[int]] = field(default_factory=dict)  # word -> who has it
    # who a directory vouches is staff (Slack's members), not just someone who wrote (a
    # Teams tenant's students write too): only they are known by one word in context
    vouched: set[int] = field(default_factory=set)

    @property
    def count(self) -> int:
        """How many colleagues are known."""
        return len(self.people)

    def add(self, names: Iterable[str], vouched: bool = True) -> None:
        """Learn these display names (of staff a directory vouches for, or not)."""
        for name in names:
            words = name_words(name)
            if len(words) < 2:
                continue  # "Coach T", "jdoe": nothing to tell a colleague from a student by
            for word in {words[0], *nicknames(words[0]), *words[1:]}:
                self.holders.setdefault(word, set()).add(len(self.people))
            if vouched:
                self.vouched.add(len(self.people))
            self.people.append(tuple(w for w in all_words(name) if w not in TITLES))

    def knows(self, said: str, lone: bool | None = None, vouched: bool = False) -> bool:
        """True when `said` (as the rules hid it) is a colleague's whole name, first name or
        family name, with initials that agree ("Grace M." for Grace Mutua, not "Grace O."); an
        English word before it that is no first name, which the rules took for a name of
        someone being asked ("Ask Dana Whitfield", "Tell Whitfield"; not "Mason Wilber"), is
        let go. `lone`: whether one word alone counts (by default, as the level says);
        `vouched`: only colleagues a directory vouches for."""
        lone = self.lone if lone is None else lone
        if LISTED.search(said):  # "Stan, Paul, Megan": each a colleague, or none is
            parts = [p for p in LISTED.split(said) if p.strip()]
            if len(parts) > 2 or not all(len(name_words(p)) == 1 for p in parts):
                return all(self.knows(p, lone, vouched) for p in parts)
        words = all_words(said)
        lex = lexicon()
        if len(name_words(said)) > 1 and words[0] in lex.words and words[0] not in lex.first \
                and self.knows_words(words[1:], lone, vouched):
            return True
        return self.knows_words(words, lone, vouched)

    def knows_words(self, words: list[str], lone: bool, vouched: bool = False) -> bool:
        """True when one colleague's name holds every folded word, and an initial of one of
        its other words (or the initial itself) for every initial."""
        named = [w for w in words if len(w) > 1 and w not in TITLES]
        initials = [w for w in words if len(w) == 1]
        if not named or (len(named) == 1 and not lone):
            return False  # whole names only: "Jaden R." is how students are named
        who = set.intersection(*(self.holders.get(w, set()) for w in named))
        who = who & self.vouched if vouched else who
        return any(all(any(w[0] == i for w in self.people[k] if w not in named) for i in initials)
                   for k in who)


@cache
def nicknamer() -> NickNamer:
    """The table of given names and their nicknames, read once."""
    return NickNamer()


def nicknames(first: str) -> set[str]:
    """What a first name is called, and what a nickname is short for, where both begin
    alike: "jennifer" -> "jen", "jenny"; "jen" -> "jennifer". The table also has John as
    Ian, Ivan and Jack, and William as Bill: names a student may have on their own, so a
    nickname that begins otherwise does not make a colleague of whoever has it."""
    table = nicknamer()
    return {fold(n) for n in table.nicknames_of(first) | table.canonicals_of(first)
            if fold(n)[:2] == first[:2]}


STAFF = StaffNames()  # this process's colleagues; bot/people/staff_names.py fills it


def know_staff(names: Iterable[str], *, afresh: bool = False, unvouched: Iterable[str] = (),
               addresses: Iterable[str] | None = None) -> None:
    """Add display names to the colleagues this process knows (or, afresh, know only them):
    `names` a directory vouches for as staff, `unvouched` those of anyone else who wrote,
    `addresses` the work addresses the directory lists (replacing those known; afresh, none
    unless given)."""
    global STAFF
    known = StaffNames(lone=STAFF.lone, in_context=STAFF.in_context) if afresh else STAFF
    known.add(names)
    known.add(unvouched, vouched=False)
    if addresses is not None or afresh:
        know_staff_addresses(addresses or ())
    STAFF = known  # one assignment: a masking under way sees the old list or the new


def use_staff_names(level: str) -> None:
    """How much of a colleague's name spares it, for the whole process: "whole" names,
    "context" (one word alone too where the words around it lean grown-up) or "all" (one word
    alone anywhere); "off" is the Bot's, which then learns no one."""
    STAFF.lone, STAFF.in_context = level == "all", level == "context"


def forget_staff() -> None:
    """Know no colleague (between tests; with PREPBOT_MASKING_STAFF=off none is learnt)."""
    know_staff([], afresh=True)


def spare_staff(text: str, found: list[Span]) -> list[Span]:
    """The spans found, without the names of colleagues that no student's cue stands beside."""
    staff = STAFF  # read once: a refresh may swap in a new list meanwhile
    if not staff.count:
        return found
    names = [s for s in found if s.kind == "name"]
    halves = particle_halves(text, names, staff) if all(s.kind == "name" for s in found) \
        and not CLASS_WORDS.search(text) else {}
    known = {s for s in names if staff.knows(text[s.start:s.end])} | set(halves)
    if staff.in_context:
        known |= in_grown_up_context(text, [s for s in names if s not in known], staff)
    if not known:
        return found
    # a grade after a signature is the writer's class: "Regards, Eldon Frandsen, 8th Grade
    # Science, John F. Kennedy Junior High" (a blind corpus's, stop 63)
    cued = {s for s in student_cued(text, known, colleagues=True)
            if not signs_off(text, s.start, s.end) and not own_line(text, s, found)}
    spared = {s for s in known - cued
              if not STUDENT_SAID.search(text, *sentence_around(text, s.start, s.end))}
    spared -= also_a_students(text, found, spared)
    spared -= {s for s, other in halves.items() if other not in spared}  # one name, both halves
    return [s for s in found if s not in spared]


def particle_halves(text: str, names: list[Span], staff: StaffNames) -> dict[Span, Span]:
    """The two halves of each colleague's name the rules found apart about its particle
    ("Adriana" and "León" of "Adriana De León"), each mapped to the other."""
    return {s: other for a, b in pairwise(names) if PARTICLE.fullmatch(text, a.end, b.start)
            and staff.knows(text[a.start:b.end]) for s, other in ((a, b), (b, a))}


def own_line(text: str, name: Span, found: list[Span]) -> bool:
    """The whole name opens or closes the text with her grade and school after it, as a
    colleague signs (OWN_GRADE), and nothing else in the text says a student."""
    words = set(name_words(text[name.start:name.end]))
    line = OWN_GRADE.match(text, name.end)
    if len(words) < 2 or line is None or not LINE_OPENS.search(text, max(0, name.start - 4),
                                                                name.start):
        return False
    rest = text[:name.start] + text[line.end():]  # what the text says besides her line
    return not (GRADES.search(rest) or CHILD_TALK.search(rest) or FAMILY_WORD.search(rest)
                or THIRD_PERSON.search(rest)) and not any(
        s.kind != "name" or (s != name and words & set(name_words(text[s.start:s.end])))
        for s in found)


def in_grown_up_context(text: str, names: list[Span], staff: StaffNames) -> set[Span]:
    """The names that are a colleague's by one word alone ("Sarita", "Rosie") where the words
    around them lean grown-up, in a text that speaks of no child."""
    if CHILD_TALK.search(text) or FAMILY_WORD.search(text):
        return set()
    found = set()
    for name in names:
        if staff.knows(text[name.start:name.end], lone=True, vouched=True):
            # its own sentence's words, no others
            start, end = sentence_around(text, name.start, name.end)
            if words_lean_grown_up(text[start:end], name.start - start, name.end - start):
                found.add(name)
    return found


def also_a_students(text: str, found: list[Span], spared: set[Span]) -> set[Span]:
    """The spared names that a name still hidden shows to be a student's: the same name or
    a part of it ("michael tso in 6th grade ... one as Michael Tso", "the Garcia kid ...
    Jaylen Garcia, 10th grade"), or, in a text about a family, a name with its family name
    ("Mai Vang's iPad ... her mom Youa Vang"; "Kevin Wilber's nephew Mason Wilber" says whose
    nephew)."""
    hidden = {tuple(name_words(text[s.start:s.end])) for s in found if s.kind == "name"
              and s not in spared}  # each name once: a long text repeats them
    holding: dict[str, list[frozenset[str]]] = {}
    for name in hidden:
        for word in name:
            holding.setdefault(word, []).append(frozenset(name))
    families = {w for name in hidden for w in name[1:]} if FAMILY_WORD.search(text) else set()
    return {s for s in spared if (words := name_words(text[s.start:s.end])) and (
        families.intersection(words[1:])
        or any(set(words) <= other for other in holding.get(words[0], ())))}
