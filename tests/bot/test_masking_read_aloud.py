"""What the stop-58 round added (docs/masking.md): a family's address read out with spaces
for its dots, a parent named right after "her mom", a student named with a word who does
what only a person at a device does, one set off by commas, one handed a device, and a
famous name that goes on to a third. Each example is written here, not taken from a corpus;
the corpora's figures are in test_masking_heldout.py."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import masked


@pytest.mark.parametrize(("text", "expected"), [
    # an address read out word by word, as a parent says it on the phone
    ("dad's email is duc tran 52 at yahoo dot com", "dad's email is [email]"),
    ("she wrote it as marisol pena eighty eight at gmail, can you check",
     "she wrote it as [email], can you check"),
    ("grandma uses okonkwo ada at hotmail", "grandma uses [email]"),
    # never cut short where the spelled address is longer
    ("mom is bich ngoc dot le at gmail punto com", "mom is [email]"),
    ("it's jae dot park at icloud dot com", "it's [email]"),
])
def test_a_familys_address_read_out_is_hidden_whole(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a parent named right after "her mom", in brackets or between commas
    ("Kofi's dad (Yaw) can't get into ParentSquare",
     "[name]'s dad ([name]) can't get into ParentSquare"),
    ("her grandma, Lucinda, picks up the hotspot", "her grandma, [name], picks up the hotspot"),
    # a student named with a word, doing what only a person at a device does
    ("Ocean can't hear the audio on Lexia", "[name] can't hear the audio on Lexia"),
    ("Harmony was using someone else's Chromebook all week",
     "[name] was using someone else's Chromebook all week"),
    ("Journey keeps getting 'access denied' on Clever",
     "[name] keeps getting 'access denied' on Clever"),
    ("Blessing can't open the Google Form you posted",
     "[name] can't open the Google Form you posted"),
    # set off by commas
    ("the kid in the red hoodie, Thuy, can't log into iReady",
     "the kid in the red hoodie, [name], can't log into iReady"),
    # handed a device
    ("please issue Legend a loaner chromebook", "please issue [name] a loaner chromebook"),
    # a famous name that goes on to a third is a student's
    ("MUHAMMAD ALI KHAN 6TH GRADE NEEDS A CHARGER", "[name] 6TH GRADE NEEDS A CHARGER"),
    ("Muhammad Ali Khan lost his charger", "[name] lost his charger"),
])
def test_students_in_the_rounds_shapes_are_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    # "at gmail" where no address is read out
    "you can reach the vendor at gmail support, they never answer",
    "I looked at gmail and outlook, neither syncs the calendar",
    "see you at live lunch duty",
    # an app or a room does none of it
    "Canvas keeps getting stuck on the loading screen",
    "Clever keeps getting logged out on the cart",
    "Word can't open the file from the shared drive",
    "give Room 12 a new charger please",
    "give Canvas a minute, it's slow today",
    # a parent's word that names nobody
    "her mom called about the Chromebook",
    # the famous, alone
    "we watched the Muhammad Ali documentary in 6th period",
    "Martin Luther King Day assembly needs the gym projector",
])
def test_what_staff_write_comes_through(text: str) -> None:
    assert masked(text) == text
