"""Spelling correction of question words: to the nearest word the articles use."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz, process

from knowledge import KnowledgeBase
from knowledge.normalize import CORRECTED_FROM, Analyzer, Synonyms


def misspelt(word: str, rng: random.Random) -> str:
    """The word with one to three letters inserted, changed or dropped."""
    letters = list(word)
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(letters) + 1)
        change = rng.choice("idc") if at < len(letters) else "i"
        if change == "i":
            letters.insert(at, rng.choice("abcdefghijklmnopqrstuvwxyz"))
        elif change == "c":
            letters[at] = rng.choice("abcdefghijklmnopqrstuvwxyz")
        else:
            del letters[at]
    return "".join(letters)


def test_a_misspelt_word_becomes_the_article_word_it_is_close_to() -> None:
    analyzer = Analyzer(Synonyms.load(), ["projector", "calibrate", "smartboard"])
    assert analyzer.terms("projecter wont calibrat", correct=True) == \
        analyzer.terms("projector wont calibrate")


def test_a_word_close_to_nothing_the_articles_use_is_left_alone() -> None:
    analyzer = Analyzer(Synonyms.load(), ["projector"])
    assert analyzer.terms("potluck", correct=True) == analyzer.terms("potluck")


@pytest.mark.parametrize("shorter, longer, expected", [
    ("bcdefghij", "aabcdefghijkmnop", "aabcdefghijkmnop"),
    ("abcdefghi", "baabcdefghijkmno", "abcdefghi")])
def test_of_two_equally_close_words_the_alphabetically_first_is_chosen(
        shorter: str, longer: str, expected: str) -> None:
    analyzer = Analyzer(Synonyms.load(), [shorter, longer])
    assert fuzz.ratio("aabcdefghijk", shorter) == fuzz.ratio("aabcdefghijk", longer) > 82
    assert analyzer.terms("aabcdefghijk", correct=True) == analyzer.terms(expected)


def test_corrections_are_those_a_search_of_the_whole_vocabulary_gives(
        knowledge_base: KnowledgeBase) -> None:
    # Only words of a compatible length are compared: this checks nothing is missed by it.
    analyzer = knowledge_base.index.analyzer
    rng = random.Random(18)
    known = set(analyzer.vocabulary)
    words = {misspelt(rng.choice(analyzer.vocabulary), rng) for _ in range(3000)} - known
    differ = []
    for word in words:
        whole = process.extractOne(word, analyzer.vocabulary, scorer=fuzz.ratio,
                                   score_cutoff=CORRECTED_FROM)
        expected = whole[0] if whole and len(word) >= 4 and not word.isdigit() else word
        if analyzer.terms(word, correct=True) != analyzer.terms(expected):
            differ.append((word, expected))
    assert len(words) > 2000 and differ == []
