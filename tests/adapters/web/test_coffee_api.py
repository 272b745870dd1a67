"""Coffee and Curriculum in the playground: Cancel asks first; an empty cohort is said."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest
from aiohttp import ClientSession

from adapters.runtime import Runtime
from bot.schools.service import save_school
from tests.adapters.web.playground import COACH, button, buttons, click, inbox, say, send, text_of
from tests.support.clock import FakeClock

MONDAY_9AM = datetime(2026, 11, 30, 14, 0, tzinfo=UTC)


@pytest.fixture
async def school(runtime: Runtime, clock: FakeClock) -> int:
    clock.current = MONDAY_9AM
    async with runtime.sessions() as session, session.begin():
        return (await save_school(session, "Lincoln Elementary", "America/New_York",
                                  time(7, 30), time(15, 0))).id


async def set_up(http: ClientSession, school: int, cohort: str) -> str:
    replies = await send(http, COACH, kind="submission", form_id="coffee.setup",
                         context=f"new:{cohort}",
                         values={"cohort": cohort, "mode": "group", "days": "wed",
                                 "cadence": "1", "time": "7:15", "minutes": "20",
                                 "place": "the library", "school": str(school),
                                 "ends": "2027-06-18", "invite": "day_before"})
    return text_of(replies)


async def test_cancel_asks_first_and_no_keeps_the_series(
        http: ClientSession, school: int) -> None:
    await set_up(http, school, "lincoln-staff")
    asked = await click(http, COACH, button(await say(http, COACH, "/coffee"), "Cancel"))
    assert "for good?" in text_of(asked) and asked[0]["replace_original"]
    assert [b["label"] for b in buttons(asked)] == ["No, keep it", "Yes, cancel the series"]
    kept = await click(http, COACH, button(asked, "No, keep it"))
    assert "Group coffee** for lincoln-staff" in text_of(kept)
    assert "lincoln-staff" in text_of(await say(http, COACH, "/coffee"))

    asked = await click(http, COACH, button(await say(http, COACH, "/coffee"), "Cancel"))
    done = await click(http, COACH, button(asked, "Yes, cancel the series"))
    assert text_of(done).startswith("Cancelled.")
    assert "no Coffee and Curriculum series yet" in text_of(await say(http, COACH, "/coffee"))


async def test_a_series_for_a_channel_with_nobody_in_it_is_not_silent(
        http: ClientSession, school: int, runtime: Runtime) -> None:
    said = await set_up(http, school, "nobody-here")
    assert "I'll check who is in nobody-here and tell you" in said
    await runtime.dispatcher.tick()
    told = text_of(await inbox(http, COACH))
    assert "I found nobody else in nobody-here" in told
    assert "Is the bot a member" in told
