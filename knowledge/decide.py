"""Answer, suggest, or deflect: deciding how sure the knowledge base is."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from knowledge.index import Match
from knowledge.model import Article

Kind = Literal["answer", "suggest", "deflect"]
ANSWER_AT = 0.75
SUGGEST_AT = 0.55
LEAD_CAP = 1.0
MAX_SUGGESTIONS = 3


@dataclass(frozen=True)
class Decision:
    """What to do with a question: one article, a short "did you mean" list, or none."""

    kind: Kind
    confidence: float
    article: Article | None = None
    suggestions: tuple[Article, ...] = ()
    matches: tuple[Match, ...] = field(default=())

    @property
    def top_id(self) -> str | None:
        """The id of the article the bot leads with, if any."""
        if self.article:
            return self.article.id
        return self.suggestions[0].id if self.suggestions else None


def confidence(matches: list[Match], off_topic: Match | None = None) -> float:
    """How sure the best match is, from 0 to 1.

    Two pieces of evidence, both measured on the evaluation file (see bench/README.md):
    how much of the question's informative weight the article covers, and how far the
    article outscores the best off-topic area (knowledge.scope), which weighs twice as much.
    """
    if not matches:
        return 0.0
    best = matches[0]
    lead = best.score - off_topic.score if off_topic else LEAD_CAP
    return (best.coverage + 2 * max(0.0, min(LEAD_CAP, lead))) / 3


def decide(matches: list[Match], articles: dict[str, Article],
           off_topic: Match | None = None) -> Decision:
    """Turn ranked matches (and the best off-topic area, if any) into a decision."""
    sure = confidence(matches, off_topic)
    found = tuple(articles[m.article_id] for m in matches if m.article_id in articles)
    if sure >= ANSWER_AT and found:
        return Decision("answer", sure, article=found[0], matches=tuple(matches))
    if sure >= SUGGEST_AT and found:
        return Decision("suggest", sure, suggestions=found[:MAX_SUGGESTIONS],
                        matches=tuple(matches))
    return Decision("deflect", sure, matches=tuple(matches))
