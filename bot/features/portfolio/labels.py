"""The words of a coach's record in the current language: each kind of line ("workshop",
"pilot"...), counted ("3 workshops"), and hours. A line's kind is an English identifier the
features give (bot/hooks.py: PortfolioItem); a kind not named here is shown as given."""

from __future__ import annotations

from collections.abc import Callable

from bot.i18n import N_, _, format_decimal, ngettext

KINDS = {"workshop": N_("workshop"), "PD session": N_("PD session"),
         "coaching cycle": N_("coaching cycle"), "pilot": N_("pilot"),
         "checklist": N_("checklist")}
COUNTS: dict[str, Callable[[int], str]] = {
    "workshop": lambda n: ngettext("{count} workshop", "{count} workshops", n),
    "PD session": lambda n: ngettext("{count} PD session", "{count} PD sessions", n),
    "coaching cycle": lambda n: ngettext("{count} coaching cycle", "{count} coaching cycles", n),
    "pilot": lambda n: ngettext("{count} pilot", "{count} pilots", n),
    "checklist": lambda n: ngettext("{count} checklist", "{count} checklists", n),
}
# The CSV's columns, by their English names.
COLUMNS = {"kind": N_("kind"), "date": N_("date"), "title": N_("title"),
           "people": N_("people"), "hours": N_("hours"), "outcome": N_("outcome")}


def kind(name: str) -> str:
    """One kind of line, in the current language ("workshop", "taller")."""
    return _(KINDS[name]) if name in KINDS else name


def counted(name: str, count: int) -> str:
    """A count of one kind of line ("1 pilot", "3 talleres")."""
    return (COUNTS[name](count) if name in COUNTS else "{count} " + name).format(count=count)


def hours(spent: float) -> str:
    """"1.5 hours", "1 hour" ("1,5 horas")."""
    # A fraction of an hour reads as plural in English and Spanish: 2 picks that form.
    return ngettext("{hours} hour", "{hours} hours", 1 if spent == 1 else 2).format(
        hours=format_decimal(spent))


def people(count: int) -> str:
    """"1 person", "3 people"."""
    return ngettext("{count} person", "{count} people", count).format(count=count)


def attendees(count: int) -> str:
    """"14 attendees"."""
    return ngettext("{count} attendee", "{count} attendees", count).format(count=count)
