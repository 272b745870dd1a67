"""Help-channel mode through /slack/events: `message.channels` events from a channel a coach
turned on are answered in their threads only when prepbot is sure, chatter gets nothing, a
coach's thread reply becomes a draft in one click, the hourly budget holds, and a kept
question edited or deleted in Slack follows its teacher (`message_changed`, `message_deleted`)."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator
from typing import Any

import pytest
import yaml
from aiohttp import web
from sqlalchemy import func, select

from adapters.runtime import Runtime
from bot.features.helpchannels.models import HelpReplyRow, HelpThreadRow
from bot.features.tickets.models import DraftRow, TicketRow
from bot.inbox import InboxRow
from bot.people.models import PersonRow
from bot.roles import Role
from bot.vocabulary import Person
from tests.adapters.slack.conftest import TEACHER, SlackClient, buttons, stored_questions
from tests.adapters.slack.test_pulse import MANIFEST
from tests.conftest import OperatorLock
from tests.support.slack_stub import BOT_USER, SlackStub

HELP = "CTECHHELP"
OTHER = "CLOUNGE"
COACH = "UCOACH"
ADMIN = "UADMIN"
TS = itertools.count(1)


def post(text: str, user: str = TEACHER, channel: str = HELP, **fields: Any) -> dict[str, Any]:
    """A `message.channels` event: a new message in a channel prepbot is a member of."""
    return {"type": "message", "channel": channel, "channel_type": "channel", "user": user,
            "text": text, "ts": f"1700000500.{next(TS):06d}", **fields}


def reply(thread: dict[str, Any], text: str, user: str = COACH) -> dict[str, Any]:
    """The same event for a reply in a message's thread."""
    return post(text, user, thread["channel"], thread_ts=thread["ts"],
                parent_user_id=thread["user"])


async def count(runtime: Runtime, table: type[Any]) -> int:
    async with runtime.sessions() as session:
        return int((await session.execute(select(func.count()).select_from(table)))
                   .scalar_one())


class SlowProfiles(SlackStub):
    """Slack's Web API; users.info answers half a second late once `slow` is set."""

    slow = False

    async def _api(self, request: web.Request) -> web.Response:
        response = await super()._api(request)
        if self.slow and request.match_info["method"] == "users.info":
            await asyncio.sleep(0.5)
        return response


@pytest.fixture
async def slack_stub() -> AsyncIterator[SlackStub]:
    """The stub, whose profile lookups a test can slow down."""
    stub = SlowProfiles()
    await stub.start()
    yield stub
    await stub.close()


@pytest.fixture
async def help_channel(slack: SlackClient, runtime: Runtime) -> None:
    """A coach (and an admin) exist, and #tech-help is a help channel."""
    await runtime.bot.grant(Person(platform="slack", user_id=COACH), Role.COACH)
    await runtime.bot.grant(Person(platform="slack", user_id=ADMIN), Role.ADMIN)
    await slack.command("/prepbot", "channel help on", user=COACH, channel=HELP)
    [told] = await slack.stub.wait_for("response_url")
    assert told.params["response_type"] == "in_channel", "the channel is told it is read"
    assert "I'll read new questions" in told.params["text"]
    slack.stub.calls.clear()


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


# A kept question follows what its teacher does to it in Slack.

def edited(message: dict[str, Any], text: str, **fields: Any) -> dict[str, Any]:
    """Slack's event when a message's text was changed (or it became a tombstone)."""
    return {"type": "message", "subtype": "message_changed", "hidden": True,
            "channel": message["channel"], "channel_type": "channel", "ts": "1700009000.000001",
            "message": {**message, "text": text, "edited": {"user": message["user"]}, **fields},
            "previous_message": message}


def deleted(message: dict[str, Any]) -> dict[str, Any]:
    """Slack's event when a message was deleted."""
    return {"type": "message", "subtype": "message_deleted", "hidden": True,
            "channel": message["channel"], "channel_type": "channel",
            "ts": "1700009000.000002", "deleted_ts": message["ts"], "previous_message": message}


