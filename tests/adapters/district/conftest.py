"""The district in a box on the test runtime: a coach at a terminal, demo time on a FakeClock."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from adapters.console import ConsoleChat
from adapters.console.district import joined
from adapters.console.messenger import ConsoleMessenger
from adapters.district import District
from adapters.runtime import Runtime
from bot.roles import Role
from bot.vocabulary import Conversation, Person
from tests.support.clock import FakeClock

TUESDAY_10AM = datetime(2026, 12, 1, 16, 0, tzinfo=UTC)  # 10:00 at the demo school (Chicago)
TRIAGE = Conversation(platform="console", id="triage", kind="channel")


@pytest.fixture
def terminal_messenger(runtime: Runtime) -> ConsoleMessenger:
    """What reaches the person at the terminal (and the triage channel)."""
    messenger = ConsoleMessenger()
    runtime.bot.messengers.add(messenger)
    return messenger


@pytest.fixture
def district(runtime: Runtime, clock: FakeClock,
             terminal_messenger: ConsoleMessenger) -> District:
    """A district in a box on a Tuesday morning, not yet opened."""
    clock.current = TUESDAY_10AM
    town = District(runtime.bot, clock, TRIAGE)
    joined(town, terminal_messenger)
    return town


@pytest.fixture
async def okafor(runtime: Runtime) -> Person:
    """The coach trying it."""
    person = Person(platform="console", user_id="okafor", display_name="Mr Okafor")
    await runtime.bot.grant(person, Role.COACH)
    return person


@pytest.fixture
async def opened(district: District, runtime: Runtime, okafor: Person) -> ConsoleChat:
    """The coach opened the district with /demo; their terminal's conversation."""
    chat = ConsoleChat(runtime.bot, okafor)
    [ready] = await chat.say("/demo")
    assert ready.text.startswith("Demo Middle School (simulated)")
    return chat
