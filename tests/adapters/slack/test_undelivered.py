"""An answer Slack could not take just now (a short incident: 5xx past the client's own
retries) stays in the inbox, and recovery sends it once Slack is back; one Slack refuses for
good (the channel is gone) is not tried again.

A red team's (stop 46): the failure was logged and the arrival settled, so a teacher whose
question Slack had acknowledged was never answered (Teams already kept it for recovery).
"""

from __future__ import annotations

from adapters.runtime import Runtime
from tests.adapters.slack.conftest import DM, SlackClient
from tests.support.clock import FakeClock

QUESTION = "the projector says no signal"
INCIDENT = 3  # the first try and the client's two retries of a 5xx


async def recover_later(runtime: Runtime, clock: FakeClock) -> None:
    """Slack is back; the next recovery (it runs with every tick) after the inbox's lease."""
    clock.advance(minutes=5)
    await runtime.bot.recover(clock.now())
    await runtime.bot.inbox.drain()


async def test_a_dm_answer_slack_could_not_take_is_sent_once_it_is_back(
        slack: SlackClient, runtime: Runtime, clock: FakeClock) -> None:
    for _ in range(INCIDENT):
        slack.stub.fail_next("chat.postMessage", 503)
    status, _ = await slack.dm(QUESTION)
    assert status == 200 and len(slack.stub.of("chat.postMessage")) == INCIDENT
    slack.stub.calls.clear()

    await recover_later(runtime, clock)
    [answer] = slack.stub.of("chat.postMessage")
    assert answer.params["channel"] == DM

    await recover_later(runtime, clock)
    assert len(slack.stub.of("chat.postMessage")) == 1, "answered once, then settled"


async def test_a_commands_answer_its_response_url_could_not_take_is_sent_once_it_is_back(
        slack: SlackClient, runtime: Runtime, clock: FakeClock) -> None:
    for _ in range(INCIDENT):
        slack.stub.fail_next("response_url", 503)
    status, _ = await slack.command("/ask", QUESTION)
    assert status == 200 and len(slack.stub.of("response_url")) == INCIDENT
    slack.stub.calls.clear()

    await recover_later(runtime, clock)
    assert len(slack.stub.of("response_url")) == 1


async def test_an_answer_slack_refuses_for_good_is_not_tried_again(
        slack: SlackClient, runtime: Runtime, clock: FakeClock) -> None:
    slack.stub.refuse_next("chat.postMessage", "channel_not_found")
    await slack.dm(QUESTION)
    assert len(slack.stub.of("chat.postMessage")) == 1
    slack.stub.calls.clear()

    await recover_later(runtime, clock)
    assert slack.stub.of("chat.postMessage") == []
