"""Where prepbot can no longer post: a triage channel it was removed from, a coach who took it
out of their chat. Nothing meant for staff is lost unseen: it goes to the admins and the
default triage channel, and a route to the channel is taken away (a red team's, stop 54: every
ticket of such a route was lost, its teacher told a coach would pick it up)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

import pytest
from sqlalchemy import select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Button, Reply
from bot.features.tickets.models import RouteRow
from bot.features.tickets.routes import set_route, shut_out
from bot.ports import Undeliverable
from bot.roles import Role
from bot.scheduling.models import DeliveryRow
from bot.vocabulary import Conversation, Message, Person
from tests.bot.features.tickets.conftest import form_in, tickets
from tests.support.recording import RecordingMessenger


@dataclass
class ShutOutMessenger(RecordingMessenger):
    """A platform that refuses for good the channels and people in `shut`, and everything for
    now while it is `down`."""

    shut: set[str] = field(default_factory=set)
    down: bool = False

    async def post(self, conversation: Conversation, reply: Reply) -> None:
        """Refused in a channel prepbot was removed from."""
        if self.down:
            raise ConnectionError("platform down")
        if conversation.id in self.shut:
            raise Undeliverable("not_in_channel")
        await super().post(conversation, reply)

    def channel_of(self, conversation_id: str) -> str:
        """Threads are conversations of their own here, as on Teams."""
        return conversation_id.partition(";messageid=")[0]

    async def dm(self, person: Person, reply: Reply) -> None:
        """Refused to someone who took prepbot out of their chat."""
        if self.down:
            raise ConnectionError("platform down")
        if person.user_id in self.shut:
            raise Undeliverable("app not installed")
        await super().dm(person, reply)


@pytest.fixture
def outbox(runtime: Runtime) -> ShutOutMessenger:
    """The console's platform, with places prepbot may no longer speak."""
    messenger = ShutOutMessenger()
    runtime.bot.messengers.add(messenger)
    return messenger


@pytest.fixture
async def other_admin(runtime: Runtime) -> Person:
    """A second admin, who did not set the route."""
    person = Person(platform="console", user_id="lee", display_name="Ms Lee")
    await runtime.bot.grant(person, Role.ADMIN)
    return person


async def test_a_card_refused_by_its_triage_channel_reaches_the_admins_and_the_route_goes(
        chat: ConsoleChat, teacher: Person, admin: Person, other_admin: Person, triage: str,
        outbox: ShutOutMessenger, runtime: Runtime) -> None:
    outbox.shut.add(triage)
    [told] = await chat.say("/ticket the document camera in room 12 shows nothing", as_=teacher)
    assert "Ticket #1 is open" in told.text
    [warning] = outbox.to(other_admin)
    assert warning.startswith("⚠️ I can no longer post in the channel this was meant for")
    assert "Tickets in default were posted there: I took that route away" in warning
    assert "Ticket #1: the document camera in room 12 shows nothing" in warning
    assert outbox.to(admin) == [warning]  # she set it, and is told too
    async with runtime.sessions() as session:
        assert not (await session.execute(select(RouteRow))).scalars().all()

    await chat.say("/ticket the printer in room 4 jams on every page", as_=teacher)
    assert [len(outbox.to(a)) for a in (admin, other_admin)] == [1, 1], \
        "the next ticket waits in the queue: no card posted, no warning again"
    assert len(await tickets(runtime)) == 2


async def test_a_teachers_answer_to_a_coach_who_removed_prepbot_reaches_the_admins(
        chat: ConsoleChat, teacher: Person, coach: Person, other_admin: Person, triage: str,
        outbox: ShutOutMessenger) -> None:
    await chat.say("/ticket the document camera in room 12 shows nothing", as_=teacher)
    await chat.press(Button("Claim", "tickets.claim", "1"), as_=coach)
    outbox.shut.add(coach.user_id)
    answer = form_in(await chat.press(Button("Reply", "tickets.answer", "1"), as_=teacher))
    await chat.submit(answer.form_id, {"text": "No, it's off"}, answer.context, as_=teacher)
    [warning] = [t for t in outbox.to(other_admin) if "Ms Rivera wrote" in t]
    assert warning.startswith("⚠️ I can no longer reach Mr Okafor")
    assert warning.endswith("#1: Ms Rivera wrote: No, it's off")
    assert outbox.posted(triage)[-1].text == warning, "and where the coaches triage"


async def test_what_is_meant_for_a_teacher_alone_never_goes_to_the_admins(
        chat: ConsoleChat, teacher: Person, coach: Person, other_admin: Person, triage: str,
        outbox: ShutOutMessenger, runtime: Runtime) -> None:
    await chat.say("/ticket the document camera in room 12 shows nothing", as_=teacher)
    outbox.shut.add(teacher.user_id)
    await chat.press(Button("Claim", "tickets.claim", "1"), as_=coach)
    assert not [t for t in outbox.to(other_admin) if "Okafor is on it" in t]
    async with runtime.sessions() as session:
        failed = (await session.execute(select(DeliveryRow).where(
            DeliveryRow.status == "failed"))).scalars().all()
    assert [row.recipient for row in failed] == ["console:rivera"]


async def test_a_rerouted_notice_the_admins_cannot_get_either_is_not_rerouted_again(
        chat: ConsoleChat, teacher: Person, admin: Person, other_admin: Person, triage: str,
        outbox: ShutOutMessenger, runtime: Runtime) -> None:
    outbox.shut |= {triage, admin.user_id, other_admin.user_id}
    await chat.say("/ticket the document camera in room 12 shows nothing", as_=teacher)
    async with runtime.sessions() as session:
        rows = (await session.execute(select(DeliveryRow))).scalars().all()
    assert sorted((row.recipient, row.status) for row in rows) == [
        ("console:#dm-ada", "failed"), ("console:ada", "failed"), ("console:lee", "failed")]
    assert not outbox.sent


