"""Stretches of capitalised words that may be one name ("Maria de la Cruz", "Autumn R.",
"DJ Okafor"), for names.py to judge."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.masking.cues import PARTICLES, PLACES
from bot.masking.words import SURNAME, Word, adjacent, joinable


def closing_initial(text: str, word: Word) -> bool:
    """An initial after a name, even "A" or "I": "Mohamed A. and Mohamed Y."; but "I"
    without its period is the writer ("walkthroughs at Franklin I need")."""
    return word.shape == "initial" and not word.blocked and not (
        word.text == "I" and text[word.end:word.end + 1] != ".")


def same_case(left: Word, right: Word) -> bool:
    """Capitalised and SHOUTED words do not make one name: "Model UN", "Clever QR"; but
    initials a child goes by do, before a surname ("DJ Okafor": a blind corpus's, stop 57)."""
    return "initial" in (left.shape, right.shape) or (left.shape == "upper") == (
        right.shape == "upper") or (left.shape == "upper" and len(left.text) == 2
                                    and left.given and right.shape == "title"
                                    and right.score >= SURNAME)  # not "TJ Maxx", "DJ Booth"


def opens_a_name(text: str, words: list[Word], i: int) -> bool:
    """A first name that is also a place's word, before a name: "Lane Kirby" (not "Jackson
    Lane": only first)."""
    word, nxt = words[i], words[i + 1] if i + 1 < len(words) else None
    return bool(word.given and word.shape == "title" and word.folded in PLACES and nxt and
                adjacent(text, word, nxt) and joinable(nxt) and nxt.score >= SURNAME)


# Asking the reader to reach someone, opening a sentence: "Call Darlene at ext 4410", "Ask
# Maya's mom" ("Call" and "Ask" are family names too; found at stop 63).
REACH = frozenset({"call", "ask", "text", "email", "ping", "tell", "page", "phone", "contact",
                   "message", "cc", "dm"})
OPENS = re.compile(r"(?:^|[.!?\n:]\s*|\b(?i:pls|please|plz|ok|so|and|then|just)\s+)$")


def reach(text: str, words: list[Word], i: int) -> bool:
    """Word i is a verb asking to reach someone by their first name, opening a sentence: "Call
    Darlene"; not before a surname, which the verb makes a person's ("Ask Xiong if his laptop
    still freezes": a red team's, EE)."""
    word, nxt = words[i], words[i + 1] if i + 1 < len(words) else None
    return word.folded in REACH and word.shape == "title" and nxt is not None and nxt.given \
        and OPENS.search(text, max(0, word.start - 8), word.start) is not None


def runs(text: str, words: list[Word]) -> Iterator[tuple[int, int]]:
    """[first, last] word indexes of each stretch of capitalised words (particles inside)."""
    i = 0
    while i < len(words):
        if not (joinable(words[i]) or opens_a_name(text, words, i)) or reach(text, words, i):
            i += 1
            continue
        j = i
        while j + 1 < len(words) and adjacent(text, words[j], words[j + 1]):
            nxt = words[j + 1]
            if (joinable(nxt) or closing_initial(text, nxt)) and same_case(words[j], nxt):
                j += 1
            elif nxt.text in PARTICLES:  # "Maria de la Cruz", "Ludwig van Houten"
                k = j + 1
                while k + 1 < len(words) and words[k + 1].text in PARTICLES \
                        and adjacent(text, words[k], words[k + 1]):
                    k += 1
                if k + 1 < len(words) and joinable(words[k + 1]) \
                        and adjacent(text, words[k], words[k + 1]):
                    j = k + 1
                else:
                    break
            else:
                break
        yield i, j
        i = j + 1
