"""Ticket fixtures: a school with two teachers, a coach, a triage channel, a recording messenger."""

from __future__ import annotations

from datetime import time

import pytest
from sqlalchemy import select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Buttons, Form, Reply
from bot.features.tickets.models import TicketRow
from bot.schools.service import save_school
from bot.vocabulary import Person
from tests.support.recording import RecordingMessenger


@pytest.fixture
def outbox(runtime: Runtime) -> RecordingMessenger:
    """Everything the bot sends to people and channels on its own."""
    messenger = RecordingMessenger()
    runtime.bot.messengers.add(messenger)
    return messenger


@pytest.fixture
async def schools(runtime: Runtime) -> None:
    """Lincoln Elementary (New York) and Hillside Middle (Los Angeles)."""
    async with runtime.sessions() as session, session.begin():
        await save_school(session, "Lincoln Elementary", "America/New_York", time(7, 30),
                          time(15, 0))
        await save_school(session, "Hillside Middle", "America/Los_Angeles", time(8, 0),
                          time(15, 30))


async def at_school(chat: ConsoleChat, person: Person, school: str) -> Person:
    [reply] = await chat.say(f"/prepbot school {school}", as_=person)
    assert "you're at" in reply.text
    return person


@pytest.fixture
async def teacher(chat: ConsoleChat, schools: None) -> Person:
    """A teacher at Lincoln Elementary."""
    return await at_school(chat, Person(platform="console", user_id="rivera",
                                        display_name="Ms Rivera"), "Lincoln Elementary")


@pytest.fixture
async def neighbour(chat: ConsoleChat, schools: None) -> Person:
    """Another teacher at Lincoln Elementary."""
    return await at_school(chat, Person(platform="console", user_id="chen",
                                        display_name="Mr Chen"), "Lincoln Elementary")


@pytest.fixture
async def stranger(chat: ConsoleChat, schools: None) -> Person:
    """A teacher at another school."""
    return await at_school(chat, Person(platform="console", user_id="diaz",
                                        display_name="Ms Diaz"), "Hillside Middle")


@pytest.fixture
async def triage(chat: ConsoleChat, admin: Person) -> str:
    """The admin routes every ticket to the channel the console speaks from."""
    [reply] = await chat.say("/prepbot settings route default here", as_=admin)
    assert "posted here" in reply.text
    return f"dm-{admin.user_id}"


async def tickets(runtime: Runtime) -> list[TicketRow]:
    async with runtime.sessions() as session:
        return list((await session.execute(select(TicketRow).order_by(TicketRow.id))).scalars())


def form_in(replies: list[Reply]) -> Form:
    return next(b for r in replies for b in r.blocks if isinstance(b, Form))


def labels(replies: list[Reply]) -> list[str]:
    return [b.label for r in replies for blk in r.blocks if isinstance(blk, Buttons)
            for b in blk.buttons]
