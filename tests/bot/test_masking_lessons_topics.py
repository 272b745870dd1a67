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


@pytest.mark.parametrize(("text", "expected"), [
    ("My student Harriet Tubman can't find the quiz", "My student [name] can't find the quiz"),
    ("New student Harriet Tubman needs a login", "New student [name] needs a login"),
    ("His mom is Rosa Parks, she called about the laptop",
     "His mom is [name], she called about the laptop"),
    ("Harriet Tubman's mom called about the laptop", "[name]'s mom called about the laptop"),
    ("Harriet Tubman won't log in", "[name] won't log in"),
    ("Harriet Tubman (4th) lost her charger", "[name] (4th) lost her charger"),
    ("Harriet Tubman no puede entrar a Clever", "[name] no puede entrar a Clever"),
])
def test_a_students_cue_before_the_name_or_of_her_family_hides_it_too(
        text: str, expected: str) -> None:
    # red team PP's cues (stop 67), which the check after the name alone let through
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    "Smartboard in room 22 at Booker T. Washington won't do touch anymore",
    "The Rosa Parks video won't play on the Promethean",
    "Abraham Lincoln's Gettysburg Address slides won't load",
])
def test_what_a_lesson_or_a_school_named_for_someone_does_is_no_students_cue(text: str) -> None:
    assert masked(text) == text


def test_a_famous_name_inside_a_longer_name_is_no_topic() -> None:
    assert "Eleanor Roosevelt" not in masked("Please add Anna Eleanor Roosevelt to the roster")
