"""How long masking student identifiers takes per message, beside a plain regex pass.

    python bench/masking.py [--rounds 5] [--before REVISION [--pairs 6]] [--hostile]

Every text of the tuning corpora (tests/bot/masking_corpus/tuning*.jsonl: teachers'
messages with and without student identifiers) goes through `mask_student_data`, `--rounds`
times after one warm-up round (the word lists load and the word cache fills on first use).
Beside it, in the same run, a baseline that only replaces long digit runs and email
addresses with two regular expressions: the floor any masker sits on; and after it what a
ticket's opening does since stop 65, the masking and the names offered back to the writer
(bot/features/tickets/unhiding.py). Printed: texts per second, mean and p99 milliseconds per
text.

`--before 614488b` compares CPU instead, against the masker as it was at that commit (from
a temporary git worktree): `--pairs` times, alternating, each masker in a fresh process masks
every tuning text five times after a warm-up and reports its median process time per text;
printed are each run and the median of each side. Process time, so that other work on the
machine counts less than it does by the clock.

`--hostile` times what one hostile message costs: 20,000-character texts that repeat one
cue ("Lily, Noah, ", "kid in 3rd (", ...), masked as shipped (a piece of at most 4,000
characters at a time) beside the same text masked in one piece, and the regex baseline; the
last rows know three colleagues (PREPBOT_MASKING_STAFF=all).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.features.tickets.unhiding import offered  # noqa: E402
from bot.masking import find_student_data, found_in, mask_student_data, replaced  # noqa: E402
from bot.masking.hidden_names import names_hidden  # noqa: E402
from bot.masking.staff import forget_staff, know_staff, use_staff_names  # noqa: E402

CORPUS = ROOT / "tests" / "bot" / "masking_corpus"
DIGITS = re.compile(r"\b\d{6,}\b")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")


def baseline(text: str) -> str:
    """Two regular expressions: long numbers and email addresses."""
    return EMAIL.sub("[email]", DIGITS.sub("[id number]", text))


def offering(text: str) -> object:
    """What a ticket's opening does: mask, then find the names to offer back to the writer."""
    spans = find_student_data(text)
    return replaced(text, spans), offered(names_hidden(text, spans))


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


# Run in a tree (this one or a worktree) with the texts' file as argv[1]: the median of five
# passes' process time per text, in milliseconds.
CPU = """
import json, statistics, sys, time
from datetime import date
from bot.masking import mask_student_data
texts = json.load(open(sys.argv[1]))
day = date(2026, 12, 1)
for text in texts:
    mask_student_data(text, today=day)
passes = []
for _ in range(5):
    started = time.process_time()
    for text in texts:
        mask_student_data(text, today=day)
    passes.append((time.process_time() - started) / len(texts) * 1000)
print(statistics.median(passes))
"""


def cpu_per_text(tree: Path, corpus_file: Path) -> float:
    """Milliseconds of CPU per text for the masker in `tree`, in a fresh process."""
    result = subprocess.run([sys.executable, "-c", CPU, str(corpus_file)], cwd=tree, check=True,
                            capture_output=True, text=True,
                            env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"})
    return float(result.stdout)


def compare(revision: str, pairs: int) -> None:
    """This masker's CPU per text beside the masker at `revision`, alternating."""
    with tempfile.TemporaryDirectory() as scratch:
        tree, corpus_file = Path(scratch) / "before", Path(scratch) / "texts.json"
        corpus_file.write_text(json.dumps(texts()))
        subprocess.run(["git", "worktree", "add", "-q", "--detach", str(tree), revision],
                       cwd=ROOT, check=True)
        try:
            sides: dict[str, list[float]] = {revision: [], "now": []}
            for _ in range(pairs):
                for side, where in ((revision, tree), ("now", ROOT)):
                    sides[side].append(cpu_per_text(where, corpus_file))
                    print(f"{side}: {sides[side][-1]:.3f} ms of CPU a text", flush=True)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT,
                           check=True)
    print(f"\nmedian of {pairs}: {revision} {statistics.median(sides[revision]):.3f} ms, "
          f"now {statistics.median(sides['now']):.3f} ms ({len(texts())} tuning texts)")


