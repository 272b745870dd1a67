"""Red team CC's attack on stop 62's first round (docs/reliability.md): students named like
the opening of a school's long name ("Juan Pablo" of Juan Pablo Duarte, "Luis Muñoz" of Luis
Muñoz Marín), after a class and a comma, handed a device "from ... to", after a room, in a
one-a-line list; each was kept by a rule as first written and is hidden now. Knowing the
district's schools, at the default level (whole names)."""

from __future__ import annotations

import pytest

from bot.masking.schools import know_schools
from tests.bot.test_masking import masked

# Schools named as real US schools are, whose two-word openings are students' given names.
DISTRICT = ["Juan Pablo Duarte School", "Luis Muñoz Marín Bilingual School",
            "Maria Teresa Mirabal Middle School", "Mary McLeod Bethune Elementary",
            "José Antonio Navarro Elementary",
            "Juanita Sanchez Educational Complex", "Irma Rangel Young Women's Leadership School",
            "Pacific Elementary", "Ethel Phillips Elementary", "Hoover Elementary School",
            "Ella Risk Elementary School"]


@pytest.fixture
def district() -> None:
    know_schools(DISTRICT)


# Rule 1 (schools.py short_forms + PLACES_BEFORE): "In <Subject>, " is read as "at <place>, and",
# so a student called by the opening of a school's name is kept as that school.
# Promise: student identifiers are masked; only a school's whole name is kept.
@pytest.mark.usefixtures("district")
@pytest.mark.parametrize(("text", "expected"), [
    ("In Math, Juan Pablo broke the screen on laptop 12.",
     "In Math, [name] broke the screen on laptop 12."),
    ("In PE, Maria Teresa cracked a Chromebook.", "In PE, [name] cracked a Chromebook."),
    ("In Science, Luis Muñoz keeps closing the GoGuardian tab.",
     "In Science, [name] keeps closing the GoGuardian tab."),
    ("In Spanish, Jose Antonio keeps unplugging the projector.",
     "In Spanish, [name] keeps unplugging the projector."),
    ("At Pacific, Juan Pablo needs a new charger.", "At Pacific, [name] needs a new charger."),
    ("We need a loaner at Pacific and Juan Pablo needs one too.",
     "We need a loaner at Pacific and [name] needs one too."),
])
def test_a_student_after_a_class_or_place_and_a_comma_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


# Rule 1 (PLACES_BEFORE "from X to", "transferred/moved to"): a device or a license reassigned
# to a student reads as a school one moves to. Promise: student identifiers are masked.
@pytest.mark.usefixtures("district")
@pytest.mark.parametrize(("text", "expected"), [
    ("The loaner was transferred to Juan Pablo.", "The loaner was transferred to [name]."),
    ("Please reassign Chromebook 4471 from Mr. Okafor to Juan Pablo.",
     "Please reassign Chromebook 4471 from Mr. Okafor to [name]."),
    ("Can you move the Lexia license from Jaden to Juan Pablo?",
     "Can you move the Lexia license from [name] to [name]?"),
    ("Device swap from Maria Teresa to Juan Pablo, please.",
     "Device swap from [name] to [name], please."),
    ("Chromebook 31 moved from Ximena to Jose Antonio.",
     "Chromebook 31 moved from [name] to [name]."),
    ("Hotspot #12 was moved from Jaden to Mary McLeod.",
     "Hotspot #12 was moved from [name] to [name]."),
    ("The hotspot is moving to Juanita Sanchez tomorrow.",
     "The hotspot is moving to [name] tomorrow."),
])
def test_a_device_handed_from_or_to_a_student_hides_the_student(text: str, expected: str) -> None:
    assert masked(text) == expected


# Rule 1 (ROOM_BEFORE): a room and a student's name closing the message is how a teacher
# labels what was found or lent. Promise: student identifiers are masked.
@pytest.mark.usefixtures("district")
@pytest.mark.parametrize(("text", "expected"), [
    ("Loaner checked out. Room 14, Juan Pablo.", "Loaner checked out. Room 14, [name]."),
    ("Headphones missing - Room 212, Maria Teresa", "Headphones missing - Room 212, [name]"),
    ("Lost charger turned in. Room 7, Juan Pablo.", "Lost charger turned in. Room 7, [name]."),
])
def test_a_student_after_a_room_closing_the_message_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


# Rule 1 with whole.py: a name the masker hides once in a message is hidden at every mention
# (docs/privacy.md: "another mention of the name" is hidden too). The school rule keeps the
# second mention, so the message shows the very name it hid.
@pytest.mark.usefixtures("district")
@pytest.mark.parametrize(("text", "expected"), [
    ("Juan Pablo's screen is cracked. Loaner moved to Juan Pablo until the repair is back.",
     "[name]'s screen is cracked. Loaner moved to [name] until the repair is back."),
    ("Luis Muñoz is new this week. Chromebook 22 transferred to Luis Muñoz.",
     "[name] is new this week. Chromebook 22 transferred to [name]."),
])
def test_a_name_hidden_once_is_hidden_at_every_mention(text: str, expected: str) -> None:
    assert masked(text) == expected


