"""Students' names: runs of capitalised words that name lists recognise, lowercase first-and-
last pairs, and whatever follows a cue such as "my student" or precedes "in 3rd period".
What is not certain alone is weighed with the sentence around it in people.py."""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.masking.adults import ROLE_TO_BE, at_work, grown_up
from bot.masking.cued import after_cues, bracket_after_child, families, inverted
from bot.masking.cues import (
    ADDRESSED,
    CHILD_NOUN,
    GREETING,
    PARTICLES,
    PERSONAL,
    ROLE_AFTER,
    ROLE_BEFORE,
    TOPIC_BEFORE,
    TOPICS,
    VENDORS,
    VERBS,
    VERSION_AFTER,
)
from bot.masking.handles import in_handles
from bot.masking.kin import titled_family
from bot.masking.lexicon import lexicon
from bot.masking.lowercase import (
    lowercase_cued,
    lowercase_family,
    lowercase_maybe,
    lowercase_names,
    lowercase_possessive,
    titled,
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
    HOMEROOM_AFTER,
    ID_AFTER,
    KIN,
    KINDER_AFTER,
    LANGUAGES,
    ONE_CHILD_AFTER,
    POSSESSIVE_LIST,
    SIBLINGS,
    SIGN_IN_TROUBLE,
)
from bot.masking.things import (
    STANDARD_AFTER,
    companies_spread,
    organisation,
    saints_between,
)
from bot.masking.words import DAYS, FIRST, NAMED, SURNAME, WEAK, Word, adjacent, words_of

# A period before a place: "Ancient Egypt", "Colonial Virginia".
ERAS = {"ancient", "medieval", "colonial", "imperial", "feudal", "classical", "prehistoric"}
# "Franklin T10 hotspot", "Epson PowerLite 1781W": a model code after a run makes it a product.
# Not a grade ("3rd") or a class section ("Maya 7B").
MODEL = re.compile(r"\s+(?!\d+(?i:st|nd|rd|th)\b)(?=[A-Za-z]|[A-Za-z0-9]{3})"
                   r"(?=[A-Za-z0-9]*[A-Za-z])(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{2,6}\b(?!-)|"
                   r"\s+[A-Z]{1,4}-(?=[A-Z0-9]*\d)[A-Z0-9]{2,8}\b")  # "Hamilton Buhl HA-66USB"
BARE_INITIAL_AFTER = re.compile(r"(?:\s+(?:and|&|or)\s|,|['’]s\b|\s+[a-z]|\s*$)")
GRADE_AFTER = re.compile(r"\s+\d{1,2}(?:st|nd|rd|th)[\s-]+grade\b", re.IGNORECASE)


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
KIN_ASIDE = re.compile(rf"(?:\s*\(|,\s*)(?:[\w-]+['’]s\s+)?(?:{KIN})\b", re.IGNORECASE)


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


# A shop named for its owner, capitalised as a shop's name is: "Joe's Coffee", "Lupita's
# Bakery" (a red team's, stop 56: a Coffee series' place at a café lost its name); not
# "Jaden's coffee spilled", "Jaden Martinez's Pizza" (a full name), "Aaliyah's Bakery sale".
BUSINESS_AFTER = re.compile(r"\s+(?:Coffee|Caf[eé]|Diner|Pizza|Pizzeria|Bakery|Panader[ií]a|"
                            r"Grill|Deli|Donuts?|Bagels?|Taquer[ií]a|Restaurant|Bistro|"
                            r"Bookstore)\b(?!\s+(?i:party|parties|sale|fundraiser|night|day|"
                            r"winners?|contest|club))")


