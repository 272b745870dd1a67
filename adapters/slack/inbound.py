"""Slack payloads translated into the core's vocabulary (and where to answer them)."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from adapters.slack import modals
from adapters.slack.blockkit import SUBMIT_FORM, core_action_id
from adapters.slack.files import attachments_of
from bot.vocabulary import (
    Action,
    Command,
    Conversation,
    ConversationKind,
    Incoming,
    Message,
    Origin,
    Person,
    Submission,
)

In = TypeVar("In", bound=Incoming)
PLATFORM = "slack"
TICKET_SHORTCUT = "prepbot.ticket_from_message"  # the callback_id in deploy/slack/manifest.yml
# Subtypes that are still a person typing to us; edits, joins, deletions and bots are not.
TYPED_SUBTYPES = {None, "file_share", "thread_broadcast"}
MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
CHANNEL_TYPES = {"channel", "group"}  # message.channels and message.groups

Payload = Mapping[str, Any]


@dataclass(frozen=True)
class Where:
    """Where and how to answer one incoming payload."""

    channel: str = ""
    thread_ts: str = ""
    user_id: str = ""
    response_url: str = ""
    trigger_id: str = ""
    # Answer only the person acting: a message shortcut, a click on a message only they see,
    # a form (a modal) they submitted from a channel.
    ephemeral_only: bool = False
    shared: bool = False  # the clicked message is one everyone in its channel sees


TICKET_REACTION = "ticket"  # the 🎫 emoji


def person(user_id: str, name: str = "") -> Person:
    """A Slack user as the core's Person."""
    return Person(platform=PLATFORM, user_id=user_id, display_name=name)


def ref_of(channel: str, thread_ts: str = "") -> str:
    """The opaque reference the core stores: the channel and thread, as small JSON."""
    found = {"channel": channel, "thread_ts": thread_ts} if thread_ts else {"channel": channel}
    return json.dumps(found, separators=(",", ":"))


def read_ref(ref: str) -> tuple[str, str]:
    """Channel and thread_ts back from a reference ('' for what it does not hold)."""
    try:
        found = json.loads(ref) if ref else {}
    except json.JSONDecodeError:
        return "", ""
    if not isinstance(found, dict):
        return "", ""
    return str(found.get("channel", "")), str(found.get("thread_ts", ""))


def conversation(channel: str, direct: bool, thread_ts: str = "", name: str = ""
                 ) -> Conversation:
    """A Slack channel (or IM) as the core's Conversation; `name` as a command or a click
    gives it: a group DM, or a private channel prepbot is not in, is one prepbot cannot post
    in (`elsewhere`)."""
    kind: ConversationKind = "between_people" if elsewhere(name) else (
        "direct" if direct else "channel")
    return Conversation(platform=PLATFORM, id=channel, kind=kind, ref=ref_of(channel, thread_ts))


def elsewhere(name: str) -> bool:
    """Whether Slack names the channel as one prepbot is not in: a group DM ("mpdm-...": its
    messages never reach prepbot) or a private channel it was not invited to, which Slack
    names only "privategroup" (a red team's, stop 53: ticket routes were set in both)."""
    return name == "privategroup" or name.startswith("mpdm-")


def _origin(user_id: str, name: str, where: Conversation, event_id: str | None) -> Origin:
    return Origin(person=person(user_id, name), conversation=where, event_id=event_id)


def is_typed(event: Payload, bot_user_id: str | None) -> bool:
    """True for a message a person typed: not a bot, not an edit, join or deletion, not ours."""
    if event.get("bot_id") or event.get("bot_profile") or not event.get("user"):
        return False
    if event.get("subtype") not in TYPED_SUBTYPES:
        return False
    return event.get("user") != bot_user_id


def direct_message(body: Payload, bot_user_id: str | None) -> tuple[Message, Where] | None:
    """A `message.im` event as a Message, or None when it is not a person typing to us."""
    event = body.get("event") or {}
    if event.get("channel_type") != "im" or not is_typed(event, bot_user_id):
        return None
    channel, thread = str(event.get("channel", "")), str(event.get("thread_ts", ""))
    origin = _origin(str(event["user"]), "", conversation(channel, True, thread),
                     body.get("event_id"))
    where = Where(channel=channel, thread_ts=thread, user_id=str(event["user"]))
    return Message(text=str(event.get("text", "")), attachments=attachments_of(event),
                   **origin), where


