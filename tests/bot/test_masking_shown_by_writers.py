"""What a ticket keeps once its writer shows the names she knows are no student's
(bot/features/tickets/unhiding.py), over the corpora written blind with their district's staff
directory and schools, at the default level (whole names). A truthful writer shows every name
offered in an ordinary message and none that is a student's. Asserted: the ordinary messages
still altered after that, and the student identifiers that were offered at all (each a button
a careless writer could press), beside the masker's own figures."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from pathlib import Path

import pytest

from bot.features.tickets.service import offerable
from bot.features.tickets.unhiding import offered, shown
from bot.masking import find_student_data, replaced
from bot.masking.schools import know_schools
from bot.masking.staff import forget_staff, know_staff, use_staff_names
from tests.bot.test_masking import CORPUS, TODAY, is_masked
from tests.bot.test_masking_staff_corpora import addresses_of


@dataclass
class Tally:
    """Counts over some corpora, as the writer of each text left it."""

    tech: int = 0
    altered: int = 0  # ordinary messages the masker altered
    altered_after: int = 0  # still altered once the writer showed every name offered
    tech_offered: int = 0  # ordinary messages offered at least one name
    identifiers: int = 0
    hidden: int = 0  # student identifiers the masker hid
    hidden_after: int = 0  # still hidden once the writer showed the names that are no student's
    students_offered: int = 0  # student identifiers a button offered to show

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


def as_left(text: str, students: list[str]) -> tuple[str, str, list[str]]:
    """(the masked text, the text once the writer showed every offered name that is no
    student's identifier nor a part of one, the names offered)."""
    spans = find_student_data(text, TODAY)
    masked = replaced(text, spans).text
    choices = offered(offerable(text, spans, masked))
    spellings = {at: written for name, places in choices for at, written in places
                 if not any(same_person(name, student) for student in students)}
    left = shown(masked, spellings)  # all at once: one name shown moves no other's places
    return masked, left, [name for name, _places in choices]


def same_person(name: str, student: str) -> bool:
    """Whether a name shown shares a word with a student's identifier, or begins one
    ("paisleys" and "paisley", "mirelesa" and "mirelesa31"): its writer knows it is theirs."""
    return any(a.startswith(b) or b.startswith(a) for a in re.findall(r"[^\W_]+", name.casefold())
               for b in re.findall(r"[^\W_]+", student.casefold()))


def tally(path: Path, schools: bool, addresses: bool = True) -> Tally:
    """One corpus, knowing its staff directory (with the addresses it lists, if the corpus
    has them and `addresses`; and its schools, if `schools`)."""
    use_staff_names("whole")
    know_staff(path.with_suffix(".staff.txt").read_text("utf-8").splitlines(), afresh=True,
               addresses=addresses_of(path) if addresses else None)
    school_file = path.with_suffix(".schools.txt")
    know_schools(school_file.read_text("utf-8").splitlines() if schools else [])
    counted = Tally()
    try:
        for line in map(json.loads, path.read_text("utf-8").splitlines()):
            counted += one(line["text"], line["identifiers"], line["kind"] == "tech")
    finally:
        forget_staff()
        know_schools([])
    return counted


def one(text: str, students: list[str], tech: bool) -> Tally:
    """The tally of one text."""
    masked, left, names = as_left(text, students)
    if tech:
        return Tally(tech=1, altered=masked != text, altered_after=left != text,
                     tech_offered=bool(names))
    return Tally(identifiers=len(students),
                 hidden=sum(is_masked(text, masked, s) for s in students),
                 hidden_after=sum(is_masked(text, left, s) for s in students),
                 students_offered=sum(any(same_person(n, s) for n in names) for s in students))


def over(first: int, last: int, schools: bool) -> Tally:
    """The blind corpora heldout{first} to heldout{last} that have a staff directory."""
    paths = [CORPUS / f"heldout{n}.jsonl" for n in range(first, last + 1)]
    return sum((tally(p, schools) for p in paths if p.with_suffix(".staff.txt").exists()),
               Tally())


# (first, last corpus): {knowing the schools: (ordinary messages still altered at most, student
# identifiers offered at most)}, 100 ordinary messages and about 190 identifiers a corpus.
# The masker alone alters 350 of 5,400 on 44 to 98 (265 knowing the schools), 26 and 13 of
# 800 on 99 to 106, 34 and 26 on 107 to 114, and 95 and 84 of 400 on 115 to 118, whose
# writers were asked to name colleagues often (test_masking_staff_corpora.py and
# test_masking_schools.py assert those). 115 to 118 were sealed until the feature was built
# and scored once: 15 left altered. Red team LL's lists and cues, mended (at most two names,
# three words in all and two in one, initials not counted; a child's sentence, an id beside a
# name, every spelling of a student's name), halved the students offered; 15 again. Stop 66's
# rules, read off 115 to 118 (a colleague's own line, particles, a titled signer, a grade's
# wing, web errors): 4 left there as first written, 8 after red team MM's mends; 45 and 35 on
# 44 to 98, 7 on 107 to 114.
FIGURES = {(44, 98): {False: (45, 2260), True: (35, 2261)},
           (99, 106): {False: (3, 375), True: (3, 375)},
           (107, 114): {False: (7, 359), True: (7, 360)},
           (115, 118): {False: (8, 130), True: (8, 130)},
           # sealed while stop 66's rules were read off 115 to 118, scored once at 0c37522
           # (11 and 10 with stop 65's rules, 46e0e37); the same after MM's mends; then read:
           # 6 and 5 with the rules read off it, 9 and 8 once red team NN took three back out
           (119, 122): {False: (9, 218), True: (8, 218)},
           # sealed while those were written, scored once at c341057 (20 and 19 with stop 65's
           # rules); then read: 11 and 10 with colleagues' addresses known by the directory, a
           # rule red team OO broke 15 times in 18 and that was taken back out
           # (stop 68: 17 and 16, 12 on 127 to 130: colleagues' addresses at a district's
           # ".net" domain are hidden as at a ".org", as its students' are)
           (123, 126): {False: (17, 133), True: (16, 133)},
           # sealed while those were written and attacked, scored once at 194e91a: 9 (10 with
           # stop 65's rules); 10 once the addresses' rule was taken out
           (127, 130): {False: (12, 168), True: (12, 170)},
           # sealed while rules were read off 127 to 130, scored once at stop 67 (0e01e1d):
           # 12, as with stop 66's and (13) stop 65's rules; the rules tried were taken out
           (131, 134): {False: (12, 173), True: (12, 173)},
           # sealed until stop 67's rules were settled, scored once at 6f201c8: 6 (6 with
           # stop 66's rules, 8 with stop 65's)
           (135, 138): {False: (6, 191), True: (6, 191)},
           # written at stop 68 with the staff's work addresses, about 14 in each 100 ordinary
           # messages; sealed until its rules were settled and scored once: 17 knowing the
           # addresses (Slack's users:read.email), 38 not, 32 with stop 67's rules
           (139, 142): {False: (17, 141), True: (17, 141)},
           # written from the same brief (fewer addresses asked for) while 139 to 142 were
           # scored, scored once with no rule changed after: 17 knowing the addresses, 28 not,
           # 26 with stop 67's rules
           (143, 146): {False: (17, 141), True: (17, 141)}}


@pytest.mark.parametrize(("first", "last"), sorted(FIGURES))
@pytest.mark.parametrize("schools", [False, True])
def test_a_truthful_writer_leaves_few_messages_altered_and_shows_no_student(
        first: int, last: int, schools: bool) -> None:
    most_altered, most_offered = FIGURES[first, last][schools]
    counted = over(first, last, schools)
    assert counted.altered_after <= most_altered
    assert counted.students_offered <= most_offered
    assert counted.hidden_after == counted.hidden  # she shows no name that is a student's
