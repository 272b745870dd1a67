"""Students named Prince and Princess, nicknames before a bracketed full name, and a
kindergartner's "(K)", as the blind corpora 83 to 86 write them (read once scored at stop 62;
docs/masking.md, "Stop 62")."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import masked


@pytest.mark.parametrize(("text", "expected"), [
    # a given name in Filipino, West African and Black American families, no title
    ("I have a new student, Princess Mae Aquino (ID 2231904), who transferred last week",
     "I have a new student, [name] (ID [id number]), who transferred last week"),
    ("tech: Princess Adeleke's STAAR session got stuck at 'Resuming test'",
     "tech: [name]'s STAAR session got stuck at 'Resuming test'"),
    ("hey, Prince Okonkwo and Noor both get 'Something went wrong' on Clever",
     "hey, [name] and [name] both get 'Something went wrong' on Clever"),
    # a nickname before the bracket its full name fills
    ("Junior (Juan Carlos Benitez) says his clever login shows 'district not found'",
     "[name] ([name]) says his clever login shows 'district not found'"),
    ("Right now I can't see who's allowed to pick up Miguelito (Miguel Angel Reyes)",
     "Right now I can't see who's allowed to pick up [name] ([name])"),
    # a kindergartner's grade in brackets, as a first grader's is
    ("Kids are Brandon (3rd) and Grace (K).", "Kids are [name] (3rd) and [name] (K)."),
    ("Hope (TK) lost her badge", "[name] (TK) lost her badge"),
])
def test_a_student_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    "Prince George's County Public Schools uses the same Canvas instance",
    "Prince William County sent their Chromebook image",
    "We read about Princess Diana in the biography unit",
])
def test_a_place_or_a_royal_named_prince_stays(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    # a titled colleague, a place and a class before a bracketed name are no nicknames
    ("please add Coach Fitz (Ryan Fitzgerald) to the Athletics shared drive",
     "please add Coach Fitz ([name]) to the Athletics shared drive"),
    ("the new girl from Nepal (Sita Gurung) doesn't show up in my roster",
     "the new girl from Nepal ([name]) doesn't show up in my roster"),
    ("Grandma (Salote Havili) is picking up the device",
     "Grandma ([name]) is picking up the device"),
])
def test_only_a_nickname_goes_with_the_bracketed_name(text: str, expected: str) -> None:
    assert masked(text) == expected
