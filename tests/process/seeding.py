"""A database ready for a big fan-out: a school open all day, a coach, and a group series whose
invitations are due now for a Slack channel of N members (listed by the stub)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, select
from sqlalchemy.engine import Connection

from bot.features.coffee.models import CoffeeSeriesRow
from bot.people.models import PersonRow
from bot.scheduling.models import DeliveryRow
from bot.schools.models import SchoolRow
from bot.storage.engine import make_engine, make_sessions
from bot.storage.migrate import MIGRATIONS, downgrade, upgrade
from tests.support.database import empty_tables

COACH = "UCOACH"


def member_ids(cohort: str, count: int) -> list[str]:
    """Slack user ids for a cohort's members."""
    return [f"U{cohort}{i:05d}" for i in range(count)]


def _config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


async def prepare(url: str) -> None:
    """Migrate and empty the database (rebuilding a shared test database whose revision
    table is ahead of its tables, as when a reserved migration was filled in later)."""
    engine = make_engine(url)
    try:
        await upgrade(engine)
        async with engine.connect() as connection:
            tables = await connection.run_sync(lambda c: inspect(c).get_table_names())
        if "coffee_series" not in tables:
            await downgrade(engine, "0004")
            async with engine.begin() as connection:
                await connection.run_sync(lambda c: command.stamp(_config(c), "0003"))
            await upgrade(engine)
        await empty_tables(engine)
    finally:
        await engine.dispose()


async def add_series(url: str, cohort: str, now: datetime | None = None) -> None:
    """A weekly series for a cohort whose next session starts in two hours (UTC school, open
    00:00-23:59 every day, so the delivery policy lets invitations out at once)."""
    now = now or datetime.now(UTC)
    engine = make_engine(url)
    try:
        async with make_sessions(engine)() as session, session.begin():
            school = (await session.execute(select(SchoolRow).where(
                SchoolRow.name == "Process School"))).scalar_one_or_none()
            if school is None:
                school = SchoolRow(name="Process School", tz="UTC", opens=time(0, 0),
                                   closes=time(23, 59), weekdays="0123456")
                session.add(school)
            coach = (await session.execute(select(PersonRow).where(
                PersonRow.user_id == COACH))).scalar_one_or_none()
            if coach is None:
                coach = PersonRow(platform="slack", user_id=COACH, display_name="Coach",
                                  role="coach", created_at=now)
                session.add(coach)
            await session.flush()
            starts = now + timedelta(hours=2)
            start = starts.time().replace(second=0, microsecond=0)
            session.add(CoffeeSeriesRow(
                coach_id=coach.id, platform="slack", cohort_id=cohort, mode="group",
                weekdays=str(starts.weekday()), every_weeks=1, start_time=start, minutes=20,
                place="the lounge", school_id=school.id, starts_on=date(2020, 1, 1),
                ends_on=now.date() + timedelta(days=30), invite_when="day_before",
                status="active", created_at=now))
    finally:
        await engine.dispose()


async def ledger_counts(url: str, job: str = "coffee.invite") -> dict[str, int]:
    """A job's deliveries by status."""
    engine = make_engine(url)
    try:
        async with make_sessions(engine)() as session:
            rows = (await session.execute(select(DeliveryRow.status)
                                          .where(DeliveryRow.job == job))).scalars().all()
    finally:
        await engine.dispose()
    counts: dict[str, int] = {}
    for status in rows:
        counts[status] = counts.get(status, 0) + 1
    return counts
