"""The retrieval index: BM25F over title, phrasings, tags and body, with a phrasing re-rank.

BM25F finds the candidates cheaply from posting lists; the best-matching single phrasing
(how teachers say it) then re-ranks the few candidates, which is where paraphrases are won.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from knowledge.model import Article
from knowledge.normalize import Analyzer, Synonyms, fold

# Heavier title and phrasing weights (3/2/2/1) measured no better than equal weights on the
# evaluation file (bench/retrieval.py, ablations), so every field counts the same.
FIELD_WEIGHTS = {"title": 1.0, "phrasings": 1.0, "tags": 1.0, "body": 1.0}
K1, B = 1.2, 0.75
CANDIDATES = 12
ACCUMULATORS = 2000
PHRASE_WEIGHT = 0.6
GUARD = "~off-topic:"


@dataclass(frozen=True)
class Match:
    """One ranked article for a question, with the evidence behind its score."""

    article_id: str
    score: float
    lexical: float = 0.0
    phrase: float = 0.0
    coverage: float = 0.0


def _guard(area: str, phrasings: Sequence[str]) -> Article:
    """An off-topic area as an article that is indexed but never returned."""
    return Article(id=GUARD + area, title="", category="", audience="", escalate_to="",
                   tags=(), phrasings=tuple(phrasings), updated="", summary="", steps=())


def _fields(article: Article) -> dict[str, str]:
    return {"title": article.title, "phrasings": " ".join(article.phrasings),
            "tags": " ".join((*article.tags, article.category)), "body": article.body_text}


class Index:
    """An immutable index over a list of articles; build a new one to change articles."""

    def __init__(self, articles: Sequence[Article], synonyms: Synonyms,
                 off_topic: Mapping[str, Sequence[str]] | None = None) -> None:
        self.size = len(articles)
        guards = [_guard(area, phrasings) for area, phrasings in (off_topic or {}).items()]
        articles = [*articles, *guards]
        self.ids = [a.id for a in articles]
        raw_words = {w for a in articles for text in _fields(a).values()
                     for w in fold(text).split()}
        self.analyzer = Analyzer(synonyms, raw_words)
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        self.phrase_terms: list[list[str]] = []
        self.article_terms: list[frozenset[str]] = []
        lengths = [self._add(i, a) for i, a in enumerate(articles)]
        self.avg_length = sum(lengths) / len(lengths) if lengths else 1.0
        self.lengths = lengths
        n = len(articles)
        self.idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5))
                    for t, p in self.postings.items()}
        self.unknown_idf = math.log(1 + (n + 0.5) / 0.5)
        # BM25 is fixed per (term, article) once the articles are: pay for it once, here.
        self.weights: dict[str, dict[int, float]] = {
            t: {i: self.idf[t] * tf * (K1 + 1)
                / (tf + K1 * (1 - B + B * lengths[i] / self.avg_length)) for i, tf in p}
            for t, p in self.postings.items()}

    def _add(self, position: int, article: Article) -> float:
        weighted: dict[str, float] = defaultdict(float)
        for name, text in _fields(article).items():
            for term in self.analyzer.terms(text):
                weighted[term] += FIELD_WEIGHTS[name]
        for term, tf in weighted.items():
            self.postings[term].append((position, tf))
        self.phrase_terms.append(
            [" ".join(self.analyzer.terms(p)) for p in (article.title, *article.phrasings)])
        self.article_terms.append(frozenset(weighted))
        return float(sum(weighted.values()))

    def query_terms(self, question: str) -> list[str]:
        """The question's terms, spelling corrected against the articles' words."""
        return self.analyzer.terms(question, correct=True)

    def search(self, question: str, limit: int = 5) -> list[Match]:
        """Articles ranked for a question, best first (empty when nothing shares a term)."""
        return self.rank(question, limit)[0]

    def rank(self, question: str, limit: int = 5) -> tuple[list[Match], Match | None]:
        """The ranked articles, and the best off-topic area if one outscores them all."""
        terms = list(dict.fromkeys(self.query_terms(question)))
        lexical = self._bm25(terms)
        if not lexical:
            return [], None
        top = heapq.nlargest(CANDIDATES, lexical, key=lexical.__getitem__)
        best = max(lexical[i] for i in top)
        query_text = " ".join(terms)
        matches = []
        for i in top:
            phrase = max(fuzz.token_set_ratio(query_text, p) for p in self.phrase_terms[i]) / 100
            score = lexical[i] / best + PHRASE_WEIGHT * phrase
            matches.append(Match(self.ids[i], score, lexical[i], phrase, self._coverage(terms, i)))
        matches.sort(key=lambda m: m.score, reverse=True)
        real = [m for m in matches if not m.article_id.startswith(GUARD)]
        guard = next((m for m in matches if m.article_id.startswith(GUARD)), None)
        return real[:limit], guard

    def _bm25(self, terms: list[str]) -> dict[int, float]:
        """BM25 term at a time, rarest term first. Once ACCUMULATORS articles have a score,
        common terms only add to those (the "continue" strategy of Moffat and Zobel): it caps
        the cost on a large knowledge base and never triggers at the shipped size."""
        scores: dict[int, float] = defaultdict(float)
        known = sorted((t for t in terms if t in self.weights), key=self.idf.__getitem__,
                       reverse=True)
        for term in known:
            postings = self.weights[term]
            if len(scores) + len(postings) <= ACCUMULATORS or not scores:
                for position, weight in postings.items():
                    scores[position] += weight
            else:
                for position in scores:
                    scores[position] += postings.get(position, 0.0)
        return scores

    def _coverage(self, terms: list[str], position: int) -> float:
        """The idf-weighted share of the question's terms that the article contains."""
        weights = {t: self.idf.get(t, self.unknown_idf) for t in terms}
        total = sum(weights.values())
        found = sum(w for t, w in weights.items() if t in self.article_terms[position])
        return found / total if total else 0.0
