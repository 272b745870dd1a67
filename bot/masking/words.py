"""Words of a text as a name finder sees them: where, what shape, and how name-like."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from bot.masking.accounts import ENDINGS
from bot.masking.cues import PLACES, RANKS, TITLES
from bot.masking.famous import famous_removed
from bot.masking.lexicon import Lexicon, fold, lexicon
from bot.masking.spans import Span, free_of, united

# Letters, with apostrophes and hyphens inside: "O'Brien-Smith", "Rodriguez's", "Núñez"; and
# a letter an export lost, shown as "?" or "�" before lowercase letters ("Y?lmaz" for Yılmaz).
LETTERS = r"[^\W\d_]+(?:[?\ufffd][a-zà-ÿ]+)*"
TOKEN = re.compile(rf"{LETTERS}(?:['’]{LETTERS})*(?:-{LETTERS}(?:['’]{LETTERS})*)*")
PARTS = re.compile(r"[-'’]")

# How much a word says "a name". Two words must add up to NAMED when neither is a common
# first name: "Ahiga Begay" (unknown + surname) and "Hope Alvarez-Mendoza" (a first name that
# is also a word + a surname) do, "Toner Low" and "Rose Garden" (words) do not.
FIRST, SURNAME, WEAK, AMBIGUOUS, NONE = 2.0, 1.5, 0.5, 0.25, 0.0
NAMED = SURNAME + AMBIGUOUS

# Closed-class words: never part of a name, though the census lists "The", "In" and "Not"
# as surnames. Capitalised at a sentence start ("The", "Can") they must not join a name.
# ("Will" and "May" are names as often as not, so they are not here.)
STOP = frozenset({"a", "an", "the", "and", "or", "nor", "but", "if", "so", "of", "in", "on", "at",
                  "to", "for", "from", "by", "with", "without", "as", "into", "onto", "about",
                  "over", "under", "than", "then", "is", "are", "was", "were", "be", "been",
                  "being", "am", "do", "does", "did", "done", "has", "have", "had", "can", "could",
                  "would", "shall", "should", "might", "must", "not", "no", "yes", "this", "that",
                  "these", "those", "it", "its", "he", "she", "his", "her", "him", "hers", "they",
                  "them", "their", "we", "our", "us", "you", "your", "i", "me", "my", "mine",
                  "who", "whom", "whose", "which", "what", "when", "where", "why", "how", "all",
                  "any", "both", "each", "every", "some", "such", "only", "own", "same", "very",
                  "just", "also", "too", "please", "thanks", "thank", "hi", "hey", "hello", "dear",
                  "ok", "okay", "re", "fyi", "per", "via", "vs", "born", "dob",
                  "im",  # "I'm", folded
                  # contractions texted without their apostrophe: "kenji isnt working"
                  "isnt", "arent", "wasnt", "werent", "doesnt", "dont", "didnt", "cant",
                  "couldnt", "wont", "wouldnt", "shouldnt", "hasnt", "havent", "hadnt",
                  # Spanish ones ("del salón", "La Sra. Gómez"); "de", "la" and "del" still
                  # join a name as particles ("María de la Cruz")
                  "el", "la", "los", "las", "un", "unos", "unas", "del", "de", "que", "en",
                  "con", "por", "para", "sus", "se", "nos", "y", "hola", "gracias", "saludos",
                  "al", "soy", "es", "mi", "lo", "oye",  # "Seesaw al español", "Soy Rosa Delgado"
                  "aloha", "mahalo"})  # Hawaii's greeting and thanks: "Mahalo Randall!"
MONTH_WORDS = frozenset({"jan", "january", "feb", "february", "mar", "march", "apr", "april",
                         "may", "jun", "june", "jul", "july", "aug", "august", "sep", "sept",
                         "september", "oct", "october", "nov", "november", "dec", "december",
                         "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
                         "agosto", "septiembre", "setiembre", "octubre", "noviembre",
                         "diciembre"})
# A month word next to a day or a year is a date, never a name: "Jan 20", "June 3", "Jun '11".
DATED = re.compile(r"\.?\s*(?:\d|['’]\d\d\b)")
DAY_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?\s+(?:of\s+|de\s+)?$")
# A weekday's short form beside another is a schedule, never a name: "Tue/Thu" ("Thu" is a
# girl's name), "Mon-Wed".
WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?"
WEEKDAY_AFTER = re.compile(rf"[/-]{WEEKDAY}\b", re.IGNORECASE)
WEEKDAY_BEFORE = re.compile(rf"\b{WEEKDAY}[/-]$", re.IGNORECASE)
# A code's letters before or after a hyphen and digits: "KC-CB-22790", "CTE-0091".
CODE_DIGITS = re.compile(r"-\d")
CODE_DIGITS_BEFORE = re.compile(r"\d-$")
# A web address or a file name ("kinginstitute.stanford.edu/..."): no word inside is a name.
DOTTED = re.compile(r"(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/[^\s,;)]*)?")
INNER_DOT = re.compile(r"[A-Za-z]\.[A-Za-z]")
PREFIXES = {"tri", "mid", "multi", "inter", "pre", "non", "co", "sub", "anti", "bi", "semi"}
CONTRACTED = re.compile(r"(?:n['’]t|['’](?:re|ll|ve|m|d))$", re.IGNORECASE)
CAPITAL_NEXT = re.compile(r"[ \t]+[A-Z]")  # a capitalised word next: "the Palomas Valley"
SHOUTED = 0.7  # a text whose letters are mostly capitals says nothing by its capitals
# A course's level in capitals, which a census lists as a surname: "Algebra II period 5" (a
# blind corpus's, stop 64); not "Ii", a Japanese family name ("Ii, Lucas": a red team's, HH).
LEVELS = frozenset({"II", "III", "IV"})


class Word(NamedTuple):
    """One word. `end` stops before a possessive 's, `after` includes it."""

    text: str
    folded: str  # as the lists spell it: "Núñez" is "nunez"
    start: int
    end: int
    after: int
    shape: str  # "title", "upper", "lower", "mixed" (iPad, DeShawn) or "initial" (R)
    score: float  # FIRST, SURNAME, WEAK (rare or unknown), AMBIGUOUS (also a word), NONE
    known: bool  # on a name list, as opposed to merely unknown
    wordlike: bool  # also a (rarer) English word: "piper", "teal", "randy"
    given: bool  # on the list of common first names (even if also a word: "Grace")
    product: bool  # an app, vendor or school word ("Kami", "Destiny"): a name only beside one
    stop: bool  # a closed-class word ("The", "Can"): never part of a name
    blocked: bool  # touches a digit ("Core5"), is a date ("Jan 20") or a famous person's name

    @property
    def possessive(self) -> bool:
        """True for "Jaden's" and "Santos'"."""
        return self.after > self.end


DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                  "sunday"})


def shape_of(text: str) -> str:
    """How a word is capitalised, which says much about whether it is a name."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) == 1 and text.isupper():
        return "initial"
    if all(c.isupper() for c in letters):
        return "upper"
    if all(c.islower() for c in letters):
        return "lower"
    parts = [p for p in PARTS.split(text) if p]
    if text[0].isupper() and all(p[1:] == p[1:].lower() for p in parts):
        return "title"
    return "mixed"


def part_score(part: str, lex: Lexicon) -> tuple[float, bool]:
    """How name-like one folded part is, and whether a name list has it."""
    named = part in lex.first or part in lex.surnames or part in lex.rare_first
    singular = part[:-1] if part.endswith("s") else part
    if part in lex.not_names or singular in lex.not_names or part in lex.words:
        return (AMBIGUOUS if named else NONE), named  # "Grace", "Lee": only beside a name
    if part in lex.first:
        return FIRST, True
    if part in lex.surnames:
        return SURNAME, True
    return WEAK, named  # a rare first name, or a word no list has


@lru_cache(maxsize=4096)
def judge(text: str) -> tuple[str, str, float, bool, bool, bool, bool, bool]:
    """A word folded, its shape, score, whether a list knows it, whether it is also a rarer
    English word, a common first name, a product, a closed-class word (cached: texts repeat
    their words)."""
    lex = lexicon()
    folded = fold(text)
    name_score, known = (NONE, False) if text in LEVELS else score(folded, lex)
    return (folded, shape_of(text), name_score, known, folded in lex.also_words,
            folded in lex.first, folded in lex.not_names, folded in STOP)


def score(folded: str, lex: Lexicon) -> tuple[float, bool]:
    """A word's score: its best part ("Mary-Kate", "Al-Masri") when every part could be a name."""
    if "-" in folded and (folded in lex.not_names or folded.replace("-", "") in lex.not_names):
        return NONE, False  # "Raz-Kids", "i-Ready"
    scored = [part_score(p, lex) for p in folded.split("-") if p]
    if not scored:
        return NONE, False  # "ʻ", "--": nothing left once folded
    if min(s for s, _ in scored) == NONE:
        return NONE, False  # "AI-detector", "Follow-up": a word joined to a word
    parts = folded.split("-")
    if len(parts) > 1 and (len(parts[0]) == 1 or parts[0] in PREFIXES) and any(
            p in lex.words for p in parts[1:]):
        return NONE, False  # "P-touch", "T-shirt", "Tri-County": a letter or prefix, a word
    return max(s for s, _ in scored), any(k for _, k in scored)


