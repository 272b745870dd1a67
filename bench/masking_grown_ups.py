"""The masker's model of grown-ups' names, fitted and scored beside the rules alone.

    python bench/masking_grown_ups.py [--cuts 0.9,0.95,0.97,0.98] [--heldout] [--ceiling]
                                      [--no-generation] [--lone-only] [--write]

The masker's word rules hide most first names, a colleague's as readily as a student's.
bot/masking/grown_ups.py lets a common first name, alone or before a surname, keep its word
when two L2-regularised logistic regressions agree it is a grown-up's at every mention: one
over the words around the name (by position, as bags near it and in its message, its case,
whether it opens or ends the message, whether it is a full name) must lean grown-up, and one
over those and the name's generation (how much more often babies born in 1956-2000 got it
than babies born in 2007-2020) must be surer than a cut. They learn from the first- and
full-name corpora (tests/bot/masking_corpus/first_names_*.jsonl and full_names_*.jsonl:
teachers' messages naming people, each name labelled student or grown-up by its blind writer)
and from the tuning corpora's names (listed identifiers are students', names the rules hide
in texts without identifiers grown-ups'). Each corpus is scored by models fitted without it;
the attack corpora (attack_*.jsonl, never learned from) and the held-out corpora (--heldout:
figures only, never texts) by the models fitted on all of them. --no-generation judges by the
words alone (the seventh round's model), --lone-only judges lone first names only (the model
as first shipped in the tenth round). --write fits both models on every labelled and tuning
corpus and writes them where the masker reads them.

--ceiling prints instead what no model of names could beat: each corpus's tech texts
altered if every lone common first name the rules hide in them were spared (a perfect model
of the kind above), and if every name were (a perfect student-or-grown-up model of any name).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.masking import completed, found_by_rules, grown_ups  # noqa: E402
from bot.masking.lexicon import fold, lexicon  # noqa: E402
from bot.masking.spans import Span  # noqa: E402
from tests.bot.test_masking import first_name_shares, score  # noqa: E402

CORPUS = ROOT / "tests" / "bot" / "masking_corpus"
FIRST_NAMES = sorted(CORPUS.glob("first_names_*.jsonl"))
FULL_NAMES = sorted(CORPUS.glob("full_names_*.jsonl"))  # learned unless --lone-only
LABELLED = [*FIRST_NAMES, *FULL_NAMES]  # lines {"text", "names": [{"name", "who"}]}
# The same, written to attack the model; never learned. (attack_contacts.jsonl attacks the
# contact rules, with identifiers listed as the held-out corpora list them: not this bench's.)
ATTACKS = [p for p in sorted(CORPUS.glob("attack_*.jsonl"))
           if '"names"' in p.read_text("utf-8").split("\n", 1)[0]]
TUNING = sorted(CORPUS.glob("tuning*.jsonl"))
HELD_OUT = sorted(CORPUS.glob("heldout*.jsonl"), key=lambda p: int(p.stem[7:] or 1))
TODAY = date(2026, 12, 1)
LONE = grown_ups.LONE
L2, STEPS, RATE, MIN_COUNT = 3.0, 300, 2.0, 2
Model = grown_ups.Model
Models = dict[str, Model]  # "words" and "generation", as the masker reads them
Example = tuple[list[str], int]  # features, and 1 for a grown-up
Judge = Callable[[str, int, int], float]  # how sure a model is that text[a:b] is a grown-up
WITH_GENERATION = [True]  # cleared by --no-generation
WITH_FULL_NAMES = [True]  # cleared by --lone-only


def context(text: str, start: int, end: int, generation: bool) -> list[str]:
    """The features of the name at text[start:end], as the masker reads them."""
    return grown_ups.context(text, start, end, with_generation=generation)


class ModelJudge:
    """The models as the masker judges names with them (--no-generation: the words alone);
    the masker's lists of colleagues are judged with the same models' words."""

    def __init__(self, models: Models) -> None:
        self.models = models

    def __call__(self, text: str, a: int, b: int) -> float:
        if not WITH_GENERATION[0]:
            return grown_ups.probability(self.models["words"], context(text, a, b, False))
        return grown_ups.chance_grown_up(text, a, b, self.models)


def judge(models: Models) -> Judge:
    """A judge of names by these models."""
    return ModelJudge(models)


def fitted(every: dict[Path, dict[bool, list[Example]]], without: Path | None = None) -> Models:
    """Both models, fitted on every corpus but `without`."""
    return {name: fit([e for path, found in every.items() if path != without
                       for e in found[generation]])
            for name, generation in (("words", False), ("generation", True))}


def spared(text: str, found: list[Span], grown_up: Judge, cut: float) -> list[Span]:
    """The spans found, less the people `grown_up` is surer than `cut` are grown-ups."""
    models = grown_up.models if isinstance(grown_up, ModelJudge) else None  # else: shipped
    return grown_ups.spare_grown_ups(text, found, cut, grown_up, WITH_FULL_NAMES[0], models)


def judged(name: str) -> bool:
    """A name the model learns from: a word alone, or (unless --lone-only) a common first name
    before a surname."""
    return bool(LONE.fullmatch(name)) or (WITH_FULL_NAMES[0] and bool(
        grown_ups.FULL.fullmatch(name)) and fold(name.split()[0]) in lexicon().first)


def rows(path: Path) -> list[dict[str, Any]]:
    """The JSON lines of a corpus."""
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def labelled_names(row: dict[str, Any]) -> list[tuple[int, int, bool]]:
    """(start, end, grown-up) of each labelled name of a first-name corpus line."""
    found, at = [], 0
    for name in row["names"]:
        start = row["text"].find(name["name"], at)
        if start >= 0:
            at = start + len(name["name"])
            found.append((start, at, name["who"] == "adult"))
    return found


def examples(path: Path, generation: bool = True) -> list[Example]:
    """A corpus's judged names (lone first names; unless --lone-only, full names too) with
    their labels, read with or without the name's generation."""
    if path in LABELLED:
        return [(context(row["text"], a, b, generation), int(adult))
                for row in rows(path) for a, b, adult in labelled_names(row)]
    found: list[Example] = []
    for row in rows(path):
        text = row["text"]
        if row["kind"] == "tech":
            found += [(context(text, s.start, s.end, generation), 1)
                      for s in found_by_rules(text, TODAY)
                      if s.kind == "name" and judged(text[s.start:s.end])]
        for identifier in row["identifiers"] if row["kind"] != "tech" else []:
            if judged(identifier):
                found += [(context(text, m.start(), m.end(), generation), 0) for m in re.finditer(
                    rf"(?<!\w){re.escape(identifier)}(?!\w)", text)]
    return found


