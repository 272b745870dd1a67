"""Signatures: the name that closes a message as its writer's ("Thanks,\nPriya Raman\nData
Analyst, DPS"), and the block of short lines it opens, whose numbers are the writer's or
their office's."""

from __future__ import annotations

import re

from bot.masking.cues import CHILD_NOUN, ROLES, SIGN_OFF, SIGNATURE
from bot.masking.student_cues import FAMILY_WORD, GRADE

# What may follow a signature's name to the message's end: nothing, or a short line of job,
# grade, department or extension ("Rocío Delgado, Pre-K", "Maribel, Attendance, ext 2214",
# "Rick Baumgartner\nWelding & Auto Technology, Tri-County CTE").
# Up to three such lines: "Priya Raman\nAccountability, Research & Evaluation\nDenver Public
# Schools | 1860 Lincoln St".
SIGNATURE_TAIL = re.compile(r"(?:[ \t]*(?:,|\n)[ \t]*(?:[\w&/'’.+-]++[ \t]*+){1,6}"
                            r"(?:,[ \t]*(?:[\w&/'’.+-]++[ \t]*+){1,5}){0,2})?"
                            r"(?:[ \t]*\n[ \t]*(?:[\w&/'’.+|()-]++[ \t]*+){1,8}"
                            r"(?:,[ \t]*(?:[\w&/'’.+|()-]++[ \t]*+){1,4}){0,2}){0,2}"
                            r"[ \t.!]*\n*$")
TAIL_MOST = 120  # characters: a signature's line is short
# A signature's job: any grown-up's role, or a department or an extension.
JOB = re.compile(rf"\b(?:{ROLES}|ext|x\d|office|attendance|enrollment|department|dept|library|"
                 r"media|counsel\w*|principal|director|para|sped|services|technology|cte|"
                 r"advis[eo]r|assessment|interventionist|analyst|mechanic)\b", re.IGNORECASE)
# A signature's last line names the writer's school: "2nd Grade Dual Language\nCoral Way K-8
# Center" is a teacher's block, where "Leo Castillo, 8th\n(both in my homeroom)" is not.
SCHOOL_LINE = re.compile(r"\n[^\n]*\b(?:elementary|middle|high|school|academy|center|centre|"
                         r"k-8|k-12|es|ms|hs|campus|isd|usd|district)\b[^\n]*\s*$", re.IGNORECASE)
BARE_GRADE = re.compile(r"(?:\d{1,2}(?:st|nd|rd|th)\s+grade|grade\s+\d{1,2}|kinder\w*|pre-?k)[.,]?",
                        re.IGNORECASE)
FORWARDED = re.compile(r"\b(?:forward\w*|fwd|emailed\s+me|sent\s+me|wrote\s+me|messaged\s+me)\b",
                       re.IGNORECASE)
CHILD_ENDS = re.compile(CHILD_NOUN.pattern + r"\W*$", re.IGNORECASE)  # "... this kid? Thanks"
THANKS_LINE = re.compile(rf"\b(?:{SIGN_OFF})\b"
                         r"(?:\s+(?:so\s+much|again|in\s+advance|a\s+lot|all|everyone|team))?[^\w\n]*"
                         r"\n[ \t]*$", re.IGNORECASE)
LETTER_OPENS = re.compile(r"\s*(?i:hi|hello|hey|dear|good\s+(?:morning|afternoon)|hola|"
                          r"buenos\s+d[ií]as)[ \t]+[A-Z][^\n]{0,30}\n")  # "Hi Sal,"
POINTED_AT = re.compile(r"\b(?:these|those|both)\s+(?:two|three|of\s+them)\b|\bthis\s+one\b",
                        re.IGNORECASE)
FINISHED_LINE = re.compile(r"[.!?)][ \t]*\n\s*$")
LIST_ITEM = re.compile(r"(?:^|\n|[.:]\s)\s*[-–—•*]\s")
FINISHED = re.compile(r"(?:[.!?]\s+|\n\s*)$")
# A list's heading, the names one a line under it: "Students who need Read&Write:\nAiden
# Brooks\nMaya Lopez - sped" is no signature with a job line (a red team's, DD); a sentence
# or a thank-you after the list ends it.
LISTED_UNDER = re.compile(r":[ \t]*\n(?:[^\n:.!?]{1,60}\n){0,12}[ \t]*$")
# (Not a period or an hour, which a teacher's signature names too: "Karen Wu, 7th grade math,
# 3rd period planning", a red team's, FF.)
CLASS_OF_ANOTHER = re.compile(r"\b(?i:mr|mrs|ms|miss|mx)\.?\s+[A-Z]|\b(?i:class|homeroom)\b")
# ... unless the signer says their own job in the class: "Para, Mrs. Ortiz 1st grade class",
# "4th grade, Mr. Diaz's co-teacher", "Class of 2031 sponsor" (FF's).
# Not "team leader" or "Class of 2032", a student's (a red team's, GG).
TEACHERS_JOB = re.compile(r"\b(?:para|paraprofessional|co-?teacher|teacher(?!['’]s|\s+helper)|"
                          r"sponsor|team\s+lead|interventionist|specialist)\b", re.IGNORECASE)
