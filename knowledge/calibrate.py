"""Fit the confidence model and its two cut points on the tuning sets, and write them.

    python -m knowledge.calibrate [--check] [--language es]

First it fits how much a message reads like a tech problem: a class-balanced logistic
regression over the message's static embedding, tech messages (answerable, two problems,
uncovered) against off-topic ones. Then a logistic regression (Newton's method, numpy only)
from that score and the evidence of the top two matches (knowledge/confidence.py) to "the
leading article is right", both on every line of the
tuning sets: knowledge/eval/tuning/teachers_*.jsonl and the first evaluation file
(questions.jsonl). Held-out files (heldout/, holdout.jsonl) are never read. Then it chooses
the cut points on the same lines:
- suggest_at: the highest value below which no blind-written tuning set
  (tuning/teachers_*.jsonl: the older file is easier, and would set it too high) has more
  than MAX_WRONGLY_DEFLECTED of its answerable messages: each writer is held to the budget
  on their own, so that neither writers whose messages all score high nor many who read the
  article titles loosen it for the hardest to read (on average over writers, three of ten
  left out were over it); below it the bot says it does not know;
- answer_at: the lowest value above which the leader is right for at least ANSWER_PRECISION
  of the questions (between the two, "did you mean").
The tuning sets' answerable messages are also indexed as asked questions (knowledge/asked.py),
so every message is ranked for the fit by an index without its own set's questions (`ranker`).
First each blind tuning set is scored by its `fold` (a confidence fitted without it, none of
its questions indexed); `--check` prints the figures without writing knowledge/calibration.json.

The static embedding's token table is tuned on the same asked questions
(knowledge/embedding/tune.py): this writes the table tuned on all of them
(knowledge/embedding/model/tuned.npz), and every index a fit or a fold ranks by has its own,
tuned on the asked questions it holds (`rebuilt`). Then refit the intent model, which reads
the table (`python -m knowledge.intents_fit`), and run this again: it reads the intents.

`--language es` fits the Spanish shelf's confidence on the Spanish tuning set
(tuning/es_teachers.jsonl, all of it blind-written) and writes knowledge/calibration_es.json.
That set is one file of 220 lines, so its cross-check leaves out one of FOLDS slices of it at
a time, with and without the tech score; TECH_BY_LANGUAGE says which is written.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np
import numpy.typing as npt

from knowledge import embedding
from knowledge.asked import ASKED_BY_LANGUAGE, with_asked
from knowledge.base import DENSE, KnowledgeBase, Shelf
from knowledge.confidence import FEATURES, Calibration, features, file_name
from knowledge.embedding.tune import tune_on, tuned
from knowledge.evaluate import (
    ANSWERABLE,
    Report,
    as_the_bot_does,
    evaluate,
)
from knowledge.index import Index, Ranking
from knowledge.intents import is_vague, recognise
from knowledge.loader import load_articles
from knowledge.model import Article
from knowledge.normalize import Synonyms
from knowledge.tuning import blind, tuning_questions

# Whether a language's confidence weighs the tech score. Spanish does not: fitted on its 220
# tuning lines, slice by slice, it moved the figures by one or two messages (noise), and it
# took "¿Cómo restablezco mi contraseña?" for something other than a tech problem.
TECH_BY_LANGUAGE = {"en": True, "es": False}
MAX_WRONGLY_DEFLECTED = 0.05  # issue 18's budget, for every writer
ANSWER_PRECISION = 0.9
L2 = 0.01
TECH_L2 = 1.0  # over the summed loss: chosen leaving one tuning writer out at a time
Array = npt.NDArray[np.float64]
Ranker = Callable[[str, str], Ranking]  # (a tuning message's group, the message) -> ranking
Mask = npt.NDArray[np.bool_]


def fit(x: Array, y: Array, steps: int = 50) -> tuple[Array, Array, Array]:
    """Standardise, then L2-regularised logistic regression by Newton's method."""
    spread = x.std(axis=0)
    # A feature that never varies (no dense channel in an ablation) is left unscaled.
    mean, scale = x.mean(axis=0), np.where(spread > 1e-6, spread, 1.0)
    z = np.c_[(x - mean) / scale, np.ones(len(x))]
    w = np.zeros(z.shape[1])
    ridge = L2 * np.diag(np.r_[np.ones(z.shape[1] - 1), 0.0])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-z @ w))
        gradient = z.T @ (p - y) / len(y) + ridge @ w
        hessian = (z * (p * (1 - p))[:, None]).T @ z / len(y) + ridge + 1e-9 * np.eye(len(w))
        w -= np.linalg.solve(hessian, gradient)
    return mean, scale, w


