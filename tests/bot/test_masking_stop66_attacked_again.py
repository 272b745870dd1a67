"""Red team NN's attack on c341057, the four small rules read off stop 66's sealed corpora
(119 to 122): a texted thanks is no part of a name (words.py STOP: "thx", "thnx", "thanx"),
a kept full name with a capital inside spares the work address built from it (contacts.py
FULL_NAME, `spare_kept_names_addresses`), a run before "&" and a place's word is a place
(places.py JOINED_PLACE) and a colleague's own line may end with a number (staff.py
OWN_GRADE: "Room 12", "School 43").

Each test states what SHOULD hold; a test that fails on c341057 is a break. Every break
below was hidden on the parent, c341057^: these rules let it through. Tests marked "HOLDS"
passed on c341057 and document what was tried that held.

The promises (docs/privacy.md, "Masking student identifiers"), at the default level
(PREPBOT_MASKING_STAFF=whole):
- student identifiers are masked: no word of a student's name, no student id, phone, date
  of birth, email or login is left in the masked text;
- ordinary tech-support text written by staff comes through unchanged.

The directory below is a district's: Tiffany Gale teaches 5th grade, LaToya Pennington is a
3rd grade teacher, and Marcus Bell (PE) and Jordan Reyes (4th grade) share their whole names
with students.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.masking.staff import know_staff
from tests.bot.test_masking import left_of, masked

DIRECTORY = ["Tiffany Gale", "LaToya Pennington", "Marcus Bell", "Jordan Reyes"]


@pytest.fixture
def directory() -> Iterator[None]:
    """The district's staff directory, as Slack lists it (whole names spared by default)."""
    know_staff(DIRECTORY, afresh=True)
    yield


# Rule 1, words.py STOP "thx": once "Thx" is no part of the name, the name after it is read
# as whom the message thanks (cues.py GREETING/THANKED: a grown-up), and every student's cue
# beside it is overruled: a student id, "her mom", "she's my 5th grader", "he", a student
# signing with his id. On c341057^ "Thx" joined the run and the whole run was hidden.
@pytest.mark.parametrize(("text", "student"), [
    # a teacher thanking a student, her id given beside her name
    ("Thx Ximena Quispe, student ID 2045678, for returning the hotspot", "Ximena Quispe"),
    # her mom in the next sentence
    ("Thx Ximena Quispe for returning her hotspot. Her mom signed the form.", "Ximena Quispe"),
    # the teacher says in the same sentence she is a 5th grader
    ("Thx Aaliyah Washington for helping me set up the smartboard, she's my best 5th grader",
     "Aaliyah Washington"),
    # "he" and "his", a child's charger left in the library
    ("Thx Jaden Smith, he left his charger in the library", "Jaden Smith"),
    # a student writing in and signing, his student id in the same message
    ("Hi Ms. Gale, my chromebook wont let me sign in, my student id is 2045678. Thx Jaden Smith",
     "Jaden Smith"),
])
def test_a_student_thanked_by_text_shorthand_is_still_hidden(text: str, student: str) -> None:
    assert left_of(student, text) == []


# HOLDS: a class right after the name ("in 3rd period") still hides it after a texted thanks.
def test_a_student_with_his_period_after_a_texted_thanks_is_hidden() -> None:
    text = "Thx Jaden Smith in 3rd period for reporting the broken cart"
    assert left_of("Jaden Smith", text) == []


# Rule 2, contacts.py FULL_NAME: a parent signs with her own name (kept: a grown-up), and her
# child's school address shares her initial and family name, a family name with a capital
# inside (McCarthy, DeLeon, McNeil) or a first name with one (LaToya). The child's address is
# taken for the parent's own and kept, whatever the sentence says ("my son", "mi hijo",
# "my daughter's login"). On c341057^ FULL_NAME did not read these names and hid the address.
@pytest.mark.parametrize(("text", "address"), [
    ("Hi, my son Kyle can't get into Google Classroom, kmccarthy@d211.org says wrong "
     "password.\n\nThanks,\nKevin McCarthy", "kmccarthy@d211.org"),
    ("Mi hijo Mateo no puede entrar, su correo es mdeleon@episd.org\n\nGracias,\nMaria DeLeon",
     "mdeleon@episd.org"),
    ("My son Lamar can't get into Google, lpennington@hcpss.org says wrong password. Thank you,"
     " LaToya Pennington", "lpennington@hcpss.org"),
    ("Hello, my daughter DeAndra's Clever login is mcneild@bcps.org and it keeps saying "
     "invalid.\nThank you,\nDeShawn McNeil", "mcneild@bcps.org"),
])
def test_a_childs_address_built_like_the_parents_name_is_hidden(text: str, address: str) -> None:
    assert address not in masked(text)


