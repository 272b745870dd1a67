"""Nothing acknowledged is lost: 200 signed Slack `/ticket` commands and 200 Teams messages in
one concurrent burst, `prepbot serve` killed with SIGKILL in the middle of it and started
again on the same database. Every request that got its 2xx becomes exactly one ticket or one
answer, and its teacher hears about it; nothing is done twice. On SQLite, and on PostgreSQL
when PREPBOT_TEST_DATABASE_URL is set."""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import ClientError, ClientSession, ClientTimeout
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import create_async_engine

from bot.features.answers.models import QuestionRow
from bot.features.tickets.models import TicketRow
from bot.storage.engine import make_engine
from tests.deploy.servers import Replica, ready, until
from tests.process.seeding import prepare
from tests.process.slack_record import RecordingSlack
from tests.support.connector_stub import ConnectorStub
from tests.support.signing import form_body, signed_headers

EACH = 200
KILL_AFTER = 120  # acknowledgements before the kill: the burst is well under way
BOT = {"id": "28:prepbot", "name": "prepbot"}
PG = os.environ.get("PREPBOT_TEST_DATABASE_URL", "")


@pytest.fixture
async def slack() -> AsyncIterator[RecordingSlack]:
    stub = await RecordingSlack().start()
    yield stub
    await stub.close()


@pytest.fixture(params=["sqlite", "postgresql"])
async def database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A database of this test's own."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'prepbot.db'}"
        return
    if not PG:
        pytest.skip("set PREPBOT_TEST_DATABASE_URL to run this on PostgreSQL")
    admin = create_async_engine(PG.replace("postgresql://", "postgresql+asyncpg://", 1),
                                isolation_level="AUTOCOMMIT")
    async with admin.connect() as connection:
        await connection.execute(text("DROP DATABASE IF EXISTS prepbot_intake_kill WITH (FORCE)"))
        await connection.execute(text("CREATE DATABASE prepbot_intake_kill"))
    yield PG.rsplit("/", 1)[0] + "/prepbot_intake_kill"
    async with admin.connect() as connection:
        await connection.execute(text("DROP DATABASE IF EXISTS prepbot_intake_kill WITH (FORCE)"))
    await admin.dispose()


def environment(url: str, slack: RecordingSlack) -> dict[str, str]:
    """Slack over HTTP against its stub, Teams in emulator mode (its connector is a stub too:
    tokens are tested elsewhere), a short inbox lease and a fast tick."""
    return {"DATABASE_URL": url, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "s",
            "SLACK_API_URL": slack.api_url, "PREPBOT_TEAMS_EMULATOR": "1",
            "PREPBOT_TICK_SECONDS": "0.5", "PREPBOT_INBOX_LEASE_SECONDS": "1",
            "PREPBOT_KB_DIR": "", "LOG_FORMAT": "text",
            "PREPBOT_SECRET_KEY": "dGVzdC1vbmx5LXNlcnZlci1zZWNyZXQtMzItYnl0ZXM="}


async def slack_ticket(http: ClientSession, base: str, slack: RecordingSlack, n: int) -> bool:
    """One signed `/ticket`; True when prepbot acknowledged it."""
    body, content_type = form_body({
        "command": "/ticket", "text": f"room {n} projector shows no signal, burst s{n}x",
        "user_id": f"UBURST{n:04d}", "channel_id": f"DBURST{n:04d}",
        "channel_name": "directmessage", "team_id": "T1", "trigger_id": f"trigger-{n}",
        "response_url": slack.response_url(f"burst{n}")})
    return await post(http, f"{base}/slack/events", body, signed_headers("s", body,
                                                                         content_type))


async def teams_question(http: ClientSession, base: str, teams: ConnectorStub, n: int) -> bool:
    """One Teams message in a personal chat; True when prepbot acknowledged it."""
    activity = {"type": "message", "id": f"burst-{n}", "channelId": "msteams",
                "serviceUrl": teams.url, "from": {"id": f"29:burst{n}", "name": "Teacher"},
                "recipient": BOT, "text": f"the projector in room {n} says no signal t{n}x",
                "conversation": {"id": f"a:burst{n}", "conversationType": "personal",
                                 "tenantId": "T1"}}
    return await post(http, f"{base}/api/messages", None, {}, activity)


async def post(http: ClientSession, url: str, body: bytes | None, headers: dict[str, str],
               json_body: object = None) -> bool:
    try:
        async with http.post(url, data=body, json=json_body, headers=headers,
                             timeout=ClientTimeout(total=60)) as response:
            return 200 <= response.status < 300
    except (TimeoutError, ClientError, OSError):
        return False  # the kill cut it off: never acknowledged


async def stored(url: str) -> tuple[list[str], list[str]]:
    """Every ticket text and every question text in the database."""
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            tickets = (await connection.execute(select(TicketRow.text))).scalars().all()
            questions = (await connection.execute(select(QuestionRow.text))).scalars().all()
            return list(tickets), list(questions)
    finally:
        await engine.dispose()


def marks(texts: list[str], pattern: str) -> list[int]:
    """The burst numbers a list of texts carries (each may appear once, or it is a double)."""
    return [int(m.group(1)) for t in texts if (m := re.search(pattern, t))]


@pytest.mark.timeout(420)
async def test_a_burst_killed_mid_way_loses_nothing_it_acknowledged(
        tmp_path: Path, slack: RecordingSlack, teams: ConnectorStub, database: str) -> None:
    await prepare(database)
    env = environment(database, slack)
    first = Replica(tmp_path, env, "first")
    acked_slack: set[int] = set()
    acked_teams: set[int] = set()
    second: Replica | None = None
    try:
        async with ClientSession() as http:
            await ready(http, first)
            gate = asyncio.Semaphore(24)

            async def one(kind: str, n: int) -> None:
                async with gate:
                    if kind == "slack" and await slack_ticket(http, first.url, slack, n):
                        acked_slack.add(n)
                    elif kind == "teams" and await teams_question(http, first.url, teams, n):
                        acked_teams.add(n)
                if len(acked_slack) + len(acked_teams) >= KILL_AFTER and \
                        first.process.poll() is None:
                    first.process.kill()  # SIGKILL: no shutdown, no drain, mid-burst

            await asyncio.gather(*(one(kind, n) for n in range(EACH)
                                   for kind in ("slack", "teams")))
            first.process.wait(10)
            assert first.process.returncode == -9
            assert KILL_AFTER <= len(acked_slack) + len(acked_teams) < 2 * EACH

            second = Replica(tmp_path, env, "second")
            await ready(http, second)

            async def all_answered() -> bool:
                tickets, questions = await stored(database)
                told = {int(str(c.params["url_id"])[len("burst"):])
                        for c in slack.of("response_url")
                        if "Ticket #" in str(c.params.get("text", ""))}
                reached = {int(c.conversation.rsplit("burst", 1)[1]) for c in teams.calls
                           if c.conversation.startswith("a:burst")}
                return (acked_slack <= set(marks(tickets, r"burst s(\d+)x")) and
                        acked_teams <= set(marks(questions, r" t(\d+)x")) and
                        acked_slack <= told and acked_teams <= reached)

            await until(all_answered, 120, "every acknowledged request answered and told")
    finally:
        for replica in (first, second):
            if replica is not None:
                replica.stop()
    tickets, questions = await stored(database)
    numbers = marks(tickets, r"burst s(\d+)x")
    assert len(numbers) == len(set(numbers)), "a command became two tickets"
    asked = marks(questions, r" t(\d+)x")
    assert len(asked) == len(set(asked)), "a message was answered twice"
