"""Names that their cue marks: whatever follows "my student" or "kid named", and a roster's
"Rodriguez, Jaden"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.masking.adults import named_grown_up
from bot.masking.cues import CHILD_NOUN, ROLE_BEFORE, ROLE_GREETED, SELF
from bot.masking.lexicon import lexicon
from bot.masking.lowercase import DONE, MOST_AFTER_CUE
from bot.masking.parents import parents_name
from bot.masking.spans import Span
from bot.masking.student_cues import CLASS_AFTER, CUE_BEFORE
from bot.masking.words import (
    AMBIGUOUS,
    FIRST,
    SURNAME,
    WEAK,
    Word,
    adjacent,
    joinable,
    part_score,
)

PLURAL = re.compile(r"[^aeiouys]s$")
# A student who has a job: "our student tech", "the student worker".
STUDENT_JOB = re.compile(r"\bstudent\s+$", re.IGNORECASE)
# What a login follows, not a name: "logged in as jortegaruiz".
SIGNED_IN = re.compile(r"\b(?:logged|signed)\s+in\s+as\b", re.IGNORECASE)
# A cue for children, not one child: "no students online", "the kids unplugged it".
MANY = re.compile(r"\b(?:students|kids|children|sons|daughters|pupils|learners|twins|siblings|"
                  r"graders|kindergartners|freshmen|sophomores|cadets|alumn[oa]s|estudiantes|"
                  r"niñ[oa]s|hij[oa]s|herman[oa]s|names\s+are)\b", re.IGNORECASE)
# Words before a comma that make what follows no roster, and after it that make a list.
OPENING = {"hi", "hey", "hello", "dear", "thanks", "thx", "hola", "gracias"}
LISTING = {"and", "or", "y", "&"}
# A capitalised title opening a signature after a dash, and the word after the comma closing
# the message: a grown-up signing with a school, no roster ("-Mr. Haugen, Edison", "- Ms.
# Ortiz, Poe": a blind corpus's, stop 66). Not "Hola Mr. Cantu, Dulce dice ...", a student
# after a greeting, nor "Thank you miss. Ramirez, Sofia" (a red team's, MM).
TITLED = re.compile(r"(?:^|\n|[-–—])[ \t]*(?:Mr|Mrs|Ms|Mx|Dr|MR|MRS|MS|DR)\.?\s+$")
CLOSES = re.compile(r"[ \t.!]*$")
# What points into a roster: "listed as Price, Journee", "first page starts with".
ROSTER_CUE = re.compile(r"\b(?:listed\s+as|starts?\s+with|stops?\s+at|row\s+\d+|cadet)\s+"
                        r"['\"“‘]?$", re.IGNORECASE)
# "Kid in 3rd hr (Chue Her) says": the bracket after a child, a few words on, names them.
CHILD_THEN_BRACKET = re.compile(CHILD_NOUN.pattern + r"[^().!?\n]{1,25}\(\s*(?=[^\W\d_])",
                                re.IGNORECASE)
FAMILY_TALK = re.compile(r"\b(?:famil(?:y|ies)|parents?|guardians?|mom|dad|household|siblings?|"
                         r"familia|padres)\b", re.IGNORECASE)


# What a family does, said right after its name: "The Larsens called", "The Xiongs (Pheng and
# Mai Yer) want to pick up", "The Kims (Hyun-woo's parents)" (a blind corpus's, stop 61).
FAMILY_DOES = re.compile(r"\s+(?:\([^()\n]{1,40}\)\s+)?(?:called|emailed|texted|phoned|came\s+in|"
                         r"stopped\s+by|moved|want|wants|asked|requested)\b|\s*\([^()\n]{0,30}"
                         r"(?:parents|mom|dad|family|kids|children)\)", re.IGNORECASE)


def inverted(text: str, words: list[Word]) -> Iterator[Span]:
    """"Rodriguez, Jaden" as rosters write it: a surname alone, a comma, a first name (or two:
    "Pham, Minh Anh's old email"), and no capitalised word after ("O'Brien, Declan not")."""
    for i in range(len(words) - 1):
        surname, first = words[i], words[i + 1]
        before = words[i - 1] if i else None
        if text[surname.after:first.start] != ", " or (before and adjacent(
                text, before, surname) and (before.shape != "lower" or before.folded in OPENING)):
            continue  # "Hi Dana, Jaden can't": no roster
        if TITLED.search(text, max(0, surname.start - 10), surname.start) and \
                CLOSES.match(text, first.end):
            continue  # "-Mr. Haugen, Edison": a signature
        last = i + 1
        while last - i < 3 and last + 1 < len(words) and not words[last].possessive and \
                adjacent(text, words[last], words[last + 1]) and words[last + 1].given and \
                words[last + 1].shape == "title":
            last += 1
        after = words[last + 1] if last + 1 < len(words) else None
        if after and after.shape == "initial" and not after.blocked and adjacent(
                text, words[last], after):
            last, after = last + 1, words[last + 2] if last + 2 < len(words) else None
        if after and not after.blocked and adjacent(text, words[last], after) and (
                after.shape != "lower" or after.folded in LISTING):
            continue  # "Keisha, Mariam and I": a list, not a roster
        if joinable(surname) and joinable(first) and (
                (surname.score >= SURNAME and first.score == FIRST) or
                rostered(text, surname, first) or classed(text, surname, first, words[last])):
            yield Span(surname.start, words[last].end, "name")


def classed(text: str, surname: Word, first: Word, last: Word) -> bool:
    """"Smith, Jaden P3": a roster's line with the class after it, the surname a word too (a
    red team's, stop 49, where the surname came through)."""
    return first.score == FIRST and surname.shape == "title" and not surname.stop and \
        CLASS_AFTER.match(text, last.end) is not None


