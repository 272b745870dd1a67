"""The retrieval index: a lexical channel and a dense channel, fused.

Lexical: BM25F over title, phrasings, tags and body (synonyms mapped, misspellings
corrected), then the best-matching single phrasing (rapidfuzz) re-ranks the candidates.
Dense: a static embedding distilled from all-MiniLM-L6-v2 (knowledge/dense.py), which finds
the paraphrases that share no word with the article. The candidates of both channels are
scored by one weighted sum; the weights were chosen on the tuning sets (bench/retrieval.py
prints the ablation that justifies each piece).
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import repeat

import numpy as np
from rapidfuzz import fuzz, process

from knowledge.dense import DenseIndex
from knowledge.embedding import StaticEmbedding, Vectors
from knowledge.model import Article
from knowledge.normalize import Analyzer, Synonyms, fold

# BM25F with every field weighted the same: heavier title and phrasing weights (3/2/2/1)
# measured no better on the tuning files (bench/retrieval.py, ablations), so an article's
# title, phrasings, tags and body are counted as one text.
K1, B = 1.2, 0.75
CANDIDATES = 12
ACCUMULATORS = 2000
# The fused score's weights, one per piece of evidence (the BM25F score itself counts by its
# logarithm). Fitted by `python bench/fusion_weights.py`: a softmax over each English tuning
# message's leading five articles, out of fold; leaving one writer out at a time they put
# the right article first for 0.954 of the messages, the former hand-set weights 0.946.
WEIGHTS = {"lexical": 0.4, "phrase": 0.8, "dense": 1.6, "centroid": 1.4, "bm25": 0.17,
           "coverage": 0.12}
HAND_SET = {"lexical": 1.0, "phrase": 0.6, "dense": 1.5, "centroid": 1.5, "bm25": 0.0,
            "coverage": 0.0}
# Spanish keeps the hand-set weights: the English fit lost 0.012 top-1 on its tuning set, and
# 0.018 top-1 and 0.022 answer accuracy on its held-out set (bench/README.md).
FUSION = {"en": WEIGHTS, "es": HAND_SET}
# Only the lexical leaders are re-ranked by their closest phrasing: out of fold on the tuning
# sets, 8 scored as every candidate did (5 lost), in half the time of the slowest step.
PHRASE_CANDIDATES = 8
# Every (term, article) pair as three columns: term id, article position, term frequency.
Postings = tuple[list[int], list[int], list[int]]


@dataclass(frozen=True)
class Match:
    """One ranked article for a question, with the evidence behind its score."""

    article_id: str
    score: float
    lexical: float = 0.0  # BM25F, relative to the best article's
    phrase: float = 0.0  # the closest phrasing, rapidfuzz token_set_ratio / 100
    coverage: float = 0.0  # the idf-weighted share of the question's terms the article has
    dense: float = 0.0  # cosine with the closest title or phrasing
    centroid: float = 0.0  # cosine with the mean of the article's phrasings
    bm25: float = 0.0  # BM25F itself: how strongly the words match, not just the order


@dataclass(frozen=True)
class Ranking:
    """Ranked matches and what the question held: how many informative terms it had, and its
    unit vector in the dense channel (None without one)."""

    matches: list[Match]
    terms: int
    query: Vectors | None = None


def evidence(match: Match) -> tuple[float, ...]:
    """A match's evidence, in the order of the weights (WEIGHTS)."""
    return (match.lexical, match.phrase, match.dense, match.centroid, math.log1p(match.bm25),
            match.coverage)


def fused(match: Match, weights: dict[str, float]) -> Match:
    """The match with its score: its evidence weighed."""
    return replace(match, score=sum(w * x for w, x in zip(weights.values(), evidence(match),
                                                            strict=True)))


def bm25_weights(terms: list[str], postings: Postings, having: list[int],
                 idf: dict[str, float], norms: list[float]) -> dict[str, dict[int, float]]:
    """Each term's BM25 weight in each article that has it (`having` of them), computed as
    one array (10,000 articles hold about a million postings)."""
    term_ids, positions, tfs = (np.asarray(column, np.int64) for column in postings)
    order = np.argsort(term_ids, kind="stable")  # by term; each term's articles in order
    positions, tf = positions[order], tfs[order].astype(np.float64)
    idfs = np.fromiter(map(idf.__getitem__, terms), np.float64, len(terms))[term_ids[order]]
    weights = (idfs * tf * (K1 + 1) / (tf + np.asarray(norms)[positions])).tolist()
    ends = np.cumsum(having).tolist()
    where, out, start = positions.tolist(), {}, 0
    for term, end in zip(terms, ends, strict=True):
        out[term] = dict(zip(where[start:end], weights[start:end], strict=True))
        start = end
    return out


