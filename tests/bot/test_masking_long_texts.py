"""A long text is masked a piece at a time, so that one hostile message cannot hold the bot
for seconds (bench/masking.py --hostile measures it); the pieces lose nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.masking import (
    PIECE,
    Masked,
    mask_student_data,
    mask_within,
    pieces_of,
    privacy_note,
)
from tests.bot.test_masking import TODAY

ORDINARY = "The projector in room 12 shows no signal after the bell rings. "


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(st.text(alphabet=st.sampled_from(list("ab .\n")), min_size=0, max_size=3 * PIECE))
def test_the_pieces_are_the_text_cut_and_none_is_longer_than_a_piece(text: str) -> None:
    pieces = pieces_of(text)
    assert "".join(pieces) == text
    assert all(0 < len(piece) <= PIECE for piece in pieces)


def test_a_piece_ends_at_a_line_or_a_sentence_when_one_is_near() -> None:
    text = ORDINARY * 70 + "\n" + ORDINARY * 70
    first = pieces_of(text)[0]
    assert first.endswith((". ", "\n"))


def test_students_in_every_piece_of_a_long_text_are_hidden_and_counted() -> None:
    text = (ORDINARY * 60 + "my student Maya Chen lost her badge. " + ORDINARY * 60
            + "Call her mom at 612-555-0147. " + ORDINARY * 60 + "Jaylen Brooks too.")
    masked = mask_student_data(text, today=TODAY)

    assert len(text) > 2 * PIECE
    assert "Maya" not in masked.text and "0147" not in masked.text
    assert "Jaylen" not in masked.text
    assert masked.kinds == ("name", "phone", "name")
    assert privacy_note(masked).startswith("To protect student privacy I hid 2 names")
    # outside what was hidden, nothing changed
    assert masked.text.replace("[name]", "").replace("[phone]", "") == text.replace(
        "Maya Chen", "").replace("612-555-0147", "").replace("Jaylen Brooks", "")


FILLER = "the projector keeps flickering and the cart is slow and " * 100


def split_at_the_cut(said: str, before: str) -> str:
    """A long sentence whose piece is cut inside `said`, just after `before`."""
    start = FILLER[:PIECE - 2 - len(before)]
    return start + " " + said + " does not work on the cafeteria kiosk"


def test_an_identifier_a_piece_cut_falls_inside_is_still_hidden() -> None:
    # A red team's (stop 47): the cut fell between "lunch PIN" and its number, so neither
    # piece held both, and the number went through in a coach's reply to the teachers.
    text = split_at_the_cut("my student's lunch PIN 8030", "my student's lunch PIN")
    assert pieces_of(text)[0].endswith("lunch PIN ")
    masked = mask_student_data(text, today=TODAY)
    assert "8030" not in masked.text and masked.kinds == ("id number",)
    assert masked.text.replace("[id number]", "8030") == text


def test_a_name_across_a_cut_is_hidden_whole_once() -> None:
    text = split_at_the_cut("my student Maya Chen", "my student Maya")
    masked = mask_student_data(text, today=TODAY)
    assert "Maya" not in masked.text and "Chen" not in masked.text
    assert masked.text.count("[name]") == 1


def test_a_text_cut_to_fit_is_masked_first_and_never_keeps_part_of_an_identifier() -> None:
    # A red team's (stop 47): cut first, "call his mom at 555-867-5309" kept "555-867-5".
    text = "x " * 96 + "call his mom at 555-867-5309 about it"
    masked = mask_within(text, 220)
    assert "555" not in masked.text and "867" not in masked.text
    assert len(masked.text) <= 220 and masked.text.endswith("[phone]")
    assert mask_within("call his mom at 555-867-5309 about the laptop", 30).text == (
        "call his mom at [phone] about")
    assert mask_within("the cart is slow", 100).text == "the cart is slow"
    assert mask_within("x" * 500, 100).text == "x" * 100  # one long word is still cut


def test_a_text_cut_to_fit_is_read_whole_first_and_says_only_what_it_hid_in_what_is_kept(
        ) -> None:
    # A red team's on mask_within (stop 47): reading only the start left a surname that the
    # full name further on hides, and a "[name]" the teacher typed was counted as hidden.
    text = ("the cart is assigned to Brooks today. " + "the projector flickers again. " * 20
            + "my student Kayden Brooks broke it")
    assert mask_within(text, 40) == Masked("the cart is assigned to [name] today.", ("name",))
    typed = mask_within("I typed [name] myself and my student Maya Chen lost her badge", 20)
    assert typed == Masked("I typed [name]", ())
