"""A person's full name as others write it, found in their texts: for an erase to take it out
(bot/traces.py, bot/mentions.py) and nothing else.

Others write a name turned round ("Alvarez, Jennifer"), without the middle initial, without
its accents ("Jose Garcia"), with a curly apostrophe ("O’Neil") or a space for its hyphen
("Anne Marie"), in lowercase; all are found (a red team's, stop 50). A name made only of
everyday words ("Will Power") is found only with its capitals: "the projector will power on"
is a colleague's own sentence (another red team's, the same stop).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from bot.masking.lexicon import fold, lexicon
from bot.masking.staff import ASIDES, TITLES

NAME_WORDS = 2  # a name is looked for only as first and last name (or longer)
INITIAL = re.compile(r"[^\W\d_]\.?")  # "M." in "Alvarez, Jennifer M."
ACCENTED = {"a": "aáàâäãå", "e": "eéèêë", "i": "iíìîï", "o": "oóòôöõø", "u": "uúùûü",
            "n": "nñ", "c": "cç", "y": "yýÿ"}
APOSTROPHES = "'’ʼ`"


def name_forms(name: str) -> set[str]:
    """The ways others write a display name of two words or more: as shown, without its
    asides ("(she/her)", " - 7th Science") and middle initials, and turned round ("Alvarez,
    Jennifer M." and "Jennifer Alvarez" for each other)."""
    bare = " ".join(ASIDES.sub(" ", name).split())
    if "," in bare:
        last, _, first = (part.strip() for part in bare.partition(","))
    else:
        *given, last = bare.split() or [""]
        first = " ".join(given)
    plain = " ".join(w for w in first.split() if not INITIAL.fullmatch(w))
    forms = {" ".join(name.split()), bare, f"{first} {last}", f"{plain} {last}"}
    if plain and fold(plain.split()[0]) not in TITLES:  # "Rivera, Ms" is nobody's way
        forms |= {f"{last}, {first}", f"{last}, {plain}"}
    return {form.strip(" ,") for form in forms if len(form.split()) >= NAME_WORDS}


def names_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """Names as whole words, longest first (see above)."""
    marks = sorted({" ".join(n.split()) for n in names if n.strip()}, key=len, reverse=True)
    return re.compile("|".join(rf"(?<!\w){_name(m)}(?!\w)" for m in marks)) \
        if marks else None


def _name(name: str) -> str:
    """One name's pattern: any case, unless every word of it is an everyday word."""
    words = name.split(" ")
    capitals = all(fold(w.strip(",.")) in lexicon().words for w in words)
    return r",?\s+".join(_word(w, capitals) for w in words)


def _word(word: str, capitals: bool) -> str:
    parts = re.split(r"[-\s]+", word)
    return r"[-\s]+".join("".join(_letter(c, capitals and n == 0 and i == 0)
                                  for n, c in enumerate(part))
                          for i, part in enumerate(parts))


def _letter(c: str, as_written: bool) -> str:
    """A letter with its accents or without, in either case (`as_written`: only its own)."""
    if c in APOSTROPHES:
        return f"[{APOSTROPHES}]?"
    base = unicodedata.normalize("NFKD", c)[0].lower()
    found = ACCENTED.get(base, base if base.isalpha() else "")
    if not found:
        return re.escape(c)
    if as_written:
        found = found.upper() if c.isupper() else found
        return f"[{found}]"
    return f"[{found}{found.upper()}]"
