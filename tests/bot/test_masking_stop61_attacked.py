"""Red team BB on stop 61's masking rules (docs/masking.md, "Stop 61"; docs/reliability.md).
Its doors: a student named like one word of a school after a teacher's name and a comma, like a
language beside another, or like a job in lowercase, kept. Its alterations: staff groups,
clubs, interpreters and apps hidden by the new hiding rules. Each text is the red team's; each
fails on the rules as first written."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.masking.schools import know_schools
from bot.masking.staff import know_staff
from tests.bot.test_masking import masked

# Schools a district added with `/prepbot schools add`; each shares a word with common
# children's first names (Madison, Jackson, Hudson, Kennedy, Parker).
DISTRICT = ["Jackson Elementary", "Madison Middle School", "Kennedy High School",
            "Hudson Elementary", "Parker Hill Elementary", "Carson Elementary"]


@pytest.fixture
def district_schools() -> Iterator[None]:
    know_staff(["Dana Ortiz"])  # a colleague in the directory
    know_schools(DISTRICT)
    yield
    know_schools([])


# Break 1: bot/masking/schools.py `signed_with`. A teacher's name (kept, titled) and a comma,
# then a student's first name that is one word of a school, at the message's end, is taken for
# a colleague's signature ("Holly Bragdon, Sherwood"), even with the student's grade after it
# and a label, sticker or roster line before it. Without the schools known, each is hidden.
@pytest.mark.parametrize(("text", "student"), [
    ("Found a Chromebook in the library with no asset tag. Sticker on the lid says "
     "Ms. Lee, Madison", "Madison"),
    ("Lost and found has an iPad case. Tag says Ms. Lee, Hudson 3rd grade.", "Hudson"),
    ("Please print a new Clever badge. Homeroom and name: Ms. Lee, Madison, 5th grade",
     "Madison"),
    ("Cracked screen on cart 3, slot 12. Assigned to Ms. Lee, Parker, kindergarten.", "Parker"),
    ("Loaner hotspot went home with her yesterday. Checked out as Mr. Brown, Kennedy 4th grade.",
     "Kennedy"),
    ("Locked out of Clever again. Ms. Lee, Jackson, 2nd grade", "Jackson"),
    # a colleague the directory vouches for, as the label's teacher
    ("Whose is this? Charger left in the gym. Label on it: Dana Ortiz, Carson 1st grade",
     "Carson"),
])
@pytest.mark.usefixtures("district_schools")
def test_a_student_after_a_teacher_and_a_comma_is_hidden_though_named_like_a_school(
        text: str, student: str) -> None:
    assert student not in masked(text)


# Break 2: bot/masking/things.py `language` / `other_language`. A student named like a language
# (Karen, Dari, Thai, German) is kept when another language follows after a comma ("Karen,
# Spanish speaker") or a language's thing follows the name ("Karen version", "Karen keyboard").
@pytest.mark.parametrize(("text", "student"), [
    ("Karen, Spanish speaker in 3rd grade, needs her Chromebook set to Spanish", "Karen"),
    ("Karen, Arabic-speaking newcomer, can't log in to Clever", "Karen"),
    ("Karen, Spanish speaking, can't get into Lexia", "Karen"),
    ("German, Spanish speaker, can't log in to iReady", "German"),
    ("Dari, Pashto speaker in 5th grade, needs a login", "Dari"),
    ("Thai, Lao speaker in 2nd period, can't log in", "Thai"),
    ("Karen version of the reading test won't load on her iPad", "Karen"),
    ("Karen translations won't show on her Chromebook", "Karen"),
    ("Karen parents called about her hotspot", "Karen"),
    ("Karen keyboard is broken again, she needs a new one", "Karen"),
    ("Karen and Spanish-speaking students need the Newsela version", "Karen"),
])
def test_a_student_named_like_a_language_is_hidden(text: str, student: str) -> None:
    assert student not in masked(text)


# Break 3: bot/masking/lowercase.py `lowercase_maybe`: a job word is no lowercase name, so
# "aide" (Aidé, a common girl's name) before a student's own cue is kept.
@pytest.mark.parametrize("text", [
    "aide, 3rd grade, can't log in to Clever",
    "aide (5th period) forgot her password",
    "aide, student id 448213, is locked out",
    "reset the password for aide, 2nd grade",
])
def test_a_lowercase_student_named_like_a_job_is_hidden_before_her_cue(text: str) -> None:
    assert "aide" not in masked(text)


# Break 4: bot/masking/cued.py `families` / FAMILY_DOES: "The <plural>" + called/asked/want is
# hidden whenever the singular is any surname, including staff groups and trades.
@pytest.mark.parametrize("text", [
    "The Cooks want the new menu boards by Friday",
    "The Deans asked for a report of who is on the blocked list",
    "The Drivers called about the tablets on the buses",
    "The Leads want a shared drive for the grade level",
    "The Paras asked how to get into the shared calendar",
    "The Specials (art, music, PE) want the cart on Fridays",
    "The Singers asked for the sound board",
    "The Masons came in to fix the wall mounts",
])
def test_a_staff_group_or_trade_in_the_plural_is_no_family(text: str) -> None:
    assert masked(text) == text


# Break 5: bot/masking/lowercase.py THE_FAMILYS: "the <word> kids" is hidden for any lowercase
# club, programme or acronym not in PROGRAMMES.
@pytest.mark.parametrize("text", [
    "the robotics kids broke the lab printer",
    "the yearbook kids need the photo drive",
    "the afterschool kids can't get on wifi",
    "the homeschool kids use a different portal",
    "the asb kids need the laptop cart for elections",
    "the nhs kids need volunteer hours forms",
    "the dli kids use the spanish version",
    "the rsp kids need bookshare",
])
def test_a_club_or_programme_before_kids_is_no_family(text: str) -> None:
    assert masked(text) == text


# Break 6: bot/masking/kin.py `reached_in_another_language`: a titled colleague given a phone
# number is hidden as a family whenever "language line" or "use an interpreter" follows
# within 160 characters, though the sentence says they are the interpreter or set it up.
@pytest.mark.parametrize(("text", "colleague"), [
    ("Call Mr. Haddad at 555-201-3344, he is our Arabic interpreter. For Somali use the "
     "language line.", "Mr. Haddad"),
    ("Ms. Ruiz at 555-123-4567 set up the language line account for the front office.",
     "Ms. Ruiz"),
    ("For translation requests ask Mrs. Gutierrez at 555-880-1212, or use the language line "
     "after 4.", "Mrs. Gutierrez"),
    ("Ms. Farah at 555-220-1919 handles Somali; for other languages use an interpreter from "
     "the line.", "Ms. Farah"),
    ("Mr. Vang at 555-404-5050 can help with Hmong; otherwise the language line.", "Mr. Vang"),
    ("Ms. Soto at 555-121-9898 will set up the language line on the new phones.", "Ms. Soto"),
])
def test_a_colleague_who_is_the_interpreter_is_kept(text: str, colleague: str) -> None:
    assert colleague in masked(text)


# Break 7 (low): bot/masking/people.py `unknown_doers`: a lowercase app name no list knows,
# opening the message, before sign-in trouble, is hidden as a child.
@pytest.mark.parametrize("text", [
    "mobymax cant sign in today",
    "boomcards cant log in",
])
def test_a_lowercase_app_with_sign_in_trouble_is_no_child(text: str) -> None:
    assert masked(text) == text
