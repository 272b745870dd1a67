"""How long masking student identifiers takes per message, beside a plain regex pass.

    python bench/masking.py [--rounds 5]

Every text of the tuning corpora (tests/bot/masking_corpus/tuning*.jsonl: teachers'
messages with and without student identifiers) goes through `mask_student_data`, `--rounds`
times after one warm-up round (the word lists load and the word cache fills on first use).
Beside it, in the same run, a baseline that only replaces long digit runs and email
addresses with two regular expressions: the floor any masker sits on. Printed: texts per
second, mean and p99 milliseconds per text.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.masking import mask_student_data  # noqa: E402

CORPUS = ROOT / "tests" / "bot" / "masking_corpus"
DIGITS = re.compile(r"\b\d{6,}\b")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")


def baseline(text: str) -> str:
    """Two regular expressions: long numbers and email addresses."""
    return EMAIL.sub("[email]", DIGITS.sub("[id number]", text))


def texts() -> list[str]:
    """Every text of the tuning corpora (never the held-out one)."""
    return [json.loads(line)["text"] for path in sorted(CORPUS.glob("tuning*.jsonl"))
            for line in path.read_text().splitlines() if line.strip()]


def timed(name: str, work: Callable[[str], object], corpus: list[str], rounds: int) -> None:
    """Run `work` over the corpus and print its figures."""
    for text in corpus:  # warm-up
        work(text)
    each: list[float] = []
    for _ in range(rounds):
        for text in corpus:
            started = time.perf_counter()
            work(text)
            each.append(time.perf_counter() - started)
    each.sort()
    total = sum(each)
    print(f"| {name} | {len(each) / total:,.0f} | {statistics.fmean(each) * 1000:.3f} | "
          f"{each[int(len(each) * 0.99)] * 1000:.3f} |")


def main() -> None:
    """Time the masker and the baseline on the same texts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    corpus = texts()
    print(f"{len(corpus)} texts x {rounds} rounds\n")
    print("| masker | texts/s | mean ms | p99 ms |\n|---|---|---|---|")
    timed("two regexes (baseline)", baseline, corpus, rounds)
    timed("mask_student_data", mask_student_data, corpus, rounds)


if __name__ == "__main__":
    main()
