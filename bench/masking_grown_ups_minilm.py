"""The context model of bench/masking_grown_ups.py with MiniLM in place of its word features.

    python bench/masking_grown_ups_minilm.py [--cuts 0.8,0.9,0.95] [--heldout]

Needs the bench extras (pip install -e '.[bench]'). Tried in the eighth masking round and
not shipped: each lone first name is represented by all-MiniLM-L6-v2's embedding of the 160
characters either side of it, the name itself replaced by "NAME", and a logistic regression
over those 384 numbers says whether it is a grown-up's. Same examples, same leave-one-corpus-
out fits, same sparing rule and same scoring as masking_grown_ups.py, whose functions it
reuses; only the judge of a name differs.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import masking_grown_ups as sparse
from retrieval_systems import minilm_encoder

from bot.masking import found_by_rules

Spot = tuple[str, int, int]  # a text, and where the name is in it
L2, STEPS, RATE, REACH = 1.0, 400, 1.0, 160


class Embeddings:
    """MiniLM vectors of the words around each name, computed once."""

    def __init__(self) -> None:
        encoder = minilm_encoder()
        if isinstance(encoder, str):
            raise SystemExit(encoder)
        self.encode = encoder
        self.known: dict[Spot, np.ndarray] = {}

    def __call__(self, spots: list[Spot]) -> np.ndarray:
        """One row per spot, with a constant 1 for the bias."""
        new = [s for s in dict.fromkeys(spots) if s not in self.known]
        if new:
            windows = [(t[max(0, a - REACH):a] + "NAME" + t[b:b + REACH]).replace("\n", " ")
                       for t, a, b in new]
            self.known |= dict(zip(new, self.encode(windows), strict=True))
        return np.array([np.append(self.known[s], 1.0) for s in spots])


def spots(path: Path) -> list[tuple[Spot, int]]:
    """A corpus's lone first names and their labels (1: a grown-up), as sparse.examples."""
    if path in sparse.FIRST_NAMES:
        return [((row["text"], a, b), int(adult)) for row in sparse.rows(path)
                for a, b, adult in sparse.labelled_names(row)]
    found: list[tuple[Spot, int]] = []
    for row in sparse.rows(path):
        text = row["text"]
        if row["kind"] == "tech":
            found += [((text, s.start, s.end), 1) for s in found_by_rules(text, sparse.TODAY)
                      if s.kind == "name" and sparse.LONE.fullmatch(text[s.start:s.end])]
        for identifier in row["identifiers"] if row["kind"] != "tech" else []:
            if sparse.LONE.fullmatch(identifier):
                found += [((text, m.start(), m.end()), 0) for m in re.finditer(
                    rf"(?<!\w){re.escape(identifier)}(?!\w)", text)]
    return found


def fit(embed: Embeddings, data: list[tuple[Spot, int]]) -> np.ndarray:
    """Logistic regression over the embeddings, by gradient descent."""
    x = embed([spot for spot, _ in data])
    y = np.array([label for _, label in data], dtype=np.float64)
    w = np.zeros(x.shape[1])
    for _ in range(STEPS):
        error = 1.0 / (1.0 + np.exp(-(x @ w))) - y
        w -= RATE * (x.T @ error + L2 * w) / len(y)
    return w


def main() -> None:
    """Print every corpus's figures by the rules alone and with this model at each cut."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cuts", default="0.8,0.9,0.95")
    parser.add_argument("--heldout", action="store_true")
    options = parser.parse_args()
    cuts = [float(c) for c in options.cuts.split(",")]
    embed = Embeddings()
    every = {p: spots(p) for p in [*sparse.FIRST_NAMES, *sparse.TUNING]}
    models = {p: fit(embed, [e for other, found in every.items() if other != p for e in found])
              for p in every}
    if options.heldout:
        everything = fit(embed, [e for found in every.values() for e in found])
        models |= {p: everything for p in sparse.HELD_OUT}
    sparse.table({p: judge(embed, w) for p, w in models.items()}, cuts)


def judge(embed: Embeddings, weights: np.ndarray) -> sparse.Judge:
    """The fitted weights as a judge of names."""
    def grown_up(text: str, start: int, end: int) -> float:
        z = float(embed([(text, start, end)])[0] @ weights)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
    return grown_up


if __name__ == "__main__":
    main()
