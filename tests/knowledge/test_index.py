"""The lexical index: BM25 over an article's title, phrasings, asked questions, tags and body."""

from __future__ import annotations

import math

import pytest

from knowledge.index import K1, B, Index
from knowledge.model import Article
from knowledge.normalize import Synonyms


def article(article_id: str, title: str, phrasings: tuple[str, ...], summary: str,
            asked: tuple[str, ...] = ()) -> Article:
    """An article with only the texts the index reads."""
    return Article(id=article_id, title=title, category="hardware", audience="teacher",
                   escalate_to="it", tags=("zeta",), phrasings=phrasings, updated="2026-12-01",
                   summary=summary, steps=(), asked=asked)


@pytest.fixture
def index() -> Index:
    return Index([
        article("a", "Lantern glows", ("lantern flickers", "lantern flickers again"), "Trim it."),
        article("b", "Kettle hums", ("kettle hums loudly",), "Descale the kettle.",
                asked=("my kettle hums and the lantern too",)),
        article("c", "Quilt frays", ("quilt frays",), "Stitch it."),
    ], Synonyms({}))


def expected_weight(tf: float, having: int, length: float, average: float, n: int) -> float:
    """Textbook BM25 (Lucene's idf) for one term in one article."""
    idf = math.log(1 + (n - having + 0.5) / (having + 0.5))
    return idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average))


def test_a_terms_weight_is_bm25_over_all_of_an_articles_texts(index: Index) -> None:
    texts = ["Lantern glows", "lantern flickers", "lantern flickers again", "zeta hardware",
             "Trim it."]
    terms = [t for text in texts for t in index.analyzer.terms(text)]
    lantern = index.query_terms("lantern")[0]
    assert terms.count(lantern) == 3
    assert index.weights[lantern][0] == pytest.approx(
        expected_weight(3, 2, len(terms), index.avg_length, 3), rel=1e-12)


def test_an_asked_question_counts_for_its_article_alone(index: Index) -> None:
    lantern, kettle = index.query_terms("lantern")[0], index.query_terms("kettle")[0]
    assert set(index.weights[lantern]) == {0, 1}
    assert set(index.weights[kettle]) == {1}


def test_a_rarer_term_weighs_more_than_a_common_one(index: Index) -> None:
    lantern, quilt = index.query_terms("lantern")[0], index.query_terms("quilt")[0]
    assert index.idf[quilt] > index.idf[lantern]


def test_an_index_of_no_articles_finds_nothing() -> None:
    empty = Index([], Synonyms({}))
    assert empty.search("lantern") == [] and empty.weights == {}
