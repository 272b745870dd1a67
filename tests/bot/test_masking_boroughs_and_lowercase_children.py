"""Stop 60's second round, from what the sealed corpora 67 to 70 let through once scored
(Albuquerque, Philadelphia, Queens and the Bronx, Nashville): a house numbered as Queens
numbers them, a town before its ZIP code with no comma, a family's address an office holds,
a child's name no list has typed in lowercase before what a child has or after "student
is", a grade alone in brackets, a grandmom; and what stays as written beside them: New
York's numbered schools, students in the plural, a colleague's grade."""

from __future__ import annotations

import pytest

from bot.masking import mask_student_data
from bot.masking.staff import know_staff


def masked(text: str) -> str:
    return mask_student_data(text).text


@pytest.mark.parametrize(("text", "expected"), [
    ("FYI his family lives at 41-22 Judge St, Elmhurst now",
     "FYI his family lives at [address] now"),
    ("New address is 102-15 64th Rd Apt 4B, Rego Park NY 11375. Please update",
     "New address is [address]. Please update"),
    ("address 2150 Grand Concourse Apt 5C, Bronx NY 10457. Parent", "address [address]. Parent"),
    ("New address 5523 Chester Ave Philadelphia 19143, new phone",
     "New address [address], new phone"),
    ("the bus office has Hevi Khalil at 512 Haywood Ln but they moved",
     "the bus office has [name] at [address] but they moved"),
    ("vannak's headset mic is dead", "[name]'s headset mic is dead"),
    ("Kebeh's headphone jack is broken, she's been using mine",
     "[name]'s headphone jack is broken, she's been using mine"),
    ("minjun's mom emailed about the Chromebook charger",
     "[name]'s mom emailed about the Chromebook charger"),
    ("Kids are Ayaan (4th) and Guled (1st) here at Paragon Mills.",
     "Kids are [name] (4th) and [name] (1st) here at Paragon Mills."),
    ("need a navajo interpreter for an IEP mtg. student is tazbah",
     "need a navajo interpreter for an IEP mtg. student is [name]"),
    ("Nasir's grandmom Ms. Pearl called re the hotspot",
     "[name]'s grandmom [name] called re the hotspot"),
])
def test_what_the_sealed_corpora_let_through_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    "wifi in the annex at M.S. 45 Thomas C. Giordano is out again, rooms 401-412",
    "I am the new parent coordinator at P.S. 86 Kingsbridge Heights.",
    "I.S. 125 Thom J. McCann Woodside: the bell schedule on the PA system is off",
    "the district office at 1200 N Main St is closed Friday",
    "GoGuardian says 'no students online' even tho they're all on",
    "nvm the smartboard is fine, the kids unplugged it",
    "Tengo varios estudiantes bilingües este año",
    "can we order student laptops and student accts for the new wing",
    "ms. grace okafor's laptop won't connect to the projector",
    "the teacher's mom called the front office",
])
def test_what_staff_write_beside_them_comes_through(text: str) -> None:
    assert masked(text) == text


def test_a_colleague_who_teaches_a_grade_writes_it_in_brackets() -> None:
    know_staff(["Lisa Chen"])
    said = "Lisa Chen (2nd) reports her Chromebook screen flickers"
    assert masked(said) == said
