"""Students named by words no list knows, found by what the sentence says they do, and a
family that needs another language (the blind corpora 67 to 74, read once scored at stop 60;
rules of stop 61, docs/masking.md). What grown-ups, apps and programmes do stays."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import masked


@pytest.mark.parametrize(("text", "expected"), [
    # SHOUTED or lowercase, opening the sentence, doing what a child does
    ("BISHOY keeps changing his background to a football pic",
     "[name] keeps changing his background to a football pic"),
    ("kirollos cant log into schoology again says invalid credentials",
     "[name] cant log into schoology again says invalid credentials"),
    ("pavly keeps opening like 20 tabs and freezing his chromebook",
     "[name] keeps opening like 20 tabs and freezing his chromebook"),
    ("tupou broke another charger, third one this year",
     "[name] broke another charger, third one this year"),
    # a word no list has, capitalised, keeping at his or her own things
    ("Plamedi keeps changing her background", "[name] keeps changing her background"),
    # where only staff should be
    ("tesfay got into the teacher view on Kahoot somehow??",
     "[name] got into the teacher view on Kahoot somehow??"),
    # a family by its name in lowercase, before its children
    ("the quishpe kids share one ipad at home", "the [name] kids share one ipad at home"),
    ("the tenesaca boy in 601 lost his charger", "the [name] boy in 601 lost his charger"),
])
def test_a_child_is_known_by_what_they_do(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    "Wixie keeps deleting her project",  # an app's doing
    "wixie keeps crashing on her ipad",
    "STAAR keeps kicking her out",
    "deb said to tell you the office fax is doing the thing again",  # grown-ups say, too
    "ms. lopez asked me to print the overdue list",  # a title before
    "grandma said she'd drop one off",  # a family word is no name
    "the esol kids need headsets in the library",  # a programme's kids
    "the sped kids need headsets",
])
def test_what_apps_grown_ups_and_programmes_do_stays(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("pls call Mrs. Aminov at 929-555-0168 re: the device, she speaks Russian only so may "
     "need the language line",
     "pls call [name] at [phone] re: the device, she speaks Russian only so may need the "
     "language line"),
    ("Please call Mrs. Gurung at 303-344-0971 re: Chromebook fee. She prefers Nepali, use the "
     "language line.",
     "Please call [name] at [phone] re: Chromebook fee. She prefers Nepali, use the language "
     "line."),
])
def test_a_titled_grown_up_who_needs_another_language_is_a_family(
        text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    # an interpreter speaks a language; a colleague prefers an app; a teacher needs an
    # interpreter for a family
    "Call Ms. Hassan at 207-555-0144, she speaks Somali and can interpret for the meeting",
    "call Ms. Lee at 206-555-0188, she prefers Teams",
    "Mrs. Ali (207) 555-0101 needs an interpreter for conferences",
])
def test_a_colleague_with_a_language_or_an_app_is_kept(text: str) -> None:
    assert masked(text) == text
