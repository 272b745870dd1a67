"""`/prepbot handover`: a leaving coach's Coffee and Curriculum series go on with the new
coach, who gets the brief (a red team's note, stop 51: her series kept inviting teachers to
meet a coach who had left)."""

from __future__ import annotations

from datetime import UTC, datetime

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.roles import Role
from bot.vocabulary import Person
from tests.bot.features.coffee.conftest import (
    SESSION,
    TUESDAY,
    CohortMessenger,
    run,
    set_up,
)
from tests.support.clock import FakeClock

PARK = Person(platform="console", user_id="park", display_name="Ms Park")


async def test_a_series_goes_on_with_the_new_coach_who_gets_its_brief(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, admin: Person, schools: dict[str, int],
        lincoln_staff: list[Person]) -> None:
    clock.current = TUESDAY
    await chat.say("hello", as_=PARK)
    await runtime.bot.grant(PARK, Role.COACH)
    await set_up(chat, coach, schools["lincoln"])
    await run(runtime, clock, datetime(2026, 12, 8, 13, tzinfo=UTC))  # invitations out
    await runtime.bot.grant(coach, Role.TEACHER)
    [told] = await chat.say("/prepbot handover @Mr Okafor @Ms Park", as_=admin)
    assert told.text == "Ms Park now runs 1 Coffee and Curriculum series that Mr Okafor ran."
    await run(runtime, clock, SESSION)
    assert outbox.received(PARK, "Your Coffee and Curriculum brief")
    assert not outbox.received(coach, "Your Coffee and Curriculum brief")
