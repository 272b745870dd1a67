"""The masker spares a colleague's name when it knows the district's staff (their display
names in Slack and Teams), and only then: a student who shares it, with a student's cue
beside, is hidden all the same."""

from __future__ import annotations

import pytest

from bot.masking import mask_student_data
from bot.masking.staff import StaffNames, forget_staff, know_staff, name_words
from tests.bot.test_masking import TODAY

DIRECTORY = ["Brooks, Kayden (he/him)", "Aaliyah Okonkwo - 7th Science", "Dr. Imani Reyes-Cole",
             "Coach Tony Russo"]


def masked(text: str) -> str:
    return mask_student_data(text, today=TODAY).text


@pytest.fixture
def colleagues() -> None:
    know_staff(DIRECTORY)


@pytest.mark.parametrize(("display_name", "words"), [
    ("Brooks, Kayden (he/him)", ["kayden", "brooks"]),
    ("Aaliyah Okonkwo - 7th Science", ["aaliyah", "okonkwo"]),
    ("Dr. Imani Reyes-Cole", ["imani", "reyes", "cole"]),
    ("Coach Tony Russo", ["tony", "russo"]),
    ("Núñez, José M.", ["jose", "nunez"]),
])
def test_a_display_name_is_read_as_the_name_it_holds(display_name: str, words: list[str]) -> None:
    assert name_words(display_name) == words


def test_a_colleague_named_in_full_is_kept_once_the_directory_is_known() -> None:
    text = "Kayden Brooks has the cart key for room 114"
    assert masked(text) == "[name] has the cart key for room 114"
    know_staff(DIRECTORY)
    assert masked(text) == text
    forget_staff()
    assert masked(text) == "[name] has the cart key for room 114"


@pytest.mark.usefixtures("colleagues")
@pytest.mark.parametrize("text", [
    "Aaliyah Okonkwo set up the Canvas course for us",
    "Okonkwo, Aaliyah shared the sub plans folder",
    "Imani Reyes-Cole's laptop won't charge",
])
def test_colleagues_are_kept_however_their_names_are_written(text: str) -> None:
    assert masked(text) == text


@pytest.mark.usefixtures("colleagues")
@pytest.mark.parametrize(("text", "expected"), [
    # a student who shares a colleague's name, with a student's cue
    ("my student Kayden Brooks can't log in to Clever",
     "my student [name] can't log in to Clever"),
    ("Kayden Brooks (ID 20417736) needs a new charger",
     "[name] (ID [id number]) needs a new charger"),
    ("Kayden Brooks in 3rd period lost his iPad", "[name] in 3rd period lost his iPad"),
    # a first name of one colleague and the family name of another are no colleague
    ("Kayden Okonkwo has the cart key", "[name] has the cart key"),
    # a name the directory does not hold
    ("Kayden Morales has the cart key", "[name] has the cart key"),
])
def test_a_student_is_hidden_even_when_a_colleague_shares_the_name(text: str,
                                                                   expected: str) -> None:
    assert masked(text) == expected


def test_a_one_word_display_name_teaches_nothing() -> None:
    know_staff(["Kayden", "jbrooks", "Coach K"])
    assert masked("can Kayden help with the cart") == "can [name] help with the cart"


def test_learning_afresh_forgets_who_was_known() -> None:
    staff = StaffNames()
    staff.add(["Kayden Brooks"])
    assert staff.knows("Kayden Brooks") and not staff.knows("Tony Russo")
    know_staff(["Tony Russo"], afresh=True)
    assert masked("Kayden Brooks has the cart key") == "[name] has the cart key"
    assert masked("Tony Russo has the cart key") == "Tony Russo has the cart key"
