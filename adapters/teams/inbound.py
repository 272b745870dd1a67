"""Bot Framework activities -> the core's vocabulary (Person, Conversation, Message, ...)."""

from __future__ import annotations

import hashlib
import html
import json
import re
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from botbuilder.core import TurnContext
from botbuilder.schema import Activity

from adapters.teams.files import attachments_of
from bot.vocabulary import (
    Action,
    AnyIncoming,
    Command,
    Conversation,
    ConversationKind,
    Hearing,
    Message,
    Origin,
    Person,
    Revision,
    Submission,
)

PLATFORM = "teams"
EXECUTE = "adaptiveCard/action"  # the invoke name of Action.Execute (Universal Actions)
RESERVED = {"action_id", "value", "value_from", "form_id", "context", "msteams"}
AT_TAG = re.compile(r"</?at>", re.IGNORECASE)
SPACES = re.compile(r"\s+")
MAX_VALUE = 4000  # longer card values are cut: nothing the core routes on is that long
THREAD = ";messageid="  # a channel conversation's id: the channel's, then its first message's
BOT_ID = "28:"  # how every bot's id starts in Teams


def person_of(activity: Activity) -> Person:
    """Who sent the activity: the Teams user id, their name, a time zone when valid, and
    the locale Teams reports for them (activity.locale)."""
    sender = activity.from_property
    return Person(platform=PLATFORM, user_id=str(sender.id), display_name=sender.name or "",
                  tz=valid_tz(activity.local_timezone), locale=(activity.locale or "")[:16])


def valid_tz(name: str | None) -> str | None:
    """An IANA time zone name this machine knows, else None (the core computes with it)."""
    if not name:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return name


def tenant_of(activity: Activity) -> str:
    """The tenant id: botbuilder drops conversation.tenantId, channelData keeps it."""
    data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    tenant = data.get("tenant") or {}
    return str(tenant.get("id", "")) if isinstance(tenant, dict) else ""


def reference_json(activity: Activity) -> str:
    """The botbuilder ConversationReference as plain JSON, with the tenant written back in."""
    reference = TurnContext.get_conversation_reference(activity).serialize()
    reference.pop("activityId", None)  # a reference names a conversation, not one message
    if not is_personal(activity):
        # A channel's reference outlives whoever spoke last there: it keeps no person.
        reference.pop("user", None)
    tenant = tenant_of(activity)
    if tenant:  # Teams' own key; botbuilder's model spells it tenantID and loses it
        reference.setdefault("conversation", {})["tenantId"] = tenant
    return json.dumps(reference, separators=(",", ":"), sort_keys=True)


def is_personal(activity: Activity) -> bool:
    """A 1:1 chat with the bot, only when every sign agrees: its type (older channel
    activities carry none), not a group, an id that is not a thread's ("19:..."), and no team
    or channel in `channelData`. Anything else is shared, so that nothing meant for one
    person is sent where others read (a red team's, stop 54: "personal" on a channel's
    activity put a coach's queue in the channel)."""
    conversation = activity.conversation
    data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    return (conversation.conversation_type in ("personal", None) and not conversation.is_group
            and not str(conversation.id).startswith("19:")
            and not data.get("team") and not data.get("channel"))


def conversation_of(activity: Activity) -> Conversation:
    """Where the activity happened: a personal chat is "direct", anything else a channel."""
    kind: ConversationKind = "direct" if is_personal(activity) else "channel"
    channel, _, _ = str(activity.conversation.id).partition(THREAD)
    return Conversation(platform=PLATFORM, id=str(activity.conversation.id), kind=kind,
                        ref=reference_json(activity),
                        channel=channel if channel != activity.conversation.id else "")


def event_id(activity: Activity) -> str | None:
    """A key for dropping retries; Teams ids are unique per conversation only, so hash both."""
    if not activity.id:
        return None
    raw = f"{activity.conversation.id}\n{activity.id}".encode()
    return hashlib.sha256(raw).hexdigest()[:40]


def origin_of(activity: Activity, event: str | None = None) -> Origin:
    """The who, where and which event every incoming kind shares."""
    return Origin(person=person_of(activity), conversation=conversation_of(activity),
                  event_id=event if event is not None else event_id(activity))


def mentions_bot(activity: Activity) -> bool:
    """Whether the message @mentions the bot."""
    bot_id = activity.recipient.id if activity.recipient else None
    return any(entity.type == "mention" and ((getattr(entity, "additional_properties", None)
                                               or {}).get("mentioned") or {}).get("id") == bot_id
               for entity in activity.entities or [])


def hearing(activity: Activity) -> tuple[Hearing, str]:
    """How a message reached the bot, and its thread. With resource-specific consent
    (ChannelMessage.Read.Group) Teams sends every message of a team's channels: one without
    a mention was overheard, a new post when it is its thread's first message."""
    kind = activity.conversation.conversation_type
    if kind not in ("channel", None) or is_personal(activity) or mentions_bot(activity):
        return "addressed", ""
    first = str(activity.conversation.id).partition(THREAD)[2] or str(activity.id or "")
    return ("post" if first == activity.id else "reply"), first


