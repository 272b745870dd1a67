"""What a teacher does in a channel others read stays theirs: a ticket opened there, by
command or form, is confirmed to them alone, a question naming a student typed as a command
or an @mention is answered to them alone, so is a form sent from there or from a message only
they see, and no "me too" offer is posted there.

A fourth red team's (stop 43): `/ticket` in #general was answered `in_channel` (which shows
the channel the command as typed), a form opened there was confirmed there, and the answer
to an @mention there carried "Others at your school reported something like this: ticket #1"
with a button whose answer replaced it for everyone.
"""

from __future__ import annotations

from datetime import time

from adapters.runtime import Runtime
from bot.schools.service import save_school
from tests.adapters.slack.conftest import (
    CHANNEL,
    DM,
    TEACHER,
    SlackClient,
    buttons,
    state_of,
    texts,
)
from tests.adapters.slack.test_commands import submitted
from tests.support.signing import form_body
from tests.support.slack_stub import BOT_USER

LEE = "ULEE"
KEPT = "my student Jaden Wilks 448812 cannot log in"


async def test_a_ticket_command_in_a_channel_is_answered_to_its_sender_alone(
        slack: SlackClient) -> None:
    await slack.command("/ticket", KEPT, channel=CHANNEL)
    [answer] = slack.stub.of("response_url")
    assert "is open" in answer.params["text"] and answer.params["response_type"] == "ephemeral"


async def test_a_ticket_form_opened_in_a_channel_is_confirmed_to_its_sender_alone(
        slack: SlackClient) -> None:
    await slack.command("/ticket", channel=CHANNEL)
    [opened] = await slack.stub.wait_for("views.open")
    await slack.interact(submitted(opened.params["view"], {"text": KEPT}))
    assert not [c for c in slack.stub.of("chat.postMessage") if c.params["channel"] == CHANNEL]
    [told] = slack.stub.of("chat.postEphemeral")
    assert "is open" in told.params["text"] and told.params["user"] == TEACHER


async def test_an_answer_in_a_channel_offers_no_one_a_colleagues_ticket(
        slack: SlackClient, runtime: Runtime) -> None:
    async with runtime.sessions() as session, session.begin():
        await save_school(session, "Lincoln Elementary", "America/New_York", time(7, 30),
                          time(15, 0))
    for user in (TEACHER, LEE):
        await slack.dm("/prepbot school Lincoln Elementary", user=user)
    await slack.dm("/ticket the projector says no signal in room 12", user=LEE)
    before = len(slack.stub.of("chat.postMessage"))
    await slack.event({"type": "app_mention", "channel": CHANNEL, "user": TEACHER,
                       "text": f"<@{BOT_USER}> the projector says no signal",
                       "ts": "1700000300.000100"})
    answer = (await slack.stub.wait_for("chat.postMessage", before + 1))[-1].params
    assert answer["channel"] == CHANNEL and "No signal" in texts(answer["blocks"])
    assert "ticket #1" not in texts(answer["blocks"])
    assert not [b for b in buttons(answer["blocks"]) if "tickets.join" in b["action_id"]]


async def test_a_question_naming_a_student_typed_as_a_command_in_a_channel_is_answered_privately(
        slack: SlackClient) -> None:
    # Slack shows the channel a command's words, as typed, above an in_channel answer.
    await slack.command("/ask", "Jaden Wilks 448812 says the projector shows no signal",
                        channel=CHANNEL)
    await slack.command("/ask", "the projector says no signal", channel=CHANNEL)
    named, plain = slack.stub.of("response_url")
    assert "No signal" in texts(named.params["blocks"])
    assert named.params["response_type"] == "ephemeral"
    assert plain.params["response_type"] == "in_channel"  # colleagues still read the fix


async def test_a_mention_naming_a_student_in_a_channel_is_answered_privately(
        slack: SlackClient) -> None:
    # A red team's (stop 45): the answer to this @mention was posted to the channel with
    # "Request Jaden Wilks Chromebook" under it.
    await slack.event({"type": "app_mention", "channel": CHANNEL, "user": TEACHER,
                       "ts": "1700000500.000100", "text": f"<@{BOT_USER}> can I use Jaden "
                       "Wilks Chromebook for MAP testing? my student forgot his"})
    await slack.event({"type": "app_mention", "channel": CHANNEL, "user": TEACHER,
                       "ts": "1700000500.000200",
                       "text": f"<@{BOT_USER}> the projector says no signal"})
    [private] = slack.stub.of("chat.postEphemeral")
    assert private.params["channel"] == CHANNEL and private.params["user"] == TEACHER
    [public] = slack.stub.of("chat.postMessage")  # colleagues still read the plain fix
    assert "No signal" in texts(public.params["blocks"])
    assert "Jaden" not in str(public.params), "nothing of the named question in public"


async def open_reply_form(slack: SlackClient, expired_trigger: bool = False) -> None:
    """A teacher's ticket; in #general, `/tickets` (a list only she sees), "Open ticket",
    then "Add a reply": a modal, or with an expired trigger the form inside that message."""
    await slack.dm("/ticket the smartboard in room 12 stopped responding to touch")
    await slack.command("/tickets", channel=CHANNEL)
    [listed] = await slack.stub.wait_for("response_url")
    [view] = [b for b in buttons(listed.params["blocks"]) if "tickets.view" in b["action_id"]]
    await slack.click(view, channel=CHANNEL, ephemeral=True)
    shown = (await slack.stub.wait_for("response_url", 2))[-1]
    [answer] = [b for b in buttons(shown.params["blocks"]) if "tickets.answer" in b["action_id"]]
    if expired_trigger:
        slack.stub.refuse_next("views.open", "expired_trigger_id")
    await slack.click(answer, channel=CHANNEL, ephemeral=True)


