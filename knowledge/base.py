"""The loaded knowledge base: articles plus their index, swapped whole on reload."""

from __future__ import annotations

import copy
import threading
from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path

from knowledge import embedding
from knowledge.confidence import Calibration
from knowledge.confidence import shipped as shipped_calibration
from knowledge.decide import Decision, decide
from knowledge.index import Index, Match
from knowledge.intents import is_vague
from knowledge.loader import load_articles
from knowledge.model import Article
from knowledge.normalize import Synonyms
from knowledge.topics import looks_technical

ANSWERS_KEPT = 1024  # decisions remembered: the same question asked again is not searched again


class KnowledgeBase:
    """Search and answer over the live articles; `reload` rebuilds from the folders and
    `use_texts` from a district's stored articles (a database), which override both."""

    def __init__(self, articles: dict[str, Article], synonyms: Synonyms,
                 extra: Path | None = None, model: embedding.StaticEmbedding | None = None,
                 calibration: Calibration | None = None) -> None:
        self.extra = extra
        self.synonyms = synonyms
        self.model = model or embedding.shipped()
        self.calibration = calibration or shipped_calibration()
        self.articles = articles
        self.index = Index(list(articles.values()), synonyms, self.model)
        self.texts: dict[str, str] = {}  # stored articles, id -> text, over the folders
        self.rebuilding = threading.Lock()  # one rebuild at a time: the last one wins
        self._answers: OrderedDict[str, Decision] = OrderedDict()
        self._answers_of = (self.index, self.calibration)

    def get(self, article_id: str) -> Article | None:
        """One article by id."""
        return self.articles.get(article_id)

    def search(self, question: str, limit: int = 5) -> list[Match]:
        """Ranked (article id, score) matches for a question."""
        return self.index.search(question, limit)

    def answer(self, question: str) -> Decision:
        """Answer with one article, suggest a few, ask back about a vague one, or deflect
        (the last ANSWERS_KEPT decisions are remembered until the next reload)."""
        index, calibration = self._answers_of
        if index is not self.index or calibration is not self.calibration:  # swapped: forget
            self._answers_of = (self.index, self.calibration)
            self._answers.clear()
        known = self._answers.get(question)
        if known is not None:
            self._answers.move_to_end(question)
            return known
        decision = self._answers[question] = self.decide(question)
        if len(self._answers) > ANSWERS_KEPT:
            self._answers.popitem(last=False)
        return decision

    def decide(self, question: str) -> Decision:
        """The decision for a question, worked out afresh (`answer` remembers it)."""
        ranking = self.index.rank(question)
        if is_vague(question):
            return Decision("clarify", 0.0, matches=tuple(ranking.matches))
        return decide(ranking, self.articles, self.calibration,
                      tech=looks_technical(question, ranking))

    def reload(self) -> int:
        """Re-read every folder and swap the index in one step; returns the article count."""
        with self.rebuilding:
            return self._rebuild(self.texts)

    def use_texts(self, texts: Mapping[str, str]) -> bool:
        """Lay stored articles (id -> the text of an article file) over the folders and swap
        the index in one step; False when they are the ones already in use."""
        with self.rebuilding:
            if dict(texts) == self.texts:
                return False
            self._rebuild(dict(texts))
            return True

    def _rebuild(self, texts: dict[str, str]) -> int:
        articles = load_articles(self.extra, texts)
        index = Index(list(articles.values()), self.synonyms, self.model)
        self.articles, self.index, self.texts = articles, index, texts
        return len(articles)

    def fork(self) -> KnowledgeBase:
        """The same articles in a knowledge base whose later changes stay its own (the index
        is shared until either rebuilds: a rebuild swaps in a new one, never edits it)."""
        twin = copy.copy(self)
        twin.rebuilding = threading.Lock()
        twin._answers = OrderedDict()  # its decisions are its own from the first rebuild on
        return twin


def load_knowledge_base(extra: Path | str | None = None) -> KnowledgeBase:
    """Load the shipped articles and a district's folder (PREPBOT_KB_DIR) over them."""
    folder = Path(extra) if extra else None
    return KnowledgeBase(load_articles(folder), Synonyms.load(), folder)
