"""Hawaii's greeting and thanks, as Oahu's staff write them (the sealed corpus 73, read once
scored at stop 60): the colleague greeted or thanked is kept, a student after them is not."""

from __future__ import annotations

import pytest

from bot.masking import mask_student_data


@pytest.mark.parametrize("text", [
    "Mahalo Randall! it works now",
    "Aloha Rodel, mahalo for setting up the new printer.",
    "Mahalo, Kevin",
])
def test_the_colleague_greeted_or_thanked_is_kept(text: str) -> None:
    assert mask_student_data(text).text == text


@pytest.mark.parametrize(("text", "expected"), [
    ("Aloha, Keanu can't log in to his chromebook", "Aloha, [name] can't log in to his chromebook"),
    ("aloha kawika lost his charger", "aloha [name] lost his charger"),
])
def test_a_student_after_them_is_hidden(text: str, expected: str) -> None:
    assert mask_student_data(text).text == expected
