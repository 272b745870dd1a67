"""SQLite's one writer is handed out in order of arrival, the inbox's writes first; a task
that already holds it is not made to wait on itself; a stuck wait gives up loudly."""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.storage import writer
from bot.storage.writer import WriteQueue


async def _take_in_turn(queue: WriteQueue, name: str, order: list[str],
                        urgent: bool = False) -> None:
    await queue.acquire(urgent)
    order.append(name)
    await asyncio.sleep(0)
    queue.release()


async def test_waiting_writers_get_the_lock_in_order_of_arrival_urgent_ones_first() -> None:
    queue, order = WriteQueue(), []
    await queue.acquire()
    waiting = [asyncio.create_task(_take_in_turn(queue, name, order, urgent=name == "inbox"))
               for name in ("turn 1", "turn 2", "inbox", "turn 3")]
    await asyncio.sleep(0.01)
    assert order == []
    queue.release()
    await asyncio.gather(*waiting)
    assert order == ["inbox", "turn 1", "turn 2", "turn 3"]


async def test_the_holder_can_open_a_nested_session_without_waiting_on_itself() -> None:
    queue = WriteQueue()
    assert await queue.acquire()
    assert await queue.acquire()  # the same task: at once (a deadlock would hang here)
    queue.release()
    other = asyncio.create_task(queue.acquire())
    await asyncio.sleep(0.01)
    assert not other.done()  # still held: only the outermost release lets go
    queue.release()
    assert await asyncio.wait_for(other, timeout=1)


async def test_a_writer_cancelled_while_waiting_does_not_block_those_behind_it() -> None:
    queue, order = WriteQueue(), []
    await queue.acquire()
    cancelled = asyncio.create_task(_take_in_turn(queue, "cancelled", order))
    behind = asyncio.create_task(_take_in_turn(queue, "behind", order))
    await asyncio.sleep(0.01)
    cancelled.cancel()
    queue.release()
    await asyncio.wait_for(behind, timeout=1)
    assert order == ["behind"]


async def test_a_wait_that_cannot_end_gives_up_with_an_error_in_the_log(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(writer, "PATIENCE", 0.05)
    queue = WriteQueue()
    await queue.acquire()  # held by this task, which now waits on another task's session
    with caplog.at_level(logging.ERROR):
        assert await asyncio.create_task(queue.acquire()) is False
    assert "unqueued" in caplog.text
    queue.release()
    assert await asyncio.wait_for(asyncio.create_task(queue.acquire()), timeout=1)
