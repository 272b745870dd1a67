"""Slack or Teams failing for a while: the scheduler retries and delivers once, later.
Old event ids and settled deliveries are forgotten by the retention chore."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from adapters.runtime import Runtime
from bot.blocks import Reply, Text
from bot.retention import forget_expired
from bot.scheduling.ledger import Planned, plan
from bot.scheduling.models import DeliveryRow
from bot.storage.idempotency import ProcessedEvent
from tests.adapters.teams.conftest import TEACHER as TEAMS_TEACHER
from tests.adapters.teams.conftest import Teams
from tests.reliability.conftest import Slack
from tests.support.clock import FakeClock
from tests.support.connector_stub import ConnectorStub

NOTICE = "Your pulse survey closes today at 3 pm."


async def schedule(runtime: Runtime, platform: str, user_id: str,
                   window: timedelta = timedelta(hours=6)) -> None:
    """One urgent delivery, due now and worth sending for `window`, that says NOTICE."""
    async def render(*_: object) -> Reply:
        return Reply(NOTICE, (Text(NOTICE),))

    runtime.bot.jobs.renderers["outage.test"] = render
    now = runtime.bot.clock.now()
    async with runtime.sessions() as session, session.begin():
        await plan(session, [Planned("outage.test", "1", platform, now, now + window,
                                     user_id=user_id, urgent=True)])


async def settle(runtime: Runtime, clock: FakeClock, ticks: int = 4) -> DeliveryRow:
    """Tick, moving the clock past each retry delay, until the delivery is settled."""
    for _ in range(ticks):
        await runtime.dispatcher.tick()
        async with runtime.sessions() as session:
            row = (await session.execute(select(DeliveryRow))).scalar_one()
        if row.status in ("sent", "failed"):
            return row
        clock.advance(minutes=6)
    return row


@pytest.mark.parametrize("failures", [[503] * 3, [429] * 2 + [500] * 4],
                         ids=["brief 503s", "429 then 500s"])
async def test_slack_failing_for_a_while_is_retried_and_delivered_once(
        slack: Slack, runtime: Runtime, clock: FakeClock, failures: list[int]) -> None:
    for status in failures:
        slack.stub.fail_next("chat.postMessage", status, {"Retry-After": "0"}
                             if status == 429 else None)
    await schedule(runtime, "slack", "UTEACHER")

    row = await settle(runtime, clock)

    assert row.status == "sent", row.error
    delivered = [c for c in slack.stub.of("chat.postMessage") if c.params.get("text") == NOTICE]
    assert len(delivered) == len(failures) + 1  # every failure retried, one success
    assert not slack.stub.failures["chat.postMessage"]


@pytest.mark.parametrize("failures", [[503] * 2, [429, 500]], ids=["brief 503s", "429, 500"])
async def test_teams_failing_for_a_while_is_retried_and_delivered_once(
        teams: Teams, connector: ConnectorStub, runtime: Runtime, clock: FakeClock,
        failures: list[int]) -> None:
    await teams.post(teams.message("help"))  # stores the personal chat's reference
    connector.calls.clear()
    for status in failures:
        connector.fail(status, "POST", "/activities")
    await schedule(runtime, "teams", TEAMS_TEACHER["id"])

    row = await settle(runtime, clock, ticks=len(failures) + 2)

    assert row.status == "sent", row.error
    succeeded = [c for c in connector.sent() if NOTICE in str(c.body)]
    assert len(succeeded) == len(failures) + 1 and not connector.failures


async def ride_out(runtime: Runtime, clock: FakeClock, slack: Slack,
                   outage: timedelta) -> tuple[DeliveryRow, list[timedelta]]:
    """Slack answers 503 for `outage`; tick at each retry time until the delivery settles.
    Returns the row and when (after the first try) each attempt was made."""
    start, tried_at = clock.now(), []
    while True:
        if clock.now() - start < outage:
            slack.stub.fail_next("chat.postMessage", 503)
            slack.stub.fail_next("chat.postMessage", 503)
            slack.stub.fail_next("chat.postMessage", 503)  # the client's own 2 retries too
        else:
            slack.stub.failures["chat.postMessage"].clear()
        tried_at.append(clock.now() - start)
        await runtime.dispatcher.tick()
        async with runtime.sessions() as session:
            row = (await session.execute(select(DeliveryRow))).scalar_one()
        if row.status in ("sent", "failed"):
            return row, tried_at
        clock.current = row.not_before


async def test_an_outage_of_an_hour_is_ridden_out_with_growing_pauses(
        slack: Slack, runtime: Runtime, clock: FakeClock) -> None:
    await schedule(runtime, "slack", "UTEACHER")  # worth sending for 6 hours

    row, tried_at = await ride_out(runtime, clock, slack, timedelta(hours=1))

    assert row.status == "sent" and row.attempts == len(tried_at)
    assert [int(t.total_seconds() // 60) for t in tried_at] == [0, 5, 15, 35, 75]
    assert all(c.params.get("text") == NOTICE for c in slack.stub.of("chat.postMessage"))


async def test_an_outage_longer_than_the_window_is_recorded_failed_not_lost_silently(
        slack: Slack, runtime: Runtime, clock: FakeClock) -> None:
    await schedule(runtime, "slack", "UTEACHER", window=timedelta(hours=2))

    row, tried_at = await ride_out(runtime, clock, slack, timedelta(hours=3))

    assert row.status == "failed" and "503" in row.error
    # tried while the message was worth sending; the next pause would have ended after that
    assert [int(t.total_seconds() // 60) for t in tried_at] == [0, 5, 15, 35, 75]
    assert all(c.params.get("text") == NOTICE for c in slack.stub.of("chat.postMessage"))


async def test_old_event_ids_and_settled_deliveries_are_forgotten(
        runtime: Runtime, clock: FakeClock) -> None:
    now = clock.now()
    async with runtime.sessions() as session, session.begin():
        session.add_all([ProcessedEvent(key="slack:old", seen_at=now - timedelta(days=8)),
                         ProcessedEvent(key="slack:new", seen_at=now - timedelta(days=6))])
        await plan(session, [Planned("j", str(n), "slack", now, now, user_id=f"U{n}")
                             for n in range(3)])
        rows = (await session.execute(select(DeliveryRow).order_by(DeliveryRow.id))).scalars()
        for row, (status, age) in zip(rows, [("sent", 400), ("sent", 10), ("pending", 400)],
                                      strict=True):
            row.status, row.sent_at = status, now - timedelta(days=age)
            row.expires_at = now - timedelta(days=age)
    async with runtime.sessions() as session, session.begin():
        forgotten = await forget_expired(session, now)
    assert forgotten == {"processed_events": 1, "deliveries": 1}
    assert "retention.housekeeping" in runtime.bot.jobs.chores
