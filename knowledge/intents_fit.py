"""Fit the intent model (knowledge/intents.py) on the tuning sets, cross-check it, write it.

    python -m knowledge.intents_fit [--check]

Training lines: every intent set in knowledge/eval/tuning/ (`intents*.jsonl` and the
Spanish `es_intents.jsonl`, each line `{"text", "intent"}`), the hand-written phrasings of
knowledge/intent_phrasings.yml and its Spanish sibling intent_phrasings_es.yml (cases those
sets have too few of), plus the real tech messages of the tuning message sets (answerable,
two-problems and uncovered lines as "question", vague lines as "vague"; off-topic lines are
left out, since some are greetings or thanks). Held-out files are never read. Each intent of
the intent sets weighs the same in total; the tuning messages together weigh as much as one
intent more, on the "question" side, so the model learns what a real question looks like
without drowning the small intents.

First it cross-checks: trained without one intent set, it is scored on that set, and trained
without one message file, it is scored on that file's real questions (how many would be
taken for small talk or a request for a person). Then it fits on everything and writes
knowledge/embedding/model/intents.npz (`--check` only prints). Run it with one BLAS thread
(OPENBLAS_NUM_THREADS=1) to get the same file twice: threaded sums differ in the last bits, and
the fit follows them.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import yaml

from knowledge import embedding
from knowledge.evaluate import ANSWERABLE, evaluate_intents, read_lines, read_questions
from knowledge.intents import INTENTS, IntentModel, lexical_features

HERE = Path(__file__).resolve().parent
TUNING = HERE / "eval" / "tuning"
OUT = HERE / "embedding" / "model" / "intents.npz"
PHRASINGS = (HERE / "intent_phrasings.yml", HERE / "intent_phrasings_es.yml")
L2 = 0.1  # per feature, over the weighted mean loss: chosen by the cross-check
MIN_COUNT = 2  # a feature seen once is a name, not a pattern
STEPS = 400
Line = tuple[str, str, bool]  # text, intent, from a message file (not an intent set)
Array = npt.NDArray[np.float32]


def intent_lines(path: Path) -> list[Line]:
    """One intent set's lines."""
    return [(str(row["text"]), str(row["intent"]), False) for row in read_lines(path)]


def phrasing_lines(paths: Sequence[Path] = PHRASINGS) -> list[Line]:
    """The hand-written phrasings, intent by intent, English then Spanish."""
    tables = [yaml.safe_load(path.read_text("utf-8")) or {} for path in paths]
    return [(str(text), str(intent), False) for table in tables
            for intent, texts in table.items() for text in texts]


def message_lines(path: Path) -> list[Line]:
    """A message file's real tech messages, as questions (vague ones as vague)."""
    return [(q.q, "vague" if q.kind == "vague" else "question", True)
            for q in read_questions(path) if q.kind in (*ANSWERABLE, "uncovered", "vague")]


def intent_files() -> list[Path]:
    """The tuning intent sets, English and Spanish."""
    return [*sorted(TUNING.glob("intents*.jsonl")), *sorted(TUNING.glob("es_intents*.jsonl"))]


def message_files() -> list[Path]:
    """The tuning message sets, English and Spanish, and the first evaluation file
    (holdout.jsonl is held out)."""
    return [*sorted(TUNING.glob("teachers_*.jsonl")), *sorted(TUNING.glob("es_teachers*.jsonl")),
            HERE / "eval" / "questions.jsonl"]


def weights(lines: Sequence[Line]) -> Array:
    """Each intent set's intent weighs 1 in all; the message files' lines weigh 1 together."""
    counts = Counter(intent for _, intent, message in lines if not message)
    messages = sum(message for _, _, message in lines) or 1
    raw = [1 / messages if message else 1 / counts[intent] for _, intent, message in lines]
    w: Array = np.array(raw, dtype=np.float32)
    w /= w.sum()
    return w


def design(texts: Sequence[str], features: dict[str, int]) -> Array:
    """The model's input: the L2-normalised lexical block, then the embedding."""
    model = embedding.shipped()
    x = np.zeros((len(texts), len(features) + model.dim), dtype=np.float32)
    for row, text in enumerate(texts):
        present = sorted({features[f] for f in lexical_features(text) if f in features})
        if present:
            x[row, present] = 1 / np.sqrt(len(present))
    x[:, len(features):] = model.encode(list(texts))
    return x


