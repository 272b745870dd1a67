"""An outside red team's (HH, stop 64) attack on fa6011e's rules: Lego and FrontRow as
makers, "behind" and "beside" a thing as a school's place, and a known school after a room
before a thank-you. All mended in the next commit; each test states what holds now.

The promise broken (docs/privacy.md): "student identifiers are masked", at the default level
(PREPBOT_MASKING_STAFF=whole). Each text is what a teacher, proctor, nurse or office clerk
would type about a student; each test fails on fa6011e and passes once the break is fixed.
What is asserted is the promise itself: no word of the student's name is left in the masked
text (how the rest reads is the masker's business). A student is often named as a school is
("William Ford", "Parker Hill", "Annie Oakley", "Juan Pablo"): the district's schools below
are tests/bot/test_masking_schools.py's, with two of fa6011e's."""

from __future__ import annotations

import re

import pytest

from bot.masking.schools import know_schools
from tests.bot.test_masking import masked

DISTRICT = ["Edsel Ford High School", "William Ford Elementary", "Ralph J. Bunche Academy",
            "Wing Luke Elementary", "Parker Hill Elementary", "Annie Oakley Elementary",
            "Toni Morrison Elementary", "Lincoln Middle", "Golda Meir School",
            "Horace Mann Middle School"]
# Schools whose first two words are a child's double first name (a short form is kept as a
# place: bot/masking/schools.py, short_forms).
DOUBLE_FIRST_NAMES = ["Juan Pablo Duarte Elementary", "Maria Elena Salinas Middle School",
                      "Mary Ann Binford Middle School"]


@pytest.fixture
def schools_known() -> None:
    know_schools(DISTRICT)


@pytest.fixture
def schools_named_by_double_first_names() -> None:
    know_schools(DOUBLE_FIRST_NAMES)


def assert_hidden(text: str, student: str) -> None:
    out = masked(text)
    left = [w for w in student.split() if re.search(rf"\b{re.escape(w)}\b", out)]
    assert not left, f"student {student!r} not masked: {out!r}"


# Promise: student identifiers are masked. THANKED_AFTER (bot/masking/schools.py) is meant to
# keep a school only before "a thank-you signed by a name", but it is compiled with
# re.IGNORECASE, so its "[A-Z]" takes any word: "Thanks so much", "Thanks in advance",
# "Thanks again", "Thanks a lot", "Best, Coach" all count as a signature. fa6011e's own test
# hides "Chromebook for Room 115, Golda Meir. Thanks!"; one more ordinary word lets it out.
# New in fa6011e (HEAD~1 hid every one).
@pytest.mark.usefixtures("schools_known")
@pytest.mark.parametrize(("text", "student"), [
    ("Please reset the Clever badge for Room 115, Annie Oakley. Thanks in advance",
     "Annie Oakley"),
    ("Please reset the Clever badge for Room 115, Annie Oakley. Thanks so much", "Annie Oakley"),
    ("Bus pass card reader says invalid for Rm 3, Golda Meir. Thanks a lot", "Golda Meir"),
    ("iPad cracked, Rm 204, William Ford. Thanks again", "William Ford"),
    ("Room 12, William Ford. Thanks again", "William Ford"),
    ("Loaner returned by Rm 9, Parker Hill. Best, Coach", "Parker Hill"),
])
def test_a_thank_you_without_a_name_after_it_spares_no_student(text: str, student: str) -> None:
    assert_hidden(text, student)


# Promise: student identifiers are masked. A student is named by homeroom and name ("Rm 12,
# William Ford") when a device goes to, comes from or is labeled for them; THANKED_AFTER keeps
# the name whatever comes before the room ("checked out to", "for", "labeled", "from"), so
# the staff member's own signature lets the student's name through. New in fa6011e.
@pytest.mark.usefixtures("schools_known")
@pytest.mark.parametrize(("text", "student"), [
    ("Loaner Chromebook checked out to Room 12, William Ford. Thanks, Tamika Jefferson",
     "William Ford"),
    ("Charger left in the nurse's office from Rm 8, Parker Hill. Thank you, Dana Whitfield",
     "Parker Hill"),
    ("Found a Chromebook in the gym labeled Rm 12, William Ford. Thanks, Dana", "William Ford"),
    ("Lexia won't load for room 9, Parker Hill. Thanks, Ms. Jefferson", "Parker Hill"),
    # a child spoken of in the sentence before does not stop it (signed_with reads the whole
    # text for a child; THANKED_AFTER reads only the room's sentence)
    ("His charger is missing. Room 12, Parker Hill. Thanks, Tamika Jefferson", "Parker Hill"),
])
def test_a_student_given_by_room_and_name_before_a_signed_thank_you_is_hidden(
        text: str, student: str) -> None:
    assert_hidden(text, student)


