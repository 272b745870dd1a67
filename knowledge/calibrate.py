"""Fit the confidence model and its two cut points on the tuning sets, and write them.

    python -m knowledge.calibrate [--check] [--language es]

Fits a logistic regression (Newton's method, numpy only) from the evidence of the top two
matches (knowledge/confidence.py) to "the leading article is right" on every line of the
tuning sets: knowledge/eval/tuning/*.jsonl and the two older files. Held-out files are never
read. Then it chooses the cut points on the same lines:
- suggest_at: the highest value that leaves at most MAX_WRONGLY_DEFLECTED of the answerable
  messages of the blind-written tuning sets (tuning/teachers_*.jsonl: the older files are
  easier, and would set it too high) without an article; below it the bot says it does not
  know;
- answer_at: the lowest value above which the leader is right for at least ANSWER_PRECISION
  of the questions (between the two, "did you mean").
`--check` prints the figures without writing knowledge/calibration.json. `--language es`
fits the Spanish shelf's confidence on the Spanish tuning set (tuning/es_teachers.jsonl,
all of it blind-written) and writes knowledge/calibration_es.json.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import numpy.typing as npt

from knowledge import embedding
from knowledge.base import DENSE, KnowledgeBase
from knowledge.confidence import FEATURES, Calibration, features, file_name
from knowledge.evaluate import ANSWERABLE, Question, read_questions
from knowledge.index import Index
from knowledge.intents import is_vague
from knowledge.loader import load_articles
from knowledge.normalize import Synonyms

EVAL = Path(__file__).resolve().parent / "eval"
TUNING = [*sorted((EVAL / "tuning").glob("teachers_*.jsonl")), EVAL / "questions.jsonl",
          EVAL / "holdout.jsonl"]
TUNING_BY_LANGUAGE = {"en": TUNING, "es": [EVAL / "tuning" / "es_teachers.jsonl"]}
MAX_WRONGLY_DEFLECTED = 0.04
ANSWER_PRECISION = 0.9
L2 = 0.01
Array = npt.NDArray[np.float64]
Mask = npt.NDArray[np.bool_]


def tuning_questions(language: str = "en") -> list[tuple[str, Question]]:
    """Every line of a language's tuning files (never a held-out one), with its file's name."""
    return [(path.name, q) for path in TUNING_BY_LANGUAGE[language]
            for q in read_questions(path)]


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


def cut_points(p: Array, right: Array, answerable: Mask, blind: Mask
               ) -> tuple[float, float]:
    """(answer_at, suggest_at) by the rules in the module's docstring."""
    ordered = np.sort(p[answerable & blind])
    suggest_at = float(ordered[int(MAX_WRONGLY_DEFLECTED * len(ordered))])
    answer_at = 1.0
    for threshold in np.unique(np.round(p, 3))[::-1]:
        chosen = p >= threshold
        if chosen.any() and right[chosen].mean() < ANSWER_PRECISION:
            break
        answer_at = float(threshold)
    return max(answer_at, suggest_at), suggest_at


def uncalibrated() -> Calibration:
    """A stand-in while fitting: the shipped calibration is what is being replaced."""
    blank = len(FEATURES)
    return Calibration((0.0,) * blank, (1.0,) * blank, (0.0,) * blank, 0.0, 1.0, 0.0)


def calibrate(kb: KnowledgeBase, language: str = "en") -> Calibration:
    """Fit the confidence model and its cut points for this knowledge base's index."""
    return calibrate_index(kb.shelf(language).index, language)


def calibrate_index(index: Index, language: str = "en") -> Calibration:
    """Fit the confidence model and its cut points for one language's index."""
    lines = [(source, q) for source, q in tuning_questions(language) if not is_vague(q.q)]
    sources, questions = [s for s, _ in lines], [q for _, q in lines]
    rows, right = [], []
    for q in questions:
        ranking = index.rank(q.q)
        rows.append(features(ranking) if ranking.matches else [0.0] * len(FEATURES))
        leads = bool(ranking.matches) and ranking.matches[0].article_id in q.expect
        right.append(float(q.kind in ANSWERABLE and leads))
    x, y = np.array(rows), np.array(right)
    mean, scale, w = fit(x, y)
    p = 1 / (1 + np.exp(-(np.c_[(x - mean) / scale, np.ones(len(x))] @ w)))
    answerable = np.array([q.kind in ANSWERABLE for q in questions])
    blind = np.array(["teachers" in source for source in sources])
    answer_at, suggest_at = cut_points(p, y, answerable, blind)
    return Calibration(tuple(mean.round(6)), tuple(scale.round(6)), tuple(w[:-1].round(6)),
                       round(float(w[-1]), 6), round(answer_at, 4), round(suggest_at, 4))


def main(check: bool, language: str) -> None:
    """Fit, choose the cut points, print them, write the calibration."""
    model = embedding.shipped() if DENSE[language] else None
    index = Index(list(load_articles(language=language).values()),
                  Synonyms.load(language=language), model, language)
    calibration = calibrate_index(index, language)
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
