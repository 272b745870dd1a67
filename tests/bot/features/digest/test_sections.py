"""The digest's Coffee and Curriculum and pulse sections, and its chart."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Image
from bot.charts import chart_png
from bot.features.coffee.models import CoffeeRsvpRow, CoffeeSeriesRow, CoffeeSessionRow
from bot.features.digest.report import Digest, build_digest
from bot.features.digest.views import digest_reply
from bot.hooks.digest import DigestAsk, Period, Scope
from bot.people.directory import remember_person
from bot.schools.service import save_school
from bot.vocabulary import Person
from tests.bot.features.pulse.conftest import ANSWERS, CohortMessenger, answer, launch, likert
from tests.bot.features.pulse.conftest import morning as morning  # fixtures, used by name
from tests.bot.features.pulse.conftest import outbox as outbox
from tests.bot.features.pulse.conftest import pilot as pilot
from tests.support.clock import FakeClock

NEW_YORK = ZoneInfo("America/New_York")
MONDAY = datetime(2026, 11, 30, 5, tzinfo=UTC)
WEEK = Period(MONDAY, MONDAY + timedelta(days=7))


async def composed(runtime: Runtime, period: Period, scope: Scope, now: datetime) -> Digest:
    """The digest every feature contributes to, as an admin sees it (its chart stored)."""
    async with runtime.sessions() as session, session.begin():
        return await build_digest(session, runtime.bot.features.digest_sections,
                                  DigestAsk(period, scope, None, now, NEW_YORK))


def section(digest: Digest, heading: str) -> str:
    """One section's blocks, as text ("" when the digest has no such section)."""
    return " ".join(str(b) for s in digest.sections if s.heading == heading for b in s.blocks)


async def test_coffee_sessions_attendance_and_pain_points_by_topic(runtime: Runtime) -> None:
    async with runtime.sessions() as session, session.begin():
        school = await save_school(session, "Lincoln", "America/New_York", time(7, 30),
                                   time(15))
        other = await save_school(session, "Hillside", "America/New_York", time(7, 30),
                                  time(15))
        people = [await remember_person(session, Person(platform="console", user_id=f"p{i}"),
                                        MONDAY, frozenset()) for i in range(4)]
        for where in (school, other):
            series = CoffeeSeriesRow(coach_id=people[0].id, platform="console", cohort_id="c",
                                     start_time=time(7, 30), school_id=where.id,
                                     starts_on=date(2026, 11, 1), ends_on=date(2027, 6, 1),
                                     created_at=MONDAY)
            session.add(series)
            await session.flush()
            held = CoffeeSessionRow(series_id=series.id, day=date(2026, 12, 1),
                                    starts_at=MONDAY + timedelta(days=1, hours=7),
                                    ends_at=MONDAY + timedelta(days=1, hours=7, minutes=20))
            session.add(held)
            await session.flush()
            if where is other:
                continue
            for person, (going, came, note, topic) in zip(people, [
                    ("going", True, "projector keeps saying no signal", "projector-no-signal"),
                    ("going", True, "the projector cuts out", "projector-no-signal"),
                    ("going", False, "grades not syncing", "gradebook-sync"),
                    ("not_going", None, "", "")], strict=True):
                session.add(CoffeeRsvpRow(session_id=held.id, person_id=person.id,
                                          answer=going, attended=came, note=note, topic=topic))
    digest = await composed(runtime, WEEK, (school.id,), WEEK.end)
    coffee = section(digest, "Coffee and Curriculum")
    assert "('Sessions', '1'), (\"Said they'd come\", '3'), ('Came', '2')" in coffee
    assert "projector-no-signal (2): " in coffee and "gradebook-sync (1): " in coffee
    assert coffee.index("projector-no-signal") < coffee.index("gradebook-sync")
    assert "Coffee and Curriculum" in str(digest_reply(digest).blocks)


async def test_pulse_buy_in_appears_once_enough_teachers_answered(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    await launch(chat, coach, runtime)
    for person, (pu, peou, bi) in zip(pilot[:4], ANSWERS[:4], strict=True):
        await answer(chat, outbox, person, likert(pu, peou, bi))
    week = Period(morning.now() - timedelta(days=1), morning.now() + timedelta(days=1))
    early = section(await composed(runtime, week, None, morning.now()), "Pulse surveys")
    assert "Nearpod wave 1, running: no results yet (they show 5 answers at a time)" in early

    pu, peou, bi = ANSWERS[4]
    await answer(chat, outbox, pilot[4], likert(pu, peou, bi))
    digest = await composed(runtime, week, None, morning.now())
    # BI means 6.5, 5.5, 6.5, 2.5 and 5: four of five agree
    assert "Nearpod wave 1, running: buy-in 80%, below the 85% target (5 answers released)" in \
        section(digest, "Pulse surveys")
    assert "buy-in 80%, below the 85% target" in str(digest_reply(digest).blocks)


async def test_the_chart_is_a_stored_png_with_alt_text(runtime: Runtime) -> None:
    digest = await composed(runtime, WEEK, None, WEEK.end)
    async with runtime.sessions() as session:
        url, alt = digest.chart
        png = await chart_png(session, url.removeprefix("/charts/").removesuffix(".png"))
    assert png is not None and png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 2000
    assert alt.startswith("Bar chart of questions and tickets per day")
    assert alt.count("questions,") == 7
    assert any(isinstance(b, Image) and b.alt == alt for b in digest_reply(digest).blocks)