def rostered(text: str, surname: Word, first: Word) -> bool:
    """Names that are also words, in a roster's order where nothing else writes them so: in
    capitals amid ordinary text ("row 3 SMITH, PAYTON 55129"), or after what points into a
    roster ("listed as Price, Journee (ID 4470918)")."""
    if not (surname.given and first.given and len(surname.text) > 2 and len(first.text) > 2):
        return False
    if surname.shape == first.shape == "upper":
        return any(c.islower() for c in text)
    return surname.shape == first.shape == "title" and bool(
        ROSTER_CUE.search(text, max(0, surname.start - 20), surname.start))


def after_cues(text: str, words: list[Word]) -> Iterator[Span]:
    """Up to three name-like words right after "my student", "kid named", "goes by"..."""
    cues = {m.end(): m for m in CUE_BEFORE.finditer(text)}
    for i, word in enumerate(words if cues else ()):
        cue = cues.get(word.start)
        # each grown-up's cue is short: look only at the characters just before the name
        if not cue or grown_up_role_before(text, word.start) or \
                SELF.search(text, max(0, word.start - 40), word.start) or \
                named_grown_up(text, word.start):
            continue  # "the rep's name is Kyle", "my name is Ana": grown-ups
        taken: list[Word] = []
        bracketed = text[cue.start() - 1:cue.start()] == "("  # "(mom kalolaine)"
        for nxt in words[i:i + MOST_AFTER_CUE]:
            one = not (MANY.search(cue[0]) or SIGNED_IN.search(cue[0])) and (
                not taken or taken[-1].shape == "lower")  # not "Joaquín Peña nació"
            if not (cued_name(nxt, one=one)
                    or (bracketed and in_brackets(text, nxt))) or (
                    taken and not adjacent(text, taken[-1], nxt)):
                break
            taken.append(nxt)
        # A word that is also an English word ends a name only after a lowercase cue: "my
        # student Grace", "student Grace Kim", but not "Student View" (a product's name).
        # A quoted word after the cue is a name all the same: "Student 'Storm'".
        if len(taken) == 1 and taken[0].score == AMBIGUOUS and cue[0][0].isupper() \
                and cue[0][-1] not in "'\"“‘" and not (
                    cue["parent"] and taken[0].given and taken[0].folded not in MODALS):
            taken.pop()
        if taken and cue["parent"]:
            taken = taken[:parents_name(text, words, i, len(taken))]
        if taken:
            yield Span(taken[0].start, taken[-1].end, "name")


