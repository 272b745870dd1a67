"""Score retrieval on a file of teacher messages, or intent recognition on an intent file.

A message line is `{"q": ..., "expect": id | [id, id] | null, "kind": ...}` (knowledge/eval/
README.md): "expect" may name two articles (two problems in one message: either is right),
and "kind" is answerable, two-problems, uncovered, vague or offtopic; older files without a
kind read as answerable (an id) or offtopic (null). An intent line is `{"text", "intent"}`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from knowledge.decide import Decision

KINDS = ("answerable", "two-problems", "uncovered", "vague", "offtopic")
ANSWERABLE = ("answerable", "two-problems")
# Intents the conversation answers itself (bot/features/answers/conversation.py): no article.
CONVERSATIONAL = ("ticket", "greeting", "thanks", "help", "yes", "no")


@dataclass(frozen=True)
class Question:
    """One evaluation message, the articles that are right for it (none: no article), its kind."""

    q: str
    expect: tuple[str, ...] = ()
    kind: str = "answerable"


@dataclass
class Report:
    """The figures `prepbot kb eval` prints; every share is of the lines of that kind."""

    n: int = 0
    top1: float = 0.0  # answerable: a right article leads the ranking
    top3: float = 0.0  # answerable: a right article is in the first three
    answer_acc: float = 0.0  # answerable and off-topic lines: answered right, or deflected
    all_acc: float = 0.0  # every line, uncovered and vague ones too, handled as their kind
    answerable_acc: float = 0.0  # answerable: a right article shown first (answer or suggest)
    in_deflected: float = 0.0  # answerable: no article shown (deflected or asked back)
    oos_deflected: float = 0.0  # offtopic: deflected
    uncovered_deflected: float = 0.0  # uncovered: deflected
    vague_handled: float = 0.0  # vague: asked back (clarify)
    counts: dict[str, int] = field(default_factory=dict)
    misses: dict[str, list[str]] = field(default_factory=dict)

    def as_json(self) -> str:
        """The machine-readable form."""
        return json.dumps(asdict(self), sort_keys=True)

    def as_text(self) -> str:
        """The human-readable form, one figure a line, then the misses by article."""
        kinds = ", ".join(f"{k} {n}" for k, n in self.counts.items())
        has = self.counts.get
        answerable = has("answerable", 0) + has("two-problems", 0)
        lines = [f"messages: {self.n} ({kinds})"]
        lines += [f"answerable top-1: {self.top1:.3f}", f"answerable top-3: {self.top3:.3f}",
                  f"answerable answered right: {self.answerable_acc:.3f}",
                  f"answerable wrongly deflected: {self.in_deflected:.3f}"] if answerable else []
        lines += [f"off-topic deflected: {self.oos_deflected:.3f}"] if has("offtopic") else []
        lines += [f"uncovered deflected: {self.uncovered_deflected:.3f}"] \
            if has("uncovered") else []
        lines += [f"vague asked back: {self.vague_handled:.3f}"] if has("vague") else []
        lines += [f"answer accuracy (answerable and off-topic): {self.answer_acc:.3f}",
                  f"handled right (every line): {self.all_acc:.3f}"]
        lines += [f"  missed {article}: " + " | ".join(missed)
                  for article, missed in sorted(self.misses.items())]
        return "\n".join(lines)


def _question(row: dict[str, Any]) -> Question:
    expect = row.get("expect")
    ids = () if expect is None else (expect,) if isinstance(expect, str) else tuple(expect)
    if not all(isinstance(i, str) for i in ids):
        raise TypeError("expect must be an id, a list of ids, or null")
    kind = str(row.get("kind") or ("answerable" if ids else "offtopic"))
    if kind not in KINDS:
        raise TypeError(f"unknown kind {kind!r}")
    return Question(str(row["q"]), ids, kind)


def read_lines(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSONL file; a bad line raises ValueError naming its number."""
    rows = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise TypeError("not an object")
        except (json.JSONDecodeError, TypeError) as error:
            raise ValueError(f"{path}:{number}: not a JSON object ({error})") from error
        rows.append(row)
    return rows


def read_questions(path: Path) -> list[Question]:
    """Read a JSONL evaluation file; a bad line raises ValueError naming its line number."""
    questions = []
    for number, row in enumerate(read_lines(path), start=1):
        try:
            questions.append(_question(row))
        except (KeyError, TypeError) as error:
            message = f"{path}:{number}: not a {{'q', 'expect', 'kind'}} line ({error})"
            raise ValueError(message) from error
    return questions


def is_right(decision: Decision, question: Question) -> bool:
    """Right means: a right article leads (answered or first of "did you mean"); an
    off-topic or uncovered message is deflected; a vague one is asked back."""
    if question.kind in ANSWERABLE:
        return decision.kind in ("answer", "suggest") and decision.top_id in question.expect
    if question.kind == "vague":
        return decision.kind == "clarify"
    return decision.kind == "deflect"


