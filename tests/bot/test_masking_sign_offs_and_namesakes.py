"""A letter signed "Sincerely", a school by its namesake without their title, kindergarten at a
school and the doc cam in a teacher's room, as the blind corpora 87 to 90 write them (read once
scored at stop 62; docs/masking.md, "Stop 62")."""

from __future__ import annotations

import pytest

from bot.masking.schools import know_schools
from bot.masking.staff import know_staff
from tests.bot.test_masking import masked

DISTRICT = ["General Vang Pao Elementary", "William Saroyan Elementary",
            "Dr. Charles R. Drew Science Magnet School"]


@pytest.fixture
def district() -> None:
    know_schools(DISTRICT)


def test_a_letter_signed_sincerely_keeps_its_sign_off() -> None:
    know_staff(["Charlotte Dunaway"])
    said = ("The interactive panel in the media center has a cracked corner. Please let me know "
            "if I should submit a work order.\nSincerely,\nCharlotte Dunaway")
    assert masked(said) == said


@pytest.mark.usefixtures("district")
@pytest.mark.parametrize("text", [
    "the phone in the nurse's office at Vang Pao goes straight to voicemail",
    "Who do I talk to about getting Seesaw for kinder at William Saroyan?",
    "the wifi in the library at Charles R. Drew keeps dropping",
    "the doc cam in Mrs. Gatewood's room needs a new power cord",
])
def test_a_school_or_a_doc_cam_comes_through(text: str) -> None:
    assert masked(text) == text


@pytest.mark.usefixtures("district")
@pytest.mark.parametrize(("text", "expected"), [
    ("Vang Pao can't log in to Clever", "[name] can't log in to Clever"),
    ("Marcus threw a pencil at Vang Pao", "[name] threw a pencil at [name]"),
    ("my student ada in Mrs. Gatewood's room can't hear",
     "my student [name] in Mrs. Gatewood's room can't hear"),
])
def test_a_student_by_those_names_is_still_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected
