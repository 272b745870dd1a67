"""The small, typed vocabulary every adapter speaks to the core."""

from __future__ import annotations

import base64
import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, TypedDict

# "direct": a person's own DM with prepbot; "channel": a conversation prepbot is in, with
# others; "between_people": a DM among people that prepbot is not in (a command typed there
# reaches it, but it can answer only the one who typed and never post there).
ConversationKind = Literal["direct", "channel", "between_people"]
# How a message reached the bot: typed to it (a DM, a mention, a command), or read in a
# channel it watches without being addressed: a new top-level "post", or a "reply" in a thread.
Hearing = Literal["addressed", "post", "reply"]


@dataclass(frozen=True, kw_only=True)
class Person:
    """Someone on a platform: who sent a message, or who we want to reach."""

    platform: str
    user_id: str
    display_name: str = ""
    tz: str | None = None
    # A guest of the workspace or tenant (a visitor, a student teacher), as the platform says.
    guest: bool = False
    # The platform's locale for this person ("es-ES", "en-US"), when it says; "" otherwise.
    locale: str = ""
    # The whole name the platform's directory holds (Slack's real name), when the name they go
    # by may be shorter ("Jen A."); "" otherwise. The masker knows colleagues by it.
    full_name: str = ""
    # The work address a staff directory lists (Slack's profile.email, with the
    # users:read.email scope); "" otherwise. Kept in memory for the masker, never stored.
    email: str = field(default="", repr=False)

    @property
    def key(self) -> str:
        """The `platform:user_id` form that settings such as PREPBOT_ADMINS use."""
        return f"{self.platform}:{self.user_id}"


@dataclass(frozen=True, kw_only=True)
class Conversation:
    """Where a message came from; `ref` is opaque to the core and owned by the adapter."""

    platform: str
    id: str
    kind: ConversationKind = "direct"
    ref: str = ""
    # The channel itself, when `id` names one thread of it (a platform that keys threads as
    # conversations of their own); "" when `id` is already the channel.
    channel: str = ""

    @property
    def channel_id(self) -> str:
        """The channel this conversation is in (itself, unless it is one of its threads)."""
        return self.channel or self.id


@dataclass(frozen=True, kw_only=True)
class Attachment:
    """A file shared with a message (a screenshot, a photo of an error screen).

    An adapter gives either the bytes (`data`, when they came with the request, as in the
    playground) or `ref`, opaque to the core, that the platform's fetcher downloads them with
    (bot/attachments/receiving.py). The core checks the bytes, cleans and stores them; `refused`
    says why it did not keep one.
    """

    name: str = ""
    media_type: str = ""  # what the platform says it is; the core believes only the bytes
    size: int | None = None  # as the platform declared it, before any download
    ref: str = ""
    data: bytes = b""
    refused: str = ""


class Origin(TypedDict):
    """Who, where and which event: the fields every incoming kind shares, for `**origin`."""

    person: Person
    conversation: Conversation
    event_id: str | None


@dataclass(frozen=True, kw_only=True)
class Incoming:
    """What every incoming kind carries: who, where, and the platform's event id."""

    person: Person
    conversation: Conversation
    event_id: str | None = None
    attachments: tuple[Attachment, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Message(Incoming):
    """Free text typed to the bot, or overheard in a channel it watches."""

    text: str
    heard: Hearing = "addressed"
    thread: str = ""  # an overheard message's thread: the platform's id of its first message
    # The platform's id of this message itself, by which its edits and deletions come back
    # (Bot.revised); "" where the platform never sends them.
    message_id: str = ""
    # People the text @mentions by name, as the platform identified them (Teams), so that two
    # colleagues who share a name can be told apart; Slack's mentions are in the text itself.
    mentioned: tuple[Person, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Revision:
    """A message its writer edited (`text`: what it now says) or deleted (`text` None) where
    it was written, by its conversation and the platform's id of the message. `edited_at`
    is when the platform says the edit was made (None where it does not, or for a change
    that is not the writer's, such as a link's preview): a platform sends a refused edit
    again later, and an older edit must not undo a newer one."""

    where: Conversation
    message_id: str
    text: str | None
    edited_at: datetime | None = None


@dataclass(frozen=True, kw_only=True)
class Command(Incoming):
    """A slash command (or a command word typed in Teams): name without slash, and its text."""

    name: str
    text: str = ""
    mentioned: tuple[Person, ...] = ()  # as in Message


@dataclass(frozen=True, kw_only=True)
class Action(Incoming):
    """A button click: which button, and the value it carried."""

    action_id: str
    value: str = ""


@dataclass(frozen=True, kw_only=True)
class Submission(Incoming):
    """A submitted form: which form, and its values by input name."""

    form_id: str
    values: Mapping[str, str] = field(default_factory=dict)
    context: str = ""


AnyIncoming = Message | Command | Action | Submission
KINDS: dict[str, type[Incoming]] = {k.__name__: k for k in (Message, Command, Action, Submission)}


def incoming_to_json(incoming: AnyIncoming) -> str:
    """An incoming event as JSON, to keep in the inbox until it is handled."""
    return json.dumps({"kind": type(incoming).__name__, **dataclasses.asdict(incoming)},
                      separators=(",", ":"), default=_bytes_as_text)


def _bytes_as_text(value: object) -> str:
    if isinstance(value, bytes):  # an attachment's bytes
        return base64.b64encode(value).decode()
    raise TypeError(f"{type(value).__name__} is not JSON")


def incoming_from_json(text: str) -> AnyIncoming:
    """The incoming event `incoming_to_json` wrote."""
    data = json.loads(text)
    kind = KINDS[data.pop("kind")]
    data["person"] = Person(**data["person"])
    data["conversation"] = Conversation(**data["conversation"])
    data["attachments"] = tuple(Attachment(**{**a, "data": base64.b64decode(a.get("data", ""))})
                                for a in data.get("attachments", ()))
    if "mentioned" in data:
        data["mentioned"] = tuple(Person(**p) for p in data["mentioned"])
    found = kind(**data)
    assert isinstance(found, Message | Command | Action | Submission)
    return found
