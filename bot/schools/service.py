"""Reading and changing schools and their closure dates."""

from __future__ import annotations

import csv
import io
from datetime import date, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import BadInput
from bot.i18n import _
from bot.people.directory import plain_name
from bot.people.prep import parse_clock
from bot.schools.calendar import SchoolCalendar, calendar_for
from bot.schools.models import ClosureRow, SchoolRow


async def calendar_of(session: AsyncSession, school_id: int | None) -> SchoolCalendar:
    """A school's calendar with its closures; the default calendar for no school."""
    school = await session.get(SchoolRow, school_id) if school_id is not None else None
    if school is None:
        return SchoolCalendar()
    query = select(ClosureRow.day).where(ClosureRow.school_id == school.id)
    closures = list((await session.execute(query)).scalars())
    return calendar_for(school.tz, school.opens, school.closes, school.weekdays, closures)


async def school_named(session: AsyncSession, name: str) -> SchoolRow | None:
    """A school by name, case-insensitively."""
    # lower() equality, not ILIKE: a name with % or _ is a name, not a pattern
    query = select(SchoolRow).where(func.lower(SchoolRow.name) == name.strip().lower())
    return (await session.execute(query)).scalar_one_or_none()


def zone_named(text: str) -> str:
    """An IANA time zone as its canonical name (`america/chicago` -> `America/Chicago`)."""
    wanted = text.strip()
    found = next((z for z in available_timezones() if z.lower() == wanted.lower()), None)
    try:
        ZoneInfo(found or wanted)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise BadInput(_("{zone!r} is not a time zone; use an IANA name like "
                         "America/Chicago.").format(zone=wanted)) from error
    return found or wanted


def parse_hours(text: str) -> tuple[time, time]:
    """`07:30-15:00` (or `7:30am-3pm`) as opening and closing times."""
    start, sep, end = text.strip().partition("-")
    unreadable = _("{text!r} is not school hours; write them like 07:30-15:00.").format(
        text=text)
    if not sep:
        raise BadInput(unreadable)
    try:
        return parse_clock(start), parse_clock(end)
    except BadInput as error:
        raise BadInput(unreadable) from error


async def all_schools(session: AsyncSession) -> list[SchoolRow]:
    """Every school, by name."""
    return list((await session.execute(select(SchoolRow).order_by(SchoolRow.name))).scalars())


async def save_school(session: AsyncSession, name: str, tz: str, opens: time, closes: time,
                      weekdays: str = "01234", school: SchoolRow | None = None) -> SchoolRow:
    """Create a school or update the one with this name (or the one given, to rename it)."""
    name = plain_name(name)[:128]  # a name goes into sentences: no markup in it
    if not name:
        raise BadInput(_("A school needs a name."))
    tz = zone_named(tz)
    if closes <= opens:
        raise BadInput(_("School hours must end after they start."))
    if not weekdays:
        raise BadInput(_("A school is open on at least one weekday."))
    same_name = await school_named(session, name)
    if school is not None and same_name is not None and same_name.id != school.id:
        raise BadInput(_("There is already a school called {name}.").format(
            name=same_name.name))
    school = school or same_name
    if school is None:
        school = SchoolRow(name=name)
        session.add(school)
    school.name = name
    school.tz, school.opens, school.closes, school.weekdays = tz, opens, closes, weekdays
    await session.flush()
    return school


async def import_closures(session: AsyncSession, school: SchoolRow, text: str) -> int:
    """Read `date,label` lines (ISO dates; a header line is allowed); returns how many were new."""
    known = set((await session.execute(
        select(ClosureRow.day).where(ClosureRow.school_id == school.id))).scalars())
    added = 0
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not row or not row[0].strip() or row[0].strip().lower() == "date":
            continue
        try:
            day = date.fromisoformat(row[0].strip())
        except ValueError as error:
            raise BadInput(_("line {number}: {word!r} is not a date like 2026-12-24").format(
                number=number, word=row[0])) from error
        if day not in known:
            session.add(ClosureRow(school_id=school.id, day=day,
                                   label=(row[1].strip() if len(row) > 1 else "")[:128]))
            known.add(day)
            added += 1
    return added


async def add_closures(session: AsyncSession, school: SchoolRow, first: date, last: date,
                       label: str) -> int:
    """Close a school on every day from `first` to `last`; returns how many were new."""
    if last < first:
        raise BadInput(_("A closure runs from an earlier date to a later one."))
    if (last - first).days > 366:
        raise BadInput(_("That is more than a year of closures; give a shorter range."))
    known = set((await session.execute(
        select(ClosureRow.day).where(ClosureRow.school_id == school.id))).scalars())
    added = 0
    day = first
    while day <= last:
        if day not in known:
            session.add(ClosureRow(school_id=school.id, day=day, label=label[:128]))
            added += 1
        day += timedelta(days=1)
    return added


async def upcoming_closures(session: AsyncSession, school: SchoolRow, today: date,
                            limit: int = 5) -> list[ClosureRow]:
    """A school's next closure dates."""
    query = (select(ClosureRow).where(ClosureRow.school_id == school.id, ClosureRow.day >= today)
             .order_by(ClosureRow.day).limit(limit))
    return list((await session.execute(query)).scalars())
