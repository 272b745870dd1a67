"""The district's own schools, by the names its admins gave them (`/prepbot schools add`): a
name the rules would hide is kept when it names one of them and no student's cue stands
beside it ("Wifi is down at Red Wash again", "the Toussaint Louverture K-8 office"). Schools
are so often named for people that a school's name is the largest single kind of ordinary
text the rules alter (docs/privacy.md, "What is altered, by kind"). A student who shares a
school's name is still hidden: a lone first name is never taken for a school ("Lincoln" of
Lincoln Trail Elementary), nor one that a student's cue stands beside, nor a name with a word
no school has ("Marcus Lincoln")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.masking.grown_ups import student_cued
from bot.masking.lexicon import fold, lexicon
from bot.masking.spans import Span

# The words that say what kind of school it is, not which: "Red Wash Elementary School".
KINDS = {"elementary", "middle", "high", "school", "schools", "academy", "center", "centre",
         "charter", "magnet", "intermediate", "primary", "junior", "senior", "early",
         "childhood", "learning", "community", "alternative", "preparatory", "prep", "campus",
         "es", "ms", "hs", "jr", "sr", "k", "the", "of", "at", "and", "escuela", "primaria",
         "secundaria"}
WORD = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)*")
POSSESSIVE = re.compile(r"['’]s?$")


def school_words(name: str) -> tuple[str, ...]:
    """The folded words of a school's name, in order: "Piñon Flats Elementary" ->
    ("pinon", "flats", "elementary")."""
    return tuple(fold(POSSESSIVE.sub("", w)) for w in WORD.findall(name))


class SchoolNames:
    """The words of each school's name that tell it from the others."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        self.schools = [words for words in map(school_words, names)
                        if any(w not in KINDS and not w.isdigit() for w in words)]

    def names(self, said: str) -> bool:
        """True when `said` (as the rules hid it) is a school's name or the part of it that
        people say: every word is the school's, and it holds the school's last own word, or
        is its one own word that is no first name ("Lincoln Trail", "Louverture", "Cedar
        Mesa"; not "Rosa" of Rosa Parks Elementary)."""
        said_words = school_words(said)
        if not said_words:
            return False
        for school in self.schools:
            own = [w for w in school if w not in KINDS and not w.isdigit()]
            if set(said_words) <= set(school) and (own[-1] in said_words or (
                    said_words == (own[0],) and own[0] not in lexicon().first)):
                return True
        return False


SCHOOLS = SchoolNames()  # this process's schools; bot/schools/names.py fills it


def know_schools(names: Iterable[str]) -> None:
    """Know these schools, and only them, from now on."""
    global SCHOOLS
    SCHOOLS = SchoolNames(names)  # one assignment: a masking under way sees old or new


def spare_schools(text: str, found: list[Span]) -> list[Span]:
    """The spans found, without the names of the district's schools that no student's cue
    stands beside."""
    schools = SCHOOLS  # read once: a refresh may swap in a new list meanwhile
    if not schools.schools:
        return found
    named = {s for s in found if s.kind == "name" and schools.names(text[s.start:s.end])}
    spared = named - student_cued(text, named) if named else set()
    return [s for s in found if s not in spared]
