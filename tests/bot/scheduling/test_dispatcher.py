"""The dispatcher sends each planned message exactly once, respects the policy, and recovers."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from adapters.runtime import Runtime
from bot.blocks import Reply
from bot.scheduling import dispatcher as dispatching
from bot.scheduling import ledger as ledgers
from bot.scheduling.dispatcher import Dispatcher
from bot.scheduling.models import DeliveryRow
from bot.scheduling.sending import CONCURRENCY
from bot.vocabulary import Person
from tests.bot.scheduling.conftest import ledger
from tests.support.clock import FakeClock
from tests.support.recording import RecordingMessenger

SCHOOL_MORNING = datetime(2026, 12, 4, 15, 0, tzinfo=UTC)  # Friday 10:00 in New York


async def test_every_planned_message_goes_out_once_however_often_it_ticks(
        runtime: Runtime, job: str, clock: FakeClock, outbox: RecordingMessenger) -> None:
    clock.current = SCHOOL_MORNING
    first = await runtime.dispatcher.tick()
    again = await runtime.dispatcher.tick()
    assert (first.planned, first.sent) == (20, 20)
    assert (again.planned, again.sent) == (0, 0)
    assert len(outbox.sent) == 20 and len({who for _, who, _ in outbox.sent}) == 20
    assert {row.status for row in await ledger(runtime)} == {"sent"}


async def test_two_replicas_ticking_at_once_never_send_twice(
        runtime: Runtime, job: str, clock: FakeClock, outbox: RecordingMessenger) -> None:
    clock.current = SCHOOL_MORNING
    other = Dispatcher(runtime.sessions, runtime.bot.jobs, clock, runtime.bot.messengers,
                       runtime.metrics)
    await runtime.dispatcher.tick()  # plan first, so both race on sending only
    async with runtime.sessions() as session, session.begin():
        await session.execute(update(DeliveryRow).values(status="pending", sent_at=None))
    outbox.sent.clear()
    await asyncio.gather(runtime.dispatcher.tick(), other.tick())
    assert len(outbox.sent) == 20


async def test_a_leader_that_lost_its_lock_stops_and_the_next_sends_the_rest_once(
        runtime: Runtime, job: str, clock: FakeClock, outbox: RecordingMessenger) -> None:
    clock.current = SCHOOL_MORNING

    async def leading() -> bool:  # the lock went with its connection after seven sends
        return len(outbox.sent) < 7
    report = await runtime.dispatcher.tick(leading)
    first = len(outbox.sent)
    assert report.failed == 0 and 7 <= first <= 7 + CONCURRENCY
    assert [r.status for r in await ledger(runtime)].count("pending") == 20 - first, \
        "what it did not try is given back"

    successor = Dispatcher(runtime.sessions, runtime.bot.jobs, clock, runtime.bot.messengers,
                           runtime.metrics)
    await successor.tick()  # at once: nothing waits for a lease to pass
    assert len(outbox.sent) == 20 and len({who for _, who, _ in outbox.sent}) == 20


async def test_a_message_planned_at_night_waits_for_school_hours(
        runtime: Runtime, job: str, clock: FakeClock, outbox: RecordingMessenger) -> None:
    clock.current = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)  # 05:00 in New York
    report = await runtime.dispatcher.tick()
    assert (report.planned, report.sent, report.deferred) == (20, 0, 20)
    clock.current = datetime(2026, 12, 4, 12, 45, tzinfo=UTC)  # 07:45
    assert (await runtime.dispatcher.tick()).sent == 20


async def test_a_message_whose_window_never_opens_before_it_expires_is_skipped(
        runtime: Runtime, job: str, clock: FakeClock, outbox: RecordingMessenger) -> None:
    clock.current = datetime(2026, 12, 5, 15, 0, tzinfo=UTC)  # Saturday; expires in 6 hours
    report = await runtime.dispatcher.tick()
    assert report.skipped == 20 and outbox.sent == []
    assert {row.status for row in await ledger(runtime)} == {"skipped"}


async def test_sends_stranded_by_a_crash_are_settled_with_the_platform(
        runtime: Runtime, job: str, clock: FakeClock, outbox: RecordingMessenger) -> None:
    clock.current = SCHOOL_MORNING
    await runtime.dispatcher.tick()
    # As if the process died after claiming and sending, before recording the outcome:
    async with runtime.sessions() as session, session.begin():
        await session.execute(update(DeliveryRow).values(status="sending",
                                                         claimed_at=SCHOOL_MORNING))
    arrived = {reply.key for _, _, reply in outbox.sent[:15]}  # five never reached Slack

    async def delivered(person: object, conversation: object, key: str) -> bool:
        return key in arrived

    outbox.delivered = delivered  # type: ignore[attr-defined]
    outbox.sent = outbox.sent[:15]
    clock.advance(minutes=5)
    report = await runtime.dispatcher.tick()
    assert report.recovered == 20 and report.sent == 5
    assert len(outbox.sent) == 20 and len({who for _, who, _ in outbox.sent}) == 20


async def test_a_failing_platform_is_retried_until_the_window_closes(
        runtime: Runtime, job: str, clock: FakeClock, outbox: RecordingMessenger) -> None:
    async def broken(*_: object) -> None:
        raise ConnectionError("platform down")

    outbox.dm = broken  # type: ignore[method-assign]
    clock.current = SCHOOL_MORNING  # the messages are worth sending for 6 hours
    for _ in range(4):  # tried after 0, 5, 15 and 35 minutes
        await runtime.dispatcher.tick()
        clock.current = min(row.not_before for row in await ledger(runtime))
    rows = await ledger(runtime)
    assert {(row.status, row.attempts) for row in rows} == {("pending", 4)}
    for _ in range(6):
        clock.advance(hours=1)
        await runtime.dispatcher.tick()
    rows = await ledger(runtime)
    assert {row.status for row in rows} == {"failed"}
    assert all("platform down" in row.error for row in rows)


async def test_an_undeliverable_recipient_is_not_retried(
        runtime: Runtime, job: str, clock: FakeClock, outbox: RecordingMessenger) -> None:
    from bot.ports import Undeliverable

    async def not_installed(*_: object) -> None:
        raise Undeliverable("the app is not installed for this person")

    outbox.dm = not_installed  # type: ignore[method-assign]
    clock.current = SCHOOL_MORNING
    report = await runtime.dispatcher.tick()
    assert report.failed == 20
    assert {(row.status, row.attempts) for row in await ledger(runtime)} == {("failed", 1)}


class HeldBack(RecordingMessenger):
    """Slack holding every message back (a 429's Retry-After) until `release` is set."""

    def __init__(self) -> None:
        super().__init__()
        self.release, self.holding = asyncio.Event(), 0

    async def dm(self, person: Person, reply: Reply) -> None:
        """Record the message once let through."""
        self.holding += 1
        await self.release.wait()
        await super().dm(person, reply)


async def test_a_send_held_back_past_the_lease_is_not_taken_for_a_crashs(
        runtime: Runtime, job: str, clock: FakeClock) -> None:
    # A red team's (stop 48): Slack held a triage card past the delivery lease; the next
    # tick's recovery took it for a crash's, found it not yet in the channel, and it was
    # posted twice, with no crash at all.
    clock.current = SCHOOL_MORNING
    runtime.dispatcher.lease = timedelta(seconds=0.3)  # renewed every 0.1 s
    held = HeldBack()
    runtime.bot.messengers.add(held)
    tick = asyncio.create_task(runtime.dispatcher.tick())
    while held.holding < CONCURRENCY:
        await asyncio.sleep(0.01)
    try:
        for _ in range(3):
            clock.advance(seconds=1)  # well past the lease, as the ledger tells time
            await asyncio.sleep(0.2)
            assert await runtime.dispatcher.recover(clock.now()) == 0
    finally:
        held.release.set()
        await tick
    await runtime.dispatcher.tick()
    assert sorted(who for _, who, _ in held.sent) == sorted(f"t{i}" for i in range(20))


class HeldInTurns(HeldBack):
    """Slack holding back the first `first` messages until `release`, the rest until
    `release_rest`."""

    def __init__(self, first: int) -> None:
        super().__init__()
        self.first, self.release_rest = first, asyncio.Event()

    async def dm(self, person: Person, reply: Reply) -> None:
        """Record the message once its gate opens."""
        self.holding += 1
        gate = self.release if self.holding <= self.first else self.release_rest
        await gate.wait()
        self.sent.append(("dm", person.user_id, reply))


async def test_a_second_batch_is_claimed_as_of_its_claim_not_of_the_ticks_start(
        runtime: Runtime, job: str, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    # A red team's (stop 48) on the renewal: a tick claimed every batch with the time it
    # began, so the second batch of a long fan-out was past the lease the moment it was
    # claimed, and a new leader sent the eight under way again.
    monkeypatch.setattr(dispatching, "BATCH", 10)  # twenty teachers: two batches
    clock.current = SCHOOL_MORNING
    runtime.dispatcher.lease = timedelta(seconds=0.3)
    held = HeldInTurns(first=10)
    runtime.bot.messengers.add(held)
    successor = Dispatcher(runtime.sessions, runtime.bot.jobs, clock, runtime.bot.messengers,
                           runtime.metrics, lease=timedelta(seconds=0.3))
    leads = [True]

    async def leading() -> bool:
        return leads[0]

    tick = asyncio.create_task(runtime.dispatcher.tick(leading))
    try:
        while held.holding < CONCURRENCY:
            await asyncio.sleep(0.01)
        clock.advance(seconds=3)  # the first batch held back well past the lease
        await asyncio.sleep(0.2)
        held.release.set()
        while held.holding < 11:  # the second batch under way
            await asyncio.sleep(0.01)
        leads[0] = False  # the lock went: a new leader ticks
        assert (await successor.tick()).recovered == 0
    finally:
        held.release.set()
        held.release_rest.set()
        await tick
    await successor.tick()  # what the old leader gave back, never tried
    assert sorted(who for _, who, _ in held.sent) == sorted(f"t{i}" for i in range(20))


async def test_a_leader_that_stepped_down_never_gives_back_a_claim_another_took_over(
        runtime: Runtime, job: str, clock: FakeClock) -> None:
    clock.current = SCHOOL_MORNING
    await runtime.dispatcher.plan(clock.now())
    async with runtime.sessions() as session, session.begin():
        [row, *_] = (await session.execute(select(DeliveryRow))).scalars()
        assert await ledgers.claim(session, [row], clock.now()) == [row.id]  # A's claim
    ours = clock.now()
    clock.advance(minutes=5)  # A's renewals failed: B recovered the row and claimed it
    async with runtime.sessions() as session, session.begin():
        for found in await ledgers.stranded(session, clock.now() - timedelta(minutes=2)):
            found.status = "pending"
    async with runtime.sessions() as session, session.begin():
        row = await session.get(DeliveryRow, row.id)
        assert row is not None and await ledgers.claim(session, [row], clock.now()) == [row.id]
    async with runtime.sessions() as session, session.begin():
        await ledgers.unclaim(session, [row.id], ours, ours)  # A, back: it never tried it
    async with runtime.sessions() as session:
        kept = await session.get(DeliveryRow, row.id)
    assert kept is not None and kept.status == "sending"  # B's claim stays
