"""A red team's attack on stop 60's new level (AY; PREPBOT_MASKING_STAFF=context): a
student who shares a first name (or a surname) with someone in the district's directory, in
what a teacher, nurse, counselor or registrar plausibly writes. At first, of 241 such names
`whole` hid, 240 went through at `context`: the words model read "our", "email", "laptop"
anywhere in the message as grown-up, and the veto lacked "boys", "graders", "her parents",
"IEP", "the nurse". Now the model reads the name's own sentence only, and a text that speaks
of a child, a family or a child's school life spares no one-word name; 16 go through, all
in one template no word of which says child ("Ethan got into the staff drive somehow and
deleted the sub plans": docs/masking.md, "Stop 60", says so). Every expected output is what
`whole` gives."""

from __future__ import annotations

import pytest

from bot.masking import mask_student_data
from bot.masking.staff import know_staff, use_staff_names
from tests.bot.test_masking import TODAY

# A district's staff directory as Slack shows it: common names, as any district of a few
# hundred staff has (a Maya, a Noah, an Ethan among the teachers and aides).
DIRECTORY = ["Marcus Bell", "Dana Whitfield", "Jennifer Ortiz", "Luis Ramirez", "Grace Mutua",
             "Tyler Nguyen", "Sophia Carter", "Elijah Brooks", "Maya Johnson", "Jaden Hill",
             "Aiden Torres", "Olivia Reed", "Ethan Price", "Ava Collins", "Noah Diaz",
             "Isabella Garcia", "Robert Jackson", "Mia Thompson", "Liam Walker", "Emma Davis"]


def masked(text: str, level: str) -> str:
    know_staff(DIRECTORY)
    use_staff_names(level)
    return mask_student_data(text, today=TODAY).text


STUDENTS = [
    # health: a nurse writing about a student's condition (FERPA/HIPAA-grade data)
    pytest.param(
        "Nurse here. Maya has type 1 diabetes and her Dexcom app on her phone needs our wifi, "
        "can you whitelist it?",
        "Nurse here. [name] has type 1 diabetes and her Dexcom app on her phone needs our wifi, "
        "can you whitelist it?", "Maya", id="nurse-diabetes"),
    pytest.param(
        "Maya tested positive for covid, the nurse wants her laptop sanitized",
        "[name] tested positive for covid, the nurse wants her laptop sanitized", "Maya",
        id="nurse-covid"),
    # a counselor: self-harm alerts, harassment
    pytest.param(
        "Counselor here, Maya disclosed self-harm searches on her laptop, can you send me the "
        "GoGuardian alerts from last night?",
        "Counselor here, [name] disclosed self-harm searches on her laptop, can you send me the "
        "GoGuardian alerts from last night?", "Maya", id="counselor-self-harm"),
    pytest.param(
        "GoGuardian flagged Maya for self-harm searches last night, can you send me the alert?",
        "GoGuardian flagged [name] for self-harm searches last night, can you send me the alert?",
        "Maya", id="self-harm-alert"),
    pytest.param(
        "Maya told the counselor she is being harassed in a Teams chat, please pull it",
        "[name] told the counselor she is being harassed in a Teams chat, please pull it", "Maya",
        id="counselor-harassment"),
    # discipline: what an assistant principal or teacher asks the tech team to pull
    pytest.param(
        "Noah posted a threat in our Teams channel last night, the principal wants the chat "
        "exported",
        "[name] posted a threat in our Teams channel last night, the principal wants the chat "
        "exported", "Noah", id="threat"),
    pytest.param(
        "Maya got suspended for what she emailed our sub, admin wants the email log",
        "[name] got suspended for what she emailed our sub, admin wants the email log", "Maya",
        id="suspended"),
    # special education
    pytest.param(
        "Maya has an IEP and our sub said the laptop speech tool is off",
        "[name] has an IEP and our sub said the laptop speech tool is off", "Maya", id="iep"),
    # the child said in words CHILD_TALK lacks: "boys", "girl", "graders" (plural)
    pytest.param(
        "One of the boys, Noah, got into the staff shared drive and deleted the sub plans",
        "One of the boys, [name], got into the staff shared drive and deleted the sub plans",
        "Noah", id="one-of-the-boys"),
    pytest.param(
        "This girl Maya emailed the whole staff from her school account",
        "This girl [name] emailed the whole staff from her school account", "Maya",
        id="this-girl"),
    pytest.param(
        "My 2nd graders can't log in, Maya said the email link is broken",
        "My 2nd graders can't log in, [name] said the email link is broken", "Maya",
        id="graders"),
    # a colleague's family name alone, on a student
    pytest.param(
        "The Ortiz boy got into the staff drive",
        "The [name] boy got into the staff drive", "Ortiz", id="surname-the-ortiz-boy"),
]

FAMILIES = [
    # the student named beside their parents or sibling
    pytest.param(
        "Her parents want Maya's email turned off at night, can we do that from the admin "
        "console?",
        "Her parents want [name]'s email turned off at night, can we do that from the admin "
        "console?", "Maya", id="her-parents"),
    pytest.param(
        "Maya said her mom never got the email from our district office about the laptop",
        "[name] said her mom never got the email from our district office about the laptop",
        "Maya", id="her-mom"),
    pytest.param(
        "Maya's older brother Tyler emailed our principal about her laptop",
        "[name]'s older brother [name] emailed our principal about her laptop", "Maya",
        id="older-brother"),
]


