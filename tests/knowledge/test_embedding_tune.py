"""Tuning the token table on asked questions: the fit is the one described, it moves only
the rows it should, and what ships is what the calibration writes."""

from __future__ import annotations

import numpy as np

from knowledge.asked import with_asked
from knowledge.base import Shelf
from knowledge.calibrate import rebuilt
from knowledge.confidence import shipped as shipped_calibration
from knowledge.embedding import distilled, shipped
from knowledge.embedding.tune import loss, loss_gradient, posed, tune, tune_on, tuned
from knowledge.index import Index
from knowledge.loader import load_articles
from knowledge.normalize import Synonyms

# Two articles of two phrasings each over a six-row table; a question on rows 0 and 5.
PHRASINGS = [[[0, 1], [1, 2]], [[3, 4], [4, 5]]]


def test_the_gradient_is_the_losss_own() -> None:
    used, problem = posed(PHRASINGS, [([0, 5], 0), ([2, 3, 3], 1)])
    weights = np.random.default_rng(1).normal(size=(len(used), 4))
    analytic, step = loss_gradient(weights, problem), 1e-6
    numeric = np.zeros_like(weights)
    for index in np.ndindex(weights.shape):
        nudged = weights.copy()
        nudged[index] += step
        numeric[index] = (loss(nudged, problem) - loss(weights, problem)) / step
    assert np.allclose(analytic, numeric, atol=1e-4)


def test_a_question_ends_nearer_the_article_it_was_asked_of() -> None:
    table = np.random.default_rng(2).integers(-127, 128, size=(8, 4)).astype(np.int8)
    question = ([0, 5], 1)

    def lead(table: np.ndarray) -> float:
        vectors = table.astype(np.float64)
        means = [np.mean([vectors[t].mean(axis=0) for t in texts], axis=0)
                 for texts in PHRASINGS]
        asked = vectors[question[0]].mean(axis=0)
        cosine = [float(asked @ m / np.linalg.norm(asked) / np.linalg.norm(m)) for m in means]
        return cosine[1] - cosine[0]

    rows = tune(table, PHRASINGS, [question])
    after = table.copy()
    after[rows.rows] = rows.values
    assert lead(after) > lead(table)
    assert set(rows.rows.tolist()) == {0, 1, 2, 3, 4, 5}  # rows 6 and 7 are never read
    assert rows.values.dtype == np.int8


def test_articles_nobody_asked_about_leave_the_table_as_distilled() -> None:
    assert tuned(distilled(), load_articles(asked=False)) is distilled()


def test_the_shipped_table_is_the_distilled_one_tuned_on_every_asked_question() -> None:
    rows = tune_on(distilled(), load_articles())
    model, base = shipped(), distilled()
    changed = np.abs(model.table[rows.rows].astype(int) - rows.values.astype(int))
    assert changed.max() <= 1 and (changed > 0).mean() < 0.001  # threaded sums' last bits
    others = np.setdiff1d(np.arange(len(base.table)), rows.rows)
    assert np.array_equal(model.table[others], base.table[others])
    assert (model.table[rows.rows] != base.table[rows.rows]).mean() > 0.05


def test_an_index_built_without_a_group_has_a_table_tuned_without_it() -> None:
    articles = load_articles()
    shelf_index = Index(list(articles.values()), Synonyms.load(), shipped())
    shelf = Shelf("en", articles, shelf_index, shipped_calibration())
    without = with_asked(articles, "en", {"teachers_a.jsonl"})
    index = rebuilt(shelf, without)
    assert index.dense is not None
    own = index.dense.model.table
    assert not np.array_equal(own, shipped().table)
    assert not np.array_equal(own, distilled().table)
    expected = tune_on(distilled(), without)
    assert np.abs(own[expected.rows].astype(int) - expected.values.astype(int)).max() <= 1
