"""Pulse fixtures: a pilot channel of six teachers, a messenger that records, and helpers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Form, Reply
from bot.features.pulse.models import PendingRow, RespondentRow, ResponseRow
from bot.vocabulary import Conversation, Person
from tests.support.clock import FakeClock
from tests.support.recording import RecordingMessenger

MONDAY_MORNING = datetime(2026, 11, 30, 14, 0, tzinfo=UTC)  # 09:00 in New York
CHANNEL = "nearpod-pilot"


@dataclass
class CohortMessenger(RecordingMessenger):
    """Records what is sent, and knows who is in each channel."""

    channels: dict[str, list[Person]] = field(default_factory=dict)

    async def members(self, conversation: Conversation) -> list[Person]:
        """The people in a channel, as the platform would list them."""
        return list(self.channels.get(conversation.id, []))

    def forms_to(self, person: Person) -> list[Form]:
        """Every survey form DMed to one person, oldest first."""
        return [block for kind, who, reply in self.sent if kind == "dm" and who == person.user_id
                for block in reply.blocks if isinstance(block, Form)]


@pytest.fixture
def pilot() -> list[Person]:
    """Six teachers in the pilot channel."""
    return [Person(platform="console", user_id=f"t{i}", display_name=f"Teacher {i}")
            for i in range(1, 7)]


@pytest.fixture
def outbox(runtime: Runtime, pilot: list[Person], coach: Person) -> CohortMessenger:
    """The console platform's messenger; the coach is in the channel too."""
    messenger = CohortMessenger(channels={CHANNEL: [*pilot, coach]})
    runtime.bot.messengers.add(messenger)
    return messenger


# Answers that agree (6 of 7) or disagree (3 of 7) with every item, intention to use included.
AGREE, DISAGREE = ((6, 6), (6, 6), (6, 6)), ((3, 3), (3, 3), (3, 3))


def cohort_of(runtime: Runtime, coach: Person, size: int) -> tuple[list[Person], CohortMessenger]:
    """`size` teachers in the pilot channel with the coach, and the messenger that lists them;
    the clock must already be in school hours (MONDAY_MORNING)."""
    teachers = [Person(platform="console", user_id=f"t{i}", display_name=f"Teacher {i}")
                for i in range(1, size + 1)]
    messenger = CohortMessenger(channels={CHANNEL: [*teachers, coach]})
    runtime.bot.messengers.add(messenger)
    return teachers, messenger


@pytest.fixture
def morning(clock: FakeClock) -> FakeClock:
    """Monday morning in school hours."""
    clock.current = MONDAY_MORNING
    return clock


async def launch(chat: ConsoleChat, coach: Person, runtime: Runtime,
                 words: str = f"Nearpod #{CHANNEL} closes friday") -> list[Reply]:
    """The coach launches a pulse; one tick delivers the invitations."""
    replies = await chat.say(f"/pulse start {words}", as_=coach)
    await runtime.dispatcher.tick()
    return replies


def likert(pu: tuple[int, int], peou: tuple[int, int], bi: tuple[int, int]) -> dict[str, str]:
    """Answer values for the TAM pulse's six items."""
    points = dict(zip(("pu1", "pu2", "peou1", "peou2", "bi1", "bi2"), (*pu, *peou, *bi),
                      strict=True))
    return {key: str(value) for key, value in points.items()}


async def answer(chat: ConsoleChat, outbox: CohortMessenger, person: Person,
                 values: Mapping[str, str], form: Form | None = None) -> list[Reply]:
    """Submit the survey form a teacher received (the first one, unless given)."""
    form = form or outbox.forms_to(person)[0]
    return await chat.submit(form.form_id, values, form.context, as_=person)


async def closed_wave(chat: ConsoleChat, coach: Person, runtime: Runtime,
                      outbox: CohortMessenger, teachers: list[Person], agreeing: int) -> None:
    """The Nearpod pulse launched, answered by every teacher (the first `agreeing` of them
    agree, the others do not) and closed."""
    await launch(chat, coach, runtime)
    for i, person in enumerate(teachers):
        await answer(chat, outbox, person, likert(*(AGREE if i < agreeing else DISAGREE)))
    await chat.say("/pulse close nearpod", as_=coach)


# Five answer sets used across the tests, (PU, PEOU, BI) pairs on the 7-point scale.
ANSWERS = [((6, 7), (5, 6), (7, 6)),
           ((5, 5), (4, 4), (5, 6)),
           ((7, 6), (6, 6), (6, 7)),
           ((3, 4), (2, 3), (3, 2)),
           ((6, 6), (5, 4), (5, 5))]


def as_ints(points: tuple[tuple[int, int], ...]) -> dict[str, int]:
    """An answer set as stored."""
    return {key: int(value) for key, value in likert(*points).items()}


def points_of(answers: dict[str, int]) -> tuple[tuple[str, int], ...]:
    """An answer set in a sortable form."""
    return tuple(sorted(answers.items()))


async def stored(runtime: Runtime) -> tuple[list[dict[str, int]], int]:
    """The released answer sets and the number of released respondents."""
    async with runtime.sessions() as session:
        answers = [dict(a) for a in (await session.execute(select(ResponseRow.answers)))
                   .scalars()]
        people = (await session.execute(select(func.count()).select_from(RespondentRow)))
        return answers, int(people.scalar_one())


async def waiting(runtime: Runtime) -> list[bytes]:
    """What waits in the pool for the next release, as stored: sealed."""
    async with runtime.sessions() as session:
        return list((await session.execute(select(PendingRow.sealed))).scalars())
