"""Fit the fused score's weights (knowledge.index.WEIGHTS) on the tuning sets, out of fold.

    python bench/fusion_weights.py

Each answerable tuning message is ranked by an index without its own writer's asked questions
(`knowledge.calibrate.ranker`); a softmax over its leading five articles, linear in their
evidence (`knowledge.index.evidence`), is fitted to put the right one first (gradient descent
from the shipped weights, a small L2 penalty). First each blind writer is left out in turn:
the weights are fitted on the others' messages (ranked without the left-out writer's asked
questions too) and scored on the writer's, beside the shipped weights in the same run. Then
the weights fitted on every tuning message are printed, scaled so that the lexical weight is
the shipped one (a common scale changes no order). English only; held-out sets never read.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import numpy.typing as npt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge import load_knowledge_base  # noqa: E402
from knowledge.calibrate import Ranker, ranker  # noqa: E402
from knowledge.evaluate import Question  # noqa: E402
from knowledge.index import HAND_SET, WEIGHTS, evidence  # noqa: E402
from knowledge.tuning import blind, tuning_questions  # noqa: E402

LEADERS, L2, STEPS, RATE = 5, 0.01, 500, 0.5
Array = npt.NDArray[np.float64]


def table(rank: Ranker, lines: list[tuple[str, Question]]) -> tuple[Array, Array]:
    """Evidence of each message's leaders (zero rows pad), and where the right one stands
    (-1 when it is not among them)."""
    rows, right = [], []
    for group, question in lines:
        matches = rank(group, question.q).matches[:LEADERS]
        ids = [m.article_id for m in matches]
        rows.append([evidence(m) for m in matches] + [(0.0,) * len(WEIGHTS)] *
                    (LEADERS - len(matches)))
        right.append(ids.index(question.expect[0]) if question.expect[0] in ids else -1)
    return np.array(rows), np.array(right)


def fit(x: Array, right: Array) -> Array:
    """Softmax weights over the leaders' evidence, per unit of raw evidence."""
    x, right = x[right >= 0], right[right >= 0]
    scale = x.reshape(-1, x.shape[2]).std(axis=0) + 1e-9
    z = x / scale
    w = np.array(list(WEIGHTS.values())) * scale
    for _ in range(STEPS):
        s = z @ w
        p = np.exp(s - s.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        p[np.arange(len(right)), right] -= 1
        w -= RATE * (np.einsum("nk,nkf->f", p, z) / len(right) + L2 * w)
    out: Array = w / scale
    return out


def first(x: Array, right: Array, w: Array) -> float:
    """The share of messages whose right article the weights put first."""
    return float(np.mean((x @ w).argmax(axis=1) == right))


def main() -> None:
    shelf = load_knowledge_base().shelf("en")
    lines = [(g, q) for g, q in tuning_questions() if q.kind == "answerable"
             and len(q.expect) == 1]
    compared = {"hand-set": np.array(list(HAND_SET.values())),
                "shipped": np.array(list(WEIGHTS.values()))}
    hits = {"hand-set": 0.0, "shipped": 0.0, "fitted": 0.0}
    for left in dict.fromkeys(g for g, _ in lines if blind(g)):
        x, right = table(ranker(shelf, leave_out=left), [(g, q) for g, q in lines if g != left])
        test_x, test_right = table(ranker(shelf), [(g, q) for g, q in lines if g == left])
        scores = {name: first(test_x, test_right, w) for name, w in
                  {**compared, "fitted": fit(x, right)}.items()}
        for name, score in scores.items():
            hits[name] += score * len(test_right)
        print(f"{left} left out: top-1 " + ", ".join(
            f"{score:.3f} {name}" for name, score in scores.items()), flush=True)
    count = sum(blind(g) for g, _ in lines)
    print("pooled: top-1 " + ", ".join(f"{hit / count:.3f} {name}" for name, hit in hits.items())
          + " (fitted: without the writer scored)")
    w = fit(*table(ranker(shelf), lines))
    w *= WEIGHTS["lexical"] / w[0]
    print("fitted on every tuning message: " + ", ".join(
        f"{name} {value:.3f}" for name, value in zip(WEIGHTS, w, strict=True)))


if __name__ == "__main__":
    main()
