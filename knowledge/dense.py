"""The dense channel: how close a question is in meaning to each article's phrasings.

Every article keeps the vectors of its title and phrasings (how teachers say it) and their
mean. A question is compared with every article's mean, which is cheap at any size; only the
few candidates that either channel puts on top are compared phrasing by phrasing.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from knowledge.embedding import StaticEmbedding, Vectors
from knowledge.model import Article

COMPACT_ABOVE = 20_000  # phrasing vectors (about 1,500 articles)
CHUNK = 8192  # texts encoded at once: bounds the memory of the token rows being averaged


def encode_all(model: StaticEmbedding, texts: list[str]) -> Vectors:
    """Every text's vector, each distinct text encoded once, in chunks."""
    distinct = list(dict.fromkeys(texts))
    vectors = np.zeros((len(distinct), model.dim), dtype=np.float32)
    for start in range(0, len(distinct), CHUNK):
        vectors[start:start + CHUNK] = model.encode(distinct[start:start + CHUNK])
    row = {text: n for n, text in enumerate(distinct)}
    out: Vectors = vectors[[row[t] for t in texts]] if texts else vectors
    return out


def texts_of(article: Article) -> list[str]:
    """What the dense channel embeds for an article: its title and every way it is asked."""
    return [article.title, *article.ways_asked]


class DenseIndex:
    """Article vectors for one list of articles; build a new one to change articles."""

    def __init__(self, articles: Sequence[Article], model: StaticEmbedding) -> None:
        self.model = model
        texts = [texts_of(a) for a in articles]
        counts = np.array([len(t) for t in texts], dtype=np.int64)
        self.starts = np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.int64)
        self.counts = counts
        self.rows = [np.arange(start, start + count) for start, count in zip(
            self.starts.tolist(), counts.tolist(), strict=True)]
        vectors = encode_all(model, [t for group in texts for t in group])
        # A large knowledge base keeps its phrasing vectors in float16 (half the memory);
        # a small one keeps float32, which spares a conversion on every question.
        self.phrasings = vectors.astype(np.float16) if len(vectors) > COMPACT_ABOVE \
            else vectors
        sums = np.add.reduceat(vectors, self.starts, axis=0) if len(vectors) else vectors
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        np.divide(sums, norms, out=sums, where=norms > 0)
        self.centroids: Vectors = sums.astype(np.float32)

    def encode(self, question: str) -> Vectors:
        """The question's unit vector (zeros when no word piece is known)."""
        return self.model.encode_one(question)

    def centroid_scores(self, query: Vectors) -> npt.NDArray[np.float32]:
        """Cosine of the question with every article's mean phrasing."""
        # einsum stays on this thread; a BLAS matrix-vector product spreads over threads that
        # another busy process on a 2-core server turns into a slow tail (measured 8 ms).
        scores: npt.NDArray[np.float32] = np.einsum("ij,j->i", self.centroids, query)
        return scores

    def best_phrasings(self, query: Vectors, positions: list[int]) -> npt.NDArray[np.float32]:
        """For each article, the cosine of the question with its closest title or phrasing."""
        counts = self.counts[positions]
        rows = np.concatenate([self.rows[i] for i in positions]) if positions \
            else np.zeros(0, np.int64)
        sims = np.einsum("ij,j->i", self.phrasings[rows].astype(np.float32, copy=False), query)
        starts = np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.int64)
        best: npt.NDArray[np.float32] = np.maximum.reduceat(sims, starts) if len(sims) \
            else np.zeros(len(positions), np.float32)
        return best
