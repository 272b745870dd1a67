"""A family's address read out with spaces where its dots were, as a parent says it on the
phone and the office types it: "nguyen thi lan 77 at hotmail dot com", "rosalba garcia
seventy one at gmail" (a blind corpus's, stop 58). The spelled-address rule stops at the
space; this one takes the words before "at <provider>" that can be part of an address."""

from __future__ import annotations

import re

from bot.masking.contacts import EMAIL, FREE_MAIL, GROUP_MAILBOX, JOIN, SPELLED
from bot.masking.lexicon import fold, lexicon
from bot.masking.phones import NUMBER_WORD
from bot.masking.spans import Span
from bot.masking.words import AMBIGUOUS, NONE, SURNAME, WEAK, judge

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
FILLERS = {"family", "fam"}  # "rivera family at gmail": the family's, no word of a name


def find_spoken_addresses(text: str) -> list[Span]:
    """Free-mail addresses read out word by word; only where a word before the "at" is a
    name, never a setting or a device ("turn on 2fa at gmail", "the ipad at icloud", "ask
    her at gmail": a red team's, stop 58), and never a parents' group's ("kedzie ridge pto
    at gmail dot com")."""
    found: list[Span] = []
    addresses: list[re.Match[str]] | None = None  # read once, and only when needed
    for match in PROVIDER.finditer(text):
        if addresses is None:
            addresses = [*SPELLED.finditer(text), *EMAIL.finditer(text)]
        # never cut short what the spelled-address rule reads whole ("ngoc dot le at ...")
        spelled = [m for m in addresses if m.start() <= match.start() < m.end()]
        at = min([m.start() for m in spelled], default=match.start())
        floor = found[-1].end if found else 0  # no word of the address before it
        start = _address_start(text, at, bool(spelled), floor)
        if start is None or GROUP_MAILBOX.search(fold(text[start:match.start()]).replace(" ", "")):
            continue
        found.append(Span(start, max([match.end(), *(m.end() for m in spelled)]), "email"))
    return found


def _address_start(text: str, at: int, spelled: bool, floor: int) -> int | None:
    """Where the words of an address read out before `at` begin (`spelled`: an address
    already begins at `at`; none before `floor`), if they hold a name."""
    head = text[:at].removesuffix(" ") if spelled else text[:at]
    found: list[tuple[int, float, bool]] = []  # each word's start, name score, first name
    fillers = 0
    while len(found) < MOST_WORDS:
        chunk = CHUNK.search(head, floor)
        if not chunk:
            break
        head = text[:chunk.start()].removesuffix(" ")
        if JOINING.match(f" {chunk.group()} ") or chunk.group().lower() in FILLERS:
            found.append((chunk.start(), NONE, False))  # "underscore", "family": no name's
            fillers += 1
            continue
        name = _name_score(chunk.group())
        if name is None:
            break
        found.append((chunk.start(), *name))
    # an address begins with a word of its name, not a verb before it ("we use rose ...")
    while found and found[-1][1] < WEAK and found[-1][1] != 0.0 and not found[-1][2]:
        found.pop()
    names = [(score, given) for _, score, given in found]
    # a name the lists are sure of ("lopez", "rosalba"), or two first names that are words
    # too ("maria smith"); a word alone is no name ("reach her", "turn on 2fa", "dark mode",
    # "bill pay": red teams', stop 58)
    ambiguous = [given for score, given in names if score == AMBIGUOUS]
    named = spelled or any(score >= SURNAME for score, _ in names) or (
        len(ambiguous) >= 2 and all(ambiguous))
    return (found[-1][0] if found else at) if named and (found or spelled) else None


def _name_score(chunk: str) -> tuple[float, bool] | None:
    """How name-like a word of an address is (0 for a number, an initial or a word no list
    has: "thi", "77", "m"), and whether it is a first name; None when no address holds it: a
    closed-class word ("her", "at"), a product that is no one's first name ("ipad"; but
    "lan" is), a capitalised word the lists are not sure of ("Lopez" is), or an English
    word no name list has ("office")."""
    parts = [p for p in re.split(r"[._+-]+", chunk) if p.strip("'")]  # "o'brien" is one
    if not parts or (chunk != chunk.lower() and chunk != chunk.capitalize()):
        return None
    best, first = 0.0, False
    for part in parts:
        if NUMBER.fullmatch(part) or (len(part) == 1 and part.isalpha()):
            continue
        if part.lower() in FREE_MAIL:
            return None  # the address before it ends there
        _, _, score, known, _, given, product, stop = judge(part.lower())
        if stop or (product and not given) or (score == NONE and fold(part) in lexicon().words):
            return None
        best, first = max(best, score if known else 0.0), first or given
    if chunk != chunk.lower() and best < SURNAME:
        return None  # typed capitalised, only a name the lists are sure of ("Lopez")
    return best, first
