"""A fan-out to 2,000 teachers, its `prepbot serve` killed for real (SIGKILL) in the middle and
started again, delivers every invitation exactly once, as the Slack stub recorded them.

Exactly once across a SIGKILL needs the Slack messenger to stamp each message with its
delivery key (message metadata) and to answer `delivered(person, conversation, key)` from
conversations.history, so the restarted dispatcher can settle the sends the kill stranded.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import ClientSession

from bot.scheduling.dispatcher import BATCH
from tests.deploy.servers import Replica, ready, until
from tests.process.seeding import add_series, ledger_counts, member_ids, prepare
from tests.process.slack_record import RecordingSlack

RECIPIENTS = 2000
COHORT = "C2000"



@pytest.fixture
async def stub() -> AsyncIterator[RecordingSlack]:
    """The Slack Web API stub with a 2,000-member cohort channel."""
    started = await RecordingSlack().start()
    started.members[COHORT] = member_ids(COHORT, RECIPIENTS)
    yield started
    await started.close()


def environment(url: str, stub: RecordingSlack) -> dict[str, str]:
    """`prepbot serve` on this database and stub, ticking fast, with a short send lease."""
    return {"DATABASE_URL": url, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "s",
            "SLACK_API_URL": stub.api_url, "PREPBOT_TICK_SECONDS": "0.5",
            "PREPBOT_DELIVERY_LEASE_SECONDS": "2", "PREPBOT_KB_DIR": "", "LOG_FORMAT": "text"}


@pytest.mark.timeout(300)
async def test_a_fan_out_killed_mid_way_and_restarted_delivers_each_invitation_once(
        tmp_path: Path, stub: RecordingSlack) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'prepbot.db'}"
    await prepare(url)
    await add_series(url, COHORT)
    env = environment(url, stub)
    first = Replica(tmp_path, env, "first")
    second: Replica | None = None
    try:
        async with ClientSession() as http:
            await ready(http, first)

            async def mid_batch() -> bool:
                # Not a multiple of the dispatcher's batch: a batch is being sent right now,
                # so the kill strands claimed rows, some posted to Slack and some not.
                sent = len(stub.invitations())
                return sent >= RECIPIENTS // 5 and sent % BATCH != 0

            await until(mid_batch, 120, "the fan-out to be mid-batch", every=0.02)
            first.process.kill()  # SIGKILL: no shutdown, no ledger update
            first.process.wait(10)
            at_kill = len(stub.invitations())
            assert 0 < at_kill < RECIPIENTS, "the kill must land in the middle of the fan-out"

            second = Replica(tmp_path, env, "second")
            await ready(http, second)

            async def all_settled() -> bool:
                counts = await ledger_counts(url)
                return counts.get("sent", 0) == RECIPIENTS and len(counts) == 1

            await until(all_settled, 180, "every invitation to be settled", every=1)
    finally:
        for replica in (first, second):
            if replica is not None:
                replica.stop()
    assert second is not None
    recovered = [int(n) for line in second.log_lines()
                 for n in re.findall(r"recovered=(\d+)", line)]
    assert sum(recovered) > 0, "the restart should have settled sends the kill stranded"
    received = stub.invitations()
    assert len(received) == RECIPIENTS
    assert [channel for channel, count in received.items() if count > 1] == []
