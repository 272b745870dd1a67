"""Files that arrive with a message: fetched through their platform, checked, cleaned.

Adapters translate a platform's file into an Attachment and add a Fetcher for their platform
(Slack downloads `url_private` with the bot token, Teams through the Bot Connector). The core
fetches before it opens the turn's transaction (a download is slow; SQLite's writer must not
wait on it), refuses what is too big, not a picture or unreadable, and strips what remains
(bot/attachments/images.py). A refused file changes nothing else about the message.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from typing import Protocol, TypeVar

from bot.attachments.images import Refused, allowed_formats, clean
from bot.attachments.models import AttachmentRow
from bot.attachments.notes import MOST_FILES, note
from bot.blocks import Reply
from bot.vocabulary import Attachment, Incoming, Message

log = logging.getLogger(__name__)
In = TypeVar("In", bound=Incoming)


class TooBig(Exception):
    """The file has more bytes than may be downloaded."""


class FetchFailed(Exception):
    """The platform would not give the file (gone, no permission, unreachable)."""


class Fetcher(Protocol):
    """How the core gets a platform's file: adapters implement it."""

    platform: str

    async def fetch(self, attachment: Attachment, limit: int) -> bytes:
        """The file's bytes; TooBig past `limit` bytes, FetchFailed when it cannot be had."""


class Receiver:
    """The platforms' fetchers, the limits, and the work of turning files into pictures."""

    def __init__(self, most_bytes: int, types: str) -> None:
        self.most_bytes = most_bytes
        self.types = types
        self.formats = allowed_formats(types)
        self.fetchers: dict[str, Fetcher] = {}

    def add(self, fetcher: Fetcher) -> None:
        """Fetch `fetcher.platform`'s files through this fetcher from now on."""
        self.fetchers[fetcher.platform] = fetcher

    async def receive(self, incoming: In) -> In:
        """The incoming event with each attachment cleaned (its bytes) or refused (why)."""
        if not incoming.attachments:
            return incoming
        platform = incoming.person.platform
        done = [await self._one(platform, a) if n < MOST_FILES else _refuse(a, "too_many")
                for n, a in enumerate(incoming.attachments)]
        return dataclasses.replace(incoming, attachments=tuple(done))

    def note(self, incoming: Incoming, kept: list[AttachmentRow]) -> Reply | None:
        """What to tell the sender about their files, after the turn's own replies."""
        return note(incoming.attachments, kept, only_files(incoming), self.most_bytes,
                    self.types)

    async def _one(self, platform: str, attachment: Attachment) -> Attachment:
        if attachment.size is not None and attachment.size > self.most_bytes:
            return _refuse(attachment, "too_big")
        try:
            data = attachment.data or await self._fetch(platform, attachment)
            if len(data) > self.most_bytes:
                raise Refused("too_big")
            picture = await asyncio.to_thread(clean, data, self.formats)  # CPU: off the loop
        except Refused as refused:
            log.info("a shared file was not kept: %s", refused.reason)
            return _refuse(attachment, refused.reason)
        return dataclasses.replace(attachment, data=picture.data, media_type=picture.media_type,
                                   size=len(picture.data), refused="")

    async def _fetch(self, platform: str, attachment: Attachment) -> bytes:
        fetcher = self.fetchers.get(platform)
        if fetcher is None or not attachment.ref:
            raise Refused("download")
        try:
            return await fetcher.fetch(attachment, self.most_bytes)
        except TooBig as error:
            raise Refused("too_big") from error
        except FetchFailed as error:
            log.warning("a %s file could not be downloaded: %s", platform, error)
            raise Refused("download") from error


def only_files(incoming: Incoming) -> bool:
    """A file shared with no words: nothing for a feature to answer yet."""
    return bool(incoming.attachments) and isinstance(incoming, Message) and \
        not incoming.text.strip()


def _refuse(attachment: Attachment, reason: str) -> Attachment:
    return dataclasses.replace(attachment, data=b"", refused=reason)
