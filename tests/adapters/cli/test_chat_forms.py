"""`prepbot chat` fills forms field by field: numbered choices, defaults in brackets."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest
from sqlalchemy import select

from adapters.console.messenger import ConsoleMessenger
from adapters.runtime import Runtime
from bot.features.tickets.models import TicketRow
from bot.schools.service import save_school
from bot.vocabulary import Person
from tests.adapters.cli.conftest import Terminal
from tests.support.clock import FakeClock

MONDAY_9AM = datetime(2026, 11, 30, 14, 0, tzinfo=UTC)


async def tickets(runtime: Runtime) -> list[TicketRow]:
    async with runtime.sessions() as session:
        return list((await session.execute(select(TicketRow).order_by(TicketRow.id))).scalars())


@pytest.fixture
async def lincoln(runtime: Runtime, clock: FakeClock) -> None:
    clock.current = MONDAY_9AM
    async with runtime.sessions() as session, session.begin():
        await save_school(session, "Lincoln Elementary", "America/New_York", time(7, 30),
                          time(15, 0))


async def test_the_ticket_form_is_asked_field_by_field(
        terminal: Terminal, runtime: Runtime, teacher: Person) -> None:
    shown = await terminal("/ticket", "the printer in room 4 jams every time", "4", "1", "",
                           "", as_=teacher)
    form = shown.after("-- Open a ticket --")
    assert "What happened? (e.g. the projector shows no signal after the bell): the printer" \
        in form
    assert "Room (e.g. 204) [skip]: 4" in form
    assert "How urgent?\n  1) class is waiting\n  2) today\n  3) this week" in form
    assert "  number [2]> 1" in form, "the default shown in brackets"
    assert "Ticket #1 is open" in form
    [ticket] = await tickets(runtime)
    assert (ticket.room, ticket.urgency, ticket.category) == ("4", "now", "other")


async def test_a_required_field_and_a_wrong_number_are_asked_again(
        terminal: Terminal, runtime: Runtime, teacher: Person) -> None:
    shown = await terminal("/ticket", "", "projector is dead", "", "7", "3", "hardware", "",
                           as_=teacher)
    assert "This one is needed (or type cancel)." in str(shown)
    assert "Type a number from 1 to 3 (or cancel)." in str(shown)
    [ticket] = await tickets(runtime)
    assert (ticket.text, ticket.urgency, ticket.category) == ("projector is dead", "week",
                                                              "hardware")


async def test_cancel_drops_the_form_and_sends_nothing(
        terminal: Terminal, runtime: Runtime, teacher: Person) -> None:
    shown = await terminal("/ticket", "the wifi", "cancel", as_=teacher)
    assert "Form cancelled: nothing was sent." in str(shown)
    assert await tickets(runtime) == []


async def test_coffee_setup_completes_in_the_terminal(
        terminal: Terminal, coach: Person, lincoln: None,
        console_messenger: ConsoleMessenger) -> None:
    console_messenger.directory["lincoln-staff"] = [
        Person(platform="console", user_id="rivera", display_name="Ms Rivera")]
    shown = await terminal("/coffee setup", "lincoln-staff", "", "", "", "", "", "", "",
                           "2027-06-18", "", as_=coach)
    form = shown.after("-- Coffee and Curriculum --")
    assert "Day(s) [wed]: " in form and "Start time (school's local time) [7:15]: " in form
    assert "School\n  1) Lincoln Elementary" in form
    assert "Last day as YYYY-MM-DD: 2027-06-18" in form
    assert "Coffee and Curriculum is set up!" in form and "Wed every week at 7:15" in form


async def test_pulse_start_completes_in_the_terminal(
        terminal: Terminal, coach: Person, lincoln: None,
        console_messenger: ConsoleMessenger) -> None:
    console_messenger.directory["pilot"] = [
        Person(platform="console", user_id=f"t{i}", display_name=f"Teacher {i}")
        for i in range(3)]
    shown = await terminal("/pulse start", "Nearpod", "#pilot", "2026-12-04", "", as_=coach)
    form = shown.after("-- Launch a pulse survey --")
    assert "Show the results to the cohort after it closes?\n  1) No, only to coaches" in form
    assert "The Nearpod pulse (wave 1) goes to 3 people in #pilot" in form


async def test_merge_into_completes_in_the_terminal(
        terminal: Terminal, runtime: Runtime, coach: Person, teacher: Person) -> None:
    await terminal("/ticket the smartboard in room 9 is dead",
                   "/ticket smartboard room 9 dead again", as_=teacher)
    shown = await terminal("/tickets", "3", "5", "1", as_=coach)
    assert "1 = Open ticket #1, 2 = Claim ticket #1, 3 = Open ticket #2" in str(shown)
    merge = shown.after("-- Merge #2 into… --")
    assert "Ticket number to keep (e.g. 41): 1" in merge
    first, second = await tickets(runtime)
    assert second.merged_into == first.id and second.status == "closed"
