"""A teacher's request for a cycle: one no coach is named for reaches every coach, and a
request's key finds its cycle only while that cycle is open."""

from __future__ import annotations

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.blocks import Button
from bot.features.cycles import service
from bot.people.directory import find_person
from bot.people.models import PersonRow
from bot.roles import Role
from bot.vocabulary import Person
from tests.bot.features.conftest import Staff
from tests.bot.features.cycles.conftest import LEE, hillside_coach
from tests.support.clock import FakeClock

PARK = Person(platform="console", user_id="park", display_name="Ms Park")


async def person(runtime: Runtime, who: Person) -> PersonRow:
    """The stored person."""
    async with runtime.sessions() as session:
        row = await find_person(session, "console", who.user_id)
        assert row is not None
        return row


async def test_a_request_no_coach_is_named_for_is_listed_for_the_coaches_told_of_it(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff) -> None:
    # Red teams' (stop 52): such a request was in no coach's `/cycle` (only in the admins'
    # digest count), so it waited for no one; then it was in every coach's, and a coach of
    # another school read it (with her note) and took it from her school's coaches.
    await hillside_coach(chat, runtime)
    await chat.say("/prepbot school Lincoln Elementary", as_=PARK)
    await runtime.bot.grant(PARK, Role.COACH)
    rivera = await person(runtime, staff.rivera)
    async with runtime.sessions() as session, session.begin():
        cycle, _new = await service.create(session, rivera, None, "requested", "", "",
                                           "coffee:1:1", clock.current)

    for coach in (staff.coach, PARK):
        [listed] = await chat.say("/cycle", as_=coach)
        assert "With Ms Rivera: requested" in listed.text, coach.display_name
    [elsewhere] = await chat.say("/cycle", as_=LEE)
    assert "Ms Rivera" not in elsewhere.text
    plan = Button("Plan the four steps", "cycles.plan", str(cycle.id))
    [refused] = await chat.press(plan, as_=LEE)
    assert refused.text == "That request is for another coach."
    [planned] = await chat.press(plan, as_=PARK)

    assert "Goal-setting conference" in render(planned)
    [theirs] = await chat.say("/cycle", as_=staff.coach)
    assert "Ms Rivera" not in theirs.text, "planned: Ms Park's now"


async def test_a_request_key_finds_its_cycle_only_while_the_cycle_is_open(
        runtime: Runtime, clock: FakeClock, staff: Staff) -> None:
    # A red team's (stop 52): pressed again after the coach called the cycle off, the same
    # button found the cancelled cycle and filed nothing.
    rivera, okafor = await person(runtime, staff.rivera), await person(runtime, staff.coach)
    async with runtime.sessions() as session, session.begin():
        first, new = await service.create(session, rivera, okafor.id, "requested", "", "",
                                          "coffee:1:1", clock.current)
        again, repeated = await service.create(session, rivera, okafor.id, "requested", "",
                                               "", "coffee:1:1", clock.current)
        assert (new, repeated, again.id) == (True, False, first.id)
        first.status = "cancelled"
        later, afresh = await service.create(session, rivera, okafor.id, "requested", "", "",
                                             "coffee:1:1", clock.current)
        assert afresh and later.id != first.id
        assert (first.request_key, later.request_key) == (None, "coffee:1:1")
        assert [c.status for c in await service.visible_to(session, okafor)] == [
            "requested", "cancelled"]
