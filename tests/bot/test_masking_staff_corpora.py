"""The masker on corpora written blind with their district's staff directory (staff_*.jsonl,
each beside its staff_*.staff.txt): knowing the directory spares colleagues without giving
students away. a, b, e and f were read and tuned on; c and d are held out, never read (their
figures only, here and in docs/masking.md). The figures reached are asserted, so that a
change cannot make them worse unnoticed; `python bench/masking_staff.py` prints them beside
the masker without the directory."""

from __future__ import annotations

import json

import pytest

from bot.masking import mask_student_data
from bot.masking.staff import forget_staff, know_staff
from tests.bot.test_masking import CORPUS, TODAY, is_masked

# corpus: (identifiers masked at least, tech texts altered at most, of 100) knowing the
# directory; measured without it / with it, as first scored.
FIGURES = {
    # Tuning (read): without 217 of 229 / 30, with, as first written, 216 / 4, then 217 / 1
    # (initials that must agree, a word of a hidden name stays hidden, nicknames, a
    # colleague's laptop and account no student's).
    "staff_a.jsonl": (217, 1),
    # without 233 of 238 / 45; with 232 / 9 first, then 233 / 3; 233 / 4 once nicknames had
    # to begin alike (a vendor's "Tricia" had been spared as a colleague Patricia's nickname)
    "staff_b.jsonl": (233, 4),
    # Held out, never read. Scored once after a and b: without 228 of 246 / 35, with 225 / 7;
    # scored again (figures only) after e was read: 228 / 4.
    "staff_c.jsonl": (228, 4),
    # Held out, never read: without 229 of 242 / 27; after a and b 228 / 3; after e 227 / 2
    # (one more identifier through; not looked for, so as not to tune on it).
    "staff_d.jsonl": (227, 2),
    # Tuning, written with 34 collisions: without 243 of 249 / 41; with, as the rule stood
    # after a and b, 238 / 7; after reading it (a student's bracket after the name, "(student)",
    # "(kindergarten"; "nephew", "niece", "grandson"; a family name a hidden relative shares;
    # a colleague's initial; a list of colleagues' first names; no English word let go that is
    # a first name; narrower nicknames; for colleagues no pronoun or test-talk cue) 242 / 3.
    "staff_e.jsonl": (242, 3),
    # Tuning, 31 collisions (Gallup and the Navajo Nation, Filipino colleagues): without 244
    # of 262 / 32; with, as the rule stood after e, 238 / 12; after reading it (a name or a
    # part of it hidden elsewhere as a student's, a sentence that says "the student, not our
    # Jerome" or "the 11th grader", "lunch #" in a bracket, "Ms. dela Cruz's 3rd period",
    # "Ma'am Cheryl") 244 / 4; the rules alone now alter 24.
    "staff_f.jsonl": (244, 4),
}


def score(name: str, directory: list[str]) -> tuple[int, int]:
    """(identifiers masked, tech texts altered) over a corpus of 100 tech texts, knowing
    `directory`."""
    know_staff(directory, afresh=True)
    lines = [json.loads(line) for line in (CORPUS / name).read_text("utf-8").splitlines()]
    found = altered = tech = 0
    for line in lines:
        text = line["text"]
        output = mask_student_data(text, today=TODAY).text
        if line["kind"] == "tech":
            tech, altered = tech + 1, altered + (output != text)
        else:
            found += sum(is_masked(text, output, i) for i in line["identifiers"])
    forget_staff()
    assert tech == 100
    return found, altered


def directory_of(name: str) -> list[str]:
    return (CORPUS / name).with_suffix(".staff.txt").read_text("utf-8").splitlines()


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_each_corpus_holds_its_figures_knowing_its_directory(name: str) -> None:
    least_masked, most_altered = FIGURES[name]
    masked, altered = score(name, directory_of(name))
    assert masked >= least_masked and altered <= most_altered, (
        f"{name}: {masked} identifiers masked, {altered} of 100 tech texts altered")


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_knowing_the_directory_spares_most_colleagues_the_rules_hid(name: str) -> None:
    _, without = score(name, [])
    _, with_it = score(name, directory_of(name))
    assert with_it <= without / 3
