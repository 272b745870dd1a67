"""A survey handed to another coach takes its messages still to come: results planned to the
coach who left, waiting for school hours, go to the one who has it now (a red team's, stop
52: they stayed planned to him, withheld once he was no coach, and reached no one)."""

from __future__ import annotations

from datetime import UTC, datetime

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.roles import Role
from bot.vocabulary import Person
from tests.bot.features.pulse.conftest import ANSWERS, CohortMessenger, answer, launch, likert
from tests.support.clock import FakeClock

PARK = Person(platform="console", user_id="park", display_name="Ms Park")


async def test_results_waiting_at_a_handover_go_to_the_new_coach_and_the_admin_is_told(
        chat: ConsoleChat, coach: Person, admin: Person, runtime: Runtime,
        outbox: CohortMessenger, pilot: list[Person], morning: FakeClock) -> None:
    await chat.say("hello", as_=PARK)
    await runtime.bot.grant(PARK, Role.COACH)
    await launch(chat, coach, runtime)
    for person, points in zip(pilot, ANSWERS, strict=False):
        await answer(chat, outbox, person, likert(*points))
    morning.current = datetime(2026, 12, 5, 15, tzinfo=UTC)  # Saturday
    await runtime.dispatcher.tick()  # closed on its timer: the results wait for Monday
    [told] = await chat.say("/prepbot handover @Mr Okafor @Ms Park", as_=admin)
    assert told.text == ("Ms Park now runs 1 closed pulse survey (its results not sent yet) "
                         "that Mr Okafor ran.")
    morning.current = datetime(2026, 12, 7, 14, tzinfo=UTC)  # Monday, 09:00 in New York
    await runtime.dispatcher.tick()
    results = {who: render(reply) for _, who, reply in outbox.sent
               if "Nearpod pulse, wave 1" in render(reply)}
    assert PARK.user_id in results and coach.user_id not in results
