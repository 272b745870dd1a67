"""Tune the static embedding's token table on the questions teachers asked (numpy only).

Each asked question (knowledge/asked.py) is pulled towards the mean of its article's curated
phrasings and away from the other articles' (softmax over the articles' means, temperature
0.05, Adam, an L2 pull back to the distilled table): the distilled table knows English, the
asked questions teach it this knowledge base's words ("smartboard" is a board, "kiddos" ask
about their own accounts). Only the rows of word pieces the questions and phrasings use can
move, so a tuning is a few hundred rows and a few seconds; `Tuned` is what ships
(`model/tuned.npz`) and what the runtime lays over the distilled table. The gradient is
written out here because torch is too heavy a dependency for a fit the calibration repeats
once per tuning group (bench/embedding_tuning.py checks the same fit against torch's).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from scipy import sparse

from knowledge.embedding import TUNED, StaticEmbedding, shipped_folder
from knowledge.model import Article

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
TEMPERATURE, LEARNING_RATE, STEPS, PULL = 0.05, 0.05, 150, 0.001
BETAS, EPSILON = (0.9, 0.999), 1e-8  # Adam's usual constants


@dataclass(frozen=True)
class Tuned:
    """The rows of the token table that tuning moved, in the table's own int8 units."""

    rows: Ints
    values: npt.NDArray[np.int8]

    def save(self, folder: Path | None = None) -> Path:
        """Write the rows where `shipped()` reads them (or into another folder)."""
        path = (folder or shipped_folder()) / TUNED
        with path.open("wb") as out:  # np.savez would add its own ".npz" to a str path
            np.savez_compressed(out, rows=self.rows, values=self.values)
        return path


def tune_on(base: StaticEmbedding, articles: Mapping[str, Article]) -> Tuned:
    """`base`'s table tuned on the questions asked of these articles (Article.asked)."""
    ways = [base.word_pieces([a.title, *a.phrasings]) for a in articles.values()]
    asked = [(pieces, n) for n, a in enumerate(articles.values())
             for pieces in base.word_pieces(list(a.asked))]
    return tune(base.table, ways, asked)


def tuned(base: StaticEmbedding, articles: Mapping[str, Article]) -> StaticEmbedding:
    """`base` tuned on the questions asked of these articles; `base` itself when none
    carries any."""
    if not any(article.asked for article in articles.values()):
        return base
    rows = tune_on(base, articles)
    return base.with_rows(rows.rows, rows.values)


def bags(texts: Sequence[Sequence[int]], local: Mapping[int, int], size: int
         ) -> sparse.csr_array:
    """Each text (word-piece ids, none empty) as a row that holds each of its pieces' share
    of its mean: the texts' means are this times the table."""
    pieces = [local[i] for text in texts for i in text]
    owners = [n for n, text in enumerate(texts) for _ in text]
    shares = [1 / len(text) for text in texts for _ in text]
    return sparse.csr_array((shares, (owners, pieces)), shape=(len(texts), size))


def unit(x: Floats) -> tuple[Floats, Floats]:
    """Rows scaled to length one, and their former lengths."""
    norms = np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
    return x / norms, norms


def unit_gradient(d_unit: Floats, unit_rows: Floats, norms: Floats) -> Floats:
    """Back through `unit`."""
    along = (unit_rows * d_unit).sum(axis=1, keepdims=True)
    out: Floats = (d_unit - unit_rows * along) / norms
    return out


@dataclass(frozen=True)
class Problem:
    """What a tuning fits: texts as averages of table rows, and where each belongs."""

    phrasings: sparse.csr_array  # phrasing x row: each phrasing's mean (see `bags`)
    members: sparse.csr_array  # article x phrasing: the phrasings of each article's mean
    questions: sparse.csr_array  # question x row
    target: Ints  # each question's article


