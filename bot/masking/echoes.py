"""A name hidden once is hidden wherever the text says it again: in another case ("destiny and
cotton ... Destiny Chuculate and Cotton Sixkiller", "tj ellsworth ... TJ is in both"), as a part
of a hidden login or email ("destiny.r.allen ... destiny's brother"), or misspelt ("Oskar
Brzezinski ... spelled Bzrezinski in Seesaw"). These only ever add to a text that already hides
a name or a login, so no message that kept every word loses one."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from bot.masking.lexicon import fold, lexicon
from bot.masking.spans import Span, free, free_of, united
from bot.masking.words import STOP

WORD = re.compile(r"[^\W\d_]+")
# What an email address or a web address is written in: its words are left to contacts.py.
ADDRESSED = re.compile(r"\S*(?:@|://|www\.)\S*")
# A first name just before a surname said again: "SSG Brian Pennington" after "the Penningtons".
FIRST_BEFORE = re.compile(r"(?<![\w'’-])(?P<first>[A-ZÀ-Þ][a-zà-ÿ]+)[ \t]+$")
# Words a name may share that a sentence uses as often otherwise: "Will ... will you reset it".
OTHERWISE = frozenset({"will", "may", "can", "mark", "bill", "grant", "rose", "june", "april",
                       "august", "sunday", "monday", "friday", "faith", "hope", "joy"}) | STOP
# A word after one of these is a thing, not a name said again: "the river is near River Ashby".
DETERMINED = re.compile(r"\b(?:the|a|an|this|that|these|those|my|our|your|his|her|their|its|"
                        r"some|any|no|every|each)\s+$", re.IGNORECASE)
# A login's or an address's parts that say whose it is, not who: "jessica.holt.mom@".
KIN_WORDS = frozenset({"mom", "dad", "papa", "mama", "mother", "father", "parent", "family"})
SHORTEST = 3  # letters: a shorter part ("tj ellsworth") is echoed only in capitals ("TJ")
MISSPELT_LONGEST_APART = 88  # rapidfuzz ratio: two letters swapped in a ten-letter surname
MISSPELT_SHORTEST = 6  # letters: shorter words are too alike by chance ("Hall", "Hill")


def echoed(text: str, spans: list[Span], kept: Sequence[Span]) -> list[Span]:
    """The spans, with each further mention of a hidden name's words (or a hidden login's or
    email's name parts) hidden too, outside the names `kept` (colleagues the staff directory
    knows: "Kayden Brooks has the cart key ... my student Jaylen Brooks")."""
    said, lone = hidden_words(text, spans)
    if not said:
        return spans
    addresses = (Span(m.start(), m.end(), "email") for m in ADDRESSED.finditer(text))
    taken = united([*spans, *kept, *addresses])  # for free_of's binary search
    long_words = [w for w in said if len(w) >= MISSPELT_SHORTEST]
    found: list[Span] = []
    for match in WORD.finditer(text):
        word = match.group().lower() if match.group().isascii() else fold(match.group())
        if word not in said and (len(word) < MISSPELT_SHORTEST or not long_words):
            continue  # most words: no need to weigh them further
        span = Span(match.start(), match.end(), "name")
        if free_of(span, taken) and not used_otherwise(text, match, word, lone) and \
                repeats(word, said, long_words):
            if found and text[found[-1].end:span.start] == " ":  # "Keisha Morgan" as one
                found[-1] = found[-1]._replace(end=span.end)
            else:
                found.append(with_first_name(text, span, taken, found[-1:]))
    return sorted(spans + found) if found else spans


def used_otherwise(text: str, match: re.Match[str], word: str, lone: set[str]) -> bool:
    """The word (`word`, folded) is used as a word here, not as the name: a modal or a
    closed-class word, a short part in lowercase, a lowercase word after a determiner ("the
    river") or one hidden only as a word alone ("Mom's number ... Seraphina's mom")."""
    lowercase = match.group().islower()
    return word in OTHERWISE or (lowercase and (len(word) < SHORTEST or word in lone)) or (
        lowercase and word in lexicon().words and
        bool(DETERMINED.search(text, max(0, match.start() - 8), match.start())))


def repeats(word: str, said: set[str], long_words: list[str]) -> bool:
    """The word is one of the hidden ones, or a long one no dictionary has that is one of them
    misspelt ("Bzrezinski" for "Brzezinski")."""
    if word in said:
        return True
    if len(word) < MISSPELT_SHORTEST or word in lexicon().words:
        return False
    return bool(long_words) and process.extractOne(
        word, long_words, scorer=fuzz.ratio, score_cutoff=MISSPELT_LONGEST_APART) is not None


def with_first_name(text: str, span: Span, taken: list[Span], last: list[Span]) -> Span:
    """The span, widened to a common first name just before it that nothing else holds (not
    `taken`, united, nor the `last` echo found)."""
    first = FIRST_BEFORE.search(text, max(0, span.start - 20), span.start)
    if first and fold(first["first"]) in lexicon().first:
        wider = span._replace(start=first.start())
        if free_of(wider, taken) and free(wider, last):
            return wider
    return span


def hidden_words(text: str, spans: list[Span]) -> tuple[set[str], set[str]]:
    """The folded words of every hidden name (two letters too, when they are no word: "tj"),
    and the parts of hidden logins and emails that are a first name, or a surname that is no
    word ("code", "class" are both); and, of those, the words hidden only as a one-word name
    that is also a word ("Mom", "Code"), which say less about who they are."""
    lex = lexicon()
    said: set[str] = set()
    alone: set[str] = set()  # hidden as a one-word name that is also a word
    beside: set[str] = set()  # hidden beside another word, or in a login or an email
    for span in spans:
        hidden = text[span.start:span.end]
        if span.kind == "name":
            words = [w for w in map(fold, WORD.findall(hidden))
                     if len(w) >= SHORTEST or (len(w) == 2 and w not in lex.words)]
            said |= set(words)
            (alone if len(words) == 1 and words[0] in lex.words else beside).update(words)
        elif span.kind in ("username", "email"):
            parts = {w for w in map(fold, WORD.findall(hidden.split("@")[0]))
                     if len(w) >= SHORTEST and w not in KIN_WORDS and (
                         w in lex.first or (w in lex.surnames and w not in lex.words))}
            said |= parts
            beside |= parts
    return said - OTHERWISE, alone - beside