def overheard(body: Payload, bot_user_id: str | None) -> tuple[Message, Where] | None:
    """A message read in a channel the bot is in, not addressed to it (`message.channels`,
    `message.groups`): a new post, or a reply in a thread. One that mentions the bot comes
    again as `app_mention` and is answered there, so it is not taken twice."""
    event = body.get("event") or {}
    if event.get("channel_type") not in CHANNEL_TYPES or not is_typed(event, bot_user_id):
        return None
    text = str(event.get("text", ""))
    if any(found.group(1) == bot_user_id for found in MENTION.finditer(text)):
        return None
    channel, ts = str(event.get("channel", "")), str(event.get("ts", ""))
    thread = str(event.get("thread_ts") or ts)
    origin = _origin(str(event["user"]), "", conversation(channel, False, thread),
                     body.get("event_id"))
    where = Where(channel=channel, thread_ts=thread, user_id=str(event["user"]))
    return Message(text=text, heard="post" if thread == ts else "reply", thread=thread,
                   message_id=ts, **origin), where


def without_mention(text: str, bot_user_id: str | None) -> str:
    """The text without the bot's own @mention; other people mentioned stay as they were
    ("<@U0123> and I both see no signal" is about someone)."""
    def keep_others(found: re.Match[str]) -> str:
        return "" if bot_user_id is None or found.group(1) == bot_user_id else found.group(0)
    return " ".join(MENTION.sub(keep_others, text).split())


def mention(body: Payload, bot_user_id: str | None) -> tuple[Message, Where] | None:
    """An `app_mention` as a Message (the mention removed), answered in a thread."""
    event = body.get("event") or {}
    if not is_typed(event, bot_user_id):
        return None
    channel = str(event.get("channel", ""))
    thread = str(event.get("thread_ts") or event.get("ts") or "")
    text = without_mention(str(event.get("text", "")), bot_user_id)
    # Keyed by the message, not the event: Slack sends `app_mention` again, under a new
    # event id, each time the message is edited; one message is one question.
    key = f"mention:{channel}:{event['ts']}" if event.get("ts") else body.get("event_id")
    origin = _origin(str(event["user"]), "", conversation(channel, channel.startswith("D"),
                                                          thread), key)
    where = Where(channel=channel, thread_ts=thread, user_id=str(event["user"]))
    # Edits and deletions reach prepbot from channels only: a DM's mention has no id to keep.
    message_id = "" if channel.startswith("D") else str(event.get("ts", ""))
    return Message(text=text, attachments=attachments_of(event), message_id=message_id,
                   **origin), where


def command(body: Payload) -> tuple[Command, Where]:
    """A slash command (`/ask the projector...`) as a Command; Slack gives it no event id."""
    channel, user_id = str(body.get("channel_id", "")), str(body.get("user_id", ""))
    channel_name = str(body.get("channel_name", ""))
    direct = channel.startswith("D") or channel_name == "directmessage"
    origin = _origin(user_id, "", conversation(channel, direct, name=channel_name), None)
    name = str(body.get("command", "")).lstrip("/").lower()
    where = Where(channel=channel, user_id=user_id, response_url=str(body.get("response_url", "")),
                  trigger_id=str(body.get("trigger_id", "")))
    return Command(name=name, text=str(body.get("text", "")).strip(), **origin), where


def among_others(incoming: In) -> In:
    """Something done in a DM between people, not with prepbot: others read it, and prepbot
    cannot post in it."""
    return dataclasses.replace(incoming, conversation=dataclasses.replace(
        incoming.conversation, kind="between_people"))


def _container(body: Payload) -> tuple[str, str]:
    """The channel and thread of the message a button sat on ('' for a modal or App Home)."""
    channel = str((body.get("channel") or {}).get("id", "")) or str(
        (body.get("container") or {}).get("channel_id", ""))
    message = body.get("message") or {}
    return channel, str(message.get("thread_ts", ""))


def action(body: Payload) -> tuple[Action, Where] | None:
    """The first action of a `block_actions` payload (a click or a radio choice)."""
    actions = body.get("actions") or []
    if not actions:
        return None
    first = actions[0]
    value = first.get("value")
    if value is None and first.get("selected_option"):
        value = first["selected_option"].get("value")
    user_id = str((body.get("user") or {}).get("id", ""))
    channel, thread = _container(body)
    # Interactive payloads carry no event id, and a double click is two payloads with two
    # trigger ids: duplicates are the core's business (it keys tickets on the question).
    name = str((body.get("channel") or {}).get("name", ""))
    where_conv = conversation(channel or user_id, channel.startswith("D") or not channel, thread,
                              name)
    origin = _origin(user_id, "", where_conv, None)
    ephemeral = bool((body.get("container") or {}).get("is_ephemeral"))
    where = Where(channel=channel, thread_ts=thread, user_id=user_id,
                  response_url=str(body.get("response_url", "")),
                  trigger_id=str(body.get("trigger_id", "")), ephemeral_only=ephemeral,
                  shared=bool(channel) and not channel.startswith("D") and not ephemeral)
    incoming = Action(action_id=core_action_id(str(first.get("action_id", ""))),
                      value=str(value or ""), **origin)
    return incoming, where


