"""A help channel's kept question, and a coach's kept reply, follow what their writer does to
them in Slack (`message_changed`, `message_deleted`, tombstones): an edit is kept as it now
reads (masked), a deletion forgets every copy, and one the database cannot take now is
refused so Slack sends it again. A post edited to @mention prepbot is answered only if it
was not answered already."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import select

from adapters.runtime import Runtime
from bot.arrivals import InboxRow
from bot.features.answers.models import QuestionRow
from bot.features.helpchannels.models import HelpReplyRow, HelpThreadRow
from bot.privacy import delete_person
from tests.adapters.slack.conftest import HELP, OTHER, TEACHER, SlackClient, count, post, reply
from tests.conftest import OperatorLock
from tests.support.slack_stub import BOT_USER


def edited(message: dict[str, Any], text: str, at: str = "1700009000.000001",
           **fields: Any) -> dict[str, Any]:
    """Slack's event when its writer changed a message's text (or it became a tombstone)."""
    return {"type": "message", "subtype": "message_changed", "hidden": True,
            "channel": message["channel"], "channel_type": "channel", "ts": at,
            "message": {**message, "text": text, "edited": {"user": message["user"], "ts": at},
                        **fields},
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
    slack.stub.delays["users.info"] = 0.5
    question = post("the projector says no signal")
    posting = asyncio.create_task(slack.event(question))
    await slack.stub.wait_for("users.info")  # acknowledged; its turn looks the teacher up
    await slack.event(deleted(question))
    await posting
    assert await kept(runtime) == [] and slack.stub.of("chat.postMessage") == []


async def test_an_edit_that_outruns_its_posts_turn_leaves_nothing_of_the_words_taken_back(
        slack: SlackClient, help_channel: None, runtime: Runtime) -> None:
    # A red team's (stop 46): the turn kept the words as first typed.
    slack.stub.delays["users.info"] = 0.5
    question = post("the projector says no signal since my student Dana Whitfield unplugged it")
    posting = asyncio.create_task(slack.event(question))
    await slack.stub.wait_for("users.info")
    await slack.event(edited(question, "the projector says no signal"))
    await posting
    assert await kept(runtime) == [] and slack.stub.of("chat.postMessage") == []


async def test_a_link_preview_filled_in_before_the_turn_runs_changes_nothing(
        slack: SlackClient, help_channel: None, runtime: Runtime) -> None:
    # Slack sends `message_changed` with no `edited` when it unfurls a link: not an edit.
    slack.stub.delays["users.info"] = 0.5
    question = post("the projector says no signal, as in https://example.org/projector")
    posting = asyncio.create_task(slack.event(question))
    await slack.stub.wait_for("users.info")
    unfurled = edited(question, question["text"])
    del unfurled["message"]["edited"]
    await slack.event(unfurled)
    await posting
    assert len(await kept(runtime)) == 1 and len(slack.stub.of("chat.postMessage")) == 1


async def test_an_older_edit_sent_again_late_does_not_undo_a_newer_one(
        slack: SlackClient, help_channel: None, runtime: Runtime,
        operator_lock: OperatorLock) -> None:
    # A red team's (stop 46): Slack resent the refused first edit after the second was
    # followed, and the question read as the first again.
    operator_lock.release()
    question = post("the projector says no signal")
    await slack.event(question)
    first = edited(question, "the projector in room 12 says no signal", at="1700000601.000000")
    operator_lock.take()
    assert (await slack.event(first, event_id="EvEDIT1"))[0] >= 500
    operator_lock.release()
    await slack.event(edited(question, "the projector in room 14 says no signal",
                             at="1700000602.000000"), event_id="EvEDIT2")

    status, _ = await slack.event(first, event_id="EvEDIT1", retry=1)

    assert status == 200
    assert await kept(runtime) == ["the projector in room 14 says no signal"]


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


async def asked(runtime: Runtime) -> list[str]:
    """The answers log's copy of each question, as the digest's gaps read it."""
    async with runtime.sessions() as session:
        return list((await session.execute(select(QuestionRow.text))).scalars())


async def test_a_question_prepbot_answered_follows_its_teacher_into_the_answers_log(
        slack: SlackClient, help_channel: None, runtime: Runtime) -> None:
    # A red team's (stop 45): a deleted question's words stayed in the answers log, which
    # feeds the gap report and the export.
    question = post("the projector says no signal")
    await slack.event(question)
    await slack.stub.wait_for("chat.postMessage")  # answered: recorded in the answers log
    assert await asked(runtime) == ["the projector says no signal"]

    await slack.event(edited(question, "the projector says no signal, Jaden Wilks unplugged it"))
    [text] = await asked(runtime)
    assert text.startswith("the projector says no signal") and "Jaden" not in text

    await slack.event(deleted(question))
    assert await asked(runtime) == [] and await kept(runtime) == []


async def replies(runtime: Runtime) -> list[str]:
    async with runtime.sessions() as session:
        return list((await session.execute(select(HelpReplyRow.text))).scalars())


async def test_a_coachs_kept_reply_follows_its_edit_and_deletion(
        slack: SlackClient, help_channel: None, runtime: Runtime) -> None:
    # A red team's (stop 45): an edited or deleted reply stayed kept as first written, and
    # one click made the deleted words an article draft.
    question = post("is anyone else having trouble with google classroom")
    await slack.event(question)
    answer = reply(question, "Sign out of Chrome and back in, then rejoin.")
    await slack.event(answer)
    other = reply(question, "Or clear the cache.")
    await slack.event(other)

    await slack.event(edited(answer, "Sign out of Chrome, then rejoin (Jaden Wilks did)."))
    assert sorted(await replies(runtime)) == ["Or clear the cache.",
                                              "Sign out of Chrome, then rejoin ([name] did)."]
    await slack.event(deleted(answer))
    assert await replies(runtime) == ["Or clear the cache."]
    assert len(await kept(runtime)) == 1, "the question stays: only the reply was deleted"


def mentioning(message: dict[str, Any]) -> dict[str, Any]:
    """The `app_mention` Slack sends when a message is edited to @mention prepbot."""
    return {**message, "type": "app_mention", "text": f"<@{BOT_USER}> {message['text']}",
            "edited": {"user": message["user"], "ts": "1700009000.000003"}}


async def test_an_answered_question_edited_to_mention_prepbot_is_not_answered_twice(
        slack: SlackClient, help_channel: None) -> None:
    # A red team's (stop 45): the edit came again as a mention and was answered again.
    question = post("the projector says no signal")
    await slack.event(question)
    assert len(await slack.stub.wait_for("chat.postMessage")) == 1

    await slack.event(mentioning(question))

    assert len(slack.stub.of("chat.postMessage")) == 1


async def test_a_question_prepbot_left_alone_is_answered_once_its_teacher_mentions_it(
        slack: SlackClient, help_channel: None) -> None:
    question = post("my chromebook keyboard types the wrong letters")
    await slack.event(question)
    assert slack.stub.of("chat.postMessage") == [], "not sure enough to answer unasked"

    await slack.event(mentioning(question))

    [answer] = await slack.stub.wait_for("chat.postMessage")
    assert answer.params["thread_ts"] == question["ts"]


@pytest.mark.parametrize("channel", [HELP, OTHER])
async def test_a_mention_deleted_before_its_turn_runs_leaves_no_words_anywhere(
        channel: str, slack: SlackClient, help_channel: None, runtime: Runtime) -> None:
    # A red team's (stop 46): the deletion was remembered for a help channel's posts only,
    # and the mention's turn put the deleted words in the answers log.
    slack.stub.delays["users.info"] = 0.5
    mention = post(f"<@{BOT_USER}> the projector says no signal, Dana Whitfield unplugged it",
                   channel=channel)
    asking = asyncio.create_task(slack.event({**mention, "type": "app_mention"}))
    await slack.stub.wait_for("users.info")
    await slack.event(deleted(mention))
    await asking
    assert await asked(runtime) == [] and slack.stub.of("chat.postMessage") == []


async def test_an_older_edit_or_a_late_link_preview_never_undoes_the_writers_last_edit(
        slack: SlackClient, help_channel: None, runtime: Runtime,
        operator_lock: OperatorLock) -> None:
    # A red team's (stop 46): the answers log took the resent older edit, and a preview
    # (no `edited`) sent again after the edit put the first words back everywhere.
    operator_lock.release()
    question = post("the projector says no signal, see https://example.org/p")
    await slack.event(question)
    await slack.stub.wait_for("chat.postMessage")
    first = edited(question, "the projector in room 12 says no signal", at="1700000601.000000")
    preview = edited(question, question["text"])
    del preview["message"]["edited"]
    operator_lock.take()
    assert (await slack.event(first, event_id="EvEDIT1"))[0] >= 500
    assert (await slack.event(preview, event_id="EvPREVIEW"))[0] >= 500
    operator_lock.release()
    await slack.event(edited(question, "the projector in room 14 says no signal",
                             at="1700000602.000000"), event_id="EvEDIT2")

    await slack.event(first, event_id="EvEDIT1", retry=1)
    await slack.event(preview, event_id="EvPREVIEW", retry=1)

    latest = ["the projector in room 14 says no signal"]
    assert await kept(runtime) == latest and await asked(runtime) == latest


async def test_a_question_edited_then_left_as_a_tombstone_is_forgotten(
        slack: SlackClient, help_channel: None, runtime: Runtime) -> None:
    # A red team's (stop 46): the tombstone kept the last edit's time and was taken for an
    # older edit.
    question = post("is anyone else having trouble with google classroom")
    await slack.event(question)
    await slack.event(reply(question, "Sign out of Chrome and back in, then rejoin."))
    at = "1700000700.000000"
    await slack.event(edited(question, "anyone else having trouble with google classroom?",
                             at=at))
    await slack.event(edited(question, "This message was deleted.", at=at, subtype="tombstone"))
    assert await kept(runtime) == [] and await count(runtime, HelpReplyRow) == 0


async def test_an_edit_after_its_writer_was_erased_does_not_bring_her_words_back(
        slack: SlackClient, help_channel: None, runtime: Runtime) -> None:
    # A red team's (stop 46): `prepbot privacy delete` blanked the words but kept the link
    # to her message, and her next edit wrote them back.
    question = post("the projector says no signal")
    await slack.event(question)
    await slack.stub.wait_for("chat.postMessage")
    async with runtime.sessions() as session, session.begin():
        await delete_person(session, runtime.bot.privacy, "slack", TEACHER)

    await slack.event(edited(question, "the projector in room 12 says no signal"))

    assert await kept(runtime) == [""] and await asked(runtime) == [""]
