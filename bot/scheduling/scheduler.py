"""APScheduler drives the dispatcher: a heartbeat checks leadership and runs a tick when due."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from datetime import UTC, datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.scheduling.dispatcher import Dispatcher
from bot.scheduling.leader import Leader

log = logging.getLogger(__name__)
STOP_WAIT_SECONDS = 10
# APScheduler logs "Running job" and "executed successfully" at INFO on every beat (two lines
# every 3 seconds); a beat's own work is logged below when it did anything. Its warnings and
# errors (a missed beat, a job that raised) still show.
logging.getLogger("apscheduler.executors.default").setLevel(logging.WARNING)


class Scheduler:
    """Every `beat_seconds`: am I the leader? If so and a tick is due, run it."""

    def __init__(self, dispatcher: Dispatcher, leader: Leader, tick_seconds: float = 30,
                 beat_seconds: float = 3) -> None:
        self.dispatcher, self.leader = dispatcher, leader
        self.tick_seconds, self.beat_seconds = tick_seconds, beat_seconds
        self.last_tick: datetime | None = None
        self.stopping = False
        self.ticking: asyncio.Task[None] | None = None
        self.aps = AsyncIOScheduler(timezone=UTC)

    @property
    def role(self) -> str:
        """"leader" or "follower", for /healthz."""
        return "leader" if self.leader.leading else "follower"

    def start(self) -> None:
        """Start the heartbeat; the first beat runs at once, catching up on missed work."""
        self.aps.add_job(self.beat, IntervalTrigger(seconds=self.beat_seconds, timezone=UTC),
                         id="heartbeat", max_instances=1, coalesce=True,
                         misfire_grace_time=max(1, int(self.beat_seconds)),
                         next_run_time=datetime.now(UTC))
        self.aps.start()

    async def beat(self) -> None:
        """Run one tick when leading and due; a failed tick is logged and tried next beat."""
        if not await self.leader.try_lead():
            return
        now = datetime.now(UTC)
        if self.last_tick and (now - self.last_tick).total_seconds() < self.tick_seconds:
            return
        self.last_tick = now
        self.ticking = asyncio.current_task()
        metrics, started = self.dispatcher.metrics, time.perf_counter()
        try:
            report = await self.dispatcher.tick(self._sending)
        except Exception:  # the next beat tries again; nothing is lost from the ledger
            metrics.ticks.labels("failed").inc()
            log.exception("scheduler tick failed")
            return
        finally:
            metrics.tick_seconds.observe(time.perf_counter() - started)
        metrics.ticks.labels("ok").inc()
        if report.sent or report.planned or report.failed:
            log.info("tick: %s", report)

    async def _sending(self) -> bool:
        """Asked before each send: still the leader, and not stopping."""
        return not self.stopping and await self.leader.still_leading()

    async def stop(self) -> None:
        """Stop the heartbeat and give up leadership, once a tick in flight has recorded what
        it sent (it sends nothing more once stopping)."""
        # The server's shutdown and Runtime.close both stop it; AsyncIOScheduler shuts down in
        # a later callback (still "running" until then), and a second shutdown logs an error.
        stopping, self.stopping = self.stopping, True
        if self.aps.running and not stopping:
            self.aps.pause()  # no new beat; APScheduler's shutdown cancels the running one
        # Let a tick in flight finish before the database goes away: cancelled, it left what it
        # had sent claimed but unrecorded, and the next start sent it all again (a red team's,
        # stop 47); cancelled mid-query, the SQLite driver's thread can hang the shutdown.
        ticking = self.ticking
        if ticking is not None and not ticking.done() and ticking is not asyncio.current_task():
            with contextlib.suppress(TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(asyncio.shield(ticking), STOP_WAIT_SECONDS)
        if self.aps.running and not stopping:
            self.aps.shutdown(wait=False)
        await self.leader.release()
