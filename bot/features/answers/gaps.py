"""Knowledge-base gaps: group what the bot couldn't answer, so curators see themes, not noise."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from knowledge.normalize import STOPWORDS, fold

SAME_GAP = 62


@dataclass(frozen=True)
class Gap:
    """A cluster of similar unanswered questions."""

    count: int
    samples: tuple[str, ...]
    suggested_title: str


def _words(text: str) -> list[str]:
    return [w for w in fold(text).split() if w not in STOPWORDS and len(w) > 2]


def suggest_title(texts: list[str]) -> str:
    """A title from the words the cluster shares most, in the order a teacher used them."""
    common = Counter(w for t in texts for w in set(_words(t)))
    keep = {w for w, n in common.most_common(5) if n >= max(1, len(texts) // 2)} or \
        {w for w, _ in common.most_common(3)}
    ordered = list(dict.fromkeys(w for t in texts for w in _words(t) if w in keep))
    return " ".join(ordered[:6]).capitalize() or "Untitled"


def cluster(texts: list[str], limit: int = 8) -> list[Gap]:
    """Greedy clustering by fuzzy similarity; the biggest clusters first."""
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
    groups.sort(key=len, reverse=True)
    return [Gap(len(g), tuple(dict.fromkeys(g))[:2], suggest_title(g)) for g in groups[:limit]]
