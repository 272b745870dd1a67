"""What knowing the district's staff directory does to masking, beside the masker without it.

    python bench/masking_staff.py [CORPUS.jsonl ...]

Each corpus (by default tests/bot/masking_corpus/staff_*.jsonl) is a district's messages,
with its staff directory beside it (`staff_a.jsonl` -> `staff_a.staff.txt`, one display name
a line, as Slack or Teams shows it). Printed for each corpus, in the same run: identifiers
masked and tech texts altered by the masker knowing no colleague (the baseline), then knowing
the directory as shipped, and, to show what each part of the rule buys, knowing only whole
names and whole names with family names. Last, the same over all corpora together.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.masking import mask_student_data, staff  # noqa: E402
from tests.bot.test_masking import TODAY, is_masked  # noqa: E402

CORPUS = ROOT / "tests" / "bot" / "masking_corpus"


class WholeNamesOnly(staff.StaffNames):
    """Colleagues known by whole names alone."""

    def knows(self, said: str) -> bool:
        """A whole name only."""
        return len(staff.name_words(said)) > 1 and super().knows(said)


class WithFamilyNames(staff.StaffNames):
    """Colleagues known by whole names and family names, not first names alone."""

    def knows(self, said: str) -> bool:
        """A whole name or a family name."""
        words = staff.name_words(said)
        return super().knows(said) and (len(words) > 1 or words[0] in self.family)


VARIANTS: dict[str, Callable[[], staff.StaffNames] | None] = {
    "no directory (baseline)": None,
    "whole names only": WholeNamesOnly,
    "whole and family names": WithFamilyNames,
    "as shipped": staff.StaffNames,
}


def counts(lines: list[dict[str, Any]], directory: list[str],
           make: Callable[[], staff.StaffNames] | None
           ) -> tuple[int, int, int, int]:
    """(identifiers masked, identifiers, tech texts altered, tech texts) with `make`'s rule."""
    staff.STAFF = make() if make else staff.StaffNames()
    staff.STAFF.add(directory if make else [])
    found = total = altered = tech = 0
    for line in lines:
        text = line["text"]
        output = mask_student_data(text, today=TODAY).text
        if line["kind"] == "tech":
            tech += 1
            altered += output != text
        else:
            total += len(line["identifiers"])
            found += sum(is_masked(text, output, i) for i in line["identifiers"])
    return found, total, altered, tech


def main() -> None:
    """Score each corpus with each variant and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpora", nargs="*", type=Path,
                        default=sorted(CORPUS.glob("staff_*.jsonl")))
    corpora = parser.parse_args().corpora
    sums = {name: [0, 0, 0, 0] for name in VARIANTS}
    for path in corpora:
        lines = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
        directory = path.with_suffix(".staff.txt").read_text("utf-8").splitlines()
        print(f"{path.name}: {len(directory)} staff")
        for name, make in VARIANTS.items():
            figures = counts(lines, directory, make)
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
    return (f"  {name:<26} masked {found / total:.3f} ({found} of {total})   "
            f"altered {altered / tech:.3f} ({altered} of {tech})")


if __name__ == "__main__":
    main()
