"""Help-channel mode through /slack/events: `message.channels` events from a channel a coach
turned on are answered in their threads only when prepbot is sure, chatter gets nothing, a
coach's thread reply becomes a draft in one click, and the hourly budget holds."""

from __future__ import annotations

import pytest
import yaml
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from adapters.runtime import Runtime
from bot.arrivals import InboxRow
from bot.features.tickets.models import DraftRow, TicketRow
from bot.people.models import PersonRow
from tests.adapters.slack.conftest import (
    ADMIN,
    COACH,
    HELP,
    OTHER,
    SlackClient,
    buttons,
    count,
    post,
    reply,
    stored_questions,
)
from tests.adapters.slack.test_pulse import MANIFEST
from tests.conftest import OperatorLock
from tests.support.slack_stub import BOT_USER


async def test_a_question_in_a_help_channel_is_answered_in_its_thread(
        slack: SlackClient, help_channel: None) -> None:
    question = post("the projector says no signal")
    status, _ = await slack.event(question)
    assert status == 200
    [answer] = await slack.stub.wait_for("chat.postMessage")
    assert answer.params["channel"] == HELP and answer.params["thread_ts"] == question["ts"]
    labels = [b["text"]["text"] for b in buttons(answer.params["blocks"])]
    assert labels[:2] == ["Yes", "No"], "the same Did this help?"


async def test_off_topic_chat_gets_no_reply(slack: SlackClient, help_channel: None,
                                            runtime: Runtime) -> None:
    for text in ("Happy Friday everyone!", "Anyone want to grab lunch at 12?", "thanks!"):
        await slack.event(post(text))
    assert [c.method for c in slack.stub.calls if c.method != "users.info"] == []
    assert await stored_questions(runtime) == 0


async def test_chatter_and_colleagues_replies_are_not_even_stored(
        slack: SlackClient, help_channel: None, runtime: Runtime) -> None:
    # A red team's (stop 44): each left its sender and time in the inbox, and a people row.
    question = post("the projector says no signal")
    await slack.event(question)
    before = (await count(runtime, InboxRow), await count(runtime, PersonRow))
    await slack.event(post("Happy Friday everyone!", user="UCHATTY"))
    await slack.event(reply(question, "my student Jaden Smith has the same", user="UHELPER"))
    assert (await count(runtime, InboxRow), await count(runtime, PersonRow)) == before


async def test_a_channel_that_is_not_a_help_channel_is_not_even_stored(
        slack: SlackClient, help_channel: None, runtime: Runtime) -> None:
    before = await count(runtime, InboxRow)
    await slack.event(post("the projector says no signal", channel=OTHER))
    assert slack.stub.calls == [] and await count(runtime, InboxRow) == before


async def test_bots_edits_its_own_messages_and_mentions_are_not_taken_twice(
        slack: SlackClient, help_channel: None) -> None:
    await slack.event(post("the projector says no signal", bot_id="BOTHER"))
    await slack.event(post("the projector says no signal", user=BOT_USER))
    await slack.event(post("the projector says no signal", subtype="message_changed"))
    assert slack.stub.of("chat.postMessage") == []
    mention = post(f"<@{BOT_USER}> the projector says no signal")
    await slack.event(mention)  # Slack sends the message event, and...
    await slack.event({**mention, "type": "app_mention"})  # ...the mention: answered once
    assert len(await slack.stub.wait_for("chat.postMessage")) == 1


async def test_a_coachs_thread_reply_becomes_a_draft_with_one_click(
        slack: SlackClient, help_channel: None, runtime: Runtime) -> None:
    question = post("is anyone else having trouble with google classroom")
    await slack.event(question)
    assert slack.stub.of("chat.postMessage") == [], "not sure: prepbot stays quiet"
    await slack.event(reply(question, "Me too!", user="UNEIGHBOUR"))
    assert slack.stub.of("chat.postEphemeral") == [], "teachers' replies are theirs"

    await slack.event(reply(question, "Sign out of Chrome and back in, then rejoin."))
    [offer] = await slack.stub.wait_for("chat.postEphemeral")
    assert offer.params["user"] == COACH and offer.params["thread_ts"] == question["ts"]
    assert slack.stub.of("chat.postMessage") == [], "a coach's reply is never answered"
    [draft_button] = [b for b in buttons(offer.params["blocks"])
                      if b["action_id"] == "helpchannels.draft"]

    await slack.click(draft_button, channel=HELP, user=COACH)
    [saved] = await slack.stub.wait_for("response_url")
    assert "article draft" in saved.params["text"]
    async with runtime.sessions() as session:
        [draft] = (await session.execute(select(DraftRow))).scalars().all()
    assert draft.title == question["text"]
    assert draft.body == "Sign out of Chrome and back in, then rejoin."


