"""`/digest` in the playground: its period, title and chart are right for any range."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest
from aiohttp import ClientSession

from adapters.runtime import Runtime
from bot.schools.service import save_school
from tests.adapters.web.playground import COACH, TEACHER, Replies, say, send, text_of
from tests.support.clock import FakeClock

MONDAY_9AM = datetime(2026, 11, 30, 14, 0, tzinfo=UTC)  # 09:00 in New York
LONG = ("the laptop cart in the library will not charge any of the chromebooks even after we "
        "tried every outlet on the wall")


def chart(replies: Replies) -> dict[str, str]:
    return next(b for r in replies for b in r["blocks"] if b["type"] == "image")


@pytest.fixture
def monday(clock: FakeClock) -> FakeClock:
    clock.current = MONDAY_9AM
    return clock


async def test_the_last_seven_days_end_today_and_the_chart_shows_today(
        http: ClientSession, monday: FakeClock) -> None:
    for question in ("the projector says no signal", "printer is offline", "wifi keeps dropping"):
        await say(http, TEACHER, question)
    monday.advance(minutes=30)
    digest = await say(http, COACH, "/digest")
    assert "Your week in tech support for the district: Nov 24 to Nov 30" in text_of(digest)
    alt = chart(digest)["alt"]
    assert alt.startswith("Bar chart of questions and tickets per day: Tue, Nov 24 0 questions")
    assert alt.endswith("Mon, Nov 30 3 questions, 0 tickets.")
    async with http.get(chart(digest)["url"]) as png:
        assert png.status == 200 and (await png.read()).startswith(b"\x89PNG")


async def test_a_month_is_titled_with_its_own_first_and_last_day(
        http: ClientSession, monday: FakeClock) -> None:
    digest = await say(http, COACH, "/digest 2026-11-01..2026-11-30")
    shown = text_of(digest)
    assert "Tech support for the district, Nov 1 to Nov 30 (30 days)" in shown
    assert "Dec 1" not in shown
    assert "Nov 1 to Nov 30: 0 questions, 0 tickets in all" in chart(digest)["alt"]


async def test_oldest_tickets_are_cut_between_words_and_no_school_reads_as_words(
        http: ClientSession, runtime: Runtime, monday: FakeClock) -> None:
    async with runtime.sessions() as session, session.begin():
        await save_school(session, "Lincoln Elementary", "America/New_York", time(7, 30),
                          time(15, 0))
    await say(http, TEACHER, f"/ticket {LONG}")
    await say(http, TEACHER, "/prepbot school Lincoln Elementary")
    await say(http, TEACHER, "/ticket the smartboard pen is off by an inch")
    monday.advance(minutes=30)
    shown = text_of(await say(http, COACH, "/digest"))
    assert "By school: Lincoln Elementary 1, no school set 1" in shown
    [oldest] = [line for line in shown.splitlines() if line.startswith("• #1,")]
    quoted = oldest.split("\u201c")[1].removesuffix("\u201d")
    assert quoted.endswith("…") and LONG.startswith(quoted.removesuffix("…"))
    assert LONG[len(quoted.removesuffix("…"))] == " ", "cut inside a word"


async def test_a_wrong_time_names_the_digest_setting_not_another_command(
        http: ClientSession) -> None:
    said = text_of(await send(http, COACH, kind="command", name="digest",
                              text="settings time 25:00"))
    assert "'25:00' is not a time of day" in said
    assert "/digest settings time 07:30" in said and "/prepbot prep" not in said
