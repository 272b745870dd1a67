"""A long text is masked a piece at a time, so that one hostile message cannot hold the bot
for seconds (bench/masking.py --hostile measures it); the pieces lose nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.masking import PIECE, mask_student_data, pieces_of, privacy_note
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
