"""The language prepbot speaks to the person in front of it: gettext over Babel's catalogues.

Every sentence is written in English inside `_()` (or `ngettext` where a count decides the
form) and looked up in `bot/locale/<lang>/LC_MESSAGES/messages.po` for the language of the
current turn, which `Bot.handle` sets per arrival and the dispatcher per recipient, in a
context variable: no function has to pass a language along.

Text fixed at import time (core sentences in `bot/texts.py`, command help) is marked with
`N_()`, which only marks it for extraction, and translated where it is shown with `_()`.

The catalogue is read from the `.po` file with Babel's reader and compiled in memory on first
use (a few milliseconds, once per process): nothing is generated at install time, so an
editable install, a wheel and a source checkout all read the same file translators edit.
Refresh the catalogue after changing sentences with `python -m bot.i18n_catalogue`.
"""

from __future__ import annotations

import contextlib
import io
import math
from collections.abc import Iterator
from contextvars import ContextVar
from datetime import date, datetime, time
from functools import cache
from pathlib import Path

from babel import Locale, dates, numbers
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"
DEFAULT = "en"
LANGUAGES = ("en", "es")  # what prepbot speaks; English is the source, needing no catalogue
NAMES = {"en": "English", "es": "español"}
_current: ContextVar[str] = ContextVar("prepbot_language", default=DEFAULT)


@cache
def translations(language: str) -> NullTranslations:
    """The compiled catalogue of one language (English: the sentences as written)."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if language == DEFAULT or not path.is_file():
        return NullTranslations()
    with path.open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)  # fuzzy entries are left out, as msgfmt does
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def language() -> str:
    """The language of the current turn or recipient."""
    return _current.get()


def supported(code: str | None) -> str | None:
    """The language prepbot speaks for a platform locale ("es-ES", "es_MX", "en-US"), or None."""
    if not code:
        return None
    head = code.replace("_", "-").split("-")[0].strip().lower()
    return head if head in LANGUAGES else None


def language_of(chosen: str | None, locale: str | None) -> str:
    """A person's language: the one they chose, else their platform's, else English."""
    return supported(chosen) or supported(locale) or DEFAULT


@contextlib.contextmanager
def speaking(code: str | None) -> Iterator[str]:
    """Speak `code` (a language or platform locale) inside the block, then as before."""
    token = _current.set(supported(code) or DEFAULT)
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def _(message: str) -> str:
    """The sentence in the current language."""
    return translations(_current.get()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural sentence for `count`, in the current language."""
    return translations(_current.get()).ngettext(singular, plural, count)


def N_(message: str) -> str:  # the name gettext tools know
    """Mark a sentence fixed at import time for the catalogue; show it with `_()`."""
    return message


def _locale() -> Locale:
    return Locale.parse(_current.get())


def format_date(day: date | datetime, format: str = "medium") -> str:
    """A date as the current language writes it ("Mar 3, 2026", "3 mar 2026"); `format` is
    Babel's: short, medium, long, full or a pattern such as "EEE d MMM"."""
    return dates.format_date(day, format=format, locale=_locale())


DAY_PATTERNS = {"en": "EEEE d MMMM", "es": "EEEE d 'de' MMMM"}


def format_day(day: date | datetime) -> str:
    """A day as people say it: "Friday 18 December", "viernes 18 de diciembre"."""
    return format_date(day, DAY_PATTERNS.get(_current.get(), "full"))


def format_time(moment: time | datetime, format: str = "short") -> str:
    """A time of day as the current language writes it ("9:30 AM", "9:30")."""
    return dates.format_time(moment, format=format, locale=_locale())


def format_skeleton(skeleton: str, moment: date | datetime) -> str:
    """A date or time from a CLDR skeleton ("MMMEd": "Tue, Mar 3" / "mar, 3 mar")."""
    return dates.format_skeleton(skeleton, moment, locale=_locale())


def format_decimal(number: float, format: str | None = None) -> str:
    """A number as the current language writes it ("1,234.5", "1234,5")."""
    return numbers.format_decimal(number, format=format, locale=_locale())


def format_percent(number: float, format: str | None = None) -> str:
    """A share as a percentage ("85%", "85 %")."""
    return numbers.format_percent(number, format=format, locale=_locale())


def reaches(share: float, mark: float) -> bool:
    """Whether a share (0.58) reaches a mark in percent (58), as counted: 29 of 50 does,
    though 0.58 * 100 is 57.99999999999999 in floating point (a red team's, stop 57)."""
    return round(share * 100, 6) >= mark


def format_share(share: float, mark: float) -> str:
    """A share as a percentage that never reads as reaching a mark it falls short of:
    "84.8%", not "85%", for 28 of 33 against 85% (a red team's, stop 57)."""
    if reaches(share, mark) or share * 100 < mark - 0.5:
        return format_percent(share)
    return numbers.format_percent(math.floor(round(share * 1000, 6)) / 1000, locale=_locale(),
                                  decimal_quantization=False)


def weekday_name(index: int, width: str = "wide") -> str:
    """A weekday's name, Monday = 0 ("Monday", "lunes")."""
    return str(_locale().days["format"][width][index])


def join(items: list[str]) -> str:
    """Words joined as a list in the current language ("a, b and c", "a, b y c")."""
    return format_list(items, locale=_locale()) if items else ""


def format_days(digits: str, width: str = "abbreviated") -> str:
    """Weekdays stored as digits (Monday = 0) as the current language writes them, three or
    more in a row as a range: "Mon-Fri", "lun, mié y vie"."""
    runs: list[list[int]] = []
    for day in sorted({int(d) for d in digits if d.isdecimal()}):
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    said: list[str] = []
    for run in runs:
        if len(run) > 2:
            said.append(f"{weekday_name(run[0], width)}-{weekday_name(run[-1], width)}")
        else:
            said += [weekday_name(day, width) for day in run]
    return join(said)
