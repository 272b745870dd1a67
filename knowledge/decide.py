"""Answer, suggest, or deflect: deciding how sure the knowledge base is."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from knowledge.index import Match
from knowledge.model import Article

Kind = Literal["answer", "suggest", "deflect"]
ANSWER_AT = 0.62
SUGGEST_AT = 0.45
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


def confidence(matches: list[Match]) -> float:
    """How sure the best match is: its coverage of the question, tempered by the runner-up."""
    if not matches:
        return 0.0
    best = matches[0]
    margin = best.score - matches[1].score if len(matches) > 1 else best.score
    return max(0.0, min(1.0, 0.55 * best.coverage + 0.35 * best.phrase + 0.4 * margin))


def decide(matches: list[Match], articles: dict[str, Article]) -> Decision:
    """Turn ranked matches into a decision."""
    sure = confidence(matches)
    found = tuple(articles[m.article_id] for m in matches if m.article_id in articles)
    if sure >= ANSWER_AT and found:
        return Decision("answer", sure, article=found[0], matches=tuple(matches))
    if sure >= SUGGEST_AT and found:
        return Decision("suggest", sure, suggestions=found[:MAX_SUGGESTIONS], matches=tuple(matches))
    return Decision("deflect", sure, matches=tuple(matches))
