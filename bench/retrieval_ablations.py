"""What earns its place: prepbot with one piece changed at a time, on the tuning sets only.

Each variant re-scores the candidates (every Match keeps the evidence of both channels), and
its confidence model and cut points are refitted (knowledge/calibrate.py), so no piece is
blamed for a calibration fitted without it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from knowledge import index as index_module
from knowledge.base import KnowledgeBase
from knowledge.calibrate import calibrate, uncalibrated
from knowledge.embedding import StaticEmbedding
from knowledge.evaluate import Question, evaluate
from knowledge.index import HAND_SET, WEIGHTS, Match, Ranking, evidence
from knowledge.normalize import Synonyms

Rescore = Callable[[list[Match]], list[float]]


class Rescored:
    """An index whose candidates are ordered by another scoring rule."""

    def __init__(self, index: index_module.Index, rescore: Rescore) -> None:
        self.index, self.rescore = index, rescore
        self.analyzer = index.analyzer  # the knowledge base asks it which words it knows

    def rank(self, question: str, limit: int = 5) -> Ranking:
        ranking = self.index.rank(question, limit=50)
        scored = [replace(m, score=s) for m, s in
                  zip(ranking.matches, self.rescore(ranking.matches), strict=True)]
        scored.sort(key=lambda m: (-m.score, m.article_id))
        return Ranking(scored[:limit], ranking.terms, ranking.query)

    def search(self, question: str, limit: int = 5) -> list[Match]:
        return self.rank(question, limit).matches


def weighted(**changes: float) -> Rescore:
    """The shipped rule with some of its weights (knowledge.index.WEIGHTS) changed."""
    weights = {**WEIGHTS, **changes}
    return lambda ms: [sum(w * x for w, x in zip(weights.values(), evidence(m), strict=True))
                       for m in ms]


def lexical_order(ms: list[Match]) -> list[Match]:
    """The candidates as the lexical channel alone orders them."""
    return sorted(ms, key=lambda m: -(WEIGHTS["lexical"] * m.lexical
                                      + WEIGHTS["phrase"] * m.phrase))


def reciprocal_rank(k: int = 60) -> Rescore:
    """Reciprocal-rank fusion of the lexical order and the dense order."""
    def rescore(ms: list[Match]) -> list[float]:
        lexical = lexical_order(ms)
        dense = sorted(ms, key=lambda m: -(m.dense + m.centroid))
        rank_l = {m.article_id: r for r, m in enumerate(lexical)}
        rank_d = {m.article_id: r for r, m in enumerate(dense)}
        return [1 / (k + rank_l[m.article_id]) + 1 / (k + rank_d[m.article_id]) for m in ms]
    return rescore


def dense_reranks_lexical_top(few: int = 5) -> Rescore:
    """Dense evidence only re-orders the lexical channel's first few."""
    def rescore(ms: list[Match]) -> list[float]:
        order = lexical_order(ms)
        top = {m.article_id for m in order[:few] if m.lexical > 0}
        shipped = weighted()(ms)
        return [s if m.article_id in top else s - 100 for m, s in zip(ms, shipped, strict=True)]
    return rescore


D, C = WEIGHTS["dense"], WEIGHTS["centroid"]
VARIANTS: list[tuple[str, Rescore | None]] = [
    ("as shipped (fitted weights)", weighted()),
    ("the former hand-set weights", weighted(**HAND_SET)),
    ("no BM25F or coverage term", weighted(bm25=0.0, coverage=0.0)),
    ("dense weights halved", weighted(dense=D / 2, centroid=C / 2)),
    ("dense weights doubled", weighted(dense=D * 2, centroid=C * 2)),
    ("dense: closest phrasing only", weighted(dense=D + C, centroid=0.0)),
    ("dense: mean phrasing only", weighted(dense=0.0, centroid=D + C)),
    ("dense channel alone", weighted(lexical=0.0, phrase=0.0, bm25=0.0, coverage=0.0)),
    ("no phrasing re-rank", weighted(phrase=0.0)),
    ("reciprocal-rank fusion (k=60)", reciprocal_rank()),
    ("dense re-ranks lexical top 5 only", dense_reranks_lexical_top()),
    ("no synonym table", None),
]


def table(kb: KnowledgeBase) -> StaticEmbedding:
    """The token table `kb`'s index reads: for articles without asked questions the distilled
    one, since the shipped table was tuned on the very messages the ablations score."""
    assert kb.index.dense is not None
    return kb.index.dense.model


def variant(kb: KnowledgeBase, name: str, rescore: Rescore | None) -> KnowledgeBase:
    out = KnowledgeBase(kb.articles, kb.synonyms, model=table(kb), calibration=uncalibrated())
    if rescore is None:  # no synonyms: the index itself changes
        out.index = index_module.Index(list(kb.articles.values()), Synonyms({}), table(kb))
    else:
        out.index = Rescored(out.index, rescore)  # type: ignore[assignment]
    out.calibration = calibrate(out)
    return out


def run(kb: KnowledgeBase, tuning: list[Question]) -> None:
    """Print one line per variant."""
    print("\nablations (tuning sets only; each variant's confidence refitted):")
    print(f"  {'variant':<36}{'top1':>6}{'top3':>7}{'ans_acc':>8}{'off_dfl':>8}{'in_dfl':>7}")
    no_dense = KnowledgeBase(kb.articles, kb.synonyms, calibration=uncalibrated())
    no_dense.index = index_module.Index(list(kb.articles.values()), kb.synonyms, None)
    no_dense.calibration = calibrate(no_dense)
    no_tech = KnowledgeBase(kb.articles, kb.synonyms, model=table(kb),
                            calibration=uncalibrated())
    no_tech.calibration = calibrate(no_tech, with_tech=False)
    built = [(name, variant(kb, name, rescore)) for name, rescore in VARIANTS]
    built.insert(1, ("no dense channel (lexical only)", no_dense))
    built.insert(2, ("confidence without the tech score", no_tech))
    for name, each in built:
        r = evaluate(tuning, each.answer)
        print(f"  {name:<36}{r.top1:6.3f}{r.top3:7.3f}{r.answer_acc:8.3f}"
              f"{r.oos_deflected:8.3f}{r.in_deflected:7.3f}")
