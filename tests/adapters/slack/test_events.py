"""Events API over real HTTP: DMs, mentions, retries, bots ignored, url_verification, Home."""

from __future__ import annotations

from adapters.runtime import Runtime
from tests.adapters.slack.conftest import (
    CHANNEL,
    DM,
    TEACHER,
    SlackClient,
    buttons,
    stored_questions,
    texts,
)
from tests.support.signing import json_body
from tests.support.slack_stub import BOT_USER


async def test_a_dm_question_is_answered_with_steps_and_did_this_help(slack: SlackClient) -> None:
    status, _ = await slack.dm("the projector says no signal")
    assert status == 200
    [posted] = await slack.stub.wait_for("chat.postMessage")
    params = posted.params
    assert params["channel"] == DM and not params.get("thread_ts")
    assert params["text"].strip(), "every message has a fallback text"
    assert "1. " in texts(params["blocks"]), "the steps are numbered"
    labels = [b["text"]["text"] for b in buttons(params["blocks"])]
    assert "Yes" in labels and "No" in labels
    assert [b["action_id"] for b in buttons(params["blocks"])][:2] == [
        "answers.helpful.yes", "answers.helpful.no"]


async def test_a_mention_is_answered_in_its_thread(slack: SlackClient) -> None:
    event = {"type": "app_mention", "channel": CHANNEL, "user": TEACHER,
             "text": f"<@{BOT_USER}> the projector says no signal", "ts": "1700000300.000100"}
    await slack.event(event)
    [posted] = await slack.stub.wait_for("chat.postMessage")
    assert posted.params["channel"] == CHANNEL
    assert posted.params["thread_ts"] == "1700000300.000100"
    assert "Yes" in [b["text"]["text"] for b in buttons(posted.params["blocks"])]


async def test_an_event_retried_three_times_is_answered_once(slack: SlackClient,
                                                             runtime: Runtime) -> None:
    event = {"type": "message", "channel_type": "im", "channel": DM, "user": TEACHER,
             "text": "the projector says no signal", "ts": "1700000400.000001"}
    for retry in (None, 1, 2):
        status, _ = await slack.event(event, event_id="EvSAME", retry=retry)
        assert status == 200
    assert len(slack.stub.of("chat.postMessage")) == 1
    assert await stored_questions(runtime) == 1


async def test_a_mention_edited_after_it_was_answered_is_not_taken_again(
        slack: SlackClient, runtime: Runtime) -> None:
    # Slack sends `app_mention` again, under a new event id, when the message is edited: a
    # typo fixed in "@prepbot ticket ..." opened a second ticket (a red team's lead, stop 45).
    first = {"type": "app_mention", "channel": CHANNEL, "user": TEACHER,
             "text": f"<@{BOT_USER}> the projector says no signal", "ts": "1700000300.000200"}
    await slack.event(first)
    await slack.event({**first, "text": first["text"] + " in room 12",
                       "edited": {"user": TEACHER, "ts": "1700000310.000000"}})
    assert len(slack.stub.of("chat.postMessage")) == 1 and await stored_questions(runtime) == 1
    # A message edited to mention prepbot for the first time is answered.
    await slack.event({**first, "ts": "1700000320.000300",
                       "edited": {"user": TEACHER, "ts": "1700000330.000000"}})
    assert len(await slack.stub.wait_for("chat.postMessage", 2)) == 2


async def test_bot_messages_edits_and_joins_are_ignored(slack: SlackClient,
                                                        runtime: Runtime) -> None:
    await slack.dm("the projector says no signal", bot_id="BOTHER")
    await slack.dm("the projector says no signal", subtype="message_changed")
    await slack.dm("joined", subtype="channel_join")
    await slack.dm("the projector says no signal", user=BOT_USER)
    assert slack.stub.of("chat.postMessage") == []
    assert await stored_questions(runtime) == 0
    await slack.dm("the projector says no signal")  # the control: a person is answered
    await slack.stub.wait_for("chat.postMessage")


async def test_url_verification_is_answered(slack: SlackClient) -> None:
    body = {"type": "url_verification", "token": "x", "challenge": "c-123"}
    status, text = await slack.post(*json_body(body))
    assert status == 200 and "c-123" in text


async def test_app_home_shows_the_teachers_tickets_and_help(slack: SlackClient) -> None:
    await slack.event({"type": "app_home_opened", "user": TEACHER, "channel": DM,
                       "tab": "home"})
    [published] = await slack.stub.wait_for("views.publish")
    assert published.params["user_id"] == TEACHER
    view = published.params["view"]
    assert view["type"] == "home"
    shown = texts(view["blocks"])
    assert "You have no tickets" in shown and "/ask" in shown


async def test_the_messages_tab_does_not_publish_home(slack: SlackClient) -> None:
    await slack.event({"type": "app_home_opened", "user": TEACHER, "channel": DM,
                       "tab": "messages"})
    assert slack.stub.of("views.publish") == []


async def test_a_private_answer_to_a_click_in_a_channel_never_replaces_the_message_there(
        slack: SlackClient) -> None:
    # A third red team's (stop 43): "Request Blooket" under a public answer replaced that
    # answer, for the whole channel, with the requester's private "Thanks: ... requested".
    await slack.event({"type": "app_mention", "channel": CHANNEL, "user": TEACHER,
                       "text": f"<@{BOT_USER}> can I use Blooket in my class?",
                       "ts": "1700000500.000100"})
    [answer] = await slack.stub.wait_for("chat.postMessage")
    request = next(b for b in buttons(answer.params["blocks"])
                   if "Blooket" in b["text"]["text"])
    await slack.click(request, channel=CHANNEL, user="UCOLLEAGUE")
    [thanks] = slack.stub.of("response_url")
    assert "Blooket is in the register" in thanks.params["text"]
    assert thanks.params["response_type"] == "ephemeral"
    assert not thanks.params.get("replace_original")


async def test_a_private_answer_to_a_click_on_an_ephemeral_message_replaces_it(
        slack: SlackClient) -> None:
    await slack.command("/ask", "can I use Blooket in my class?", channel=CHANNEL)
    [card] = slack.stub.of("response_url")
    request = next(b for b in buttons(card.params["blocks"]) if "Blooket" in b["text"]["text"])
    await slack.click(request, channel=CHANNEL, ephemeral=True)
    thanks = slack.stub.of("response_url")[-1]
    assert "Blooket is in the register" in thanks.params["text"]
    assert thanks.params["replace_original"] is True