# A second red team's (AZ): what a front office, registrar or bus office writes of enrolment,
# lockers, buses and loaned devices ("Sophie": a colleague Sophia's nickname). Left: "The sub
# wants to know why Aiden can see the teacher dashboard" (a colleague might as well).
COMINGS_AND_GOINGS = [
    pytest.param(
        "Front office: Camila withdrew today, please collect the Chromebook and disable the "
        "account.",
        "Front office: [name] withdrew today, please collect the Chromebook and disable the "
        "account.", "Camila", id="front-office-withdrawal"),
    pytest.param(
        "Registrar: Diego transferred out to Lincoln, disable the account once the laptop is "
        "back.",
        "Registrar: [name] transferred out to [name], disable the account once the laptop is "
        "back.", "Diego", id="registrar-transfer-out"),
    pytest.param(
        "Camila is moving to Texas on Friday, please disable her account after she turns in "
        "the laptop.",
        "[name] is moving to Texas on Friday, please disable her account after she turns in "
        "the laptop.", "Camila", id="moving-away"),
    pytest.param(
        "Bus office: Aiden rode the wrong bus yesterday, can you pull camera footage from "
        "bus 22?",
        "Bus office: [name] rode the wrong bus yesterday, can you pull camera footage from "
        "bus 22?", "Aiden", id="bus-office-wrong-bus"),
    pytest.param(
        "Locker 233 belongs to Tyler, the lock is jammed.",
        "Locker 233 belongs to [name], the lock is jammed.", "Tyler", id="locker"),
    # a nickname of a colleague's first name (Sophia Carter): "Sophie"
    pytest.param(
        "Locker 118 belongs to Sophie, the lock is jammed.",
        "Locker 118 belongs to [name], the lock is jammed.", "Sophie", id="locker-nickname"),
    pytest.param(
        "Locker 233 is Tyler's, the lock is jammed.",
        "Locker 233 is [name]'s, the lock is jammed.", "Tyler", id="locker-possessive"),
    # loaned hotspots, a list of three first names, each a colleague's
    pytest.param(
        "Hotspots not returned: Diego, Camila, Mateo. Please send reminders.",
        "Hotspots not returned: [name]. Please send reminders.", "Camila", id="hotspot-list"),
]


@pytest.mark.parametrize(("text", "expected", "student"), STUDENTS + FAMILIES + COMINGS_AND_GOINGS)
def test_context_hides_every_student_whole_names_hid(text: str, expected: str,
                                                     student: str) -> None:
    assert masked(text, "whole") == expected
    assert student not in masked(text, "context")
    assert masked(text, "context") == expected


# A third red team's (BA), on the hardened level: what a teacher, coach, librarian or test
# coordinator writes of a student with no word of a child in it. Twenty of its 114 texts went
# through at `context`; no veto list keeps up with them, so whole names stay the default
# (docs/masking.md, "Stop 60"). The default hides each of them.
SCHOOL_LIFE = [
    # testing: an English learner's accommodations (a program's status, FERPA-protected)
    pytest.param(
        "Mia needs her ELL testing accommodations set in the ACCESS portal",
        "[name] needs her ELL testing accommodations set in the ACCESS portal", id="ell-access"),
    pytest.param(
        "Can Maya take the AP exam on a spare laptop?",
        "Can [name] take the AP exam on a spare laptop?", id="ap-exam"),
    pytest.param(
        "Maya wants to take the PSAT on her own laptop",
        "[name] wants to take the PSAT on her own laptop", id="psat"),
    # photos: a student with no media release, named beside the picture to take down
    pytest.param(
        "Please take down the picture of Noah from the field trip post, he has no media release",
        "Please take down the picture of [name] from the field trip post, he has no media "
        "release", id="media-release"),
    # sports and clubs
    pytest.param(
        "Noah tried out for JV basketball, can you give him access to the team's Hudl?",
        "[name] tried out for JV basketball, can you give him access to the team's Hudl?",
        id="jv-tryout"),
    pytest.param(
        "Can you add Noah to the robotics team in Teams? He just joined",
        "Can you add [name] to the robotics team in Teams? He just joined", id="robotics"),
    # in Spanish, as a bilingual aide writes it
    pytest.param(
        "¿Pueden darle a Maya acceso al club de robótica en Teams?",
        "¿Pueden darle a [name] acceso al club de robótica en Teams?", id="club-spanish"),
    # the library: a loan not returned (CHILD_TALK knows "returned", not "brought back")
    pytest.param(
        "Maya checked out the library's graphing calculator and never brought it back",
        "[name] checked out the library's graphing calculator and never brought it back",
        id="library-loan"),
    # attendance (CHILD_TALK knows "absent", not "hasn't badged in")
    pytest.param(
        "Maya hasn't badged in for attendance all week, can you check the scanner at the door?",
        "[name] hasn't badged in for attendance all week, can you check the scanner at the "
        "door?", id="attendance-badge"),
    # discipline and coursework
    pytest.param(
        "Maya hacked the Wi-Fi password and shared it on Snapchat",
        "[name] hacked the Wi-Fi password and shared it on Snapchat", id="hacked-wifi"),
    pytest.param(
        "Maya emailed me that she can't open the assignment in Canvas",
        "[name] emailed me that she can't open the assignment in Canvas", id="assignment"),
]


@pytest.mark.parametrize(("text", "expected"), SCHOOL_LIFE)
def test_the_default_hides_what_context_lets_through(text: str, expected: str) -> None:
    know_staff(DIRECTORY)
    assert mask_student_data(text, today=TODAY).text == expected