def as_the_bot_does(answer: Callable[[str], Decision],
                    recognise: Callable[[str], str]) -> Callable[[str], Decision]:
    """`answer` behind the intent step, as the bot runs it: a message taken for small talk,
    feedback or a request for a person gets no article (scored as a deflection)."""
    def handled(text: str) -> Decision:
        if recognise(text) in CONVERSATIONAL:
            return Decision("deflect", 0.0, tech=False)
        return answer(text)
    return handled


def evaluate(questions: Iterable[Question], answer: Callable[[str], Decision]) -> Report:
    """Run every question through `answer` and compute the figures."""
    counts: Counter[str] = Counter()
    misses: dict[str, list[str]] = {}
    for question in questions:
        decision = answer(question.q)
        ranked = [m.article_id for m in decision.matches]
        right = is_right(decision, question)
        counts["n"] += 1
        counts[question.kind] += 1
        counts["right"] += right
        counts["scored"] += question.kind in (*ANSWERABLE, "offtopic")
        counts["scored:right"] += right and question.kind in (*ANSWERABLE, "offtopic")
        counts[question.kind + ":right"] += right
        if question.kind not in ANSWERABLE:
            continue
        counts["in"] += 1
        counts["in:right"] += right
        counts["top1"] += bool(ranked[:1]) and ranked[0] in question.expect
        counts["top3"] += any(i in question.expect for i in ranked[:3])
        counts["in_deflected"] += decision.kind in ("deflect", "clarify")
        if not ranked or ranked[0] not in question.expect:
            misses.setdefault("/".join(question.expect), []).append(question.q)

    def share(key: str, of: str) -> float:
        return round(counts[key] / counts[of], 4) if counts[of] else 0.0

    return Report(n=counts["n"], top1=share("top1", "in"), top3=share("top3", "in"),
                  answer_acc=share("scored:right", "scored"), all_acc=share("right", "n"),
                  answerable_acc=share("in:right", "in"),
                  in_deflected=share("in_deflected", "in"),
                  oos_deflected=share("offtopic:right", "offtopic"),
                  uncovered_deflected=share("uncovered:right", "uncovered"),
                  vague_handled=share("vague:right", "vague"),
                  counts={k: counts[k] for k in KINDS if counts[k]}, misses=misses)


@dataclass
class IntentReport:
    """How each conversational intent is recognised: recall and precision per intent."""

    n: int = 0
    accuracy: float = 0.0
    recall: dict[str, float] = field(default_factory=dict)
    precision: dict[str, float] = field(default_factory=dict)
    confusions: dict[str, list[str]] = field(default_factory=dict)  # "want -> got": texts

    def as_json(self) -> str:
        """The machine-readable form."""
        return json.dumps(asdict(self), sort_keys=True)

    def as_text(self) -> str:
        """One line per intent, then what was taken for what."""
        lines = [f"messages: {self.n}, recognised: {self.accuracy:.3f}"]
        lines += [f"  {intent:<9} recall {self.recall[intent]:.3f}  precision "
                  f"{self.precision.get(intent, 0.0):.3f}" for intent in sorted(self.recall)]
        lines += [f"  {pair}: " + " | ".join(texts) for pair, texts in
                  sorted(self.confusions.items())]
        return "\n".join(lines)


def evaluate_intents(rows: Iterable[dict[str, Any]],
                     recognise: Callable[[str], str]) -> IntentReport:
    """Recognise every `{"text", "intent"}` row and compare."""
    wanted: Counter[str] = Counter()
    got: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    confusions: dict[str, list[str]] = {}
    for row in rows:
        want, found = str(row["intent"]), recognise(str(row["text"]))
        wanted[want] += 1
        got[found] += 1
        hits[want] += want == found
        if want != found:
            confusions.setdefault(f"{want} -> {found}", []).append(str(row["text"]))
    total = sum(wanted.values())
    return IntentReport(
        n=total, accuracy=round(sum(hits.values()) / total, 4) if total else 0.0,
        recall={i: round(hits[i] / wanted[i], 4) for i in wanted},
        precision={i: round(hits[i] / got[i], 4) for i in got if got[i]},
        confusions=confusions)


def evaluate_file(path: Path, answer: Callable[[str], Decision]) -> Report | IntentReport:
    """Score a messages file with `answer` behind the intent step (as the bot runs it), or an
    intent file with the intent recogniser."""
    from knowledge.intents import recognise

    rows = read_lines(path)
    if rows and "intent" in rows[0]:
        try:
            return evaluate_intents(rows, recognise)
        except KeyError as error:
            raise ValueError(f"{path}: every line needs 'text' and 'intent' ({error})") from error
    return evaluate(read_questions(path), as_the_bot_does(answer, recognise))
