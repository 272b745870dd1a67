"""Teams attachments: files sent to the bot in a personal chat, and images pasted into a message.

- A file sent in a personal chat (the manifest's `supportsFiles`) arrives as an attachment of
  type `application/vnd.microsoft.teams.file.download.info`; its `content.downloadUrl` is a
  pre-authenticated OneDrive link, good for a few minutes: fetched at once, with no token.
- An image pasted into the compose box (in any chat or channel) arrives as `image/*` with a
  `contentUrl` on the Bot Connector (`.../v3/attachments/{id}/views/original`): read with the
  bot's own token, through botbuilder's connector client for the activity's serviceUrl, so
  the token goes nowhere botbuilder would not send it.
- The `text/html` copy of the message and cards are not files, and are skipped.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

from botbuilder.schema import Activity
from msrest.exceptions import HttpOperationError

from adapters.downloads import download
from bot.attachments import FetchFailed, TooBig
from bot.vocabulary import Attachment

FILE_DOWNLOAD = "application/vnd.microsoft.teams.file.download.info"
# v3 is the Bot Connector's attachments API; older clients still send Skype's v1 objects.
KEPT = re.compile(r"/v[13]/(?:attachments|objects)/(?P<id>[^/?#]+)/views/(?P<view>[^/?#]+)")
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def attachments_of(activity: Activity) -> tuple[Attachment, ...]:
    """The files and pasted images of a message activity (nothing downloaded yet)."""
    found = []
    for item in activity.attachments or []:
        kind, content = item.content_type or "", item.content
        if kind == FILE_DOWNLOAD and isinstance(content, dict) and content.get("downloadUrl"):
            ref: dict[str, Any] = {"download": str(content["downloadUrl"])}
        elif kind.startswith("image/") and item.content_url:
            ref = {"kept": str(item.content_url), "service": str(activity.service_url or "")}
        else:
            continue
        found.append(Attachment(name=str(item.name or "pasted image"),
                                media_type="" if kind in (FILE_DOWNLOAD, "image/*") else kind,
                                ref=json.dumps(ref, separators=(",", ":"))))
    return tuple(found)


class TeamsFiles:
    """The core's Fetcher for Teams (see the module's docstring)."""

    platform = "teams"

    def __init__(self, adapter: Any, app_id: str) -> None:
        self.adapter = adapter  # botbuilder's CloudAdapter
        self.app_id = app_id

    async def fetch(self, attachment: Attachment, limit: int) -> bytes:
        """The file's bytes; TooBig past `limit`, FetchFailed when Teams will not give it."""
        try:
            ref = json.loads(attachment.ref)
        except ValueError as error:
            raise FetchFailed("not a Teams attachment reference") from error
        if "download" in ref:
            url = str(ref["download"])
            parts = urlsplit(url)
            if parts.scheme != "https" and parts.hostname not in LOOPBACK:
                raise FetchFailed("a file link that is not HTTPS")
            return await download(url, limit)
        found = KEPT.search(str(ref.get("kept", "")))
        if found is None or not ref.get("service"):
            raise FetchFailed("not a Bot Connector attachment")
        view = found["view"] if "/attachments/" in found.group(0) else "original"
        return await self._kept(str(ref["service"]), found["id"], view, limit)

    async def _kept(self, service_url: str, attachment_id: str, view: str, limit: int) -> bytes:
        """Read an attachment the Bot Connector keeps, with the bot's token."""
        claims = self.adapter.create_claims_identity(self.app_id)
        factory = self.adapter.bot_framework_authentication.create_connector_factory(claims)
        client = await factory.create(service_url, None)
        body = bytearray()

        def collect(chunk: bytes, _: object) -> None:  # msrest hands chunks to a callback
            body.extend(chunk)
            if len(body) > limit:
                raise TooBig()

        try:
            stream = await client.attachments.get_attachment(attachment_id, view,
                                                             callback=collect)
            async for _ in stream:
                pass
        except (HttpOperationError, OSError) as error:
            raise FetchFailed(type(error).__name__) from error
        return bytes(body)
