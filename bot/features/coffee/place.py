"""Where a Coffee series meets, as the coach wrote it for the cohort: every invitation and
reminder carries it, so what it says of a student is hidden (a red team's, stop 56, sent a
student's name and id to every teacher), but not what teachers need to get there: a join link,
a café's address, a dial-in number and its PIN (the same red team's, on the first fix, found
every Teams link broken and a café's address hidden)."""

from __future__ import annotations

import re

from bot.masking import Masked, cut, find_student_data, replaced

LIMIT = 512  # the column's width
# A link: with its scheme, or a site's name ending in a known domain ("meet.google.com/abc");
# not an address or logins before a slash ("jaden.martinez@students.district.org/Welcome1",
# "jaden.martinez/sofia.ramirez": a red team's, stop 56).
URL = re.compile(r"(?:https?://|www\.)\S+|(?<![\w@.-])[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|"
                 r"gov|us|io|co|me|app|ly|gl|tv|link)/[^\s@]*(?![^\s]*@)")
# A place's numbers and streets are how to join and where to go; its people are someone's.
HOW_TO_GET_THERE = {"phone", "address", "id number"}


def masked_place(typed: str) -> Masked:
    """The place with the names, emails, logins and birthdays in it hidden (links left whole),
    cut to fit at a word's end."""
    links = [url.span() for url in URL.finditer(typed)]
    spans = [s for s in find_student_data(typed) if s.kind not in HOW_TO_GET_THERE
             and not any(start < s.end and s.start < end for start, end in links)]
    return cut(replaced(typed, spans), LIMIT)
