"""GET /attachments/{signed link}: kept pictures, for Slack, Teams and the playground page.

Slack and Teams fetch a card's images without prepbot's credentials, so the link itself is
the permission: signed with the server secret, naming one picture (its id and nonce) and an
expiry (bot/attachments/links.py). Any replica serves any link, since the pictures are in the
shared database and every replica has the same secret.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from aiohttp import web

from bot.app import Bot
from bot.attachments.links import opened
from bot.attachments.store import picture

if TYPE_CHECKING:
    from adapters.runtime import Runtime

TOKEN = re.compile(r"^[0-9]+\.[A-Za-z0-9_-]{8,32}\.[0-9]{9,12}\.[A-Za-z0-9_=-]{16,40}$")
Handler = Callable[[web.Request], Awaitable[web.Response]]


def serving(bot_of: Callable[[web.Request], Bot]) -> Handler:
    """The handler for a picture link, served from the database of whichever Bot `bot_of` finds
    (the playground may run a demo world of its own)."""

    async def serve(request: web.Request) -> web.Response:
        bot = bot_of(request)
        token = request.match_info["token"]
        now = bot.clock.now()
        found = opened(bot.secret, token, now) if TOKEN.match(token) else None
        if found is None:  # forged, changed or expired: the same answer, nothing to learn
            raise web.HTTPNotFound()
        attachment_id, nonce, expires = found
        async with bot.readers() as session:  # a read: never waits on the writer
            row = await picture(session, attachment_id, nonce)
        if row is None:  # erased, or expired with its ticket
            raise web.HTTPNotFound()
        seconds = max(0, int((expires - now).total_seconds()))
        return web.Response(body=row.data, content_type=row.media_type, headers={
            "Cache-Control": f"private, max-age={min(seconds, 3600)}",
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'; sandbox",
            "Referrer-Policy": "no-referrer"})

    return serve


def add_routes(app: web.Application, runtime: Runtime) -> None:
    """Mount the picture route for the runtime's Bot."""
    app.router.add_get("/attachments/{token}", serving(lambda _: runtime.bot))
