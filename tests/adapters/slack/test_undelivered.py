"""An answer Slack could not take just now (a short incident: 5xx past the client's own
retries) stays in the inbox, and recovery sends it once Slack is back; one Slack refuses for
good (the channel is gone) is not tried again.

A red team's (stop 46): the failure was logged and the arrival settled, so a teacher whose
question Slack had acknowledged was never answered (Teams already kept it for recovery).
"""

from __future__ import annotations

import asyncio

import pytest

from adapters.runtime import Runtime
from bot.privacy import delete_person
from bot.roles import Role
from bot.vocabulary import Person
from tests.adapters.slack.conftest import ADMIN, COACH, DM, SlackClient
from tests.support.clock import FakeClock
from tests.support.slack_stub import Call, SlackStub

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


@pytest.mark.parametrize("error", ["internal_error", "service_unavailable"])
async def test_an_answer_slack_refused_for_a_passing_fault_of_its_own_is_sent_later(
        error: str, slack: SlackClient, runtime: Runtime, clock: FakeClock) -> None:
    # A red team's (stop 46): Slack says these with HTTP 200 and `ok: false`; they were
    # taken as refusals for good, and the answer was lost.
    slack.stub.refuse_next("chat.postMessage", error)
    await slack.dm(QUESTION)
    slack.stub.calls.clear()

    await recover_later(runtime, clock)
    assert len(slack.stub.of("chat.postMessage")) == 1


def fail_from(stub: SlackStub, method: str, nth: int) -> None:
    """The nth call of `method` (and the client's retries of it) gets a 503."""
    record, seen = stub._record, [0]

    def counting(call: Call) -> None:
        record(call)
        seen[0] += call.method == method
        if call.method == method and seen[0] == nth:
            for _ in range(INCIDENT):
                stub.fail_next(method, 503)
    stub._record = counting  # type: ignore[method-assign]


async def test_a_reply_that_went_out_is_not_sent_again_with_the_one_that_did_not(
        slack: SlackClient, runtime: Runtime, clock: FakeClock) -> None:
    # A red team's (stop 46): recovery sent every stored reply again, the delivered
    # checklist included.
    await runtime.bot.grant(Person(platform="slack", user_id=ADMIN), Role.ADMIN)
    fail_from(slack.stub, "response_url", 2)
    await slack.command("/prepbot", "start", user=ADMIN)  # the checklist, then the help
    [first, *_] = slack.stub.of("response_url")
    slack.stub.calls.clear()

    await recover_later(runtime, clock)

    [again] = slack.stub.of("response_url")
    assert again.params["text"] != first.params["text"]


async def test_an_answer_slack_holds_back_past_the_lease_is_not_sent_again_by_recovery(
        slack: SlackClient, runtime: Runtime, clock: FakeClock) -> None:
    # A red team's (stop 47): Slack held the answer back for 35 s (a 429 with Retry-After),
    # past the inbox's 30 s lease; the next tick's recovery took the arrival for a dead
    # worker's and posted the answer, and the worker posted it again when Slack let it.
    slack.stub.delays["chat.postMessage"] = 0.5
    await slack.event({"type": "message", "channel_type": "im", "channel": DM,
                       "user": "UTEACHER", "text": QUESTION, "ts": "1700000100.000001"},
                      settle=False)
    while not slack.stub.of("chat.postMessage"):  # the answer is on its way
        await asyncio.sleep(0.01)
    clock.advance(minutes=5)
    assert await runtime.bot.recover(clock.now()) == 0
    await slack.adapter.drain()
    assert len(slack.stub.of("chat.postMessage")) == 1


async def test_an_answer_waiting_for_slack_loses_the_words_of_a_teacher_erased_meanwhile(
        slack: SlackClient, runtime: Runtime, clock: FakeClock) -> None:
    # A red team's (stop 47): the coach's queue, quoting her ticket whole, waited in the
    # inbox while Slack failed; she was erased, and recovery posted her words to the coach.
    words = "the zebra4417 projector in room 12 shows no signal since the update"
    await runtime.bot.grant(Person(platform="slack", user_id=COACH), Role.COACH)
    await slack.command("/ticket", words, user="UERASED")
    for _ in range(INCIDENT):
        slack.stub.fail_next("response_url", 503)
    await slack.command("/tickets", "", user=COACH)
    slack.stub.calls.clear()
    async with runtime.sessions() as session, session.begin():
        await delete_person(session, runtime.bot.privacy, "slack", "UERASED")

    await recover_later(runtime, clock)
    [queue] = slack.stub.of("response_url")
    assert "zebra4417" not in str(queue.params) and "Open ticket #1" in str(queue.params)


async def test_answers_waiting_for_a_free_worker_past_the_lease_are_not_sent_again(
        slack: SlackClient, runtime: Runtime, clock: FakeClock) -> None:
    # A red team's on the fix above (stop 47): the lease was kept only once a worker (8 of
    # them) was free, so the ninth teacher's answer, waiting for one while Slack held the
    # others back, was recovered and posted twice.
    slack.stub.delays["chat.postMessage"] = 0.5
    for n in range(9):
        await slack.event({"type": "message", "channel_type": "im", "channel": f"D{n}",
                           "user": f"UT{n}", "text": QUESTION, "ts": f"1700000100.00000{n}"},
                          settle=False)
    while not slack.stub.of("chat.postMessage"):
        await asyncio.sleep(0.01)
    clock.advance(minutes=5)
    assert await runtime.bot.recover(clock.now()) == 0
    await slack.adapter.drain()
    assert sorted(c.params["channel"] for c in slack.stub.of("chat.postMessage")) == [
        f"D{n}" for n in range(9)]


async def test_a_coachs_answer_waiting_for_slack_goes_only_to_someone_still_a_coach(
        slack: SlackClient, runtime: Runtime, clock: FakeClock) -> None:
    # A red team's (stop 52): the queue a coach asked for during an incident, quoting a
    # teacher's ticket, reached her after she was made a teacher again.
    await runtime.bot.grant(Person(platform="slack", user_id=COACH), Role.COACH)
    await slack.command("/ticket", "the zebra4417 projector in room 12 shows no signal",
                        user="UOTHER")
    for coach_now in (True, False):
        for _ in range(INCIDENT):
            slack.stub.fail_next("response_url", 503)
        await slack.command("/tickets", "", user=COACH)
        slack.stub.calls.clear()
        role = Role.COACH if coach_now else Role.TEACHER
        await runtime.bot.grant(Person(platform="slack", user_id=COACH), role)
        await recover_later(runtime, clock)
        assert ("zebra4417" in str(slack.stub.of("response_url"))) is coach_now
