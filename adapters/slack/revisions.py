"""Slack's edits and deletions of channel messages, as the core's `Revision`."""

from __future__ import annotations

from datetime import UTC, datetime

from adapters.slack.inbound import CHANNEL_TYPES, Payload, conversation
from bot.vocabulary import Revision


def revision(body: Payload) -> Revision | None:
    """A channel message edited (`message_changed`: its new text, and `edited.ts` when its
    writer changed it) or deleted (`message_deleted`, or a thread's first message left as a
    tombstone: no text)."""
    event = body.get("event") or {}
    if event.get("channel_type") not in CHANNEL_TYPES:
        return None
    where = conversation(str(event.get("channel", "")), False)
    if event.get("subtype") == "message_deleted" and event.get("deleted_ts"):
        return Revision(where=where, message_id=str(event["deleted_ts"]), text=None)
    message = event.get("message")
    if event.get("subtype") != "message_changed" or not isinstance(message, dict) \
            or not message.get("ts") or message.get("bot_id"):
        return None
    gone = message.get("subtype") == "tombstone"
    return Revision(where=where, message_id=str(message["ts"]),
                    text=None if gone else str(message.get("text", "")),
                    edited_at=_edited_at(message.get("edited")))


def _edited_at(edited: object) -> datetime | None:
    # Only the writer's own edit carries `edited`; a link's preview filled in does not.
    try:
        stamp = float(edited.get("ts", "")) if isinstance(edited, dict) else None
    except ValueError:
        return None
    return datetime.fromtimestamp(stamp, UTC) if stamp is not None and 0 < stamp < 1e11 \
        else None