# Rule 2 with the directory: a colleague asking for her own daughter's account, her daughter's
# address built like her own.
@pytest.mark.usefixtures("directory")
def test_a_colleagues_daughters_address_is_hidden() -> None:
    text = ("Can you unlock my daughter Layla's Google account? It's lpennington@hcpss.org\n\n"
            "LaToya Pennington\n3rd Grade Teacher, Liberty Elementary")
    assert "lpennington@hcpss.org" not in masked(text)


# HOLDS: the parent's name kept nowhere (her line says "Lamar's mom"), the child's address
# is hidden.
def test_a_childs_address_under_a_mothers_line_is_hidden() -> None:
    text = ("Lamar's school email penningtonl@apsk12.org is locked again.\n\nLaToya Pennington\n"
            "Lamar's mom")
    assert "penningtonl@apsk12.org" not in masked(text)


# Rule 3, places.py JOINED_PLACE: PLACES holds words a classroom says of its groups and
# papers ("group", "trip", "award", "room"/"rm"), so the first of two students joined by
# "&" before a reading group, a field trip, a certificate or a numbered room is read as a
# place's name and kept. (The second student, before the same words, was kept on c341057^
# too, "Austin Community College"'s rule; only the first is asserted here.) Hidden on
# c341057^.
@pytest.mark.parametrize(("text", "student"), [
    ("Jaden Smith & Maya Lopez Reading Group can't get into Lexia", "Jaden Smith"),
    ("Jaden & Maya Field Trip forms are stuck in the printer", "Jaden"),
    ("Printing certificates: Jaden Smith & Maya Lopez Citizenship Award", "Jaden Smith"),
    ("Sofía & Mateo Ramírez Field Trip permission slips didn't upload", "Sofía"),
    ("Chromebooks for Jaden Smith & Maya Lopez Rm 14", "Jaden Smith"),
])
def test_a_student_before_an_ampersand_and_a_class_group_is_hidden(text: str,
                                                                   student: str) -> None:
    assert left_of(student, text) == []


# HOLDS: two students joined by "&" with no place's word after them are both hidden.
def test_students_joined_by_an_ampersand_are_hidden() -> None:
    assert left_of("Jaden Maya", "Jaden & Maya can't log in") == []


# Rule 4, staff.py OWN_GRADE: a student who shares a colleague's whole name, on a line of
# his own with his grade and then a number: his bus, his locker, his homeroom, his room,
# his pickup line. The number is what a student is filed
# under far more than a teacher, and own_line does not read the words of the line itself
# ("5th grade student, Room 12"). Hidden on c341057^ (no number could end the line).
@pytest.mark.usefixtures("directory")
@pytest.mark.parametrize(("text", "student"), [
    ("Chromebook screen cracked. Marcus Bell, 5th grade, Bus 12", "Marcus Bell"),
    ("Found a Chromebook in the gym. Marcus Bell, 4th grade, Locker 214", "Marcus Bell"),
    ("Lost charger. Marcus Bell, 7th grade, Homeroom 204", "Marcus Bell"),
    ("Marcus Bell, 5th grade student, Room 12. Chromebook won't charge.", "Marcus Bell"),
    ("Chromebook turned in at the front desk:\nMarcus Bell, 5th grade, Room 12", "Marcus Bell"),
    ("Screen cracked. Jordan Reyes, 2nd grade, Pickup Line 3", "Jordan Reyes"),
])
def test_a_student_sharing_a_colleagues_name_with_a_numbered_line_is_hidden(
        text: str, student: str) -> None:
    assert left_of(student, text) == []


# HOLDS on c341057, and no longer: rules 1, 3 and 4 were taken back out after these attacks
# (rule 2 was mended: no address is spared in a text that speaks of a family or a child).
@pytest.mark.usefixtures("directory")
@pytest.mark.xfail(strict=True, reason="a numbered school after her line was taken back out")
def test_a_colleagues_own_line_with_a_numbered_school_comes_through_unchanged() -> None:
    text = "IXL keeps logging me out. Tiffany Gale, 5th grade, James Whitcomb Riley School 43"
    assert masked(text) == text