def posed(phrasings: Sequence[Sequence[Sequence[int]]],
          questions: Sequence[tuple[Sequence[int], int]]) -> tuple[list[int], Problem]:
    """The rows a tuning can move (every piece of a phrasing or a question), and the
    `Problem` over them (see `tune`)."""
    texts = [text for texts in phrasings for text in texts if text]
    owners = np.array([n for n, texts in enumerate(phrasings) for text in texts if text])
    asked = [(text, article) for text, article in questions if text]
    used = sorted({i for text in texts for i in text} | {i for text, _ in asked for i in text})
    local = {row: n for n, row in enumerate(used)}
    return used, Problem(
        bags(texts, local, len(used)),
        sparse.csr_array((np.ones(len(owners)), (owners, np.arange(len(owners)))),
                         shape=(len(phrasings), len(owners))),
        bags([text for text, _ in asked], local, len(used)),
        np.array([article for _, article in asked], dtype=np.int64))


def tune(table: npt.NDArray[np.int8], phrasings: Sequence[Sequence[Sequence[int]]],
         questions: Sequence[tuple[Sequence[int], int]], steps: int = STEPS) -> Tuned:
    """Tune `table` so that each question (word-piece ids, the number of its article)
    lands nearest the mean of its article's phrasings (`phrasings[article]`: the word-piece
    ids of each)."""
    used, problem = posed(phrasings, questions)
    scale = float(np.abs(table).max())
    start = table[used].astype(np.float64) / scale
    weights = start.copy()
    first, second = np.zeros_like(weights), np.zeros_like(weights)
    for step in range(1, steps + 1):
        gradient = loss_gradient(weights, problem) + 2 * PULL * (weights - start)
        first = BETAS[0] * first + (1 - BETAS[0]) * gradient
        second = BETAS[1] * second + (1 - BETAS[1]) * gradient ** 2
        weights -= LEARNING_RATE * (first / (1 - BETAS[0] ** step)) / (
            np.sqrt(second / (1 - BETAS[1] ** step)) + EPSILON)
    values = np.clip(np.round(weights * scale), -127, 127).astype(np.int8)
    return Tuned(np.array(used, dtype=np.int64), values)


def loss(weights: Floats, problem: Problem) -> float:
    """The mean cross-entropy of every question's softmax over the articles' mean phrasings
    (what `loss_gradient` differentiates)."""
    phrasings, _ = unit(np.asarray(problem.phrasings @ weights))
    centres, _ = unit(np.asarray(problem.members @ phrasings))
    asked, _ = unit(np.asarray(problem.questions @ weights))
    logits = asked @ centres.T / TEMPERATURE
    top = logits.max(axis=1)
    spread = np.log(np.exp(logits - top[:, None]).sum(axis=1)) + top
    return float((spread - logits[np.arange(len(problem.target)), problem.target]).mean())


def loss_gradient(weights: Floats, problem: Problem) -> Floats:
    """The gradient of the mean cross-entropy of every question's softmax over the
    articles' mean phrasings."""
    phrasings, phrasing_norms = unit(np.asarray(problem.phrasings @ weights))
    centres, centre_norms = unit(np.asarray(problem.members @ phrasings))
    asked, asked_norms = unit(np.asarray(problem.questions @ weights))
    logits = asked @ centres.T / TEMPERATURE
    probabilities = np.exp(logits - logits.max(axis=1, keepdims=True))
    probabilities /= probabilities.sum(axis=1, keepdims=True)
    probabilities[np.arange(len(problem.target)), problem.target] -= 1
    d_logits = probabilities / (len(problem.target) * TEMPERATURE)
    d_asked = unit_gradient(d_logits @ centres, asked, asked_norms)
    d_centres = unit_gradient(d_logits.T @ asked, centres, centre_norms)
    d_phrasings = unit_gradient(np.asarray(problem.members.T @ d_centres), phrasings,
                                phrasing_norms)
    return np.asarray(problem.questions.T @ d_asked + problem.phrasings.T @ d_phrasings)
