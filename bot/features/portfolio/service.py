"""A coach's record for budget season: their workshops and PD sessions, with every feature's
lines (pilots, coaching cycles, checklists), as CSV and as a readable summary, in the coach's
language (the CSV's dates and numbers stay as any spreadsheet reads them)."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import spreadsheet
from bot.errors import BadInput
from bot.features.portfolio import labels
from bot.features.portfolio.models import WorkshopRow
from bot.hooks.year import PortfolioAsk, PortfolioItem
from bot.i18n import N_, _, format_date, format_skeleton
from bot.people.models import PersonRow
from bot.registry import Registry

COLUMNS = ("kind", "date", "title", "people", "hours", "outcome")
WORKSHOP_USAGE = N_("Try `/portfolio workshop Nearpod basics on 2026-11-12, 14 attendees, "
                    "1.5 hours` (add `pd` for a PD session), or `/portfolio workshop` for a "
                    "form.")
# A workshop as a coach writes it, in English or Spanish ("el 2026-11-12, 14 asistentes,
# 1,5 horas"): the Spanish usage shows the Spanish words.
ON = re.compile(r"\b(?:(?:on|el)\s+)?(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
ATTENDEES = re.compile(r"\b(\d{1,4})\s+(?:attendees?|people|teachers?|staff|asistentes?|"
                       r"personas?|maestros?|docentes?|participantes?)\b", re.IGNORECASE)
HOURS = re.compile(r"\b(?<![-\d])(\d{1,2}(?:[.,]\d{1,2})?)\s*(?:hours?|hrs?|horas?|h)\b",
                   re.IGNORECASE)
THIS_YEAR, LAST_YEAR = ("", "this year", "este año"), ("last year", "año pasado", "el año pasado")
PD = re.compile(r"^\s*pd\b", re.IGNORECASE)


def school_year(today: date) -> tuple[date, date]:
    """August 1 to July 31, around a day."""
    start = today.year if today.month >= 8 else today.year - 1
    return date(start, 8, 1), date(start + 1, 7, 31)


def read_range(text: str, today: date) -> tuple[date, date]:
    """"" (this school year), "last year", or "2026-08-01..2027-01-31"."""
    words = text.strip().lower()
    if words in THIS_YEAR:
        return school_year(today)
    if words in LAST_YEAR:
        return school_year(date(today.year - 1, today.month, 1))
    first, sep, last = words.partition("..")
    try:
        start, end = date.fromisoformat(first.strip()), date.fromisoformat(last.strip())
    except ValueError as error:
        raise BadInput(_("Try `/portfolio`, `/portfolio last year` or "
                         "`/portfolio 2026-08-01..2027-01-31`.")) from error
    if not sep or end < start:
        raise BadInput(_("A range goes from an earlier date to a later one."))
    return start, end


def read_workshop(text: str, today: date) -> WorkshopRow:
    """`Nearpod basics on 2026-11-12, 14 attendees, 1.5 hours` as a workshop (not saved)."""
    kind = "pd" if PD.match(text) else "workshop"
    rest = PD.sub("", text)
    held = ON.search(rest)
    people = ATTENDEES.search(rest)
    hours = HOURS.search(rest)
    title = ATTENDEES.sub(" ", HOURS.sub(" ", ON.sub(" ", rest)))
    title = " ".join(title.replace(",", " ").split()).strip(" -:")
    if not title:
        raise BadInput(_("What was it called? {usage}").format(usage=_(WORKSHOP_USAGE)))
    try:
        day = date.fromisoformat(held.group(1)) if held else today
    except ValueError as error:
        raise BadInput(_("That date isn't one. {usage}").format(
            usage=_(WORKSHOP_USAGE))) from error
    spent = float(hours.group(1).replace(",", ".")) if hours else 1.0
    if not 0 < spent <= 40:
        raise BadInput(_("Hours: more than 0 and at most 40."))
    return WorkshopRow(kind=kind, title=title[:200], held_on=day,
                       attendees=int(people.group(1)) if people else 0, hours=spent)


async def workshops(session: AsyncSession, ask: PortfolioAsk) -> list[PortfolioItem]:
    """The coach's workshops and PD sessions in the period."""
    query = (select(WorkshopRow).where(WorkshopRow.coach_id == ask.coach_id,
                                       WorkshopRow.held_on >= ask.first,
                                       WorkshopRow.held_on <= ask.last)
             .order_by(WorkshopRow.held_on))
    return [PortfolioItem("PD session" if w.kind == "pd" else "workshop", w.held_on, w.title,
                          w.attendees, w.hours, _("held"))
            for w in (await session.execute(query)).scalars()]


async def items(session: AsyncSession, features: Registry, ask: PortfolioAsk
                ) -> list[PortfolioItem]:
    """Everything in the record, by date: workshops and every feature's lines."""
    found = await workshops(session, ask)
    for part in features.portfolio:
        found += list(await part(session, ask))
    return sorted(found, key=lambda item: (item.on, item.kind, item.title))


def as_csv(found: list[PortfolioItem]) -> str:
    """The record as CSV, one line per item: the words in the current language, the dates
    (ISO) and numbers as any spreadsheet reads them."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_(labels.COLUMNS[c]) for c in COLUMNS)
    # A title can be a tool's name a teacher typed: no cell may run as a formula.
    writer.writerows(spreadsheet.row((labels.kind(i.kind), i.on.isoformat(), i.title, i.people,
                                      f"{i.hours:g}", i.outcome)) for i in found)
    return out.getvalue()


def summary(coach: PersonRow, first: date, last: date, found: list[PortfolioItem]) -> str:
    """A readable summary: what the coach did, in numbers first, then each line."""
    kinds = Counter(i.kind for i in found)
    reached = sum(i.people for i in found if i.kind in ("workshop", "PD session"))
    record = [", ".join(labels.counted(k, n) for k, n in sorted(kinds.items()))
              or _("nothing recorded yet"), labels.hours(sum(i.hours for i in found))]
    if reached:
        record.append(_("{attendees} at workshops and PD").format(
            attendees=labels.attendees(reached)))
    head = _("{coach}, {first} to {last}: {record}.").format(
        coach=coach.display_name or _("Coach"), first=format_date(first),
        last=format_date(last), record="; ".join(record))
    lines = [f"• {format_skeleton('MMMd', i.on)}, {labels.kind(i.kind)}: {i.title}"
             + (f" ({labels.people(i.people)})" if i.people else "")
             + (f", {i.outcome}" if i.outcome else "") for i in found]
    return "\n".join([head, *lines])
