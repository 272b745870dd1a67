"""Common first names that read as a grown-up's, kept: two logistic regressions, one over
the words around a name and one over those and the name's generation, fitted on blind
writers' labelled messages.

The word rules hide a first name unless the sentence marks a grown-up, so a colleague ("can
you ask Gary to check the cart") loses their name about as often as a student does. A common
first name, alone or before a surname, keeps its word only when at every mention the words
alone lean grown-up, the model with the generation is surer than CUT, and no mention carries
a cue the rules read as a student's ("my student Tina", "for Ebony, she needs", "Gary's
Chromebook", "Tina (3rd period)") or stands in a sentence said only of students ("Denise was
absent"). Refit with `python bench/masking_grown_ups.py --write`; docs/masking.md ("the
tenth round") has the figures and whom it can cost; PREPBOT_MASKING_MODEL=0 turns it off.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from functools import cache, lru_cache
from typing import NamedTuple

from bot.masking.lexicon import DATA, fold, lexicon
from bot.masking.spans import Span
from bot.masking.student_marks import student_cued

CUT = 0.97  # the lowest that hid 99% of every labelled writer's students, fitted without them
# The words around a name must lean grown-up on their own before its generation counts: an
# attack with 150 students given old-fashioned names had 15% of them spared without this.
WORDS_CUT = 0.5
MODEL = DATA / "grown_ups_model.json"
GENERATIONS = DATA / "first_names_by_generation.txt"
# A generation counts only for a name given to this many US babies of 1956-2000 or of
# 2007-2020 (the SSA counts 163,013,167 and 51,384,676): rarer names, most of those of recent
# immigrant communities among them ("Pa", "Thuy"), say little about age, so they get none.
GENERATION_BIRTHS, GROWN_UP_BIRTHS, STUDENT_BIRTHS = 20_000, 163_013_167, 51_384_676
GENERATION_WEIGHT = 3  # the feature is repeated, so that the L2 fit lets it weigh like three
LISTED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+|&\s+)?|\s+(?:and|or|&)\s+)")  # "A, B and C"
TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+|[^\w\s]")
LONE = re.compile(r"[^\W\d_]+")
NAME_WORD = r"[^\W\d_]+(?:['’-][^\W\d_]+)*"
WORD = re.compile(NAME_WORD)
FULL = re.compile(rf"{NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,2}}")  # "Gary Lindqvist", "Mai Kou Vang"


@cache
def generations() -> dict[str, float]:
    """Name -> log of how much more often babies born in 1956-2000 got it than babies born in
    2007-2020 (positive: a grown-up's name), for names common among grown-ups."""
    found = {}
    for line in GENERATIONS.read_text("utf-8").splitlines():
        if not line.startswith("#"):
            name, students, grown_ups = line.split()
            if max(float(grown_ups) * GROWN_UP_BIRTHS,
                   float(students) * STUDENT_BIRTHS) / 1e6 >= GENERATION_BIRTHS:
                found[name] = math.log(float(grown_ups) + 0.1) - math.log(float(students) + 0.1)
    return found


def generation(name: str) -> list[str]:
    """The name's generation as a feature: its log ratio, whole and clamped, or "none"."""
    ratio = generations().get(fold(name.split()[0]))
    bucket = "none" if ratio is None else str(max(-3, min(5, math.floor(ratio))))
    return [f"generation={bucket}"] * GENERATION_WEIGHT


class Tokens(NamedTuple):
    """A text's words, numbers ("#") and marks, lowercase, and what names' features need."""

    words: list[str]
    starts: list[int]  # where each begins in the text
    alphabetic: Counter[str]  # how often each word made only of letters occurs
    last_alnum: int  # index of the last word or number, -1 when there is none


@lru_cache(maxsize=8)
def tokens_of(text: str) -> Tokens:
    """The text read once for all the names in it."""
    found = [("#" if m.group().isdigit() else m.group().lower(), m.start())
             for m in TOKEN.finditer(text)]
    words = [w for w, _ in found]
    return Tokens(words, [at for _, at in found], Counter(w for w in words if w.isalpha()),
                  max((k for k, w in enumerate(words) if w.isalnum()), default=-1))


def context(text: str, start: int, end: int, *, with_generation: bool = True) -> list[str]:
    """The features of the name at text[start:end]: the words at each position near it, the
    words near it and in its message, its case, whether it opens or ends the message."""
    tokens = tokens_of(text)
    i, j = bisect_left(tokens.starts, start), bisect_left(tokens.starts, end)
    left, right = tokens.words[max(0, i - 6):i], tokens.words[j:j + 6]
    own = Counter(w for w in tokens.words[i:j] if w.isalpha())
    name = text[start:end]
    shape = "upper" if name.isupper() and len(name) > 1 else (
        "title" if name[:1].isupper() else "lower")
    found = ["bias", f"shape={shape}", f"L12={'_'.join(left[-2:])}", f"R12={'_'.join(right[:2])}",
             f"L1R1={left[-1] if left else '<s>'}_{right[0] if right else '</s>'}"]
    for k in range(1, 4):
        found += [f"L{k}={left[-k] if len(left) >= k else '<s>'}",
                  f"R{k}={right[k - 1] if len(right) >= k else '</s>'}"]
    found += [f"LW={w}" for w in set(left)] + [f"RW={w}" for w in set(right)]
    found += [f"B={w}" for w, n in tokens.alphabetic.items() if n > own[w]]
    found += generation(name) if with_generation else []
    found += ["full"] if FULL.fullmatch(name) else []
    return found + (["first"] if i == 0 else []) + (["last"] if tokens.last_alnum < j else [])


Model = dict[str, float]


@cache
def weights() -> dict[str, Model]:
    """The two fitted models: "words" reads the words around a name, "generation" those and
    the name's generation; each a weight for every feature it saw often enough."""
    loaded: dict[str, Model] = json.loads(MODEL.read_text("utf-8"))
    return loaded


def probability(model: Model, features: list[str]) -> float:
    """The logistic model's probability for these features."""
    z = sum(model.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def chance_grown_up(text: str, start: int, end: int,
                    models: dict[str, Model] | None = None) -> float:
    """How sure the models are that the name at text[start:end] is a grown-up's. The name's
    generation may only tip a name the words around it already lean grown-up on: a student
    with an old-fashioned name, in a sentence that reads as a student's, keeps no more of a
    chance than the words give."""
    models = models or weights()
    words = probability(models["words"], context(text, start, end, with_generation=False))
    if words <= WORDS_CUT:
        return words
    return probability(models["generation"], context(text, start, end))


def words_lean_grown_up(text: str, start: int, end: int) -> bool:
    """Whether the words around the name at text[start:end] alone lean grown-up."""
    return probability(weights()["words"], context(
        text, start, end, with_generation=False)) > WORDS_CUT


def spare_grown_ups(text: str, found: list[Span], cut: float = CUT,
                    chance: Callable[[str, int, int], float] = chance_grown_up,
                    full_names: bool = True, models: dict[str, Model] | None = None
                    ) -> list[Span]:
    """The spans found, without the people named by a common first name, alone or (unless
    `full_names` is off) before a surname, that `chance` is surer than `cut` are a grown-up
    at every mention, with no student's cue at any."""
    names = [s for s in found if s.kind == "name"]
    sure = [group for group in people(text, names, full_names)
            if all(chance(text, m.start, m.end) > cut for m in group)]
    cued = student_cued(text, {s for group in sure for s in group}) if sure else set()
    kept = {s for group in sure if not cued.intersection(group) for s in group}
    spared = listed_alike(text, names, kept, models)
    return [s for s in found if s not in spared]


def listed_alike(text: str, names: list[Span], kept: set[Span],
                 models: dict[str, Model] | None = None) -> set[Span]:
    """The names kept, with those listed beside a kept one when the words around each lean
    grown-up, name and all ("Is Dave or Sal handling the camera install", "shared with Denise
    Harmon and Rob Klein"), and without any in a list where one has a student's cue: a list is of
    grown-ups or of students ("the new ESL group: Connie Dang, Arturo Villanueva, Doris
    Phan")."""
    if not kept:
        return kept
    lists: list[list[Span]] = []
    for name in names:
        if lists and LISTED.fullmatch(text, lists[-1][-1].end, name.start):
            lists[-1].append(name)
        else:
            lists.append([name])
    alike = set(kept)
    groups = [g for g in lists if len(g) > 1 and kept.intersection(g)]
    cued = student_cued(text, {s for g in groups for s in g}) if groups else set()
    for group in groups:
        if cued.intersection(group):
            alike -= set(group)
        else:
            alike |= {s for s in group
                      if s in kept or listed_chance(text, s, models) > WORDS_CUT}
    # at every mention, as the model judges: "add Denise, Gary and Esperanza ... Esperanza
    # reads the lunch menu, she's from Ms. Gómez's class"
    hidden = {fold(text[s.start:s.end]) for s in names if s not in alike}
    return {s for s in alike if s in kept or fold(text[s.start:s.end]) not in hidden}


def listed_chance(text: str, name: Span, models: dict[str, Model] | None = None) -> float:
    """How sure the words around a name listed beside a grown-up's are that it is a grown-up's
    too; none for a name given more often to today's students than to grown-ups ("Linda and
    Aiden asked for the wifi password" keeps Aiden hidden)."""
    if generations().get(fold(text[name.start:name.end].split()[0]), 0.0) < 0:
        return 0.0
    return probability((models or weights())["words"], context(
        text, name.start, name.end, with_generation=False))


def people(text: str, names: list[Span], full_names: bool = True) -> list[list[Span]]:
    """The mentions of each person the model judges: a common first name alone ("Gary"), or
    before a surname ("Gary Lindqvist") together with each word of it written alone elsewhere
    ("Lindqvist"). No word of another longer name ("Okafor Chidi") is judged."""
    full: dict[str, list[Span]] = {}
    owner: dict[str, str] = {}  # each word of a judged full name -> that name
    other: set[str] = set()  # the words of longer names the model does not judge
    for s in names:
        parts = text[s.start:s.end].split()
        if len(parts) == 1:
            continue
        words = [fold(w) for w in parts]
        if full_names and FULL.fullmatch(" ".join(parts)) and words[0] in lexicon().first:
            full.setdefault(" ".join(words), []).append(s)
            for word in words:
                owner.setdefault(word, " ".join(words))
        else:
            other.update(words)
    alone: dict[str, list[Span]] = {}
    for s in names:
        said = text[s.start:s.end]
        word = fold(said)
        if not WORD.fullmatch(said) or word in other:
            continue
        if word in owner:
            full[owner[word]].append(s)
        elif LONE.fullmatch(said) and word in lexicon().first:
            alone.setdefault(word, []).append(s)
    judged = [group for key, group in full.items() if not other.intersection(key.split())]
    return [*judged, *alone.values()]
