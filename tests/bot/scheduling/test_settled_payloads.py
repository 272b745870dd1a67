"""A delivery's payload (a relayed message's words) lives until the delivery is settled: sent,
failed or skipped rows keep none, while a retry or a crash's recovery still has it to send."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.runtime import Runtime
from bot.blocks import Reply
from bot.scheduling.ledger import Planned
from bot.scheduling.models import DeliveryRow
from tests.bot.scheduling.conftest import EXPIRES, ledger
from tests.support.clock import FakeClock
from tests.support.recording import RecordingMessenger

SCHOOL_MORNING = datetime(2026, 12, 4, 15, 0, tzinfo=UTC)  # Friday 10:00 in New York
WORDS = "Ms Rivera wrote: zebra-4417"


@pytest.fixture
def relayed(runtime: Runtime, teachers: list[int]) -> str:
    """`test.relay`: words carried in the payload, as a relayed notice's are."""
    async def planner(session: AsyncSession, now: datetime) -> list[Planned]:
        return [Planned("test.relay", "once", "console", now, now + EXPIRES, person_id=pid,
                        user_id=f"t{i}", payload=WORDS) for i, pid in enumerate(teachers)]

    async def renderer(session: AsyncSession, row: DeliveryRow) -> Reply:
        return Reply(row.payload)

    runtime.bot.jobs.planner("test.relay")(planner)
    runtime.bot.jobs.renderer("test.relay")(renderer)
    return "test.relay"


async def test_a_sent_message_keeps_no_words(
        runtime: Runtime, relayed: str, clock: FakeClock, outbox: RecordingMessenger) -> None:
    clock.current = SCHOOL_MORNING
    report = await runtime.dispatcher.tick()
    assert report.sent == 20 and len(outbox.sent) == 20
    assert {r.text for _, _, r in outbox.sent} == {WORDS}
    rows = await ledger(runtime)
    assert {(r.status, r.payload, r.attempts, r.error, r.sent_at) for r in rows} == {
        ("sent", "", 1, "", SCHOOL_MORNING)}


async def test_a_skipped_message_keeps_no_words(
        runtime: Runtime, relayed: str, clock: FakeClock, outbox: RecordingMessenger) -> None:
    clock.current = datetime(2026, 12, 5, 15, 0, tzinfo=UTC)  # Saturday: it expires unsent
    assert (await runtime.dispatcher.tick()).skipped == 20
    assert {(r.status, r.payload) for r in await ledger(runtime)} == {("skipped", "")}


async def test_a_retry_keeps_the_words_until_the_message_fails(
        runtime: Runtime, relayed: str, clock: FakeClock, outbox: RecordingMessenger) -> None:
    async def broken(*_: object) -> None:
        raise ConnectionError("platform down")

    outbox.dm = broken  # type: ignore[method-assign]
    clock.current = SCHOOL_MORNING
    await runtime.dispatcher.tick()
    rows = [r for r in await ledger(runtime) if r.status == "pending"]
    assert len(rows) == 20 and {r.payload for r in rows} == {WORDS}
    for _ in range(7):
        clock.advance(hours=1)
        await runtime.dispatcher.tick()
    failed = [r for r in await ledger(runtime) if r.status == "failed"]
    assert len(failed) == 20 and {r.payload for r in failed} == {""}


async def test_a_send_stranded_by_a_crash_still_has_its_words_to_send_again(
        runtime: Runtime, relayed: str, clock: FakeClock, outbox: RecordingMessenger) -> None:
    clock.current = SCHOOL_MORNING
    await runtime.dispatcher.plan(clock.current)
    async with runtime.sessions() as session, session.begin():  # claimed, then the crash
        await session.execute(update(DeliveryRow).values(status="sending",
                                                         claimed_at=SCHOOL_MORNING))
    clock.advance(minutes=5)
    report = await runtime.dispatcher.tick()
    assert report.recovered == 20 and len(outbox.sent) == 20
    assert {r.text for _, _, r in outbox.sent} == {WORDS}
    assert {(r.status, r.payload) for r in await ledger(runtime)} == {("sent", "")}
