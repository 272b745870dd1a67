"""What knowing the district's staff directory does to masking, beside the masker without it.

    python bench/masking_staff.py [CORPUS.jsonl ...] [--workspace N] [--time [--staff 5000]]

Each corpus (by default tests/bot/masking_corpus/staff_*.jsonl) is a district's messages,
with its staff directory beside it (`staff_a.jsonl` -> `staff_a.staff.txt`, one display name
a line, as Slack or Teams shows it). Printed for each corpus, in the same run: identifiers
masked and tech texts altered by the masker knowing no colleague (the baseline), then knowing
the directory at each level of PREPBOT_MASKING_STAFF: whole names, context (the default: a
first name, nickname or family name alone too where the words around it lean grown-up), and
all (one word alone anywhere). Last, the same over all corpora together.
A corpus with no tech texts (an attack) prints its identifiers only. `--workspace N` adds N
made-up colleagues (below) to every directory, as reading a large district's whole Slack
workspace would: more names known, more students who share one.

`--time` prints what knowing a directory costs instead: CPU per text over the corpora's
texts, knowing no colleague (the baseline) and knowing `--staff` made-up colleagues (first
names and surnames from the shipped word lists, in a fixed order) at whole names, context and all,
the median of five alternating passes after a warm-up; and the time and memory learning them
takes.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.masking import mask_student_data, staff  # noqa: E402
from bot.masking.lexicon import read_words  # noqa: E402
from bot.masking.staff import nicknamer  # noqa: E402
from tests.bot.test_masking import TODAY  # noqa: E402
from tests.bot.test_masking_staff_corpora import counts  # noqa: E402

CORPUS = ROOT / "tests" / "bot" / "masking_corpus"


LEVELS = {"no directory (baseline)": "off", "whole names": "whole",
          "context (the default)": "context",
          "all (one word alone too)": "all"}


def main() -> None:
    """Score each corpus at each level and print the table (or time it: --time)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpora", nargs="*", type=Path,
                        default=sorted(CORPUS.glob("staff_*.jsonl")))
    parser.add_argument("--time", action="store_true")
    parser.add_argument("--staff", type=int, default=5000)
    parser.add_argument("--workspace", type=int, default=0)
    args = parser.parse_args()
    if args.time:
        timed(args.corpora, args.staff)
    else:
        scored(args.corpora, made_up_staff(args.workspace))


def made_up_staff(count: int) -> list[str]:
    """`count` display names from the shipped lists of first names and surnames."""
    firsts, lasts = list(read_words("first_names.txt")), list(read_words("surnames.txt"))
    return [f"{firsts[k * 7 % len(firsts)].title()} {lasts[k * 13 % len(lasts)].title()}"
            for k in range(count)]


def timed(corpora: list[Path], count: int) -> None:
    """CPU per text knowing nobody and knowing `count` colleagues at each level, in turn."""
    texts = [json.loads(line)["text"] for path in corpora
             for line in path.read_text("utf-8").splitlines()]
    names = made_up_staff(count)
    nicknamer()  # read once, as at a server's start, not counted as learning
    started = time.perf_counter()
    staff.StaffNames(lone=True).add(names)
    took = time.perf_counter() - started
    tracemalloc.start()  # again, traced: tracing slows it several times over
    every = staff.StaffNames(lone=True)
    every.add(names)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"learning {count} colleagues: {took * 1000:.0f} ms, {peak / 1e6:.1f} MB at most")
    whole = staff.StaffNames(people=every.people, holders=every.holders,
                             vouched=every.vouched)
    in_context = staff.StaffNames(people=every.people, holders=every.holders,
                                  vouched=every.vouched, in_context=True)
    sides = {"knowing nobody (baseline)": staff.StaffNames(),
             f"{count}, whole names": whole, f"{count}, context": in_context,
             f"{count}, all": every}
    runs: dict[str, list[float]] = {name: [] for name in sides}
    for known in sides.values():  # the warm-up
        staff.STAFF = known
        for text in texts:
            mask_student_data(text, today=TODAY)
    for _ in range(5):
        for name, known in sides.items():
            staff.STAFF = known
            started = time.process_time()
            for text in texts:
                mask_student_data(text, today=TODAY)
            runs[name].append((time.process_time() - started) / len(texts) * 1000)
    staff.STAFF = staff.StaffNames()
    for name, times in runs.items():
        print(f"  {name:<28} {statistics.median(times):.3f} ms of CPU a text "
              f"(passes {min(times):.3f} to {max(times):.3f}), {len(texts)} texts")


def scored(corpora: list[Path], others: list[str]) -> None:
    """The table of levels, for each corpus and over all, each directory with `others` in."""
    sums = {name: [0, 0, 0, 0] for name in LEVELS}
    for path in corpora:
        directory = path.with_suffix(".staff.txt").read_text("utf-8").splitlines()
        print(f"{path.name}: {len(directory)} staff" + (f" and {len(others)} made up"
                                                         if others else ""))
        directory += others
        for name, level in LEVELS.items():
            figures = counts(path, directory, level)
            sums[name] = [a + b for a, b in zip(sums[name], figures, strict=True)]
            print(row(name, figures))
    if len(corpora) > 1:
        print("all together")
        for name, summed in sums.items():
            print(row(name, (summed[0], summed[1], summed[2], summed[3])))
    staff.STAFF = staff.StaffNames()


def row(name: str, figures: tuple[int, int, int, int]) -> str:
    """One variant's line: masked and altered, as shares and counts."""
    found, total, altered, tech = figures
    shown = f"  {name:<26} masked {found / total:.3f} ({found} of {total})"
    return shown + (f"   altered {altered / tech:.3f} ({altered} of {tech})" if tech else "")


if __name__ == "__main__":
    main()
