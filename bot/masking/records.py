"""Rows pasted from a spreadsheet or an export ("720020551,Vang,Txhiaj,11/02/2008"): in a row
of comma- or tab-separated fields that holds a student's id or date of birth, every field
made only of letters is a name, known to a list or not."""

from __future__ import annotations

import re

from bot.masking.spans import Span

# Exports put no space after their commas; a sentence does ("Linda, ID 448812, needs a loaner").
ROW = re.compile(r"^[^\n,\t]*(?:(?:,(?![ ])|\t)[^\n,\t]*){2,}$", re.MULTILINE)
FIELD = re.compile(r"[^,\t\n]+")
LETTERS = re.compile(r"[^\W\d_]+(?:['’ -][^\W\d_]+){0,2}")
STUDENTS = {"id number", "date of birth"}


def record_names(text: str, taken: list[Span]) -> list[Span]:
    """The fields of letters in rows that also hold an id or a date of birth."""
    if "," not in text and "\t" not in text:
        return []
    found = []
    for row in ROW.finditer(text):
        if not any(s.kind in STUDENTS and row.start() <= s.start and s.end <= row.end()
                   for s in taken):
            continue
        for field in FIELD.finditer(text, row.start(), row.end()):
            value = field.group().strip()
            if value and LETTERS.fullmatch(value):
                at = field.start() + field.group().index(value)
                found.append(Span(at, at + len(value), "name"))
    return found
