"""What comes in is scrubbed of characters no one means and a database refuses, and of what
only looks like something else: a phone number copied with non-breaking hyphens, a date
with the division slash, an id with zero-width characters inside reach the masker as what
a reader sees (a red team's, stop 47: all four went through it as typed)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any

# Invisible everywhere; the joiners only beside a digit (between emoji they make one). Half
# an emoji (a lone surrogate: JSON's "\ud83d", a client's cut) no database can store: a
# red team's, stop 48, broke every release of a pulse with one in a waiting comment.
INVISIBLE = re.compile(r"[\x00\u200b\u2060\ufeff\ud800-\udfff]|(?<=\d)[\u200c\u200d]|"
                       r"[\u200c\u200d](?=\d)")
LOOKALIKES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-",
                            "\u2215": "/", "\u2044": "/"})


def scrubbed(value: Any) -> Any:
    """The value with NUL (PostgreSQL text refuses it), half emoji and invisible characters
    dropped, and look-alike hyphens and slashes as the plain ones."""
    if isinstance(value, str):
        return INVISIBLE.sub("", value).translate(LOOKALIKES)
    if isinstance(value, Mapping):
        return {scrubbed(k): scrubbed(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(scrubbed(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: scrubbed(getattr(value, f.name))
                                             for f in dataclasses.fields(value) if f.init})
    return value