def shouted(text: str) -> bool:
    """True when most letters are capitals ("ELIJAH THOMPSON BORN ... PLEASE ADD")."""
    capitals = sum(map(str.isupper, text))
    return capitals >= 12 * SHOUTED and capitals >= SHOUTED * sum(map(str.isalpha, text))


def clan_name(text: str, found: list[Word], start: int) -> bool:
    """A capital "Her" straight after a given name is a Hmong family name, not the pronoun:
    "Leng Her is showing as absent", "Nou Her, she has her sister's number" (blind corpora's,
    stop 63); not "Thank you. Her laptop", nor a title's "Ask Her". After a colleague's name
    typed without a stop it hides "Her" too ("Talked to Denise Her projector"): asking what
    follows let "Tou Her laptop is cracked" through (red teams', EE and FF)."""
    before = found[-1] if found else None
    return before is not None and before.after == start - 1 and text[before.after] == " " and \
        before.shape == "title" and not before.stop and before.score >= WEAK and \
        not before.wordlike and before.score != AMBIGUOUS


def dated(text: str, start: int, end: int, folded: str) -> bool:
    """A month word beside a day or a year: "Jan 20", "12 Dec", "Jun '11"."""
    return folded in MONTH_WORDS and bool(
        DATED.match(text, end) or DAY_BEFORE.search(text[max(0, start - 12):start]))


def words_of(text: str, taken: list[Span]) -> list[Word]:
    """The words of `text` outside the spans already hidden."""
    found: list[Word] = []
    caps = shouted(text)
    taken = united(taken + addresses(text))
    for match in TOKEN.finditer(text):
        start, after = match.span()
        if taken and not free_of(Span(start, after, ""), taken):
            continue
        word = match.group()
        if "?" in word or "\ufffd" in word:
            word = lost_letter(word)
            after = start + len(word)
        end = after - 2 if word[-2:].lower() in ("'s", "’s") and len(word) > 3 else after
        if text[after:after + 1] in ("'", "’") and word.endswith("s"):
            after += 1  # "Santos'"
        glued = text[start - 1:start].isdigit() or text[end:end + 1].isdigit()
        contracted = CONTRACTED.search(word) is not None  # "aren't", "they're": no name
        folded, shape, name_score, known, wordlike, given, product, stop = judge(text[start:end])
        if caps and shape == "upper":
            shape = "title"  # in a shouted text capitals are no sign of an acronym
        blocked = glued or dated(text, start, end, folded) or scheduled(text, start, end) or (
            shape == "upper" and coded(text, start, end)) or graded(text, end, folded)
        if folded == "her" and shape == "title" and not caps and clan_name(text, found, start):
            name_score, known, stop = SURNAME, True, False
        found.append(Word(text[start:end], folded, start, end, after, shape, name_score, known,
                          wordlike, given, product, stop or contracted, blocked))
    return famous_removed(text, found)