def vetoed(text: str, words: list[Word], first: int, last: int) -> bool:
    """A run that names staff ("Ms. Rivera"), a product ("Franklin T10") or the topic of a
    lesson ("the Harriet Tubman unit", "researching Sitting Bull")."""
    before = words[first - 1] if first > 0 else None
    if before and titled(text, before, words[first]):
        return True
    if before and first > 1 and before.folded in PARTICLES and titled(text, words[first - 2],
                                                                      before):
        return True  # "Ms. dela Cruz", "Mr. van Dyke"
    if before and before.folded in ERAS and adjacent(text, before, words[first]):
        return True  # "Ancient Egypt", "Colonial Virginia": a time and place, not a child
    if (before and before.folded in VENDORS and adjacent(text, before, words[first])) or (
            last > first and words[first].folded in VENDORS):
        return True  # "Logitech Combo Touch", "Bogen Nyquist": a maker's product line
    if first == last and words[last].possessive and BUSINESS_AFTER.match(text, words[last].after):
        return True  # "meet at Joe's Coffee", "Rosa's Café": a shop, where a coach meets
    if GREETING.search(text, max(0, words[first].start - 20), words[first].start) and \
            ADDRESSED.match(text, words[last].after):
        return True  # "Hi Dana,", "Thanks Jordan!": the coach a message is addressed to
    if grown_up(text, words, first, last):
        return True
    after = words[last + 1] if last + 1 < len(words) else None
    end = words[last].after
    if after and adjacent(text, words[last], after) and (
            after.text.lower() in TOPICS or attributive(text, words, first, last)):
        return True
    the = text[max(0, words[first].start - 4):words[first].start].lower() == "the "
    if first == last and not words[last].possessive and GRADE_AFTER.match(text, end) and the:
        return True  # "the Franklin 5th grade team": a school's; a child is never "the Liam"
    if first == last and the and len(words[first].text) <= 3 and words[first].text.isupper() \
            and not text.isupper() and not FAMILY_AFTER.match(text, end):
        return True  # "Amy at the SU said": an office's letters (not "the HA family")
    if (ROLE_BEFORE.search(text, max(0, words[first].start - 40), words[first].start)
            and not KIN_ASIDE.match(text, end)) or \
            ROLE_AFTER.match(text, end) or ROLE_TO_BE.match(text, end) or (
                not words[last].possessive and (
                VERSION_AFTER.match(text, end) or at_work(text, words, first, end))):
        return True  # "our rep is Jordan Blake", "Lockdown Browser 2.1.1.06"
    if STANDARD_AFTER.match(text, end):
        return True  # "Arizona 3.OA.A.1": a state's standard
    return bool((MODEL.match(text, end) and not words[last].possessive
                 and not (CLASS_AFTER.match(text, end) or HOMEROOM_AFTER.match(text, end))
                 and not full_name(words[first:last + 1]))
                or TOPIC_BEFORE.search(text[max(0, words[first].start - 40):words[first].start]))


def full_name(run: list[Word]) -> bool:
    """A first name and a surname, neither a product's word: "Jaden Smith C740" is Jaden's
    Chromebook, where "Franklin T10" is a hotspot (a red team's, stop 49)."""
    return len(run) >= 2 and run[0].given and run[0].score >= SURNAME and \
        run[-1].shape == "title" and not any(w.product for w in run)


def attributive(text: str, words: list[Word], first: int, last: int) -> bool:
    """"the Edison charging station", "the Einstein Bros order": one word after "the" that
    describes the noun after it. A child is never "the Liam"; a family is "the Okafor
    twins"."""
    after = words[last + 1]
    return first == last and not words[last].possessive and text[
        max(0, words[first].start - 4):words[first].start].lower() == "the " and not (
        FAMILY_AFTER.match(text, words[last].after) or after.stop or after.text in VERBS or (
            ONE_CHILD_AFTER.match(text, words[last].after) and family_name(words[last]))) and (
        after.shape == "lower" or (after.shape == "title" and after.score < WEAK))


def family_name(word: Word) -> bool:
    """A capitalised word that can be a family's name: a surname, even one that is also a
    word ("Smith", "Miller": a red team's, stop 55), or a rare or unknown word; not a
    product's nor a language ("the Spanish kid")."""
    return word.shape == "title" and not word.product and word.folded not in LANGUAGES and (
        word.score >= WEAK or word.folded in lexicon().surnames)


def find_names(text: str, taken: list[Span]) -> list[Span]:
    """Every student name found in `text`, outside the spans already hidden."""
    words = words_of(text, taken)
    found = [*lowercase_names(text, words), *lowercase_cued(text, words),
             *lowercase_family(text, words), *lowercase_possessive(text, words),
             *unknown_before_surname(text, words), *inverted(text, words),
             *after_cues(text, words), *families(text, words),
             *bracket_after_child(text, words), *titled_family(text, words),
             *roster_lines(text, words), *named_then_kin(text, words),
             *record_names(text, taken)]
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
