"""First response and resolution are measured in school time, without time waiting on teachers."""

from __future__ import annotations

from datetime import UTC, datetime

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Button
from bot.schools.service import import_closures, school_named
from bot.vocabulary import Person
from tests.bot.features.tickets.conftest import tickets
from tests.support.clock import FakeClock


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


async def test_waiting_on_the_teacher_is_not_counted(
        chat: ConsoleChat, coach: Person, teacher: Person, runtime: Runtime,
        clock: FakeClock) -> None:
    clock.current = at(2026, 12, 7, 13)  # Monday 08:00 New York
    await chat.say("/ticket the class roster is missing two students", as_=teacher)
    number = str((await tickets(runtime))[0].id)
    clock.current = at(2026, 12, 7, 14)  # 09:00: the coach asks the teacher something
    await chat.press(Button("Wait", "tickets.wait", number), as_=coach)
    clock.current = at(2026, 12, 8, 14)  # Tuesday 09:00: the teacher answers
    await chat.submit("tickets.answer", {"text": "Period 3"}, number, as_=teacher)
    clock.current = at(2026, 12, 8, 15)  # 10:00: resolved
    await chat.press(Button("Resolve", "tickets.resolve", number), as_=coach)

    [ticket] = await tickets(runtime)
    assert ticket.first_response_secs == 3600
    assert ticket.resolution_secs == 2 * 3600


async def test_a_ticket_across_a_dst_weekend_counts_only_school_hours(
        chat: ConsoleChat, coach: Person, teacher: Person, runtime: Runtime,
        clock: FakeClock) -> None:
    clock.current = at(2026, 10, 30, 18)  # Friday 14:00 EDT
    await chat.say("/ticket printer in the library is offline", as_=teacher)
    number = str((await tickets(runtime))[0].id)
    clock.current = at(2026, 11, 2, 14)  # Monday 09:00 EST
    await chat.press(Button("Resolve", "tickets.resolve", number), as_=coach)
    [ticket] = await tickets(runtime)
    assert ticket.first_response_secs == ticket.resolution_secs == 2.5 * 3600


async def test_a_ticket_across_a_holiday_counts_only_school_days(
        chat: ConsoleChat, coach: Person, teacher: Person, runtime: Runtime,
        clock: FakeClock) -> None:
    async with runtime.sessions() as session, session.begin():
        lincoln = await school_named(session, "Lincoln Elementary")
        assert lincoln is not None
        await import_closures(session, lincoln, "2026-11-26,Thanksgiving\n2026-11-27,Break")
    clock.current = at(2026, 11, 25, 19)  # Wednesday 14:00 EST, an hour before the bell
    await chat.say("/ticket the smartboard pen does nothing", as_=teacher)
    number = str((await tickets(runtime))[0].id)
    clock.current = at(2026, 11, 30, 14)  # Monday 09:00 EST, after Thanksgiving
    await chat.press(Button("Resolve", "tickets.resolve", number), as_=coach)
    [ticket] = await tickets(runtime)
    assert ticket.resolution_secs == 2.5 * 3600  # Wednesday 1 h + Monday 1.5 h
