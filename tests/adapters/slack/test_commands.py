"""Slash commands, the ticket modal and its submission, and the message shortcut."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from adapters.runtime import Runtime
from bot.features.tickets.models import TicketRow
from bot.people.models import ConversationRow
from tests.adapters.slack.conftest import CHANNEL, TEACHER, SlackClient, buttons, texts


async def tickets(runtime: Runtime) -> list[TicketRow]:
    """Every stored ticket."""
    async with runtime.sessions() as session:
        return list((await session.execute(select(TicketRow))).scalars())


async def test_ask_is_acknowledged_and_answered_in_channel(slack: SlackClient) -> None:
    status, body = await slack.command("/ask", "the projector says no signal")
    assert status == 200 and body == ""
    [answer] = await slack.stub.wait_for("response_url")
    assert answer.params["response_type"] == "in_channel"
    assert answer.params["replace_original"] is False
    assert "Yes" in [b["text"]["text"] for b in buttons(answer.params["blocks"])]
    assert slack.stub.of("chat.postMessage") == [], "a command answers on its response_url"


async def test_prepbot_help_is_ephemeral(slack: SlackClient) -> None:
    await slack.command("/prepbot", "help")
    [answer] = await slack.stub.wait_for("response_url")
    assert answer.params["response_type"] == "ephemeral"
    assert "/ticket" in texts(answer.params["blocks"])


async def test_an_unknown_command_gets_a_friendly_reply(slack: SlackClient) -> None:
    await slack.command("/teleport", "me to the beach")
    [answer] = await slack.stub.wait_for("response_url")
    assert answer.params["response_type"] == "ephemeral"
    assert "I don't know the command `/teleport`" in answer.params["text"]


async def test_ask_with_no_text_opens_the_knowledge_base_to_browse(slack: SlackClient) -> None:
    await slack.command("/ask")
    [answer] = await slack.stub.wait_for("response_url")
    assert answer.params["response_type"] == "ephemeral"
    assert "Pick an area, or search" in answer.params["text"]


async def test_ticket_alone_opens_the_modal(slack: SlackClient) -> None:
    await slack.command("/ticket")
    [opened] = await slack.stub.wait_for("views.open")
    assert opened.params["trigger_id"].startswith("trigger-")
    view = opened.params["view"]
    assert view["type"] == "modal" and view["callback_id"] == "tickets.new"
    kinds = {b["block_id"]: b["element"]["type"] for b in view["blocks"] if b["type"] == "input"}
    assert kinds["text"] == "plain_text_input" and kinds["urgency"] == "static_select"
    text_input = next(b for b in view["blocks"] if b.get("block_id") == "text")
    assert text_input["element"]["multiline"] is True
    assert slack.stub.of("response_url") == []


def submitted(view: dict[str, Any], values: dict[str, str]) -> dict[str, Any]:
    """The view_submission Slack sends back for a modal the stub received."""
    state: dict[str, Any] = {}
    for block in view["blocks"]:
        if block["type"] != "input":
            continue
        element, name = block["element"], block["block_id"]
        value = values.get(name)
        if element["type"] == "static_select":
            chosen = {"value": value} if value else element.get("initial_option")
            state[name] = {name: {"type": "static_select", "selected_option": chosen}}
        else:
            state[name] = {name: {"type": element["type"], "value": value}}
    return {"type": "view_submission", "user": {"id": TEACHER}, "team": {"id": "T1"},
            "trigger_id": "trigger-submit",
            "view": {**view, "id": "V1", "state": {"values": state}}}


async def test_the_submitted_modal_opens_a_ticket_and_says_so(slack: SlackClient,
                                                              runtime: Runtime) -> None:
    await slack.command("/ticket", channel="DUTEACHER")
    [opened] = await slack.stub.wait_for("views.open")
    payload = submitted(opened.params["view"], {"text": "The hall printer jams", "room": "12"})
    status, _ = await slack.interact(payload)
    assert status == 200
    [ticket] = await tickets(runtime)
    assert ticket.text == "The hall printer jams" and ticket.room == "12"
    [told] = await slack.stub.wait_for("chat.postMessage")
    assert told.params["channel"] == "DUTEACHER", "answered where the form was opened"
    assert f"Ticket #{ticket.id} is open" in told.params["text"]
    await slack.interact(payload)  # the same form submitted twice: still one ticket
    assert len(await tickets(runtime)) == 1


async def test_the_message_shortcut_opens_a_ticket_privately(slack: SlackClient,
                                                             runtime: Runtime) -> None:
    payload = {"type": "message_action", "callback_id": "prepbot.ticket_from_message",
               "user": {"id": TEACHER}, "team": {"id": "T1"}, "channel": {"id": CHANNEL},
               "trigger_id": "trigger-shortcut", "response_url": slack.stub.response_url("sc"),
               "message": {"type": "message", "user": "UOTHER", "ts": "1700000000.000200",
                           "text": "The smartboard in room 9 is dead again"}}
    status, _ = await slack.interact(payload)
    assert status == 200
    [ticket] = await tickets(runtime)
    assert "smartboard in room 9" in ticket.text
    [told] = await slack.stub.wait_for("response_url")
    assert told.params["response_type"] == "ephemeral"
    assert f"#{ticket.id}" in told.params["text"]


async def test_the_message_shortcut_in_a_group_dm_is_kept_to_its_doer(
        slack: SlackClient, runtime: Runtime) -> None:
    # A red team's (stop 53): the shortcut skipped the check commands and clicks pass, and
    # prepbot stored a group DM it is not in as a channel it may post in.
    payload = {"type": "message_action", "callback_id": "prepbot.ticket_from_message",
               "user": {"id": TEACHER}, "team": {"id": "T1"},
               "channel": {"id": "G0GROUPDM", "name": "mpdm-uteacher--ulee--ukim-1"},
               "trigger_id": "trigger-shortcut", "response_url": slack.stub.response_url("sc"),
               "message": {"type": "message", "user": "ULEE", "ts": "1700000000.000200",
                           "text": "The smartboard in room 9 is dead again"}}
    await slack.interact(payload)
    [told] = await slack.stub.wait_for("response_url")
    assert told.params["response_type"] == "ephemeral" and "is open" in told.params["text"]
    async with runtime.sessions() as session:
        kinds = set((await session.execute(select(ConversationRow.kind).where(
            ConversationRow.conversation_id == "G0GROUPDM"))).scalars())
    assert kinds == {"between_people"}


async def test_a_typed_ticket_command_shows_the_form_in_the_message(
        slack: SlackClient, runtime: Runtime) -> None:
    await slack.dm("/ticket")  # typed, so Slack gave no trigger to open a modal with
    [offer] = await slack.stub.wait_for("chat.postEphemeral")
    assert offer.params["channel"] == "DUTEACHER" and offer.params["user"] == TEACHER
    assert slack.stub.of("views.open") == []
    kinds = {b["block_id"]: b["element"]["type"] for b in offer.params["blocks"]
             if b["type"] == "input"}
    assert kinds["text"] == "plain_text_input" and kinds["urgency"] == "static_select"
    status, _ = await slack.fill_in(offer.params["blocks"], {"text": "The hall printer jams"})
    assert status == 200
    [ticket] = await tickets(runtime)
    assert ticket.text == "The hall printer jams"
    [told] = await slack.stub.wait_for("chat.postMessage")
    assert told.params["channel"] == "DUTEACHER" and f"Ticket #{ticket.id}" in told.params["text"]
