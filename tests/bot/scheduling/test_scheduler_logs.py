"""The scheduler's heartbeat is quiet in the logs: a beat that did nothing says nothing."""

from __future__ import annotations

import asyncio
import logging

import pytest

from adapters.runtime import Runtime
from bot.scheduling.leader import Leader
from bot.scheduling.scheduler import Scheduler


async def test_heartbeats_write_no_info_lines(runtime: Runtime,
                                              caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    scheduler = Scheduler(runtime.dispatcher, Leader(runtime.settings.database_url,
                                                     runtime.engine.dialect.name),
                          tick_seconds=0.01, beat_seconds=0.02)
    def ticks() -> float:
        return runtime.metrics.registry.get_sample_value(
            "prepbot_scheduler_ticks_total", {"outcome": "ok"}) or 0.0

    scheduler.start()
    try:
        for _ in range(500):  # until five beats ran: no timing is asserted, only the logs
            if ticks() >= 5:
                break
            await asyncio.sleep(0.01)
    finally:
        await scheduler.stop()
    assert ticks() >= 5
    chatter = [r.getMessage() for r in caplog.records
               if r.name.startswith("apscheduler.executors") and r.levelno < logging.WARNING]
    assert chatter == []
