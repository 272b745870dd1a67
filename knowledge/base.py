"""The loaded knowledge base: articles plus their index, swapped whole on reload.

English is the first language (`articles`, `index`, `calibration`); every other language
(Spanish: knowledge/articles/es) is a shelf of its own in `others`, with its own index,
synonyms, stemming and confidence. A question is answered from the shelf of its language
(detected when not given); a question in another language falls back to the English
article when its own shelf has none it is sure of.
"""

from __future__ import annotations

import copy
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import cache, partial
from pathlib import Path

from knowledge import embedding
from knowledge.confidence import Calibration
from knowledge.confidence import shipped as shipped_calibration
from knowledge.decide import Decision, decide
from knowledge.index import Index, Match
from knowledge.intents import is_vague
from knowledge.language import detect
from knowledge.loader import load_articles
from knowledge.model import Article
from knowledge.normalize import Synonyms, fold
from knowledge.topics import looks_technical

ANSWERS_KEPT = 1024  # decisions remembered: the same question asked again is not searched again
FIRST = "en"
OTHERS = ("es",)
# Whether a language's index uses the dense channel: the static embedding is English-trained,
# and on the Spanish tuning set it helps (README, "How well it answers").
DENSE = {"en": True, "es": True}


@dataclass(frozen=True)
class Shelf:
    """One language's live articles, their index and the confidence fitted for them."""

    language: str
    articles: dict[str, Article]
    index: Index
    calibration: Calibration


