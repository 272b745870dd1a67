"""The inbox under a database that refuses a write for a moment: a settle it could not write
is written later, so recovery does not deliver the same replies a second time."""

from __future__ import annotations

import sqlite3

import pytest

from adapters.runtime import Runtime
from bot.blocks import Reply, Text
from bot.vocabulary import Message
from tests.bot.test_inbox import TEACHER, WHERE
from tests.support.clock import FakeClock

pytestmark = pytest.mark.usefixtures("short_busy_wait")


async def test_a_settle_the_database_refused_is_not_delivered_again(
        runtime: Runtime, clock: FakeClock) -> None:
    # A red team's (stop 45): the settled ids of a failed group write were dropped, and
    # recovery delivered "Ticket #7 is open" again after the lease.
    if runtime.engine.dialect.name != "sqlite":
        pytest.skip("another process's write lock is SQLite's")
    box = runtime.bot.inbox
    arrival = await box.accept(Message(person=TEACHER, conversation=WHERE, text="wifi?"), "e1")
    assert arrival is not None
    async with runtime.sessions() as session, session.begin():
        await box.answered(session, arrival, [Reply("Ticket #7 is open",
                                                    (Text("Ticket #7 is open"),))], clock.now())
    other = sqlite3.connect(str(runtime.engine.url.database), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process holds the lock as the settle is written
    box.settle(arrival)
    await box.drain()
    other.execute("ROLLBACK")
    other.close()

    clock.advance(minutes=5)
    assert await box.left_over(clock.now(), ["teams"]) == [], "the replies reached her once"
