"""Socket Mode: Slack over an outbound WebSocket, for school networks with no inbound traffic."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable

from aiohttp import web
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp

log = logging.getLogger(__name__)
RETRY_SECONDS = (1.0, 2.0, 5.0, 15.0, 30.0)  # back off while Slack (or the network) is away

Context = Callable[[web.Application], AsyncIterator[None]]


async def keep_connected(handler: AsyncSocketModeHandler) -> None:
    """Connect, retrying with back-off; once connected, slack_sdk reconnects by itself."""
    attempt = 0
    while True:
        try:
            await handler.connect_async()  # type: ignore[no-untyped-call]
            log.info("Slack Socket Mode connected")
            return
        except Exception as error:  # any failure to connect: log and try again later
            delay = RETRY_SECONDS[min(attempt, len(RETRY_SECONDS) - 1)]
            log.warning("Slack Socket Mode could not connect (%s); retrying in %.0f s",
                        type(error).__name__, delay)
            attempt += 1
            await asyncio.sleep(delay)


def socket_mode_context(app: AsyncApp, app_token: str) -> Context:
    """An aiohttp cleanup context that holds the Socket Mode connection while serving."""
    async def run(_: web.Application) -> AsyncIterator[None]:
        # The handler uses the bolt app's client, so SLACK_API_URL applies here too.
        handler = AsyncSocketModeHandler(app, app_token=app_token)
        connecting = asyncio.create_task(keep_connected(handler))
        yield
        connecting.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await connecting
        await handler.close_async()  # type: ignore[no-untyped-call]

    return run
