"""Colleagues the text lists as such: under a heading that says staff ("New staff onboarding
list: Tina Rollins (2nd grade), ..."), one a line under their job, in a list the writer is on
("Members: me, Jared Poulsen, ..."), or just before "They're the new hires"."""

from __future__ import annotations

import re

from bot.masking.spans import Span

# A list of names after a heading that says they are staff: "New staff onboarding list for
# Monday 8/5: Tina Rollins (2nd grade), Marcus Hale (PE)".
# Also a heading in the next sentence: "Our YMCA partner staff need guest accounts ...
# Names: Derrick Jones and Paula Soto", when no child is spoken of between.
STAFF_LIST = re.compile(r"\b(?:staff|employees?|new\s+hires?|faculty|colleagues|co-?workers|"
                        r"teachers|personnel|paras|aides|subs|substitutes|maestr[oa]s|personal|"
                        r"volunteers)\b(?:[^.:!?\n]{0,60}|(?:(?!\b(?:students?|kids?|child|"
                        r"children)\b)(?:[^:\n]|(?<=\d):(?=\d))){0,100}?[.!?]\s+(?:their\s+)?"
                        r"(?:names?|members?)):(?!\d)[^.!?\n]*", re.IGNORECASE)
# Staff listed one a line under a heading that names their job, no child spoken of in it:
# "Reminder for building test coordinators:\n- Lisa Vance (Eastview)\n- Omar Siddiqui".
STAFF_BULLETS = re.compile(r"\b(?:staff|faculty|colleagues|teachers|paras|aides|subs|"
                           r"coordinators|principals|counselors|secretaries|librarians|nurses|"
                           r"administrators|admins|specialists|interventionists|custodians|"
                           r"analysts|technicians|interns|proctors|mentors|hires)\b"
                           r"(?:(?!\b(?:students?|kids?|child|children|learners)\b)[^.:!?\n])"
                           r"{0,60}:[ \t]*\n(?:[ \t]*[-•*][^\n]*(?:\n|$))+", re.IGNORECASE)
# A list the writer is on is of colleagues: "Members: me, Jared Poulsen, Kim Tanner", or
# "Members: Sara Nguyen, Ahmed Omar, and me".
WRITER_LISTED = re.compile(r"\b(?:(?:members?|names?|attendees?|people|sponsors?|advisors?|"
                           r"chaperones?|proctors?)(?:\s*:\s*|\s+are\s+)(?:(?:me|myself)\s*"
                           r"(?:,|&|and\b)[^.!?\n]*|[^.!?\n]*?(?:,|&|\band\b)\s*"
                           r"(?:me|myself)\b))", re.IGNORECASE)
# The names just before it are colleagues: "Please add Priya Raman and Liam Costa to the
# drive. They're the new hires." (not "They're the new students").
THEY_ARE_STAFF = re.compile(r"\b[Tt]hey(?:['’]re|\s+are)\s+(?:the|our|my)\s+new\s+(?:hires?|"
                            r"teachers|staff|paras|subs|aides|employees|colleagues|co-?workers|"
                            r"counselors|secretaries|coaches|co-?teachers|mentors)\b")


# Said of a list just after it: "Yearbook staff: Trinity Adams, Owen Bishop, and me. They're
# juniors" (the yearbook's staff are students).
THEY_ARE_STUDENTS = re.compile(r"\W*(?:they|these|those|both|all)(?:['’]re|\s+are)\s+(?:all\s+)?"
                               r"(?:\w+\s+)?(?:students|kids|juniors|seniors|sophomores|"
                               r"freshm[ae]n|\d+(?:st|nd|rd|th)\s+graders)\b", re.IGNORECASE)


def sentence_before(text: str, at: int) -> int:
    """Where the sentence before the one starting at `at` starts."""
    ends = [m.end() for m in re.finditer(r"[.!?\n]\s*", text[:max(0, at - 2)])]
    return ends[-1] if ends else 0


def list_start(text: str, heading: re.Match[str]) -> int:
    """Where the names of a staff list begin: after its colon, or its heading's start."""
    colon = text.find(":", heading.start(), heading.end())
    return heading.start() if colon < 0 else colon


def staff_removed(text: str, found: list[Span]) -> list[Span]:
    """Names without those in a list after a heading that says it lists staff ("New staff
    onboarding list for Monday: Tina Rollins (2nd grade), Marcus Hale (PE)"): grown-ups."""
    lists = [(list_start(text, m), m.end()) for pattern in (
        STAFF_LIST, STAFF_BULLETS, WRITER_LISTED) for m in pattern.finditer(text)
        if not THEY_ARE_STUDENTS.match(text, m.end(), m.end() + 80)] if found else []
    lists += [(sentence_before(text, m.start()), m.start()) for m in
              THEY_ARE_STAFF.finditer(text)] if found else []
    return [s for s in found if not any(a < s.start and s.end <= b for a, b in lists)]
