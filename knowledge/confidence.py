"""One confidence score for a ranking: the estimated chance that the leading article is right.

It is a logistic model over the evidence of the top two matches (how close in meaning, how
many of the question's words the article covers, how far it leads the runner-up) and over
how much the message reads like a tech problem at all (a linear score over its static
embedding, fitted on the tuning sets' tech messages against their off-topic ones), fitted by
`python -m knowledge.calibrate` on the tuning sets, where "right" means: the message is a
question an article answers, and that article leads. Off-topic, uncovered and vague
messages count as "not right", so the same number says "answer", "did you mean" and
"I don't know" (knowledge/decide.py holds the two cut points, chosen in the same run).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import numpy as np

from knowledge.embedding import Vectors
from knowledge.index import Match, Ranking

FEATURES = ("dense", "centroid", "coverage", "phrase", "margin", "dense_margin", "terms",
            "bm25", "tech")


def tech_score(ranking: Ranking, tech: Sequence[float] | Vectors) -> float:
    """How much the message reads like a tech problem: `tech` weighs each dimension of its
    embedding, then adds a bias (0 without a dense channel or without weights)."""
    if ranking.query is None or not len(tech):
        return 0.0
    if len(tech) != len(ranking.query) + 1:
        raise ValueError("knowledge/calibration.json was fitted on another embedding: re-run "
                         "python -m knowledge.calibrate")
    return float(np.dot(ranking.query, tech[:-1]) + tech[-1])


def features(ranking: Ranking, tech: Sequence[float] | Vectors = ()) -> list[float]:
    """The evidence the model weighs, in FEATURES order."""
    top = ranking.matches[0]
    second = ranking.matches[1] if len(ranking.matches) > 1 else Match("", 0.0)
    return [top.dense, top.centroid, top.coverage, top.phrase, top.score - second.score,
            top.dense - second.dense, min(ranking.terms, 6) / 6, top.bm25 / (top.bm25 + 5),
            tech_score(ranking, tech)]


@dataclass(frozen=True)
class Calibration:
    """A fitted logistic model: standardise each feature, weigh, add the bias."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    answer_at: float
    suggest_at: float
    tech: tuple[float, ...] = ()  # per embedding dimension, then the bias (see tech_score)
    _tech: Vectors = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # The tech weights as an array once, not on every question.
        object.__setattr__(self, "_tech", np.array(self.tech, dtype=np.float32))

    def probability(self, ranking: Ranking) -> float:
        """The chance, as fitted, that the leading article is the right answer."""
        if not ranking.matches:
            return 0.0
        z = self.bias + sum(w * (x - m) / s for w, x, m, s in zip(
            self.weights, features(ranking, self._tech), self.mean, self.scale, strict=True))
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))

    def as_json(self) -> str:
        """The file `knowledge/calibration.json` holds."""
        fields = {k: v for k, v in self.__dict__.items() if not k.startswith("_")}
        return json.dumps({"features": FEATURES, **fields}, indent=1) + "\n"


def file_name(language: str = "en") -> str:
    """The shipped calibration's file name for a language (`calibration_es.json`)."""
    return "calibration.json" if language == "en" else f"calibration_{language}.json"


@lru_cache(maxsize=4)
def shipped(language: str = "en") -> Calibration:
    """The calibration fitted on a language's tuning sets and shipped with the package."""
    raw = json.loads((resources.files("knowledge") / file_name(language)).read_text("utf-8"))
    if tuple(raw["features"]) != FEATURES:
        raise ValueError("knowledge/calibration.json was fitted on other features: re-run "
                         "python -m knowledge.calibrate")
    return Calibration(tuple(raw["mean"]), tuple(raw["scale"]), tuple(raw["weights"]),
                       float(raw["bias"]), float(raw["answer_at"]), float(raw["suggest_at"]),
                       tuple(raw.get("tech", ())))
