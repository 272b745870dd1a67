"""The themes of a pilot's weekly check-ins: what the one-liners keep coming back to.

A fixed list of themes a coach recognises, each found by a few English and Spanish word stems
at the start of a word ("mic" is not "academic"; "fun" only as a word, not "funcionó"); a line
can touch several. Lines that say nothing broke are counted as such, not as a theme.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bot.i18n import N_

# Each theme's name, shown with `_()`, and the stems (English and Spanish) that find it: at
# the start of a word, or as a whole word where a `\b` ends it.
THEMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (N_("crashes and freezes"), (
        "crash", "froze", "freez", "frozen", "hang", "stuck", "kicked out", "went blank",
        "black screen", "white screen", "error", "se congel", "congeló", "se trab", "se colg",
        "se cerró", "se cayó", "pantalla negra", "pantalla en blanco", "nos sacó", "los sacó")),
    (N_("signing in"), (
        "log in", "login", "log-in", "sign in", "signin", "sign-in", "password", "sso",
        "account", "code", "join", "contraseña", "iniciar sesión", "inicio de sesión",
        "su cuenta", "sus cuentas", "la cuenta", "código", "codigo", "entrar")),
    (N_("slow or loading"), (
        "slow", "lag", "loading", "load", "buffer", "spinning", "wifi", "wi-fi", "internet",
        "network", "lento", "lenta", "lentitud", "cargando", "tardaba en cargar", "la red",
        "conexión")),
    (N_("devices"), (
        "chromebook", "ipad", "phone", "laptop", "tablet", "battery", "charger", "teléfono",
        "celular", "computadora", "portátil", "tableta", "batería", "cargador")),
    (N_("sound and video"), (
        "sound", "audio", "video", "speaker", "mic", "headphone", "sonido", "vídeo", "bocina",
        "altavoz", "micrófono", "audífono")),
    (N_("students engaged"), (
        "loved", "love", "engaged", "engagement", r"fun\b", "excited", "enjoy", "focused",
        "on task", "asked for it", "encant", "disfrut", "divert", "emocion", "motivad",
        "concentrad", "participa")),
    (N_("time and planning"), (
        "time", "prep", "setup", "set up", "planning", "long", "tiempo", "preparación",
        "configurar", "planific", "tardó")),
)
FINDS = tuple((name, re.compile(r"\b(?:" + "|".join(stems) + ")"))
              for name, stems in THEMES)
OTHER = N_("other")  # a line that touches none of the themes
NOTHING = re.compile(r"^\s*(?:no+|nope|nothing|none|n/?a|all good|fine|all fine|no issues?|"
                     r"no problems?|nothing broke|worked(?: fine| great)?|nada|ninguno|"
                     r"todo bien|bien|sin problemas?|funcionó(?: bien)?)\b[\s.!]*",
                     re.IGNORECASE)


@dataclass(frozen=True)
class Theme:
    """A theme (its English name: show it with `_()`), how many check-ins touched it, and one
    of them as written."""

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
        touched = [name for name, found in FINDS if found.search(lowered)]
        if not line.strip() or (NOTHING.match(line) and not touched):
            quiet += 1
            continue
        for name in touched or [OTHER]:
            counts[name] += 1
            samples.setdefault(name, line[:160])
    return [Theme(name, n, samples[name]) for name, n in counts.most_common()], quiet
