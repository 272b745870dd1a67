"""One scheduler per deployment: the advisory lock elects a leader, another takes over."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import text

from adapters.runtime import Runtime
from bot.scheduling import leader
from bot.scheduling.leader import Leader
from bot.scheduling.scheduler import Scheduler
from tests.support.recording import RecordingMessenger


async def test_sqlite_always_leads(runtime: Runtime) -> None:
    if runtime.engine.dialect.name == "postgresql":
        pytest.skip("SQLite only")
    assert await Leader(runtime.settings.database_url, "sqlite").try_lead()


async def test_only_one_postgresql_process_leads_and_another_takes_over(
        runtime: Runtime) -> None:
    if runtime.engine.dialect.name != "postgresql":
        pytest.skip("needs PostgreSQL (PREPBOT_TEST_DATABASE_URL)")
    url = runtime.settings.database_url
    first, second = Leader(url, "postgresql"), Leader(url, "postgresql")
    try:
        assert await first.try_lead()
        assert not await second.try_lead()
        assert await first.try_lead()  # still leading on the next beat
        await first._drop()  # the leader's connection dies, as when its process is killed
        assert await second.try_lead()
        assert not await first.try_lead()
    finally:
        await first.release()
        await second.release()


async def test_a_leader_whose_lock_went_with_its_connection_knows_within_seconds(
        runtime: Runtime, monkeypatch: pytest.MonkeyPatch) -> None:
    # A red team's (stop 45): PostgreSQL restarted under a long batch; the old leader went on
    # sending while the new one took over, and 80 of 200 teachers were invited twice.
    if runtime.engine.dialect.name != "postgresql":
        pytest.skip("needs PostgreSQL (PREPBOT_TEST_DATABASE_URL)")
    monkeypatch.setattr(leader, "CHECK_SECONDS", 0.0)
    url = runtime.settings.database_url
    first, second = Leader(url, "postgresql"), Leader(url, "postgresql")
    try:
        assert await first.try_lead() and await first.still_leading()
        async with runtime.engine.connect() as other:  # its backend ends, as in a restart
            await other.execute(text(
                "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' "
                "AND objid = :key"), {"key": leader.LOCK_KEY})
        assert await second.try_lead(), "the lock went with the connection"
        assert not await first.still_leading(), "and the old leader knows it before a send"
    finally:
        await first.release()
        await second.release()


async def test_the_heartbeat_runs_ticks_while_leading(
        runtime: Runtime, job: str, outbox: RecordingMessenger) -> None:
    from datetime import UTC, datetime

    runtime.bot.clock.current = datetime(2026, 12, 4, 15, tzinfo=UTC)  # type: ignore[attr-defined]
    scheduler = Scheduler(runtime.dispatcher,
                          Leader(runtime.settings.database_url, runtime.engine.dialect.name),
                          tick_seconds=60, beat_seconds=0.1)
    scheduler.start()
    try:
        for _ in range(100):
            if len(outbox.sent) == 20:
                break
            await asyncio.sleep(0.05)
        assert len(outbox.sent) == 20 and scheduler.role == "leader"
    finally:
        await scheduler.stop()
