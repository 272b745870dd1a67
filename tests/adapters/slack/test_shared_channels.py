"""What a teacher does in a channel others read stays theirs: a ticket opened there, by
command or form, is confirmed to them alone, a question naming a student typed as a command
is answered to them alone, and no "me too" offer is posted there.

A fourth red team's (stop 43): `/ticket` in #general was answered `in_channel` (which shows
the channel the command as typed), a form opened there was confirmed there, and the answer
to an @mention there carried "Others at your school reported something like this: ticket #1"
with a button whose answer replaced it for everyone.
"""

from __future__ import annotations

from datetime import time

from adapters.runtime import Runtime
from bot.schools.service import save_school
from tests.adapters.slack.conftest import CHANNEL, TEACHER, SlackClient, buttons, texts
from tests.adapters.slack.test_commands import submitted
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
