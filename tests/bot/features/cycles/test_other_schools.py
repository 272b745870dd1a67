"""A teacher's coaching-cycle request no coach is named for is her school's coaches' to plan,
however a coach of another school asks for it."""

from __future__ import annotations

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.features.cycles import service
from bot.features.cycles.models import CycleRow
from bot.people.directory import find_person
from tests.bot.features.conftest import Staff
from tests.bot.features.cycles.conftest import LEE, hillside_coach
from tests.support.clock import FakeClock


async def test_a_coach_of_another_school_can_not_take_a_request_by_typing_cycle_start(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff) -> None:
    # A red team's (stop 57): stop 52 closed the "Plan the four steps" button to a coach of
    # another school, but `/cycle start @teacher` still took the request.
    await hillside_coach(chat, runtime)
    async with runtime.sessions() as session, session.begin():
        rivera = await find_person(session, "console", staff.rivera.user_id)
        cycle, _new = await service.create(session, rivera, None, "requested", "",
                                           "wants help with Canvas", "coffee:1:1",
                                           clock.current)
        cycle_id = cycle.id

    replies = await chat.say("/cycle start Ms Rivera", as_=LEE)

    async with runtime.sessions() as session:
        after = await session.get(CycleRow, cycle_id)
        lee = await find_person(session, "console", "lee")
        assert after is not None and lee is not None
        assert after.coach_id != lee.id, (
            "a coach of another school took Ms Rivera's request: "
            + " | ".join(r.text for r in replies))
        assert after.status == "requested"
    assert [r.text for r in replies] == ["That request is for another coach."]
    [planned] = await chat.say("/cycle start Ms Rivera", as_=staff.coach)
    assert "Ms Rivera" in planned.text
    async with runtime.sessions() as session:
        after = await session.get(CycleRow, cycle_id)
        assert after is not None and after.status == "planned"
