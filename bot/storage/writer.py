"""One writer at a time on SQLite, in order of arrival, and the inbox's writes first.

SQLite has one write lock. Left to itself, a connection that finds it taken sleeps and
retries (the busy timeout's growing pauses: 1, 2, 5 ... 100 ms), so under load who gets it
next is a lottery and the slowest turn waits a second or more. Here every session of the
process waits in one queue instead, handed the lock in turn: the wait is fair, and p99
follows p50. The inbox's group commits go to the front, so acknowledging a platform never
waits behind a queue of turns. PostgreSQL has real concurrency and no queue.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

log = logging.getLogger(__name__)
PATIENCE = 10.0  # seconds; a turn holds the writer for milliseconds


class WriteQueue:
    """A lock handed over in order, arrivals (urgent) before turns; re-entrant per task."""

    def __init__(self) -> None:
        self._holder: asyncio.Task[Any] | None = None
        self._depth = 0
        self._urgent: deque[asyncio.Future[None]] = deque()
        self._normal: deque[asyncio.Future[None]] = deque()
        self._handing_over = False

    async def acquire(self, urgent: bool = False) -> bool:
        """Wait for the lock (at once when this task already holds it). False: waited
        PATIENCE in vain, and goes on unqueued (SQLite's own busy wait then decides)."""
        task = asyncio.current_task()
        if task is not None and self._holder is task:
            self._depth += 1
            return True
        if self._holder is None and not self._handing_over and not (
                self._urgent or self._normal):
            self._holder, self._depth = task, 1
            return True
        line = self._urgent if urgent else self._normal
        turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        line.append(turn)
        try:
            await asyncio.wait((turn,), timeout=PATIENCE)
        except asyncio.CancelledError:
            self._leave(line, turn)
            raise
        if not turn.done():
            # Only a task that holds a session while awaiting another task's can cause
            # this; better slow and logged than stuck for good.
            log.error("waited %.0f s for the SQLite writer; going on unqueued", PATIENCE)
            self._leave(line, turn)
            return False
        self._holder, self._depth, self._handing_over = task, 1, False
        return True

    def _leave(self, line: deque[asyncio.Future[None]], turn: asyncio.Future[None]) -> None:
        if turn.done():  # handed the lock just now: pass it on
            self._handing_over = False
            self._next()
        else:
            line.remove(turn)
            turn.cancel()

    def release(self) -> None:
        """Give the lock up (the outermost release hands it to the next in line)."""
        self._depth -= 1
        if self._depth > 0:
            return
        self._holder = None
        self._next()

    def _next(self) -> None:
        for line in (self._urgent, self._normal):
            while line:
                turn = line.popleft()
                if not turn.done():
                    self._handing_over = True
                    turn.set_result(None)
                    return


class QueuedSession(AsyncSession):
    """An AsyncSession that holds the engine's write queue for as long as it is open."""

    queue: WriteQueue
    urgent = False
    _queued = False

    async def __aenter__(self) -> QueuedSession:
        self._queued = await self.queue.acquire(self.urgent)
        try:
            await super().__aenter__()
        except BaseException:
            self._release()
            raise
        return self

    async def __aexit__(self, *exc: Any) -> None:
        try:
            await super().__aexit__(*exc)
        finally:
            self._release()

    def _release(self) -> None:
        if self._queued:
            self.queue.release()
