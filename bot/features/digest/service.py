"""Whose digest, for which schools, over which week, and when it is due in their local time."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import when
from bot.errors import BadInput
from bot.features.digest.models import DigestPrefRow
from bot.hooks.digest import Period, Scope
from bot.hooks.year import PulseWaves
from bot.i18n import _
from bot.people.models import PersonRow
from bot.roles import Role
from bot.schools.models import SchoolRow

GRACE = timedelta(hours=12)
# The longest range a digest covers: "since January" fits; "..9999-12-31" ran past the last
# date Python has (a red team's, stop 52).
LONGEST = timedelta(days=3 * 366)


async def prefs_of(session: AsyncSession, person: PersonRow) -> DigestPrefRow:
    """A coach's preferences, created with the defaults on first use."""
    row = await session.get(DigestPrefRow, person.id)
    if row is None:
        row = DigestPrefRow(person_id=person.id, weekday=0, at=time(7, 0), opted_out=False,
                            schools="")
        session.add(row)
    return row


async def zone_of(session: AsyncSession, person: PersonRow) -> ZoneInfo:
    """The person's own zone, else their school's, else the district default."""
    school = await session.get(SchoolRow, person.school_id) if person.school_id else None
    return ZoneInfo(person.tz or (school.tz if school else "America/New_York"))


def scope_for(person: PersonRow, prefs: DigestPrefRow) -> Scope:
    """Admins see the district; coaches their chosen schools, or their own school."""
    if Role(person.role) == Role.ADMIN and not prefs.schools:
        return None
    chosen = tuple(int(s) for s in prefs.schools.split(",") if s.strip().isdecimal())
    if chosen:
        return chosen
    return (person.school_id,) if person.school_id else None


async def asked_of(session: AsyncSession, waves: PulseWaves | None,
                   person_id: int) -> frozenset[int]:
    """The surveys someone was asked to answer: their figures are not theirs to read."""
    return frozenset(await waves.asked(session, person_id)) if waves else frozenset()


def coach_of(person: PersonRow) -> int | None:
    """Whose pulse surveys the digest lists: a coach's own; every survey for an admin."""
    return None if Role(person.role) == Role.ADMIN else person.id


def week_of(day: date, zone: ZoneInfo) -> Period:
    """Monday 00:00 to the next Monday 00:00, local, for the week containing `day`."""
    monday = day - timedelta(days=day.weekday())
    start = datetime.combine(monday, time(0), zone)
    return Period(start.astimezone(UTC), (start + timedelta(days=7)).astimezone(UTC))


def parse_period(text: str, now: datetime, zone: ZoneInfo) -> Period:
    """"" (the last 7 days, today included), "last week" / "la semana pasada", "this week" /
    "esta semana", or a range of dates in either language, both days included
    ("2026-11-02..2026-11-08", "2 nov..8 nov", "2 de noviembre..8 de noviembre"), in the
    reader's own days; a date without a year is the last one."""
    today = now.astimezone(zone).date()
    if not text.strip():
        week_ago = datetime.combine(today - timedelta(days=6), time(0), zone)
        return Period(week_ago.astimezone(UTC), now)
    weeks = when.week(text)
    if weeks == 0:
        return Period(week_of(today, zone).start, now)
    if weeks == -1:
        return week_of(today - timedelta(days=7), zone)
    first, sep, last = text.partition("..")
    start, end = when.day(first, today, ahead=False), when.day(last, today, ahead=False)
    unknown = BadInput(_("Try `/digest`, `/digest last week` or "
                         "`/digest 2026-11-02..2026-11-08`."))
    if start is None or end is None:
        raise unknown
    if not sep or end < start:
        raise BadInput(_("A range goes from an earlier date to a later one: "
                         "`/digest 2026-11-02..2026-11-08`."))
    if end - start >= LONGEST:
        raise BadInput(_("A digest covers at most three years: "
                         "`/digest 2026-01-01..2026-12-31`."))
    try:
        return Period(datetime.combine(start, time(0), zone).astimezone(UTC),
                      datetime.combine(end + timedelta(days=1), time(0), zone).astimezone(UTC))
    except OverflowError as error:  # a day at the very edge of the calendar (year 1 or 9999)
        raise unknown from error


def due_time(now: datetime, prefs: DigestPrefRow, zone: ZoneInfo) -> datetime:
    """The latest scheduled delivery moment at or before `now` (local weekday and time)."""
    local = now.astimezone(zone)
    day = local.date() - timedelta(days=(local.weekday() - prefs.weekday) % 7)
    moment = datetime.combine(day, prefs.at, zone)
    if moment > local:
        moment -= timedelta(days=7)
        moment = datetime.combine(moment.date(), prefs.at, zone)
    return moment.astimezone(UTC)


async def recipients(session: AsyncSession) -> list[PersonRow]:
    """Everyone who gets a digest: coaches and admins."""
    query = select(PersonRow).where(PersonRow.role.in_((Role.COACH.value, Role.ADMIN.value)))
    return list((await session.execute(query)).scalars())
