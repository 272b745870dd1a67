"""The district in a box through the playground's API: opened with /demo, watched in the inbox."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from aiohttp import ClientSession

from tests.adapters.web.playground import COACH, button, click, say, text_of
from tests.support.clock import FakeClock

TUESDAY_10AM = datetime(2026, 12, 1, 16, 0, tzinfo=UTC)


async def district(http: ClientSession, since: str = "") -> dict[str, object]:
    params = {**COACH, "since": since}
    async with http.get("/playground/inbox", params=params) as response:
        found = (await response.json())["district"]
        assert isinstance(found, dict)
        return found


@pytest.fixture
def tuesday(clock: FakeClock) -> FakeClock:
    clock.current = TUESDAY_10AM
    return clock


async def test_before_it_is_opened_the_page_is_told_so(http: ClientSession,
                                                        tuesday: FakeClock) -> None:
    found = await district(http)
    assert found["open"] is False and found["events"] == []


async def test_a_coach_opens_it_launches_a_pulse_and_watches_the_teachers_answer(
        http: ClientSession, tuesday: FakeClock) -> None:
    opened = await say(http, COACH, "/demo")
    assert "The demo district is ready" in text_of(opened)
    assert "Demo time: Tue, Dec 1, 10:00 at the school" in text_of(opened)
    seen = (await district(http))["last"]

    await say(http, COACH, "/pulse start Nearpod #demo-pilot closes friday")
    moved = await click(http, COACH, button(opened, "Skip 1 hour"))
    assert "Demo time: Tue, Dec 1, 11:00" in text_of(moved)
    found = await district(http, str(seen))
    assert found["open"] is True and found["time"] == "Tue, Dec 1, 11:00"
    events = found["events"]
    assert isinstance(events, list)
    got = [e["who"] for e in events if e["what"].startswith("received: TAM pulse")]
    assert len(got) == 7 and all(who.endswith("(simulated)") for who in got)
    assert sum(e["what"] == "sent their survey answers" for e in events) >= 5
    assert "5 answers released of 7 invited" in text_of(
        await say(http, COACH, "/pulse results Nearpod"))
