"""Help-channel fixtures: a #tech-help channel, a teacher and a coach who speak in it."""

from __future__ import annotations

import itertools
import uuid

import pytest
from sqlalchemy import select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Reply
from bot.features.helpchannels.models import HelpReplyRow, HelpThreadRow
from bot.vocabulary import Command, Conversation, Message, Person

TECH_HELP = Conversation(platform="console", id="tech-help", kind="channel")
LIBRARY = Conversation(platform="console", id="library", kind="channel")


class Channel:
    """People talking in channels the bot can read; threads are numbered like timestamps."""

    def __init__(self, chat: ConsoleChat) -> None:
        self.chat = chat
        self.ids = itertools.count(1)
        self.thread = ""  # the last post's thread

    async def post(self, text: str, as_: Person, where: Conversation = TECH_HELP,
                   thread: str = "") -> list[Reply]:
        """A new top-level message, nobody mentioned."""
        thread = self.thread = thread or f"1700000000.{next(self.ids):06d}"
        return await self._say(Message(text=text, heard="post", thread=thread, person=as_,
                                       conversation=where, event_id=str(uuid.uuid4())))

    async def reply(self, thread: str, text: str, as_: Person,
                    where: Conversation = TECH_HELP) -> list[Reply]:
        """A reply in a thread, nobody mentioned."""
        return await self._say(Message(text=text, heard="reply", thread=thread, person=as_,
                                       conversation=where, event_id=str(uuid.uuid4())))

    async def command(self, text: str, as_: Person, where: Conversation = TECH_HELP
                      ) -> list[Reply]:
        """`/prepbot channel help <text>` typed in the channel."""
        return await self._say(Command(name="prepbot", text=f"channel help {text}".strip(),
                                       person=as_, conversation=where,
                                       event_id=str(uuid.uuid4())))

    async def _say(self, incoming: Message | Command) -> list[Reply]:
        if isinstance(incoming, Message) and not await self.chat.bot.overhears(incoming):
            return []  # what an adapter does: not even stored
        return await self.chat.send(incoming)


@pytest.fixture
def channel(chat: ConsoleChat) -> Channel:
    """Channels to talk in."""
    return Channel(chat)


@pytest.fixture
async def help_on(channel: Channel, coach: Person) -> None:
    """#tech-help is a help channel (quiet when unsure)."""
    [said] = await channel.command("on", coach)
    assert "I'll read new questions" in said.text


async def kept_threads(runtime: Runtime) -> list[HelpThreadRow]:
    """The questions kept from help channels."""
    async with runtime.sessions() as session:
        return list((await session.execute(select(HelpThreadRow).order_by(HelpThreadRow.id)))
                    .scalars())


async def kept_replies(runtime: Runtime) -> list[HelpReplyRow]:
    """Coaches' replies kept from help threads."""
    async with runtime.sessions() as session:
        return list((await session.execute(select(HelpReplyRow).order_by(HelpReplyRow.id)))
                    .scalars())