# Then what the thirteenth round's finders read most: an export's rows with ids and birth
# dates (records.py), and signatures' closing blocks with a number (signatures.py). The last
# two, the fourteenth's: lists of colleagues the model weighs as one (grown_ups.py; as first
# written it took 615 s on this one, judging every list once for each name), and parents
# named after their child (kin.py, whole.py).
HOSTILE = ("Lily, Noah, ", "maya chen ", "Hi Dana, ", "Rodriguez, Jaden ", "kid in 3rd (",
           "student ID 1234 ", "Maya's and ", "her name is ", "— Marisol. ",
           "720020551,Vang,Txhiaj,11/02/2008\n", "Thanks,\nMaria Lopez\nMain Office\n"
           "555-867-5309\n\n", "Denise and Rob fixed the cart. ",
           "Amara Okoye's dad called. Mr. Okoye, daughter is Amara. ",
           # the sixteenth's: numbers beside a student's id, and dates beside a staff word
           "student ID 300418 shows 4471 and 4417, ", "staff bday Nov 3, hire date 08/01/2023. ",
           # the seventeenth's: names said again, misspelt, and lists of logins (echoes.py,
           # accounts.py)
           "Oskar Brzezinski, oskar, Bzrezinski, Brzezinsky; ", "ava.lindgren, jkamara and ",
           # stop 58's: addresses read out (spoken.py; as first written, every spelled
           # address was sought again for each "at gmail": 1.6 s on this one)
           "lopez at gmail ")
# The fifteenth round's, masked knowing three colleagues at PREPBOT_MASKING_STAFF=all:
# colleagues beside students who share their names (staff.py; as first written, the names a
# hidden one shows to be a student's were sought once for every name found: 4.7 s on a loaded
# machine for the first).
COLLEAGUES = ["Kayden Brooks", "Dana Whitfield", "Rosa Garcia"]
STAFF_HOSTILE = ("Kayden Brooks and Jaylen Brooks, ", "Dana fixed it. Garcia kid Jaylen Garcia, ",
                 "Kayden Brooks, Dana Whitfield, Rosa Garcia; ")


def hostile(length: int = 20_000) -> None:
    """Seconds to mask each hostile text in pieces (as shipped) and in one piece."""
    day = date(2026, 12, 1)
    mask_student_data("warm up: Maya Chen, 555-123-4567", today=day)
    print(f"{length:,}-character texts\n\n| repeated | in pieces (s) | in one piece (s) | "
          "two regexes (ms) |\n|---|---|---|---|")
    for cue in HOSTILE + STAFF_HOSTILE:
        if cue == STAFF_HOSTILE[0]:
            use_staff_names("all")
            know_staff(COLLEAGUES)
        text = cue * (length // len(cue))
        seconds = []
        for work in (lambda t: mask_student_data(t, today=day), lambda t: found_in(t, day),
                     baseline):
            started = time.process_time()
            work(text)
            seconds.append(time.process_time() - started)
        print(f"| `{cue!r}` | {seconds[0]:.2f} | {seconds[1]:.2f} | {seconds[2] * 1000:.1f} |",
              flush=True)
    forget_staff()


def main() -> None:
    """Time the masker and the baseline on the same texts, or two maskers' CPU."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--before", help="a git revision whose masker to compare CPU with")
    parser.add_argument("--pairs", type=int, default=6)
    parser.add_argument("--hostile", action="store_true", help="one hostile message's cost")
    options = parser.parse_args()
    if options.hostile:
        hostile()
        return
    if options.before:
        compare(options.before, options.pairs)
        return
    rounds = options.rounds
    corpus = texts()
    print(f"{len(corpus)} texts x {rounds} rounds\n")
    print("| masker | texts/s | mean ms | p99 ms |\n|---|---|---|---|")
    timed("two regexes (baseline)", baseline, corpus, rounds)
    timed("mask_student_data", mask_student_data, corpus, rounds)
    timed("masked, and the names offered back (a ticket)", offering, corpus, rounds)


if __name__ == "__main__":
    main()
