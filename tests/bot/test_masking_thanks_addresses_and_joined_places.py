"""Three shapes of ordinary text read in stop 66's sealed corpora (119 to 122) once they were
scored: a texted thanks ("Thx Jean-Paul"), a colleague's address under her signature when her
first name has a capital inside ("LaToya Pennington ... penningtonl@myips.org"), and a place
joined by "&" ("the New Mexico Farm & Ranch Heritage Museum"); with the students written
alike, still hidden."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import masked

SIGNED = ("My email signature disappeared after the update.\n\nLaToya Pennington\n"
          "Instructional Technology Coach\nShortridge High School\npenningtonl@myips.org")


@pytest.mark.parametrize("text", [
    "Thx Jean-Paul for translating the tech letter into French!",
    SIGNED,
    "We have a virtual field trip with the New Mexico Farm & Ranch Heritage Museum on Thursday",
])
def test_ordinary_text_comes_through(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("Thx Jaden Smith lost his charger again", "Thx [name] lost his charger again"),
    ("LaToya Pennington's mom wrote from penningtonl@gmail.com",
     "[name]'s mom wrote from [email]"),
    ("Jaden & Maya can't log in", "[name] & [name] can't log in"),
])
def test_a_student_written_alike_is_still_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected
