"""An erased person's marks are found, and taken out, only where they are theirs: their full
name and whole texts of theirs, as whole words, never a short word others also write."""

from __future__ import annotations

import pytest

from bot.traces import Traces

QUESTION = "the cart chromebooks will not charge overnight"


@pytest.mark.parametrize("text", [
    "Reseat every charging cable",  # "Eve" inside "every"
    "Eve Adams has the cart key",  # a one-word name is in too many texts to mean her
    "Admin console > Users > Reset password",  # a one-word question of hers
    "Ms Riveras are on the list",  # her name as part of another word
    "the cart chromebooks will not charge",  # part of her text, not all of it
])
def test_what_others_wrote_is_never_taken_for_hers(text: str) -> None:
    traces = Traces({"Eve", "Ms Rivera"}, {"password", QUESTION})
    assert not traces.found_in(text)
    assert traces.taken_out(text, "[gone]") == text


def test_her_full_name_and_whole_text_are_found_in_any_case_and_taken_out() -> None:
    traces = Traces({"Ms Rivera", ""}, {QUESTION})
    card = "Ticket #3: The cart Chromebooks will not charge overnight. Requested by MS RIVERA"
    assert traces.found_in(card)
    assert traces.taken_out(card, "[gone]") == "Ticket #3: [gone]. Requested by [gone]"


def test_no_marks_find_nothing() -> None:
    traces = Traces({"Eve", ""}, {"wifi", ""})
    assert not traces.found_in("Eve says the wifi is down")


def test_her_text_is_found_with_its_lines_folded_or_spaced_otherwise() -> None:
    traces = Traces(set(), {"the cart chromebooks\nwill not charge overnight"})
    assert traces.found_in(f"Draft: {QUESTION}")
    assert traces.found_in("the cart  chromebooks will\tnot charge overnight")


def test_only_a_long_beginning_of_her_text_is_taken_for_a_cut_copy() -> None:
    long = "the cart chromebooks will not charge overnight and " * 4
    traces = Traces(set(), {long + "the kids lose their work"})
    cut = long[:150]
    assert traces.opens(cut)  # a title cut short
    assert traces.opens(cut.upper().replace(" ", "  "))
    # A red team's (stop 47): a colleague's short title that starts like her question.
    assert not traces.opens("the cart chromebooks will not charge overnight")
    assert not traces.opens(long[:100] + " at all")  # not her text
