"""Nicknames before a bracket that a hidden name fills: "Junior (Juan Carlos Benitez)",
"Man-Man (Jermaine Ellis) broke the charging port". Run last, once the district's staff and
schools are spared (bot/masking/__init__.py)."""

from __future__ import annotations

import re

from bot.masking.cues import OPENERS, TITLES, VERBS
from bot.masking.doers import starts_clause
from bot.masking.people import person_like
from bot.masking.spans import Span
from bot.masking.student_cues import FAMILY_WORD
from bot.masking.words import WEAK, Word, adjacent, honorific, words_of

NOT_BEFORE_NICK = {"from", "in", "at", "to", "of", "period", "pd", "per", "hour", "hr"}
# What a bracket after a thing names is whose it is: "Laptop (Jaylen Brooks) won't charge".
THINGS_BEFORE_A_CHILD = {"laptop", "charger", "headphone", "headset", "calculator", "desktop",
                         "tablet", "device", "keyboard", "mouse", "chromebook", "ipad", "hotspot",
                         "loaner", "mic", "monitor", "printer", "cable", "stylus", "screen",
                         "computer", "phone", "camera", "speaker", "earbud", "case", "account",
                         "login", "badge", "backpack", "locker", "bus", "seat"}
# The words children are called by that are words too; any other word before a bracketed
# child names a thing of theirs ("Schedule (Jaylen Brooks) is wrong", "Password (Maya Chen)":
# a red team's, JJ).
NICKNAME_WORDS = {"peanut", "tiny", "boo", "bubba", "buddy", "man-man", "junior", "bug",
                  "princess", "pooh", "meme", "nene", "chico", "chica", "gordo", "flaco", "mijo",
                  "mija", "munchkin", "peaches", "cookie", "scooter", "tater", "sissy", "bebe",
                  "shorty", "smiley", "sunshine", "squirt", "champ", "nugget", "bean", "pumpkin",
                  "tink", "pookie", "lil", "biggie", "chunk", "tank", "moose"}
# After a nickname's bracket, what the child does or where they are; not a heading's "Update
# (Maya Chen): she is fine now".
DOING_AFTER = re.compile(rf"\s*,?\s+(?i:{'|'.join(map(re.escape, sorted(VERBS)))}|in|from)\b")
# A nickname quoted where its sentence opens: "'Peanut' (Kenyatta Harris) broke the hinge".
QUOTE_OPENS = re.compile(r"(?:^|[.!?]\s+)['\"‘“]$")
QUOTES = {"'", '"', "’", "”"}


def nicknames_before(text: str, found: list[Span]) -> list[Span]:
    """The word before a bracket that a hidden name fills, once the district's staff and
    schools are spared: "Junior (Juan Carlos Benitez)" (a blind corpus's, stop 62); not
    "Jen (Jennifer Adams)" for a colleague (a red team's, DD), a family's word or a title
    ("Grandma (Salote Havili)"), a titled colleague's ("Coach Fitz (...)"), a place's or a
    class's ("from Nepal (...)", "5th period Bio (...)"), a surname's ("Crystal Reyes (...)")."""
    inside = [s for s in found if s.kind == "name" and text[s.start - 2:s.start] == " ("
              and text.startswith(")", s.end)]
    words = words_of(text, []) if inside else []
    at = {w.end: i for i, w in enumerate(words)}
    spans = []
    for span in inside:
        end = span.start - 2  # before " ("
        if text[end - 1:end] in QUOTES:
            end -= 1  # "'Peanut' (Kenyatta Harris)"
        i = at.get(end, -1)
        if i < 0:
            continue
        nick, before = words[i], words[i - 1] if i else None
        initials = nick.shape == "upper" and len(nick.text) in (2, 3) and \
            nick.text[0] == text[span.start].upper()  # "TJ (Tavion Jennings)"
        if not any(s.start < nick.end and nick.start < s.end for s in found) \
                and nick.shape in ("title", "upper") and (
                    person_like(nick) or initials or called(text, words, nick, span)) and not (
                FAMILY_WORD.fullmatch(nick.text) or nick.text.lower() in TITLES or (
                    before and (honorific(text, before) or before.folded in NOT_BEFORE_NICK
                                or (before.shape != "lower" and adjacent(text, before, nick)
                                    and before.folded not in OPENERS)))):
            spans.append(Span(nick.start, nick.end, "name"))
    return spans


def called(text: str, words: list[Word], nick: Word, span: Span) -> bool:
    """A word for a nickname, opening its sentence before a bracket a hidden name fills, then
    doing something: "Man-Man (Jermaine Ellis) broke the charging port", "PEANUT (Kenyatta
    Harris) BROKE THE HINGE" (blind corpora's, stop 64); not a family's word ("Grandparents
    (...)") nor a thing's ("Charger (Jaylen Brooks) won't turn on": a red team's, II)."""
    kin = nick.text.lower().removeprefix("grand").removeprefix("step")
    opens = starts_clause(text, words, nick) or QUOTE_OPENS.search(text, 0, nick.start)
    return bool(opens) and (nick.folded in NICKNAME_WORDS or nick.score >= WEAK) and not (
        nick.product or nick.stop or FAMILY_WORD.fullmatch(kin.rstrip("s"))
        or FAMILY_WORD.fullmatch(kin) or nick.folded.rstrip("s") in THINGS_BEFORE_A_CHILD
    ) and bool(DOING_AFTER.match(text, span.end + 1))
