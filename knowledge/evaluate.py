"""Score retrieval on a file of `{"q": ..., "expect": article id or null}` lines."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from knowledge.decide import Decision


@dataclass(frozen=True)
class Question:
    """One evaluation question and the article it should get (None: out of scope)."""

    q: str
    expect: str | None


@dataclass
class Report:
    """The figures `prepbot kb eval` prints."""

    n: int = 0
    top1: float = 0.0
    top3: float = 0.0
    oos_deflected: float = 0.0
    in_deflected: float = 0.0
    answer_acc: float = 0.0
    misses: dict[str, list[str]] = field(default_factory=dict)

    def as_json(self) -> str:
        """The machine-readable form."""
        return json.dumps(asdict(self), sort_keys=True)


def read_questions(path: Path) -> list[Question]:
    """Read a JSONL evaluation file; a bad line raises ValueError naming its line number."""
    questions = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            questions.append(Question(str(row["q"]), row.get("expect")))
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            message = f"{path}:{number}: not a {{'q', 'expect'}} object ({error})"
            raise ValueError(message) from error
    return questions


def is_right(decision: Decision, expect: str | None) -> bool:
    """Right means: the expected article leads, or an out-of-scope question is deflected."""
    if expect is None:
        return decision.kind == "deflect"
    return decision.kind != "deflect" and decision.top_id == expect


def evaluate(questions: Iterable[Question], answer: Callable[[str], Decision]) -> Report:
    """Run every question through `answer` and compute the figures."""
    counts: Counter[str] = Counter()
    misses: dict[str, list[str]] = {}
    for question in questions:
        decision = answer(question.q)
        ranked = [m.article_id for m in decision.matches]
        counts["n"] += 1
        counts["right"] += is_right(decision, question.expect)
        if question.expect is None:
            counts["oos"] += 1
            counts["oos_deflected"] += decision.kind == "deflect"
            continue
        counts["in"] += 1
        counts["top1"] += ranked[:1] == [question.expect]
        counts["top3"] += question.expect in ranked[:3]
        counts["in_deflected"] += decision.kind == "deflect"
        if ranked[:1] != [question.expect]:
            misses.setdefault(question.expect, []).append(question.q)

    def share(key: str, of: str) -> float:
        return round(counts[key] / counts[of], 4) if counts[of] else 0.0

    return Report(n=counts["n"], top1=share("top1", "in"), top3=share("top3", "in"),
                  oos_deflected=share("oos_deflected", "oos"),
                  in_deflected=share("in_deflected", "in"), answer_acc=share("right", "n"),
                  misses=misses)
