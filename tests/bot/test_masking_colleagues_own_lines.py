"""What stop 66 keeps of what staff write about themselves, each shape read in a blind
corpus's ordinary messages, and the students written the same way who stay hidden: a
colleague's own line (her whole name as the directory holds it, her grade and school), a
family name with a particle ("Adriana De León"), a titled signer with her school ("-Mr.
Haugen, Edison"), a grade's wing or team, and a web error said as a thing ("goes to a 404").
Red team MM's attacks on the first version are in test_masking_stop66_attacked.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.masking.staff import know_staff
from tests.bot.test_masking import masked

DIRECTORY = ["Tiffany Gale", "Dana Whitfield", "Adriana De León", "Jonathan Pruitt"]


@pytest.fixture
def directory() -> Iterator[None]:
    """These colleagues known, as Slack lists them (whole names spare, by default)."""
    know_staff(DIRECTORY, afresh=True)
    yield


@pytest.mark.usefixtures("directory")
@pytest.mark.parametrize("text", [
    "Tiffany Gale, 5th grade, Liberty. Did our IXL licenses run out mid-year??",
    "IXL keeps logging me out. Tiffany Gale, 5th grade",
    "Gradebook won't sync since Friday. Tiffany Gale, 5th grade math, Hidden Valley Elementary",
    "Can I get TalkingPoints on my account? Tiffany Gale, Grade 5 ELA/SS",
    "la licencia ya llegó. - Adriana De León",
    "Adriana De León has the install codes",
])
def test_a_colleague_writing_her_own_line_keeps_her_name(text: str) -> None:
    assert masked(text) == text


@pytest.mark.usefixtures("directory")
@pytest.mark.parametrize(("text", "expected"), [
    # the text speaks of a child, says "he" or "she", or gives an id
    ("IXL is down for the kids. Tiffany Gale, 5th grade",
     "IXL is down for the kids. [name], 5th grade"),
    ("IXL is down for her. Tiffany Gale, 5th grade", "IXL is down for her. [name], 5th grade"),
    ("IXL is down. Tiffany Gale, 5th grade, 2045678",
     "IXL is down. [name], 5th grade, [id number]"),
    # or speaks of a family anywhere: a colleague who does is hidden too (red team MM's)
    ("Can I get TalkingPoints? I have many Nepali speaking families. Tiffany Gale, Grade 5 ELA",
     "Can I get TalkingPoints? I have many Nepali speaking families. [name], Grade 5 ELA"),
    # the name is inside the sentence, or what follows the grade is no school
    ("IXL is down for Tiffany Gale, 5th grade", "IXL is down for [name], 5th grade"),
    ("IXL is down. Tiffany Gale, 5th grade, Room 43", "IXL is down. [name], 5th grade, Room 43"),
    ("Can you help Tiffany Gale, 5th grade at Liberty",
     "Can you help [name], 5th grade at Liberty"),
    ("Dana Whitfield, 2nd grade, asked for the codes",
     "[name], 2nd grade, asked for the codes"),
    # a first name alone, or a name the directory does not hold
    ("IXL is down. Tiffany, 5th grade", "IXL is down. [name], 5th grade"),
    ("IXL is down. Jaden Smith, 5th grade", "IXL is down. [name], 5th grade"),
    # a particle's name with a student's cue is hidden whole, both halves
    ("my student Adriana De León has no codes", "my student [name] has no codes"),
    ("Adriana De León in 3rd period has no codes", "[name] in 3rd period has no codes"),
])
def test_a_student_written_like_a_colleagues_line_is_still_hidden(text: str,
                                                                  expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Can you allow it? -Mr. Haugen, Edison", "Can you allow it? -Mr. Haugen, [name]"),
    ("Lamp says replace. - Ms. Ortiz, Poe", "Lamp says replace. - Ms. Ortiz, [name]"),
    # a titled colleague greeted, a student after: still a name to hide
    ("Hola Mr. Cantu, Dulce dice que no le llega el código",
     "Hola [name] dice que no le llega el código"),
    ("Mrs. Smith, Jaden needs a charger", "Mrs. Smith, [name] needs a charger"),
])
def test_a_titled_signer_is_no_roster_and_her_school_is_hidden_alone(text: str,
                                                                     expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.usefixtures("directory")
@pytest.mark.parametrize(("text", "expected"), [
    ("Dana Whitfield, 2nd grade team lead, asked for the codes",
     "Dana Whitfield, 2nd grade team lead, asked for the codes"),
    ("Jaden Smith, 2nd grade, needs the codes", "[name], 2nd grade, needs the codes"),
])
def test_a_grades_team_or_wing_is_no_students_grade(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("the Britannica tile in ClassLink goes to a 404.",
     "the Britannica tile in ClassLink goes to a 404."),
    ("Lexia shows a 503 page again", "Lexia shows a 503 page again"),
    ("Lexia gives a 500 error for student 404", "Lexia gives a 500 error for student [id number]"),
])
def test_web_errors_come_through(text: str, expected: str) -> None:
    assert masked(text) == expected
