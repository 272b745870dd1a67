"""A red team's (AU, stop 59) on the round's masking rules (2feb557): each case is a text a
school's staff really type. Every case failed on 2feb557; each states what holds now.

Promises (docs/privacy.md, docs/masking.md): a student's identifier (her name, her family's
name, her parents' names, her home address) is hidden before a text leaves the bot; ordinary
tech-support text with no student in it is passed on as written."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import masked


# Promise: a family's home address is hidden. The grid rule is case-sensitive and knows only
# N/S/E/W and the spelled-out words, so the same house typed in lowercase, with Utah's "So."
# or as "13th East" passes through whole (even after "live at").
@pytest.mark.parametrize(("text", "expected"), [
    ("address changed to 4432 s 4000 w", "address changed to [address]"),
    ("they now live at 1420 east 3300 south", "they now live at [address]"),
    ("new address is 1450 W. 3300 So. Apt 4", "new address is [address]"),
    ("his address is 945 S. 13th East", "his address is [address]"),
])
def test_a_house_on_a_city_grid_as_staff_type_it_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


# Promise: a student's family name is hidden. "twins" is taken after a name no list has, but
# "sisters" and "brothers", which only a family has too, are not.
@pytest.mark.parametrize(("text", "expected"), [
    ("tuilagi sisters both locked out", "[name] sisters both locked out"),
    ("tuilagi brothers need hotspots", "[name] brothers need hotspots"),
])
def test_a_familys_lowercase_name_before_sisters_or_brothers_is_hidden(
        text: str, expected: str) -> None:
    assert masked(text) == expected


# Promise: a student's name is hidden, a roster's "Last, First" too. "Maria" scores below a
# plain first name, so the roster rules never fire on it; a second student after "and" turns
# the "for" rule off ("a list"); a numbered line is no line start; an initial may only be
# followed by "-", ":", "|" or the line's end; and "for" never takes an initial.
@pytest.mark.parametrize(("text", "expected"), [
    ("Garcia, Maria - chromebook cracked", "[name] - chromebook cracked"),
    ("enrollment pending for garcia, maria", "enrollment pending for [name]"),
    ("reset pw for huamani, kevin and tsosie, ashley", "reset pw for [name] and [name]"),
    ("1. Tsosie, K - no audio", "1. [name] - no audio"),
    ("Tsosie, K (gr 3) - no audio", "[name] (gr 3) - no audio"),
    ("reset pw for huamani, k", "reset pw for [name]"),
])
def test_a_rosters_last_first_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


# Promise: a student's parent's name is hidden (it names the student's family). The bracket
# rule takes "(mom Kalolaine)" but not the same typed in lowercase, an aunt, Spanish's
# "mamá"/"abuela", or the name first; the title rule takes "called" but not "called again",
# "called today", "left a voicemail" or "came by".
@pytest.mark.parametrize(("text", "expected"), [
    ("new phone is 801-972-3318 (mom kalolaine)", "new phone is [phone] (mom [name])"),
    ("new phone is 801-972-3318 (aunt Kalolaine)", "new phone is [phone] (aunt [name])"),
    ("nuevo teléfono 801-972-3318 (mamá Kalolaine)", "nuevo teléfono [phone] (mamá [name])"),
    ("nuevo teléfono 801-972-3318 (abuela Kalolaine)",
     "nuevo teléfono [phone] (abuela [name])"),
    ("new phone is 801-972-3318 (Kalolaine, mom)", "new phone is [phone] ([name], mom)"),
    ("Mrs. Nakai called again (Kayla's mom)", "[name] called again ([name]'s mom)"),
    ("Mrs. Nakai called today (Kayla's mom)", "[name] called today ([name]'s mom)"),
    ("Mrs. Nakai left a voicemail (Kayla's mom)", "[name] left a voicemail ([name]'s mom)"),
    ("Mrs. Nakai came by (Kayla's mom)", "[name] came by ([name]'s mom)"),
])
def test_a_parent_named_beside_her_family_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


# Promise: a student's name is hidden. A regression of 2feb557: "at Kennedy Jr" is kept as a
# junior high, and so now is a student who is a junior in the possessive ("at Marcus Jr's
# house"), hidden before the commit.
@pytest.mark.parametrize(("text", "expected"), [
    ("left his ipad at Marcus Jr's house", "left his ipad at [name]'s house"),
    ("the charger at Marcus Jr's desk is gone", "the charger at [name]'s desk is gone"),
])
def test_a_student_who_is_a_junior_in_the_possessive_is_still_hidden(
        text: str, expected: str) -> None:
    assert masked(text) == expected


# Promise: ordinary text is passed on as written. Salt Lake and Granite's towns and high
# schools typed in lowercase before "kids" are taken for a family's name (new in 2feb557), as
# is National Geographic Kids ("nat geo kids").
@pytest.mark.parametrize("text", [
    "kearns kids need new chromebooks",
    "magna kids need hotspots",
    "herriman kids are testing in our library today, can we borrow the cart",
    "olympus kids need hotspots",
    "nat geo kids is blocked on the chromebooks",
])
def test_a_town_school_or_site_before_kids_is_kept(text: str) -> None:
    assert masked(text) == text


# Promise: ordinary text is passed on as written. A teacher who "emailed"/"called" about
# parents in general is now hidden as a parent (new in 2feb557): the helpdesk loses who to
# answer.
@pytest.mark.parametrize("text", [
    "Mr. Ashby emailed - parents can't log into Skyward",
    "Mrs. Nakai called, parents are getting the robocall twice",
    "Ms. Tran texted, dad can't get the chromebook to charge",
    "Mrs. Nakai stopped by, parents can't get on the guest wifi",
])
def test_a_teacher_reporting_about_parents_is_kept(text: str) -> None:
    assert masked(text) == text


# Promise: ordinary text is passed on as written. A parent's language in a bracket or after
# a label is taken for her name (new in 2feb557), where "(mom Spanish speaker)" is kept: Dari
# and Karen are languages of Salt Lake's refugee families.
@pytest.mark.parametrize("text", [
    "(mom Dari speaker)",
    "(mom Karen speaker, needs interpreter)",
    "Mom: Karen speaker, needs interpreter",
])
def test_a_parents_language_is_kept(text: str) -> None:
    assert masked(text) == text


# Promise: ordinary text is passed on as written. A school's name typed in lowercase after
# "for", then a colleague addressed by her first name, is now hidden whole as a roster's
# "last, first" (new in 2feb557; the school survived before).
@pytest.mark.parametrize("text", [
    "is the cart for olympus, kevin?",
])
def test_a_school_after_for_then_a_colleague_is_no_roster(text: str) -> None:
    assert "olympus" in masked(text)
