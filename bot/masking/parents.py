"""A parent named right after "her mom", "his dad" or "Minh's mom (Hoa)": which words after
them are her name, and which are what a staff message goes on to say (red teams', stop 58)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.masking.spans import Span
from bot.masking.student_cues import KIN, LANGUAGES
from bot.masking.words import DAYS, WEAK, Word, adjacent

# What "her mom" is followed by when it is no one's name: a school, a time off or an event
# ("Kennedy Middle", "Spring Break", "Harvest Festival"); not a surname a parent may have
# ("Maria Day", "Eve").
PLACES_AND_BREAKS = frozenset({"break", "vacation", "conference", "conferences", "semester",
                               "middle", "elementary", "high", "school", "academy", "campus",
                               "festival", "fair", "carnival", "concert", "assembly", "parade",
                               "tournament", "fundraiser"})
# Days and holidays are no parent's first word ("called his dad Tuesday", "Thanksgiving
# week"), though some are names too.
DAYS_AND_HOLIDAYS = DAYS | {"thanksgiving", "christmas", "easter", "halloween", "hanukkah",
                            "kwanzaa", "ramadan", "eid", "diwali", "juneteenth", "passover"}
# "told her mom Garcia will call back": the parent is told, and a clause follows.
TOLD_BEFORE = re.compile(r"\b(?:told|tell|telling|texted|text|emailed|email|reminded|remind|"
                         r"informed|inform|let|asked|ask|showed|show)\s+\S+\s+\S+\s*$",
                         re.IGNORECASE)
# What follows a parent's first word when it is her language: "(mom Dari speaker)", "Mom:
# Karen speaker, needs interpreter" (a red team's, stop 59).
LANGUAGE_AFTER = frozenset({"speaker", "speakers", "speaking", "interpreter", "interpreting",
                            "translator"})
# "(mom Tongan only)", but not "(mom Kalolaine only speaks Tongan)": "only" last.
ONLY_LAST = re.compile(r"\s+only\s*(?:[),.;]|$)", re.IGNORECASE)
# A name, then whose family she is, in a bracket: "(Kalolaine, mom)", "(Sela Faleafa - aunt)",
# "(Kalolaine, her mom)", "(Kalolaine - Kayla's mom)", "(Kalolaine, mom's cell)"; or before
# one: "Kalolaine (mom) called", "Kalolaine (Kayla's mom) called" (red teams', stop 59).
NAME_THEN_KIN = re.compile(
    rf"\((?P<name>\s*[^\W\d_][^\s,()]*(?:\s+[^\W\d_][^\s,()]*){{0,2}})\s*(?:,|\s[-–—])\s*"
    rf"(?:(?:her|his|their|[^\W\d_][\w-]*['’]s)\s+)?(?:{KIN})(?:['’]s\s+(?:cell|phone|number|"
    rf"email|e-mail|work))?\s*\)"
    rf"|(?<![\w(])(?P<before>[A-Z][^\s,()]*(?:\s+[A-Z][^\s,()]*){{0,2}})\s*\(\s*"
    rf"(?:[^\W\d_][\w-]*['’]s\s+)?(?:{KIN})\s*\)",
    re.IGNORECASE)
CLAUSE_AFTER = re.compile(r"\s+(?:has|have|is|was|are|will|would|can|can['’]?t|cannot|could|"
                          r"should|does|doesn['’]?t|did|isn['’]?t|wasn['’]?t|won['’]?t)\b",
                          re.IGNORECASE)


def parents_name(text: str, words: list[Word], first: int, count: int) -> int:
    """How many of the words after "her mom" are her name (0: none). A first name, a surname
    or a name no list has ("her mom Hoa", "his dad, Tuan,"), even one an app shares when set
    off or followed by a surname ("(Alexa)", "Destiny Brooks"); up to a day ("texted her mom
    Maria Monday"). Never a day, a holiday, a language, a subject, a school, nor what she was
    told ("told her mom Starbucks has wifi")."""
    taken = words[first:first + count]
    count = next((n for n, w in enumerate(taken) if w.folded in DAYS_AND_HOLIDAYS), count)
    if not count:
        return 0
    taken, lead = taken[:count], taken[0]
    last = taken[-1]
    after = words[first + count] if first + count < len(words) else None
    if lead.blocked or not (lead.given or lead.score >= WEAK):  # a name no list has is hers
        return 0
    if (after is not None and after.folded in LANGUAGE_AFTER) or (
            ONLY_LAST.match(text, last.end) and lead.folded in LANGUAGES):
        return 0  # "(mom Tongan only)", not "(mom Maria only), dad is not allowed"
    set_off = text[last.end:].lstrip()[:1] in (")", ",") or (
        after is not None and after.folded in DAYS_AND_HOLIDAYS)  # "her mom Lan Monday"
    if lead.product and not (lead.given and (count > 1 or set_off)):
        return 0  # "texted her mom Clever badge instructions"
    if TOLD_BEFORE.search(text, max(0, lead.start - 40), lead.start) and CLAUSE_AFTER.match(
            text, last.after):
        return 0
    school = any(w.folded in PLACES_AND_BREAKS for w in [*taken[1:], *(
        [after] if after and adjacent(text, last, after) else [])])
    return 0 if school else count


def named_then_kin(text: str, words: list[Word]) -> Iterator[Span]:
    """A parent's name in a bracket, then whose family she is: "(Kalolaine, mom)" (a red
    team's, stop 59); never a word, an app or a language ("(Spanish, mom)")."""
    for m in NAME_THEN_KIN.finditer(text) if "(" in text else ():
        group = "name" if m["name"] else "before"
        inside = [w for w in words if m.start(group) <= w.start and w.end <= m.end(group)]
        if inside and all(w.score >= WEAK and not (w.wordlike or w.product or w.stop
                                                   or w.blocked) for w in inside):
            yield Span(inside[0].start, inside[-1].end, "name")
