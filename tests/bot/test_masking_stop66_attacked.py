"""Red team MM's attack on 0c37522, the masker's rules of stop 66: a colleague's own line
(staff.py `own_line`), a directory's name with a particle (`particle_halves`), a titled signer
closing the message (cued.py `TITLED`/`CLOSES`), a grade's wing, hall or team
(student_cues.py CLASS_SAID_AFTER), a web error said as a thing (numbers.py `http_status`),
the student cafe (data/not_names.txt) and a grading period that is no child's sentence for the
names offered (hidden_names.py CHILD_SENTENCE).

Each test states what SHOULD hold; a test that fails on 0c37522 is a break. Every student's
identifier that gets through (21 texts) was hidden on the parent, 0c37522^: these rules let
it through. The three staff lines of rule 1 were altered on the parent too: the rule falls
short of them. Tests marked "HOLDS" passed on 0c37522 and document what was tried that held.

The promises (docs/privacy.md, "Masking student identifiers"), at the default level
(PREPBOT_MASKING_STAFF=whole):
- student identifiers are masked: no word of a student's name, no student id, phone, date
  of birth, email or login is left in the masked text (and a student's name is no name to
  offer a ticket's writer to show back, docs/privacy.md "Showing a hidden name");
- ordinary tech-support text written by staff comes through unchanged (colleagues, schools,
  devices, error codes).

The directory below is a district's: Marcus Bell teaches PE and a 5th grader shares his
whole name; Jordan Reyes teaches 4th grade and a 2nd grader shares hers; Adriana De León
and Luis De La Cruz are bilingual aides whose names students share too.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.features.tickets.service import offerable
from bot.features.tickets.unhiding import offered
from bot.masking import find_student_data, replaced
from bot.masking.staff import know_staff
from tests.bot.test_masking import TODAY, left_of, masked

DIRECTORY = ["Tiffany Gale", "Marcus Bell", "Jordan Reyes", "Adriana De León",
             "Luis De La Cruz"]


@pytest.fixture
def directory() -> Iterator[None]:
    """The district's staff directory, as Slack lists it (whole names spared by default)."""
    know_staff(DIRECTORY, afresh=True)
    yield


def names_offered(text: str) -> list[str]:
    """The names a ticket's writer would be offered to show back."""
    spans = find_student_data(text, TODAY)
    return [name for name, _places in offered(offerable(text, spans, replaced(text, spans).text))]


# Rule 1, staff.py `own_line`: a student who shares a colleague's whole name, written on a
# line of her own with her grade, in a text that says no child noun and no he/she/they, yet
# says plainly she is a student. own_line drops EVERY student cue (student_cued) once its
# shape matches, and OWN_GRADE ends at any "." followed by a space ("Ms." included), so
# anything may follow it. All hidden on 0c37522^.
@pytest.mark.usefixtures("directory")
@pytest.mark.parametrize(("text", "student"), [
    # the teacher's class after the grade: "Ms." reads as a sentence's end
    ("Chromebook screen cracked. Marcus Bell, 5th grade, Ms. Gale's class.", "Marcus Bell"),
    # a list of students one a line, each line closed with a period (Ava is hidden, Marcus not)
    ("Can't log in to IXL:\n- Marcus Bell, 5th grade.\n- Ava Lopez, 5th grade.",
     "Marcus Bell"),
    # a student id given in the next sentence: the id is hidden, the name beside it is not
    ("Marcus Bell, 5th grade. ID 2045678. Can't log into IXL.", "Marcus Bell"),
    # the first name is hidden as a student's, the whole name on the last line is not
    ("Marcus can't log into IXL from home, password not working. Marcus Bell, 3rd grade",
     "Marcus Bell"),
    # a grandparent writing: "grandson" is no child noun to own_line
    ("Grandson's Chromebook won't turn on. Marcus Bell, 4th grade", "Marcus Bell"),
    # a Spanish-speaking parent: "le" is no "he" or "she" to own_line
    ("No le prende la Chromebook desde ayer. Marcus Bell, 1st grade", "Marcus Bell"),
    # a front-office clerk's note on a loaner: "Mom picked it up"
    ("Loaner issued today. Jordan Reyes, 2nd grade. Mom picked it up.", "Jordan Reyes"),
])
def test_a_student_signed_like_a_teacher_is_still_hidden(text: str, student: str) -> None:
    assert left_of(student, text) == []


# HOLDS: the same shape with a child noun (Spanish "hijo") is hidden.
@pytest.mark.usefixtures("directory")
def test_a_student_line_with_a_child_noun_is_hidden() -> None:
    assert left_of("Marcus Bell", "Mi hijo no puede entrar. Marcus Bell, 3rd grade") == []


# Rule 1, secondarily: a colleague's own line that own_line should keep and does not. "they"
# is a vendor as often as a child; a room number or a subject with a slash is how teachers
# sign. Hidden on 0c37522^ as well: the rule leaves them altered.
@pytest.mark.usefixtures("directory")
@pytest.mark.parametrize("text", [
    # left: "they" and a room after her line still hide her (the safe way)
    pytest.param("Clever says they're working on it. Tiffany Gale, 5th grade",
                 marks=pytest.mark.xfail(strict=True, reason="'they' is a child's as often")),
    pytest.param("IXL keeps logging me out. Tiffany Gale, 5th grade, Room 12",
                 marks=pytest.mark.xfail(strict=True, reason="no room after her line (NN)")),
    "IXL keeps logging me out. Tiffany Gale, 5th Grade ELA/SS, Liberty",
])
def test_a_teachers_own_line_comes_through_unchanged(text: str) -> None:
    assert masked(text) == text


