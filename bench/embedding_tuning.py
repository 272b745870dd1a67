"""Would fine-tuning the static embedding on the tuning questions carry over to new writers?

    python bench/embedding_tuning.py [--steps 150] [--weight 0.001]

Needs torch (the `bench` extra, as `knowledge.embedding.distill` does). The shipped token table
is tuned so that each answerable tuning message lands nearest its article's mean phrasing
(softmax over the 36 articles' means, temperature 0.05, Adam, an L2 pull back to the shipped
table), and scored leaving one blind writer out at a time, nested: the left-out writer's
messages are answered by a table tuned without them, with no asked question of theirs
indexed, and by a confidence fitted on the other groups' messages as ranked by tables tuned
without those groups too. Printed beside the same procedure with no tuning (0 steps), in the
same run. Nothing here changes what ships.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import torch
from safetensors.numpy import save_file
from torch.nn import functional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge.asked import with_asked  # noqa: E402
from knowledge.base import KnowledgeBase, Shelf  # noqa: E402
from knowledge.calibrate import calibrate_index, figures, use  # noqa: E402
from knowledge.embedding import StaticEmbedding, shipped, shipped_folder  # noqa: E402
from knowledge.evaluate import Report, as_the_bot_does, evaluate  # noqa: E402
from knowledge.index import Index, Ranking  # noqa: E402
from knowledge.intents import recognise  # noqa: E402
from knowledge.loader import load_articles  # noqa: E402
from knowledge.normalize import Synonyms  # noqa: E402
from knowledge.tuning import blind, tuning_questions  # noqa: E402

TEMPERATURE, LEARNING_RATE = 0.05, 0.05


def bag(model: StaticEmbedding, texts: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
    """Word pieces of texts, flat, and where each text starts (for embedding_bag)."""
    pieces = [p or [0] for p in model._batch_ids(texts)]
    offsets = np.cumsum([0] + [len(p) for p in pieces[:-1]])
    return torch.tensor([i for p in pieces for i in p]), torch.tensor(offsets)


def tuned(left_out: set[str], steps: int, weight: float) -> np.ndarray:
    """The shipped table tuned on the answerable messages of every group but `left_out`."""
    torch.manual_seed(0)
    base, articles = shipped(), load_articles(asked=False)
    ids = list(articles)
    start = torch.tensor(base.table.astype(np.float32))
    scale = float(start.abs().max())
    table = torch.nn.Parameter(start / scale)
    texts = [(n, t) for n, i in enumerate(ids) for t in (articles[i].title, *articles[i].phrasings)]
    owners = torch.tensor([n for n, _ in texts])
    a_flat, a_offsets = bag(base, [t for _, t in texts])
    asked = [(q.q, ids.index(q.expect[0])) for g, q in tuning_questions() if g not in left_out
             and q.kind == "answerable" and len(q.expect) == 1 and q.expect[0] in articles]
    q_flat, q_offsets = bag(base, [q for q, _ in asked])
    target = torch.tensor([n for _, n in asked])
    optimiser = torch.optim.Adam([table], lr=LEARNING_RATE)
    for _ in range(steps):
        vectors = functional.normalize(functional.embedding_bag(a_flat, table, a_offsets), dim=1)
        means = functional.normalize(torch.zeros(len(ids), table.shape[1]).index_add_(
            0, owners, vectors), dim=1)
        questions = functional.normalize(functional.embedding_bag(q_flat, table, q_offsets), dim=1)
        loss = functional.cross_entropy(questions @ means.T / TEMPERATURE, target) \
            + weight * ((table - start / scale) ** 2).sum()
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
    out: np.ndarray = table.detach().numpy() * scale
    return out


def as_model(table: np.ndarray, folder: Path) -> StaticEmbedding:
    """A table saved as the runtime reads it (int8, the shipped tokenizer), and loaded."""
    folder.mkdir(parents=True)
    for name in ("tokenizer.json", "config.json"):
        shutil.copy(shipped_folder() / name, folder / name)
    quantized = np.clip(np.round(table / np.abs(table).max() * 127), -127, 127).astype(np.int8)
    save_file({"embeddings": quantized}, str(folder / "model.safetensors"))
    return StaticEmbedding(folder)


def nested(steps: int, weight: float, scratch: Path) -> Report:
    """Every blind group answered as described in the module's docstring; pooled figures."""
    lines, synonyms, articles = tuning_questions(), Synonyms.load(), load_articles()
    groups = list(dict.fromkeys(g for g, _ in lines))
    decided = {}
    for left in (g for g in groups if blind(g)):
        inner = {}
        for other in (g for g in groups if g != left):
            model = as_model(tuned({left, other}, steps, weight), scratch / f"{left}-{other}")
            kept = with_asked(articles, "en", {left, other})
            inner[other] = Index(list(kept.values()), synonyms, model)

        def rank(group: str, text: str, inner: dict[str, Index] = inner) -> Ranking:
            return inner[group].rank(text)
        confidence = calibrate_index(rank, "en", True, leave_out=left)
        model = as_model(tuned({left}, steps, weight), scratch / left)
        kb = KnowledgeBase(articles, synonyms, model=model)
        kept = with_asked(articles, "en", {left})
        use(kb, Shelf("en", kept, Index(list(kept.values()), synonyms, model), confidence))
        answer = as_the_bot_does(kb.decide, recognise)
        part = [q for g, q in lines if g == left]
        decided.update({q.q: answer(q.q) for q in part})
        print(figures(f"  {left} left out", evaluate(part, decided.__getitem__)), flush=True)
    return evaluate([q for g, q in lines if blind(g)], decided.__getitem__)


def main(steps: int, weight: float) -> None:
    torch.set_num_threads(1)
    with tempfile.TemporaryDirectory() as scratch:
        for label, n in (("shipped table (0 steps)", 0), (f"tuned, {steps} steps", steps)):
            print(label)
            print(figures("  pooled", nested(n, weight, Path(scratch) / str(n))), flush=True)


if __name__ == "__main__":
    arguments = sys.argv[1:]
    main(int(arguments[arguments.index("--steps") + 1]) if "--steps" in arguments else 150,
         float(arguments[arguments.index("--weight") + 1]) if "--weight" in arguments else 0.001)
