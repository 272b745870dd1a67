"""Answering an activity the inbox kept across a crash: no request waits any more, so the
replies go out proactively, through the conversation reference stored with the arrival."""

from __future__ import annotations

import json

from adapters.teams.inbound import PLATFORM
from adapters.teams.messenger import TeamsMessenger
from bot.blocks import Reply
from bot.inbox import Responder
from bot.vocabulary import Person


def responder(messenger: TeamsMessenger) -> Responder:
    """The Bot's responder for Teams."""
    async def respond(reply_to: str, replies: list[Reply]) -> None:
        stored = json.loads(reply_to)
        for reply in replies:
            if reply.reaction:  # a bot cannot react to a Teams message
                continue
            if reply.private and stored.get("shared"):  # not for a channel to read
                await messenger.dm(Person(platform=PLATFORM, user_id=stored["user"]), reply)
            else:
                await messenger.send_to(stored["ref"], reply)
    return respond
