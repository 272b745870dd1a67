"""Mask student identifiers in free text before it is stored or relayed.

Names, id numbers (student, lunch, PIN, state), phone numbers, dates of birth, email
addresses, usernames and home addresses become "[name]", "[id number]", "[phone]", "[date of
birth]", "[email]", "[username]" and "[address]". How each is found, and the rates measured
on blind corpora, are in docs/privacy.md (in short) and docs/masking.md (in full).

Where to look: numbers.py (with context.py), dates.py, contacts.py and phones.py (with lines.py),
accounts.py and addresses.py find the identifiers that have a shape; names.py finds names,
with words.py and lexicon.py (the word lists), student_cues.py (what marks a student),
cued.py, people.py, doers.py, handles.py, records.py, kin.py and lowercase.py; what is no
student's is decided in cues.py, adults.py, signatures.py, staff_lists.py, places.py,
things.py and vetoes.py, then by the model in grown_ups.py and by the district's own lists in
staff.py and schools.py, each asking student_marks.py first; last, nicknames.py hides a
nickname before a hidden name's bracket and whole.py whatever is left of a hidden name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from bot.i18n import N_, _, join
from bot.masking.accounts import find_usernames, logins_of_names
from bot.masking.addresses import find_addresses
from bot.masking.contacts import (
    find_emails,
    spare_kept_names_addresses,
    spare_listed_addresses,
)
from bot.masking.dates import find_dates_of_birth
from bot.masking.grown_ups import spare_grown_ups
from bot.masking.names import find_names
from bot.masking.nicknames import nicknames_before
from bot.masking.numbers import beside_names, find_id_numbers
from bot.masking.phones import find_phones
from bot.masking.schools import spare_schools
from bot.masking.spans import KEPT, Span, claim
from bot.masking.spoken import find_spoken_addresses
from bot.masking.staff import spare_staff
from bot.masking.things import find_standards
from bot.masking.whole import whole_names

# How privacy_note names one and several ({count}) of each kind.
SAID = {"name": (N_("a name"), N_("{count} names")),
        "id number": (N_("an id number"), N_("{count} id numbers")),
        "phone": (N_("a phone number"), N_("{count} phone numbers")),
        "date of birth": (N_("a date of birth"), N_("{count} dates of birth")),
        "email": (N_("an email address"), N_("{count} email addresses")),
        "username": (N_("a username"), N_("{count} usernames")),
        "address": (N_("a home address"), N_("{count} home addresses"))}


PIECE = 4000  # characters masked at once; longer texts are cut (pieces_of)
PIECE_SLACK = 400  # how far back from PIECE a line's, a sentence's or a word's end is sought
SEAM = 200  # characters each side of a cut read again together
MODEL_ON = [True]  # set once at start from the settings (use_grown_ups_model)
PLACEHOLDER = re.compile(r"\[(" + "|".join(map(re.escape, SAID)) + r")\]")


@dataclass(frozen=True)
class Masked:
    """The masked text, and the kind of each thing hidden in it, in order ("name", "phone")."""

    text: str
    kinds: tuple[str, ...]


def find_student_data(text: str, today: date | None = None, names_from: int = 0,
                      schools: bool = True) -> list[Span]:
    """Every identifier in `text`, earlier finders winning where two claim the same place,
    names only from word `names_from` on, the district's schools spared unless `schools` is
    False. A long text is read a piece at a time (pieces_of)."""
    today = today or date.today()
    if len(text) <= PIECE:
        return spare_listed_addresses(text, found_in(text, today, names_from, schools))
    spans: list[Span] = []
    at = 0
    for piece in pieces_of(text):
        if at:
            spans = across(text, at, spans, today)
        found = [s._replace(start=s.start + at, end=s.end + at)
                 for s in found_in(piece, today, schools=schools)]
        spans += [s for s in found if not any(s.start < k.end and s.end > k.start for k in spans)]
        at += len(piece)
    return spare_listed_addresses(text, sorted(spans))


def across(text: str, cut: int, spans: list[Span], today: date) -> list[Span]:
    """The spans found before a cut, and what reads as one identifier only across it ("lunch
    PIN" at one piece's end, its number at the next one's start), found in the words around
    the cut; what it overlaps gives way to it."""
    start = max(0, cut - SEAM)
    seam = [s._replace(start=s.start + start, end=s.end + start)
            for s in found_in(text[start:cut + SEAM], today)]
    for joined in (s for s in seam if s.start < cut + SEAM // 4 and s.end > cut - SEAM // 4):
        spans = [s for s in spans if s.end <= joined.start or s.start >= joined.end]
        spans.append(joined)
    return sorted(spans)


def pieces_of(text: str) -> list[str]:
    """The text cut into pieces of at most PIECE characters, each ending at a line's end, a
    sentence's or a space where one is near: some rules weigh a word against the whole text,
    so a hostile 40,000-character message would cost seconds in one piece, not in ten."""
    pieces = []
    while len(text) > PIECE:
        window = text[PIECE - PIECE_SLACK:PIECE]
        cut = next((PIECE - PIECE_SLACK + i + len(end) for end in ("\n", ". ", " ")
                    if (i := window.rfind(end)) >= 0), PIECE)
        pieces.append(text[:cut])
        text = text[cut:]
    return [*pieces, text] if text else pieces


def found_in(text: str, today: date, names_from: int = 0, schools: bool = True) -> list[Span]:
    """Every identifier in one piece of text (see find_student_data): what the rules find,
    less the names the model of grown-ups' names spares (unless a district turned it off),
    the names of the district's own staff (staff.py) and schools (schools.py), and the names
    before word `names_from` (spared before the numbers beside names are looked for:
    "Renaissance Star 360")."""
    found = found_by_rules(text, today)
    judged = spare_grown_ups(text, found) if MODEL_ON[0] else found
    staff_spared = spare_staff(text, judged)
    left = spare_schools(text, staff_spared) if schools else staff_spared
    left = [s for s in sorted({*left, *nicknames_before(text, left)})
            if s.kind != "name" or len(text[:s.start].split()) >= names_from]
    # known as staff: kept, say so; a school's name is hidden where the same name is hidden
    # elsewhere in the text ("Luis Muñoz is new. Chromebook 22 transferred to Luis Muñoz")
    colleagues = sorted(set(judged) - set(staff_spared))
    return completed(text, left, colleagues)


def completed(text: str, found: list[Span], colleagues: Sequence[Span] = ()) -> list[Span]:
    """What the rules found and the models left, less the names kept beside a work address,
    with the numbers said beside a hidden name and every part and mention of each name but
    the `colleagues` the staff directory knows ("Kayden Brooks" beside a student Brooks)."""
    found = spare_kept_names_addresses(text, found)
    return whole_names(text, sorted(found + beside_names(text, found)), colleagues)


def use_grown_ups_model(on: bool) -> None:
    """Whether the model of grown-ups' names may spare a name the rules hide, for the whole
    process (PREPBOT_MASKING_MODEL); off, the rules alone decide."""
    MODEL_ON[0] = on


def found_by_rules(text: str, today: date) -> list[Span]:
    """Every identifier the word rules find in one piece of text."""
    spans: list[Span] = []
    finders: list[Callable[[], list[Span]]] = [
        lambda: find_standards(text),  # first: no part of "1.MD.1" is anyone's
        lambda: find_spoken_addresses(text),  # before the spelled ones it holds
        lambda: find_emails(text), lambda: find_usernames(text),
        lambda: find_phones(text, [s for s in spans if s.kind in (KEPT, "email")]),
        lambda: find_addresses(text), lambda: find_dates_of_birth(text, today),
        lambda: find_id_numbers(text, today),
        lambda: find_names(text, spans),  # names late: they skip what is already hidden
        lambda: logins_of_names(text, spans)]  # and then logins built from the names
    for finder in finders:
        for span in sorted(finder(), key=lambda s: (s.start, -s.end)):
            claim(span, spans)
    return sorted(s for s in spans if s.kind != KEPT)


def mask_student_data(text: str, *, today: date | None = None, names_from: int = 0,
                      schools: bool = True) -> Masked:
    """Replace student names, ids, phones, dates of birth, emails and usernames with "[kind]"
    (names only from word `names_from` on: a product's name is so often a person's). Text
    stored as typed and masked when read (exports, digests) passes `schools=False`: a school
    added since must not show what was hidden before (a red team's, stop 59)."""
    return replaced(text, find_student_data(text, today, names_from, schools))


def replaced(text: str, spans: Sequence[Span]) -> Masked:
    """The text with each of `spans` (in order, apart) replaced by "[kind]"."""
    pieces, at = [], 0
    for span in spans:
        pieces += [text[at:span.start], f"[{span.kind}]"]
        at = span.end
    pieces.append(text[at:])
    return Masked("".join(pieces), tuple(s.kind for s in spans))


def mask_within(text: str, limit: int, *, names_from: int = 0) -> Masked:
    """The text masked whole, then cut to `limit` characters at a word's end. Cut first, an
    identifier split at the limit would be left in part ("555-867-5"), which no rule knows;
    and all of it is read, since a name said in full further on hides its surname here."""
    return cut(mask_student_data(text, names_from=names_from), limit)


def cut(masked: Masked, limit: int) -> Masked:
    """A masked text cut to `limit` characters at a word's end, with what was hidden in it."""
    if len(masked.text) <= limit:
        return masked
    head = masked.text[:limit]
    if not (masked.text[limit].isspace() or head[-1].isspace()) and len(head.split()) > 1:
        head = head.rsplit(maxsplit=1)[0]  # not half a word, nor half a "[phone]"
    cut_off = len(hidden_in(masked.text[len(head):]))  # what was hidden in the part cut off
    return Masked(head.rstrip(), masked.kinds[:len(masked.kinds) - cut_off])


def hidden_in(masked_text: str) -> tuple[str, ...]:
    """The kinds hidden in a text that was masked before it was stored ("[name]" -> "name"),
    so that whoever carries it on can still say what was hidden."""
    return tuple(m[1] for m in PLACEHOLDER.finditer(masked_text))


def privacy_note(masked: Masked) -> str:
    """The sentence telling someone what was hidden, or "" when nothing was."""
    if not masked.kinds:
        return ""
    counted = Counter(masked.kinds)
    said = [_(SAID[k][0]) if n == 1 else _(SAID[k][1]).format(count=n)
            for k, n in counted.items()]
    return _("To protect student privacy I hid {listed} in what you wrote.").format(
        listed=join(said))
