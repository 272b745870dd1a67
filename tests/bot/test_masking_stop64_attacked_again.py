"""An outside red team's (II) attack on 1bf79d5, the masker's newest rules (round 2 of stop
64). Each test states what should hold and failed on 1bf79d5 (that failure was the evidence
of the break); all hold since the next commit. One case is left out: a lowercase nickname of
two words before a bracketed name ("lil man (Jermaine Ellis) broke the charging port"), which
no rule reads as a name (older than the stop).

The promises (docs/privacy.md, "Masking student identifiers"), at the default level
(PREPBOT_MASKING_STAFF=whole):
- "student identifiers are masked": no word of a student's name (nor of a nickname, nor a
  titled parent, docs/masking.md: "A student's family named with a title is hidden title and
  all") is left in the masked text;
- ordinary tech-support text comes through unchanged: an app, a device, a typo, a chat word
  or a titled colleague is not hidden as a name.

Each text is what a teacher, aide, nurse or office clerk would type. The masker is called
directly (no server): bot.masking.mask_student_data, as tests/bot/test_masking.py does.
"""

from __future__ import annotations

import pytest

from bot.masking.schools import know_schools
from tests.bot.test_masking import left_of, masked


# ---------------------------------------------------------------------------------------
# 1. NEW LEAK (1bf79d5, places.py GROUP_AT gained "us"). A student's full name after "us
#    from/at/in" is taken for a place, even with "his"/"her" and "account", "IEP", "table"
#    after it. Every text below is hidden by the commit before (e59a7ff).
#    Promise: "student identifiers are masked".
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "student"), [
    ("Mom emailed us from Jaylen Brooks account asking for his password", "Jaylen Brooks"),
    ("Dad emailed us from Mateo Ruiz Gmail asking why he can't see Schoology", "Mateo Ruiz"),
    ("A parent emailed us from Ava Lopez account about her missing assignments", "Ava Lopez"),
    ("Grandma called us from Tyrese Johnson phone, he left his charger in class",
     "Tyrese Johnson"),
    ("A few of us at Jaylen Brooks table can't hear the video, his headphones are broken",
     "Jaylen Brooks"),
    ("The aide sat with us in Kenyatta Harris IEP meeting and she needs her talker charged",
     "Kenyatta Harris"),
])
def test_a_student_after_us_from_or_us_at_is_no_place(text: str, student: str) -> None:
    assert left_of(student, text) == []


# ---------------------------------------------------------------------------------------
# 2. NEW LEAK (1bf79d5, people.py sentence_ends). A first student named at the end of the
#    intro line, with a period, then the rest one a line: the period "ends the list", so
#    students whose names are also words ("Summer Day", "Hope Day") get through. Hidden by
#    e59a7ff. Promise: "student identifiers are masked" ("a list that holds a name makes
#    names of the rest", docs/masking.md).
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "students"), [
    ("Kids still missing their Chromebooks: Ava Lopez.\nSummer Day\nHunter Woods\nSky Rivers",
     ["Summer Day", "Hunter Woods", "Sky Rivers"]),
    ("Need loaner chargers for Mateo Ruiz.\nHope Day\nChase Woods\nRiver Stone\nThanks!",
     ["Hope Day", "Chase Woods", "River Stone"]),
    ("Students still missing chargers - Ava Lopez.\n- Summer Day\n- Hunter Woods\n- Sky Rivers",
     ["Summer Day", "Hunter Woods", "Sky Rivers"]),
])
def test_students_one_a_line_after_a_first_one_ending_a_sentence_are_hidden(
        text: str, students: list[str]) -> None:
    assert [s for s in students if left_of(s, text)] == []


# ---------------------------------------------------------------------------------------
# 3. NEW LEAK (1bf79d5, schools.py PLACE_AFTER gained "upstairs"/"downstairs"). A student
#    who shares a known school's namesake's name ("William Ford", cf. the school list of
#    tests/bot/test_masking_stop64_attacked.py) is taken for the school before "upstairs",
#    though "He left his" follows. Hidden by e59a7ff.
#    Promise: "student identifiers are masked".
# ---------------------------------------------------------------------------------------
def test_a_student_named_like_a_known_school_before_upstairs_is_hidden() -> None:
    know_schools(["William Ford Elementary", "Parker Hill Elementary",
                  "Annie Oakley Elementary"])
    text = "Can someone bring a loaner to William Ford upstairs? He left his at home"
    assert left_of("William Ford", text) == []


# ---------------------------------------------------------------------------------------
# 4. LEAK in the shapes next to 1bf79d5's kin.py CAME_ABOUT_CHILD (old: e59a7ff leaks them
#    too). A titled parent who called, with the child said on the next line, or "her
#    daughters" / "her boy" / "her kid's", gets through. Promise: "student identifiers are
#    masked" (docs/masking.md: "A student's family named with a title is hidden title and
#    all, since 'Mrs. Warsame' says whose mother she is").
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Mrs. Flores called this morning, upset.\nHer son Mateo still can't log into Lexia at home.",
    "Mrs. Flores called, her daughters both lost their chargers",
    "Mrs. Flores called about the hotspot. Her boy is in 2nd grade and can't connect",
    "Mrs. Flores dropped by, her kid's iPad is cracked",
])
def test_a_titled_parent_who_called_about_their_child_is_hidden(text: str) -> None:
    assert left_of("Flores", text) == []


