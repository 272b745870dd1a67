"""People a class studies are a lesson's topic, not students: stop 67's longer list (written
by a helper who saw no code and no corpus) keeps them, and a student who shares such a name
is hidden where what follows the name is said of a child."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import masked


@pytest.mark.parametrize("text", [
    "We're starting our My Ántonia unit (Willa Cather) and the archive site is blocked.",
    "I'm teaching about William Jennings Bryan and the Cross of Gold speech, audio cuts out",
    "My Arabic 2 class needs it for the Naomi Shihab Nye bilingual poem project.",
    "Can the Era Bell Thompson reading be unblocked on Lightspeed?",
    "I'm doing a unit on Langston Hughes and Paul Laurence Dunbar, the site is blocked",
    # the longer list's names beside the old list's
    "the Harriet Tubman unit site is blocked",
    "We're reading Prince Caspian in 5th grade, can I get the audiobook on Sora?",
])
def test_a_lessons_topic_comes_through(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("Willa Cather can't log in, she's in my 3rd period",
     "[name] can't log in, she's in my 3rd period"),
    ("Willa Cather's Chromebook is cracked", "[name]'s Chromebook is cracked"),
    ("Willa Cather (3rd period) needs a charger", "[name] (3rd period) needs a charger"),
    ("Willa Cather, student ID 20456, is locked out",
     "[name], student ID [id number], is locked out"),
    ("Harriet Tubman forgot her password again", "[name] forgot her password again"),
])
def test_a_student_sharing_a_famous_name_is_hidden_by_what_is_said_of_her(
        text: str, expected: str) -> None:
    assert masked(text) == expected


def test_a_famous_name_inside_a_longer_name_is_no_topic() -> None:
    # "standing bear" is the chief's; "Lincoln Standing Bear" three names together
    assert "Standing Bear" not in masked("Lincoln Standing Bear can't find his Chromebook")
