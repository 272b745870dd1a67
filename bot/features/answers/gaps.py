"""Knowledge-base gaps: group what the bot couldn't answer, so curators see themes, not noise.

Each gap is named by its most typical question, in the words a teacher used: a label made
of "shared keywords" read as a ransom note ("Many sick days left sub") and, picked from a
set, changed between runs. The same questions give the same label every time.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from bot.i18n import _

SAME_GAP = 62
TITLE_CHARS = 70


@dataclass(frozen=True)
class Gap:
    """A cluster of similar unanswered questions: how many, its label, a few others."""

    count: int
    samples: tuple[str, ...]
    suggested_title: str


def shortened(text: str, limit: int = TITLE_CHARS) -> str:
    """One line, first letter up, cut between words (with an ellipsis) when too long."""
    flat = " ".join(text.split())
    flat = flat[:1].upper() + flat[1:]
    if len(flat) <= limit:
        return flat
    cut = flat[:limit + 1].rsplit(" ", 1)[0] if " " in flat[:limit + 1] else flat[:limit]
    return cut.rstrip(" ,.;:-?") + "…"


def typical(texts: list[str]) -> str:
    """The question most like all the others (ties: the shorter, then the first in order)."""
    cleaned = [default_process(t) for t in texts]

    def closeness(i: int) -> float:
        return sum(fuzz.token_set_ratio(cleaned[i], other)
                   for j, other in enumerate(cleaned) if j != i)

    best = max(range(len(texts)), key=lambda i: (closeness(i), -len(texts[i]), -i))
    return texts[best]


def suggest_title(texts: list[str]) -> str:
    """A gap's label: its most typical question, shortened to one readable line."""
    return shortened(typical(texts)) if texts else _("Questions with no article")


def cluster(texts: list[str], limit: int = 8) -> list[Gap]:
    """Greedy clustering by fuzzy similarity; the biggest clusters first, then by label."""
    groups: list[list[str]] = []
    for text in texts:
        cleaned = default_process(text)
        best, best_score = None, 0.0
        for group in groups:
            score = fuzz.token_set_ratio(cleaned, default_process(group[0]))
            if score > best_score:
                best, best_score = group, score
        if best is not None and best_score >= SAME_GAP:
            best.append(text)
        else:
            groups.append([text])
    gaps = []
    for group in groups:
        title = typical(group)
        others = tuple(t for t in dict.fromkeys(group) if t != title)[:2]
        gaps.append(Gap(len(group), (title, *others)[:2], shortened(title)))
    gaps.sort(key=lambda g: (-g.count, g.suggested_title))
    return gaps[:limit]
