"""Answer, suggest, ask back, or deflect: deciding from one confidence score."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from knowledge.confidence import Calibration
from knowledge.index import Match, Ranking
from knowledge.model import Article

Kind = Literal["answer", "suggest", "clarify", "deflect"]
MAX_SUGGESTIONS = 3
# "Did you mean" lists the runners-up only when they are this close to the leader (in fused
# score); otherwise the leader is offered alone.
CLOSE = 0.35


@dataclass(frozen=True)
class Decision:
    """What to do with a question: one article, a short "did you mean" list, a question back
    about the area (clarify), or none (deflect)."""

    kind: Kind
    confidence: float
    article: Article | None = None
    suggestions: tuple[Article, ...] = ()
    matches: tuple[Match, ...] = field(default=())
    tech: bool = True  # for a deflection: does it look like a tech problem at all?
    language: str = "en"  # the language of the article(s) chosen (of the question, if none)
    fallback: bool = False  # the question's language had no good article: the other one's

    @property
    def top_id(self) -> str | None:
        """The id of the article the bot leads with, if any."""
        if self.article:
            return self.article.id
        return self.suggestions[0].id if self.suggestions else None


def decide(ranking: Ranking, articles: dict[str, Article], calibration: Calibration,
           tech: bool = True) -> Decision:
    """Turn a ranking into a decision by the calibrated confidence of its leader."""
    sure = calibration.probability(ranking)
    matches = tuple(m for m in ranking.matches if m.article_id in articles)
    if matches and sure >= calibration.answer_at:
        return Decision("answer", sure, article=articles[matches[0].article_id],
                        matches=matches)
    if matches and sure >= calibration.suggest_at:
        close = [m for m in matches[:MAX_SUGGESTIONS] if m.score >= matches[0].score - CLOSE]
        return Decision("suggest", sure, suggestions=tuple(articles[m.article_id] for m in close),
                        matches=matches)
    return Decision("deflect", sure, matches=matches, tech=tech)
