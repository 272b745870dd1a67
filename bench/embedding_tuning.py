"""Tuning the static embedding (knowledge/embedding/tune.py): is the numpy fit torch's, and
what does it earn on messages it was not tuned on?

    OPENBLAS_NUM_THREADS=1 python bench/embedding_tuning.py [--agreement-only]

Needs torch (the `bench` extra). First, one fold's table (writer A left out) is tuned by
prepbot's numpy fit and by the same objective written with torch's autograd and Adam, timed
side by side: their int8 tables should match. Then the tuning sets out of fold, as the
calibration scores them (`knowledge.calibrate.cross_check`: each blind writer answered by a
table tuned without them and by a confidence fitted on the other writers as ranked by tables
tuned without each of those too), with the tuning and with the distilled table everywhere,
in one run. About 15 minutes on two cores.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch.nn import functional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge import calibrate  # noqa: E402
from knowledge.asked import with_asked  # noqa: E402
from knowledge.base import KnowledgeBase  # noqa: E402
from knowledge.embedding import StaticEmbedding, distilled  # noqa: E402
from knowledge.embedding.tune import LEARNING_RATE, PULL, STEPS, TEMPERATURE, tune_on  # noqa: E402
from knowledge.loader import load_articles  # noqa: E402
from knowledge.normalize import Synonyms  # noqa: E402


def bag(model: StaticEmbedding, texts: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
    """Word pieces of texts, flat, and where each text starts (for embedding_bag)."""
    pieces = [p for p in model.word_pieces(texts) if p]
    offsets = np.cumsum([0] + [len(p) for p in pieces[:-1]])
    return torch.tensor([i for p in pieces for i in p]), torch.tensor(offsets)


def torch_tuned(articles: dict, base: StaticEmbedding) -> np.ndarray:
    """The same fit as knowledge/embedding/tune.py, written with torch: the whole table."""
    start = torch.tensor(base.table.astype(np.float64))
    scale = float(start.abs().max())
    table = torch.nn.Parameter(start / scale)
    ways = [(n, t) for n, a in enumerate(articles.values()) for t in (a.title, *a.phrasings)
            if base.word_pieces([t])[0]]
    asked = [(q, n) for n, a in enumerate(articles.values()) for q in a.asked
             if base.word_pieces([q])[0]]
    owners = torch.tensor([n for n, _ in ways])
    a_flat, a_offsets = bag(base, [t for _, t in ways])
    q_flat, q_offsets = bag(base, [q for q, _ in asked])
    target = torch.tensor([n for _, n in asked])
    optimiser = torch.optim.Adam([table], lr=LEARNING_RATE)
    for _ in range(STEPS):
        vectors = functional.normalize(functional.embedding_bag(a_flat, table, a_offsets), dim=1)
        means = functional.normalize(torch.zeros(len(articles), table.shape[1],
                                                 dtype=table.dtype).index_add_(0, owners, vectors),
                                     dim=1)
        questions = functional.normalize(functional.embedding_bag(q_flat, table, q_offsets), dim=1)
        loss = functional.cross_entropy(questions @ means.T / TEMPERATURE, target) \
            + PULL * ((table - start / scale) ** 2).sum()
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
    out: np.ndarray = np.clip(np.round(table.detach().numpy() * scale), -127, 127)
    return out.astype(np.int8)


def agreement() -> None:
    """One fold's table by both fits, timed, and how far apart they are."""
    articles, base = with_asked(load_articles(asked=False), "en", {"teachers_a.jsonl"}), \
        distilled()
    began = time.perf_counter()
    rows = tune_on(base, articles)
    numpy_seconds, began = time.perf_counter() - began, time.perf_counter()
    reference = torch_tuned(articles, base)
    torch_seconds = time.perf_counter() - began
    gap = np.abs(reference[rows.rows].astype(int) - rows.values.astype(int))
    moved = np.flatnonzero((reference != base.table).any(axis=1))
    print(f"one fold, {len(rows.rows)} rows: numpy {numpy_seconds:.1f} s, torch "
          f"{torch_seconds:.1f} s; values that differ {(gap > 0).mean():.5f} (at most "
          f"{gap.max()}); rows torch moved that numpy did not tune: "
          f"{len(np.setdiff1d(moved, rows.rows))}", flush=True)


def out_of_fold() -> None:
    """The tuning sets out of fold, tuned and as distilled, in one run."""
    synonyms, articles = Synonyms.load(), load_articles()
    for label, tuned in (("tuned token table", calibrate.tuned),
                         ("distilled table (no tuning)", lambda base, _articles: base)):
        calibrate.tuned = tuned
        model = tuned(distilled(), articles)
        kb = KnowledgeBase(articles, synonyms, model=model, calibration=calibrate.uncalibrated())
        print(label, flush=True)
        calibrate.cross_check(kb)


if __name__ == "__main__":
    torch.set_num_threads(1)
    torch.set_default_dtype(torch.float64)
    agreement()
    if "--agreement-only" not in sys.argv:
        out_of_fold()
