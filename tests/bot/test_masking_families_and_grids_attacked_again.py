"""Red team (round 59b) on masking's newest rules and their fixes (2feb557..3f84fc9).

Every case fails on 3f84fc9; each states what should hold. Promises (docs/privacy.md,
docs/masking.md): a student's identifier (her name, her family's name, her parents' names)
is hidden before a text leaves the bot; ordinary tech-support text with no student in it is
passed on as written."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import masked


# Promise: a roster's "last, first" is hidden (bot/masking/rosters.py: where a line starts or
# after "for", and those listed after it). Only "and" carries the list on, so a roster
# separated by ";" hides only its first surname; a middle initial after the first name
# ends no entry, so the surname stays; after "students:" the second surname stays.
@pytest.mark.parametrize(("text", "expected"), [
    ("chromebooks for huamani, kevin; tsosie, ashley; begay, kayla",
     "chromebooks for [name]; [name]; [name]"),
    ("huamani, kevin j - no audio", "[name] - no audio"),
    ("tsosie, ashley m. - cracked screen", "[name] - cracked screen"),
    ("students: huamani, kevin and tsosie, ashley", "students: [name] and [name]"),
])
def test_a_rosters_last_first_is_hidden_in_every_usual_layout(text: str, expected: str) -> None:
    assert masked(text) == expected


# Promise: a student's parent's name is hidden. The bracket rule knows "mom", "aunt",
# "grandma" but not "grandmother" or "step mom" (KIN has both); the name-first rule wants the
# family word right after the comma, so "(Kalolaine, her mom)" and "(Kalolaine, mom's cell)"
# keep her name, even capitalised.
@pytest.mark.parametrize(("text", "expected"), [
    ("new phone is 801-972-3318 (grandmother kalolaine)",
     "new phone is [phone] (grandmother [name])"),
    ("new phone is 801-972-3318 (step mom kalolaine)",
     "new phone is [phone] (step mom [name])"),
    ("new phone is 801-972-3318 (Kalolaine, her mom)",
     "new phone is [phone] ([name], her mom)"),
    ("new phone is 801-972-3318 (Kalolaine, mom's cell)",
     "new phone is [phone] ([name], mom's cell)"),
    ("new phone is 801-972-3318 (Kalolaine - Kayla's mom)",
     "new phone is [phone] ([name] - [name]'s mom)"),
    ("Kalolaine (mom) called about the hotspot", "[name] (mom) called about the hotspot"),
])
def test_a_parent_named_in_a_bracket_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


# Promise: a student's parent's name is hidden. The round's "parent's language" exception
# (LANGUAGE_AFTER) takes "only" for a language's word, so a parent's name followed by "only
# speaks ..." is kept whole.
@pytest.mark.parametrize(("text", "expected"), [
    ("(mom Kalolaine only speaks Tongan)", "(mom [name] only speaks Tongan)"),
])
def test_a_parent_who_only_speaks_a_language_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


# Promise: a student's parent's name is hidden. The titled parent with "(Kayla's mom)" after
# what she did is found only when one to four plain words come between; five, or "re:",
# keep "Mrs. Nakai".
@pytest.mark.parametrize(("text", "expected"), [
    ("Mrs. Nakai left a voicemail this morning (Kayla's mom)",
     "[name] left a voicemail this morning ([name]'s mom)"),
    ("Mrs. Nakai called back about the hotspot (Kayla's mom)",
     "[name] called back about the hotspot ([name]'s mom)"),
    ("Mrs. Nakai called re: hotspot (Kayla's mom)",
     "[name] called re: hotspot ([name]'s mom)"),
    ("Mrs. Nakai called, she can't log into Skyward (Kayla's mom)",
     "[name] called, she can't log into Skyward ([name]'s mom)"),
])
def test_a_titled_parent_after_what_she_did_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


# Promise: a student's family name is hidden. "garcia family needs a hotspot" is hidden, but
# the same typed with its capital, where a sentence starts without "the", is kept (with no
# colleague known at all).
@pytest.mark.parametrize(("text", "expected"), [
    ("Garcia family needs a hotspot", "[name] family needs a hotspot"),
    ("Yazzie family needs a hotspot", "[name] family needs a hotspot"),
])
def test_a_familys_name_opening_a_sentence_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


# Promise: a family of students is hidden though a colleague shares its name (stop 59: "the
# Tso family"). Only "the " before it counts, so the round's own lowercase rule ("garcia
# family needs a hotspot") lets the family through once a colleague is named Garcia.
@pytest.mark.usefixtures("colleagues_one_word")
@pytest.mark.parametrize(("text", "expected"), [
    ("garcia family needs a hotspot", "[name] family needs a hotspot"),
    ("tso family needs a hotspot", "[name] family needs a hotspot"),
])
def test_a_family_sharing_a_colleagues_name_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


# Promise: ordinary text is passed on as written. The lowercase family rule excludes "family
# night" but not a PTO's or PTA's other family events, nor the Kratt brothers (Wild Kratts).
# New in 2feb557/3f84fc9: each was kept at 387fcea.
@pytest.mark.parametrize("text", [
    "pto family movie night sign up form broken",
    "pto family survey link is broken",
    "pta family bingo night slides won't project",
    "the kratt brothers videos are blocked on youtube",
])
def test_a_schools_family_event_or_a_show_is_kept(text: str) -> None:
    assert masked(text) == text


# Promise: ordinary text is passed on as written (a greeting and the colleague it greets are
# kept). A greeting the roster rule's GREETINGS lacks, at a line's start, is taken for a
# roster's surname and hidden with the name (new in 3f84fc9); "Mahalo, Kevin" was kept whole
# at 387fcea, the others kept their greeting. Likewise a school after "for" then a colleague
# addressed by name, ending in "." (the "?" of the earlier fix is the only exception).
@pytest.mark.parametrize(("text", "expected"), [
    ("Mahalo, Kevin - the cart is fixed", "Mahalo, Kevin - the cart is fixed"),
    ("Aloha, Keoni - the projector in 204 is fixed",
     "Aloha, [name] - the projector in 204 is fixed"),
    ("Ciao, Marco - see you at PD", "Ciao, [name] - see you at PD"),
    ("Namaste, Priya - thanks for the help", "Namaste, [name] - thanks for the help"),
    ("here's the link for olympus, kevin.", "here's the link for olympus, [name]."),
    ("loaners for kearns, hunter and granger", "loaners for kearns, [name] and [name]"),
])
def test_a_greeting_or_a_school_before_a_name_is_no_roster(text: str, expected: str) -> None:
    assert masked(text) == expected


# Promise: a student's name is hidden. The round keeps "at Kennedy Jr" (a junior high), and
# the earlier fix hid "at Marcus Jr's house"; but a student who is a junior after "at" with no
# possessive is now kept, where 387fcea hid him.
@pytest.mark.parametrize(("text", "expected"), [
    ("he got mad at Marcus Jr and threw the chromebook",
     "he got mad at [name] and threw the chromebook"),
    ("she threw her ipad at DeShawn Jr in class", "she threw her ipad at [name] in class"),
    ("Jaylen was yelling at Marcus Jr during testing",
     "[name] was yelling at [name] during testing"),
])
def test_a_student_who_is_a_junior_after_at_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


# Promise: a student's parent's name is hidden. "(mom Kalolaine)" and "Mom: Lan Tran" are
# hidden now, but the same parent named after "Mom" with no bracket or colon is kept.
@pytest.mark.parametrize(("text", "expected"), [
    # "Mom" opening the sentence goes with the name, as a run of capitalised words does
    ("Mom Kalolaine called about the hotspot", "[name] called about the hotspot"),
    ("mom Mai called about the hotspot", "mom [name] called about the hotspot"),
    ("Mom: Mai only speaks Vietnamese", "Mom: [name] only speaks Vietnamese"),
])
def test_a_parent_named_after_mom_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected
