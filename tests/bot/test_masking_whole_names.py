"""A name hidden in part is hidden whole: a parent's title and first name go with the surname
hidden as their child's, and a word or initials the rules left inside a hidden name go too.
And the way staff text: contractions without their apostrophe, "its" for "it's"."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import masked


@pytest.mark.parametrize(("text", "expected"), [
    ("Amara Okoye's dad called about her iPad. Mr. Okoye wants a call back after 5",
     "[name]'s dad called about her iPad. [name] wants a call back after 5"),
    ("La Sra. Teresa Ibarra llamó, su hijo es Mateo Ibarra, 3er grado, y no puede entrar",
     "La [name] llamó, su hijo es [name], 3er grado, y no puede entrar"),
    ("Winona Two Eagles' grandmother (her guardian) needs a parent portal login",
     "[name]' grandmother (her guardian) needs a parent portal login"),
    ("can you add these students to the Teams channel: Keanu Akana, TJ Whitaker, Rosa Lin",
     "can you add these students to the Teams channel: [name], [name], [name]"),
    # a generation after a hidden name goes with it
    ("My grandson, Raymond Benally III, is a 1st grader and his Clever badge stopped working",
     "My grandson, [name], is a 1st grader and his Clever badge stopped working"),
    # a parent named by title and the child's surname, later in the message
    ("Yareli Soto-Vega's mom wants the app in Spanish, can someone call her? Sra. Soto works "
     "nights", "[name]'s mom wants the app in Spanish, can someone call her? [name] works "
     "nights"),
    # a parent named with the child, or set apart from the other parent
    ("a mom emailed about a charger fee — Ms. Renee Whitlock, daughter is Amari W. in 6th",
     "a mom emailed about a charger fee — [name], daughter is [name] in 6th"),
    ("the notices went to the wrong parent, they should go to Mr. Kofi Mensah, not the other "
     "dad", "the notices went to the wrong parent, they should go to [name], not the other dad"),
    # a lowercase name and initial before a question mark
    ("can u reset the password for mia t? her login keeps failing",
     "can u reset the password for [name]? her login keeps failing"),
])
def test_what_is_left_of_a_hidden_name_goes_with_it(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    "Ms. Rivera said the cart in room 12 has two dead chargers",
    "Mr. Okafor and Dr. Lee both need the new Canvas role",
    "TJ from facilities fixed the projector mount",
    "Ms. Garcia says the cart in the library is broken",
    "Ms. Rivera, the parent liaison, needs the interpreter link",
    "Mr. Diaz, the other teacher, has the cart today",
    "is plan b ok for the assembly?",
])
def test_a_titled_colleague_or_initials_alone_stay(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("lunch pin for tavita isnt working at the register, he says its 5521",
     "lunch pin for [name] isnt working at the register, he says its [id number]"),
    ("Can you reset the PIN for Keoni? it's 3390 and he keeps typing it wrong",
     "Can you reset the PIN for [name]? it's [id number] and he keeps typing it wrong"),
    ("Reset the lunch PIN for Maya. It is 0419",
     "Reset the lunch PIN for [name]. It is [id number]"),
    ("mya cant get into discovery ed, it keeps asking her for a class code",
     "[name] cant get into discovery ed, it keeps asking her for a class code"),
])
def test_a_texted_sentence_is_read_as_written_properly(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    "The copier in the workroom wants a code. It's 4471 I think",
    "the copier code, its 4471 right?",
    "ruby isnt installed on the mac in room 12",
])
def test_a_devices_number_after_it_stays(text: str) -> None:
    assert masked(text) == text
