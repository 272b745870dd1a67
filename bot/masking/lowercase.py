"""Names typed in lowercase ("jamal carter", "kylie m.", "jaden's password"), and the staff
named by title before them ("ms. grace okafor"), who stay."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from bot.masking.adults import grown_up
from bot.masking.cues import PLACES_ANY_CASE, ROLES, VENDORS, VERBS
from bot.masking.lexicon import lexicon
from bot.masking.spans import Span
from bot.masking.student_cues import (
    BELONGINGS,
    CUE_AFTER,
    FAMILY_WORD,
    ID_AFTER,
    SIBLINGS,
)
from bot.masking.words import FIRST, SURNAME, WEAK, Word, adjacent, honorific

# The last initial of "kylie m.", or of "mia t?" without its period.
LOWER_INITIAL = re.compile(r" ([a-z])(?:\.(?=[\s,;]|$)|(?=[?!]|$))")
MOST_AFTER_CUE = 3  # words taken after "my student": first, middle and last name
# In Spanish an object pronoun comes right before its verb: "no me deja compartir", "le
# sale", "se queda". A lowercase word there is a verb, even one that is also a name.
# (English puts no lowercase name right after "me": "help me with jamal".)
# So does "no": "la red no deja entrar".
CLITICS = {"me", "te", "le", "les", "nos", "se", "lo", "os", "no"}
# Nor does a name follow a Spanish article: "la hora", "una clave", "el domingo" are nouns.
# ("al" is left out: in English it is a name.)
ARTICLES = {"el", "la", "los", "las", "un", "una", "unos", "unas", "del"}
# Spanish possessives, lowercase: "su clave" is her password, not Su Clave (but "su lin park").
POSSESSIVES = {"su", "tu"}
# Words a name list has, typed lowercase, that are no name so: Spanish verbs ("trae la
# Chromebook") and "even" ("even tho the SSID shows up"; not "tho": "ngoc tho tran", a red
# team's). Capitalised, "Trae" may be a boy's name and "Even" a Norwegian's, so they are no
# words of the word lists.
LOWERCASE_VERBS = {"trae", "even"}
# How a verb the word lists lack ends: "alvin rebooted the ap", "jose reimaging them".
DONE = ("ed", "ing")
JOB = re.compile(ROLES)
# A family's children after its name: "the quishpe kids share one ipad"; not a programme's ("the
# esol kids").
THE_FAMILYS = re.compile(r"\s+(?:kids|boys?|girls?|children|household|cousins)\b",
                         re.IGNORECASE)
PROGRAMMES = {"esol", "esl", "ell", "ells", "eld", "enl", "sped", "ese", "ieps", "gate", "avid",
              "mtss", "elpac", "wida", "title", "migrant", "ib", "ap"}
DETERMINERS = {"the", "a", "an", "this", "that", "my", "our", "your", "his", "her", "their"}
JOB_BEFORE = DETERMINERS | {"new", "bilingual", "instructional", "classroom", "part-time",
                            "full-time", "sped", "ell", "esl", "lunch", "recess", "library",
                            "health", "teacher", "teachers", "substitute", "sub", "1:1"}
# "reset the password for ...": who the help is for (not "met with", a colleague: a red
# team's, stop 57).
FOR_SOMEONE = {"for", "para"}
# Things numbered by an id that first-name lists also hold: "job ID 884201", "case id 7731".
NUMBERED_THINGS = {"job", "case", "tag", "bill"}


def staff_before(text: str, words: list[Word], i: int) -> bool:
    """A title before word i, or before the lowercase name words just before it."""
    for j in range(i - 1, max(-1, i - 3), -1):
        if titled(text, words[j], words[j + 1]):
            return True
        if words[j].shape != "lower" or not words[j].known or not adjacent(text, words[j],
                                                                            words[j + 1]):
            return False
    return False


# The titles written short, with a period ("Mr.", "Dra.", "Rev."), as no word is.
# ("Miss." too, as staff type it: "Miss. Johnson's projector", a red team's, EE.)
SHORT_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sr", "sra", "srta",
                          "mme", "mlle", "rev", "fr", "dra", "lic", "mtra", "mtro", "ing", "arq",
                          "profa", "ap", "supt", "capt", "lt", "sgt", "col", "gen", "maj"})
FULL_NAME_ON = re.compile(r"[ \t]+[A-Z][a-z]")  # a surname after the word: a whole name
THANKED_MISS = re.compile(r"\b(?:thanks|thank\s+you|thx|ty|ok|okay|got\s+it|yes)[,!]?\s+$",
                          re.IGNORECASE)


def titled(text: str, before: Word, word: Word) -> bool:
    """A title right before a name: "Ms. Rivera", "mr. bellamy", "la maestra Ruiz"; after a
    title written out, a period ends a sentence: "This is the nurse. Maya Coleman needs a
    charger" (found at stop 63), "Thanks Coach. Jaden Ramirez (6th grade) lost his charger"
    (a red team's, FF, when "Coach." was let stay a title)."""
    gap = text[before.after:word.start]
    if before.folded == "miss" and gap != " " and (FULL_NAME_ON.match(text, word.end) or
                                                   THANKED_MISS.search(text, 0, before.start)):
        return False  # "Thanks Miss. Jaden Ramirez can log in now", "Thanks Miss. Jaden can
        # log in now" (red teams', FF and GG); not "Hi Miss. Morgan, your ticket was closed"
    return honorific(text, before) and (gap == " " or (gap in (". ", ".  ") and (
        before.folded in SHORT_TITLES or before.text.isupper())))


def lowercase_names(text: str, words: list[Word]) -> Iterator[Span]:
    """Names typed in lowercase: "jamal carter", "elena cruz", "jaden's password", "aaliyah".
    A lowercase word counts only when it is a common first name or a surname and no word."""
    for i, word in enumerate(words):
        nxt_word = words[i + 1] if i + 1 < len(words) else None
        if word.shape != "lower" or not word.known or word.blocked or word.stop or (
                word.score < SURNAME and not (word.given and LOWER_INITIAL.match(text, word.end))
                and not surnamed(text, word, nxt_word)):
            continue
        if after_clitic(words, i) or word.text in ARTICLES | LOWERCASE_VERBS or after_maker(
                words, i) or (
                word.text in POSSESSIVES and not (nxt_word and nxt_word.score == FIRST)):
            continue  # "no me deja compartir pantalla", "una clave", "snap-on zeus": no name
        previous = words[i - 1] if i else None
        if previous and previous.shape == "lower" and previous.score == FIRST \
                and adjacent(text, previous, word):
            continue  # the second word of a pair already found
        if staff_before(text, words, i):
            continue  # "ms. grace okafor", "mr. bellamy": staff
        if nxt_word and adjacent(text, word, nxt_word) and nxt_word.folded in PLACES_ANY_CASE:
            continue  # "jordan hs theater", "lincoln library"
        last = word
        for nxt in words[i + 1:i + MOST_AFTER_CUE]:
            unknown_surname = word.score == FIRST and not word.wordlike and nxt.score == WEAK \
                and not nxt.known and len(nxt.text) >= 4 and last is word \
                and not nxt.text.endswith(DONE)  # "elijah mbeki", not "alvin rebooted"
            if nxt.shape != "lower" or not (nxt.known or unknown_surname) or nxt.blocked \
                    or nxt.stop or nxt.text in LOWERCASE_VERBS \
                    or not adjacent(text, last, nxt) or not (nxt.score >= SURNAME or (
                        word.score == FIRST and not word.wordlike and nxt.score > 0
                        and not nxt.product and nxt.text not in VERBS)):
                break  # "oliver king" and "mia ross", not "liam will"
            last = nxt
        single = last is word
        if single and grown_up(text, words, i, i):
            continue  # "jess and i are sharing a classroom": a grown-up, as capitalised
        initial = LOWER_INITIAL.match(text, last.end)
        if initial and word.given and not word.product:  # "kylie m.", "jayden w."
            yield Span(word.start, initial.end(1), "name")
        elif (word.score == FIRST and not word.wordlike and (len(word.text) >= 4 or not single)
              ) or (single and word.possessive and BELONGINGS.match(text, word.after)) or (
                not single and surnamed(text, word, nxt_word)):
            yield Span(word.start, last.end, "name")


def unknown_before_surname(text: str, words: list[Word]) -> Iterator[Span]:
    """A lowercase word no first-name list knows and no word, before a surname that is no
    word, asked for someone: "reset pw for jhunior alvarado", "for seo-yeon kim" (a blind
    corpus's, stop 57). Anywhere else, such pairs are as often a typo before a word ("fridge
    temp") or a language the lists do not hold (Haitian Creole: "tout moun")."""
    for i, (word, nxt) in enumerate(pairwise(words)):
        if word.shape == nxt.shape == "lower" and adjacent(text, word, nxt) and \
                not word.given and word.score in (WEAK, SURNAME) and len(word.text) >= 4 and \
                not (word.product or word.blocked or word.stop) and nxt.known and \
                nxt.score >= SURNAME and not (nxt.wordlike or nxt.product or nxt.blocked
                                              or nxt.stop) and nxt.text not in VERBS and \
                i and words[i - 1].folded in FOR_SOMEONE and adjacent(text, words[i - 1], word):
            yield Span(word.start, nxt.end, "name")


def surnamed(text: str, word: Word, nxt: Word | None) -> bool:
    """A first name that is also a word, before a surname that is none: "maria lopez" (not
    "will demo": a verb is no name)."""
    return bool(word.given and not word.product and word.text not in VERBS and nxt
                and nxt.shape == "lower" and nxt.text not in VERBS
                and nxt.score >= SURNAME and not (nxt.product or nxt.blocked)
                and adjacent(text, word, nxt))


def lowercase_maybe(words: list[Word], i: int) -> bool:
    """A lowercase first name ("grace", "ava", "liam"): a unit of a list, and a name if the
    lists or its sentence say so; not a Spanish verb after its pronoun ("me deja") nor a job
    ("a new aide in Mrs. Gillette's room": blind corpora's, stop 61)."""
    word = words[i]
    return word.shape == "lower" and word.given and not (
        word.product or word.stop or word.blocked or after_clitic(words, i)
        or after_maker(words, i) or a_job(words, i))


def a_job(words: list[Word], i: int) -> bool:
    """Word i is a job's word after an article or a word that says what kind ("a new aide",
    "our bilingual aide"), not a girl's name before her grade ("aide, 3rd grade, can't log
    in": a red team's, BB, stop 61)."""
    return bool(i and JOB.fullmatch(words[i].text) and words[i - 1].folded in JOB_BEFORE
                and words[i - 1].shape == "lower")


def after_clitic(words: list[Word], i: int) -> bool:
    """Word i follows a Spanish object pronoun or article: a verb ("me deja", "le sale") or
    a noun ("la hora", "el domingo")."""
    return i > 0 and words[i - 1].text.lower() in CLITICS | ARTICLES \
        and words[i - 1].after == words[i].start - 1


def after_maker(words: list[Word], i: int) -> bool:
    """Word i follows a hardware maker's name that no name list has: its product line
    ("snap-on zeus"; not "my dell aaliyah broke it")."""
    maker = words[i - 1] if i > 0 else None
    return bool(maker and maker.folded in VENDORS and not maker.known
                and maker.after == words[i].start - 1)


def lowercase_cued(text: str, words: list[Word]) -> Iterator[Span]:
    """A lowercase first name, with the word after it if that is no word ("grace lindqvist"),
    right before a student's cue: ", 2nd grade", "(5th period)", ", student id ..."."""
    for i, word in enumerate(words):
        if word.shape != "lower" or not word.given or word.stop or word.blocked or \
                after_clitic(words, i) or a_job(words, i) or (
                i and words[i - 1].folded in DETERMINERS) or (
                word.product and i and words[i - 1].folded in ("doc", "web")):
            continue  # not "the bill, id 4471", "the doc cam in Mrs. Gatewood's room"
        last = word
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt and nxt.shape == "lower" and adjacent(text, word, nxt) and nxt.score >= WEAK \
                and not (nxt.stop or nxt.blocked or nxt.product) and nxt.text not in VERBS:
            last = nxt
        if CUE_AFTER.match(text, last.after) or (ID_AFTER.match(text, last.after) and not (
                last is word and word.folded in NUMBERED_THINGS)):
            yield Span(word.start, last.end, "name")


def lowercase_family(text: str, words: list[Word]) -> Iterator[Span]:
    """A family's name typed in lowercase before its children: "tuilagi twins", "garcia
    family needs a hotspot" (a blind corpus's, stop 59), "the quishpe kids", "the tenesaca
    boy" (stop 61's: a surname the lists hold, not a club's "the robotics kids": a red
    team's, BB); never a word ("smith brothers") or an app's ("lexia family")."""
    surnames = lexicon().surnames
    for word in words:
        if word.shape == "lower" and word.score >= WEAK and len(word.text) >= 3 and not (
                word.wordlike or word.product or word.stop or word.blocked
                or word.possessive) and (SIBLINGS.match(text, word.end) or (
                THE_FAMILYS.match(text, word.end) and word.folded in surnames and
                word.folded not in PROGRAMMES and
                text[max(0, word.start - 4):word.start].lower() == "the ")):
            yield Span(word.start, word.end, "name")


def lowercase_possessive(text: str, words: list[Word]) -> Iterator[Span]:
    """A name no list has as a word, typed in lowercase before what a person has: "vannak's
    headset mic is dead", "minjun's mom emailed" (a blind corpus's, stop 60); never a word's
    ("the teacher's mom", "grandma's cell") or an app's the lists know ("gmail's password";
    one they do not is hidden: "dexcom's phone app", a red team's, AZ)."""
    for i, word in enumerate(words):
        if word.shape == "lower" and word.score >= WEAK and len(word.text) >= 5 and not (
                word.wordlike or word.product or word.stop or word.blocked) \
                and word.possessive and BELONGINGS.match(text, word.after) \
                and not FAMILY_WORD.fullmatch(word.text) \
                and not staff_before(text, words, i):  # "ms. grace okafor's laptop"
            yield Span(word.start, word.end, "name")