# ---------------------------------------------------------------------------------------
# 5. LEAK in the shapes next to 1bf79d5's doers.py OWN_TROUBLE (old: e59a7ff leaks them
#    too). A lowercase student's name no list knows, doing what a child does, then
#    "their", or with "couldnt", "didnt", "won't", "needs" instead of "cant".
#    Promise: "student identifiers are masked".
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "student"), [
    ("kaiyu cant find their charger, can you check the cart", "kaiyu"),
    ("farishta couldnt see her lexia units", "farishta"),
    ("farishta didnt get her password email", "farishta"),
    ("farishta needs her password reset", "farishta"),
    ("dieumerci won't log in, his kiosk app just spins", "dieumerci"),
])
def test_a_lowercase_unknown_name_doing_a_childs_thing_is_hidden(text: str,
                                                                  student: str) -> None:
    assert left_of(student, text) == []


# ---------------------------------------------------------------------------------------
# 6. LEAK in the shapes next to 1bf79d5's people.py nicknames_before (old: e59a7ff leaks
#    them too). The nickname gets through when "So"/"And" opens the sentence, when a comma
#    aside follows the bracket, in quotes, or in lowercase.
#    Promise: "student identifiers are masked" ("Nicknames go with the name").
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "nickname"), [
    ("So Peanut (Kenyatta Harris) broke the hinge again", "Peanut"),
    ("And Peanut (Kenyatta Harris) broke the hinge again", "Peanut"),
    ("Man-Man (Jermaine Ellis), in 3rd hour, broke the charging port", "Man-Man"),
    ("'Peanut' (Kenyatta Harris) broke the hinge", "Peanut"),
])
def test_a_nickname_before_a_bracketed_student_is_hidden(text: str, nickname: str) -> None:
    assert nickname.lower() not in masked(text).lower()


# ---------------------------------------------------------------------------------------
# 7. NEW ALTERATION (1bf79d5, doers.py OWN_TROUBLE). A lowercase device, app, typo or chat
#    word opening a message, then "keeps/lost/kept/got/cant", then "he/she/his/her", is
#    hidden as a student. All kept by e59a7ff.
#    Promise: ordinary tech-support text comes through unchanged.
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "word"), [
    ("smartboard keeps freezing when she plugs in her laptop", "smartboard"),
    ("hotspot keeps disconnecting at his house", "hotspot"),
    ("airserver keeps disconnecting her ipad from the board", "airserver"),
    ("chromebok keeps dying on her, can I get a loaner", "chromebok"),
    ("printr keeps jamming, she's tried everything", "printr"),
    ("lmao cant believe he lost his charger again", "lmao"),
    ("welp lost her charger again, can I get another one", "welp"),
    ("nevermind got it working, he just had to restart", "nevermind"),
    ("tysm got her into lexia finally", "tysm"),
])
def test_a_lowercase_device_typo_or_chat_word_is_no_student(text: str, word: str) -> None:
    assert masked(text) == text, word


# ---------------------------------------------------------------------------------------
# 8. NEW ALTERATION (1bf79d5, kin.py CAME_ABOUT_CHILD). A titled COLLEAGUE who emailed,
#    texted or came by, with her own son or daughter said in a later sentence, is hidden as
#    a student's parent. All kept by e59a7ff.
#    Promise: ordinary tech-support text comes through unchanged (staff named by title stay).
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Mrs. Brooks texted me that the cart is unlocked. Her daughter is sick so she left early.",
    "Mrs. Simmons came in early to test the board. Her daughter is home sick so she's leaving "
    "at noon.",
    "Ms. Carter emailed me the sub plans. Her son is getting married Friday so she's out, can "
    "you make sure the sub has a login?",
    "Mrs. Davis came by to borrow a document camera. Her son is coming in Friday to help set up "
    "the robotics table.",
])
def test_a_titled_colleague_with_a_child_of_her_own_is_kept(text: str) -> None:
    assert masked(text) == text


# ---------------------------------------------------------------------------------------
# 9. NEW ALTERATION (1bf79d5, people.py nicknames_before, DOING_AFTER). A device's word
#    opening a line before a bracketed student is hidden as the student's nickname. Kept by
#    e59a7ff. Promise: ordinary text comes through unchanged (only the student is hidden).
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("device", ["Charger", "Headphones", "Calculator", "Desktop",
                                    "Tablet", "Keyboard"])
def test_a_device_before_a_bracketed_student_is_no_nickname(device: str) -> None:
    text = f"{device} (Jaylen Brooks) won't turn on after the update"
    assert masked(text) == f"{device} ([name]) won't turn on after the update"


# ---------------------------------------------------------------------------------------
# 10. NEW LEAK (1bf79d5, people.py SUBJECTS on a signature's school line). "french" is a
#    subject, and French a family name: a roster's "Surname, School" line (the shape of
#    tests/bot/test_masking_stop62_attacked.py's "Aiden\nWood, Ethel Phillips Elementary")
#    is taken for a signature's department line. Hidden by e59a7ff.
#    Promise: "student identifiers are masked".
# ---------------------------------------------------------------------------------------
def test_a_student_surnamed_like_a_subject_in_a_roster_is_hidden() -> None:
    text = "Loaners due back:\nAiden\nFrench, Ethel Phillips Elementary"
    assert left_of("Aiden French", text) == []
