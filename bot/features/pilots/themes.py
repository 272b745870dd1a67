"""The themes of a pilot's weekly check-ins: what the one-liners keep coming back to.

A fixed list of themes a coach recognises, each found by a few word stems; a line can touch
several. Lines that say nothing broke are counted as such, not as a theme.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

THEMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("crashes and freezes", ("crash", "froze", "freez", "frozen", "hang", "stuck", "kicked out",
                             "went blank", "black screen", "white screen", "error")),
    ("signing in", ("log in", "login", "log-in", "sign in", "signin", "sign-in", "password",
                    "sso", "account", "code", "join")),
    ("slow or loading", ("slow", "lag", "loading", "load", "buffer", "spinning", "wifi",
                         "wi-fi", "internet", "network")),
    ("devices", ("chromebook", "ipad", "phone", "laptop", "tablet", "battery", "charger")),
    ("sound and video", ("sound", "audio", "video", "speaker", "mic", "headphone")),
    ("students engaged", ("loved", "love", "engaged", "engagement", "fun", "excited",
                          "enjoy", "focused", "on task", "asked for it")),
    ("time and planning", ("time", "prep", "setup", "set up", "planning", "long")),
)
NOTHING = re.compile(r"^\s*(?:no+|nope|nothing|none|n/?a|all good|fine|all fine|no issues?|"
                     r"no problems?|nothing broke|worked(?: fine| great)?)\b[\s.!]*",
                     re.IGNORECASE)


@dataclass(frozen=True)
class Theme:
    """A theme, how many check-ins touched it, and one of them as written."""

    name: str
    count: int
    sample: str


def themes_of(lines: list[str]) -> tuple[list[Theme], int]:
    """The themes of some check-in lines, most frequent first, and how many said nothing
    broke."""
    counts: Counter[str] = Counter()
    samples: dict[str, str] = {}
    quiet = 0
    for line in lines:
        lowered = line.lower()
        touched = [name for name, stems in THEMES if any(s in lowered for s in stems)]
        if not line.strip() or (NOTHING.match(line) and not touched):
            quiet += 1
            continue
        for name in touched or ["other"]:
            counts[name] += 1
            samples.setdefault(name, line[:160])
    return [Theme(name, n, samples[name]) for name, n in counts.most_common()], quiet
