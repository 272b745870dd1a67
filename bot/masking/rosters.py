"""A roster's "last, first" where a list's line starts or after "for", in any case:
"enrollment pending for huamani, kevin and tsosie, ashley", "1. Tsosie, K (gr 3) - no
audio", "ramirez, e - chromebook #5530" (a blind corpus's and a red team's, stop 59). Where
else a "Rodriguez, Jaden" is a roster's, cued.inverted decides."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.masking.spans import Span
from bot.masking.words import AMBIGUOUS, Word, adjacent

FOR_SOMEONE = {"for", "para"}
# A greeting or thanks before someone's name is no family's: "thx, Dana", "Obrigada, Tiago".
GREETINGS = {"hi", "hey", "hello", "dear", "thanks", "thx", "tx", "ty", "cheers", "hola",
             "gracias", "obrigada", "obrigado", "merci", "bye", "ok", "okay", "sorry", "yo"}
LISTING = {"and", "&", "y"}
# Where a list's line starts: "- ", "* ", "1. ", "2) ".
LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:[-*•]|\d{1,3}[.)])?[ \t]*$")
# What ends a roster's entry: a separator, a bracket, a list going on, the line's end (a
# comma after an initial only); never a question or a cry ("is the cart for olympus,
# kevin?", "Obrigada, Tiago!").
ENTRY_ENDS = re.compile(r"\.?(?:\s*(?:[-–—:|(#,;]|$)|\s+(?:and|&|y)\s|\.(?:\s|$))", re.MULTILINE)


def roster_lines(text: str, words: list[Word]) -> Iterator[Span]:
    """Each "last, first" (or "last, initial") that starts a line or follows "for", and
    those listed after it with "and"."""
    listed_until = -1  # where the last entry found ends, so that "and tsosie, ashley" counts
    for i in range(len(words) - 1):
        surname, first = words[i], words[i + 1]
        if text[surname.after:first.start] != ", " or not family_word(surname) or \
                not first_or_initial(first) or (surname.given and first.given):
            continue  # "liam, ava and noah can't see the quiz": first names, listed
        before = words[i - 1] if i else None
        placed = bool(LINE_START.search(text, 0, surname.start)) or bool(
            before and adjacent(text, before, surname) and (
                before.folded in FOR_SOMEONE
                or (before.folded in LISTING and 0 <= before.start - listed_until <= 2)))
        end = first.end + 1 if text.startswith(".", first.end) and len(first.text) == 1 \
            else first.end
        if placed and ENTRY_ENDS.match(text, end) and not (
                len(first.text) > 1 and text.startswith(",", end)):  # "Minji, Daniel, and"
            listed_until = end
            yield Span(surname.start, end, "name")


def family_word(word: Word) -> bool:
    """A word that can be a family's name, typed in any case: no English word, app or
    initial."""
    return word.folded not in GREETINGS and len(word.text) >= 3 and \
        word.score > AMBIGUOUS and not (word.wordlike or word.product or word.stop
                                        or word.blocked or word.possessive)


def first_or_initial(word: Word) -> bool:
    """A first name the lists know (even one that is also a word: "maria") or an initial."""
    if len(word.text) == 1:
        return word.text.isalpha()
    return word.given and not (word.product or word.stop or word.blocked)