def inputs_of(body: Payload) -> dict[str, tuple[str, bool]]:
    """The input blocks of the clicked message: block_id -> (label, required)."""
    message = body.get("message") or {}
    found: dict[str, tuple[str, bool]] = {}
    for block in message.get("blocks") or []:
        if isinstance(block, Mapping) and block.get("type") == "input" and block.get("block_id"):
            label = (block.get("label") or {}).get("text", "")
            found[str(block["block_id"])] = (str(label), not block.get("optional", False))
    return found


def form_submission(body: Payload) -> tuple[Submission, Where, list[str]] | None:
    """A form's Submit button inside a message, as the Submission its modal would give.

    The values come from the payload's `state.values`; the labels of required fields left
    empty come back too (Slack checks `optional` only in modals, not in messages).
    """
    found = action(body)
    if found is None or found[0].action_id != SUBMIT_FORM:
        return None
    clicked, where = found
    try:
        packed = json.loads(clicked.value or "{}")
    except json.JSONDecodeError:
        return None
    if not isinstance(packed, dict) or not isinstance(packed.get("form_id"), str):
        return None
    fields = inputs_of(body)
    given = modals.values(body, fields.keys() if fields else None)
    missing = [label for name, (label, required) in fields.items()
               if required and not given.get(name, "").strip()]
    incoming = Submission(form_id=packed["form_id"], values=given,
                          context=str(packed.get("context", "")), person=clicked.person,
                          conversation=clicked.conversation, event_id=None)
    return incoming, where, missing


def submission(body: Payload) -> tuple[Submission, Where]:
    """A `view_submission` as a Submission, answered where the form was opened (in a channel,
    to its sender alone: what they typed in the form was theirs)."""
    view = body.get("view") or {}
    user_id = str((body.get("user") or {}).get("id", ""))
    context, ref = modals.unpack(str(view.get("private_metadata", "")))
    channel, thread = read_ref(ref)
    where_conv = conversation(channel or user_id, channel.startswith("D") or not channel, thread)
    origin = _origin(user_id, "", where_conv, None)
    where = Where(channel=channel, thread_ts=thread, user_id=user_id,
                  trigger_id=str(body.get("trigger_id", "")),
                  ephemeral_only=bool(channel) and not channel.startswith("D"))
    incoming = Submission(form_id=str(view.get("callback_id", "")),
                          values=modals.values(view), context=context, **origin)
    return incoming, where


def shortcut(body: Payload) -> tuple[Command, Where]:
    """"Open a ticket from this message": `/ticket` with the message's text."""
    user_id = str((body.get("user") or {}).get("id", ""))
    channel = str((body.get("channel") or {}).get("id", ""))
    name = str((body.get("channel") or {}).get("name", ""))
    message = body.get("message") or {}
    origin = _origin(user_id, "", conversation(channel, channel.startswith("D"), name=name), None)
    where = Where(channel=channel, user_id=user_id, response_url=str(body.get("response_url", "")),
                  trigger_id=str(body.get("trigger_id", "")), ephemeral_only=True)
    return Command(name="ticket", text=str(message.get("text", "")).strip(), **origin), where


def reaction(body: Payload) -> tuple[str, str, str, str | None] | None:
    """A :ticket: reaction on a message: (channel, message ts, who reacted, event id)."""
    event = body.get("event") or {}
    item = event.get("item") or {}
    if event.get("reaction") != TICKET_REACTION or item.get("type") != "message":
        return None
    return (str(item.get("channel", "")), str(item.get("ts", "")), str(event.get("user", "")),
            str(body.get("event_id")) if body.get("event_id") else None)


def reaction_ticket(channel: str, user_id: str, text: str,
                    event_id: str | None) -> tuple[Command, Where]:
    """The reacted-to message becomes `/ticket <its text>`, answered only to who reacted."""
    origin = _origin(user_id, "", conversation(channel, channel.startswith("D")), event_id)
    where = Where(channel=channel, user_id=user_id, ephemeral_only=True)
    return Command(name="ticket", text=text.strip(), **origin), where
