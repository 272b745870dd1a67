"""What marks a name a student's whatever the model or a district's lists say of it: a cue
beside it, a family's word, a sentence said only of students (grown_ups.py, staff.py and
schools.py ask before they keep a name)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from bot.masking.cued import after_cues, bracket_after_child, families, inverted
from bot.masking.lowercase import lowercase_cued
from bot.masking.people import APPOSED
from bot.masking.spans import Span
from bot.masking.student_cues import (
    ASIDE,
    BELONGINGS,
    CHILD_BELONGINGS,
    CLASS_SAID_AFTER,
    CUE_AFTER,
    FAMILY_AFTER,
    GRADE_SAID_AFTER,
    ID_AFTER,
    KIN_JUST_BEFORE,
    SIBLINGS,
    SIGN_IN_TROUBLE,
)
from bot.masking.words import words_of

# What a sentence says only of a student, in the first-name corpora 5 to 30 times as often
# of students as of grown-ups: a name in such a sentence is never spared, however old the
# name ("Denise was absent", "Brian finished the state test early", "Karen's Clever badge").
STUDENT_TALK = re.compile(
    r"\b(?:absent|recess|accommodations?|benchmark|homework|(?:his|her|their)\s+grades|"
    r"parent\s+portal|moved\s+here|new\s+to\s+(?:my|our|the)\s+class|test|extra\s+time|"
    r"(?:clever|qr)\s+badges?|kicked\s+off|threw\s+up|has\s+a\s+504|(?:in|during)\s+class|"
    r"sharing)\b", re.IGNORECASE)
SENTENCE = re.compile(r"[^.!?\n]*[.!?\n]*")


def student_cued(text: str, names: set[Span], colleagues: bool = False,
                 talked: bool = True) -> set[Span]:
    """The names a student's cue stands beside: one before ("my student", "kid named"), a
    bracket a child gets, a grade or a period, an id, trouble signing in, a pronoun put beside
    it, a possessive before a student's belonging, or a sentence only said of students. A
    first name the lists know is hidden by the rules before these are asked, so they are
    asked here. For names the staff directory holds (`colleagues`), what a colleague shares
    with a student is no cue: a roster's "Last, First" (Teams writes names so), trouble
    signing in, a pronoun beside it ("ask Luis, he set it up"), a laptop, an account or a
    password, and a sentence about tests or absences ("Kakkak, Joseph requested access ... as
    a test administrator"). Without `talked`, a sentence only said of students is no cue: a
    school's name as a place, whose sentence schools.py weighs ("trouble sharing my screen ...
    at Ella Risk")."""
    words = words_of(text, [])
    cues = [*after_cues(text, words), *families(text, words), *bracket_after_child(text, words),
            *lowercase_cued(text, words), *([] if colleagues else inverted(text, words))]
    after = (CLASS_SAID_AFTER if colleagues else CUE_AFTER, ASIDE, ID_AFTER, GRADE_SAID_AFTER,
             *([] if colleagues else [SIGN_IN_TROUBLE, APPOSED]))
    belongings = CHILD_BELONGINGS if colleagues else BELONGINGS
    talk = students_talk(text) if talked and not colleagues else (lambda at: False)
    cued = set()
    for name in names:
        end = name.end + 2 if text.startswith(("'s", "’s"), name.end) else name.end
        if any(name.overlaps(c) for c in cues) or any(p.match(text, name.end) for p in after) \
                or (end > name.end and belongings.match(text, end)) or talk(name.start) \
                or KIN_JUST_BEFORE.search(text, max(0, name.start - 30), name.start) \
                or a_familys(text, name):
            cued.add(name)
    return cued


def a_familys(text: str, name: Span) -> bool:
    """"the Tso family", "The Osei kids", "tso family needs a hotspot": a family of students,
    though a colleague shares its name (their children are students all the same)."""
    return bool(SIBLINGS.match(text, name.end)) or (
        text[max(0, name.start - 4):name.start].lower() == "the "
        and FAMILY_AFTER.match(text, name.end) is not None)


def students_talk(text: str) -> Callable[[int], bool]:
    """Whether text[at] is in a sentence (or line) said only of students; the text is split
    once, so that a long one naming many people costs no more than a short one each."""
    spans = [m.span() for m in SENTENCE.finditer(text) if m.group() and STUDENT_TALK.search(
        m.group())]
    starts = [a for a, _ in spans]

    def holds(at: int) -> bool:
        k = bisect_right(starts, at) - 1
        return k >= 0 and at < spans[k][1]
    return holds
