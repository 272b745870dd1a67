"""Where prepbot may speak on Slack: whether a DM is the person's own with prepbot, and whether
prepbot is in a channel (the manifest asks no chat:write.public, so it may post only where it
was added). Slack is asked within a second, before the acknowledgement; unknown is no."""

from __future__ import annotations

import asyncio
import logging
import time

from aiohttp import ClientError
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

log = logging.getLogger(__name__)
WAIT = 1.0  # seconds to ask Slack, before the acknowledgement
# A yes is believed this long: prepbot may be removed from a channel, and a replica that did
# not get Slack's `channel_left` learns it here (a red team's, stop 54, set a ticket route in
# a channel prepbot had been removed from, on a yes remembered for ever).
IN_CHANNEL_SECONDS = 600.0
LEFT = ("channel_left", "group_left", "channel_archive", "group_archive")  # events saying so
FAILED = (SlackApiError, TimeoutError, OSError, ClientError)


class Places:
    """What prepbot knows of the conversations people write to it from."""

    def __init__(self, client: AsyncWebClient) -> None:
        self.client = client
        self.own_dms: dict[str, str] = {}  # user -> their DM with prepbot, once seen or asked
        self.joined: dict[str, float] = {}  # channel -> when prepbot was last known in it
        self.left_at: dict[str, float] = {}  # channel -> when Slack said it left (epoch)

    def heard_in(self, channel: str, sent_at: float | None = None) -> None:
        """Slack sent a channel's message: only the channels prepbot is in send them, unless
        it was sent before prepbot left (an event Slack tries again after its `channel_left`:
        a red team's, stop 54)."""
        if sent_at is not None and sent_at <= self.left_at.get(channel, 0.0):
            return
        self.joined[channel] = time.monotonic()

    def heard_dm(self, user_id: str, channel: str) -> None:
        """Slack sent a DM to prepbot: its own DMs are the only ones that send them."""
        self.own_dms[user_id] = channel

    def left(self, channel: str, at: float | None = None) -> None:
        """prepbot was removed from a channel, or it was archived (at that time, if said)."""
        self.joined.pop(channel, None)
        if at is not None:
            self.left_at[channel] = max(at, self.left_at.get(channel, 0.0))

    async def in_channel(self, channel: str) -> bool:
        """Whether prepbot is in a channel, so that it may post there."""
        since = self.joined.get(channel)
        if since is not None and time.monotonic() - since < IN_CHANNEL_SECONDS:
            return True
        try:
            found = await asyncio.wait_for(self.client.conversations_info(channel=channel), WAIT)
        except FAILED as error:
            log.warning("could not tell whether prepbot is in a channel: %s",
                        type(error).__name__)
            return False
        if not (found.get("channel") or {}).get("is_member"):
            self.left(channel)
            return False
        self.left_at.pop(channel, None)  # in it again
        self.heard_in(channel)
        return True

    async def in_own_dm(self, user_id: str, channel: str) -> bool:
        """Whether a DM is the person's with prepbot: known from their DMs to it, else asked of
        Slack once."""
        if user_id not in self.own_dms:
            try:
                opened = await asyncio.wait_for(self.client.conversations_open(users=user_id),
                                                WAIT)
            except FAILED as error:
                log.warning("could not tell whose DM this came from: %s", type(error).__name__)
                return False
            self.own_dms[user_id] = str((opened.get("channel") or {}).get("id", ""))
        return self.own_dms[user_id] == channel
