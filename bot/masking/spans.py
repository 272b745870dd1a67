"""A stretch of text to hide, and what it was."""

from __future__ import annotations

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


def free(span: Span, taken: list[Span]) -> bool:
    """True when `span` overlaps none of `taken`."""
    return not any(span.overlaps(t) for t in taken)


def span_at(position: int, spans: list[Span]) -> Span | None:
    """The span of `spans` (sorted, not overlapping) that holds `position`, if any."""
    at = bisect_right(spans, position, key=lambda s: s.start) - 1
    return spans[at] if at >= 0 and position < spans[at].end else None
