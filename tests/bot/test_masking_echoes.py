"""Masking, seventeenth round: what a text that already hides a student says of them again is
hidden too (every other mention of a name, the rest of a list of logins, a number with no cue
in a sentence naming them); a text that hid nothing is never touched by any of it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.masking import found_by_rules
from bot.masking.accounts import listed_logins
from bot.masking.echoes import echoed
from bot.masking.numbers import beside_names
from tests.bot.test_masking import TODAY, masked


@pytest.mark.parametrize(("text", "expected"), [
    # the same name again, in another case, before or after the whole name
    ("the report for destiny and cotton is empty. Destiny Chuculate and Cotton Sixkiller",
     "the report for [name] and [name] is empty. [name] and [name]"),
    ("merged sections and now tj ellsworth has two of everything. TJ is in both lists",
     "merged sections and now [name] has two of everything. [name] is in both lists"),
    # a name part of a login or an email the text hid
    ("mom says destiny's brother is using her login. destiny.r.allen is hers.",
     "mom says [name]'s brother is using her login. [username] is hers."),
    # a surname misspelt, and the first name before a surname said again
    ("my 2nd grader Oskar Brzezinski is spelled Bzrezinski in Seesaw",
     "my 2nd grader [name] is spelled [name] in Seesaw"),
    ("Fort Moore family, the Penningtons — SSG Brian Pennington — moved",
     "Fort Moore family, the [name] — SSG [name] — moved"),
    # a whole name said again is hidden as one
    ("New hire: Keisha Morgan. Her personal email is keisha.m.morgan@outlook.com",
     "New hire: [name]. Her personal email is [email]"),
])
def test_every_mention_of_a_hidden_name_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("account not found for 3 of my kids: ava.lindgren, jkamara, and Sione Taufa.",
     "account not found for 3 of my kids: [username], [username], and [name]."),
    ("student logins sully.b and ajfrancois both fail at the Google screen",
     "student logins [username] and [username] both fail at the Google screen"),
    ("can't merge Mila's two accounts. mila.novak & milanovak2015. same kid.",
     "can't merge [name]'s two accounts. [username] & [username]. same kid."),
])
def test_the_rest_of_a_list_of_logins_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("login is lunch PIN + birth month - for Amelia Ford that'd be 4582 and 11.",
     "login is lunch PIN + birth month - for [name] that'd be [id number] and 11."),
    # a year, a room and a count stay
    ("Noah Bright forgot his, its 7734 i think, room 2204 since 2019, 1200 pages",
     "[name] forgot his, its [id number] i think, room 2204 since 2019, 1200 pages"),
])
def test_a_number_with_no_cue_beside_a_hidden_name_is_theirs(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a word used as a word, not said again as the name
    ("the river is near River Ashby.", "the river is near [name]."),
    ("Will Carter can't log in, will you reset it?", "[name] can't log in, will you reset it?"),
    # a vendor's address keeps its words, whoever else is hidden
    ("Contact: Ray Delgado, Ricoh, rdelgado@ricoh-usa.com",
     "Contact: [name], Ricoh, rdelgado@ricoh-usa.com"),
    # words of a list that are words, not logins
    ("student login jsmith2031 and the class code are on the board",
     "student login [username] and the class code are on the board"),
])
def test_words_that_only_look_alike_stay(text: str, expected: str) -> None:
    assert masked(text) == expected


def test_a_word_hidden_once_as_a_lone_name_is_still_a_word_in_lowercase() -> None:
    text = "Seraphina's mom called, Securly blocks everything. Mom's number 404-555-7781"
    assert masked(text).startswith("[name]'s mom called")


@pytest.mark.parametrize("text", [
    "Ask Ms. Rivera in the office; Rivera has the cart keys and rivera.m@district.org works.",
    "The Canon MF445 and canon ink order, plus hp.lj4050 and hp.lj4250 on the list.",
])
def test_a_text_that_hides_nothing_loses_nothing(text: str) -> None:
    assert masked(text) == text


@given(st.text(alphabet=st.sampled_from("abjkmnorstyz .,&/'0123456789AJT"), max_size=80))
def test_the_round_adds_nothing_to_a_text_that_hid_nothing(text: str) -> None:
    assert echoed(text, [], []) == []
    assert listed_logins(text, []) == []
    assert beside_names(text, []) == []


@given(st.text(alphabet=st.sampled_from("abjkmnorstyz .,&'0123456789AJT"), max_size=80))
def test_echoes_keep_every_span_they_were_given(text: str) -> None:
    spans = found_by_rules(text, TODAY)
    assert set(spans) <= set(echoed(text, spans, []))
