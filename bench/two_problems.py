"""Two problems in one message: how often the other problem is named, and rightly, and how
often a message with one problem is told of a second, beside the variant that was dropped.

    python bench/two_problems.py

On the evaluation sets (knowledge/eval/tuning and knowledge/eval/heldout: the teachers'
files, English and Spanish), for every message the knowledge base answers: the shipped rule
(bot/features/answers/problems.py: a second problem only after "also", "plus", "btw" and the
like) beside the same rule plus a plain "and" before a new clause when the other problem is
of another category (tried when the rule was built, and left out). "Two-problem" messages
are labelled with both articles; "answerable" ones with one. About a minute.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.features.answers.problems import other_problem, parts_of  # noqa: E402
from knowledge import Article, KnowledgeBase, load_knowledge_base  # noqa: E402

EVAL = ROOT / "knowledge" / "eval"
JOINED = re.compile(r",?\s+(?:and|y)\s+(?=(?:my|the|i|a|one|our|some|his|her|their|when|it|"
                    r"mi|el|la|los|las|un|una)\b)", re.IGNORECASE)
Judge = Callable[[KnowledgeBase, str, Article], Article | None]


def with_and(kb: KnowledgeBase, text: str, answered: Article) -> Article | None:
    """The shipped rule, then "and" before a new clause for a problem of another kind."""
    found = other_problem(kb, text, answered)
    if found is not None:
        return found
    parts = [p.strip() for part in parts_of(text) for p in JOINED.split(part)
             if len(p.split()) >= 3]
    for part in parts if len(parts) >= 2 else ():
        decision = kb.answer(part)
        article = decision.article if decision.kind == "answer" else None
        if article and article.id not in {answered.id, *answered.links} \
                and article.category != answered.category:
            return article
    return None


def figures(kb: KnowledgeBase, group: str, judge: Judge) -> str:
    """One row: two-problem messages answered / named / named rightly; single-problem
    messages answered / told of a second."""
    tally = dict.fromkeys(("pairs", "named", "right", "single", "false"), 0)
    for path in sorted((EVAL / group).glob("*teachers*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            row = json.loads(line)
            if row["kind"] not in ("answerable", "two-problems"):
                continue
            decision = kb.answer(row["q"])
            if decision.kind != "answer" or decision.article is None:
                continue
            other = judge(kb, row["q"], decision.article)
            pair = row["kind"] == "two-problems"
            tally["pairs" if pair else "single"] += 1
            if other is not None and pair:
                tally["named"] += 1
                tally["right"] += other.id in row["expect"] and other.id != decision.article.id
            elif other is not None:
                tally["false"] += 1
    return (f"{tally['pairs']} | {tally['named']} | {tally['right']} | {tally['single']} | "
            f"{tally['false']}")


def main() -> None:
    """Print both rules on both groups of sets."""
    kb = load_knowledge_base()
    print("| sets | rule | two-problem answered | other named | named rightly | "
          "one-problem answered | told of a second |\n|---|---|---|---|---|---|---|")
    for group in ("tuning", "heldout"):
        for name, judge in (("shipped: marked", other_problem), ("dropped: + 'and'", with_and)):
            print(f"| {group} | {name} | {figures(kb, group, judge)} |", flush=True)


if __name__ == "__main__":
    main()
