"""A test job: a message to each of a few teachers, planned into the ledger."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.runtime import Runtime
from bot.blocks import Reply
from bot.people.directory import remember_person
from bot.scheduling.ledger import Planned
from bot.scheduling.models import DeliveryRow
from bot.vocabulary import Person
from tests.support.recording import RecordingMessenger

EXPIRES = timedelta(hours=6)


@pytest.fixture
def outbox(runtime: Runtime) -> RecordingMessenger:
    """What the scheduler sent."""
    messenger = RecordingMessenger()
    runtime.bot.messengers.add(messenger)
    return messenger


@pytest.fixture
async def teachers(runtime: Runtime) -> list[int]:
    """Twenty teachers with no school (the default calendar: New York, 07:30 to 15:30)."""
    async with runtime.sessions() as session, session.begin():
        rows = [await remember_person(session, Person(platform="console", user_id=f"t{i}"),
                                      runtime.bot.clock.now(), frozenset()) for i in range(20)]
        return [row.id for row in rows]


@pytest.fixture
def job(runtime: Runtime, teachers: list[int]) -> str:
    """`test.hello`: one message per teacher per occurrence, planned for the clock's day."""
    async def planner(session: AsyncSession, now: datetime) -> list[Planned]:
        occurrence = now.date().isoformat()
        return [Planned("test.hello", occurrence, "console", now, now + EXPIRES,
                        person_id=pid, user_id=f"t{i}") for i, pid in enumerate(teachers)]

    async def renderer(session: AsyncSession, row: DeliveryRow) -> Reply:
        return Reply(f"hello {row.occurrence}")

    runtime.bot.jobs.planner("test.hello")(planner)
    runtime.bot.jobs.renderer("test.hello")(renderer)
    return "test.hello"


async def ledger(runtime: Runtime) -> list[DeliveryRow]:
    async with runtime.sessions() as session:
        return list((await session.execute(select(DeliveryRow).order_by(DeliveryRow.id)))
                    .scalars())