async def test_a_reply_sent_from_a_form_opened_in_a_channel_is_confirmed_to_its_sender_alone(
        slack: SlackClient) -> None:
    # A red team's (stop 44): "Added to ticket #1" and what masking hid went to #general.
    await open_reply_form(slack)
    [opened] = await slack.stub.wait_for("views.open")
    await slack.interact(submitted(opened.params["view"],
                                   {"text": "still broken, my student Jaden Smith 448812"}))
    assert not [c for c in slack.stub.of("chat.postMessage") if c.params["channel"] == CHANNEL]
    [told] = slack.stub.of("chat.postEphemeral")
    assert "Added to ticket #1" in told.params["text"] and told.params["user"] == TEACHER


async def test_a_form_inside_a_message_only_its_sender_sees_is_answered_to_them_alone(
        slack: SlackClient) -> None:
    await open_reply_form(slack, expired_trigger=True)
    inline = (await slack.stub.wait_for("response_url", 3))[-1]
    assert inline.params["response_type"] == "ephemeral"
    [submit] = [b for b in buttons(inline.params["blocks"]) if b["action_id"] == "prepbot.submit"]
    message = {"type": "message", "ts": "1700000000.000009", "text": "",
               "blocks": inline.params["blocks"]}
    await slack.click(submit, CHANNEL, TEACHER, message,
                      state_of(inline.params["blocks"], {"text": "still broken for Jaden Smith"}),
                      ephemeral=True)
    added = [c.params for c in slack.stub.of("response_url")
             if "Added to ticket #1" in c.params["text"]]
    assert added and all(a["response_type"] == "ephemeral" for a in added)
    assert not [c for c in slack.stub.of("chat.postMessage") if c.params["channel"] == CHANNEL]


async def command_in_dm_with(slack: SlackClient, name: str, text: str, channel: str) -> None:
    """A slash command typed in a direct message, as Slack sends every one of them."""
    fields = {"command": name, "text": text, "user_id": TEACHER, "user_name": "teacher",
              "channel_id": channel, "channel_name": "directmessage", "team_id": "T1",
              "response_url": slack.stub.response_url(f"cmd{next(slack.ids)}"),
              "trigger_id": ""}
    await slack.post(*form_body(fields))


async def test_a_command_typed_in_a_dm_with_a_colleague_is_answered_as_in_a_channel(
        slack: SlackClient) -> None:
    # A red team's (stop 44): Slack calls a DM with a colleague "directmessage" too, and
    # both commands were answered in_channel, for the colleague to read.
    sent = (("/ask", "Jaden Wilks 448812 says the projector shows no signal", "DTEACHERANDLEE"),
            ("/ticket", "the laptop of my student Maya Chen 551234 is cracked", "DTEACHERANDLEE"),
            ("/ask", "Jaden Wilks 448812 says the projector is dark", DM))
    for count, (name, text, channel) in enumerate(sent, 1):
        await command_in_dm_with(slack, name, text, channel)
        await slack.stub.wait_for("response_url", count)  # one answer each, in order
    with_lee_ask, with_lee_ticket, with_prepbot = slack.stub.of("response_url")
    assert "is open" in with_lee_ticket.params["text"]
    assert [a.params["response_type"] for a in (with_lee_ask, with_lee_ticket)] == [
        "ephemeral", "ephemeral"]
    assert with_prepbot.params["response_type"] == "in_channel"  # the DM with prepbot itself


async def test_when_slack_is_slow_to_say_whose_dm_it_is_the_command_is_answered_privately(
        slack: SlackClient) -> None:
    # A red team's (stop 44): a rate-limited conversations.open held the acknowledgement
    # past Slack's three seconds (its retry slept Retry-After first). Now it waits at most a
    # second, and what it could not tell counts as shared.
    slack.stub.fail_next("conversations.open", 429, {"Retry-After": "30"})
    await command_in_dm_with(slack, "/ticket", "the projector in room 12 shows no signal", DM)
    [answer] = await slack.stub.wait_for("response_url")
    assert "is open" in answer.params["text"] and answer.params["response_type"] == "ephemeral"


async def test_what_is_done_in_a_dm_with_a_colleague_is_answered_to_its_doer_alone(
        slack: SlackClient) -> None:
    # A red team's (stop 44): "Open a ticket" under an answer posted in a DM with a colleague
    # was confirmed by a message into that DM, which Slack refuses to a bot not in it. The
    # clicks below are on a message both would see, as such an answer was before.
    await command_in_dm_with(slack, "/ask", "the projector shows no signal from my laptop",
                             "DTEACHERANDLEE")
    [answer] = await slack.stub.wait_for("response_url")
    assert answer.params["response_type"] == "ephemeral"  # the colleague asked prepbot nothing
    [no] = [b for b in buttons(answer.params["blocks"]) if b["text"]["text"] == "No"]
    await slack.click(no, channel="DTEACHERANDLEE")
    offer = (await slack.stub.wait_for("response_url", 2))[-1].params
    [ticket] = [b for b in buttons(offer["blocks"]) if "ticket" in b["action_id"]]
    await slack.click(ticket, channel="DTEACHERANDLEE")
    told = [c.params for c in slack.stub.of("response_url") if "is open" in c.params["text"]]
    assert told and all(t["response_type"] == "ephemeral" for t in told)
    assert not [c for c in slack.stub.of("chat.postMessage")
                if c.params["channel"] == "DTEACHERANDLEE"]
