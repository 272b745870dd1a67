"""The tuning sets, in the groups every fit leaves out one at a time.

Only these lines are ever fitted on (the confidence, the asked questions, the tech score);
the held-out files (eval/heldout/, eval/holdout.jsonl) are never read here.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from knowledge.evaluate import Question, read_questions

EVAL = Path(__file__).resolve().parent / "eval"
TUNING = [*sorted((EVAL / "tuning").glob("teachers_*.jsonl")), EVAL / "questions.jsonl"]
TUNING_BY_LANGUAGE = {"en": TUNING, "es": [EVAL / "tuning" / "es_teachers.jsonl"]}
FOLDS = 5  # a language with a single tuning file is cross-checked slice by slice



@cache
def tuning_questions(language: str = "en") -> tuple[tuple[str, Question], ...]:
    """Every line of a language's tuning files, with its group: the file's name, and for a
    language with one file, which of FOLDS slices of it ("es_teachers.jsonl#2")."""
    paths = TUNING_BY_LANGUAGE[language]
    if len(paths) == 1:
        return tuple((f"{paths[0].name}#{i % FOLDS}", q)
                     for i, q in enumerate(read_questions(paths[0])))
    return tuple((path.name, q) for path in paths for q in read_questions(path))


def blind(group: str) -> bool:
    """Whether a group was written blind (a teachers_* file or a slice of one), so its
    figures, left out, say how prepbot does on messages it was not fitted on."""
    return "teachers" in group