def revision(activity: Activity) -> Revision | None:
    """A channel message edited (`messageUpdate`: its new text, stamped with the update's
    time) or deleted (`messageDelete`: no text); None for anything else."""
    if activity.type not in ("messageUpdate", "messageDelete") or not activity.id \
            or activity.conversation is None or is_personal(activity) \
            or activity.conversation.conversation_type not in ("channel", None):
        return None
    if activity.type == "messageDelete":
        return Revision(where=conversation_of(activity), message_id=str(activity.id), text=None)
    # Every Teams update is its writer's; one sent without its time is taken as of now.
    stamp = activity.timestamp if isinstance(activity.timestamp, datetime) \
        and activity.timestamp.tzinfo else datetime.now(UTC)
    return Revision(where=conversation_of(activity), message_id=str(activity.id),
                    text=text_without_mention(activity), edited_at=stamp.astimezone(UTC))


def text_without_mention(activity: Activity) -> str:
    """The typed text with the bot's @mention removed and other mentions left as names."""
    text = activity.text or ""
    bot_id = activity.recipient.id if activity.recipient else None
    for entity in activity.entities or []:
        extra = getattr(entity, "additional_properties", None) or {}
        mentioned = extra.get("mentioned") or {}
        if entity.type == "mention" and mentioned.get("id") == bot_id and extra.get("text"):
            text = text.replace(str(extra["text"]), " ")
    text = html.unescape(AT_TAG.sub("", text))
    return SPACES.sub(" ", text).strip()


def mentioned(activity: Activity) -> tuple[Person, ...]:
    """The people a message @mentions besides the bot, by the ids Teams gives them, each with
    the name as the text shows it (a coach may shorten "Priya Patel" to "Priya": a red
    team's, stop 50, saw that mention skipped and "Priya" taken for another teacher)."""
    bot_id = activity.recipient.id if activity.recipient else None
    people = []
    for entity in activity.entities or []:
        extra = getattr(entity, "additional_properties", None) or {}
        mention = extra.get("mentioned") or {}
        user_id, shown = mention.get("id"), extra.get("text") or mention.get("name")
        shown = html.unescape(AT_TAG.sub("", shown)).strip() if isinstance(shown, str) else ""
        if entity.type == "mention" and isinstance(user_id, str) and user_id and shown \
                and user_id != bot_id:
            people.append(Person(platform=PLATFORM, user_id=user_id, display_name=shown))
    return tuple(people)


def from_card(data: Any, origin: Origin) -> Action | Submission | None:
    """Card data (Action.Submit or Action.Execute) as a core Action or Submission."""
    if not isinstance(data, dict):
        return None
    if isinstance(data.get("form_id"), str):
        values = {str(k): _text(v) for k, v in data.items() if k not in RESERVED}
        return Submission(form_id=data["form_id"], values=values,
                          context=_text(data.get("context", "")), **origin)
    if isinstance(data.get("action_id"), str):
        source = data.get("value_from")  # a standalone Choice: its input carries the value
        value = data.get(source) if isinstance(source, str) else data.get("value", "")
        return Action(action_id=data["action_id"], value=_text(value), **origin)
    return None


def _text(value: Any) -> str:
    if value is None:
        return ""
    return (value if isinstance(value, str) else json.dumps(value))[:MAX_VALUE]


def from_message(activity: Activity) -> AnyIncoming | None:
    """A typed message (mention removed; a bare "help" is /prepbot help), with the files and
    pasted images it carries, or a card submit."""
    origin = origin_of(activity)
    if activity.value is not None:
        return from_card(activity.value, origin)
    text = text_without_mention(activity)
    files = attachments_of(activity)
    if not text and not files:
        return None
    heard, thread = hearing(activity)
    # A 1:1 chat's edits and deletions never reach prepbot: no id to follow them by.
    message_id = "" if is_personal(activity) else str(activity.id or "")
    if heard != "addressed":  # another bot's message is never anything to prepbot
        bot = str(activity.from_property.id).startswith(BOT_ID)
        return None if bot else Message(text=text, heard=heard, thread=thread,
                                        message_id=message_id, **origin)
    if text.lower() == "help":
        return Command(name="prepbot", text="help", attachments=files, **origin)
    return Message(text=text, attachments=files, message_id=message_id,
                   mentioned=mentioned(activity), **origin)


def from_execute(activity: Activity) -> Action | Submission | None:
    """An Action.Execute invoke: its data is the same as an Action.Submit's."""
    value = activity.value if isinstance(activity.value, dict) else {}
    action = value.get("action")
    data = action.get("data") if isinstance(action, dict) else None
    return from_card(data, origin_of(activity))


def bot_was_added(activity: Activity) -> bool:
    """True for a conversationUpdate adding the bot, or an installationUpdate "add"."""
    if activity.type == "installationUpdate":
        return (activity.action or "").startswith("add")
    bot_id = activity.recipient.id if activity.recipient else None
    return any(member.id == bot_id for member in activity.members_added or [])


def greeting(activity: Activity) -> Command:
    """The install greeting (`/prepbot start`: what prepbot can do, and for an admin the
    first-run checklist); both install activities share one key, so it is sent once."""
    key = hashlib.sha256(f"install\n{activity.conversation.id}".encode()).hexdigest()[:40]
    return Command(name="prepbot", text="start", **origin_of(activity, key))
