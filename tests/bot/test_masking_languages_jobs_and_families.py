"""Languages and jobs that are also first names, and families named in the plural, as the
blind corpora 75 to 78 write them (read once scored at stop 61; docs/masking.md)."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import masked


@pytest.mark.parametrize("text", [
    # a language beside another that no one is named, or before what a language has
    "Zoom for parent-teacher conferences needs interpreter breakout rooms for Dari and Arabic.",
    "Can we get Dari and Pashto added in the TalkingPoints app?",
    "Dari fonts aren't rendering in the translated Chromebook handbook",
    "Could we get Dari added as an option in ParentSquare?",
    # a job in lowercase, before a cue that would make a name a student's
    "Hello, I'm a new aide in Mrs. Gillette's room and I don't have a Schoology login yet.",
    "our new part-time bilingual aide. She needs a k12 account as well.",
])
def test_a_language_or_a_job_that_is_also_a_name_stays(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    # two girls, both named like languages: "and" joins students as well as languages
    ("Karen and Dari both can't log in", "[name] and [name] both can't log in"),
    ("Dari can't log in to Lexia", "[name] can't log in to Lexia"),
    # a family doing what families do, whatever its name
    ("The Larsens called, McKenna's iPad got wet over the weekend.",
     "The [name] called, [name]'s iPad got wet over the weekend."),
    ("The Kims (Hyun-woo's parents) want the form emailed",
     "The [name] ([name]'s parents) want the form emailed"),
    # two lowercase words no list knows, with a grade
    ("mursal noori 5th gr, chromebook asset tag TF-22871 wont charge",
     "[name] 5th gr, chromebook asset tag TF-22871 wont charge"),
])
def test_students_and_families_are_still_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    "The Packers won again, the cart is fine",
    "the esol kids need headsets in the library",
])
def test_teams_and_programmes_are_no_families(text: str) -> None:
    assert masked(text) == text