def bracket_after_child(text: str, words: list[Word]) -> Iterator[Span]:
    """One to three capitalised words filling a bracket a few words after "kid" or "student"
    ("Kid in 3rd hr (Chue Her)"); a word that is also a pronoun is part of the name there."""
    for cue in CHILD_THEN_BRACKET.finditer(text):
        close = text.find(")", cue.end())
        inside = [w for w in words if cue.end() <= w.start and 0 <= w.end <= close]
        if 1 <= len(inside) <= 3 and cued_name(inside[0]) and not text[
                inside[-1].end:close].strip() and all(
                w.shape == "title" and not w.product for w in inside):
            yield Span(inside[0].start, inside[-1].end, "name")


# Words that are first names too but, after "Mom:", begin what she said: "Mom: Will bring the
# charger", "Mom May call".
MODALS = frozenset({"will", "may", "can", "could", "would", "should", "must", "might", "did",
                    "does", "said", "says", "called", "left", "wants", "needs"})


def in_brackets(text: str, word: Word) -> bool:
    """A lowercase word no English word, last in a bracket after "(mom" or before a comma in
    it: "(mom kalolaine)", "(mom kalolaine, tongan only)" (red teams', stop 59)."""
    return word.shape == "lower" and word.score >= WEAK and text.startswith((")", ","),
                                                                           word.after) \
        and not (word.wordlike or word.product or word.stop or word.blocked)


def cued_name(word: Word, one: bool = False) -> bool:
    """A word that, right after "my student", is taken as (part of) a name; in lowercase, one
    the lists have, or after a cue for `one` child ("student is tazbah", not "students
    online"), one that no list has as a word."""
    if word.shape == "lower":
        return not (word.blocked or word.stop) and ((word.known and word.score >= SURNAME) or (
            one and word.score >= WEAK and len(word.text) >= 5
            and not (word.wordlike or word.product)
            and not PLURAL.search(word.text)  # not "student accts", "student laptops"
            and not word.text.endswith(DONE)))  # nor "student is rostered"
    if word.shape == "upper" and not (word.known and word.score >= SURNAME):
        return False  # "student ID", "student VLAN"
    return joinable(word)


def families(text: str, words: list[Word]) -> Iterator[Span]:
    """A family by its surname in the plural, in a message about families: "the McAllisters
    new number", "the Abernathys at ..." (the surname names the student as well). Not "the
    Browns" or "the Packers" (a surname that is also a word is more often a team), nor
    "the Sonos in Room 12" where no family is spoken of. A family that does what families do
    is one whatever its name ("The Larsens called", "The Kims (Hyun-woo's parents)"), unless
    the name is a word ("The Cooks want the new menu boards": a red team's, BB, stop 61)."""
    talk = FAMILY_TALK.search(text) is not None
    lex = lexicon()
    for word in words:
        if word.shape not in ("title", "mixed") or not word.text.endswith("s") or \
                text[max(0, word.start - 4):word.start].lower() != "the ":
            continue
        stem = word.folded[:-2] if word.folded.endswith("ses") else word.folded[:-1]
        surname = part_score(stem, lex) == (SURNAME, True) and not word.known
        if (talk and surname) or (stem in lex.surnames and stem not in lex.words
                                  and FAMILY_DOES.match(text, word.end)):
            yield Span(word.start, word.end, "name")


def grown_up_role_before(text: str, at: int) -> bool:
    """A grown-up's job just before text[at] ("the rep's name is Kyle", "a fiber tech named
    Josh"), not a student's ("a student tech named Jaden Smith": a red team's, AZ)."""
    role = ROLE_BEFORE.search(text, max(0, at - 80), at)
    return role is not None and not STUDENT_JOB.search(text, max(0, role.start() - 12),
                                                       role.start()) and not \
        ROLE_GREETED.search(text, max(0, role.start() - 20), role.start())  # "Hi Coach, ..."
