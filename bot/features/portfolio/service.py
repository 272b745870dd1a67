"""A coach's record for budget season: their workshops and PD sessions, with every feature's
lines (pilots, coaching cycles, checklists), as CSV and as a readable summary."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import BadInput
from bot.features.portfolio.models import WorkshopRow
from bot.hooks import PortfolioAsk, PortfolioItem
from bot.people.models import PersonRow
from bot.registry import Registry

COLUMNS = ("kind", "date", "title", "people", "hours", "outcome")
WORKSHOP_USAGE = ("Try `/portfolio workshop Nearpod basics on 2026-11-12, 14 attendees, "
                  "1.5 hours` (add `pd` for a PD session), or `/portfolio workshop` for a form.")
ON = re.compile(r"\b(?:on\s+)?(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
ATTENDEES = re.compile(r"\b(\d{1,4})\s+(?:attendees|people|teachers|staff)\b", re.IGNORECASE)
HOURS = re.compile(r"\b(\d{1,2}(?:\.\d{1,2})?)\s*(?:hours?|hrs?|h)\b", re.IGNORECASE)
PD = re.compile(r"^\s*pd\b", re.IGNORECASE)


def school_year(today: date) -> tuple[date, date]:
    """August 1 to July 31, around a day."""
    start = today.year if today.month >= 8 else today.year - 1
    return date(start, 8, 1), date(start + 1, 7, 31)


def read_range(text: str, today: date) -> tuple[date, date]:
    """"" (this school year), "last year", or "2026-08-01..2027-01-31"."""
    words = text.strip().lower()
    if not words or words == "this year":
        return school_year(today)
    if words == "last year":
        return school_year(date(today.year - 1, today.month, 1))
    first, sep, last = words.partition("..")
    try:
        start, end = date.fromisoformat(first.strip()), date.fromisoformat(last.strip())
    except ValueError as error:
        raise BadInput("Try `/portfolio`, `/portfolio last year` or "
                       "`/portfolio 2026-08-01..2027-01-31`.") from error
    if not sep or end < start:
        raise BadInput("A range goes from an earlier date to a later one.")
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
        raise BadInput(f"What was it called? {WORKSHOP_USAGE}")
    try:
        day = date.fromisoformat(held.group(1)) if held else today
    except ValueError as error:
        raise BadInput(f"That date isn't one. {WORKSHOP_USAGE}") from error
    spent = float(hours.group(1)) if hours else 1.0
    if not 0 < spent <= 40:
        raise BadInput("Hours: more than 0 and at most 40.")
    return WorkshopRow(kind=kind, title=title[:200], held_on=day,
                       attendees=int(people.group(1)) if people else 0, hours=spent)


async def workshops(session: AsyncSession, ask: PortfolioAsk) -> list[PortfolioItem]:
    """The coach's workshops and PD sessions in the period."""
    query = (select(WorkshopRow).where(WorkshopRow.coach_id == ask.coach_id,
                                       WorkshopRow.held_on >= ask.first,
                                       WorkshopRow.held_on <= ask.last)
             .order_by(WorkshopRow.held_on))
    return [PortfolioItem("PD session" if w.kind == "pd" else "workshop", w.held_on, w.title,
                          w.attendees, w.hours, "held")
            for w in (await session.execute(query)).scalars()]


async def items(session: AsyncSession, features: Registry, ask: PortfolioAsk
                ) -> list[PortfolioItem]:
    """Everything in the record, by date: workshops and every feature's lines."""
    found = await workshops(session, ask)
    for part in features.portfolio:
        found += list(await part(session, ask))
    return sorted(found, key=lambda item: (item.on, item.kind, item.title))


def as_csv(found: list[PortfolioItem]) -> str:
    """The record as CSV, one line per item."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows((i.kind, i.on.isoformat(), i.title, i.people, f"{i.hours:g}", i.outcome)
                     for i in found)
    return out.getvalue()


def summary(coach: PersonRow, first: date, last: date, found: list[PortfolioItem]) -> str:
    """A readable summary: what the coach did, in numbers first, then each line."""
    kinds = Counter(i.kind for i in found)
    hours = sum(i.hours for i in found)
    reached = sum(i.people for i in found if i.kind in ("workshop", "PD session"))
    counts = ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in sorted(kinds.items()))
    head = (f"{coach.display_name or 'Coach'}, {first:%d %b %Y} to {last:%d %b %Y}: "
            f"{counts or 'nothing recorded yet'}; {hours:g} hour{'s' * (hours != 1)}")
    if reached:
        head += f"; {reached} attendees at workshops and PD"
    lines = [f"• {i.on:%d %b}, {i.kind}: {i.title}"
             + (f" ({i.people} {'person' if i.people == 1 else 'people'})" if i.people else "")
             + (f", {i.outcome}" if i.outcome else "") for i in found]
    return "\n".join([head + ".", *lines])


def stamp(now: datetime) -> str:
    """When the record was drawn up, for its heading."""
    return f"{now:%Y-%m-%d}"
