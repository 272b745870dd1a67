"""A Slack message acknowledged, then met by a database failure, is not lost: its teacher is
told it will be answered, and it is, once the database is back; a turn the database refuses
every time is told "nothing was saved" at its fifth try instead of waiting forever.

A red team's (stop 45): another process held SQLite's write lock past the busy timeout (an
operator's shell, a long job) just after the 200; the teacher read "I'll answer here as soon
as it's sorted; no need to send it again", and the arrival was settled: never answered.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from aiohttp import web
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from adapters.runtime import Runtime
from bot import texts
from bot.arrivals import InboxRow
from bot.inbox import MAX_ATTEMPTS
from tests.adapters.slack.conftest import DM, SlackClient, stored_questions
from tests.support.clock import FakeClock
from tests.support.slack_stub import SlackStub

pytestmark = pytest.mark.usefixtures("short_busy_wait")
QUESTION = "the projector says no signal"


class LockingStub(SlackStub):
    """Slack's Web API; at the sender's lookup (after the 200, before the turn) another
    process takes SQLite's write lock, until prepbot says something to the teacher."""

    path = ""

    def __init__(self) -> None:
        super().__init__()
        self.other: sqlite3.Connection | None = None

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if method == "users.info" and self.other is None and self.path:
            self.other = sqlite3.connect(self.path, isolation_level=None)
            self.other.execute("BEGIN IMMEDIATE")
        elif method.startswith("chat.post"):  # the teacher is told; the lock is gone by then
            self.let_go()
        return await super()._api(request)

    def let_go(self) -> None:
        """The other process is done."""
        if self.other is not None:
            self.other.execute("ROLLBACK")
            self.other.close()
            self.other, self.path = None, ""  # once


@pytest.fixture
async def slack_stub() -> AsyncIterator[SlackStub]:
    """The stub, locking the database at the first sender lookup."""
    stub = LockingStub()
    await stub.start()
    yield stub
    stub.let_go()
    await stub.close()


@pytest.fixture
def locking(runtime: Runtime, slack_stub: SlackStub) -> Iterator[LockingStub]:
    """The stub, pointed at this test's SQLite file."""
    if runtime.engine.dialect.name != "sqlite":
        pytest.skip("another process's write lock is SQLite's")
    assert isinstance(slack_stub, LockingStub)
    slack_stub.path = str(runtime.engine.url.database)
    yield slack_stub


def said(stub: SlackStub) -> list[str]:
    return [str(c.params.get("text", "")) for c in stub.calls
            if c.method in ("chat.postMessage", "chat.postEphemeral")
            and c.params.get("channel") == DM]


async def statuses(runtime: Runtime) -> list[str]:
    await runtime.bot.inbox.drain()
    async with runtime.sessions() as session:
        return list((await session.execute(select(InboxRow.status))).scalars())


async def test_a_message_the_database_failed_is_answered_once_it_is_back(
        runtime: Runtime, slack: SlackClient, locking: LockingStub, clock: FakeClock) -> None:
    status, _ = await slack.dm(QUESTION)
    assert status == 200
    assert [t for t in said(locking) if t.startswith("I've got your message")], said(locking)
    assert await statuses(runtime) == ["working"], "not settled: it is to be worked again"

    clock.advance(minutes=1)
    assert await runtime.bot.recover(clock.now()) == 1
    *_, answer = said(locking)
    assert not answer.startswith("I've got your message") and await stored_questions(runtime) == 1
    assert await statuses(runtime) == ["done"]
    clock.advance(minutes=1)
    assert await runtime.bot.recover(clock.now()) == 0, "answered once"


async def test_a_turn_the_database_always_refuses_is_told_so_at_its_fifth_try(
        runtime: Runtime, slack: SlackClient, slack_stub: SlackStub, clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    tries: list[int] = []

    async def refused(*_args: Any) -> None:  # stands in for a statement that always fails
        tries.append(1)
        raise OperationalError("INSERT ...", {}, Exception("disk I/O error"))
    monkeypatch.setattr(runtime.bot.router, "dispatch", refused)

    await slack.dm(QUESTION)
    for _ in range(MAX_ATTEMPTS - 1):
        clock.advance(minutes=1)
        await runtime.bot.recover(clock.now())
    told = said(slack_stub)
    assert [t[:22] for t in told] == ["I've got your message,", "Sorry, something went "]
    assert await statuses(runtime) == ["done"] and len(tries) == MAX_ATTEMPTS
    clock.advance(minutes=1)
    assert await runtime.bot.recover(clock.now()) == 0
    assert texts.SAVE_FAILED.startswith("Sorry, something went wrong")
