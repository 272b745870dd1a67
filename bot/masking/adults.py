"""Grown-ups and things a sentence marks, though their words look like a student's name: the
writer introducing or signing themselves, someone doing a grown-up's work or said to have a
grown-up's job, someone at their workplace, a maker's product line, a brand, and the full
name a titled member of staff is given in brackets."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.masking.cues import (
    ADDRESSED,
    BRAND_AFTER,
    BRAND_BEFORE,
    CHILD_NOUN,
    DEPARTMENT_ASIDE,
    DEPARTMENTS,
    DEVICE_AFTER,
    GROWN_UP_NOUN,
    OFFICE_AFTER,
    OPENING_GREETING,
    PEER_AFTER,
    PERSONAL,
    ROLE_AFTER,
    ROLES,
    SELF,
    SPOKEN_TO,
    STAFF_DESK,
    THANKED,
    VENDORS,
    VERBS,
    VOCATIVE,
    WORK_AFTER,
    WORKPLACE,
    WORKPLACES,
)
from bot.masking.doers import starts_clause
from bot.masking.lexicon import lexicon
from bot.masking.signatures import letter_signed, signs_off, thanked_above
from bot.masking.spans import clause_end
from bot.masking.student_cues import FAMILY_WORD, GRADE, KIN
from bot.masking.words import Word, honorific

# A job's word that heads a child's role: "she's my tech helper", "the student council lead".
CHILDS_ROLE = (r"(?!\s+(?:helpers?|buddy|buddies|students?|kids?|club|team|class|crew|squad|"
               r"monitors?|leaders?|captain|ambassadors?)\b)")
# A grown-up's job, up to two words of it before ("the new attendance clerk", "the athletic
# director's assistant"), but no child's: "student aide", a team's "manager", "tech helper".
A_JOB = (rf"(?:(?!(?:student|team|stage|senior|junior|sophomore|freshman|peer)\b)[\w'’-]+\s+)"
         rf"{{0,3}}(?:(?!manager\b){ROLES}|(?<=facilities\s)manager|(?<=office\s)manager|"
         rf"(?<=cafeteria\s)manager|(?<=building\s)manager|(?<=case\s)manager)\b{CHILDS_ROLE}")
# "Jenn Morales will be her long-term sub.", "Omar is our new aide for 3rd": the job is the
# whole of what is said, so "Ava is our tech helper" is no grown-up, and neither is a
# "student aide" nor a team's "manager".
ROLE_TO_BE = re.compile(rf"\s+(?:is|will\s+be)\s+(?:the|our|my|her|his|their)\s+{A_JOB}"
                        r"(?=\s*[.,;!?)]|\s*$|\s+(?:for|at|in|starting|from|this|next|until|"
                        r"through|while|there|here)\b)", re.IGNORECASE)
# "Karen's emails go to spam, she's the office secretary": the job said of her just after.
ROLE_SAID_AFTER = re.compile(rf"[^.!?\n]{{0,60}}?(?:[,;—–]|[.!?]\s|\s+-\s|"
                             rf"\s+(?:now\s+that|since|because))\s*(?:she|he)(?:"
                             rf"(?:['’]s|\s+is)\s+(?:the|our|my|a|an|their|your)|"
                             rf"\s+(?:started|starts|is\s+starting)\s+as\s+(?:the|our|a|an))\s+"
                             rf"{A_JOB}", re.IGNORECASE)
# What else only a grown-up is said to be or do, just after the name: "quick one - Frank
# can't see the dashboard, he's on hall duty", "She's covering the front office while ...",
# "Tucker who teaches 4th said", "Consuelo ... Es la nueva maestra de 8vo."
DUTY_SAID_AFTER = re.compile(r"[^.!?\n]{0,60}?(?:[,;—–]|[.!?]\s|\s+(?:but|and|so|because|since)\s)"
                             r"\s*(?:she|he)(?:['’]s|\s+is)\s+"
                             r"(?:on\s+(?:hall|bus|lunch|recess|car[\s-]line|morning|afternoon)\s+"
                             r"duty|(?:covering|subbing|filling\s+in)\s+(?:for|my|our|her|his|the\s+"
                             r"front\s+(?:office|desk)|the\s+office)|(?:out\s+)?on\s+(?:\w+\s+)?"
                             r"leave)\b|"
                             r"\s*,?\s+who\s+(?:teaches|taught|coaches|co-?teaches|subs)\b|"
                             r"[^.!?\n]{0,60}?[.,;?!]\s*(?:es|será)\s+(?:la|el|nuestra|nuestro|mi)\s+"
                             r"(?:nuev[oa]\s+)?(?:maestr[oa]|secretari[oa]|asistente|conserje|"
                             r"director[a]?|t[ée]cnic[oa]|coordinador[a]?)\b", re.IGNORECASE)
# "... with Dave Nielsen? he's new in assessment": a department's newcomer, no child.
NEW_IN_DEPARTMENT = re.compile(rf"[^.!?\n]{{0,60}}?(?:[,;]|[.!?]\s)\s*(?:she|he)(?:['’]s|\s+is)\s+"
                               rf"new\s+(?:in|to)\s+(?:the\s+)?(?:{'|'.join(DEPARTMENTS)})\b",
                               re.IGNORECASE)
# What only a grown-up has or does, said in the name's sentence: "Bilal's laptop fan is loud,
# his 3rd graders say", "Abdullah wants the Arabic keyboard, he teaches Arabic at the HS".
GROWN_UPS_OWN = re.compile(r"[^.!?\n]{0,80}?\b(?:(?:his|her)\s+(?:own\s+)?(?:\w+\s+){0,2}?"
                           r"(?:kids|students|graders|caseload|sections|newcomers)|"
                           r"(?:he|she)\s+(?:teaches|taught|co-?teaches|coaches|drives\s+(?:bus|the|\d)|"
                           r"runs\s+the|is\s+chaperon\w*|subbed))\b", re.IGNORECASE)
# "Antonio and Jesús in Paula's 4th period", "she's in Hodan's class": whose class it is.
CLASS_OF = re.compile(r"\s*(?:\d+(?:st|nd|rd|th)\s+(?:period|hour|hr)|homeroom|class|section|"
                      r"caseload)\b", re.IGNORECASE)
IN_BEFORE = re.compile(r"\b(?:in|to|from)\s+$", re.IGNORECASE)
# "June is covering my class 5th period tomorrow, can she get a login": no child covers one.
COVERS = re.compile(r"\s+(?:is\s+|will\s+be\s+|was\s+)?(?:covering|subbing|covers|subs|proctoring|"
                    r"proctors|taking\s+over|took\s+over)\s+(?:for\b|"
                    r"(?:my|our|her|his)\s+(?:\w+\s+)?(?:class|classes|room|periods?|section|duty|"
                    r"duties)\b)", re.IGNORECASE)
SENTENCE_OPENS = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")
# "Quick question for Marisol: is the family night still on?": a colleague asked.
ASKED = re.compile(r"\b(?:questions?|q)\s+for\s+$", re.IGNORECASE)
CLASS_AFTER = re.compile(r"\s+(?:class|classes|period|hr|hour|group|club|roster|list|account|"
                         r"accounts|portal|league|robotics)\b", re.IGNORECASE)
# What students build or play in a club, never where a grown-up works: "Jaden from Lego needs
# a new hub", "Maya Lopez from Lego Robotics needs her login reset" (a red team's, HH).
CLUBS = {"lego", "minecraft", "sphero", "vex", "robotics"}

# Courses a student is moved from, though the lists call them never a name: "from AP Gov".
COURSES = {"AP", "IB", "ELA", "ESL", "ELL", "PE", "STEM", "AVID", "SPED"}
SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
# "a visiting presenter ... Her name is Dana Whitfield, 651-555-0163": a name given for a
# grown-up the text spoke of, in a text that speaks of no child.
NAME_GIVEN = re.compile(r"\b(?:(?:her|his|their)\s+name(?:['’]s|\s+is)|se\s+llama)\s*:?\s*$",
                        re.IGNORECASE)
# Helping, said of oneself: the "he" after it is the helper's ("Delbert said he'd look at it").
SAID_SELF = re.compile(r"said\s+(?:she|he)(?:['’]d|\s+would|\s+will|['’]ll)\s+(?:look|check|fix|"
                       r"come|swap|stop\s+by|call|e-?mail|send|handle|reset|install)\b",
                       re.IGNORECASE)
# The number is how to reach the person named: "call him at the shop, 785-...".
REACH_THEM = re.compile(r"\b(?:call|text|reach|ring|contact)\s+(?:him|her|them)\b[^.!?\n]{0,30}$",
                        re.IGNORECASE)
NAMED = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][\w'’-]+)?")
NAME_GIVEN_THEN = re.compile(r"\b(?i:her|his|their)\s+name(?:['’]s|\s+is)\s*:?\s*"
                             r"(?:[A-Z][\w'’-]*\s*){1,3},?\s*(?:at\s+)?$")
# "Our Title I coordinator Mrs. Rio (Angela Rio)": the bracket names the titled person.
TITLED_BRACKET = re.compile(r"\b(?:mr|mrs|ms|miss|mx|dr|sr|sra|srta)\.?\s+[^\W\d_]+\s*\($",
                            re.IGNORECASE)


# A family's role said right after the name: whoever writes or is named so is a student's
# family, not staff ("hi this is Precious Okeke mom of Chidera": a blind corpus's, stop 57).
FAMILY_ROLE_AFTER = re.compile(rf",?\s*\(?(?:the\s+)?(?:{KIN})\s+(?:of|de|del)\b",
                               re.IGNORECASE)


# What says the name before is a child's: in its clause, a child or a family ("Thanks, Maria
# Lopez, 1st grade, my son is in Room 4"); on its line, a student, an id or a class it is in,
# across a period too ("Thanks, Rosa Garcia. 3rd grade, student in Room 12": a red team's, GG),
# but not "Thanks, Dana. Kids are back on Lexia." (FF's).
CHILDS_CLAUSE = re.compile(CHILD_NOUN.pattern + r"|" + FAMILY_WORD.pattern +
                           r"|\b(?:she|he)(?:\s+is|['’]s)\s+in\b", re.IGNORECASE)
CHILDS_LINE = re.compile(r"\bstudent\b|\bID\b|\b\d{5,}\b|\bgrader\b|\bhomeroom\b|"
                         r"\b(?:my|our|her|his)\s+(?:son|daughter|child|kid)\b|"
                         r"\b(?:mr|mrs|ms|miss)\.?\s+[A-Z][\w'’-]*\s+(?:class|room|homeroom)\b",
                         re.IGNORECASE)  # "Mrs. Ortiz class", "Ms. Park's room"
# A sentence that says something, no signature's fragment: "Ticket ID 20441 can be closed."
SAYS = re.compile(r"\b(?:is|are|was|were|can|could|will|would|be|been|has|have|had|needs?|said|"
                  r"says|got|went|wants?|works?|closed|fixed)\b", re.IGNORECASE)


def childs_line(text: str, at: int) -> bool:
    """The rest of the line from text[at] says it is a child's, in its clause or in fragments
    after it that say nothing ("Thanks, Rosa Garcia. Student ID 1047733."), not in a sentence
    that does ("Thanks for the help, Mei. Ticket ID 20441 can be closed.": FF's)."""
    end = text.find("\n", at)
    line = text[at:len(text) if end < 0 else end]
    clause = clause_end(line, 0)
    return CHILDS_LINE.search(line, 0, clause if SAYS.search(line, clause) else len(line)) \
        is not None


def grown_up(text: str, words: list[Word], first: int, last: int) -> bool:
    """The writer ("I'm Carla Jimenez", "this is Teresa", a signature ending the message
    after a finished sentence or a thank-you), a brand ("Marca Califone, modelo ..."), or the
    full name a titled member of staff is given in brackets ("Mrs. Rio (Angela Rio)")."""
    start, end = words[first].start, words[last].after
    if FAMILY_ROLE_AFTER.match(text, end):
        return False
    if retired(text, words, first):
        return True
    if ROLE_SAID_AFTER.match(text, end) or NEW_IN_DEPARTMENT.match(text, end) or \
            DUTY_SAID_AFTER.match(text, end) or (
            GROWN_UPS_OWN.match(text, end) and SENTENCE_OPENS.search(
                text, max(0, start - 4), start)):
        return True  # "Karen's emails go to spam, she's the office secretary"; "Bilal's
        # laptop fan is loud, his 3rd graders say" (of the sentence's subject only)
    if words[last].possessive:
        return first == last and bool(IN_BEFORE.search(text, max(0, start - 6), start)) and \
            bool(CLASS_OF.match(text, end))
    if COVERS.match(text, end) or (THANKED.search(text, max(0, start - 80), start) and (
            ADDRESSED.match(text, end) or text[end:end + 1] in (".", "!")) and not (
            CHILDS_CLAUSE.search(text, end, clause_end(text, end)) or childs_line(text, end))):
        return True  # "June is covering my class"; "Thanks for fixing the roster, Dev."; not
        # "Thanks, Rosa Garcia, 3rd grade, student in Room 12" (a red team's, EE)
    # Each cue before the name is short: search only the last characters before it (with
    # pos and endpos, so "^" and "$" still mean the text's start and the name's start).
    if text[start - 1:start] == "@":
        return True  # "@Travis the projector bulb": a member of the workspace, so staff
    if SELF.search(text, max(0, start - 20), start) or named_grown_up(text, start) or \
            BRAND_BEFORE.search(
            text, max(0, start - 10), start) or BRAND_AFTER.match(text, end):
        return True
    stop = SENTENCE_END.search(text, end)
    work = WORK_AFTER.match(text, end) if first == last else None
    helper = work and SAID_SELF.match(text, work.start() + 1) and not GRADE.search(
        text, text.rfind(".", 0, start) + 1, stop.end() if stop else len(text))
    if work and (helper or not PERSONAL.search(
            text, work.end(), max(work.end(), stop.end() if stop else len(text)))):
        return True  # "Darnell came by and swapped the cable", not "Ava set up ..., she";
        # "Delbert said he'd look at it but he's out today": the "he" is Delbert (not "he's
        # my 8th grade tech helper")
    if first == last and not text[:start].strip() and VOCATIVE.match(text, end) and not \
            PERSONAL.search(text):
        return True  # "Morgan, the laptops are in the office": whom the message addresses
    if first == last and (PEER_AFTER.match(text, end) or DEPARTMENT_ASIDE.match(text, end)
                          or greeted(text, words, last)):
        return True
    if last - first >= 2 and not words[first].known and DEVICE_AFTER.match(text, end):
        return True  # "Phonak Roger Touchscreen mic": a brand, a line, a device
    if (signs_off(text, start, end) or letter_signed(text, start, end)) and (
            not PERSONAL.search(text) or thanked_above(text, start)):
        return True  # "... show her the cart. Thank you!\nDarlene Tsosie, 4th grade"
    if ASKED.search(text, max(0, start - 20), start):
        return True  # "Quick question for Marisol: is the family night still on?"
    return text[:start].rstrip().endswith("(") and bool(TITLED_BRACKET.search(
        text, max(0, start - 30), start))


def named_grown_up(text: str, start: int) -> bool:
    """The name at `start` follows "her name is" in a text about a grown-up and no child."""
    return about_a_grown_up(text, NAME_GIVEN.search(text, max(0, start - 20), start))


def retired(text: str, words: list[Word], first: int) -> bool:
    """A title or a rank, "(Ret)", then the name: "SFC (Ret) D. Hollis"."""
    if first < 2 or words[first - 1].folded != "ret":
        return False
    title, ret = words[first - 2], words[first - 1]
    return text[title.after:ret.start] == " (" and text[ret.after:words[first].start] in (
        ") ", ".) ") and honorific(text, title)


def grown_up_named_before(text: str, at: int) -> bool:
    """The number at `at` follows a grown-up's name given so ("Her name is Dana Whitfield,
    651-555-0163"): their line, no family's."""
    return about_a_grown_up(text, NAME_GIVEN_THEN.search(text, max(0, at - 60), at))


def grown_up_by_job_before(text: str, at: int) -> bool:
    """The number at `at` ends a sentence that names a grown-up by their job, and no child or
    family ("Mike Rohr (our mechanic) is there until 4, call him at the shop, 785-..."): theirs."""
    sentence = SENTENCE_END.split(text[max(0, at - 160):at])[-1]
    return bool(REACH_THEM.search(sentence)) and not (
        CHILD_NOUN.search(sentence) or FAMILY_WORD.search(sentence)) and any(
        ROLE_AFTER.match(sentence, m.end()) for m in NAMED.finditer(sentence))


def about_a_grown_up(text: str, given: re.Match[str] | None) -> bool:
    """A name was given, after a grown-up was spoken of, in a text that speaks of no child."""
    if given is None:
        return False
    grown_up_ends, child = people_spoken_of(text)
    return 0 <= grown_up_ends <= given.start() and not child


@lru_cache(maxsize=64)
def people_spoken_of(text: str) -> tuple[int, bool]:
    """Where the first grown-up the text speaks of ends (-1: none), and whether it speaks of
    a child (once a text: a long one names many names)."""
    grown_up = GROWN_UP_NOUN.search(text)
    return (grown_up.end() if grown_up else -1), bool(CHILD_NOUN.search(text))


def greeted(text: str, words: list[Word], name: int) -> bool:
    """A message opening "hey marcus the thing you showed me": the name it greets, spoken to
    as "you" in the same sentence, and not the subject of a verb right after it."""
    if not OPENING_GREETING.match(text, 0, words[name].start) or \
            not SPOKEN_TO.match(text, words[name].after):
        return False
    after = words[name + 1] if name + 1 < len(words) else None
    return after is None or after.text.lower() not in VERBS or bool(
        re.match(r"\s+(?:you|u)\b", text[after.after:], re.IGNORECASE))


# "dile a Rosie de la oficina que...", "ask Kelly from payroll": a colleague the reader is
# asked to tell or ask, at her desk.
ASKED_OF = re.compile(r"\b(?:dile|d[ií]ganle|av[ií]sale|preg[uú]ntale|ask|tell)\s+(?:a\s+)?$",
                      re.IGNORECASE)


def at_work(text: str, words: list[Word], first: int, end: int) -> bool:
    """"Paige from Lenovo said", "Kelly from the front office", "Sandra in payroll", "Dana
    Reyes at the district office", "Priya at Securly", "Rosa, de la oficina,": a grown-up at
    work. A student is taken "from" an app or a roster ("remove Liam from Seesaw"), so those
    count only after a name that opens the sentence, and a child may be "in IT class"."""
    if STAFF_DESK.match(text, end) or OFFICE_AFTER.match(text, end):
        return True
    place = WORKPLACE.match(text, end)
    if place is None or CLASS_AFTER.match(text, place.end()) or (
            place["org"] in COURSES and not place["office"]):
        return False  # "Liam from district roster", "Ava in science class", "from AP Gov"
    org, said = place["org"].lower(), place["said"].lower()
    if org in VENDORS and text[place.end():place.end() + 2] not in ("'s", "’s"):
        return True  # "she already called Marco from Kyocera": no child is from a copier's maker
    if said == "in":
        return org in DEPARTMENTS - {"front", "main", "office", "it"}
    if said.startswith("over"):  # "Randy Olsen over in science got one": where they teach
        return True
    vendor = org in lexicon().not_names and org not in CLUBS
    if said == "at":
        return org in WORKPLACES or bool(place["office"]) or (vendor and place["org"][0].isupper())
    return (org in WORKPLACES or org in DEPARTMENTS or bool(place["office"]) or vendor) and (
        starts_clause(text, words, words[first])
        or bool(ASKED_OF.search(text, max(0, words[first].start - 20), words[first].start)))
