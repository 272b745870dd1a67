"""While another process holds the database's write lock (an operator's shell, a long job),
Slack still hears back within its 3 seconds: a command is told nothing was saved, an event
is refused so Slack sends it again, and once the lock is gone each is taken once.

A red team's (stop 45): every acknowledgement waited for the lock, past Slack's 3 s, and a
`/ticket` Slack had shown its teacher as failed was opened anyway (so typed again: two).
"""

from __future__ import annotations

import time

from sqlalchemy import func, select

from adapters.runtime import Runtime
from bot.features.tickets.models import TicketRow
from tests.adapters.slack.conftest import DM, TEACHER, SlackClient, stored_questions
from tests.conftest import OperatorLock

SLACK_WAITS = 3.0  # seconds Slack gives an acknowledgement


async def tickets(runtime: Runtime) -> int:
    async with runtime.sessions() as session:
        return int((await session.execute(select(func.count(TicketRow.id)))).scalar_one())


async def test_a_command_is_told_in_time_that_nothing_was_saved(
        slack: SlackClient, runtime: Runtime, operator_lock: OperatorLock) -> None:
    started = time.monotonic()
    status, text = await slack.command("/ticket", "the smartboard in room 12 is dead")
    took = time.monotonic() - started
    operator_lock.release()

    assert status == 200 and took < SLACK_WAITS, f"answered after {took:.1f} s"
    assert "nothing was saved" in text
    assert await tickets(runtime) == 0, "what its teacher was told failed did not happen"


async def test_an_event_is_refused_in_time_and_taken_once_when_slack_sends_it_again(
        slack: SlackClient, runtime: Runtime, operator_lock: OperatorLock) -> None:
    event = {"type": "message", "channel_type": "im", "channel": DM, "user": TEACHER,
             "text": "the projector says no signal", "ts": "1700000100.000777"}
    started = time.monotonic()
    status, _ = await slack.event(event, event_id="EvLOCKED")
    took = time.monotonic() - started
    operator_lock.release()
    assert status >= 500 and took < SLACK_WAITS, f"{status} after {took:.1f} s"

    for retry in (1, 2):  # Slack sends it again, and again
        assert (await slack.event(event, event_id="EvLOCKED", retry=retry))[0] == 200
    assert await stored_questions(runtime) == 1
    assert len(slack.stub.of("chat.postMessage")) == 1
