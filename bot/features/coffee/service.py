"""Setting up, changing and listing a coach's series."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import when
from bot.errors import BadInput
from bot.features.coffee.models import CoffeeSeriesRow, CoffeeSessionRow
from bot.features.coffee.occurrences import CADENCES, EARLIEST, LATEST
from bot.features.coffee.place import masked_place
from bot.i18n import _, format_time
from bot.people.models import PersonRow
from bot.people.prep import parse_clock, parse_days
from bot.roles import Role
from bot.schools.models import SchoolRow
from bot.schools.service import calendar_of
from bot.storage.rows import row_named

MAX_MINUTES = 90


@dataclass(frozen=True)
class Setup:
    """A validated `/coffee setup` form."""

    cohort_id: str
    mode: str
    weekdays: str
    every_weeks: int
    start_time: time
    minutes: int
    place: str
    school_id: int
    ends_on: date
    invite_when: str
    place_hidden: tuple[str, ...] = ()  # what masking hid in the place, to tell the coach


def read_setup(values: Mapping[str, str], today: date) -> Setup:
    """Check the form field by field, with a sentence that says how to fix each."""
    cohort = values.get("cohort", "").strip().lstrip("#")
    if not cohort:
        raise BadInput(_("Which channel or team is the cohort? Paste its id, e.g. "
                         "C0123ABCD."))
    weekdays = parse_days(values.get("days", "") or "wed")
    if not weekdays:
        raise BadInput(_("Pick at least one day, e.g. `wed` or `mon,thu`."))
    start = parse_clock(values.get("time", ""))
    if not EARLIEST <= start <= LATEST:
        # Also keeps sessions clear of 01:00-03:00, which a DST change skips or repeats.
        raise BadInput(_("Pick a start time between 5:00 and 21:00, school's local time."))
    place = masked_place(values.get("place", "").strip())
    return Setup(cohort_id=cohort, mode=_one_of(values.get("mode", "group"), ("group", "rotation")),
                 weekdays=weekdays, every_weeks=_cadence(values.get("cadence", "1")),
                 start_time=start, minutes=_minutes(values.get("minutes", "")),
                 place=place.text, place_hidden=place.kinds,
                 school_id=_school_id(values.get("school", "")),
                 ends_on=_end(values.get("ends", ""), today),
                 invite_when=_one_of(values.get("invite", "day_before"),
                                     ("day_before", "morning_of")))


def _one_of(value: str, allowed: tuple[str, ...]) -> str:
    return value if value in allowed else allowed[0]


def _cadence(value: str) -> int:
    weeks = int(value) if value.strip().isdecimal() else 0
    if weeks not in CADENCES:
        raise BadInput(_("How often: every week, every two weeks or every four weeks."))
    return weeks


def _minutes(value: str) -> int:
    minutes = int(value) if value.strip().isdecimal() else 20
    if not 5 <= minutes <= MAX_MINUTES:
        raise BadInput(_("Keep it between 5 and {most} minutes; 20 works well.").format(
            most=MAX_MINUTES))
    return minutes


def _school_id(value: str) -> int:
    if not value.strip().isdecimal():
        raise BadInput(_("Pick the school (an admin adds schools with `/prepbot schools "
                         "add`)."))
    return int(value)


def _end(value: str, today: date) -> date:
    ends = when.day(value, today)  # 2027-06-18, "18 June", "el 18 de junio" (bot/when/)
    if ends is None:
        raise BadInput(_("Give the last day as a date, e.g. 2027-06-18."))
    if ends < today:
        raise BadInput(_("The last day is in the past; pick a later one."))
    return ends


async def save(session: AsyncSession, coach: PersonRow, platform: str, setup: Setup,
               now: datetime, series: CoffeeSeriesRow | None = None) -> CoffeeSeriesRow:
    """Create a series, or change one (its past sessions stay as they were)."""
    school = await session.get(SchoolRow, setup.school_id)
    if school is None:
        raise BadInput(_("I don't know that school any more; pick another."))
    calendar = await calendar_of(session, school.id)
    today = now.astimezone(calendar.zone).date()
    opening = calendar.hours_on(today)[0].astimezone(calendar.zone).time()
    if setup.invite_when == "morning_of" and setup.start_time <= opening:
        raise BadInput(_("With “that morning”, invitations go out when school opens "
                         "({opening}). For an earlier start, send them the day before.").format(
                             opening=format_time(opening)))
    if series is None:
        series = CoffeeSeriesRow(coach_id=coach.id, platform=platform, created_at=now,
                                 starts_on=today, status="active")
        session.add(series)
    for name in ("cohort_id", "mode", "weekdays", "every_weeks", "start_time", "minutes",
                 "place", "school_id", "ends_on", "invite_when"):
        setattr(series, name, getattr(setup, name))
    series.starts_on = min(series.starts_on, today)
    await session.flush()
    return series


async def series_of(session: AsyncSession, coach: PersonRow) -> list[CoffeeSeriesRow]:
    """A coach's series that are not cancelled, newest first."""
    query = (select(CoffeeSeriesRow).where(CoffeeSeriesRow.coach_id == coach.id,
                                           CoffeeSeriesRow.status != "cancelled")
             .order_by(CoffeeSeriesRow.id.desc()))
    return list((await session.execute(query)).scalars())


async def owned(session: AsyncSession, person: PersonRow, value: str) -> CoffeeSeriesRow:
    """A series the person runs (admins may change any)."""
    series = await row_named(session, CoffeeSeriesRow, value)
    if series is None or series.status == "cancelled":
        raise BadInput(_("That Coffee and Curriculum series is gone."))
    if series.coach_id != person.id and Role(person.role) != Role.ADMIN:
        raise BadInput(_("Only the coach who set up this series can change it."))
    return series


async def schools(session: AsyncSession) -> list[tuple[int, str]]:
    """Every school, by name, for the form's select."""
    rows = (await session.execute(select(SchoolRow.id, SchoolRow.name)
                                  .order_by(SchoolRow.name))).all()
    return [(int(i), str(name)) for i, name in rows]


async def upcoming_sessions(session: AsyncSession, series: CoffeeSeriesRow, now: datetime
                            ) -> int:
    """Sessions of a series already planned (invitations out or due) that have not started."""
    query = select(func.count()).where(CoffeeSessionRow.series_id == series.id,
                                       CoffeeSessionRow.starts_at > now,
                                       CoffeeSessionRow.cancelled.is_(False))
    return int((await session.execute(query)).scalar_one())
