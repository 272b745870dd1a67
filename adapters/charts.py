"""GET /charts/{token}.png: the pulse charts the core stored, for Slack, Teams and the page.

The token is 192 random bits, so the URL is the capability (Slack and Teams fetch images
without our credentials); a chart holds totals only, shown at or above the threshold.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from aiohttp import web

from bot.charts import chart_png

if TYPE_CHECKING:
    from adapters.runtime import Runtime

TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def add_routes(app: web.Application, runtime: Runtime) -> None:
    """Mount the chart route."""

    async def chart(request: web.Request) -> web.Response:
        token = request.match_info["token"]
        if not TOKEN.match(token):
            raise web.HTTPNotFound()
        async with runtime.bot.readers() as session:  # a read: never waits on the writer
            png = await chart_png(session, token)
        if png is None:
            raise web.HTTPNotFound()
        return web.Response(body=png, content_type="image/png", headers={
            # A token's bytes never change; "private" because the URL is the capability, and a
            # district's shared proxy must not keep (and answer) it for a day.
            "Cache-Control": "private, max-age=86400, immutable",
            "X-Content-Type-Options": "nosniff"})

    app.router.add_get("/charts/{token}.png", chart)
