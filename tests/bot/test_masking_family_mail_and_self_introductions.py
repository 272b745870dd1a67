"""A family's address at a provider abroad or at a parent's work, a Hmong family name "Her", a
Vietnamese middle name "An", a family's old home, a teacher's signature with their grade,
schools after a sign, a state test or "the tech for", a child by their initials and a family
in the plural, as the blind corpora 83 to 90 write them (read after scoring at stop 62;
docs/masking.md, "Stop 63")."""

from __future__ import annotations

import pytest

from bot.masking.schools import know_schools
from bot.masking.staff import know_staff
from tests.bot.test_masking import masked

DISTRICT = ["General Vang Pao Elementary", "Juan Felipe Herrera Elementary",
            "Hooper Alexander Elementary School"]


@pytest.fixture
def district() -> None:
    know_schools(DISTRICT)


@pytest.mark.parametrize(("text", "expected"), [
    ("Mom is Iryna, email iryna.melnyk88@ukr.net", "Mom is [name], email [email]"),
    ("Mom says the emails come to her work email sperez@fresnofarms.com, she wants them at home",
     "Mom says the emails come to her work email [email], she wants them at home"),
    ("parent email on file: jnelson@acme.com", "parent email on file: [email]"),
    ("Hi! Leng Her is showing as absent in Campus for 1st hour but she was here",
     "Hi! [name] is showing as absent in Campus for 1st hour but she was here"),
    ("can u change the lunch # for Nou Her, she has her sisters #", "can u change the lunch # for "
     "[name], she has her sisters #"),
    ("The STAAR app won't load for Thien An Vo, says 'testing ticket invalid'",
     "The STAAR app won't load for [name], says 'testing ticket invalid'"),
    ("Hi this is the nurse. Destiny Coleman's mom (Shonda Coleman) wants to know",
     "Hi this is the nurse. [name]'s mom ([name]) wants to know"),
    # a period after a title written out ends a sentence: no "Nurse Maya Coleman"
    ("This is the nurse. Maya Coleman needs a charger",
     "This is the nurse. [name] needs a charger"),
    ("ask the coach. Marcus broke it", "ask the coach. [name] broke it"),
    ("so her mail is going to 2401 E 42nd Ave, they moved to 815 Klevin St #3",
     "so her mail is going to [address], they moved to [address]"),
])
def test_a_familys_address_and_a_students_whole_name_are_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    "The parent portal rep is jdoe@parentsquare.com",
    "Mom called about Clever, I told her to write support@clever.com",
    "Thank you. Her laptop is fixed",
    "Our book club read Tell Her Story",
    "Ship the Chromebooks to the district office at 1200 N Main St, they moved there in June.",
    "checked out in Destiny, the catalog is slow",
    "Ms. Rivera called about the projector",
    # a verb asking to reach someone is no name of theirs
    "Router lights are amber. Call Darlene at ext 4410.",
    "Tell Derek the laminator in the workroom is smoking.",
])
def test_a_vendors_address_a_pronoun_and_an_offices_move_come_through(text: str) -> None:
    assert masked(text) == text


# A colleague introducing themselves ("Jennifer here, admin asst.") was kept for a while at stop
# 63; two red teams got students at a class computer through it ("Maya here, the sub said I
# could use this computer", "Noah here, robotics team lead"), so the rule is gone and these
# stay hidden.
@pytest.mark.parametrize(("text", "expected"), [
    ("Parker here, I'm using my teacher's computer because mine won't turn on.",
     "[name] here, I'm using my teacher's computer because mine won't turn on."),
    ("Jamal here, Ms. Frye let me type this. My headphones don't work.",
     "[name] here, Ms. Frye let me type this. My headphones don't work."),
    ("Maya here needs a charger", "[name] here needs a charger"),
    ("Jaden here, he needs a charger", "[name] here, he needs a charger"),
    ("Call Maya's mom", "Call [name]'s mom"),
    ("Ask Jaden if his charger works", "Ask [name] if his charger works"),
])
def test_a_student_at_the_keyboard_or_pointed_at_is_still_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


def test_a_teachers_signature_with_their_grade_keeps_their_name() -> None:
    know_staff(["Eldon Frandsen"])
    said = ("I receive the message 'User not found in organization.' Please advise. Regards, "
            "Eldon Frandsen, 8th Grade Science, John F. Kennedy Junior High")
    assert masked(said) == said
    assert masked("Please reset: Eldon Frandsen, 8th grade") == "Please reset: [name], 8th grade"


@pytest.mark.usefixtures("district")
@pytest.mark.parametrize("text", [
    "Who is the tech for Hooper Alexander this year? Used to be Mr. Satterfield",
    "where do I submit a ticket for the marquee sign at Vang Pao?",
    "We need 32 more chromebooks for CAASPP at Juan Felipe Herrera.",
])
def test_a_school_after_its_tech_its_sign_or_a_state_test_comes_through(text: str) -> None:
    assert masked(text) == text


@pytest.mark.usefixtures("district")
@pytest.mark.parametrize(("text", "expected"), [
    ("who is the counselor for Hooper Alexander? he is in 5th grade",
     "who is the counselor for [name]? he is in 5th grade"),
    ("Marcus sat at Juan Felipe Herrera's desk", "[name] sat at [name]'s desk"),
    ("Juan Felipe Herrera, 5th grade, cannot log in", "[name], 5th grade, cannot log in"),
    # a grade's testing after a name still places a child in it (a red team's, EE)
    ("Juan Felipe Herrera in 5th grade testing got kicked out of MAP",
     "[name] in 5th grade testing got kicked out of MAP"),
])
def test_a_student_by_a_schools_name_is_still_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Need it given to TJ (Tavion Jennings), he's new in 3rd hour.",
     "Need it given to [name] ([name]), he's new in 3rd hour."),
    ("Can someone help BJ log in? Real name is Bernard Jones",
     "Can someone help [name] log in? Real name is [name]"),
    ("the SAT practice login for DJ isn't working, he's DeShawn Jackson in the system",
     "the SAT practice login for [name] isn't working, he's [name] in the system"),
])
def test_a_child_who_goes_by_the_initials_of_their_hidden_name_is_hidden(
        text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("the IT team said Ivan Torres broke it", "the IT team said [name] broke it"),
    ("Ivan Collins has no grade level, can you fix it in IC?",
     "[name] has no grade level, can you fix it in IC?"),
])
def test_an_offices_or_a_systems_letters_are_no_initials(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("the parent email on file for the Nelsons is wrong",
     "the parent email on file for the [name] is wrong"),
    ("the Garcias need a hotspot", "the [name] need a hotspot"),
    ("the Joneses need a hotspot", "the [name] need a hotspot"),
])
def test_a_family_by_their_name_in_the_plural_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    "the wifi in the Douglass library drops every ~10 mins",
    "there's tech money in the Perkins budget",
    "we moved the Dells to room 4",
    "the Jostens rep is coming Thursday",
    "a shared mailbox for the Palomas Valley nurse's office",
])
def test_a_place_a_grant_or_a_maker_in_the_plural_comes_through(text: str) -> None:
    assert masked(text) == text