def fit(data: Sequence[Example]) -> Model:
    """Logistic regression by gradient descent over features seen MIN_COUNT times (sparse)."""
    counts = Counter(f for features, _ in data for f in set(features))
    vocabulary = {f: k for k, f in enumerate(sorted(f for f, n in counts.items()
                                                    if n >= MIN_COUNT))}
    pairs = np.array(sorted({(row, vocabulary[f]) for row, (features, _) in enumerate(data)
                             for f in features if f in vocabulary}), dtype=np.int64)
    rows_of, columns = pairs[:, 0], pairs[:, 1]
    y = np.array([label for _, label in data], dtype=np.float64)
    w = np.zeros(len(vocabulary))
    for _ in range(STEPS):
        z = np.bincount(rows_of, weights=w[columns], minlength=len(y))
        error = 1.0 / (1.0 + np.exp(-z)) - y
        w -= RATE * (np.bincount(columns, weights=error[rows_of], minlength=len(w))
                     + L2 * w) / len(y)
    return {f: float(w[k]) for f, k in vocabulary.items()}


def masker(grown_up: Judge | None, cut: float) -> Callable[[str], str]:
    """The masker with a model sparing grown-ups (None: the word rules alone)."""
    def mask(text: str) -> str:
        spans = found_by_rules(text, TODAY)
        spans = spared(text, spans, grown_up, cut) if grown_up is not None else spans
        spans = completed(text, spans)  # as found_in does
        out, at = [], 0
        for s in spans:
            out += [text[at:s.start], f"[{s.kind}]"]
            at = s.end
        return "".join([*out, text[at:]])
    return mask


