"""A colleague's work address, known by the directory's names: "castellanosj@duvalschools.org"
is Jennifer Castellanos's, "shanika.glover-reed@..." Shanika Glover's under her married name
(stop 66's blind corpora: a fifth of what stayed altered). Only for colleagues a directory
vouches for, at a district's domain (no family's mail provider, no students' domain), with no
digit (students' addresses carry their year or number), in a sentence that speaks of no
child or family."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.masking import staff
from bot.masking.contacts import STUDENT_DOMAIN, free_mail
from bot.masking.lexicon import fold
from bot.masking.spans import Span
from bot.masking.staff import CHILD_TALK, StaffNames
from bot.masking.student_cues import FAMILY_WORD

MARRIED = re.compile(r"-[a-z]+$")  # "glover-reed": a name taken since


@dataclass
class Addresses:
    """The address forms of the last directory asked about, made once for it."""

    of: StaffNames | None = None
    forms: frozenset[str] = field(default_factory=frozenset)


LAST = Addresses()


def address_forms(first: str, last: str) -> set[str]:
    """The local parts districts build from a name: "jennifer.castellanos", "jcastellanos",
    "castellanosj", "jennifercastellanos", "castellanos.jennifer", "jennifer_castellanos"."""
    return {first + last, f"{first}.{last}", f"{first}_{last}", first[0] + last,
            f"{first[0]}.{last}", last + first[0], f"{last}.{first}", last + first,
            first + last[0]}


def forms_of(known: StaffNames) -> frozenset[str]:
    """Every address form of every colleague the directory vouches for."""
    if LAST.of is not known:
        people = (known.people[k] for k in known.vouched)
        forms = {form for words in people if len(words) > 1
                 for form in address_forms(words[0], words[-1])}
        LAST.of, LAST.forms = known, frozenset(forms)
    return LAST.forms


def spare_staff_addresses(text: str, found: list[Span]) -> list[Span]:
    """The spans found, without the work addresses of colleagues the directory knows."""
    emails = [s for s in found if s.kind == "email"]
    known = staff.STAFF  # read once: a refresh may swap in a new list meanwhile
    if not emails or not known.vouched:
        return found
    forms = forms_of(known)
    return [s for s in found if s not in emails or not a_colleagues(text, s, forms)]


def a_colleagues(text: str, email: Span, forms: frozenset[str]) -> bool:
    """Whether the address is one the directory's names build, said where no child is."""
    local, _, domain = fold(text[email.start:email.end]).partition("@")
    if re.search(r"\d", local) or free_mail(domain) or STUDENT_DOMAIN.search(domain):
        return False
    if CHILD_TALK.search(text) or FAMILY_WORD.search(text):
        return False  # anywhere: "My son Lamar ... lpennington@" (a red team's, NN)
    return local in forms or MARRIED.sub("", local) in forms
