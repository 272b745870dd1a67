"""Slack payloads as the core's vocabulary."""

from __future__ import annotations

from adapters.slack import inbound
from bot.vocabulary import Action, Submission


def test_a_dm_is_a_message_in_a_direct_conversation() -> None:
    body = {"event_id": "Ev1", "event": {"type": "message", "channel_type": "im",
                                         "channel": "D1", "user": "U1", "text": "hi"}}
    found = inbound.direct_message(body, "UBOT")
    assert found is not None
    message, where = found
    assert message.person.platform == "slack" and message.person.user_id == "U1"
    assert message.conversation.kind == "direct" and message.conversation.id == "D1"
    assert message.event_id == "Ev1" and where.channel == "D1"
    assert inbound.read_ref(message.conversation.ref) == ("D1", "")


def test_channel_messages_and_bots_are_not_dms() -> None:
    event = {"type": "message", "channel_type": "channel", "channel": "C1", "user": "U1"}
    assert inbound.direct_message({"event": event}, "UBOT") is None
    bot = {"type": "message", "channel_type": "im", "channel": "D1", "user": "U2",
           "bot_id": "B2", "text": "beep"}
    assert inbound.direct_message({"event": bot}, "UBOT") is None


def test_a_mention_loses_the_bots_mention_keeps_others_and_its_thread() -> None:
    body = {"event_id": "Ev2", "event": {"type": "app_mention", "channel": "C1", "user": "U1",
                                         "text": "<@UBOT> projector <@U9|ann> again",
                                         "ts": "2.0", "thread_ts": "1.0"}}
    found = inbound.mention(body, "UBOT")
    assert found is not None
    message, where = found
    assert message.text == "projector <@U9|ann> again"
    assert message.conversation.kind == "channel" and where.thread_ts == "1.0"
    assert inbound.read_ref(message.conversation.ref) == ("C1", "1.0")


def test_a_slash_command_is_a_command_with_no_event_id() -> None:
    command, where = inbound.command({"command": "/Ticket", "text": " printer ",
                                      "user_id": "U1", "channel_id": "C1",
                                      "response_url": "https://hooks", "trigger_id": "t1"})
    assert (command.name, command.text, command.event_id) == ("ticket", "printer", None)
    assert where.response_url == "https://hooks" and where.trigger_id == "t1"


def test_a_radio_choice_is_an_action_with_the_chosen_value() -> None:
    body = {"type": "block_actions", "user": {"id": "U1"}, "channel": {"id": "C1"},
            "actions": [{"type": "radio_buttons", "action_id": "pulse.q1",
                         "selected_option": {"value": "4"}}]}
    found = inbound.action(body)
    assert found is not None and found[0] == Action(
        person=found[0].person, conversation=found[0].conversation, action_id="pulse.q1",
        value="4")


def test_a_click_in_app_home_is_answered_in_the_dm() -> None:
    body = {"type": "block_actions", "user": {"id": "U1"}, "container": {"type": "view"},
            "actions": [{"type": "button", "action_id": "tickets.view", "value": "4"}]}
    found = inbound.action(body)
    assert found is not None
    assert found[1].channel == "" and found[0].conversation.id == "U1"


def test_a_submission_carries_context_and_where_it_was_opened() -> None:
    body = {"type": "view_submission", "user": {"id": "U1"}, "view": {
        "callback_id": "tickets.reply", "private_metadata": '{"context":"41","ref":'
        '"{\\"channel\\":\\"C7\\",\\"thread_ts\\":\\"5.0\\"}"}',
        "state": {"values": {"text": {"text": {"type": "plain_text_input", "value": "ok"}}}}}}
    submission, where = inbound.submission(body)
    assert isinstance(submission, Submission)
    assert (submission.form_id, submission.context) == ("tickets.reply", "41")
    assert dict(submission.values) == {"text": "ok"}
    assert (where.channel, where.thread_ts) == ("C7", "5.0")


def test_the_message_shortcut_is_a_ticket_command() -> None:
    command, where = inbound.shortcut({"user": {"id": "U1"}, "channel": {"id": "C1"},
                                       "message": {"text": "the printer is on fire"},
                                       "response_url": "https://hooks"})
    assert (command.name, command.text) == ("ticket", "the printer is on fire")
    assert where.ephemeral_only
