"""A family's address read out with spaces where its dots were, as a parent says it on the
phone and the office types it: "nguyen thi lan 77 at hotmail dot com", "rosalba garcia
seventy one at gmail" (a blind corpus's, stop 58). The spelled-address rule stops at the
space; this one takes the words before "at <provider>" that can be part of an address."""

from __future__ import annotations

import re

from bot.masking.contacts import EMAIL, FREE_MAIL, GROUP_MAILBOX, JOIN, NUMBER_WORD, SPELLED
from bot.masking.lexicon import WordList, fold, lexicon
from bot.masking.spans import Span

MOST_WORDS = 4  # "nguyen thi lan 77": an address's name is seldom longer
# Said bare, only a provider no other sentence says "at": "at gmail", not "at live", "at web".
BARE = ("gmail", "googlemail", "yahoo", "ymail", "hotmail", "outlook", "aol", "icloud",
        "protonmail", "comcast", "sbcglobal", "bellsouth", "earthlink", "naver", "hanmail")
DOTTED = "|".join(sorted(FREE_MAIL - set(BARE), key=len, reverse=True))
TLD = r"(?:\s+(?:dot|punto)\s+(?:com|net)|\.(?:com|net))"
PROVIDER = re.compile(rf"\s+at\s+(?:(?:{'|'.join(BARE)}){TLD}?|(?:{DOTTED}){TLD})\b",
                      re.IGNORECASE)
CHUNK = re.compile(r"(?<!\S)[\w.'+-]+$")  # a whole word of the address, dots and all
NUMBER = re.compile(rf"\d+|{NUMBER_WORD}", re.IGNORECASE)
JOINING = re.compile(rf"^{JOIN}$", re.IGNORECASE)


def find_spoken_addresses(text: str) -> list[Span]:
    """Free-mail addresses read out word by word; only where a word before the "at" is a
    name (or two are numbers), never an ordinary word ("ask her at gmail" is no address),
    and never a parents' group's ("kedzie ridge pto at gmail dot com")."""
    found = []
    for match in PROVIDER.finditer(text):
        # never cut short what the spelled-address rule reads whole ("ngoc dot le at ...")
        spelled = [m for m in (*SPELLED.finditer(text), *EMAIL.finditer(text))
                   if m.start() <= match.start() < m.end()]
        at = min([m.start() for m in spelled], default=match.start())
        start = _address_start(text, at, bool(spelled))
        if start is None or GROUP_MAILBOX.search(fold(text[start:match.start()]).replace(" ", "")):
            continue
        found.append(Span(start, max([match.end(), *(m.end() for m in spelled)]), "email"))
    return found


def _address_start(text: str, at: int, spelled: bool) -> int | None:
    """Where the words of an address read out before `at` begin (`spelled`: an address
    already begins at `at`), if any."""
    words, start, taken, names = lexicon().words, at if spelled else None, 0, int(spelled)
    head = text[:at].removesuffix(" ") if spelled else text[:at]
    while taken < MOST_WORDS:
        chunk = CHUNK.search(head)
        if not chunk or not (_address_word(chunk.group(), words) or JOINING.match(
                f" {chunk.group()} ")):
            break
        names += not NUMBER.fullmatch(chunk.group()) and not JOINING.match(f" {chunk.group()} ")
        start, taken, head = chunk.start(), taken + 1, text[:chunk.start()].removesuffix(" ")
    return start if names or taken >= 2 else None


def _address_word(chunk: str, words: WordList) -> bool:
    """A word an address's name is made of, lowercase as people type one: a number, or a
    name no dictionary has ("nguyen", "lan77", "mai.xiong")."""
    parts = [p for p in re.split(r"[._+'-]+", chunk) if p]
    return bool(parts) and all(p.islower() or p.isdigit() for p in parts) and all(
        NUMBER.fullmatch(p) or fold(p) not in words for p in parts)
