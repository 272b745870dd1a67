"""The loaded knowledge base: articles plus their index, swapped whole on reload."""

from __future__ import annotations

from pathlib import Path

from knowledge.decide import Decision, decide
from knowledge.index import Index, Match
from knowledge.loader import load_articles
from knowledge.model import Article
from knowledge.normalize import Synonyms
from knowledge.scope import OFF_TOPIC


class KnowledgeBase:
    """Search and answer over the live articles; `reload` rebuilds from the folders."""

    def __init__(self, articles: dict[str, Article], synonyms: Synonyms,
                 extra: Path | None = None) -> None:
        self.extra = extra
        self.synonyms = synonyms
        self.articles = articles
        self.index = Index(list(articles.values()), synonyms, OFF_TOPIC)

    def get(self, article_id: str) -> Article | None:
        """One article by id."""
        return self.articles.get(article_id)

    def search(self, question: str, limit: int = 5) -> list[Match]:
        """Ranked (article id, score) matches for a question."""
        return self.index.search(question, limit)

    def answer(self, question: str) -> Decision:
        """Answer with one article, suggest a few, or deflect to a ticket."""
        matches, off_topic = self.index.rank(question)
        return decide(matches, self.articles, off_topic)

    def reload(self) -> int:
        """Re-read every folder and swap the index in one step; returns the article count."""
        articles = load_articles(self.extra)
        index = Index(list(articles.values()), self.synonyms, OFF_TOPIC)
        self.articles, self.index = articles, index
        return len(articles)


def load_knowledge_base(extra: Path | str | None = None) -> KnowledgeBase:
    """Load the shipped articles and a district's folder (PREPBOT_KB_DIR) over them."""
    folder = Path(extra) if extra else None
    return KnowledgeBase(load_articles(folder), Synonyms.load(), folder)
