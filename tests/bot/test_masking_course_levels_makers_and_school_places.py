"""Stop 64's first round, read from the blind corpora of stop 63 (91 to 98): a course's level
("Algebra II"), a product line no list names ("Lego WeDo") and a school written as
a place in two more shapes ("the portables behind Horace Mann", "Room 115, Golda Meir.
Thanks, Tamika Jefferson") come through; a student in the same shapes is still hidden."""

from __future__ import annotations

import pytest

from bot.masking.schools import know_schools
from bot.masking.staff import know_staff
from tests.bot.test_masking import masked

SCHOOLS = ["Horace Mann Arts & Science Magnet Middle School", "Golda Meir School",
           "Lincoln Middle"]


@pytest.fixture
def schools_known() -> None:
    know_schools(SCHOOLS)


@pytest.mark.parametrize("text", [
    "Canvas: quiz shows 'This quiz is locked' even though the dates are right. Algebra II period 5",
    "Chem II period 5 can't open the lab sim",
    "Spanish II period 2 can't see the quiz",
    "Welding III period 3 gradebook isn't syncing",
    "World History IV period 6 roster is missing from Canvas",
])
def test_a_course_level_in_roman_numerals_is_no_name(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize("text", [
    "can I get admin rights to install the Lego WeDo software on the lab computers? rm 8",
    "The FrontRow Ezroom receiver in 112 has no power light",
])
def test_a_product_line_no_list_names_is_no_name(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    # Lego is a club and FrontRow a mic a student wears: what follows them may be a child (a
    # red team's, HH), so a first name after them is still hidden, "Juno" too
    ("Classroom mic (FrontRow Juno) keeps cutting out. rm 15",
     "Classroom mic (FrontRow [name]) keeps cutting out. rm 15"),
    ("Lego Jaden Ramirez broke the hub", "[name] broke the hub"),
])
def test_a_name_after_a_club_or_a_worn_mic_is_still_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Jaden Ramirez III lost his charger", "[name] lost his charger"),
    ("Marcus Webb II left his Chromebook in Algebra II",
     "[name] left his Chromebook in Algebra II"),
    ("my student Juno Lee needs a new password", "my student [name] needs a new password"),
    ("Juno can't log in to Lexia, she forgot her picture password",
     "[name] can't log in to Lexia, she forgot her picture password"),
])
def test_a_student_beside_those_words_is_still_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.usefixtures("schools_known")
@pytest.mark.parametrize("text", [
    "Who do I ask about a hotspot? Wifi doesn't reach the portables behind Horace Mann",
    "The new antenna on the trailer beside Golda Meir is down",
    "Hi, my document camera (IPEVO V4K) isn't being detected. Tried a different USB port. "
    "Room 115, Golda Meir. Thanks, Tamika Jefferson",
    "Projector bulb is out. Rm 204, Horace Mann. Thank you, Dana Whitfield",
])
def test_a_school_behind_a_thing_or_after_a_room_before_a_thank_you_is_kept(text: str) -> None:
    assert masked(text) == text


@pytest.mark.usefixtures("schools_known")
@pytest.mark.parametrize(("text", "expected"), [
    # behind a person, or in a sentence about a child, the same words are a student
    ("Jaden sits behind Horace Mann in 3rd period", "[name] sits behind [name] in 3rd period"),
    ("the portables behind Horace Mann, he keeps hiding there",
     "the portables behind [name], he keeps hiding there"),
    # a thank-you without a name after it, or a child's chromebook in the sentence
    ("Chromebook for Room 115, Golda Meir. Thanks!", "Chromebook for Room 115, [name]. Thanks!"),
    ("his chromebook is in Room 115, Golda Meir. Thanks, Tamika Jefferson",
     "his chromebook is in Room 115, [name]. Thanks, Tamika Jefferson"),
])
def test_a_student_in_those_shapes_is_still_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


SIGNING_SCHOOLS = ["Theodore Roosevelt High School", "Shaw Middle School", "Sherwood Elementary"]


@pytest.fixture
def signing_schools_known() -> None:
    """These schools known, and these colleagues: the signer is one the masker keeps."""
    know_schools(SIGNING_SCHOOLS)
    know_staff(["Nathan Pruitt", "Holly Bragdon", "Todd Ramsey", "Ana Whitfield"], afresh=True)


@pytest.mark.usefixtures("signing_schools_known")
@pytest.mark.parametrize("text", [
    "Canvas gradebook not syncing to Synergy for Algebra 1 periods 2 and 5. Nathan Pruitt, "
    "Roosevelt",
    "My Lenovo 300e won't charge past 60%. staff device. Holly Bragdon, Sherwood",
    "pw reset for me please, I'm locked out of Skyward. Todd Ramsey, PE, Shaw",
    "Projector in the library flickers. Ana Whitfield, Library Media, Roosevelt",
])
def test_a_colleague_signing_after_a_finished_sentence_keeps_their_school(text: str) -> None:
    assert masked(text) == text


@pytest.mark.usefixtures("signing_schools_known")
@pytest.mark.parametrize(("text", "expected"), [
    # the signer is a student the masker hid, a grade says a child, or a child is spoken of
    ("Canvas gradebook not syncing. Maya Lopez, Roosevelt",
     "Canvas gradebook not syncing. [name], [name]"),
    ("Canvas gradebook not syncing for him. Todd Ramsey, 3rd grade, Shaw",
     "Canvas gradebook not syncing for him. [name], 3rd grade, [name]"),
    ("his Chromebook is not syncing. Todd Ramsey, Shaw",
     "his Chromebook is not syncing. Todd Ramsey, [name]"),
    # a titled signer after a sentence: a teacher beside a student moved to their room
    ("Projector flickers. Dr. Ana Whitfield, Roosevelt",
     "Projector flickers. Dr. Ana Whitfield, [name]"),
    # a school's word in the middle of the message is no signature
    ("Locked out of Skyward. Todd Ramsey, Shaw needs a password too",
     "Locked out of Skyward. Todd Ramsey, [name] needs a password too"),
])
def test_a_school_word_after_a_student_or_a_grade_is_still_hidden(text: str,
                                                                  expected: str) -> None:
    assert masked(text) == expected
