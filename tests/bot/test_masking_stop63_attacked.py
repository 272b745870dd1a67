"""Red team EE on stop 63's first round (docs/masking.md, "Stop 63"; docs/reliability.md):
students and parents let through by the new keep rules, each text as the red team wrote it.
Every test failed on 0067258; the fixes are in the commit that added this file."""

from __future__ import annotations

import pytest

from bot.masking.schools import know_schools
from bot.masking.staff import know_staff
from tests.bot.test_masking import masked

# Red team, stop 63: "<Name> here, <job>" opening a message (bot/masking/cues.py SELF_AFTER,
# bot/masking/adults.py). Promise broken: "student identifiers are masked" (docs/privacy.md), at
# the default PREPBOT_MASKING_STAFF=whole.
#
# The rule keeps a first name that opens the message before "here," when any job word (ROLES:
# sub, teacher, aide, para, counselor, lead, ...) follows within 60 characters, unless "my
# teacher/para/aide/coach/sub" follows or the text has a he/she. A student typing at a class
# computer names the adults around them ("the sub", "our teacher", "the counselor") and their
# own student job ("office aide", "library aide") just as often, and writes "I", never "he" or
# "she". Each text below was hidden before commit 79e871b..0067258 (base 5013450) and is kept now.


@pytest.mark.parametrize(("name", "text"), [
    ("Maya", "Maya here, the sub said I could use this computer. My Chromebook won't charge."),
    ("Maya", "Maya here, the teacher let me use this laptop. I forgot my password."),
    ("Jaden", "Jaden here, our teacher is out and the sub can't log in to the smartboard."),
    ("Jaden", "Jaden here, I'm the student aide for Ms. Cole 3rd period. The projector won't "
              "turn on."),
    ("Jaden", "Jaden here - I'm an office aide 4th period. The attendance printer is out of "
              "toner."),
    ("Sophia", "Sophia here, library aide 2nd hour. The barcode scanner isn't beeping."),
    ("Zoe", "Zoe here: the sub doesn't know the wifi password for our class"),
    ("Liam", "Liam here, our para is helping me type this, the keyboard is missing keys"),
    ("Elijah", "Elijah here, a student in room 12, the teacher is at lunch and my laptop froze"),
    ("Jayden", "Jayden here, the counselor said to message you about my schedule not showing "
               "in the portal"),
])
def test_a_student_introducing_themselves_at_a_class_computer_is_hidden(name: str,
                                                                       text: str) -> None:
    # Promise: student identifiers are masked (docs/privacy.md). A student who opens with
    # "<Name> here," and then mentions an adult's job or their own student job is still a
    # student: their name is hidden, the rest of the text comes through.
    result = masked(text)
    assert name not in result
    assert result.startswith("[name] here")


@pytest.mark.parametrize(("name", "text"), [
    ("Tamika", "Tamika here, Jaylen's mother, the counselor said you can reset the parent "
               "portal"),
    ("Kevin", "Kevin here, dad of Mia in 2nd grade, the teacher said the iPad needs an update"),
])
def test_a_parent_introducing_themselves_is_hidden(name: str, text: str) -> None:
    # Promise: a student's family members' names are masked like the student's
    # (docs/privacy.md). "<Name> here, <child>'s mother" is a parent, whatever job word
    # ("the counselor", "the teacher") follows.
    result = masked(text)
    assert name not in result
    assert result.startswith("[name] here")


# Red team, stop 63: a student's name after an opening "Call", "Ask", "Tell", "Text",
# "Email", "Ping" (bot/masking/runs.py REACH). Promise broken: "student identifiers are
# masked" (docs/privacy.md).
#
# Since the verb no longer joins the name, the name is judged alone; a SURNAME alone is kept
# unless the sentence makes it a person. Coaches and secondary teachers call students by their
# surname, and "his laptop" / "her iPad" leave no doubt whose it is. Each text below was hidden
# at base 5013450 ("Ask Xiong" was read as a two-word name) and is kept now.

