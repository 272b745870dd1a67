"""Helpdesk fixtures: two schools, a teacher at each, and messengers that record what would
have gone to a helpdesk by email or webhook."""

from __future__ import annotations

from datetime import time

import pytest

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.schools.service import save_school
from bot.vocabulary import Person
from tests.support.recording import RecordingMessenger


@pytest.fixture
def emailed(runtime: Runtime) -> RecordingMessenger:
    """What was emailed, by address."""
    messenger = RecordingMessenger(platform="email")
    runtime.bot.messengers.add(messenger)
    return messenger


@pytest.fixture
def posted(runtime: Runtime) -> RecordingMessenger:
    """What was posted to webhooks, by URL."""
    messenger = RecordingMessenger(platform="webhook")
    runtime.bot.messengers.add(messenger)
    return messenger


@pytest.fixture
async def schools(runtime: Runtime) -> None:
    """Lincoln Elementary and Hillside Middle."""
    async with runtime.sessions() as session, session.begin():
        for name in ("Lincoln Elementary", "Hillside Middle"):
            await save_school(session, name, "America/New_York", time(7, 30), time(15, 0))


async def at_school(chat: ConsoleChat, user_id: str, name: str, school: str) -> Person:
    person = Person(platform="console", user_id=user_id, display_name=name)
    await chat.say(f"/prepbot school {school}", as_=person)
    return person


@pytest.fixture
async def teacher(chat: ConsoleChat, schools: None) -> Person:
    """Ms Rivera, at Lincoln Elementary."""
    return await at_school(chat, "rivera", "Ms Rivera", "Lincoln Elementary")


@pytest.fixture
async def stranger(chat: ConsoleChat, schools: None) -> Person:
    """Ms Diaz, at Hillside Middle."""
    return await at_school(chat, "diaz", "Ms Diaz", "Hillside Middle")


async def say(chat: ConsoleChat, admin: Person, text: str) -> str:
    """An admin's command, and the whole reply as text."""
    from adapters.console import render

    return "\n".join(render(r) for r in await chat.say(text, as_=admin))


async def ticket(chat: ConsoleChat, person: Person, text: str, category: str = "hardware") -> int:
    """A ticket from the form, in a chosen category; its number."""
    [reply] = await chat.submit("tickets.new", {"text": text, "category": category},
                                f"form-{person.user_id}-{text[:10]}", as_=person)
    return int(reply.text.split("#")[1].split()[0])
