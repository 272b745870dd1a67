"""Stop 60's round, from what the read corpora still altered at the default level: a school's
span of grades, a state's history, a tradesman named by his trade, texting's "tho", a
verb the word lists lack and a copier's fault code come through; the students beside them
are hidden still."""

from __future__ import annotations

import pytest

from bot.masking import mask_student_data


def masked(text: str) -> str:
    return mask_student_data(text).text


@pytest.mark.parametrize("text", [
    "Room 5 at Lincoln K-12 school has no wifi",
    "ESL carts at the PK-8 center need DRC INSIGHT",
    "My Alaska history videos are blocked as restricted",
    "Frontier sent a fiber tech named Josh Waldron out to the Mexican Springs site",
    "NTUA is doing power work, per their lineman, a guy named Elmer. Expect the UPS to kick in",
    "The electrician from Faith Technologies, Rick somebody, unplugged the switch in the MDF",
    "Contractor from Buckeye Cabling (Phil Maddox) is pulling new drops in the 100 wing",
    "Hapara Highlights shows 'no students online' even tho they are",
    "The copier in the workroom (Xerox AltaLink C8045) displays fault 071-105",
])
def test_what_staff_write_about_their_schools_and_trades_comes_through(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(("text", "hidden"), [
    ("Jaden K. lost his charger", "Jaden K."),
    ("Georgia lost her charger on the bus", "Georgia"),
    ("there's a kid named Elmer in my 3rd period who keeps unplugging the cart", "Elmer"),
    ("a student named Josh Waldron lost his charger", "Josh Waldron"),
    ("even tho jaden lost it again, can he get a loaner?", "jaden"),
    ("alvin rebooted his chromebook and now it won't log in, he's in 4th", "alvin"),
    ("elijah mbeki can't log in", "elijah mbeki"),
    ("student id 071-105 won't scan", "071-105"),
])
def test_the_students_beside_them_are_hidden_still(text: str, hidden: str) -> None:
    assert hidden not in masked(text)
