"""A Teams fan-out from the delivery ledger, its `prepbot serve` stopped the way every deploy
stops it (SIGTERM) a quarter of the way through, then started again: the stop is prompt and
clean, every teacher gets the note, and no teacher whose note Teams had answered before the
stop gets it twice (Teams cannot say whether a message arrived, so the ledger is all there is).
A red team's (stop 47): the shutdown cancelled the tick in flight and its sends were resent.

Runs on SQLite, and on PostgreSQL when PREPBOT_TEST_DATABASE_URL names one.
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from aiohttp import ClientSession
from sqlalchemy import select

from bot.blocks import Reply, Text, reply_to_json
from bot.outbox import NOTICE
from bot.people.models import PersonRow
from bot.scheduling.ledger import Planned, plan
from bot.storage.engine import make_engine, make_sessions
from tests.deploy.servers import Replica, ready, until
from tests.process.seeding import ledger_counts, prepare
from tests.support.connector_stub import Call, ConnectorStub

TEACHERS = 200
NOTE = "Your loaner is ready at the library desk"
BOT = {"id": "28:prepbot", "name": "prepbot"}


async def say_hello(http: ClientSession, base: str, teams: ConnectorStub, n: int) -> None:
    """A teacher writes to prepbot once, so Teams' reference to their chat is stored."""
    activity = {"type": "message", "id": f"hello-{n}", "channelId": "msteams",
                "serviceUrl": teams.url, "from": {"id": f"29:fan{n}", "name": f"Teacher {n}"},
                "recipient": BOT, "text": "thanks",
                "conversation": {"id": f"a:fan{n}", "conversationType": "personal",
                                 "tenantId": "T1"}}
    async with http.post(f"{base}/api/messages", json=activity) as response:
        assert response.status < 300


async def plan_notes(url: str) -> int:
    """One urgent note for each Teams teacher, due now (as a relayed reply would be)."""
    engine = make_engine(url)
    now = datetime.now(UTC)
    try:
        async with make_sessions(engine)() as session, session.begin():
            people = (await session.execute(
                select(PersonRow).where(PersonRow.platform == "teams"))).scalars().all()
            reply = reply_to_json(Reply(NOTE, (Text(NOTE),)))
            return await plan(session, [
                Planned(NOTICE, "loaner-ready", "teams", now, now + timedelta(days=1),
                        person_id=p.id, user_id=p.user_id, urgent=True, payload=reply)
                for p in people])
    finally:
        await engine.dispose()


def notes(calls: list[Call]) -> Counter[str]:
    """How many notes each conversation received."""
    return Counter(c.conversation for c in calls if c.method == "POST" and NOTE in str(c.body))


@pytest.mark.timeout(300)
async def test_a_fan_out_stopped_by_sigterm_sends_nothing_twice_that_teams_had_answered(
        tmp_path: Path, teams: ConnectorStub) -> None:
    url = os.environ.get("PREPBOT_TEST_DATABASE_URL") or f"sqlite+aiosqlite:///{tmp_path}/p.db"
    await prepare(url)
    env = {"DATABASE_URL": url, "PREPBOT_TEAMS_EMULATOR": "1", "PREPBOT_TICK_SECONDS": "0.5",
           "PREPBOT_DELIVERY_LEASE_SECONDS": "2", "PREPBOT_KB_DIR": "", "LOG_FORMAT": "text"}
    answered: dict[int, float] = {}  # id(call) -> when the stub answered it

    async def slowly(call: Call) -> None:
        if NOTE in str(call.body):
            await asyncio.sleep(0.03)
            answered[id(call)] = time.monotonic()

    first = Replica(tmp_path, env, "first")
    second: Replica | None = None
    try:
        async with ClientSession() as http:
            await ready(http, first)
            for n in range(TEACHERS):
                await say_hello(http, first.url, teams, n)
            teams.on_call = slowly
            assert await plan_notes(url) == TEACHERS

            async def a_quarter_sent() -> bool:
                return len(answered) >= TEACHERS // 4

            await until(a_quarter_sent, 60, "a quarter of the notes to be sent", every=0.01)
            first.process.send_signal(signal.SIGTERM)
            stopped = time.monotonic()
            assert await asyncio.to_thread(first.process.wait, 30) == 0
            assert time.monotonic() - stopped < 15, "the stop waits for a tick, not for all"
            before = {c.conversation for c in teams.calls
                      if answered.get(id(c), stopped) < stopped - 0.2}
            assert 0 < len(before) < TEACHERS, "the stop must land in the middle"

            second = Replica(tmp_path, env, "second")
            await ready(http, second)

            async def all_sent() -> bool:
                return (await ledger_counts(url, NOTICE)).get("sent", 0) == TEACHERS

            await until(all_sent, 120, "every note to be sent", every=0.5)
    finally:
        for replica in (first, second):
            if replica is not None:
                replica.stop()
    received = notes(teams.calls)
    assert set(received) == {f"a:fan{n}" for n in range(TEACHERS)}
    assert sorted(c for c in before if received[c] > 1) == []
