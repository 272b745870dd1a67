"""A tick cut short, by a stop or a crash, leaves what it sent recorded: after the restart
nobody gets a message twice, however far the batch had got (Teams cannot say what arrived)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from adapters.runtime import Runtime
from bot.blocks import Reply
from bot.scheduling import scheduler as scheduling
from bot.scheduling.leader import Leader
from bot.scheduling.scheduler import Scheduler
from bot.scheduling.sending import CONCURRENCY
from bot.vocabulary import Person
from tests.bot.scheduling.conftest import ledger
from tests.support.clock import FakeClock
from tests.support.recording import RecordingMessenger

SCHOOL_MORNING = datetime(2026, 12, 4, 15, 0, tzinfo=UTC)


class SlowMessenger(RecordingMessenger):
    """Each message takes a while to send; from the `stuck_at`th on, sending never ends."""

    def __init__(self, seconds: float = 0.0, stuck_at: int = 0) -> None:
        super().__init__()
        self.seconds, self.stuck_at, self.started = seconds, stuck_at, 0

    async def dm(self, person: Person, reply: Reply) -> None:
        """Record the message once it has taken its time."""
        self.started += 1
        if self.stuck_at and self.started >= self.stuck_at:
            await asyncio.Event().wait()
        await asyncio.sleep(self.seconds)
        await super().dm(person, reply)


async def statuses(runtime: Runtime) -> list[str]:
    return sorted(row.status for row in await ledger(runtime))


async def until(check: Callable[[], bool], seconds: float = 10) -> None:
    for _ in range(int(seconds / 0.02)):
        if check():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("never happened")


async def test_a_tick_killed_mid_batch_has_recorded_every_send_answered(
        runtime: Runtime, job: str, clock: FakeClock) -> None:
    # A red team's (stop 47): a batch was recorded only once all of it (up to 200) had gone,
    # so a kill a quarter of the way through sent every earlier message again after the lease.
    clock.current = SCHOOL_MORNING
    stuck = SlowMessenger(stuck_at=CONCURRENCY + 10)
    runtime.bot.messengers.add(stuck)
    tick = asyncio.create_task(runtime.dispatcher.tick())
    await until(lambda: stuck.started >= CONCURRENCY + 10)
    await asyncio.sleep(0.2)
    tick.cancel()  # the process dies here
    await asyncio.gather(tick, return_exceptions=True)

    assert (await statuses(runtime)).count("sent") == len(stuck.sent) == CONCURRENCY + 9


async def test_a_send_held_past_the_stops_wait_costs_only_itself(
        runtime: Runtime, job: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # A red team's on the fix (stop 47): one send held back past the stop's wait, and the
    # tick's cancellation lost the record of fifteen that had gone out beside it.
    monkeypatch.setattr(scheduling, "STOP_WAIT_SECONDS", 0.5)
    runtime.bot.clock.current = SCHOOL_MORNING  # type: ignore[attr-defined]
    stuck = SlowMessenger(seconds=0.01, stuck_at=12)
    runtime.bot.messengers.add(stuck)
    scheduler = Scheduler(runtime.dispatcher,
                          Leader(runtime.settings.database_url, runtime.engine.dialect.name),
                          tick_seconds=60, beat_seconds=0.1)
    scheduler.start()
    await until(lambda: stuck.started >= 12 + CONCURRENCY - 1)
    await asyncio.sleep(0.2)
    await scheduler.stop()

    assert (await statuses(runtime)).count("sent") == len(stuck.sent) == 11


async def test_a_scheduler_stopped_mid_tick_records_what_it_sent_and_gives_back_the_rest(
        runtime: Runtime, job: str) -> None:
    # The same red team's: the stop cancelled the tick in flight (APScheduler cancels the job
    # it runs), so what it had sent stayed claimed and unrecorded, and was sent again.
    runtime.bot.clock.current = SCHOOL_MORNING  # type: ignore[attr-defined]
    slow = SlowMessenger(seconds=0.05)
    runtime.bot.messengers.add(slow)
    scheduler = Scheduler(runtime.dispatcher,
                          Leader(runtime.settings.database_url, runtime.engine.dialect.name),
                          tick_seconds=60, beat_seconds=0.1)
    scheduler.start()
    await until(lambda: len(slow.sent) >= 3)
    await scheduler.stop()

    told = len(slow.sent)
    assert told < 20 and await statuses(runtime) == ["pending"] * (20 - told) + ["sent"] * told
    await runtime.dispatcher.tick()  # the next start sends the rest, each once
    assert sorted(who for _, who, _ in slow.sent) == sorted(f"t{i}" for i in range(20))
