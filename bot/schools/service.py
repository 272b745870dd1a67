"""Reading and changing schools and their closure dates."""

from __future__ import annotations

import csv
import io
from datetime import date, time

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import BadInput
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


async def save_school(session: AsyncSession, name: str, tz: str, opens: time, closes: time,
                      weekdays: str = "01234") -> SchoolRow:
    """Create a school or update the one with this name."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise BadInput(f"{tz!r} is not a time zone; use an IANA name like America/Chicago.") \
            from error
    if closes <= opens:
        raise BadInput("School hours must end after they start.")
    school = await school_named(session, name)
    if school is None:
        school = SchoolRow(name=name.strip())
        session.add(school)
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
            raise BadInput(f"line {number}: {row[0]!r} is not a date like 2026-12-24") from error
        if day not in known:
            session.add(ClosureRow(school_id=school.id, day=day,
                                   label=(row[1].strip() if len(row) > 1 else "")[:128]))
            known.add(day)
            added += 1
    return added
