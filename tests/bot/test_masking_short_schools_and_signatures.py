"""Schools by their short names and after other places, and signatures' closing lines, as the
blind corpora 75 to 82 write them (read once scored at stop 61; docs/masking.md, "Stop 62")."""

from __future__ import annotations

import pytest

from bot.masking.schools import know_schools
from bot.masking.staff import know_staff
from tests.bot.test_masking import masked

DISTRICT = ["Harvey Austin School 97", "Ethel Phillips Elementary", "Pacific Elementary",
            "Nathan Hale Magnet Middle School", "Buffett Middle School",
            "Juanita Sanchez Educational Complex", "Irma Rangel Young Women's Leadership School",
            "Ella Risk Elementary School", "Ashland Park-Robbins Elementary",
            "Sor Juana Inés de la Cruz Elementary School", "Bennett Park Montessori Center"]


@pytest.fixture
def district() -> None:
    know_schools(DISTRICT)


@pytest.mark.usefixtures("district")
@pytest.mark.parametrize("text", [
    # a long name's opening, and a possessive inside a name
    "wifi in the library at Juanita Sanchez keeps dropping, PVD-Staff and PVD-Student both",
    "Hola Sr. Ibarra, en Sor Juana el internet se cae cada que llueve",
    "need 30 loaner chromebooks for STAAR tutoring at Irma Rangel Young Women's Leadership School",
    # after another place, as where one moves, after a room closing the message
    "We have a lot of Afghan families at Pacific and Ethel Phillips. Thanks, Anil Naidu",
    "Mr. Dvorak is moving from Buffett to Nathan Hale next week, please image the laptop.",
    "Hi, my staff laptop has the blue screen. I have attendance due at 9. Room 109, Harvey Austin.",
    # words that only name what a school has, and a teacher sharing her screen
    "It's blocked on student Chromebooks but a teacher at Bennett Park said theirs works.",
    "Mrs. Kucera needs the Lexia admin dashboard for 3rd grade at Ashland Park-Robbins.",
    "Hello, I am having trouble sharing my screen on the ViewSonic in Room 5 at Ella Risk.",
])
def test_a_school_by_its_short_name_or_after_another_place_is_kept(text: str) -> None:
    assert masked(text) == text


@pytest.mark.usefixtures("district")
@pytest.mark.parametrize(("text", "expected"), [
    ("Juanita Sanchez can't log in to Clever", "[name] can't log in to Clever"),
    ("the loaner goes to Juanita Sanchez", "the loaner goes to [name]"),
    ("loaner for Juanita Sanchez, screen cracked", "loaner for [name], screen cracked"),
    ("Room 18, Ethel Phillips needs a charger", "Room 18, [name] needs a charger"),
    ("Ethel Phillips, 3rd grade, Room 18", "[name], 3rd grade, Room 18"),
    ("he is moving from Buffett to Nathan Hale, his mom called",
     "he is moving from Buffett to [name], his mom called"),
    ("Ella Risk keeps sharing her screen with the class",
     "[name] keeps sharing her screen with the class"),
    ("Ella Risk is sharing my screen", "[name] is sharing my screen"),
    # a list one a line is no list of places, whatever its last line names
    ("Need loaners for:\nJaden\nSummer, Hoover Elementary School",
     "Need loaners for:\n[name]\n[name], Hoover Elementary School"),
])
def test_a_student_named_like_a_school_is_still_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    "The BrightLink has a yellow tint.\nBest,\nSharon McAllister\nLibrarian, Lucile S. Bruner "
    "Elementary School",
    "I can't open Drive.\nBest,\nStephanie Liu\nMusic, Ruth Bader Ginsburg Middle School",
])
def test_a_sign_off_and_a_department_line_are_no_names(text: str) -> None:
    # and the writer's name between them is their signature (its school's line may be five
    # words long since stop 63: "John F. Kennedy Junior High")
    assert masked(text) == text


def test_a_colleagues_signature_block_comes_through_whole() -> None:
    know_staff(["Greg Carlquist"])
    said = ("Canvas says 'Unauthorized' for Biology 1 period 3.\n\nThank you,\nGreg Carlquist\n"
            "Science, Twin Falls High School")
    assert masked(said) == said


@pytest.mark.parametrize(("text", "expected"), [
    ("Fiber is down at the high school, I've called Sparklight.",
     "Fiber is down at the high school, I've called Sparklight."),
    ("Sparklight is out at Jaden's house, he can't do the homework",
     "Sparklight is out at [name]'s house, he can't do the homework"),
])
def test_a_home_internet_provider_is_no_name(text: str, expected: str) -> None:
    assert masked(text) == expected