async def test_an_uninstall_while_a_card_waits_keeps_the_route(
        chat: ConsoleChat, teacher: Person, admin: Person, triage: str,
        outbox: ShutOutMessenger, runtime: Runtime) -> None:
    # A red team's (stop 54): the platform gone is no fault of the channel's, yet its
    # "disconnected" failure took the route away, and after a reinstall tickets waited unseen.
    outbox.down = True
    await chat.say("/ticket the document camera in room 12 shows nothing", as_=teacher)
    await runtime.bot.disconnect("console", "app_uninstalled")
    outbox.down = False
    runtime.bot.clock.advance(minutes=10)
    await runtime.dispatcher.tick()
    async with runtime.sessions() as session:
        assert [r.category for r in (await session.execute(select(RouteRow))).scalars()] == [
            "default"]


async def test_a_tickets_news_for_a_coach_made_a_teacher_before_it_went_reaches_the_admins(
        chat: ConsoleChat, teacher: Person, coach: Person, other_admin: Person, triage: str,
        outbox: ShutOutMessenger, runtime: Runtime) -> None:
    await chat.say("/ticket the document camera in room 12 shows nothing", as_=teacher)
    await chat.press(Button("Claim", "tickets.claim", "1"), as_=coach)
    outbox.down = True  # her answer waits for a retry...
    answer = form_in(await chat.press(Button("Reply", "tickets.answer", "1"), as_=teacher))
    await chat.submit(answer.form_id, {"text": "No, it's off"}, answer.context, as_=teacher)
    outbox.down = False
    await runtime.bot.grant(coach, Role.TEACHER)  # ...and her coach is one no more
    runtime.bot.clock.advance(minutes=10)
    await runtime.dispatcher.tick()
    [warning] = [t for t in outbox.to(other_admin) if "Ms Rivera wrote" in t]
    assert warning.startswith("⚠️ Mr Okafor is no longer a coach, so this comes to you")
    assert not [t for t in outbox.to(coach) if "Ms Rivera wrote" in t]


async def test_an_admin_is_warned_in_her_language_routes_and_all(
        chat: ConsoleChat, teacher: Person, admin: Person, triage: str,
        outbox: ShutOutMessenger) -> None:
    await chat.say("/prepbot settings route hardware here", as_=admin)
    await chat.say("/prepbot language es", as_=admin)
    outbox.shut.add(triage)
    await chat.say("/ticket the document camera in room 12 shows nothing", as_=teacher)
    [warning] = [t for t in outbox.to(admin) if t.startswith("⚠️")]
    assert "Los tickets de default y hardware se publicaban allí" in warning


async def test_a_channel_that_refuses_takes_away_the_routes_typed_in_its_other_threads(
        chat: ConsoleChat, teacher: Person, admin: Person, other_admin: Person,
        outbox: ShutOutMessenger, runtime: Runtime) -> None:
    # A red team's (stop 54, AH-9): on Teams each thread is a conversation of its own; a route
    # typed in another thread of the same channel survived until its own card was refused.
    def in_thread(thread: str) -> Conversation:
        return Conversation(platform="console", id=f"C-triage;messageid={thread}",
                            kind="channel")

    for category, thread in (("default", "1"), ("hardware", "2")):
        await chat.send(runtime.bot.command_from_text(Message(
            text=f"/prepbot settings route {category} here", person=admin,
            conversation=in_thread(thread), event_id=f"route-{category}")))
    outbox.shut.update({in_thread("1").id, in_thread("2").id})  # prepbot left the channel
    await chat.say("/ticket the printer in room 4 jams on every page", as_=teacher)
    [warning] = outbox.to(other_admin)
    assert "Tickets in default and hardware were posted there" in warning
    async with runtime.sessions() as session:
        assert not (await session.execute(select(RouteRow))).scalars().all()
    assert not outbox.posted(in_thread("2").id), "no stand-in copy sent to the same channel"


async def test_a_route_moved_while_a_refusal_is_handled_is_never_lost_unseen(
        runtime: Runtime) -> None:
    # A red team's (stop 55): a refusal read the routes, an admin moved one to a live channel
    # and committed, and the refusal's commit deleted the moved route by its key, silently.
    def channel_of(conversation_id: str) -> str:
        return conversation_id.partition(";messageid=")[0]

    dead, alive = "C-triage;messageid=1", "C-general;messageid=2"
    async with runtime.sessions() as session, session.begin():
        await set_route(session, "hardware", Conversation(platform="teams", id=dead,
                                                          kind="channel"))

    async def admin_moves_it() -> None:
        async with runtime.sessions() as session, session.begin():
            await set_route(session, "hardware", Conversation(platform="teams", id=alive,
                                                              kind="channel"))

    async with runtime.sessions() as dispatcher, dispatcher.begin():
        assert await shut_out(dispatcher, "teams", dead, channel_of) == ["hardware"]
        moving = asyncio.create_task(admin_moves_it())
        await asyncio.sleep(0.3)  # the admin's turn runs while the refusal is not committed
    moved = await asyncio.gather(moving, return_exceptions=True)
    async with runtime.sessions() as session:
        routes = {r.category: r.conversation_id
                  for r in (await session.execute(select(RouteRow))).scalars()}
    assert routes == {"hardware": alive} or isinstance(moved[0], Exception), \
        "her move was reported done, yet the route is gone"
