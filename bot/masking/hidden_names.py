"""The names masking hid in a text, as they were written, each marked when it is surely a
student's: what a ticket's writer may be offered to show back as a colleague's
(bot/features/tickets/unhiding.py). Marked: a name beside a cue no colleague shares ("my
student Jaden", "Jaden in 3rd period"), beside an id number ("Jaden Smith 2045678"), or in a
sentence that speaks of a child ("Jaden, a 3rd grader", "Jaden is my student"), and every
other spelling or part of a marked name ("JADEN", "Smith" after "my student Jaden Smith")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from bot.masking.cues import CHILD_NOUN
from bot.masking.spans import Span, sentence_around
from bot.masking.student_marks import student_cued

# A sentence about a child, beyond CHILD_NOUN: "Jaden - 3rd period -", "in my homeroom".
CHILD_SENTENCE = re.compile(CHILD_NOUN.pattern + r"|\b(?:period|homeroom|hr)\b", re.IGNORECASE)
NEAR_ID = 4  # characters between a name and an id number that make the id the name's
WORD = re.compile(r"[^\W_]+")


class HiddenName(NamedTuple):
    """A name hidden in a text, as it was written, and whether it is surely a student's."""

    name: str
    cued: bool


def names_hidden(text: str, spans: Sequence[Span]) -> tuple[HiddenName, ...]:
    """Each name hidden in `text` (of `spans`), in order."""
    names = [s for s in spans if s.kind == "name"]
    ids = [s for s in spans if s.kind == "id number"]
    marked = student_cued(text, set(names), colleagues=True) | {
        s for s in names if CHILD_SENTENCE.search(text, *sentence_around(text, s.start, s.end))
        or any(-NEAR_ID <= i.start - s.end <= NEAR_ID or -NEAR_ID <= s.start - i.end <= NEAR_ID
               for i in ids)}
    students = {w for s in marked for w in words_of(text[s.start:s.end])}
    return tuple(HiddenName(text[s.start:s.end],
                            s in marked or bool(words_of(text[s.start:s.end]) & students))
                 for s in names)


def words_of(name: str) -> set[str]:
    """A name's words, folded ("JADEN Smith" -> {"jaden", "smith"})."""
    return {w.casefold() for w in WORD.findall(name)}
