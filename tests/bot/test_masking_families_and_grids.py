"""What the stop-59 round added (docs/masking.md): a house on a city's grid, a family's name
typed in lowercase before its children, a roster's "last, first" typed in lowercase, a parent
named in a bracket or after a title, and a junior high named "Kennedy Jr". Each example is
written here, not taken from a corpus; the corpora's figures are in test_masking_heldout.py."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import masked


@pytest.mark.parametrize(("text", "expected"), [
    # a house on Salt Lake's grid, with its unit and town
    ("new address is 3542 S 4400 W, West Valley. Can you update Skyward",
     "new address is [address]. Can you update Skyward"),
    ("address is 2855 S 3600 W Apt 14 if they need to mail it",
     "address is [address] if they need to mail it"),
    ("they live at 1420 East 3300 South now", "they live at [address] now"),
])
def test_a_house_on_a_city_grid_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    "room 204 N hall printer is jammed",
    "the 2023 S 1 W pilot report",
])
def test_a_room_or_a_year_is_no_grid_address(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("tuilagi twins both locked out", "[name] twins both locked out"),
    ("tuilagi sisters both locked out", "[name] sisters both locked out"),
    ("garcia family needs a hotspot", "[name] family needs a hotspot"),
])
def test_a_familys_name_typed_lowercase_before_its_children_is_hidden(
        text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    "the 5th grade boys keep unplugging the cart",
    "sped kids need ipads",
    "little kids can't reach the outlets",
    "roblox kids are on the wifi again",
    "ipad kids in k-2 need cases",
    "lexia kids are done for the day",
    # a town's children and teams: "kids", "boys" and "girls" are taken capitalised only
    # ("the Benitez boys"), since "benitez boys" reads as "herriman boys" (a red team's)
    "herriman boys basketball needs the scoreboard laptop",
    "kearns kids need new chromebooks",
    "magna family night is thursday, can we borrow the projector",
])
def test_a_word_an_app_or_a_town_before_kids_is_no_family(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("canvas says enrollment pending for huamani, kevin",
     "canvas says enrollment pending for [name]"),
    ("ramirez, e - chromebook #5530 - screen flickering",
     "[name] - chromebook #5530 - screen flickering"),
    ("Garcia, J: ipad cracked", "[name]: ipad cracked"),
])
def test_a_rosters_last_first_typed_lowercase_or_with_an_initial_is_hidden(
        text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    "installed kahoot, kevin said it works",
    "okay, e - done",
    "Version, E - ok",
    "Thanks, A",
])
def test_a_word_before_a_comma_is_no_roster(text: str) -> None:
    assert "[name]" not in masked(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("new phone for the family is 801-972-3318 (mom Kalolaine). can you update it",
     "new phone for the family is [phone] (mom [name]). can you update it"),
    ("(dad Tevita Latu) called about the app", "(dad [name]) called about the app"),
    ("Mom: Lan Tran", "Mom: [name]"),
    ("Mrs. Nakai called (Kayla's mom), says the chromebook is hot",
     "[name] called ([name]'s mom), says the chromebook is hot"),
    ("mrs nakai called (Kayla's mom)", "[name] called ([name]'s mom)"),
])
def test_a_parent_named_in_a_bracket_or_by_title_beside_her_child_is_hidden(
        text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    "(mom said ok)",
    "(mom already knows)",
    "(mom Spanish speaker)",
    "(mom Canvas login)",
    "(dad Apple ID)",
    "Mrs. Nakai called, the printer is down",
    "mrs nakai, parent liaison",
])
def test_what_a_parent_said_or_a_teacher_called_about_is_kept(text: str) -> None:
    assert masked(text) == text


def test_a_streaming_stick_is_kept() -> None:
    text = "Need help hooking up the new Chromecast in Mr. Ashby's room"
    assert masked(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("Marcus Bell Jr needs a charger", "[name] needs a charger"),
    ("sitting with Kennedy Jr in 3rd period", "sitting with [name] in 3rd period"),
    # a junior high named "Kennedy Jr", as Utah writes it, is hidden too: "he got mad at
    # Marcus Jr" reads the same (a second red team's, stop 59)
    ("promethean in room 214 at Kennedy Jr wont pick up hdmi",
     "promethean in room 214 at [name] wont pick up hdmi"),
])
def test_a_student_who_is_a_junior_is_hidden_and_a_junior_high_with_him(
        text: str, expected: str) -> None:
    assert masked(text) == expected