def fit_tech(vectors: Array, tech: Mask, steps: int = 30) -> tuple[float, ...]:
    """Weights (per dimension, then the bias) of a class-balanced, L2-regularised logistic
    regression from a message's embedding to "this is a tech problem", by Newton's method."""
    x = np.c_[vectors, np.ones(len(vectors))]
    y = tech.astype(np.float64)
    balance = np.where(tech, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
    ridge = TECH_L2 / len(y) * np.diag(np.r_[np.ones(x.shape[1] - 1), 0.0])
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ ((p - y) * balance) / len(y) + ridge @ w
        hessian = (x * (p * (1 - p) * balance)[:, None]).T @ x / len(y) + ridge \
            + 1e-9 * np.eye(len(w))
        w -= np.linalg.solve(hessian, gradient)
    return tuple(float(v) for v in w.round(6))


def cut_points(p: Array, right: Array, answerable: Mask, groups: list[str]
               ) -> tuple[float, float]:
    """(answer_at, suggest_at) by the rules in the module's docstring."""
    suggest_at = suggest_cut(p, answerable, groups)
    answer_at = 1.0
    for threshold in np.unique(np.round(p, 3))[::-1]:
        chosen = p >= threshold
        if chosen.any() and right[chosen].mean() < ANSWER_PRECISION:
            break
        answer_at = float(threshold)
    return max(answer_at, suggest_at), suggest_at


def suggest_cut(p: Array, answerable: Mask, groups: list[str]) -> float:
    """The highest cut below which no blind writer has more than MAX_WRONGLY_DEFLECTED of
    their answerable messages."""
    names = np.array(groups)
    writers = [p[answerable & (names == group)] for group in sorted(set(filter(blind, groups)))]
    writers = [shares for shares in writers if len(shares)]
    cut = 0.0
    for value in np.unique(np.concatenate(writers)):
        if max(np.mean(shares < value) for shares in writers) > MAX_WRONGLY_DEFLECTED:
            break
        cut = float(value)
    return cut


def uncalibrated() -> Calibration:
    """A stand-in while fitting: the shipped calibration is what is being replaced."""
    blank = len(FEATURES)
    return Calibration((0.0,) * blank, (1.0,) * blank, (0.0,) * blank, 0.0, 1.0, 0.0)


def calibrate(kb: KnowledgeBase, with_tech: bool = True, leave_out: str | None = None,
              language: str = "en") -> Calibration:
    """Fit the confidence model and its cut points for one of this knowledge base's shelves
    (without the tech score when `with_tech` is false, without one tuning group: for the
    ablations and the cross-check)."""
    return calibrate_index(ranker(kb.shelf(language), leave_out), language, with_tech,
                           leave_out)


def fixed(index: Index) -> Ranker:
    """Every tuning message ranked by one index (articles that carry no asked questions)."""
    return lambda group, text: index.rank(text)


def ranker(shelf: Shelf, leave_out: str | None = None) -> Ranker:
    """How a shelf's tuning messages are ranked for a fit: by its own index, unless its
    articles carry asked questions; then each message by an index built without those of
    its own group (nor of the group left out), so that none is scored against itself."""
    articles = shelf.articles
    if not any(article.asked for article in articles.values()):
        return fixed(shelf.index)
    indexes: dict[str, Index] = {}

    def rank(group: str, text: str) -> Ranking:
        if group not in indexes:
            left_out = {group, leave_out} if leave_out else {group}
            indexes[group] = rebuilt(shelf, with_asked(articles, shelf.language, left_out))
        return indexes[group].rank(text)
    return rank


def rebuilt(shelf: Shelf, articles: dict[str, Article]) -> Index:
    """An index like the shelf's (its synonyms, its model), over other articles. Where the
    shelf's table is tuned on asked questions, so is this one: on these articles' only."""
    index = shelf.index
    model = index.dense.model if index.dense is not None else None
    if model is not None and ASKED_BY_LANGUAGE.get(shelf.language, False):
        model = tuned(embedding.distilled(), articles)
    return Index(list(articles.values()), index.analyzer.synonyms, model, shelf.language)


def calibrate_index(rank: Ranker, language: str = "en", with_tech: bool = True,
                    leave_out: str | None = None) -> Calibration:
    """Fit the confidence model and its cut points from how a language's tuning messages
    are ranked (`rank`: see `ranker`)."""
    lines = [(source, q) for source, q in tuning_questions(language)
             if not is_vague(q.q) and source != leave_out]
    sources, questions = [s for s, _ in lines], [q for _, q in lines]
    rankings = [rank(source, q.q) for source, q in lines]
    known = [(r.query, q.kind != "offtopic") for r, q in zip(rankings, questions, strict=True)
             if with_tech and r.query is not None and q.kind != "vague"]
    tech = fit_tech(np.array([v for v, _ in known]), np.array([t for _, t in known])) \
        if known else ()
    rows, right = [], []
    for q, ranking in zip(questions, rankings, strict=True):
        rows.append(features(ranking, tech) if ranking.matches else [0.0] * len(FEATURES))
        leads = bool(ranking.matches) and ranking.matches[0].article_id in q.expect
        right.append(float(q.kind in ANSWERABLE and leads))
    x, y = np.array(rows), np.array(right)
    mean, scale, w = fit(x, y)
    p = 1 / (1 + np.exp(-(np.c_[(x - mean) / scale, np.ones(len(x))] @ w)))
    answerable = np.array([q.kind in ANSWERABLE for q in questions])
    answer_at, suggest_at = cut_points(p, y, answerable, sources)
    return Calibration(tuple(mean.round(6)), tuple(scale.round(6)), tuple(w[:-1].round(6)),
                       round(float(w[-1]), 6), round(answer_at, 4), round(suggest_at, 4), tech)


def fold(kb: KnowledgeBase, group: str, language: str = "en", with_tech: bool = True
         ) -> KnowledgeBase:
    """The knowledge base as it would be had one tuning group never been written: its
    confidence fitted without it, no asked question of that group indexed."""
    shelf, out = kb.shelf(language), kb.fork()
    fitted = calibrate_index(ranker(shelf, group), language, with_tech, leave_out=group)
    if any(article.asked for article in shelf.articles.values()):
        articles = with_asked(shelf.articles, language, {group})
        use(out, Shelf(language, articles, rebuilt(shelf, articles), fitted))
    else:
        use(out, replace(shelf, calibration=fitted))
    return out


def blind_groups(language: str = "en") -> list[str]:
    """The blind tuning groups of a language, in order: each is left out once."""
    return list(dict.fromkeys(s for s, _ in tuning_questions(language) if blind(s)))


def folds(kb: KnowledgeBase, language: str = "en", with_tech: bool = True
          ) -> dict[str, KnowledgeBase]:
    """Each blind tuning group's `fold`, by group."""
    return {group: fold(kb, group, language, with_tech) for group in blind_groups(language)}


def cross_check(kb: KnowledgeBase, language: str = "en", with_tech: bool = True) -> Report:
    """Each blind tuning group scored (as the bot runs) by its fold (`folds`); returns the
    figures of all groups pooled."""
    decided = {}
    for group, fold in folds(kb, language, with_tech).items():
        part = [q for s, q in tuning_questions(language) if s == group]
        answer = as_the_bot_does(fold.decide, recognise)
        decided.update({q.q: answer(q.q) for q in part})
        print(figures(f"{group} left out", evaluate(part, decided.__getitem__)))
    pooled = evaluate([q for s, q in tuning_questions(language) if blind(s)],
                      decided.__getitem__)
    print(figures("pooled", pooled))
    return pooled


def figures(name: str, report: Report) -> str:
    """One line of a cross-check's figures."""
    return (f"{name}: top-1 {report.top1:.3f}, answer accuracy {report.answer_acc:.3f}, "
            f"off-topic deflected {report.oos_deflected:.3f}, answerable wrongly deflected "
            f"{report.in_deflected:.3f}")


def use(kb: KnowledgeBase, shelf: Shelf) -> None:
    """Put a shelf (another calibration, say) in a knowledge base's place for its language."""
    if shelf.language in kb.others:
        kb.others = {**kb.others, shelf.language: shelf}
    else:
        kb.articles, kb.index, kb.calibration = shelf.articles, shelf.index, shelf.calibration


def main(check: bool, language: str) -> None:
    """Cross-check, fit, choose the cut points, print them, write the calibration."""
    model = embedding.shipped() if DENSE[language] else None
    if model is not None and ASKED_BY_LANGUAGE[language]:
        rows = tune_on(embedding.distilled(), load_articles(language=language))
        model = embedding.distilled().with_rows(rows.rows, rows.values)
        if not check:
            print(f"wrote {rows.save()} ({len(rows.rows)} rows tuned)")
    articles = load_articles(language=language)
    kb = KnowledgeBase(load_articles(), Synonyms.load(), model=model,
                       calibration=uncalibrated())
    if language != "en":
        index = Index(list(articles.values()), Synonyms.load(language=language), model, language)
        kb.others = {language: Shelf(language, articles, index, uncalibrated())}
    for with_tech in (True, False) if language != "en" else (True,):
        print(f"{language}, {'with' if with_tech else 'without'} the tech score:")
        cross_check(kb, language, with_tech)
    calibration = calibrate(kb, TECH_BY_LANGUAGE[language], language=language)
    print("weights " + ", ".join(f"{name} {weight:+.2f}" for name, weight in
                                 zip(FEATURES, calibration.weights, strict=True)))
    print(f"answer_at {calibration.answer_at:.3f}, suggest_at {calibration.suggest_at:.3f}")
    if not check:
        (Path(__file__).resolve().parent / file_name(language)).write_text(
            calibration.as_json(), "utf-8")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    main("--check" in arguments,
         arguments[arguments.index("--language") + 1] if "--language" in arguments else "en")