def figures(path: Path, grown_up: Judge | None, cut: float) -> tuple[float, float]:
    """First-name corpora: (students hidden, grown-ups hidden); the others: (identifiers
    masked, tech texts altered), scored as tests/bot/test_masking.py scores them."""
    if path in LABELLED or path in ATTACKS:
        return first_name_shares(path.name, masker(grown_up, cut))
    masked, altered, _ = score(str(path.resolve()), masker(grown_up, cut))
    return masked, altered


def table(judges: dict[Path, Judge], cuts: list[float]) -> None:
    """Each corpus's figures by the rules alone and with its judge at each cut."""
    print("first-name corpora: students hidden / grown-ups hidden; the others: identifiers "
          "masked / tech texts altered\n")
    print("| corpus | rules alone | " + " | ".join(f"cut {c}" for c in cuts) + " |")
    print("|---|---|" + "---|" * len(cuts))
    for path, grown_up in judges.items():
        cells = [figures(path, None, 1.0)] + [figures(path, grown_up, c) for c in cuts]
        print(f"| {path.stem} | " + " | ".join(f"{a:.3f} / {b:.3f}" for a, b in cells) + " |",
              flush=True)


def ceiling(path: Path) -> tuple[float, float, float]:
    """A corpus's tech texts altered: by the rules, with every lone common first name
    spared, and with every name spared."""
    altered = [0, 0, 0]
    tech = [row["text"] for row in rows(path) if row["kind"] == "tech"]
    for text in tech:
        found = found_by_rules(text, TODAY)
        lone = {s for s in found if s.kind == "name" and LONE.fullmatch(text[s.start:s.end])
                and fold(text[s.start:s.end]) in lexicon().first}
        altered[0] += bool(found)
        altered[1] += bool(set(found) - lone)
        altered[2] += any(s.kind != "name" for s in found)
    a, b, c = (n / len(tech) for n in altered)
    return a, b, c


def write(models: Models) -> None:
    """Save the models where the masker reads them, weights rounded, near-zero ones left out."""
    kept = {name: {f: round(w, 4) for f, w in sorted(model.items()) if abs(w) >= 1e-3}
            for name, model in models.items()}
    grown_ups.MODEL.write_text(json.dumps(kept, ensure_ascii=False, indent=0) + "\n", "utf-8")
    print(f"{grown_ups.MODEL.relative_to(ROOT)}: " + ", ".join(
        f"{len(weights)} weights ({name})" for name, weights in kept.items()))


def main() -> None:
    """Print every corpus's figures by the rules alone and with the model at each cut."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cuts", default="0.9,0.95,0.97,0.98")
    parser.add_argument("--heldout", action="store_true")
    parser.add_argument("--ceiling", action="store_true")
    parser.add_argument("--no-generation", action="store_true")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--lone-only", action="store_true")
    options = parser.parse_args()
    WITH_GENERATION[0] = not options.no_generation
    WITH_FULL_NAMES[0] = not options.lone_only
    if options.ceiling:
        print("| corpus | tech texts altered | every lone first name spared | every name spared |")
        print("|---|---|---|---|")
        for path in [*TUNING, *(HELD_OUT if options.heldout else [])]:
            print(f"| {path.stem} | " + " | ".join(f"{x:.3f}" for x in ceiling(path)) + " |")
        return
    cuts = [float(c) for c in options.cuts.split(",")]
    learned = FIRST_NAMES if options.lone_only else LABELLED
    every = {p: {g: examples(p, g) for g in (False, True)} for p in [*learned, *TUNING]}
    if options.write:
        assert not options.lone_only, "the masker judges full names too"
        write(fitted(every))
        return
    everything = fitted(every)
    models = {p: fitted(every, without=p) for p in every}
    models |= {p: everything for p in [*FULL_NAMES, *ATTACKS] if p not in models}  # not learned
    if options.heldout:
        models |= {p: everything for p in HELD_OUT}
    table({p: judge(m) for p, m in models.items()}, cuts)


if __name__ == "__main__":
    main()
