"""Names a student's login or email spells out: "can you set up River? ... river.okafor@stu...",
"IXL won't let Khaab Lee log in, username khaablee6"."""

from __future__ import annotations

import re
from itertools import pairwise

from bot.masking.cues import PLACES_ANY_CASE
from bot.masking.lexicon import fold
from bot.masking.spans import Span
from bot.masking.words import Word, adjacent

# Where a handle's local part ends: "river.okafor@...", "maya dot chen at stu dot ...".
HANDLE_END = re.compile(r"@|\s+(?:at|arroba)\s+|\s*[\[(]\s*(?:at|arroba)\s*[\])]",
                        re.IGNORECASE)


def in_handles(text: str, words: list[Word], taken: list[Span]) -> list[Span]:
    """Capitalised words that a student's username or email spells out ("can you set up
    River? ... river.okafor@stu...", "Summer ... su usuario es summer.nguyen28"): names; and
    a lowercase first name that a handle opens with ("login for river (river.t.jones)")."""
    parts: set[str] = set()
    openers: set[str] = set()
    for span in taken:
        if span.kind in ("email", "username"):
            local = HANDLE_END.split(text[span.start:span.end])[0]
            spelled = [p for p in re.findall(r"[^\W\d_]{3,}", fold(local))
                       if p not in ("dot", "punto")]
            parts.update(spelled)
            openers.update(spelled[:1] if fold(local).startswith(tuple(spelled[:1])) else ())
    nexts: list[Word | None] = [*words[1:], None][:len(words)]
    return joined_in_handles(text, words, taken) + [
        Span(w.start, w.end, "name") for w, nxt in zip(words, nexts, strict=True)
            if parts and not (w.stop or w.product) and (
                (w.folded in parts and w.known and w.shape in ("title", "upper"))
                or (w.folded in openers and w.given and w.shape == "lower" and not (
                    nxt and adjacent(text, w, nxt) and nxt.folded in PLACES_ANY_CASE)))]


def joined_in_handles(text: str, words: list[Word], taken: list[Span]) -> list[Span]:
    """Two capitalised words a hidden username spells run together ("IXL won't let Khaab Lee
    log in, username khaablee6"), or as an initial and the second ("wpierre14" for Wideline
    Pierre): a name, though no list knows the first. (Not an email: a colleague's address is
    built the same way, and kept once their name is.)"""
    handles = [re.sub(r"[^a-z]", "", fold(text[s.start:s.end])) for s in taken
               if s.kind == "username"]
    if not handles:
        return []
    found = []
    for a, b in pairwise(words):
        if a.shape in ("title", "upper") and b.shape in ("title", "upper") and \
                adjacent(text, a, b) and len(b.folded) >= 3 and any(
                    a.folded + b.folded in h or h == a.folded[:1] + b.folded
                    for h in handles):
            found.append(Span(a.start, b.end, "name"))
    return found
