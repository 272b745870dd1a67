"""What marks a text as carrying an erased person: their full name, and whole texts of theirs
the erase took out, found as whole words.

Short marks would mean others: a one-word name ("Eve") is in "every" and "Eve Adams", a
one-word question ("password") in every password article; an erase must never take out
what other people wrote (a red team blanked a coach's draft and held back a colleague's
reply by erasing a teacher named Eve, stop 43).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SHORTEST_TEXT = 20  # characters, and
FEWEST_WORDS = 3  # words, of a text of theirs looked for whole
NAME_WORDS = 2  # a name is looked for only as first and last name (or longer)


class Traces:
    """An erased person's marks, to find in or take out of other texts."""

    def __init__(self, names: Iterable[str], texts: Iterable[str]) -> None:
        marks = {n.strip().casefold() for n in names if len(n.split()) >= NAME_WORDS}
        marks |= {t.strip().casefold() for t in texts
                  if len(t.strip()) >= SHORTEST_TEXT and len(t.split()) >= FEWEST_WORDS}
        # Longest first, so a whole text goes before a name inside it.
        alternatives = sorted(marks, key=len, reverse=True)
        self._pattern = re.compile("|".join(rf"(?<!\w){re.escape(m)}(?!\w)"
                                            for m in alternatives), re.IGNORECASE) \
            if alternatives else None

    def found_in(self, text: str) -> bool:
        """Whether the text carries one of their marks."""
        return bool(self._pattern and self._pattern.search(text))

    def taken_out(self, text: str, instead: str) -> str:
        """The text with each of their marks replaced by `instead`."""
        return self._pattern.sub(instead, text) if self._pattern else text
