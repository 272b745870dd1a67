"""Students' names: runs of capitalised words that name lists recognise, lowercase first-and-
last pairs, and whatever follows a cue such as "my student" or precedes "in 3rd period"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.masking.spans import Span
from bot.masking.words import AMBIGUOUS, FIRST, SURNAME, WEAK, Word, words_of

# Staff are named by title and surname; those stay ("Ms. Rivera", "Mr. Okafor").
TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "coach", "principal",
          "dean", "sr", "sra", "srta", "mme", "mlle", "rev", "fr", "sir", "madam", "madame",
          "superintendent", "nurse", "counselor", "officer", "judge"}
PARTICLES = {"van", "von", "de", "da", "del", "della", "di", "du", "la", "le", "bin", "bint",
             "ibn", "al", "el", "der", "den", "dos", "das", "y", "ben", "abu", "ter"}
# "Lincoln Elementary", "Jackson Hall", "Amira Learning": a place or a product, not a child.
PLACES = {"elementary", "middle", "high", "school", "schools", "academy", "campus", "building",
          "hall", "library", "center", "centre", "county", "city", "district", "isd", "usd",
          "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "wing",
          "gym", "lab", "labs", "office", "auditorium", "cafeteria", "prep", "charter",
          "unified", "university", "college", "institute", "foundation", "inc", "llc", "corp",
          "company", "group", "technologies", "systems", "system", "software", "learning",
          "education", "publishing", "press", "app", "apps", "portal", "reader", "studio",
          "suite", "edition", "cloud", "online", "live", "plus", "pro", "premium", "elem", "ms",
          "hs", "es", "valley", "heights", "room", "rm", "classroom", "portable"}
# These mark a place even lowercase: "the Jefferson room", "the Washington building".
PLACES_ANY_CASE = {"room", "rm", "classroom", "portable", "building", "lab", "wing", "hall",
                   "gym", "campus", "library", "office", "cafeteria", "auditorium"}
CUE_BEFORE = re.compile(
    r"\b(?:students?|stu|kids?|child(?:ren)?|sons?|daughters?|pupils?|learners?|twins?|"
    r"siblings?|brother|sister|cousin|named|called|nicknamed|goes\s+by|go\s+by|known\s+as|"
    r"enrolled\s+as|name\s+is|names\s+are)[\s,:(—–-]*(?:is\s+|are\s+|was\s+)?$", re.IGNORECASE)
# "Jaden R. in 3rd period", "Priya (5th period)", "Emily, Period 4"; not "AP Bio period 3".
CUE_AFTER = re.compile(r"(?:\s*[(,]\s*|\s+(?:in|from)\s+)(?:my\s+)?(?:\d+(?:st|nd|rd|th)\s+"
                       r"(?:period|grade|hour)|period\s+\d|grade\s+\d|homeroom)", re.IGNORECASE)
# "Xiomara's mom", "Tavita's Chromebook": a possessive before these marks a person.
BELONGINGS = re.compile(r"\s+(?:mom|mother|dad|father|parents?|guardian|grandma|grandmother|"
                        r"grandpa|aunt|uncle|brother|sister|twin|chromebook|ipad|laptop|"
                        r"computer|device|account|login|email|password|badge|headphones|"
                        r"charger|phone|screen|hotspot|locker|schedule|grades?|iep)\b",
                        re.IGNORECASE)
MOST_AFTER_CUE = 3  # words taken after "my student": first, middle and last name


def joinable(word: Word) -> bool:
    """A word that can be part of a capitalised name."""
    if word.glued or word.text.lower() in TITLES or word.text.lower() in PLACES:
        return False
    if word.shape == "initial":
        return True
    if word.shape == "mixed":
        return word.known and word.score >= SURNAME  # DeShawn, McKenzie; not iPad, PowerUp
    return word.shape in ("title", "upper") and word.score > 0


def adjacent(text: str, left: Word, right: Word) -> bool:
    """Only spaces between (or ". " after an initial), and no possessive ending the left."""
    gap = text[left.after:right.start]
    if left.possessive:
        return False
    if left.shape == "initial" and gap.startswith("."):
        gap = gap[1:]
    return gap != "" and gap.strip(" \t") == ""


def runs(text: str, words: list[Word]) -> Iterator[tuple[int, int]]:
    """[first, last] word indexes of each stretch of capitalised words (particles inside)."""
    i = 0
    while i < len(words):
        if not joinable(words[i]):
            i += 1
            continue
        j = i
        while j + 1 < len(words) and adjacent(text, words[j], words[j + 1]):
            nxt = words[j + 1]
            if joinable(nxt):
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


def is_name(text: str, words: list[Word], first: int, last: int) -> bool:
    """Whether a run of capitalised words is a person rather than a product or a place."""
    run = [w for w in words[first:last + 1] if w.shape != "initial" and w.text not in PARTICLES]
    if not run:
        return False
    before = words[first - 1] if first > 0 else None
    if before and before.text.lower().rstrip(".") in TITLES and adjacent_or_dot(text, before,
                                                                               words[first]):
        return False
    after = words[last + 1] if last + 1 < len(words) else None
    if after and adjacent(text, words[last], after) and (
            after.text.lower() in PLACES_ANY_CASE
            or (after.shape != "lower" and after.text.lower() in PLACES)):
        return False
    initials = sum(w.shape == "initial" for w in words[first:last + 1])
    total = sum(w.score for w in run) + WEAK * initials  # "K. Tsosie" is a name
    if all(w.shape == "upper" for w in run):  # shouted acronyms: "HP", "SIS", "MAP"
        strong = all(w.known and w.score >= SURNAME for w in run) and (
            len(run) >= 2 or (run[0].score == FIRST and len(run[0].text) >= 4))
    else:
        strong = any(w.score == FIRST for w in run) or (
            len(run) + initials >= 2 and total >= FIRST)
    end = words[last].after
    return strong or bool(CUE_AFTER.match(text, end)) or (
        words[last].possessive and bool(BELONGINGS.match(text, end)) and total > 0)


def adjacent_or_dot(text: str, title: Word, word: Word) -> bool:
    """A title right before a name: "Ms Rivera", "Ms. Rivera"."""
    return text[title.after:word.start] in (" ", ". ", ".  ")


def lowercase_names(text: str, words: list[Word]) -> Iterator[Span]:
    """Names typed in lowercase: "jamal carter", "elena cruz", "jaden's password", "aaliyah".
    A lowercase word counts only when it is a common first name or a surname and no word."""
    for i, word in enumerate(words):
        if word.shape != "lower" or not word.known or word.score < SURNAME:
            continue
        previous = words[i - 1] if i else None
        if previous and previous.shape == "lower" and previous.score == FIRST \
                and adjacent(text, previous, word):
            continue  # the second word of a pair already found
        last = word
        for nxt in words[i + 1:i + MOST_AFTER_CUE]:
            if nxt.shape != "lower" or not nxt.known or nxt.score < SURNAME \
                    or not adjacent(text, last, nxt):
                break
            last = nxt
        single = last is word
        if (word.score == FIRST and not word.wordlike and (len(word.text) >= 4 or not single)) or (
                single and word.possessive and BELONGINGS.match(text, word.after)):
            yield Span(word.start, last.end, "name")


def inverted(text: str, words: list[Word]) -> Iterator[Span]:
    """"Rodriguez, Jaden" as rosters write it: a surname alone, a comma, a first name alone."""
    for i in range(len(words) - 1):
        surname, first = words[i], words[i + 1]
        alone = (i == 0 or not adjacent(text, words[i - 1], surname)) and (
            i + 2 == len(words) or not adjacent(text, first, words[i + 2]))
        if (alone and text[surname.after:first.start] == ", " and joinable(surname)
                and joinable(first) and surname.score >= SURNAME and first.score == FIRST):
            yield Span(surname.start, first.end, "name")


def after_cues(text: str, words: list[Word]) -> Iterator[Span]:
    """Up to three name-like words right after "my student", "kid named", "goes by"..."""
    for i, word in enumerate(words):
        cue = CUE_BEFORE.search(text[max(0, word.start - 40):word.start])
        if not cue:
            continue
        taken: list[Word] = []
        for nxt in words[i:i + MOST_AFTER_CUE]:
            if not cued_name(nxt) or (taken and not adjacent(text, taken[-1], nxt)):
                break
            taken.append(nxt)
        # A word that is also an English word ends a name only after a lowercase cue: "my
        # student Grace", "student Grace Kim", but not "Student View" (a product's name).
        if len(taken) == 1 and taken[0].score == AMBIGUOUS and cue[0][0].isupper():
            taken.pop()
        if taken:
            yield Span(taken[0].start, taken[-1].end, "name")


def cued_name(word: Word) -> bool:
    """A word that, right after "my student", is taken as (part of) a name."""
    if word.shape == "lower":
        return word.known and word.score >= SURNAME  # "my student ahmed abdi says"
    if word.shape == "upper" and not (word.known and word.score >= SURNAME):
        return False  # "student ID", "student VLAN"
    return joinable(word)


def find_names(text: str, taken: list[Span]) -> list[Span]:
    """Every student name found in `text`, outside the spans already hidden."""
    words = words_of(text, taken)
    found = [Span(words[a].start, name_end(text, words[b]), "name")
             for a, b in runs(text, words) if is_name(text, words, a, b)]
    found += lowercase_names(text, words)
    found += inverted(text, words)
    found += after_cues(text, words)
    return merged(found)


def name_end(text: str, last: Word) -> int:
    """Where a name ends: after the period of a closing initial ("Jaden R. in 3rd period"),
    unless that period also ends the sentence."""
    if last.shape == "initial" and text[last.end:last.end + 2] == ". " \
            and text[last.end + 2:last.end + 3].islower():
        return last.end + 1
    return last.end


def merged(spans: list[Span]) -> list[Span]:
    """Overlapping name spans become one."""
    result: list[Span] = []
    for span in sorted(spans):
        if result and span.start <= result[-1].end:
            last = result[-1]
            result[-1] = Span(last.start, max(last.end, span.end), "name")
        else:
            result.append(span)
    return result
