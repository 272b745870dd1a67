"""People and works a class studies ("Harriet Tubman", "Romeo and Juliet", data/famous.txt):
their words are blocked, a lesson's topic and no student's name, unless the name is said of
a child or is part of a longer name."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.masking.lexicon import lexicon
from bot.masking.student_cues import (
    ASIDE,
    CUE_BEFORE,
    GRADE_SAID_AFTER,
    ID_AFTER,
    KIN_JUST_BEFORE,
    SIGN_IN_TROUBLE,
)

if TYPE_CHECKING:
    from bot.masking.words import Word

# What is said of a student, not of a lesson's topic, right after the name: "Harriet Tubman
# forgot her password", "... can't log in", "...'s Chromebook" (stop 67; before, a listed name
# was kept whatever was said of it).
STUDENTS_AFTER = re.compile(
    r"\s+(?:can['’]?t|cannot|can\s+not|couldn['’]?t|"
    # not "at Booker T. Washington won't do touch", a school (a blind corpus's)
    r"(?:won['’]?t|wont|doesn['’]?t|didn['’]?t)\s+(?:log|sign)|needs|forgot|"
    r"is\s+(?:locked|absent)|was\s+(?:absent|locked)|has\s+(?:a|an|no|her|his)|"
    r"no\s+puede|olvid[oó])\b|"
    r"['’]s?\s+(?:chromebook|ipad|laptop|login|password|account|charger|device|email|mom|"
    r"dad|mother|father|parents?|guardian)\b|"
    # a grade in brackets; not a period, which a lesson is taught in too ("teach Rosa Parks
    # 3rd period": red team RR's), nor a grade ("reading Prince Caspian in 5th grade")
    r"\s*\(\s*\d{1,2}(?:st|nd|rd|th)\s*\)", re.IGNORECASE)


def famous_removed(text: str, words: list[Word]) -> list[Word]:
    """Words of a famous person's or work's name ("Harriet Tubman", "Romeo and Juliet") are
    blocked: a class studying them is no student, unless a student's cue follows the name."""
    lex = lexicon()
    blocked: set[int] = set()
    folded = [w.folded for w in words]
    for i in range(len(words)):
        if folded[i] not in lex.famous_first:
            continue
        for n in range(min(lex.famous_longest, len(words) - i), 1, -1):
            if " ".join(folded[i:i + n]) in lex.famous:
                # "muhammad ali khan" is a student, not the boxer, and "Lincoln Standing Bear"
                # a school, not the chief; a word in another case is no third name ("Amelia
                # Earhart flight-path lesson")
                longer = (i + n < len(words) and name_beside(words[i + n - 1], words[i + n],
                                                             words[i + n])) \
                    or (i > 0 and name_beside(words[i - 1], words[i], words[i - 1]))
                if not longer and not students_after(text, words[i + n - 1].end) \
                        and not students_before(text, words[i].start):
                    blocked.update(range(i, i + n))
                break
    if not blocked:
        return words
    return [w._replace(blocked=True) if i in blocked else w for i, w in enumerate(words)]


def name_beside(left: Word, right: Word, outer: Word) -> bool:
    """Two words one space apart, in the same case, the outer of them a name and no word."""
    lex = lexicon()
    return right.start - left.after == 1 and (left.shape == "lower") == (
        right.shape == "lower") and outer.known and outer.score > 0 \
        and outer.folded not in lex.words and outer.folded not in lex.not_names


def students_after(text: str, end: int) -> bool:
    """A student's cue follows a name ending at `end`: an id, a note in brackets, a child's
    grade or trouble, a parent (not a class: "reading Prince Caspian in 5th grade")."""
    return any(cue.match(text, end) for cue in (ID_AFTER, ASIDE, GRADE_SAID_AFTER, STUDENTS_AFTER,
                                                 SIGN_IN_TROUBLE))


def students_before(text: str, start: int) -> bool:
    """A student's cue just before a name starting at `start`: "my student", "new student",
    "kid named", "his mom is" (red team PP's, stop 67: a cue before was not read)."""
    return any(cue.end() == start for cue in CUE_BEFORE.finditer(text, max(0, start - 80), start)) \
        or KIN_JUST_BEFORE.search(text, max(0, start - 30), start) is not None