# Promise: student identifiers are masked. "behind"/"beside" are where a student sits (a
# seating chart, a testing room, the lunch line), and `held` accepts the very words a seat is
# described by: "is", "desk", "laptop", "iPad", "Chromebook", "down". A student who shares a
# school's whole name comes through in a seating chart. New in fa6011e.
@pytest.mark.usefixtures("schools_known")
@pytest.mark.parametrize(("text", "student"), [
    ("Testing seats: Maya Lopez is behind Parker Hill, Jaden Ramirez is beside Annie Oakley",
     "Parker Hill Annie Oakley"),
    ("Proctor note: the iPad behind Annie Oakley was unplugged during the test",
     "Annie Oakley"),
    ("The desk behind William Ford has a broken Chromebook", "William Ford"),
    ("Which Chromebook is behind Annie Oakley in row 3? It keeps freezing", "Annie Oakley"),
    ("During testing the laptop behind Parker Hill froze twice", "Parker Hill"),
    ("Seating chart for Lexia: laptop 14 is beside William Ford", "William Ford"),
    ("Who is behind William Ford in the lunch line camera footage?", "William Ford"),
    # the child's pronoun in the next sentence does not stop it
    ("The desk behind William Ford has a broken Chromebook. He says it fell off the cart.",
     "William Ford"),
    ("The laptop beside Annie Oakley froze during MAP. She lost 20 minutes of her test.",
     "Annie Oakley"),
])
def test_a_student_behind_or_beside_a_seat_is_hidden(text: str, student: str) -> None:
    assert_hidden(text, student)


# Promise: student identifiers are masked. The same rule keeps a school's short form (its
# first two own words, short_forms) after "behind"/"beside", and those are a child's double
# first name: "Juan Pablo", "Maria Elena", "Mary Ann". New in fa6011e.
@pytest.mark.usefixtures("schools_named_by_double_first_names")
@pytest.mark.parametrize(("text", "student"), [
    ("The Chromebook behind Juan Pablo keeps dropping the wifi", "Juan Pablo"),
    ("Testing seats: Ana is behind Juan Pablo, Luis is beside Maria Elena",
     "Juan Pablo Maria Elena"),
    ("During MAP the laptop beside Maria Elena froze twice", "Maria Elena"),
    ("The desk behind Mary Ann has the broken iPad", "Mary Ann"),
    ("Sit down beside Juan Pablo and log in with the sub account", "Juan Pablo"),
])
def test_a_double_first_name_behind_or_beside_a_seat_is_hidden(text: str, student: str) -> None:
    assert_hidden(text, student)


# Promise: student identifiers are masked. "Lego" is an after-school club and "FrontRow" the
# mic a hard-of-hearing student wears; the vendor veto (bot/masking/vetoes.py: "a maker's
# product line") takes whatever name follows the maker's word as a product, so a student
# named right after it comes through. New in fa6011e (HEAD~1 hid every one).
@pytest.mark.parametrize(("text", "student"), [
    ("Lego Jaden Ramirez broke the hub", "Jaden Ramirez"),
    ("After Lego Jaden Ramirez took a hub home by mistake", "Jaden Ramirez"),
    ("In Lego Jaden Ramirez dropped the hub and now it won't pair", "Jaden Ramirez"),
    ("Ms. Reyes's Lego Maya Lopez needs the Spike app", "Maya Lopez"),
    ("Lego Jaden and Lego Maya both need the Spike app on their iPads", "Jaden Maya"),
    ("the FrontRow Maya Lopez wears keeps beeping", "Maya Lopez"),
    ("Please charge the FrontRow Kendra Hill wears before 1st period", "Kendra Hill"),
    ("FrontRow Maya Lopez needs a new lanyard mic", "Maya Lopez"),
    # in lowercase too, and a student number after the name goes with it
    ("the frontrow maya lopez wears keeps beeping", "maya lopez"),
    ("Lego Jaden Ramirez 20451887 lost the hub", "Jaden Ramirez 20451887"),
])
def test_a_student_named_after_lego_or_frontrow_is_hidden(text: str, student: str) -> None:
    assert_hidden(text, student)


# Promise: student identifiers are masked. `at_work` (bot/masking/adults.py) takes anyone "in"
# or "at" a maker as its employee, before asking whether the maker's word is a class or club,
# and ahead of every child's cue: "in Lego League", "in Lego after school", even "she's a 4th
# grader". New in fa6011e for "in" Lego or FrontRow (HEAD~1 hid every one).
@pytest.mark.parametrize(("text", "student"), [
    ("Jaden Ramirez in Lego League left the Spike hub in the library", "Jaden Ramirez"),
    ("Tyrell Jackson in Lego after school can't log in to the Spike app", "Tyrell Jackson"),
    ("Ava Nguyen in FrontRow training? no, she's a 4th grader", "Ava Nguyen"),
])
def test_a_student_in_the_lego_club_is_no_makers_employee(text: str, student: str) -> None:
    assert_hidden(text, student)


# Promise: student identifiers are masked. Old (HEAD~1 kept these too, "lego" being a
# not-name word that the "from <vendor>" rule reads as a maker): a student "from Lego League"
# or "from Lego Robotics" is taken for a maker's employee, her pronoun notwithstanding.
@pytest.mark.parametrize(("text", "student"), [
    ("Maya Lopez from Lego Robotics needs her login reset", "Maya Lopez"),
    ("Kendra Hill from Lego League left her iPad in the library", "Kendra Hill"),
    ("Jaden from Lego needs a new hub", "Jaden"),
])
def test_a_student_from_the_lego_club_is_no_makers_employee(text: str, student: str) -> None:
    assert_hidden(text, student)


# Promise: student identifiers are masked. "ii" is now no name word anywhere, so a student
# whose surname is "Ii" (a Japanese surname, 井伊) is left standing in a roster's "Last, First"
# ("Lucas Ii" in the other order is still hidden). Low: a rare surname. New in fa6011e.
@pytest.mark.parametrize(("text", "student"), [
    ("Ii, Lucas is missing from my roster", "Ii Lucas"),
])
def test_a_surname_written_like_a_roman_numeral_is_hidden(text: str, student: str) -> None:
    assert_hidden(text, student)
