"""Two `prepbot serve` processes on one PostgreSQL: one runs the scheduler; kill it (SIGKILL)
and the other takes over within ten seconds; no invitation goes out twice."""

from __future__ import annotations

import os
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import ClientSession

from tests.deploy.servers import Replica, get_json, ready, until
from tests.process.seeding import add_series, ledger_counts, member_ids, prepare
from tests.process.slack_record import RecordingSlack

URL = os.environ.get("PREPBOT_TEST_DATABASE_URL", "")
FIRST, SECOND = "CFIRST", "CSECOND"
EACH = 300

pytestmark = pytest.mark.skipif(not URL.startswith("postgres"),
                                reason="needs PostgreSQL in PREPBOT_TEST_DATABASE_URL")
pytest.importorskip("adapters.slack", reason="the Slack adapter is not here")


@pytest.fixture
async def stub() -> AsyncIterator[RecordingSlack]:
    """The Slack Web API stub with two cohorts of 300."""
    started = await RecordingSlack().start()
    for cohort in (FIRST, SECOND):
        started.members[cohort] = member_ids(cohort, EACH)
    yield started
    await started.close()


async def role(http: ClientSession, replica: Replica) -> str:
    """"leader", "follower", or "" when the replica does not answer."""
    status, body = await get_json(http, f"{replica.url}/healthz")
    return str(body.get("scheduler", "")) if status == 200 and body else ""


async def all_sent(url: str) -> bool:
    """Every planned invitation went out."""
    counts = await ledger_counts(url)
    return bool(counts) and set(counts) == {"sent"}


@pytest.mark.timeout(300)
async def test_only_one_replica_schedules_and_the_other_takes_over_when_it_dies(
        tmp_path: Path, stub: RecordingSlack) -> None:
    await prepare(URL)
    env = {"DATABASE_URL": URL, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "s",
           "SLACK_API_URL": stub.api_url, "PREPBOT_TICK_SECONDS": "0.5",
           "PREPBOT_DELIVERY_LEASE_SECONDS": "2"}
    replicas = [Replica(tmp_path, env, "a")]
    try:
        async with ClientSession() as http:
            await ready(http, replicas[0])  # migrations run once, before the second starts
            replicas.append(Replica(tmp_path, env, "b"))
            await ready(http, replicas[1])

            async def one_leader() -> list[str] | None:
                roles = [await role(http, r) for r in replicas]
                return roles if sorted(roles) == ["follower", "leader"] else None

            roles = await until(one_leader, 30, "exactly one leader")
            leader, follower = (replicas if roles[0] == "leader" else replicas[::-1])

            await add_series(URL, FIRST)
            await until(lambda: all_sent(URL), 120, "the first fan-out", every=1)

            leader.process.kill()  # SIGKILL: its advisory lock dies with its connection
            leader.process.wait(10)
            killed = time.monotonic()

            async def took_over() -> bool:
                return await role(http, follower) == "leader"

            await until(took_over, 10, "the follower to take over")
            assert time.monotonic() - killed < 10

            await add_series(URL, SECOND)

            async def second_done() -> bool:
                counts = await ledger_counts(URL)
                return counts.get("sent", 0) == 2 * EACH and set(counts) == {"sent"}

            await until(second_done, 120, "the second fan-out, by the new leader", every=1)
    finally:
        for replica in replicas:
            replica.stop()
        await prepare(URL)  # leave the shared test database empty
    received = stub.invitations()
    assert len(received) == 2 * EACH
    assert [channel for channel, count in received.items() if count > 1] == []