@pytest.mark.parametrize(("text", "expected"), [
    ("Ask Xiong if his laptop still freezes.", "Ask [name] if his laptop still freezes."),
    ("Tell Castillo her iPad is fixed.", "Tell [name] her iPad is fixed."),
    ("Ask Okafor if she still has the loaner.", "Ask [name] if she still has the loaner."),
    ("Tell Begay his iPad was reimaged.", "Tell [name] his iPad was reimaged."),
    ("Ask Yazzie whether his screen still flickers.",
     "Ask [name] whether his screen still flickers."),
    ("Ask Lopez if her Clever badge works now.", "Ask [name] if her Clever badge works now."),
    ("Ping Hernandez about the loaner he borrowed.",
     "Ping [name] about the loaner he borrowed."),
    ("Call Ramirez down to the library, his laptop is ready.",
     "Call [name] down to the library, his laptop is ready."),
])
def test_a_students_surname_after_a_verb_that_reaches_them_is_hidden(text: str,
                                                                     expected: str) -> None:
    # Promise: student identifiers are masked (docs/privacy.md). A surname after a verb that
    # reaches a person is a person's; the verb goes with it, as before stop 63 (it is dropped
    # from a run only before a first name: "Call Darlene at ext 4410").
    surname = text.split()[1]
    assert surname not in masked(text) and expected.split("[name]")[1] in masked(text)


# Red team, stop 63: "sign" added to the words a school is named after as a place
# (bot/masking/schools.py HOLDER_WORDS, for "the marquee sign at Vang Pao"). Promise broken:
# "student identifiers are masked" (docs/privacy.md).
#
# held() looks only at the word before "at"/"in"/"near"; with "sign" in HOLDERS, the everyday
# "sign in <someone>" now reads as "a sign in <school>", so a student whose name is a school's
# short form or whole own name (schools named after local people: "Gloria Marshall", "Juan
# Pablo" of Juan Pablo Duarte, "Carlos Rosario") is kept whenever the child's cue ("his", "Mom")
# is in the next sentence. Each text below was hidden at base 5013450 and is kept now.

DISTRICT = ["Juan Pablo Duarte Elementary", "Gloria Marshall Elementary",
            "Carlos Rosario High School", "Hooper Alexander Elementary School",
            "Jose Valdez Middle School"]


@pytest.fixture
def district() -> None:
    know_schools(DISTRICT)


@pytest.mark.usefixtures("district")
@pytest.mark.parametrize(("text", "expected"), [
    ("I had to sign in Juan Pablo manually again. Can you look at his Clever badge?",
     "I had to sign in [name] manually again. Can you look at his Clever badge?"),
    ("Please sign in Gloria Marshall on the testing kiosk. Her Clever badge is lost.",
     "Please sign in [name] on the testing kiosk. Her Clever badge is lost."),
    ("Can you sign in Carlos Rosario? Mom can't find the password.",
     "Can you sign in [name]? Mom can't find the password."),
    ("Could you sign in Jose Valdez on cart 2? The QR badge won't scan.",
     "Could you sign in [name] on cart 2? The QR badge won't scan."),
    ("The sub couldn't sign in Carlos Rosario this morning. Can you reset it?",
     "The sub couldn't sign in [name] this morning. Can you reset it?"),
])
def test_a_student_signed_in_by_a_teacher_is_hidden_though_named_like_a_school(
        text: str, expected: str) -> None:
    # Promise: student identifiers are masked (docs/privacy.md). "sign in <Name>" is signing a
    # person in, not a sign inside a school: the name is a student's.
    assert masked(text) == expected


# Red team, stop 63: "<Nth> grade testing" is no longer a class said after a name
# (bot/masking/student_cues.py CLASS_SAID_AFTER: "grade(?!\\s+(?:testing|team|teachers?|wing|
# hallway))"). Promise broken: "student identifiers are masked" (docs/privacy.md), at the
# default PREPBOT_MASKING_STAFF=whole.
#
# CLASS_SAID_AFTER is the cue that tells a student from a colleague who shares the student's
# whole name (staff.spare_staff -> grown_ups.student_cued(colleagues=True)). A district's staff
# directory holds common whole names (here "Maria Lopez", "Rosa Garcia", "David Nguyen"); a
# student with the same name "in 5th grade testing" is now spared as the colleague. Each text
# below was hidden at base 5013450 and is kept now.

@pytest.fixture
def staff_directory() -> None:
    know_staff(["Rosa Garcia", "David Nguyen", "Maria Lopez"])


