"""Students' names: runs of capitalised words that name lists recognise, lowercase first-and-
last pairs, and whatever follows a cue such as "my student" or precedes "in 3rd period".
What is not certain alone is weighed with the sentence around it in people.py."""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.masking.cued import after_cues, bracket_after_child, families, inverted
from bot.masking.cues import (
    CHILD_NOUN,
    PARTICLES,
    PERSONAL,
)
from bot.masking.handles import in_handles
from bot.masking.kin import plural_families, titled_family
from bot.masking.lowercase import (
    lowercase_cued,
    lowercase_family,
    lowercase_maybe,
    lowercase_names,
    lowercase_possessive,
    unknown_before_surname,
)
from bot.masking.parents import named_then_kin
from bot.masking.people import (
    before_work_address,
    bracketed,
    by_the_sentence,
    extended,
    in_lists,
    referred,
    repeated,
)
from bot.masking.places import placed
from bot.masking.records import record_names
from bot.masking.rosters import roster_lines
from bot.masking.runs import runs
from bot.masking.spans import Span
from bot.masking.staff_lists import staff_removed
from bot.masking.student_cues import (
    ASIDE,
    BELONGINGS,
    CLASS_AFTER,
    CUE_AFTER,
    DEVICE_AFTER,
    DEVICE_TROUBLE,
    DOINGS,
    FAMILY_AFTER,
    FAMILY_WORD,
    GRADE_SAID_AFTER,
    HANDED_BEFORE,
    ID_AFTER,
    KIN,
    KINDER_AFTER,
    ONE_CHILD_AFTER,
    POSSESSIVE_LIST,
    SIBLINGS,
    SIGN_IN_TROUBLE,
)
from bot.masking.things import (
    companies_spread,
    organisation,
    saints_between,
)
from bot.masking.vetoes import family_name, vetoed
from bot.masking.words import DAYS, FIRST, NAMED, SURNAME, WEAK, Word, words_of

BARE_INITIAL_AFTER = re.compile(r"(?:\s+(?:and|&|or)\s|,|['’]s\b|\s+[a-z]|\s*$)")


class Run(NamedTuple):
    """Words [first, last] of a capitalised run, and what they are: "name", "maybe" (name-
    like, but not enough alone), "place" (before "room", "classrooms") or "not"."""

    first: int
    last: int
    verdict: str


def verdict(text: str, words: list[Word], first: int, last: int) -> str:
    """Whether a run of capitalised words is a person rather than a product or a place."""
    run = [w for w in words[first:last + 1] if w.shape != "initial" and w.text not in PARTICLES]
    if not run:
        return "not"
    if placed(text, words, first, last) or organisation(text, words, first, last):
        return "place"
    if vetoed(text, words, first, last):
        return "not"
    return "name" if strong(text, words, first, last, run) or cued(
        text, words[first], words[last], run) or referred(text, run) else "maybe"


def strong(text: str, words: list[Word], first: int, last: int, run: list[Word]) -> bool:
    """A run the lists make a name: a common first name ("Liam"), two name-like words ("Ahiga
    Begay", "Hope Alvarez-Mendoza", "Kagiso Mbeki"), a first name and an initial ("Autumn
    R."); SHOUTED, only words the lists know ("MAYA CHEN", not "CALPADS SSID")."""
    initials = sum(w.shape == "initial" for w in words[first:last + 1])
    total = sum(w.score for w in run) + WEAK * initials  # "K. Tsosie" is a name
    if all(w.shape == "upper" for w in run):  # shouted acronyms: "HP", "SIS", "MAP"
        return (len(run) >= 2 and total >= NAMED and all(
            w.known and (len(w.text) >= 4 or w.score == FIRST) for w in run)) or (
            len(run) == 1 and run[0].score == FIRST and len(run[0].text) >= 4)
    return any(w.score == FIRST for w in run) or (len(run) + initials >= 2 and (
        total >= NAMED or all(w.score >= WEAK for w in run)
        or (initials > 0 and run[0].given and (text[words[last].end:words[last].end + 1] == "."
                                               or bare_initial(text, words[last])))))


def bare_initial(text: str, word: Word) -> bool:
    """A surname's initial without its period, as teachers tell two students apart: "Jack M
    and Jack T", "Ava R's charger"; not "Plan B" (no first name) nor the writer's "I"."""
    return word.shape == "initial" and word.text not in ("A", "I") and bool(
        BARE_INITIAL_AFTER.match(text, word.end))


KIN_AFTER = re.compile(rf"\s+(?:{KIN})\b", re.IGNORECASE)  # "Sunday's mom": a child
# Whose family a name is, said right after it: "Contact: Tasha Brooks (Jaylen's mom)".
# Where a sentence opens: "Garcia family needs a hotspot" (a red team's, stop 59), or after
# a lead-in.
OPENS = re.compile(r"(?:^|[.!?\n:]\s*|\b(?:also|fyi|update|note|btw|ps|and|so|but|re),?\s+)$",
                   re.IGNORECASE)  # "Also, Tsosie family needs a hotspot" (a third's)