BLOCK_LINES, BLOCK_WIDTH = 6, 70


def signs_off(text: str, start: int, end: int) -> bool:
    """The name closes the message as its writer's signature: after a finished sentence and
    a dash or a thank-you ("... el volumen. —Marisol", "Thanks — Dan Ochoa, robotics"), or
    with a job or an extension after it ("... after 5 minutes. Lorena, front office, ext
    2101"; "Ext 2214 - Maribel")."""
    tail = SIGNATURE_TAIL.match(text, end) if len(text) - end <= TAIL_MOST else None
    if tail is None or (LISTED_UNDER.search(text, max(0, start - 800), start)
                        and not thanked_above(text, start)) or CHILD_NOUN.search(tail.group()) or (
            len(LIST_ITEM.findall(text)) > 1 and not thanked_above(text, start)):
        return False  # "kicked out 3 kids: - Brooklyn S. - Isaiah T. - Mai Xiong"
    said = tail.group().strip(" .!\n")
    if said and tail.group().lstrip(" ").startswith("\n") and not JOB.search(said) and \
            not thanked_above(text, start):
        return False  # the next line is no job: "- Mai Xiong\nCode was 8XK-2PQ-71M"
    if GRADE.search(tail.group()) and CLASS_OF_ANOTHER.search(tail.group()) and not \
            TEACHERS_JOB.search(tail.group()):
        return False  # "Thanks! Mia Torres, 2nd grade, Mrs. Ortiz class room 4" (a red team's,
        # EE): a child signs with their teacher's class, where a teacher signs with a room
    if FAMILY_WORD.search(tail.group()) or (GRADE.search(tail.group()) and "\n" in tail.group(
            ).strip() and not teachers_block(text, start, tail.group())):
        return False  # a child's lines: "Anaya Patel, 6th grade\nMom prefers ...", "Amira
        # Haddad, 8th\nLeo Castillo, 8th\n(both in my homeroom)"
    if thanked_above(text, start):
        return True
    signature = SIGNATURE.search(text, max(0, start - 15), start)
    if signature:  # not "the password for this kid? Thanks!\nJaden Smith, 4th grade"
        return not CHILD_ENDS.search(text, max(0, signature.start() - 30), signature.start())
    # Without a dash, a grade is how a student is described ("Precious Hale, grade 8."): a
    # job, a department or an extension only.
    return bool(said and JOB.search(said) and FINISHED.search(text, max(0, start - 4), start))


def letter_signed(text: str, start: int, end: int) -> bool:
    """A message written as a letter, opening by greeting someone ("Hi Sal,") and closing with
    a name alone on its last line after a finished sentence: the writer's."""
    return not text[end:].strip(" \t\n.!") and bool(
        LETTER_OPENS.match(text) and FINISHED_LINE.search(text, max(0, start - 4), start)) \
        and not CHILD_NOUN.search(text) and not POINTED_AT.search(text)


def teachers_block(text: str, start: int, tail: str) -> bool:
    """A closing block under a thank-you that holds a grade, yet is a teacher's: its grade's
    line says more than the grade ("2nd Grade Dual Language"), its last line names the
    school, and the message speaks of no child or family ("Forwarding this from a student's
    chat ... Thanks,\nGuadalupe Encinas\n7th Grade\nValencia Middle School" is the child's)."""
    return thanked_above(text, start) and bool(SCHOOL_LINE.search(tail)) and not any(
        BARE_GRADE.fullmatch(line.strip()) for line in tail.split("\n") if GRADE.search(line)) \
        and not CHILD_NOUN.search(text) and not FAMILY_WORD.search(text) and \
        not FORWARDED.search(text)


def thanked_above(text: str, start: int) -> bool:
    """The name opens the line after a thank-you ("Thank you!\nDarlene Tsosie"), with no child
    spoken of just before it: the writer signing, whoever the message spoke of as "her"."""
    thanks = THANKS_LINE.search(text, max(0, start - 40), start)
    return thanks is not None and not CHILD_ENDS.search(
        text, max(0, thanks.start() - 30), thanks.start())


def in_signature_block(text: str, at: int) -> bool:
    """The number at `at` is in the short lines closing the message, under a thank-you or a
    name with a job ("Thank you,\nYolanda Pereira\nMain Office\n(973) 555-0100"): the
    writer's or their office's line."""
    start = text.rfind("\n\n", 0, at)
    lines = text[start + 2:].strip().split("\n") if start >= 0 else []
    if not lines or len(lines) > BLOCK_LINES or any(len(line) > BLOCK_WIDTH for line in lines) \
            or FAMILY_WORD.search(text, start) or CHILD_NOUN.search(text, start):
        return False
    return bool(THANKS_LINE.search(lines[0] + "\n") or (
        len(lines) > 2 and JOB.search("\n".join(lines[1:]))))
