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


def texts_of(article: Article) -> list[str]:
    """What the dense channel embeds for an article: its title and every phrasing."""
    return [article.title, *article.phrasings]


class DenseIndex:
    """Article vectors for one list of articles; build a new one to change articles."""

    def __init__(self, articles: Sequence[Article], model: StaticEmbedding) -> None:
        self.model = model
        texts = [texts_of(a) for a in articles]
        counts = np.array([len(t) for t in texts], dtype=np.int64)
        self.starts = np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.int64)
        self.counts = counts
        # float16 halves the memory of a large knowledge base; scores are computed in float32.
        vectors = model.encode_batch([t for group in texts for t in group])
        self.phrasings = vectors.astype(np.float16)
        sums = np.add.reduceat(vectors, self.starts, axis=0) if len(vectors) else vectors
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        np.divide(sums, norms, out=sums, where=norms > 0)
        self.centroids: Vectors = sums.astype(np.float32)

    def encode(self, question: str) -> Vectors:
        """The question's unit vector (zeros when no word piece is known)."""
        return self.model.encode_one(question)

    def centroid_scores(self, query: Vectors) -> npt.NDArray[np.float32]:
        """Cosine of the question with every article's mean phrasing."""
        return self.centroids @ query

    def best_phrasing(self, query: Vectors, position: int) -> float:
        """The cosine of the question with the article's closest title or phrasing."""
        start, count = self.starts[position], self.counts[position]
        rows = self.phrasings[start:start + count].astype(np.float32)
        return float((rows @ query).max()) if count else 0.0
