"""A roster's "last, first" where a list's line starts or after "for", in any case:
"enrollment pending for huamani, kevin and tsosie, ashley", "1. Tsosie, K (gr 3) - no
audio", "ramirez, e - chromebook #5530" (a blind corpus's and a red team's, stop 59). Where
else a "Rodriguez, Jaden" is a roster's, cued.inverted decides."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.masking.cued import OPENING
from bot.masking.lowercase import FOR_SOMEONE
from bot.masking.spans import Span
from bot.masking.words import AMBIGUOUS, FIRST, SURNAME, Word, adjacent

# A greeting or thanks before someone's name is no family's: "thx, Dana", "Obrigada, Tiago",
# "Mahalo, Kevin" (red teams', stop 59); cued.OPENING's and more.
GREETINGS = OPENING | {"tx", "ty", "cheers", "obrigada", "obrigado", "merci", "bye", "ok", "okay",
                       "sorry", "yo", "mahalo", "aloha", "ciao", "namaste", "salaam", "shalom",
                       "bonjour", "hallo", "howdy", "hiya", "welcome", "congrats", "morning",
                       "evening", "afternoon", "haha", "hmm", "hm", "thnx", "thanx", "tks",
                       "atentamente", "saludos", "talofa", "lol", "ugh", "oops", "yep", "yup",
                       "sincerely", "regards", "cordialmente"}
# Where a list's line starts ("- ", "* ", "1. ", "2) "), or after a colon ("students:", "cart
# 3:").
LINE_START = re.compile(r"(?:(?:^|\n)[ \t]*(?:[-*•]|\d{1,3}[.)])?|:)[ \t]*$")
# What ends a roster's entry: a separator, a bracket, the line's end (a comma after an
# initial only), or another entry after "and"; never a question or a cry ("is the cart for
# olympus, kevin?", "Obrigada, Tiago!"), nor a list of single names ("for kearns, hunter and
# granger": schools).
ENTRY_ENDS = re.compile(r"\.?(?:\s*(?:[-–—:|(#;]|$)|,?\s+(?:(?:and|&|y)\s+)?[^\s,]+,\s|"
                        r"\.(?:\s|$))", re.MULTILINE)
# What carries a roster on from the entry before: "huamani, kevin; tsosie, ashley", "tsosie,
# ashley, begay, kevin, and yazzie, maria".
LIST_GOES_ON = re.compile(r"\s*(?:;|,|,?\s*(?:and|&|y)\s)\s*(?:(?:and|&|y)\s+)?$")


def roster_lines(text: str, words: list[Word]) -> Iterator[Span]:
    """Each "last, first" (or "last, initial", or with a middle initial) that starts a line
    or a list, or follows "for", and those listed after it."""
    listed_until = -1  # where the last entry found ends, so that "and tsosie, ashley" counts
    for i in range(len(words) - 1):
        surname, first = words[i], words[i + 1]
        if text[surname.after:first.start] != ", " or not family_word(surname) or \
                not first_or_initial(first) or (surname.given and first.given):
            continue  # "liam, ava and noah can't see the quiz": first names, listed
        before = words[i - 1] if i else None
        after_for = bool(before and adjacent(text, before, surname)
                         and before.folded in FOR_SOMEONE)
        placed = bool(LINE_START.search(text, 0, surname.start)) or (
            after_for and surname.score >= SURNAME) or bool(  # not "for olympus, kevin."
            listed_until >= 0 and LIST_GOES_ON.fullmatch(text, listed_until, surname.start))
        end = entry_end(text, words, i + 1)
        known = surname.score >= SURNAME and first.score == FIRST  # "tsosie, ashley needs"
        initial = len(text[first.start:end]) <= 2
        if placed and (ENTRY_ENDS.match(text, end) or (initial and text.startswith(",", end))
                       or (known and not after_for)):
            listed_until = end
            yield Span(surname.start, end, "name")


def entry_end(text: str, words: list[Word], k: int) -> int:
    """Where an entry whose first name is word k ends: after its period if an initial, after
    a middle initial ("huamani, kevin j - no audio")."""
    first = words[k]
    nxt = words[k + 1] if k + 1 < len(words) else None
    if len(first.text) > 1 and nxt and len(nxt.text) == 1 and nxt.text.isalpha() and \
            adjacent(text, first, nxt):
        first = nxt
    return first.end + 1 if len(first.text) == 1 and text.startswith(".", first.end) \
        else first.end


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