# Rule 2 (CHILD_SAID no longer sees "student iPad", "student device", "grade level",
# "grade at"): these sentences speak of a child; the name in them is a student's.
# Promise: "a sentence about a child is not" kept (docs/privacy.md, schools).
@pytest.mark.usefixtures("district")
@pytest.mark.parametrize(("text", "expected"), [
    ("Student iPad #4471 transferred to Juan Pablo.",
     "Student iPad #4471 transferred to [name]."),
    ("Student device swap from Jaden to Juan Pablo.",
     "Student device swap from [name] to [name]."),
    ("In Reading, Juan Pablo is below grade level and needs a Lexia login.",
     "In Reading, [name] is below grade level and needs a Lexia login."),
    ("In 3rd grade at Pacific, Juan Pablo can't hear the Lexia audio.",
     "In 3rd grade at Pacific, [name] can't hear the Lexia audio."),
])
def test_a_sentence_about_a_students_device_or_grade_speaks_of_a_child(
        text: str, expected: str) -> None:
    assert masked(text) == expected


# Rule 3 (STUDENT_TALK no longer sees "sharing my screen"): a student casting over the
# teacher's screen is still a student. Promise: student identifiers are masked.
@pytest.mark.parametrize(("text", "expected"), [
    ("Can you stop Timothy from casting while I'm sharing my screen?",
     "Can you stop [name] from casting while I'm sharing my screen?"),
])
def test_a_student_in_a_sentence_about_sharing_my_screen_is_hidden(
        text: str, expected: str) -> None:
    assert masked(text) == expected


# Rule 4 (people.py signature_line: a one-word line before a school is a department line):
# the last line of a one-a-line list of students, "Surname, School", is no signature.
# Promise: student identifiers are masked.
@pytest.mark.usefixtures("district")
@pytest.mark.parametrize(("text", "expected"), [
    ("Loaners due back Friday:\nAiden\nWood, Ethel Phillips Elementary",
     "Loaners due back Friday:\n[name]\n[name], Ethel Phillips Elementary"),
    ("Chromebooks to collect:\nMateo\nAva\nLittle, Pacific Elementary",
     "Chromebooks to collect:\n[name]\n[name]\n[name], Pacific Elementary"),
    ("Students needing iPads:\nZoe\nMarsh, Pacific Elementary",
     "Students needing iPads:\n[name]\n[name], Pacific Elementary"),
    ("Please reset Clever badges for:\nTran\nHill, Hoover Elementary School",
     "Please reset Clever badges for:\n[name]\n[name], Hoover Elementary School"),
])
def test_the_last_student_of_a_list_one_a_line_is_no_department(
        text: str, expected: str) -> None:
    assert masked(text) == expected


# What the rules hide must still hide (these held against the rules as first written).
@pytest.mark.usefixtures("district")
@pytest.mark.parametrize(("text", "expected"), [
    ("Juan Pablo can't log in to Clever.", "[name] can't log in to Clever."),
    ("The loaner goes to Juan Pablo, he is in 3rd grade.",
     "The loaner goes to [name], he is in 3rd grade."),
    ("In Math, Juan Pablo's Chromebook won't charge.",
     "In Math, [name]'s Chromebook won't charge."),
    ("Room 14, Juan Pablo needs a charger", "Room 14, [name] needs a charger"),
    ("In Math, Juan Pablo was absent and missed the benchmark.",
     "In Math, [name] was absent and missed the benchmark."),
    ("Transferred to Juan Pablo (4th grade).", "Transferred to [name] (4th grade)."),
    ("In Math, Juan Pablo keeps sharing her screen.", "In Math, [name] keeps sharing her screen."),
    ("from Jaden to Juan Pablo in period 3", "from [name] to [name] in period 3"),
])
def test_guard_what_the_rules_hide_still_hides(text: str, expected: str) -> None:
    assert masked(text) == expected


# The same doors with a name that is no given-name pair ("Juanita Sanchez", "Ella Risk"), and
# what stays open: a known school before ("from Pacific to Ella Risk").
@pytest.mark.usefixtures("district")
@pytest.mark.parametrize(("text", "expected"), [
    ("In Math, Juanita Sanchez broke the screen on laptop 12.",
     "In Math, [name] broke the screen on laptop 12."),
    ("Please reassign Chromebook 4471 from Mr. Okafor to Ella Risk.",
     "Please reassign Chromebook 4471 from Mr. Okafor to [name]."),
    ("Loaner checked out. Room 14, Juanita Sanchez.", "Loaner checked out. Room 14, [name]."),
    ("The hotspot is moving to Juanita Sanchez tomorrow.",
     "The hotspot is moving to [name] tomorrow."),
    ("Chromebook 31 moved from Ximena to Ella Risk.",
     "Chromebook 31 moved from [name] to [name]."),
    ("We need a loaner at Pacific and Juanita Sanchez needs one too.",
     "We need a loaner at Pacific and [name] needs one too."),
    ("Ella Risk's Chromebook is cracked. The loaner is at Ella Risk.",
     "[name]'s Chromebook is cracked. The loaner is at [name]."),
    ("In Reading, Juanita Sanchez is below grade level and needs a Lexia login.",
     "In Reading, [name] is below grade level and needs a Lexia login."),
    ("Chromebook 31 moved from Pacific to Ella Risk.",
     "Chromebook 31 moved from Pacific to Ella Risk."),
])
def test_the_doors_are_narrowed_for_every_name(text: str, expected: str) -> None:
    assert masked(text) == expected