async def test_a_coachs_thread_reply_resolves_a_ticket_with_one_click(
        slack: SlackClient, help_channel: None, runtime: Runtime) -> None:
    question = post("is anyone else having trouble with google classroom")
    await slack.event(question)
    await slack.event(reply(question, "Sign out of Chrome and back in, then rejoin."))
    [offer] = await slack.stub.wait_for("chat.postEphemeral")
    [resolve] = [b for b in buttons(offer.params["blocks"])
                 if b["action_id"] == "helpchannels.resolve"]
    await slack.click(resolve, channel=HELP, user=COACH)
    [told] = await slack.stub.wait_for("response_url")
    async with runtime.sessions() as session:
        [ticket] = (await session.execute(select(TicketRow))).scalars().all()
    assert ticket.status == "resolved" and f"Ticket #{ticket.id}" in told.params["text"]


async def test_the_per_channel_rate_limit_holds(slack: SlackClient, help_channel: None) -> None:
    await slack.command("/prepbot", "settings help_channel_answers_per_hour 2", user=ADMIN)
    await slack.command("/prepbot", "channel help on react", user=COACH, channel=HELP)
    slack.stub.calls.clear()
    questions = [post(text) for text in ("the projector says no signal",
                                         "my smartboard pen is off by an inch",
                                         "the document camera is blurry", "zoom audio echo")]
    for question in questions:
        await slack.event(question)
    answers = slack.stub.of("chat.postMessage")
    assert [a.params["thread_ts"] for a in answers] == [q["ts"] for q in questions[:2]]
    reactions = slack.stub.of("reactions.add")
    assert [(r.params["timestamp"], r.params["name"]) for r in reactions] == [
        (q["ts"], "eyes") for q in questions[2:]]

    await slack.command("/prepbot", "channel help on", user=COACH, channel=OTHER)
    await slack.event(post("the projector says no signal", channel=OTHER))
    assert slack.stub.of("chat.postMessage")[-1].params["channel"] == OTHER, "its own budget"


def test_the_manifest_subscribes_to_channel_messages_with_their_scopes() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text())
    events = manifest["settings"]["event_subscriptions"]["bot_events"]
    assert {"message.channels", "message.groups", "app_mention", "message.im"} <= set(events)
    scopes = manifest["oauth_config"]["scopes"]["bot"]
    assert {"channels:history", "groups:history", "reactions:write"} <= set(scopes)


async def test_a_question_posted_while_the_database_is_locked_is_refused_not_dropped(
        short_busy_wait: None, slack: SlackClient, help_channel: None,
        operator_lock: OperatorLock) -> None:
    # Deciding whether a channel's message is worth keeping took SQLite's writer (every
    # message of every channel prepbot is in); under an operator's lock it failed, and the
    # question was dropped with a 200.
    question = post("the projector says no signal")

    status, _ = await slack.event(question, event_id="EvLOCKED")
    operator_lock.release()
    assert status >= 500, "refused, so Slack sends it again"

    status, _ = await slack.event(question, event_id="EvLOCKED", retry=1)
    assert status == 200
    [answer] = await slack.stub.wait_for("chat.postMessage")
    assert answer.params["thread_ts"] == question["ts"]


async def test_a_question_posted_while_the_database_is_down_is_refused_not_dropped(
        slack: SlackClient, help_channel: None, runtime: Runtime,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def unreachable() -> None:
        raise OperationalError("SELECT ...", {}, Exception("connection refused"))

    monkeypatch.setattr(runtime.bot, "readers", unreachable)
    status, _ = await slack.event(post("the projector says no signal"))
    assert status >= 500, "refused, so Slack sends it again"
