"""An outside red team's (JJ) attack on 83b096b, the masker's rules of stop 64 as they stand.
Each test states what should hold and failed on 83b096b (that failure was the evidence of the
break); all hold since the next commit. Tests marked "NEW" passed at the stop's start,
3bd9d72; "OLD" ones failed there too. Four of the red team's texts are left out, each older
than the stop: a lowercase list one a line of names that are also words ("kids missing
chargers: ava lopez.\nsummer day\nhunter woods", two texts), which no rule reads as a list;
"dieumerci lost the charger we gave him"; and "Mrs. Davis texted that her son is dropping
off her laptop charger at the front office", which reads as a parent as well as a colleague.

The promises (docs/privacy.md, "Masking student identifiers"), at the default level
(PREPBOT_MASKING_STAFF=whole):
- "student identifiers are masked": no word of a student's name (nor a nickname, nor a titled
  parent: docs/masking.md) is left in the masked text;
- ordinary tech-support text comes through unchanged: a colleague, a device, a field, a chat
  word or a typo is not hidden as a name.

The masker is called directly: bot.masking.mask_student_data.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.masking.schools import know_schools
from tests.bot.test_masking import left_of, masked

DISTRICT = ["Edsel Ford High School", "William Ford Elementary", "Ralph J. Bunche Academy",
            "Wing Luke Elementary", "Parker Hill Elementary", "Annie Oakley Elementary",
            "Toni Morrison Elementary", "Lincoln Middle", "Golda Meir School",
            "Horace Mann Middle School", "Fairfield Court Elementary", "Gordon Parks Middle"]


@pytest.fixture
def schools_known() -> Iterator[None]:
    know_schools(DISTRICT)
    yield
    know_schools([])


# 1. NEW LEAK (83b096b, places.py GROUP_AT "of us"/"just us" at/in). Any student's full name
#    after "just us in", "of us at" is taken for a place, with no school list at all, as long
#    as the sentence has no pronoun. 6 of 7 tried get through (one with "him" is hidden);
#    3bd9d72 hid all 7.
#    Promise: "student identifiers are masked".
@pytest.mark.parametrize(("text", "student"), [
    ("Just us in Jaylen Brooks group today, the Zoom link won't open", "Jaylen Brooks"),
    ("Two of us in Maya Lopez IEP meeting can't get the audio to work", "Maya Lopez"),
    ("A couple of us at Mateo Ruiz conference couldn't get the Teams link to open",
     "Mateo Ruiz"),
    ("Just us at Ava Lopez table, the projector keeps cutting out", "Ava Lopez"),
    ("Just us in Jaylen Brooks breakout room, the mic isn't picking up", "Jaylen Brooks"),
    ("The three of us in Ava Lopez 504 meeting lost the Teams call twice", "Ava Lopez"),
])
def test_a_student_after_just_us_or_of_us_is_hidden(text: str, student: str) -> None:
    assert left_of(student, text) == []


# 2. NEW LEAK (dbfc518, schools.py HOLDERS gained interpreter, therapist, psychologist,
#    specialist...). A student who shares a known school's namesake's name, at whose meeting,
#    desk or session the interpreter or therapist sits (an apostrophe dropped, as in Slack), is
#    taken for the school. All 8 tried get through; 3bd9d72 hid 5 of them (the other 3 got
#    through there too: a "room" after the school, a famous namesake).
#    Promise: "student identifiers are masked".
@pytest.mark.usefixtures("schools_known")
@pytest.mark.parametrize(("text", "student"), [
    ("The Spanish interpreter in William Ford IEP meeting can't get the Zoom captions on",
     "William Ford"),
    ("The speech therapist at Annie Oakley desk needs the iPad with the AAC app",
     "Annie Oakley"),
    ("The psychologist at William Ford testing session needs a laptop with Q-interactive",
     "William Ford"),
    ("The family liaison at Annie Oakley conference needs a hotspot for the Zoom",
     "Annie Oakley"),
    ("The reading specialist in William Ford group needs headphones for the iPad",
     "William Ford"),
])
def test_a_student_beside_an_interpreter_or_therapist_is_no_school(text: str,
                                                                     student: str) -> None:
    assert left_of(student, text) == []


# 3. NEW LEAK (dbfc518, schools.py signed_with keeps a known school's WHOLE name after a kept
#    signer and a job). A device's label, "Teacher, Class, Student", ends the message: the
#    student named like a known school is taken for the teacher's school, even where the class
#    itself was hidden ("Math" -> [name]). All 4 label texts get through; 3bd9d72 hid all 4
#    (a 5th, "Ms. Lee, Music, Toni Morrison", a famous namesake, got through there too).
#    Promise: "student identifiers are masked".
@pytest.mark.usefixtures("schools_known")
@pytest.mark.parametrize(("text", "student"), [
    ("The label on the iPad that came back to the library says:\nMrs. Patel, Kindergarten, "
     "Annie Oakley", "Annie Oakley"),
    ("Whose charger is this? The tag reads\nMs. Lee, Kindergarten, William Ford",
     "William Ford"),
    ("Loaners still out as of Friday:\nMr. Dawson, Math, William Ford", "William Ford"),
    ("Cracked screen turned in today, tag reads\nMs. Lee, Art, Parker Hill", "Parker Hill"),
])
def test_a_student_on_a_devices_label_after_teacher_and_class_is_hidden(text: str,
                                                                          student: str) -> None:
    assert left_of(student, text) == []


# 4. NEW ALTERATION (83b096b, nicknames.py `called`). A record's field or a part's word opening
#    the message before a bracketed student ("Schedule (Jaylen Brooks) is wrong") is hidden as
#    the student's nickname. 9 of 13 tried altered that 3bd9d72 kept (Username, Trackpad,
#    Earbuds altered at 3bd9d72 too; Locker kept).
#    Promise: ordinary text comes through unchanged (only the student is hidden).
@pytest.mark.parametrize(("field", "rest"), [
    ("Schedule", "is wrong in PowerSchool, can you fix it"),
    ("Password", "doesn't work in Clever"),
    ("Email", "keeps bouncing back"),
    ("Battery", "won't hold a charge"),
    ("Transcript", "is missing 8th grade"),
    ("Hinge", "cracked on the left side"),
    ("Update", "got her charger back"),
    ("Notes", "won't sync to OneNote"),
    ("Grades", "aren't showing in Canvas"),
])
def test_a_field_before_a_bracketed_student_is_no_nickname(field: str, rest: str) -> None:
    assert masked(f"{field} (Jaylen Brooks) {rest}") == f"{field} ([name]) {rest}"


# 5. NEW ALTERATION (83b096b, doers.py OWN_TROUBLE). A typo of "student" or a chat word no
#    list knows, then "cant find/see" or "lost her ...", is hidden as a student. 4 of 4 kept by
#    3bd9d72 ("studnet" and "kiddo", altered there too, are left out; "ok so", "lol",
#    "smh", "tbh", "welp", "idk", "whoops", "ahh", "ugh", "oof", "rn" are kept).
#    Promise: ordinary tech-support text comes through unchanged.
@pytest.mark.parametrize("text", [
    "stduent cant find his charger",
    "bruh cant see his screen on the board",
    "yikes lost her login card again",
    "hmmmm cant see her screen",
])
def test_a_typo_or_chat_word_before_cant_find_is_no_student(text: str) -> None:
    assert masked(text) == text


# 6. NEW ALTERATION (83b096b, kin.py CAME_ABOUT_CHILD). A titled colleague whose own kid
#    missed the bus is hidden as a student's parent ("bus" is a school thing within 50
#    characters). Kept by 3bd9d72. Promise: staff named by title stay.
def test_a_titled_colleague_whose_kid_missed_the_bus_is_kept() -> None:
    text = ("Mrs. Kim texted, her kid missed the bus so she'll be late. Can someone open her "
            "room for the sub?")
    assert masked(text) == text


# 7. OLD ALTERATION (kin.py CAME_ABOUT_CHILD, at 3bd9d72 and 83b096b). A titled colleague
#    out for her own sick child, with a laptop, a login or a password in the next words, is
#    hidden as a parent. 4 of 4 tried. Promise: staff named by title stay.
@pytest.mark.parametrize("text", [
    "Mr. Patel called in, his daughter is sick. Can you make sure his sub can get on the "
    "laptop cart?",
    "Ms. Carter emailed that her daughter has a fever, so she's out today and her sub needs a "
    "login",
    "Mrs. Greene called, her son's daycare closed so she's out. Sub needs the Promethean "
    "password",
])
def test_a_titled_colleague_out_for_her_own_child_is_kept(text: str) -> None:
    assert masked(text) == text


# 8. OLD LEAK (kin.py CAME_ABOUT_CHILD is narrowed to school words; also leaks at 3bd9d72).
#    A titled parent who called about her daughter's tutoring Zoom link. Promise: "A
#    student's family named with a title is hidden title and all" (docs/masking.md).
def test_a_titled_parent_who_called_about_a_zoom_link_is_hidden() -> None:
    text = ("Mrs. Flores called this morning. Her daughter says the Zoom link for tutoring "
            "doesn't work")
    assert left_of("Flores", text) == []


# 9. OLD LEAK (doers.py OWN_TROUBLE, at 3bd9d72 and 83b096b). A lowercase student's name no
#    list knows, with "cant access/connect/submit" (not "find/see/log"), or "lost the charger
#    we gave him", gets through. 4 of 7 tried (3 are hidden: "cant login", "keeps getting
#    kicked out", "forgot her password"). Promise: "student identifiers are masked".
@pytest.mark.parametrize(("text", "student"), [
    ("farishta cant access her lexia units", "farishta"),
    ("dieumerci cant connect to the wifi, his chromebook just spins", "dieumerci"),
    ("farishta can't submit her essay in canvas", "farishta"),
])
def test_a_lowercase_unknown_name_that_cant_access_is_hidden(text: str, student: str) -> None:
    assert left_of(student, text) == []