def fit(lines: Sequence[Line], l2: float = L2, steps: int = STEPS) -> IntentModel:
    """Weighted multinomial logistic regression with an L2 penalty, by Adam (numpy only)."""
    counts = Counter(f for text, _, _ in lines for f in set(lexical_features(text)))
    features = {f: i for i, f in enumerate(sorted(f for f, n in counts.items()
                                                   if n >= MIN_COUNT))}
    x = design([text for text, _, _ in lines], features)
    y = np.zeros((len(lines), len(INTENTS)), dtype=np.float32)
    y[np.arange(len(lines)), [INTENTS.index(i) for _, i, _ in lines]] = 1
    w = weights(lines)[:, None]
    params = np.zeros((x.shape[1] + 1, len(INTENTS)), dtype=np.float32)
    xb = np.c_[x, np.ones(len(x), dtype=np.float32)]
    ridge = np.full((x.shape[1] + 1, 1), l2 / len(lines), dtype=np.float32)
    ridge[-1] = 0.0  # the bias is not penalised
    first, second = np.zeros_like(params), np.zeros_like(params)
    for step in range(1, steps + 1):
        z = xb @ params
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        gradient = xb.T @ ((p - y) * w) + ridge * params
        first = 0.9 * first + 0.1 * gradient
        second = 0.999 * second + 0.001 * gradient ** 2
        rate = 0.05 * np.sqrt(1 - 0.999 ** step) / (1 - 0.9 ** step)
        params -= rate * first / (np.sqrt(second) + 1e-8)
    return IntentModel(features, params[:-1].copy(), params[-1].copy(), INTENTS)


def cross_check(sets: dict[str, list[Line]], messages: dict[str, list[Line]],
                phrasings: list[Line]) -> None:
    """Each intent set scored by a model fitted without it (with and without the hand-written
    phrasings); each message file's real questions scored by a model fitted without that file
    (how many would be taken for small talk or a request for a person)."""
    every_message = [line for lines in messages.values() for line in lines]
    for name, lines in sets.items():
        others = [line for other, ls in sets.items() if other != name for line in ls]
        rows = [{"text": t, "intent": i} for t, i, _ in lines]
        for label, extra in (("", phrasings), (" without the phrasings", [])):
            report = evaluate_intents(rows, fit(others + extra + every_message).predict)
            recall = " ".join(f"{k} {v:.2f}" for k, v in sorted(report.recall.items()))
            print(f"{name}{label}: recognised {report.accuracy:.3f} ({recall})")
    every_set = [line for lines in sets.values() for line in lines] + phrasings
    for name, lines in messages.items():
        others = [line for other, ls in messages.items() if other != name for line in ls]
        model = fit(every_set + others)
        taken = sum(model.predict(t) not in ("question", "vague")
                    for t, intent, _ in lines if intent == "question")
        total = sum(intent == "question" for _, intent, _ in lines)
        print(f"{name}: {taken} of {total} real questions taken for small talk or a ticket")


def save(model: IntentModel, path: Path = OUT) -> None:
    """Write the model as the arrays `knowledge.intents.load_model` reads."""
    names = sorted(model.features, key=model.features.__getitem__)
    np.savez_compressed(path, features=np.array(names), weights=model.weights.astype(np.float16),
                        bias=model.bias, classes=np.array(model.classes))


def main(check: bool) -> None:
    """Cross-check, fit on every tuning line, write."""
    sets = {path.name: intent_lines(path) for path in intent_files()}
    messages = {path.name: message_lines(path) for path in message_files()}
    phrasings = phrasing_lines()
    cross_check(sets, messages, phrasings)
    everything = [line for group in (*sets.values(), phrasings, *messages.values())
                  for line in group]
    model = fit(everything)
    print(f"fitted on {len(everything)} lines, {len(model.features)} lexical features")
    if not check:
        save(model)
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main("--check" in sys.argv[1:])
