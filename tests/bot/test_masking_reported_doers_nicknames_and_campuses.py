"""Stop 64's second round, read from the blind corpora sealed at its start (99 to 106): a
child who does something after "says" or "what" ("driver says Colt didn't get picked up"), a
nickname word before a bracketed real name ("Man-Man (Jermaine Ellis) broke"), a parent who
called or came by about their son or daughter, an unknown lowercase name that cannot do
something to their own things; and, kept, a campus by its direction ("Putnam City West"), a
novel named after its hero, and a signature's department line. ("Several of us at Andrew H.
Wilson" was kept in this round, and is hidden again since red teams II and JJ got students
through "us from", "us in": tests/bot/test_masking_stop64_attacked_again.py, ..._third.py.)"""

from __future__ import annotations

import pytest

from bot.masking.schools import know_schools
from bot.masking.staff import know_staff
from tests.bot.test_masking import masked


@pytest.mark.parametrize(("text", "expected"), [
    ("bus 14 driver says Colt didn't get picked up bc his address is wrong",
     "bus 14 driver says [name] didn't get picked up bc his address is wrong"),
    ("Is there a way to see what Trinity was looking at on GoGuardian during 4th? She says "
     "she wasnt on tiktok",
     "Is there a way to see what [name] was looking at on GoGuardian during 4th? She says "
     "she wasnt on tiktok"),
    ("also the sub said Summer was on her phone all period",
     "also the sub said [name] was on her phone all period"),
])
def test_a_child_doing_something_after_says_or_what_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Man-Man (Jermaine Ellis) broke the charging port on his chromebook, second time",
     "[name] ([name]) broke the charging port on his chromebook, second time"),
    ("PEANUT (Kenyatta Harris) BROKE THE HINGE ON HER CHROMEBOOK. WHERE DO I SEND IT",
     "[name] ([name]) BROKE THE HINGE ON HER CHROMEBOOK. WHERE DO I SEND IT"),
    ("Tiny (Taniyah) in my room can't hear the Lexia audio",
     "[name] ([name]) in my room can't hear the Lexia audio"),
    # not a heading, an app or a family's word
    ("Update (Maya Chen) she is fine now", "Update ([name]) she is fine now"),
    ("Seesaw (Maya Chen) won't load", "Seesaw ([name]) won't load"),
    ("Grandparents (Rose and Tom Vance) are the guardians for Jaden",
     "Grandparents ([name] and [name]) are the guardians for [name]"),
])
def test_a_nickname_before_a_bracketed_real_name_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Mrs. Ahmadzai came by the front office, she can't get into the parent portal. Her number "
     "is 804-447-2913 and her son Mohammad is in Ms. Hakimi's 4th grade class",
     "[name] came by the front office, she can't get into the parent portal. Her number is "
     "[phone] and her son [name] is in Ms. Hakimi's 4th grade class"),
    ("Mrs. Flores called, she wants the robocalls to go to her new number. Daughter is Yaritza "
     "in 8th grade",
     "[name] called, she wants the robocalls to go to her new number. Daughter is [name] in 8th "
     "grade"),
    # a colleague who called about a thing is no parent
    ("Mrs. Garcia called, the projector in 204 is out again",
     "Mrs. Garcia called, the projector in 204 is out again"),
])
def test_a_titled_parent_who_came_about_their_child_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("dieumerci cant find the nextera test, his kiosk app just spins",
     "[name] cant find the nextera test, his kiosk app just spins"),
    ("farishta cant see her lexia units, pls help", "[name] cant see her lexia units, pls help"),
    ("pls help!! lijon cant get into lexia, says user not found. he's new",
     "pls help!! [name] cant get into lexia, says user not found. he's new"),
    # an app's troubles, or a chat word, are no child's
    ("noteflight wont let me add him to the class", "noteflight wont let me add him to the class"),
    ("whos got the keys to the scoreboard? his phone is ringing",
     "whos got the keys to the scoreboard? his phone is ringing"),
])
def test_an_unknown_lowercase_name_in_trouble_with_their_things_is_hidden(
        text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    "Need help setting up the document camera for the Kiowa language class at Putnam City West, "
    "Mr. Kauley's room",
    "We are reading Esperanza Rising in ELA 6 and several of my students need text-to-speech",
])
def test_campuses_groups_and_novels_come_through(text: str) -> None:
    assert masked(text) == text


def test_a_colleagues_signature_keeps_its_department_line_and_the_word_above_it() -> None:
    know_staff(["Kevin Whitfield"], afresh=True)
    text = ("Is there a way to bulk export grades? I have 5 sections of Biology and doing it by "
            "hand takes forever.\n\nKevin Whitfield\nScience, J.M. Hanks High School")
    assert masked(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    # a list one a line after a heading is still a list of children
    ("Loaners due back:\nAiden\nWood, Ethel Phillips Elementary",
     "Loaners due back:\n[name]\n[name], Ethel Phillips Elementary"),
    ("Esperanza lost her charger", "[name] lost her charger"),
])
def test_the_same_words_as_a_child_are_still_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    "SOL testing starts next week. Can we confirm TestNav is updated on all the carts at L. "
    "Douglas Wilder? Mr. Hicks is our STC",
    "Gordon Parks 2nd floor copier jammed. Error J0511. Tray 2.",
])
def test_a_known_school_after_its_namesakes_initials_or_before_a_floor_is_kept(text: str) -> None:
    know_schools(["L. Douglas Wilder Middle School", "Gordon Parks Elementary"])
    assert masked(text) == text


def test_a_colleague_signing_with_a_known_schools_whole_name_after_a_job_keeps_it() -> None:
    know_schools(["Fairfield Court Elementary"])
    know_staff(["Lauren Talley"], afresh=True)
    text = ("Where do I find the sub plans folder? Mrs. Pollard said you moved it. - Lauren "
            "Talley, Kindergarten, Fairfield Court")
    assert masked(text) == text
    # a label's child is no colleague signing
    assert masked("Tag on the lost iPad says - Maya Lopez, Kindergarten, Fairfield Court") == \
        "Tag on the lost iPad says - [name], Kindergarten, [name]"


def test_a_school_after_a_liaisons_or_a_specialists_at_is_kept() -> None:
    know_schools(["Horace Mann Dual Language Magnet"])
    text = "Hello, I'm the new family liaison at Horace Mann. I need a laptop."
    assert masked(text) == text
    assert masked("Horace Mann sits at Horace Mann's table in the library, he needs a login") \
        == "[name] sits at [name]'s table in the library, he needs a login"
