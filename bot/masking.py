"""Mask likely student identifiers before free text is stored: ids, emails, names."""

from __future__ import annotations

import re
from dataclasses import dataclass

EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# Student ID numbers are long digit runs; room numbers and years are left alone.
STUDENT_ID = re.compile(r"(?<![\w#])(?:id\s*[:#]?\s*)?\d{5,10}\b", re.IGNORECASE)
NAME_AFTER = re.compile(
    r"\b((?:my |a |the |one )?(?:student|students|pupil|kid|child|son|daughter|learner)"
    r"(?:\s+(?:named|called))?|named|called)\s+((?:[A-Z][a-z'’-]+)(?:\s+[A-Z][a-z'’-]+)?)")


@dataclass(frozen=True)
class Masked:
    """The masked text and the kinds of things that were masked, for telling the teacher."""

    text: str
    kinds: tuple[str, ...]


def mask_student_data(text: str) -> Masked:
    """Replace emails, student id numbers and names after "student", "my kid" and the like."""
    kinds: list[str] = []

    def sub(pattern: re.Pattern[str], replacement: str, kind: str, source: str) -> str:
        result, count = pattern.subn(replacement, source)
        if count:
            kinds.append(kind)
        return result

    text = sub(EMAIL, "[email]", "an email address", text)
    text = sub(STUDENT_ID, "[id number]", "an id number", text)
    text = sub(NAME_AFTER, r"\1 [name]", "a name", text)
    return Masked(text, tuple(kinds))


def privacy_note(masked: Masked) -> str:
    """The sentence telling someone what was hidden, or "" when nothing was."""
    if not masked.kinds:
        return ""
    return "To protect student privacy I hid " + ", ".join(masked.kinds) + " in what you wrote."
