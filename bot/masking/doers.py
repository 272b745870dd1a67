"""Words that are names by what they do: a word no list knows that opens a sentence and does
what a child does ("BISHOY keeps changing his background", "kirollos cant log into
schoology"), and the sentence's opening that such a rule needs to see."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from bot.masking.cues import OPENERS
from bot.masking.spans import Span
from bot.masking.student_cues import (
    CUE_AFTER,
    DOINGS,
    FAMILY_WORD,
    INTO_TEACHERS,
    OWN_DOING,
    SIGN_IN_TROUBLE,
)
from bot.masking.words import WEAK, Word, adjacent, honorific

# A grade typed right after a name: "mursal noori 5th gr, chromebook ..."
GRADE_RIGHT_AFTER = re.compile(r"\s*,?\s+(?:\d{1,2}(?:st|nd|rd|th)\s*(?:gr|grade)\b|"
                               r"(?:gr|grade)\.?\s*\d{1,2}\b)", re.IGNORECASE)
# Grown-ups say and ask as much as children do: "deb said to tell you the office fax is down".
SAYING = re.compile(r"\b(?:said|told|asked)\b", re.IGNORECASE)


def does_as_a_child(text: str, end: int, saying: bool = True) -> bool:
    """What follows `end` is what a child does: "forgot", "can't log in", "keeps changing his
    background", "got into the teacher view"; with `saying`, "said" and "asked" too."""
    doing = DOINGS.match(text, end)
    return bool(doing and (saying or not SAYING.search(doing.group()))) or any(
        cue.match(text, end) for cue in (SIGN_IN_TROUBLE, OWN_DOING, INTO_TEACHERS))


TRIPLED = re.compile(r"(\w)\1\1")
# Lowercase, a word no list knows that opens a clause and cannot find, see or log into what is
# theirs, or lost or broke it, "he", "her" or "their" said then: "dieumerci cant find the
# nextera test, his kiosk app just spins", "farishta cant see her lexia units" (blind
# corpora's, stop 64). Not what a device or a typo does ("smartboard keeps freezing when she
# plugs in", "hotspot keeps disconnecting at his house": a red team's, II), nor a chat word's
# "cant believe".
OWN_TROUBLE = re.compile(r"\s+(?:(?:cant|can['’]t|cannot|couldnt|couldn['’]t|didnt|didn['’]t|"
                         r"wont|won['’]t)\s+(?:find|see|get|log|sign|hear|open|remember|type|"
                         r"access|connect|submit|load|join)\b"
                         r"[^.!?\n]*(?:[.!?]+\s+[^.!?\n]*)?\b(?:he|she|his|her|him|their|they|"
                         r"them|he['’]?s|she['’]?s)|(?:lost|forgot|broke|dropped|cracked|left)\s+"
                         r"(?:his|her|their)|needs\s+(?:his|her|their)\s+(?:password|login|"
                         r"account|charger|chromebook|ipad|laptop))\b", re.IGNORECASE)


def unknown_doers(text: str, words: list[Word]) -> list[Span]:
    """A word no list knows, SHOUTED or lowercase, that opens a sentence and does what a child
    does: "BISHOY keeps changing his background", "kirollos cant log into schoology" (blind
    corpora's, stop 60); or two such words, a first name and a surname, doing it or given a
    grade ("mursal noori 5th gr": stop 61's). Title case goes by the sentence (acts)."""
    found = []
    for i, word in enumerate(words):
        if not name_shaped(word):
            continue
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt and name_shaped(nxt) and nxt.shape == word.shape and adjacent(text, word, nxt) \
                and (does_as_a_child(text, nxt.end, saying=False) or CUE_AFTER.match(text, nxt.end)
                     or GRADE_RIGHT_AFTER.match(text, nxt.end)):
            span = Span(word.start, nxt.end, "name")
        elif not word.given and (does_as_a_child(text, word.end, saying=False) or (
                word.shape == "lower" and len(word.text) >= 4
                and OWN_TROUBLE.match(text, word.end) and not typed_loosely(word))):
            span = Span(word.start, word.end, "name")
        else:
            continue
        # the sentence's opening last: it reads the text before the word
        if not (i and honorific(text, words[i - 1])) and starts_clause(text, words, word):
            found.append(span)  # not "ms. lopez asked me"
    return found


def typed_loosely(word: Word) -> bool:
    """A word typed as people type in a hurry, no name: "hmmmm", a letter three times, or
    "student" misspelt ("stduent cant find his charger": a red team's, JJ)."""
    return bool(TRIPLED.search(word.text)) or Levenshtein.distance(word.folded, "student") <= 2


def name_shaped(word: Word) -> bool:
    """SHOUTED (five letters or more) or lowercase, and no word, app or family word: a name
    only a sentence can tell."""
    return ((word.shape == "upper" and len(word.text) >= 5) or word.shape == "lower") and not (
        word.wordlike or word.product or word.stop or word.blocked or word.possessive) and \
        word.score >= WEAK and not FAMILY_WORD.fullmatch(word.text)


def starts_clause(text: str, words: list[Word], word: Word) -> bool:
    """The word opens a sentence or clause: first, after a stop, or after "lol", "and",
    "Can" ("Can Miles get a loaner?")."""
    before = text[:word.start].rstrip(" ")
    if not before or before[-1] in ".!?;:(\n—–-":
        return True
    previous = next((w for w in reversed(words) if w.after <= word.start), None)
    return previous is not None and previous.text.lower() in OPENERS and \
        text[previous.after:word.start] in (" ", ", ")  # "hurry pls, Will can't"
