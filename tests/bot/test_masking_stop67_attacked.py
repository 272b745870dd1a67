"""Red team PP's attack on stop 67's five new keeping rules (27676be..0e01e1d, bot/masking).

The promise (docs/privacy.md): every student identifier in a message (a student's name, id,
phone, email, date of birth, address, a parent's name and contact) is masked before it is
stored; ordinary staff text comes through unchanged.

Each of the five rules keeps text that 27676be masked, so each is a way for a student's
identifier to leak. Every test below is a message a teacher, clerk, parent or student might
really send, and asserts what SHOULD hold: the student's (or parent's) identifier is masked.
A break is an identifier HEAD leaves visible where 27676be hid it; each break below was checked
to be masked on 27676be (run there, each passed, and every
HOLDS test passes).

1. signatures.in_opening_block (phones): a name alone on the first line and a "job" line under
   it before a blank line keeps the phone. Students have such lines too (team manager, tech
   intern, office aide), and a clerk pasting a student's record at the top opens the same way.
   7 attacks, 6 broke.
2. things.event: a run of capitalised words, none of them a listed first name, before or ending
   in "Fair", "Olympiad", "Tournament"... is kept. A student whose given name is not on the
   common-first-names list (Chinonso, Thandiwe, Yeabsira) is kept whole with her Science Fair.
   "my daughter" is no child cue there. 5 attacks, 4 broke.
3. famous.txt's 1,600 new names, kept unless a cue from a short list FOLLOWS the name. Cues
   before it ("My student", "New student", "Please add ... to my 4th period", "in 2nd
   period") and ordinary verbs after it ("won't log in", "got locked out", "'s mother",
   "'s grandmother", "no puede") are not in the list. Ella Grasso, Henry Sibley, Elena Kagan,
   Emma Goldman, Sophie Germain, Jacob Grimm, Juan Seguin and Alice Dunnigan are all names a
   child today might have. 10 attacks, 8 broke.
4. staff.OWN_GRADE's numbered school: a directory colleague's whole name (Maria Garcia, Jose
   Rodriguez: names staff and students share) before ", 5th grade, Riley School 43" is
   kept as her own line, but that is also how a student signs or is listed. 4 attacks, 3 broke.
5. schools.PLACE_AFTER "commons": a student who shares a known school's namesake's name
   (Grace Davis High School, James Logan High School), before "commons" in a hall-pass or
   camera note. 3 attacks, 2 broke.

In all, 29 attacks and 23 breaks; none of the 23 leaked on 27676be. All five rules were
taken back out, and every test below holds again; of rule 3 only its guard stayed (a famous
name of the older, shorter list said of a child is hidden: test_masking_lessons_topics.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest

from bot.masking import mask_student_data
from bot.masking.schools import know_schools
from bot.masking.staff import know_staff

TODAY = date(2026, 12, 1)
# Colleagues as a big district's directory gives them: common names students have too.
DIRECTORY = ["Maria Garcia", "Jose Rodriguez", "Kevin Nguyen", "Tiffany Gale", "Dana Whitfield"]
# Schools named after people whose names children have as well.
SCHOOLS = ["Parker Hill Elementary", "Lincoln North Star High School", "Grace Davis High School",
           "James Logan High School"]


@pytest.fixture
def district() -> Iterator[None]:
    """The district's staff directory and schools are known (the autouse fixture forgets both
    after)."""
    know_staff(DIRECTORY, afresh=True)
    know_schools(SCHOOLS)
    yield


def masked(text: str) -> str:
    return mask_student_data(text, today=TODAY).text


def visible(identifier: str, text: str) -> list[str]:
    """The parts of `identifier` (its words, or a phone's last digits) the masked text still
    shows as they were written."""
    out = masked(text)
    return [part for part in identifier.split()
            if re.search(rf"(?<!\w){re.escape(part)}(?!\w)", out)]


# --- Rule 1: a phone in a signature block opening the message (signatures.in_opening_block)
# A student's own block: "Team Manager", "Tech Intern", "Aide", "oficina" are all jobs to JOB,
# and the message below need not say "student", "he" or "she". A clerk pasting a student's
# record at the top ("Enrollment update", "Nurse's office") looks like the same block.

def test_a_student_team_managers_phone_at_the_top_is_masked(district: None) -> None:
    text = ("Jaylen Brooks\nVarsity Football Team Manager\n(614) 555-0148\n\n"
            "The Hudl laptop in the field house won't connect to the wifi. Can someone come by "
            "after practice?")
    assert not visible("555-0148", text)


def test_a_students_home_phone_pasted_above_an_enrollment_request_is_masked(
        district: None) -> None:
    text = ("Jaylen Brooks\nEnrollment update - new home phone\n(412) 555-0139\n\n"
            "Please change this in PowerSchool and Remind, the old number is disconnected.")
    assert not visible("555-0139", text)


def test_a_students_emergency_contact_pasted_at_the_top_is_masked(district: None) -> None:
    text = ("Kayla Nguyen\nNurse's office - emergency contact\n(713) 555-0190\n\n"
            "SchoolMessenger keeps failing to reach this number, can you look at why?")
    assert not visible("555-0190", text)


def test_a_student_tech_interns_cell_at_the_top_is_masked(district: None) -> None:
    text = ("Marcus Reed\nTech Intern, Genius Bar\nEast High School\n412-555-0189\n\n"
            "I can't get into the help desk ticketing site with my account anymore.")
    assert not visible("555-0189", text)


def test_a_student_office_helpers_phone_in_spanish_is_masked(district: None) -> None:
    text = ("Valeria Ortiz\nAyudante de la oficina\n(915) 555-0121\n\n"
            "No puedo entrar a la computadora de la recepción, dice que mi usuario no existe.")
    assert not visible("555-0121", text)


def test_a_pta_parents_cell_at_the_top_is_masked(district: None) -> None:
    text = ("Rosa Delgado\nPTA Volunteer Coordinator\n(480) 555-0142\n\n"
            "I can't get into the volunteer sign-up sheet on the school website anymore.")
    assert not visible("555-0142", text)


def test_a_student_aides_phone_at_the_top_with_he_below_is_masked(district: None) -> None:
    text = ("Aiden Kowalski\nLibrary Media Aide\n(717) 555-0177\n\n"
            "The Destiny checkout scanner stopped reading barcodes. He said to email you.")
    assert not visible("555-0177", text)  # HOLDS: "He" below


# --- Rule 2: an event or institution named by its last word or the next (things.event)
# A student's given name that is not on the common-first-names list (Igbo, Zulu, Amharic
# names) makes a run with no "first name" in it; "my daughter", "poster", "certificate",
# "slides" are no child cue.

def test_a_students_science_fair_slides_named_by_her_are_masked(district: None) -> None:
    text = ("Can you recover the Chinonso Okafor Science Fair slides? The file got deleted from "
            "the shared drive the night before judging.")
    assert not visible("Chinonso Okafor", text)


def test_a_parents_daughters_science_fair_registration_is_masked(district: None) -> None:
    text = ("Thandiwe Nwosu Science Fair registration says the form is closed, but my daughter "
            "still needs to submit it. Can you reopen it?")
    assert not visible("Thandiwe Nwosu", text)


def test_a_students_chess_tournament_certificate_is_masked(district: None) -> None:
    text = ("Thandiwe Nwosu Chess Tournament certificate printed with the wrong date, can you "
            "fix the template?")
    assert not visible("Thandiwe Nwosu", text)


def test_a_students_science_fair_poster_is_masked(district: None) -> None:
    text = ("Can you print the Yeabsira Tesfaye Science Fair poster? It's too big for the "
            "workroom printer.")
    assert not visible("Yeabsira Tesfaye", text)


def test_a_students_science_fair_slides_with_his_are_masked(district: None) -> None:
    text = ("The Chinonso Okafor Science Fair slides are gone from his Drive, can you restore "
            "them?")
    assert not visible("Chinonso Okafor", text)  # HOLDS: "his" in the sentence


# --- Rule 3: about 1,600 more famous names (famous.py, data/famous.txt)
# Only a cue AFTER the name, from a short list, unblocks it: a cue before ("My student",
# "New student", "for", "Please add"), a period after ("in 2nd period"), and ordinary
# trouble verbs ("won't", "got locked out", "keeps", "no puede", "'s mother") are not seen.

def test_my_student_ella_grasso_is_masked(district: None) -> None:
    text = ("My student Ella Grasso keeps getting kicked out of Canvas during quizzes. Can "
            "someone take a look?")
    assert not visible("Ella Grasso", text)


def test_henry_sibley_who_wont_log_in_is_masked(district: None) -> None:
    text = "Henry Sibley won't log in to iReady, it says his password is wrong."
    assert not visible("Henry Sibley", text)


def test_a_mother_writing_about_elena_kagan_is_masked(district: None) -> None:
    text = ("Hi, this is Elena Kagan's mother. She can't open the math homework on "
            "Schoology.")
    assert not visible("Elena Kagan", text)


def test_emma_goldman_added_to_a_class_is_masked(district: None) -> None:
    text = ("Please add Emma Goldman to my 4th period Google Classroom, she transferred in "
            "today.")
    assert not visible("Emma Goldman", text)


def test_sophie_germain_in_2nd_period_is_masked(district: None) -> None:
    text = "Sophie Germain in 2nd period says her Chromebook screen is cracked."
    assert not visible("Sophie Germain", text)


def test_new_student_jacob_grimm_is_masked(district: None) -> None:
    text = ("New student Jacob Grimm starts Monday in room 12, he needs a Chromebook and a "
            "login.")
    assert not visible("Jacob Grimm", text)


def test_juan_seguin_in_spanish_is_masked(district: None) -> None:
    text = "Juan Seguin no puede entrar a Clever, dice que su contraseña no funciona."
    assert not visible("Juan Seguin", text)


def test_alice_dunnigans_grandmother_calling_is_masked(district: None) -> None:
    text = ("Alice Dunnigan's grandmother called, the family doesn't have internet at home. Is "
            "there a hotspot we can lend?")
    assert not visible("Alice Dunnigan", text)


def test_willa_cathers_chromebook_is_masked(district: None) -> None:
    assert not visible("Willa Cather", "Willa Cather's Chromebook won't turn on")  # HOLDS


def test_anna_sewell_with_her_student_id_is_masked(district: None) -> None:
    text = "Anna Sewell, student ID 2045817, is not showing up in the iReady roster."
    assert not visible("Anna Sewell", text)  # HOLDS: ID_AFTER


# --- Rule 4: a colleague's own line may end with a numbered school (staff.OWN_GRADE)
# Indianapolis names its schools "Riley School 43"; a student signs or is listed exactly as a
# colleague would, and shares a directory colleague's common name.

def test_a_student_signing_with_name_grade_and_numbered_school_is_masked(
        district: None) -> None:
    text = ("I can't get into Lexia at home, it says my password is wrong.\n"
            "Maria Garcia, 5th grade, Riley School 43")
    assert not visible("Maria Garcia", text)


def test_a_student_listed_for_a_login_with_a_numbered_school_is_masked(
        district: None) -> None:
    text = ("Please make a Clever login for a new one on my list - Jose Rodriguez, 3rd grade, "
            "Eleanor Skillen School 34.")
    assert not visible("Jose Rodriguez", text)


def test_a_summer_school_childs_line_is_masked(district: None) -> None:
    text = ("The summer school sign-in kiosk won't take this one:\n"
            "Kevin Nguyen, 4th grade, Emerson School 58")
    assert not visible("Kevin Nguyen", text)


def test_a_student_signing_with_a_bare_ps_number_is_masked(district: None) -> None:
    text = ("I can't get into Lexia at home, it says my password is wrong.\n"
            "Maria Garcia, 5th grade, PS 121")
    assert not visible("Maria Garcia", text)  # HOLDS: "PS 121" needs a name before it


# --- Rule 5: a known school's name before "commons" is a place (schools.PLACE_AFTER)
# A school named after a person whose name a student has, in a hall-pass or camera note.

def test_a_students_open_hall_pass_to_the_commons_is_masked(district: None) -> None:
    text = ("SmartPass still shows Grace Davis commons pass open since 9:40, it never ended. "
            "Can you clear it?")
    assert not visible("Grace Davis", text)


def test_a_student_caught_on_camera_in_the_commons_is_masked(district: None) -> None:
    text = ("Camera 4 caught James Logan commons at 1:15 during testing, can you pull the clip "
            "for the AP?")
    assert not visible("James Logan", text)


def test_a_students_hall_pass_with_she_is_masked(district: None) -> None:
    text = ("SmartPass still shows Grace Davis commons pass open since 9:40, she never came "
            "back. Can you clear it?")
    assert not visible("Grace Davis", text)  # HOLDS: "she" in the sentence
