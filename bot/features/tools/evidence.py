"""A checklist point's evidence link: one web address, refused when it carries a student.

A link that holds a student's details is refused, not masked: a masked link leads nowhere (a
red team's, stop 49, stored a student's name, id and birth date after "https://"). What is
read is the link's path and query, never its host ("eric.ed.gov" names no Eric), and a
number counts only right after a word for a student ("students/4412345", "?dob="): a study's,
a DOI's or a district's number alone ("Study/89512", "?id=EJ1234567") is no student's.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from bot.errors import BadInput
from bot.i18n import _
from bot.masking import mask_student_data

NUMBERS = {"id number", "username"}  # what the masker takes a DOI's or a study's number for
# A value right after a word for a student: "students/4412345", "child/…", "?student=Jaden".
STUDENT_VALUE = re.compile(r"\b(?:students?|stu|pupils?|learners?|child(?:ren)?|kids?|"
                           r"alumn[oa]s?|estudiantes?|dob|birth\w*)(?:/|=)[^/?&#\s]+",
                           re.IGNORECASE)


def evidence_link(text: str) -> str:
    """An evidence link as given: one web address, or nothing (a BadInput says why not)."""
    link = text.strip()
    if link and (not link.lower().startswith(("https://", "http://")) or len(link.split()) > 1
                 or len(link) > 500):
        raise BadInput(_("That isn't a web address: an evidence link is one address that "
                         "starts with https://, with no spaces."))
    if link and _names_a_student(link):
        raise BadInput(_("That evidence link seems to hold a student's details ({what}). "
                         "Link to the vendor's or the study's page instead.").format(
                             what=mask_student_data(_as_words(link)).text))
    return link


def _as_words(link: str) -> str:
    """A link's path, query and fragment as words, so the masker reads them as it would a
    text ("students jaden smith"); the host is left out."""
    parts = urlsplit(unquote(link))
    words = re.split(r"[/?#&=+_.:%-]+", f"{parts.path} {parts.query} {parts.fragment}")
    return " ".join(" ".join(words).split())


def _names_a_student(link: str) -> bool:
    """Whether a link holds a student's name or contact, or a value after a word for one."""
    kinds = set(mask_student_data(_as_words(link)).kinds)
    return bool(kinds - NUMBERS) or bool(STUDENT_VALUE.search(unquote(link)))
