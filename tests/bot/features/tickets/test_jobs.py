"""Tickets waiting on a teacher get one reminder, then close; closed ones expire."""

from __future__ import annotations

from datetime import UTC, datetime

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Button, Reply
from bot.features.tickets.jobs import purge_expired
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
    told = len(outbox.to(teacher))
    await runtime.dispatcher.tick()
    assert len(outbox.to(teacher)) == told
    clock.current = datetime(2026, 12, 8, 16, 0, tzinfo=UTC)  # Tuesday: two school days
    await runtime.dispatcher.tick()
    await runtime.dispatcher.tick()  # one reminder only
    assert len(outbox.to(teacher)) == told + 1
    assert "still waiting on you" in outbox.to(teacher)[-1]

    clock.current = datetime(2026, 12, 11, 16, 0, tzinfo=UTC)  # Friday: five school days
    await runtime.dispatcher.tick()
    [ticket] = await tickets(runtime)
    assert ticket.status == "closed"
    assert "closed because we didn't hear back" in outbox.to(teacher)[-1]


async def test_an_answer_after_auto_close_reopens_the_ticket(
        chat: ConsoleChat, coach: Person, teacher: Person, runtime: Runtime,
        clock: FakeClock, outbox: RecordingMessenger) -> None:
    number = await waiting_ticket(chat, coach, teacher, runtime)
    clock.advance(days=14)
    await runtime.dispatcher.tick()
    await chat.submit("tickets.answer", {"text": "sorry, was out sick"}, number, as_=teacher)
    assert (await tickets(runtime))[0].status == "assigned"


async def test_closed_tickets_are_deleted_after_the_retention_period(
        chat: ConsoleChat, coach: Person, teacher: Person, admin: Person, runtime: Runtime,
        clock: FakeClock) -> None:
    await chat.say("/prepbot settings ticket_retention_days 30", as_=admin)
    await waiting_ticket(chat, coach, teacher, runtime)
    clock.advance(days=14)
    await runtime.dispatcher.tick()  # auto-closed now

    clock.advance(days=29)
    async with runtime.sessions() as session:
        assert await purge_expired(session, clock.now()) == 0
    clock.advance(days=2)
    async with runtime.sessions() as session:
        assert await purge_expired(session, clock.now()) == 1
        await session.commit()
    assert await tickets(runtime) == []


async def test_a_reminder_due_in_the_evening_waits_for_the_teachers_prep_period(
        chat: ConsoleChat, coach: Person, teacher: Person, runtime: Runtime, clock: FakeClock,
        outbox: RecordingMessenger) -> None:
    await chat.say("/prepbot prep 10:15-11:00 mon-fri", as_=teacher)
    clock.current = datetime(2026, 12, 4, 15, 0, tzinfo=UTC)  # a Friday, 10:00 in New York
    await waiting_ticket(chat, coach, teacher, runtime)
    told = len(outbox.to(teacher))

    clock.current = datetime(2026, 12, 9, 0, 30, tzinfo=UTC)  # Tuesday 19:30 in New York
    await runtime.dispatcher.tick()
    assert len(outbox.to(teacher)) == told  # due, but not in the evening
    clock.current = datetime(2026, 12, 9, 15, 0, tzinfo=UTC)  # Wednesday 10:00: before prep
    await runtime.dispatcher.tick()
    assert len(outbox.to(teacher)) == told
    clock.current = datetime(2026, 12, 9, 15, 20, tzinfo=UTC)  # 10:20, in the prep period
    await runtime.dispatcher.tick()
    assert "still waiting on you" in outbox.to(teacher)[-1]
    assert len(outbox.to(teacher)) == told + 1


async def test_a_failed_reminder_is_retried_and_arrives_once(
        chat: ConsoleChat, coach: Person, teacher: Person, runtime: Runtime, clock: FakeClock,
        outbox: RecordingMessenger) -> None:
    clock.current = datetime(2026, 12, 4, 15, 0, tzinfo=UTC)
    await waiting_ticket(chat, coach, teacher, runtime)
    told = len(outbox.to(teacher))
    working = outbox.dm

    async def down(person: Person, reply: Reply) -> None:
        raise ConnectionError("the platform is down")

    outbox.dm = down  # type: ignore[method-assign]
    clock.current = datetime(2026, 12, 8, 16, 0, tzinfo=UTC)
    await runtime.dispatcher.tick()
    assert len(outbox.to(teacher)) == told
    outbox.dm = working  # type: ignore[method-assign]
    clock.advance(minutes=4)
    await runtime.dispatcher.tick()
    assert len(outbox.to(teacher)) == told  # the retry waits its five minutes
    clock.advance(minutes=2)
    await runtime.dispatcher.tick()
    await runtime.dispatcher.tick()
    assert len(outbox.to(teacher)) == told + 1
    assert "still waiting on you" in outbox.to(teacher)[-1]


async def test_the_reminder_is_written_in_the_teachers_language_not_the_coachs(
        chat: ConsoleChat, coach: Person, teacher: Person, runtime: Runtime, clock: FakeClock,
        outbox: RecordingMessenger) -> None:
    await chat.say("/prepbot language es", as_=teacher)
    clock.current = datetime(2026, 12, 4, 15, 0, tzinfo=UTC)  # a Friday, 10:00 in New York
    await waiting_ticket(chat, coach, teacher, runtime)  # the coach speaks English

    clock.current = datetime(2026, 12, 8, 16, 0, tzinfo=UTC)  # Tuesday: two school days
    await runtime.dispatcher.tick()
    [reminder] = [r for kind, who, r in outbox.sent if kind == "dm" and who == teacher.user_id
                  and "#1" in r.text][-1:]
    assert "sigue esperando su respuesta" in reminder.text
    assert "Responder" in str(reminder.blocks)


async def test_a_coachs_claim_reaches_a_spanish_speaking_teacher_in_spanish(
        chat: ConsoleChat, coach: Person, teacher: Person, runtime: Runtime,
        outbox: RecordingMessenger) -> None:
    await chat.say("/prepbot language es", as_=teacher)
    await chat.say("/ticket my gradebook will not sync with the SIS", as_=teacher)
    number = str((await tickets(runtime))[0].id)
    replies = await chat.press(Button("Claim", "tickets.claim", number), as_=coach)

    assert f"Ticket #{number}" in replies[0].text  # the coach's card stays English
    assert "se está encargando" in outbox.to(teacher)[-1]
