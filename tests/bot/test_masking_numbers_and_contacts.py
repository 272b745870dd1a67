"""Masking, sixteenth round: the numbers, addresses and contacts staff write about their work
come through, and a student's beside them stay hidden."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import masked, score


@pytest.mark.parametrize("text", [
    # numbering schemes that are no student's
    "Printer in 204 down again, WO 55120 is still open.",
    "GoGuardian shows Block ID 9C2E-41A7 on the PBS site for staff.",
    "Gaggle alert 88412 was a false positive, please close it.",
    "Mi número de empleado es 204417 y no puedo entrar a Skyward.",
    # a Spanish school's name typed in lowercase words
    "Trabajo en la escuela primaria Jefferson, salón 12.",
    # a machine's mailbox, and colleagues' addresses given as the owners of something
    "Scans from the library copier go to scan-lib@district.org but nothing arrives.",
    "Add the owners: tnguyen@district.k12.ca.us and bwalker@district.k12.ca.us to the drive.",
    # an institution's address, named as one or as where a delivery goes
    "Return the broken hotspots to the district office address: 4100 N Main St, Dayton OH 45405.",
    "Delivery of 30 headsets from Dell arriving next week to 2250 Elm Grove Rd, Dayton OH 45402.",
    # whom to ask, and who changed the district's systems
    "Contact: Denise Fowler, ext 4410, for the PD laptops.",
    "Contact for the copier lease: Greg Holloway, Ricoh, (614) 555-0133.",
    "The new bell schedule was pushed this morning by Keith Brennan and now 6th period is off.",
    # the writer's own line
    "MFA reset please. My district cell on file should be 937-555-0162.",
])
def test_what_staff_write_about_their_work_comes_through(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    # a family's address stays hidden, however it is named
    ("Send the loaner to her home address, 1412 Linden Ave, Dayton OH 45410.",
     "Send the loaner to her home address, [address]."),
    ("The student address on file is 88 Cherry St, Dayton OH 45403, he moved.",
     "The student address on file is [address], he moved."),
    # a student's mailbox, and a family's number, beside the new keep rules' words
    ("Student email is kayla.m2031@district.org and she can't log in. Owners: the office.",
     "Student email is [email] and she can't log in. Owners: the office."),
    ("Contact: Tasha Brooks (Jaylen's mom), 937-555-0148.",
     "Contact: [name] ([name]'s mom), [phone]."),
    # another number with no cue of its own, in a sentence that holds a student's id, is
    # theirs too; a year, a count and a room stay
    ("Lunch PIN for Kaden Ross shows 4471 but he has used 4417 all year.",
     "Lunch PIN for [name] shows [id number] but he has used [id number] all year."),
    ("Student ID 300418 printed 2400 pages in room 1204 in 2025.",
     "Student ID [id number] printed 2400 pages in room 1204 in 2025."),
    # a first name before a family name the text has hidden is the family's
    ("The app lists Mateo Rivers' pickup as 'Amber Rivers 937-555-0148'.",
     "The app lists [name]' pickup as '[name] [phone]'."),
])
def test_students_beside_those_words_stay_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


def test_the_numbers_tuning_corpus_holds_the_figures_its_round_reached() -> None:
    # Written blind at the start of the sixteenth round, on numbers, codes, addresses and
    # contacts (200 texts: 100 tech texts, 100 with 258 identifiers; an elementary teacher,
    # an attendance clerk, a registrar, a case manager, a library media specialist, a district
    # IT tech, a bilingual secretary). As it came: 0.988 (255) / 0.120 (12). Read and tuned
    # on (docs/masking.md, the sixteenth round): 0.992 (256) / 0.010 (1).
    masked_share, altered, wrong = score("numbers_a.jsonl")
    assert masked_share >= 0.992 and altered <= 0.01, "\n".join(wrong)
