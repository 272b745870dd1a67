"""A stretch of text to hide, and what it was."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

# The kind of a span that is left as it is, but that no later finder may claim: a vendor's
# phone line is no student id, a name inside a vendor's address no student's name.
KEPT = "kept"


class Span(NamedTuple):
    """Characters [start, end) of the text hold a `kind` ("name", "phone", ...)."""

    start: int
    end: int
    kind: str

    def overlaps(self, other: Span) -> bool:
        """True when the two share a character."""
        return self.start < other.end and other.start < self.end


# Where a sentence (or a line) ends: not at an initial's or an abbreviation's period ("P.S.
# 86", "Clement C. Moore"), which would cut the sentence's own words off a name in it.
SENTENCE_END = re.compile(r"(?<!\b[A-Z])\.|[!?\n]")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence (or line) that holds text[start:end] starts and ends."""
    before = [m.end() for m in SENTENCE_END.finditer(text, 0, start)]
    after = SENTENCE_END.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


# Where a clause ends when a text holds addresses and numbers: a stop before a space, or a
# line's end ("sperez@fresnofarms.com" and "v2.1" have dots that end nothing).
CLAUSE_STOP = re.compile(r"[.!?](?=\s|$)|\n")


def clause_start(text: str, at: int) -> int:
    """Where the clause holding text[at] starts (CLAUSE_STOP)."""
    stops = [m.end() for m in CLAUSE_STOP.finditer(text, 0, at)]
    return stops[-1] if stops else 0


def clause_end(text: str, at: int) -> int:
    """Where the clause holding text[at] ends (CLAUSE_STOP)."""
    stop = CLAUSE_STOP.search(text, at)
    return stop.start() if stop else len(text)


def free(span: Span, taken: list[Span]) -> bool:
    """True when `span` overlaps none of `taken`."""
    return not any(span.overlaps(t) for t in taken)


def united(spans: list[Span]) -> list[Span]:
    """The characters `spans` cover, as sorted spans that do not overlap (for free_of)."""
    result: list[Span] = []
    for span in sorted(spans):
        if result and span.start <= result[-1].end:
            result[-1] = result[-1]._replace(end=max(result[-1].end, span.end))
        else:
            result.append(span)
    return result


def free_of(span: Span, united_spans: list[Span]) -> bool:
    """free(), by a binary search over spans that united() made."""
    at = bisect_right(united_spans, span.start, key=lambda s: s.start)
    return not ((at > 0 and united_spans[at - 1].end > span.start) or (
        at < len(united_spans) and united_spans[at].start < span.end))


def claim(span: Span, taken: list[Span]) -> bool:
    """Add `span` to `taken` (sorted, none overlapping) unless it overlaps one of them; True
    when added. A binary search, so a hostile text's thousand names cost no million tests."""
    at = bisect_right(taken, span.start, key=lambda s: s.start)
    if (at > 0 and taken[at - 1].end > span.start) or (
            at < len(taken) and taken[at].start < span.end):
        return False
    taken.insert(at, span)
    return True


def span_at(position: int, spans: list[Span]) -> Span | None:
    """The span of `spans` (sorted, not overlapping) that holds `position`, if any."""
    at = bisect_right(spans, position, key=lambda s: s.start) - 1
    return spans[at] if at >= 0 and position < spans[at].end else None