# HOLDS on 0c37522, and no longer: a particle's name is known only in a text with no grade
# or period, since MM's attacks 8 to 11; her line is hidden, the safe way.
@pytest.mark.usefixtures("directory")
@pytest.mark.xfail(strict=True, reason="a particle's name beside a grade is no longer known")
def test_a_teachers_own_line_in_spanish_is_kept() -> None:
    text = "la licencia de IXL se venció. Adriana De León, 2do grado"
    assert masked(text) == text


# Rule 2, staff.py `particle_halves`: a student who shares a particle name with an aide, with
# a cue that a colleague's name (colleagues=True) does not count: an id with "#", a period
# set off by dashes, a Spanish grade. Hidden on 0c37522^ (the halves were unknown then).
@pytest.mark.usefixtures("directory")
@pytest.mark.parametrize(("text", "student"), [
    ("Adriana De León #2045678 can't log in to Clever", "Adriana León"),
    ("Adriana De León - 3rd period - can't log into IXL", "Adriana León"),
    ("Adriana De León, 5to grado, no puede entrar a Clever", "Adriana León"),
    ("Luis De La Cruz G4 lost his charger", "Luis Cruz"),
])
def test_a_student_sharing_a_particle_name_with_a_colleague_is_hidden(text: str,
                                                                        student: str) -> None:
    assert left_of(student, text) == []


# HOLDS: an id in brackets after the particle name still hides it whole.
@pytest.mark.usefixtures("directory")
def test_a_particle_name_with_a_bracketed_id_is_hidden() -> None:
    assert left_of("Adriana León", "Adriana De León (ID 2045678) can't log in") == []


# Rule 3, cued.py TITLED/CLOSES: a student thanking her teacher ("miss", "profe") and signing
# the way school taught her, "Last, First", on the same line. The title ends the sentence,
# the roster is skipped and her family name stays. Hidden whole on 0c37522^.
@pytest.mark.parametrize(("text", "student"), [
    ("I still can't open the Canvas quiz. Thank you miss. Ramirez, Sofia", "Ramirez Sofia"),
    ("I still can't open the Canvas quiz. Gracias profe. Ramírez, Sofía", "Ramírez Sofía"),
])
def test_a_student_signing_last_first_after_thanking_her_teacher_is_hidden(
        text: str, student: str) -> None:
    assert left_of(student, text) == []


# HOLDS: the same signature on a line of its own.
def test_a_student_signing_last_first_on_her_own_line_is_hidden() -> None:
    assert left_of("Ramirez Sofia", "thank you miss\nRamirez, Sofia") == []


# Rule 4, student_cues.py CLASS_SAID_AFTER: a student who shares a colleague's whole name,
# described by what a student is in a grade: a hall monitor, a reading level, a teacher's
# son. Hidden on 0c37522^.
@pytest.mark.usefixtures("directory")
@pytest.mark.parametrize(("text", "student"), [
    ("Marcus Bell, 5th grade hall monitor, found a Chromebook in the gym", "Marcus Bell"),
    ("Marcus Bell, 2nd grade level in reading, needs a Lexia seat", "Marcus Bell"),
    ("Marcus Bell, 3rd grade teacher's son, can't log in to Clever", "Marcus Bell"),
])
def test_a_student_described_by_his_grades_hall_or_level_is_hidden(text: str,
                                                                   student: str) -> None:
    assert left_of(student, text) == []


# Rule 5, numbers.py `http_status`: a student's lunch PIN that happens to be a web error's
# code. Spanish "a" is "to" ("a 503"), and a number is changed "to a 500". Hidden
# on 0c37522^.
@pytest.mark.parametrize(("text", "number"), [
    ("Le cambiaron el PIN de almuerzo a 503 y no le funciona", "503"),
    ("Sofía's lunch number was changed to a 500 by mistake", "500"),
])
def test_a_students_pin_that_looks_like_a_web_error_is_hidden(text: str, number: str) -> None:
    assert number not in masked(text)


# HOLDS: with its cue and no "a" before it, a web error's code is a student's id.
def test_a_web_errors_code_as_a_students_id_is_hidden() -> None:
    assert masked("student 404 can't log in") == "student [id number] can't log in"


# Rule 6, data/not_names.txt "cafe": a parent's work number at a cafe, her family said after
# it ("- Jaden's mom"), is kept as a place's line. Hidden on 0c37522^.
def test_a_parents_work_number_at_a_cafe_is_hidden() -> None:
    text = "Reach me at work, Blue Door Cafe, 612-555-0148. - Jaden's mom"
    assert "612-555-0148" not in masked(text)


# Rule 7, hidden_names.py CHILD_SENTENCE: a student's name in a sentence about the grading
# period is offered to the ticket's writer as a colleague's (one careless click shows it),
# though the sentence withdraws the student, or fails him and names his dad. None was
# offered on 0c37522^.
@pytest.mark.parametrize(("text", "student"), [
    ("Jaden Smith withdrew before the end of the grading period and still shows on my "
     "gradebook.", "Jaden Smith"),
    ("Jaden Smith failed every class this grading period and his dad wants the Canvas logs",
     "Jaden Smith"),
])
def test_a_student_in_a_grading_period_sentence_is_not_offered(text: str,
                                                               student: str) -> None:
    assert student not in names_offered(text)


# HOLDS: a possessive before a student's report card still marks her.
def test_a_students_report_card_in_a_grading_period_is_not_offered() -> None:
    text = "Mateo Ruiz's report card is blank for the second grading period."
    assert names_offered(text) == []
