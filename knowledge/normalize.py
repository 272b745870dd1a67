"""From how teachers type to the terms retrieval compares: fold, correct, map synonyms, stem."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path

import snowballstemmer
import yaml
from rapidfuzz import fuzz, process

from knowledge import spanish

WORD = re.compile(r"[a-z0-9]+")
APOSTROPHES = str.maketrans("", "", "'’`")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words, and the filler of a rushed chat message, carry no topic.
STOPWORDS = _words("""
a about above after again all also am an and any are as at be because been before being
below both but by can could did do does doing down during each few for from further had has
have having he her here hers him his how i if in into is it its itself just me more most my
myself no nor of off on once only or other our out over own same she should so some such
than that the their them then there these they this those through to too under until up
very was we were what when where which while who whom why will with would you your yours
yourself im ive id dont doesnt didnt isnt wont cant cannot couldnt wasnt arent get got
getting keep keeps kept still now anyone someone something anything thing things stuff
please pls plz thanks thank thx help helps need needs want wants know trying try tried
like just really ugh argh omg lol asap urgent hi hello hey anybody again today right
""")
# Words that say nothing about which problem it is: filler, hedges, generic verbs and
# adjectives, and when it happened. Unknown words count against a match (see the index), so
# these must not: "ugh I think it happened again since monday" is no evidence of anything.
FILLER = _words("""
think thought guess suppose supposed maybe probably actually basically literally totally
whole entire even ever either neither already yet ago since onto toward towards somewhere
somehow anywhere everywhere everyone nobody happen happens happened
happening best better great good bad random sooo soooo super quick quickly fast
mine yours hes shes theyre thats whats wheres heres theres lets youre were okay ok yes yeah
sure kind sort bit lot lots much many way ways one two three first second next last else
morning afternoon evening tonight tomorrow yesterday week weekend weeks month months year
years day days daily weekly monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
summer winter spring fall break min mins minute minutes hour hours sec second seconds
1st 2nd 3rd 4th 5th 6th 7th 8th 9th 10th 11th 12th rm room
""")
MIN_CORRECTABLE = 4
CORRECTED_FROM = 82  # rapidfuzz ratio to the nearest article word


def fold(text: str) -> str:
    """Lower-case, ASCII, accents dropped ("señal" -> "senal", as Spanish speakers often type
    it), apostrophes dropped ("can't" -> "cant"), punctuation to spaces."""
    if not text.isascii():
        # Only [a-z0-9] is kept below, so what has no ASCII base letter goes either way.
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = text.lower()
    text = text.translate(APOSTROPHES)
    return " ".join(WORD.findall(text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The English Snowball stem of one word."""
    return str(_STEMMER.stemWord(word))


_STEMMER = snowballstemmer.stemmer("english")
_DROPPED = STOPWORDS | FILLER


@lru_cache(maxsize=65536)
def _term(word: str) -> str:
    """A word's index term, or "" for a word that carries no topic."""
    if word in _DROPPED or len(word) < 2 or word.isdigit():
        return ""
    return stem(word)


# A Spanish message often carries English too ("me sale access denied"): its English
# function words are dropped as well.
_DROPPED_ES = spanish.STOPWORDS | spanish.FILLER | STOPWORDS


@lru_cache(maxsize=65536)
def _term_es(word: str) -> str:
    """A folded Spanish word's index term, or "" for a word that carries no topic."""
    if word in _DROPPED_ES or len(word) < 2 or word.isdigit():
        return ""
    return spanish.stem(word)


TERMS = {"en": _term, "es": _term_es}
LANGUAGES = tuple(TERMS)


class Synonyms:
    """A phrase table: variant word sequences are replaced by their canonical words."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.replacements: dict[tuple[str, ...], tuple[str, ...]] = {}
        for canonical, variants in table.items():
            target = tuple(fold(canonical).split())
            for variant in variants:
                self.replacements[tuple(fold(variant).split())] = target
        # Variants by their first word, longest first: most words start no variant, so
        # applying the table costs one dict look-up per word (10,000 articles index in ~1 s).
        self.starting: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        for words, replacement in sorted(self.replacements.items(), key=lambda kv: -len(kv[0])):
            self.starting.setdefault(words[0], []).append((words, replacement))
        self.longest = max((len(v) for v in self.replacements), default=1)
        self.words = frozenset(w for v in self.replacements for w in v) | frozenset(
            w for t in self.replacements.values() for w in t)

    @classmethod
    def load(cls, path: Path | None = None, language: str = "en") -> Synonyms:
        """Read a synonyms YAML file (the shipped one of the language by default)."""
        name = "synonyms.yml" if language == "en" else f"synonyms_{language}.yml"
        text = path.read_text("utf-8") if path else (
            resources.files("knowledge") / name).read_text("utf-8")
        return cls(yaml.safe_load(text) or {})

    def apply(self, words: list[str]) -> list[str]:
        """Replace every variant with its canonical words, longest variant first."""
        if self.starting.keys().isdisjoint(words):
            return words  # the common case, checked in one pass in C
        out: list[str] = []
        done = 0  # words before this one are in `out` already
        for i in [i for i, word in enumerate(words) if word in self.starting]:
            if i < done:
                continue  # inside a variant just replaced
            for variant, target in self.starting[words[i]]:
                if tuple(words[i:i + len(variant)]) == variant:
                    out += words[done:i]
                    out += target
                    done = i + len(variant)
                    break
        out += words[done:]
        return out


class Analyzer:
    """Turns text into index terms; for questions it also corrects misspelt words."""

    def __init__(self, synonyms: Synonyms, vocabulary: Iterable[str] = (),
                 language: str = "en") -> None:
        self.synonyms = synonyms
        self._term = TERMS[language]
        self.learn(vocabulary)

    def learn(self, vocabulary: Iterable[str]) -> None:
        """The words that misspelt question words are corrected to (the articles' own)."""
        self.vocabulary = sorted(set(vocabulary) | self.synonyms.words)
        self._known = frozenset(self.vocabulary)
        self._by_length: dict[int, list[str]] = {}
        for word in self.vocabulary:  # each list stays in alphabetical order
            self._by_length.setdefault(len(word), []).append(word)
        self._correct = lru_cache(maxsize=65536)(self._nearest)

    def knows(self, word: str) -> bool:
        """A folded word the articles or synonyms use, or one that carries no topic."""
        return word in self._known or not self._term(word)

    def terms(self, text: str, correct: bool = False) -> list[str]:
        """Index terms of a text: synonyms mapped, stop words dropped, stemmed."""
        words = fold(text).split()
        if correct:
            words = [self._correct(w) for w in words]
        return self.terms_of(words)

    def terms_of(self, words: list[str]) -> list[str]:
        """Index terms of already folded words."""
        return [t for t in map(self._term, self.synonyms.apply(words)) if t]

    def _nearest(self, word: str) -> str:
        if word in self._known or len(word) < MIN_CORRECTABLE or word.isdigit():
            return word
        # A ratio of 82 needs 2 * min(a, b) / (a + b) >= 0.82 of the two lengths, so only
        # words of such lengths are compared (about half); a tie goes to the alphabetically
        # first, as one search over the whole sorted vocabulary gives it.
        found = [best for length, words in self._by_length.items()
                 if 200 * min(length, len(word)) / (length + len(word)) >= CORRECTED_FROM - 1e-9
                 and (best := process.extractOne(word, words, scorer=fuzz.ratio,
                                                 score_cutoff=CORRECTED_FROM))]
        return min(found, key=lambda best: (-best[1], best[0]))[0] if found else word
