"""What marks a text as carrying an erased person: their full name, and whole texts of theirs
the erase took out, found as whole words.

Short marks would mean others: a one-word name ("Eve") is in "every" and "Eve Adams", a
one-word question ("password") in every password article; an erase must never take out
what other people wrote (a red team blanked a coach's draft and held back a colleague's
reply by erasing a teacher named Eve, stop 43). So a name made of everyday words is found
only with its capitals ("Will Power", never "will power on": bot/name_marks.py), and a short
text of hers is not looked for in a notice a colleague's own turn planned: he may ask in the
same words (stop 50).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.name_marks import NAME_WORDS, names_pattern

SHORTEST_TEXT = 20  # characters, and
FEWEST_WORDS = 3  # words, of a text of theirs looked for whole
SHORTEST_OPENING = 120  # characters of a text of theirs cut short (a title cut at 200)
REMOVED = "(removed at the request of the teacher who wrote it)"  # what stands in their place


class Traces:
    """An erased person's marks, to find in or take out of other texts."""

    def __init__(self, names: Iterable[str], texts: Iterable[str],
                 person_id: int | None = None) -> None:
        self.person_id = person_id  # whose marks: a copy of someone else's row keeps its words
        self._texts = {_folded(t) for t in texts
                       if len(t.strip()) >= SHORTEST_TEXT and len(t.split()) >= FEWEST_WORDS}
        self._words = _any_of(self._texts)
        self._long = _any_of({t for t in self._texts if len(t) >= SHORTEST_OPENING})
        self._names = names_pattern(n for n in names if len(n.split()) >= NAME_WORDS)

    def found_in(self, text: str, by_another: bool = False) -> bool:
        """Whether the text carries one of their marks; `by_another`: in something another
        person's turn wrote, where only her name or a long text of hers says it is hers."""
        texts = self._long if by_another else self._words
        return any(p is not None and p.search(text) for p in (self._names, texts))

    def taken_out(self, text: str, instead: str) -> str:
        """The text with each of their marks replaced by `instead` (a whole text of hers before
        a name inside it)."""
        text = self._words.sub(instead, text) if self._words else text
        return self.names_taken_out(text, instead)

    def names_taken_out(self, text: str, instead: str) -> str:
        """The text with each of their names, and nothing else, replaced by `instead` (a copy
        of a name that held theirs: "Ms Rivera Reading Log" becomes "[name] Reading Log")."""
        return self._names.sub(instead, text) if self._names else text

    def opens(self, text: str) -> bool:
        """Whether the text is the beginning of a longer text of theirs, cut short (a draft's
        title is a question's first 200 characters); a short title that only starts like
        theirs ("The projector in room 214 has no signal") is a colleague's own."""
        start = _folded(text)
        return len(start) >= SHORTEST_OPENING and any(
            whole.startswith(start) for whole in self._texts)


def _any_of(marks: set[str]) -> re.Pattern[str] | None:
    """A pattern finding any of the marks as whole words, longest first (a whole text goes
    before a name inside it), any run of spaces matching any other: a copy may fold a text's
    lines into one (a draft's title)."""
    alternatives = sorted(marks, key=len, reverse=True)
    return re.compile("|".join(rf"(?<!\w){_spaced(m)}(?!\w)" for m in alternatives),
                      re.IGNORECASE) if alternatives else None


def _folded(text: str) -> str:
    """A text as marks compare: its words, one space apart, in any case."""
    return " ".join(text.split()).casefold()


def _spaced(mark: str) -> str:
    """The pattern of a mark whose single spaces match any run of white space."""
    return r"\s+".join(re.escape(word) for word in mark.split(" "))