def cued(text: str, first: Word, last: Word, run: list[Word]) -> bool:
    """A run the words around make a person: "(5th period)", "(twins)", "was born", "said",
    "the Moroz triplets", or a possessive before "mom" or "Chromebook"."""
    end = last.after
    if len(run) == 1 and run[0].shape == "upper" and not run[0].known:
        return False  # an acronym: "USBE said", "ISBE says"
    listed = POSSESSIVE_LIST.match(text, end) if last.possessive else None
    if last.possessive and BELONGINGS.match(text, listed.end() if listed else end):
        return any(w.score > 0 for w in run) and not (  # "frozen on Tuesday's lunch menu"
            len(run) == 1 and run[0].folded in DAYS and not KIN_AFTER.match(text, end))
    if (FAMILY_AFTER.match(text, end) and text[:first.start].lower().endswith("the ")) or (
            SIBLINGS.match(text, end) and OPENS.search(text, 0, first.start)
            and not any(w.product for w in run)):  # not "Epson family of printers"
        return any(w.score > 0 for w in run)  # "Garcia family needs a hotspot" too
    if ONE_CHILD_AFTER.match(text, end) and text[:first.start].lower().endswith("the "):
        return any(family_name(w) for w in run)  # "the Smith kid", not "the Spanish kid"
    # set off by commas, what she does all the same: "the one with the glasses, Phuc, can't
    # log into Lexia" (a blind corpus's, stop 58)
    aside = end + 1 if text.startswith(",", end) and text[:first.start].rstrip().endswith(",") \
        else end
    if DOINGS.match(text, aside) or GRADE_SAID_AFTER.match(text, end):  # "Destiny just asked"
        return any(w.given or w.score >= WEAK for w in run)
    handed = HANDED_BEFORE.search(text, max(0, first.start - 12), first.start)
    if handed and DEVICE_AFTER.match(text, end):
        # sent or ordered, a name the lists know, never a vendor's or a school's ("we sent
        # Amazon the laptops back", "order Eastside the headphones": a red team's, stop 58)
        if any(w.product for w in run):
            return False
        if handed["given"]:  # "give Eh Say a new charger": any name
            return any(w.given or w.score >= WEAK for w in run)
        return all(w.given or w.score >= SURNAME for w in run)
    if DEVICE_TROUBLE.match(text, aside):
        return any(w.given for w in run) and not any(w.product for w in run)
    if SIGN_IN_TROUBLE.match(text, aside):
        return any(w.given or w.score >= WEAK for w in run) and not any(w.product for w in run)
    if KINDER_AFTER.match(text, end):  # "Grace (K)", not "Fundations (K)", "Open Court (K)"
        return all(w.given and not w.product for w in run) and any(  # a text about children
            cue.search(text) for cue in (CHILD_NOUN, PERSONAL, FAMILY_WORD))
    return any(w.given or w.score >= WEAK for w in run) and not all(w.product for w in run) and \
        bool(CUE_AFTER.match(text, end) or ASIDE.match(text, end) or ID_AFTER.match(text, end)
             or CLASS_AFTER.match(text, end))


def find_names(text: str, taken: list[Span]) -> list[Span]:
    """Every student name found in `text`, outside the spans already hidden."""
    words = words_of(text, taken)
    found = [*lowercase_names(text, words), *lowercase_cued(text, words),
             *lowercase_family(text, words), *lowercase_possessive(text, words),
             *unknown_before_surname(text, words), *inverted(text, words),
             *after_cues(text, words), *families(text, words),
             *bracket_after_child(text, words), *titled_family(text, words),
             *roster_lines(text, words), *named_then_kin(text, words),
             *plural_families(text, words), *record_names(text, taken)]
    judged = sorted([Run(a, b, verdict(text, words, a, b)) for a, b in runs(text, words)]
                    + [Run(i, i, "maybe") for i in range(len(words)) if lowercase_maybe(words, i)])
    judged, dropped = in_lists(text, words, companies_spread(text, words, judged), found)
    found = [s for s in found if not any(s.overlaps(d) for d in dropped)]
    found += [Span(words[r.first].start, name_end(text, words[r.last]), "name")
              for r in judged if r.verdict == "name"]
    found += by_the_sentence(text, words, judged, found) + in_handles(text, words, taken)
    found = merged(found)
    found = merged(found + repeated(words, found))
    found = merged(extended(text, words, merged(found + bracketed(text, words, found))))
    found = merged(found + saints_between(text, found))
    return staff_removed(text, before_work_address(text, found, taken))


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