# A school's grades, "K-8", "PK-12", "TK-5": no initial ("Charles R. Drew K-8 Center").
SPAN_OF_GRADES = frozenset({"k", "pk", "tk"})


def graded(text: str, end: int, folded: str) -> bool:
    """The first grade of a school's span of grades: "K" of "K-8"."""
    return folded in SPAN_OF_GRADES and text[end:end + 1] == "-" and text[end + 1:end + 2].isdigit()


def scheduled(text: str, start: int, end: int) -> bool:
    """A weekday's short form joined to another: "Tue/Thu", "Mon-Wed"."""
    return bool(re.fullmatch(WEEKDAY, text[start:end], re.IGNORECASE)) and bool(
        WEEKDAY_AFTER.match(text, end) or WEEKDAY_BEFORE.search(text[max(0, start - 9):start]))


def coded(text: str, start: int, end: int) -> bool:
    """Capitals joined by a hyphen to digits: an asset tag's or a course's code."""
    return bool(CODE_DIGITS.match(text, end) or CODE_DIGITS_BEFORE.search(
        text[max(0, start - 2):start]))


def lost_letter(word: str) -> str:
    """The token without what follows a "?" when that is a word of its own: "Maya?she" was a
    question, "Y?lmaz" a name that lost a letter."""
    mark = re.search(r"[?\ufffd]([^\W\d_]+)", word)
    if mark is None:
        return word
    tail = fold(mark[1])
    return word[:mark.start()] if tail in STOP or tail in lexicon().words else word


def addresses(text: str) -> list[Span]:
    """Web addresses and file names: dotted words ending in a domain's or a file's ending."""
    spans = []
    for m in DOTTED.finditer(text) if INNER_DOT.search(text) else ():
        host = m.group().split("://")[-1].split("/")[0]
        if m.group().startswith(("http", "www.")) or host.rsplit(".", 1)[-1].lower() in ENDINGS:
            spans.append(Span(m.start(), m.end(), ""))
    return spans


def honorific(text: str, word: Word) -> bool:
    """A title ("Ms", "Dr", "Coach") or a JROTC instructor's rank in capitals ("SFC"; not a
    cadet's, "C/MAJ")."""
    title = word.text.lower().rstrip(".")
    return title in TITLES or (title in RANKS and not word.text.islower() and
                               text[word.start - 2:word.start].lower() != "c/")


def adjacent(text: str, left: Word, right: Word) -> bool:
    """Only spaces between (or ". " after an initial), and no possessive ending the left."""
    gap = text[left.after:right.start]
    if left.possessive:
        return False
    if left.shape == "initial" and gap.startswith("."):
        gap = gap[1:]
    return gap != "" and gap.strip(" \t") == ""


def joinable(word: Word) -> bool:
    """A word that can be part of a capitalised name."""
    lowered = word.text.lower()
    if word.blocked or word.stop or lowered in TITLES or lowered in PLACES or (
            lowered in RANKS and not word.text.islower()) or lowered in ("cadet", "cadets"):
        return False
    if word.shape == "initial":
        return True
    if word.shape == "mixed":  # DeShawn, McKenzie; not iPad, PowerUp, LES-Staff
        return word.known and word.score >= SURNAME and not any(
            len(p) > 1 and p.isupper() for p in word.text.split("-"))
    return word.shape in ("title", "upper") and word.score > 0