class KnowledgeBase:
    """Search and answer over the live articles; `reload` rebuilds from the folders and
    `use_texts` from a district's stored articles (a database), which override both."""

    def __init__(self, articles: dict[str, Article], synonyms: Synonyms,
                 extra: Path | None = None, model: embedding.StaticEmbedding | None = None,
                 calibration: Calibration | None = None,
                 others: dict[str, dict[str, Article]] | None = None) -> None:
        self.extra = extra
        self.synonyms = synonyms
        self.model = model or embedding.shipped()
        self.calibration = calibration or shipped_calibration()
        self.articles = articles
        self.index = Index(list(articles.values()), synonyms, self.model)
        self.others = {language: self._shelf(language, shelf)
                       for language, shelf in (others or {}).items()}
        self.texts: dict[str, str] = {}  # stored articles, id -> text, over the folders
        self.rebuilding = threading.Lock()  # one rebuild at a time: the last one wins
        # Remembered decisions by (question, language asked for), and what they came from.
        self._answers: OrderedDict[tuple[str, str | None], Decision] = OrderedDict()
        self._answers_of = self._sources()

    def _shelf(self, language: str, articles: dict[str, Article]) -> Shelf:
        index = Index(list(articles.values()), Synonyms.load(language=language),
                      self.model if DENSE[language] else None, language)
        return Shelf(language, articles, index, shipped_calibration(language))

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages it has articles in, English first."""
        return (FIRST, *self.others)

    def shelf(self, language: str = FIRST) -> Shelf:
        """One language's articles and index (English for a language it does not have)."""
        if language in self.others:
            return self.others[language]
        return Shelf(FIRST, self.articles, self.index, self.calibration)

    def language_of(self, question: str, language: str | None = None) -> str:
        """The language to answer in: the one asked for, else the question's, if it has it."""
        wanted = language or detect(question)
        return wanted if wanted in self.languages else FIRST

    def get(self, article_id: str, language: str = FIRST) -> Article | None:
        """One article by id, in a language (English when it has no such shelf)."""
        return self.shelf(language).articles.get(article_id)

    def search(self, question: str, limit: int = 5, language: str | None = None) -> list[Match]:
        """Ranked (article id, score) matches for a question."""
        return self.shelf(self.language_of(question, language)).index.search(question, limit)

    def _sources(self) -> tuple[object, ...]:
        """What a decision is worked out from: every shelf's index and calibration."""
        return (self.index, self.calibration, *self.others.values())

    def answer(self, question: str, language: str | None = None) -> Decision:
        """Answer with one article, suggest a few, ask back about a vague one, or deflect
        (see `decide`); the last ANSWERS_KEPT decisions are remembered until an index,
        calibration or shelf is swapped."""
        sources = self._sources()
        if not _same(self._answers_of, sources):  # swapped: forget
            self._answers_of = sources
            self._answers.clear()
        key = (question, language)
        known = self._answers.get(key)
        if known is not None:
            self._answers.move_to_end(key)
            return known
        decision = self.decide(question, language)
        if _same(self._sources(), sources):  # not swapped meanwhile: worth remembering
            self._answers[key] = decision
            if len(self._answers) > ANSWERS_KEPT:
                self._answers.popitem(last=False)
        return decision

    def decide(self, question: str, language: str | None = None) -> Decision:
        """The decision for a question, worked out afresh (`answer` remembers it); `language`
        None means the question's own. When a question in another language finds no article
        its shelf is sure of, the English shelf is asked: the article it is sure of is shown
        in the question's language when that has it, else as it is (`fallback`)."""
        chosen = self.language_of(question, language)
        shelf = self.shelf(chosen)
        vague = cache(partial(is_vague, question))  # worked out once, for either shelf
        decision = self._decide_on(shelf, question, vague)
        # Never the other way: English holds every article, and on the English tuning sets
        # each of the 14 answers the Spanish shelf gave to a deflected message was wrong.
        if decision.kind != "deflect" or chosen == FIRST:
            return decision
        elsewhere = self._decide_on(self.shelf(FIRST), question, vague)
        if elsewhere.kind != "answer" or elsewhere.article is None:
            return decision
        own = shelf.articles.get(elsewhere.article.id)
        if own is not None:  # the same article, in the question's language
            return replace(elsewhere, article=own, language=chosen)
        return replace(elsewhere, fallback=True)

    def _decide_on(self, shelf: Shelf, question: str, vague: Callable[[], bool]) -> Decision:
        ranking = shelf.index.rank(question)
        # Keyboard mash is no vague complaint: asking back needs one word anybody uses.
        known = any(shelf.index.analyzer.knows(word) for word in fold(question).split())
        if known and vague():
            return Decision("clarify", 0.0, matches=tuple(ranking.matches),
                            language=shelf.language)
        decision = decide(ranking, shelf.articles, shelf.calibration,
                          tech=looks_technical(question, ranking, shelf.language))
        return replace(decision, language=shelf.language)

    def reload(self) -> int:
        """Re-read every folder and swap the indexes in one step; returns the English count."""
        with self.rebuilding:
            return self._rebuild(self.texts)

    def use_texts(self, texts: Mapping[str, str]) -> bool:
        """Lay stored articles (id -> the text of an article file; English unless it says
        `language: es`) over the folders and swap the indexes in one step; False when they
        are the ones already in use."""
        with self.rebuilding:
            if dict(texts) == self.texts:
                return False
            self._rebuild(dict(texts))
            return True

    def _rebuild(self, texts: dict[str, str]) -> int:
        articles = load_articles(self.extra, texts=texts)
        index = Index(list(articles.values()), self.synonyms, self.model)
        others = {language: self._shelf(language, load_articles(self.extra, language, texts))
                  for language in self.others}
        self.articles, self.index, self.others, self.texts = articles, index, others, texts
        return len(articles)

    def fork(self) -> KnowledgeBase:
        """The same articles in a knowledge base whose later changes stay its own (the index
        is shared until either rebuilds: a rebuild swaps in a new one, never edits it)."""
        twin = copy.copy(self)
        twin.rebuilding = threading.Lock()
        twin.others, twin.texts = dict(self.others), dict(self.texts)
        twin._answers = OrderedDict()  # its decisions are its own from the first rebuild on
        return twin


def _same(these: tuple[object, ...], those: tuple[object, ...]) -> bool:
    return len(these) == len(those) and all(a is b for a, b in zip(these, those, strict=True))


def load_knowledge_base(extra: Path | str | None = None) -> KnowledgeBase:
    """Load the shipped articles and a district's folder (PREPBOT_KB_DIR) over them, in
    English and in every other language that ships."""
    folder = Path(extra) if extra else None
    others = {language: load_articles(folder, language) for language in OTHERS}
    return KnowledgeBase(load_articles(folder), Synonyms.load(), folder, others=others)
