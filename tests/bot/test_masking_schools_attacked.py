"""A red team's (AX, stop 59) on the masker's knowledge of the district's schools (b712512):
students named as a school's whole name, which the rule let through, and a school written as
a place in Spanish. Every case failed on b712512; each states what holds now."""

from __future__ import annotations

import pytest

from bot.masking.schools import know_schools
from tests.bot.test_masking import masked
from tests.bot.test_masking_schools import DISTRICT

DISTRICT_TOO = [*DISTRICT, "Aki Kurose Middle School"]


@pytest.fixture
def schools_known() -> None:
    know_schools(DISTRICT_TOO)


# PROMISE: "a student who shares [a school's name] is still hidden" (test_masking_schools.py,
# docs/masking.md stop 55). Every text below names a *student* by the whole name of one of
# the district's schools; the masker hides each name when it knows no school, and lets it
# through once it knows the district's list. The shapes: a possessive ("Parker Hill's ...")
# read as a place because a word of PLACE_AFTER follows ("lab", "wifi", "room", "office",
# "team", "community", "classroom", "library"), and "at"/"in" before a possessive person
# ("sitting at Annie Oakley's table", "in Parker Hill's backpack").
STUDENTS = [
    # nurse
    ("The nurse has a note in William Ford's file: allergic to peanuts.",
     "The nurse has a note in [name]'s file: allergic to peanuts."),
    ("Nurse: Annie Oakley's office visit today, sent home with a fever",
     "Nurse: [name]'s office visit today, sent home with a fever"),
    # teacher / dean: a pronoun beside the name does not help
    ("Found a vape in Parker Hill's backpack, his mom is coming in",
     "Found a vape in [name]'s backpack, his mom is coming in"),
    ("Parker Hill's wifi at home keeps dropping so he can't submit",
     "[name]'s wifi at home keeps dropping so he can't submit"),
    ("Parker Hill's lab report file won't open in Google Docs",
     "[name]'s lab report file won't open in Google Docs"),
    ("Sitting at Annie Oakley's table the iPad was left unlocked",
     "Sitting at [name]'s table the iPad was left unlocked"),
    ("Parker Hill's team needs the Chromebook cart for the robotics club",
     "[name]'s team needs the Chromebook cart for the robotics club"),
    # registrar / counselor
    ("Annie Oakley's room number is wrong in her schedule",
     "[name]'s room number is wrong in her schedule"),
    ("Annie Oakley's community service hours aren't showing in x2VLE",
     "[name]'s community service hours aren't showing in x2VLE"),
    ("Annie Oakley's library fines are blocking her Destiny account",
     "[name]'s library fines are blocking her Destiny account"),
    ("Aki Kurose's office referral got attached to the wrong kid",
     "[name]'s office referral got attached to the wrong kid"),
    ("found a phone in william ford's backpack", "found a phone in [name]'s backpack"),
]

# The same promise, no possessive: "the", "in" and "near" before a student's whole name
# make a place of it, and neither a pronoun ("She's", "her") nor "kid" right after it counts
# as the student's cue that "stands beside it".
STUDENTS_AS_PLACES = [
    ("The Annie Oakley kid broke another charger", "The [name] kid broke another charger"),
    ("Can you reset the Annie Oakley password? She's locked out",
     "Can you reset the [name] password? She's locked out"),
    ("I can't log in William Ford, it says the account is disabled",
     "I can't log in [name], it says the account is disabled"),
    ("Please put in Annie Oakley for a loaner, her screen is cracked",
     "Please put in [name] for a loaner, her screen is cracked"),
    ("He was seated near Parker Hill when the screen broke",
     "He was seated near [name] when the screen broke"),
    ("I called the Parker Hill house but no one answered about the hotspot",
     "I called the [name] house but no one answered about the hotspot"),
]


@pytest.mark.parametrize(("text", "expected"), STUDENTS + STUDENTS_AS_PLACES)
def test_a_student_named_like_a_school_is_hidden(
        schools_known: None, text: str, expected: str) -> None:
    # Sanity: these are hidden by the rules alone; only the schools' list lets them through.
    know_schools([])
    assert masked(text) == expected
    know_schools(DISTRICT_TOO)
    assert masked(text) == expected



# Left, as the rule is narrow on purpose: a school after "to", "from" or "for", the second
# school of a list, one set off by commas, or two joined by a slash are still altered ("Can
# you send 30 chargers to William Ford?"); "give it to Parker Hill" is a student's too.
def test_a_school_in_spanish_is_kept_where_it_is_a_place(schools_known: None) -> None:
    text = "No hay internet en William Ford desde el lunes"
    assert masked(text) == text