@pytest.mark.usefixtures("staff_directory")
@pytest.mark.parametrize(("text", "expected"), [
    ("Maria Lopez in 3rd grade testing needs a read-aloud accommodation turned on in TestNav",
     "[name] in 3rd grade testing needs a read-aloud accommodation turned on in TestNav"),
    ("Maria Lopez in 5th grade testing got kicked out of MAP twice",
     "[name] in 5th grade testing got kicked out of MAP twice"),
    ("Rosa Garcia in 5th grade testing lost her headphones, can we get a new pair?",
     "[name] in 5th grade testing lost her headphones, can we get a new pair?"),
])
def test_a_student_in_a_grades_testing_is_hidden_though_a_colleague_shares_the_name(
        text: str, expected: str) -> None:
    # Promise: student identifiers are masked (docs/privacy.md). "<Name> in 5th grade
    # testing" places a test-taker in a grade, as "in 5th grade" does.
    assert masked(text) == expected


# Red team, stop 63: a signature's comma parts may now hold five words, not four
# (bot/masking/signatures.py SIGNATURE_TAIL, widened for "8th Grade Science, John F. Kennedy
# Junior High"). Promise broken: "student identifiers are masked" (docs/privacy.md).
#
# Students at a class computer sign the way teachers tell them to: name, grade, teacher and
# room ("Thanks! Mia Torres, 2nd grade, Mrs. Ortiz class room 4"). With the fifth word such a
# line now closes a signature (signs_off is true; adults.grown_up keeps the name as the
# writer's), so the whole name goes through. Each text below was hidden at base 5013450 and is
# kept now. (The four-word form, "Mrs. Ortiz room 4", was already kept at base: an older break
# of the same kind.)

@pytest.mark.parametrize(("text", "expected"), [
    ("Please reset my Clever badge. Thanks! Mia Torres, 2nd grade, Mrs. Ortiz class room 4",
     "Please reset my Clever badge. Thanks! [name], 2nd grade, Mrs. Ortiz class room 4"),
    ("My iPad won't charge. Thanks! Jaden Smith, 4th grade, Mr. Lee's class room 12",
     "My iPad won't charge. Thanks! [name], 4th grade, Mr. Lee's class room 12"),
    ("my headphones broke. thanks! Aiden Brooks, 6th grade, Mr. Cole 3rd period science",
     "my headphones broke. thanks! [name], 6th grade, Mr. Cole 3rd period science"),
    ("My Chromebook says no internet. Thanks! Sofia Ramirez, 5th grade, Ms. Diaz homeroom "
     "room 9",
     "My Chromebook says no internet. Thanks! [name], 5th grade, Ms. Diaz homeroom room 9"),
    ("I forgot my iReady password. Thank you! Liam Nguyen, 2nd grade, Mrs. Kim's class room 3",
     "I forgot my iReady password. Thank you! [name], 2nd grade, Mrs. Kim's class room 3"),
])
def test_a_student_signing_with_grade_teacher_and_room_is_hidden(text: str,
                                                                 expected: str) -> None:
    # Promise: student identifiers are masked (docs/privacy.md). A signature that names a
    # teacher's class, homeroom or period as the signer's is a student's.
    assert masked(text) == expected


# Red team (found while probing stop 63's signature rules, bot/masking/signatures.py
# SIGNATURE_TAIL and bot/masking/staff.py `signed`; the break is OLDER than stop 63: base 5013450
# keeps these too). Promise broken: "student identifiers are masked" (docs/privacy.md).
#
# A whole name right after "Thanks," / "Regards," is kept as the person thanked (bot/masking/
# adults.py `grown_up`, the THANKED + ADDRESSED branch, line 149; signatures.signs_off itself
# says no), even when the same line says outright that it is a child's: "student in Room 12",
# "my son is in Room 4", "ID 20441" (an id the masker itself hides as a student's), "she is in
# Mrs. Park's class". No staff directory is needed: any student's whole name goes through.

@pytest.mark.parametrize(("name", "text"), [
    ("Rosa Garcia", "Her login is wrong. Thanks, Rosa Garcia, 3rd grade, student in Room 12"),
    ("Maria Lopez", "the iPad is cracked. Thanks, Maria Lopez, 1st grade, my son is in Room 4"),
    ("David Nguyen", "my laptop froze again. Regards, David Nguyen, 6th grade, ID 20441, "
                     "Mr. Lee's homeroom"),
    ("Maria Lopez", "Thanks, Maria Lopez, 5th grade, she is in Mrs. Park's class"),
])
def test_a_signature_whose_own_line_says_it_is_a_childs_is_hidden(name: str,
                                                                  text: str) -> None:
    # Promise: student identifiers are masked (docs/privacy.md); a signature line that says
    # "student", "my son", "she is in ... class" or carries a student id is a child's.
    assert name not in masked(text)
