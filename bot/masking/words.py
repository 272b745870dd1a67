"""Words of a text as a name finder sees them: where, what shape, and how name-like."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.masking.lexicon import Lexicon, fold, lexicon
from bot.masking.spans import Span, free

# Letters, with apostrophes and hyphens inside: "O'Brien-Smith", "Rodriguez's", "Núñez".
TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+(?:['’][^\W\d_]+)*)*")
PARTS = re.compile(r"[-'’]")

# How much a word says "a name". Two words must add up to FIRST when neither is a common
# first name: "Ahiga Begay" (unknown + surname) does, "Toner Low" (surname + word) does not.
FIRST, SURNAME, WEAK, AMBIGUOUS, NONE = 2.0, 1.5, 0.5, 0.25, 0.0


@dataclass(frozen=True)
class Word:
    """One word. `end` stops before a possessive 's, `after` includes it."""

    text: str
    start: int
    end: int
    after: int
    shape: str  # "title", "upper", "lower", "mixed" (iPad, DeShawn) or "initial" (R)
    score: float  # FIRST, SURNAME, WEAK (rare or unknown), AMBIGUOUS (also a word), NONE
    known: bool  # on a name list, as opposed to merely unknown
    wordlike: bool  # also a (rarer) English word: "piper", "teal", "randy"
    glued: bool  # touches a digit, so part of a model or code: "Core5", "M404n"

    @property
    def possessive(self) -> bool:
        """True for "Jaden's" and "Santos'"."""
        return self.after > self.end


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
    if part in lex.not_names or singular in lex.not_names or part in lex.english:
        return (AMBIGUOUS if named else NONE), named  # "Grace", "Lee": only beside a name
    if part in lex.first:
        return FIRST, True
    if part in lex.surnames:
        return SURNAME, True
    return WEAK, named  # a rare first name, or a word no list has


@lru_cache(maxsize=8192)
def judge(text: str) -> tuple[str, float, bool, bool]:
    """A word's shape, score, whether a list knows it and whether it is also a rarer English
    word (cached: texts repeat their words)."""
    lex = lexicon()
    return (shape_of(text), *score(text, lex), fold(text) in lex.also_words)


def score(text: str, lex: Lexicon) -> tuple[float, bool]:
    """A word's score: its best part ("Mary-Kate", "Al-Masri") when every part could be a name."""
    folded = fold(text)
    if "-" in folded and (folded in lex.not_names or folded.replace("-", "") in lex.not_names):
        return NONE, False  # "Raz-Kids", "i-Ready"
    scored = [part_score(p, lex) for p in folded.split("-") if p]
    if min(s for s, _ in scored) == NONE:
        return NONE, False  # "AI-detector", "Follow-up": a word joined to a word
    return max(s for s, _ in scored), any(k for _, k in scored)


def words_of(text: str, taken: list[Span]) -> list[Word]:
    """The words of `text` outside the spans already hidden."""
    found = []
    for match in TOKEN.finditer(text):
        start, after = match.span()
        if taken and not free(Span(start, after, ""), taken):
            continue
        word = match.group()
        end = after - 2 if word[-2:].lower() in ("'s", "’s") and len(word) > 3 else after
        if text[after:after + 1] in ("'", "’") and word.endswith("s"):
            after += 1  # "Santos'"
        glued = text[start - 1:start].isdigit() or text[end:end + 1].isdigit()
        shape, name_score, known, wordlike = judge(text[start:end])
        found.append(Word(text[start:end], start, end, after, shape, name_score, known,
                          wordlike, glued))
    return found