async def kept(runtime: Runtime) -> list[str]:
    async with runtime.sessions() as session:
        return list((await session.execute(select(HelpThreadRow.text))).scalars())


async def test_a_question_deleted_in_slack_is_forgotten_with_the_coachs_reply(
        slack: SlackClient, help_channel: None, runtime: Runtime) -> None:
    question = post("is anyone else having trouble with google classroom")
    await slack.event(question)
    await slack.event(reply(question, "Sign out of Chrome and back in, then rejoin."))
    assert len(await kept(runtime)) == 1 and await count(runtime, HelpReplyRow) == 1

    status, _ = await slack.event(deleted(question))

    assert status == 200
    assert await kept(runtime) == [] and await count(runtime, HelpReplyRow) == 0


async def test_a_question_left_as_a_tombstone_over_its_replies_is_forgotten(
        slack: SlackClient, help_channel: None, runtime: Runtime) -> None:
    question = post("is anyone else having trouble with google classroom")
    await slack.event(question)
    await slack.event(edited(question, "This message was deleted.", subtype="tombstone"))
    assert await kept(runtime) == []


async def test_a_question_edited_in_slack_is_kept_as_it_now_reads_masked(
        slack: SlackClient, help_channel: None, runtime: Runtime) -> None:
    question = post("the projector says no signal")
    await slack.event(question)
    slack.stub.calls.clear()
    inbox = await count(runtime, InboxRow)

    await slack.event(edited(question, "the projector says no signal since Jaden Wilks "
                                       "(448812) unplugged it"))

    [text] = await kept(runtime)
    assert "unplugged it" in text and "Jaden" not in text and "448812" not in text
    assert slack.stub.of("chat.postMessage") == [], "an edit is not a new question"
    assert await count(runtime, InboxRow) == inbox, "an edit leaves no inbox row"


async def test_edits_of_chatter_and_of_other_channels_store_nothing(
        slack: SlackClient, help_channel: None, runtime: Runtime) -> None:
    inbox = await count(runtime, InboxRow)
    chatter = post("Happy Friday everyone!")
    await slack.event(chatter)
    elsewhere = post("the projector says no signal", channel="CLOUNGE")
    await slack.event(elsewhere)
    await slack.event(edited(chatter, "the projector says no signal"))
    await slack.event(edited(elsewhere, "my smartboard pen is off by an inch"))
    await slack.event(deleted(elsewhere))
    assert await kept(runtime) == [] and await count(runtime, InboxRow) == inbox
    assert slack.stub.of("chat.postMessage") == []


async def test_a_question_deleted_while_its_turn_looks_up_the_teacher_is_not_kept(
        slack: SlackClient, help_channel: None, runtime: Runtime) -> None:
    # A red team's (stop 45): the deletion outran the post's turn, which then kept the
    # question and answered it in the deleted message's thread.
    assert isinstance(slack.stub, SlowProfiles)
    slack.stub.slow = True
    question = post("the projector says no signal")
    posting = asyncio.create_task(slack.event(question))
    await slack.stub.wait_for("users.info")  # acknowledged; its turn looks the teacher up
    await slack.event(deleted(question))
    await posting
    assert await kept(runtime) == [] and slack.stub.of("chat.postMessage") == []


async def test_a_deletion_the_database_cannot_take_now_is_refused_and_followed_when_resent(
        slack: SlackClient, help_channel: None, runtime: Runtime,
        operator_lock: OperatorLock) -> None:
    # A red team's (stop 45): the deletion was answered 200 and dropped, so the question
    # its teacher had deleted stayed kept.
    operator_lock.release()
    question = post("is anyone else having trouble with google classroom")
    await slack.event(question)
    assert len(await kept(runtime)) == 1
    operator_lock.take()

    status, _ = await slack.event(deleted(question), event_id="EvGONE")
    operator_lock.release()
    assert status >= 500, "refused, so Slack sends it again"

    status, _ = await slack.event(deleted(question), event_id="EvGONE", retry=1)
    assert status == 200 and await kept(runtime) == []
