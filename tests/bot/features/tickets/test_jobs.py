"""Tickets waiting on a teacher get one reminder, then close; closed ones expire."""

from __future__ import annotations

from datetime import UTC, datetime

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Button
from bot.features.tickets.jobs import purge_expired, sweep_waiting
from bot.vocabulary import Person
from tests.bot.features.tickets.conftest import tickets
from tests.support.clock import FakeClock
from tests.support.recording import RecordingMessenger


async def waiting_ticket(chat: ConsoleChat, coach: Person, teacher: Person,
                         runtime: Runtime) -> str:
    await chat.say("/ticket my gradebook will not sync with the SIS", as_=teacher)
    number = str((await tickets(runtime))[0].id)
    await chat.press(Button("Wait", "tickets.wait", number), as_=coach)
    return number


async def test_one_reminder_after_two_school_days_then_auto_close_after_five(
        chat: ConsoleChat, coach: Person, teacher: Person, runtime: Runtime, clock: FakeClock,
        outbox: RecordingMessenger) -> None:
    clock.current = datetime(2026, 12, 4, 15, 0, tzinfo=UTC)  # a Friday, 10:00 in New York
    await waiting_ticket(chat, coach, teacher, runtime)

    clock.current = datetime(2026, 12, 7, 16, 0, tzinfo=UTC)  # Monday: one school day
    assert await runtime.bot.run(sweep_waiting) == 0
    clock.current = datetime(2026, 12, 8, 16, 0, tzinfo=UTC)  # Tuesday: two school days
    assert await runtime.bot.run(sweep_waiting) == 1
    assert await runtime.bot.run(sweep_waiting) == 0  # one reminder only
    assert "still waiting on you" in outbox.to(teacher)[-1]

    clock.current = datetime(2026, 12, 11, 16, 0, tzinfo=UTC)  # Friday: five school days
    await runtime.bot.run(sweep_waiting)
    [ticket] = await tickets(runtime)
    assert ticket.status == "closed"
    assert "closed because we didn't hear back" in outbox.to(teacher)[-1]


async def test_an_answer_after_auto_close_reopens_the_ticket(
        chat: ConsoleChat, coach: Person, teacher: Person, runtime: Runtime,
        clock: FakeClock, outbox: RecordingMessenger) -> None:
    number = await waiting_ticket(chat, coach, teacher, runtime)
    clock.advance(days=14)
    await runtime.bot.run(sweep_waiting)
    await chat.submit("tickets.answer", {"text": "sorry, was out sick"}, number, as_=teacher)
    assert (await tickets(runtime))[0].status == "assigned"


async def test_closed_tickets_are_deleted_after_the_retention_period(
        chat: ConsoleChat, coach: Person, teacher: Person, admin: Person, runtime: Runtime,
        clock: FakeClock) -> None:
    await chat.say("/prepbot settings ticket_retention_days 30", as_=admin)
    await waiting_ticket(chat, coach, teacher, runtime)
    clock.advance(days=14)
    await runtime.bot.run(sweep_waiting)  # auto-closed now

    clock.advance(days=29)
    async with runtime.sessions() as session:
        assert await purge_expired(session, clock.now()) == 0
    clock.advance(days=2)
    async with runtime.sessions() as session:
        assert await purge_expired(session, clock.now()) == 1
        await session.commit()
    assert await tickets(runtime) == []
