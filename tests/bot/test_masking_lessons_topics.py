"""People a class studies are a lesson's topic, not students (data/famous.txt), unless what
follows the name is said of a child, or the name is part of a longer one. Stop 67 also tried a
longer list (about 1,600 more names, written blind); red team PP got eight students through
it (test_masking_stop67_attacked.py), so it was taken back out."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import masked


@pytest.mark.parametrize("text", [
    "the Harriet Tubman unit site is blocked",
    "I'm doing a unit on Langston Hughes and the Poetry Foundation site is blocked",
    "We're reading Prince Caspian in 5th grade, can I get the audiobook on Sora?",
    "Our world history slides on Prince Albert and Queen Victoria won't open.",
])
def test_a_lessons_topic_comes_through(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("Harriet Tubman can't log in, she's in my 3rd period",
     "[name] can't log in, she's in my 3rd period"),
    ("Harriet Tubman's Chromebook is cracked", "[name]'s Chromebook is cracked"),
    ("Harriet Tubman (3rd period) needs a charger", "[name] (3rd period) needs a charger"),
    ("Harriet Tubman, student ID 20456, is locked out",
     "[name], student ID [id number], is locked out"),
    ("Harriet Tubman forgot her password again", "[name] forgot her password again"),
])
def test_a_student_sharing_a_famous_name_is_hidden_by_what_is_said_of_her(
        text: str, expected: str) -> None:
    assert masked(text) == expected


def test_a_famous_name_inside_a_longer_name_is_no_topic() -> None:
    assert "Eleanor Roosevelt" not in masked("Please add Anna Eleanor Roosevelt to the roster")