class Index:
    """An immutable index over a list of articles; build a new one to change articles."""

    def __init__(self, articles: Sequence[Article], synonyms: Synonyms,
                 model: StaticEmbedding | None = None, language: str = "en") -> None:
        self.size = len(articles)
        self.ids = [a.id for a in articles]
        self.analyzer = Analyzer(synonyms, language=language)
        self.fusion = FUSION[language]
        self.raw_words: set[str] = set()  # every word the articles use, for spelling
        self.term_ids: dict[str, int] = {}  # in the order the articles first use them
        self.postings: Postings = ([], [], [])
        self.phrase_terms: list[list[str]] = []
        self.article_terms: list[frozenset[str]] = []
        lengths = [self._add(i, a) for i, a in enumerate(articles)]
        self.analyzer.learn(self.raw_words)
        terms = list(self.term_ids)
        self.avg_length = sum(lengths) / len(lengths) if lengths else 1.0
        n = len(articles)
        having = np.bincount(self.postings[0], minlength=len(terms)).tolist()
        self.idf = {t: math.log(1 + (n - count + 0.5) / (count + 0.5))
                    for t, count in zip(terms, having, strict=True)}
        self.unknown_idf = math.log(1 + (n + 0.5) / 0.5)
        # BM25 is fixed per (term, article) once the articles are: pay for it once, here.
        norms = [K1 * (1 - B + B * length / self.avg_length) for length in lengths]
        self.weights = bm25_weights(terms, self.postings, having, self.idf, norms)
        del self.raw_words, self.term_ids, self.postings
        self.dense = DenseIndex(articles, model) if model is not None else None

    def _add(self, position: int, article: Article) -> float:
        terms = self._terms
        phrasings = [" ".join(terms(p)) for p in (article.title, *article.ways_asked)]
        counts = Counter(" ".join(phrasings[1:]).split())
        counts.update(phrasings[0].split())  # the title's terms
        for text in (" ".join((*article.tags, article.category)), article.body_text):
            counts.update(terms(text))
        ids, (term_ids, positions, tfs) = self.term_ids, self.postings
        term_ids += [ids.setdefault(term, len(ids)) for term in counts]
        positions += repeat(position, len(counts))
        tfs += counts.values()
        # Asked questions weigh in BM25 and the dense channel; the fuzzy re-rank compares
        # with the title and curated phrasings alone (out of fold on the tuning sets that
        # answered and deflected better, in a third of the time: bench/README.md).
        self.phrase_terms.append(phrasings[:1 + len(article.phrasings)])
        self.article_terms.append(frozenset(counts))
        return float(sum(counts.values()))

    def _terms(self, text: str) -> list[str]:
        """An article text's terms; its raw words are remembered for spelling correction."""
        words = fold(text).split()
        self.raw_words.update(words)
        return self.analyzer.terms_of(words)

    def query_terms(self, question: str) -> list[str]:
        """The question's terms, spelling corrected against the articles' words."""
        return self.analyzer.terms(question, correct=True)

    def search(self, question: str, limit: int = 5) -> list[Match]:
        """Articles ranked for a question, best first (empty when nothing is close)."""
        return self.rank(question, limit).matches

    def rank(self, question: str, limit: int = 5) -> Ranking:
        """The fused ranking of the candidates of both channels."""
        terms = list(dict.fromkeys(self.query_terms(question)))
        lexical = self._bm25(terms)
        leaders = heapq.nlargest(CANDIDATES, lexical, key=lexical.__getitem__)
        candidates = set(leaders)
        query = self.dense.encode(question) if self.dense else None
        centroids = None
        if self.dense is not None and query is not None and query.any():
            centroids = self.dense.centroid_scores(query)
            count = min(CANDIDATES, len(centroids))
            candidates.update(int(i) for i in np.argpartition(-centroids, count - 1)[:count])
        if not candidates:
            return Ranking([], len(terms), query)
        best = max((lexical.get(i, 0.0) for i in candidates), default=0.0) or 1.0
        positions = sorted(candidates)
        phrases = self._phrase_scores(" ".join(terms), sorted(leaders[:PHRASE_CANDIDATES]))
        dense = centroid = np.zeros(len(positions), np.float32)
        if centroids is not None and self.dense is not None and query is not None:
            dense, centroid = self.dense.best_phrasings(query, positions), centroids[positions]
        coverage = self._coverage(terms, positions)
        matches = [fused(Match(self.ids[i], 0.0, lexical.get(i, 0.0) / best, phrases.get(i, 0.0),
                               coverage[n], float(dense[n]), float(centroid[n]),
                               lexical.get(i, 0.0)), self.fusion)
                   for n, i in enumerate(positions)]
        matches.sort(key=lambda m: (-m.score, m.article_id))
        return Ranking(matches[:limit], len(terms), query)

    def _phrase_scores(self, query_text: str, positions: list[int]) -> dict[int, float]:
        """Each article's closest title or phrasing to the question's terms (token set
        ratio / 100), all compared in one rapidfuzz call."""
        texts = [p for i in positions for p in self.phrase_terms[i]]
        if not texts:
            return {}
        ratios = process.cdist([query_text], texts, scorer=fuzz.token_set_ratio,
                               dtype=np.float32)[0]
        starts = np.cumsum([0] + [len(self.phrase_terms[i]) for i in positions[:-1]])
        return dict(zip(positions, (np.maximum.reduceat(ratios, starts) / 100).tolist(),
                        strict=True))

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

    def _coverage(self, terms: list[str], positions: list[int]) -> list[float]:
        """For each article, the idf-weighted share of the question's terms it contains."""
        weights = {t: self.idf.get(t, self.unknown_idf) for t in terms}
        total = sum(weights.values()) or 1.0
        return [sum(w for t, w in weights.items() if t in self.article_terms[i]) / total
                for i in positions]
