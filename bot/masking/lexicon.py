"""The word lists names are recognised by, loaded once and held compactly."""

from __future__ import annotations

import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import chain
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
# Letters NFKD does not take apart; everything else loses its accents by decomposition.
FOLDED = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae",
                        "œ": "oe", "ı": "i", "þ": "th", "’": "", "'": "", "ʻ": "", "`": ""})


def fold(word: str) -> str:
    """Lowercase ASCII as the name lists spell it: "Núñez" -> "nunez", "O'Brien" -> "obrien"."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(FOLDED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class WordList:
    """A set of words kept as sorted 64-bit hashes: 8 bytes a word instead of about 100.

    A false hit needs a 64-bit hash collision with one of the listed words, which is
    negligible for a few hundred thousand words."""

    def __init__(self, words: Iterable[str]) -> None:
        self._hashes = array("q", sorted(map(hash, words)))

    def __contains__(self, word: object) -> bool:
        wanted = hash(word)
        at = bisect_left(self._hashes, wanted)
        return at < len(self._hashes) and self._hashes[at] == wanted

    def __len__(self) -> int:
        return len(self._hashes)


@dataclass(frozen=True)
class Lexicon:
    """What a word can be: a first name (common or rare), a surname, a word (English, or
    Spanish of the kind teachers write), or one of the apps, vendors and school words that
    are never a name on their own."""

    first: WordList
    rare_first: WordList
    surnames: WordList
    words: WordList  # English words and common Spanish ones
    also_words: frozenset[str]  # common first names that are rarer English words ("piper")
    not_names: frozenset[str]
    famous: frozenset[str]  # people and works classes study: "harriet tubman"
    famous_first: frozenset[str]  # the first word of each, to skip most words at once
    famous_longest: int  # words in the longest


def read_words(name: str) -> Iterator[str]:
    """The words of a data file: whitespace-separated, '#' starts a comment line. Read line
    by line, so that a list of 160,000 strings never exists at once."""
    with (DATA / name).open(encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith("#"):
                yield from line.split()


def read_phrases(name: str) -> frozenset[str]:
    """The phrases of a data file, one a line, folded as words are ("Charlotte's Web" is
    "charlotte web": the finder sees a possessive's word without its 's)."""
    with (DATA / name).open(encoding="utf-8") as lines:
        return frozenset(" ".join(fold(w[:-2] if w.endswith("'s") else w) for w in line.split())
                         for line in lines if line.strip() and not line.startswith("#"))


@cache
def lexicon() -> Lexicon:
    """Load the lists on first use (about 0.2 s; 2.3 MB kept), then keep them."""
    famous = read_phrases("famous.txt")
    return Lexicon(WordList(chain(read_words("first_names.txt"), read_words("nicknames.txt"))),
                   WordList(read_words("first_names_rare.txt")),
                   WordList(read_words("surnames.txt")),
                   WordList(chain(read_words("english_words.txt"),
                                  read_words("spanish_words.txt"))),
                   frozenset(read_words("first_names_also_words.txt")),
                   frozenset(read_words("not_names.txt")),
                   famous, frozenset(p.split()[0] for p in famous),
                   max(len(p.split()) for p in famous))
