"""Names that their cue marks: whatever follows "my student" or "kid named", and a roster's
"Rodriguez, Jaden"."""

from __future__ import annotations

from collections.abc import Iterator

from bot.masking.cues import CUE_BEFORE, ROLE_BEFORE, SELF
from bot.masking.lowercase import MOST_AFTER_CUE
from bot.masking.spans import Span
from bot.masking.words import AMBIGUOUS, FIRST, SURNAME, Word, adjacent, joinable


def inverted(text: str, words: list[Word]) -> Iterator[Span]:
    """"Rodriguez, Jaden" as rosters write it: a surname alone, a comma, a first name alone."""
    for i in range(len(words) - 1):
        surname, first = words[i], words[i + 1]
        if text[surname.after:first.start] != ", ":
            continue
        alone = (i == 0 or not adjacent(text, words[i - 1], surname)) and (
            i + 2 == len(words) or not adjacent(text, first, words[i + 2]))
        if (alone and text[surname.after:first.start] == ", " and joinable(surname)
                and joinable(first) and surname.score >= SURNAME and first.score == FIRST):
            yield Span(surname.start, first.end, "name")


def after_cues(text: str, words: list[Word]) -> Iterator[Span]:
    """Up to three name-like words right after "my student", "kid named", "goes by"..."""
    cues = {m.end(): m for m in CUE_BEFORE.finditer(text)}
    for i, word in enumerate(words if cues else ()):
        cue = cues.get(word.start)
        if not cue or ROLE_BEFORE.search(text, 0, word.start) or SELF.search(text, 0, word.start):
            continue  # "the rep's name is Kyle", "my name is Ana": grown-ups
        taken: list[Word] = []
        for nxt in words[i:i + MOST_AFTER_CUE]:
            if not cued_name(nxt) or (taken and not adjacent(text, taken[-1], nxt)):
                break
            taken.append(nxt)
        # A word that is also an English word ends a name only after a lowercase cue: "my
        # student Grace", "student Grace Kim", but not "Student View" (a product's name).
        # A quoted word after the cue is a name all the same: "Student 'Storm'".
        if len(taken) == 1 and taken[0].score == AMBIGUOUS and cue[0][0].isupper() \
                and cue[0][-1] not in "'\"“‘":
            taken.pop()
        if taken:
            yield Span(taken[0].start, taken[-1].end, "name")


def cued_name(word: Word) -> bool:
    """A word that, right after "my student", is taken as (part of) a name."""
    if word.shape == "lower":
        return word.known and word.score >= SURNAME and not word.blocked
    if word.shape == "upper" and not (word.known and word.score >= SURNAME):
        return False  # "student ID", "student VLAN"
    return joinable(word)
