"""Slack files shared with a message: translated for the core, downloaded with the bot token.

A `message` event (the `file_share` subtype) or an `app_mention` carries `files`: each has
an id, a name, a mimetype, a size and `url_private_download` (or only an id and
`file_access: check_file_info`, when files.info must be asked). Downloading needs the bot
token as a Bearer header and the `files:read` scope; without the scope Slack answers with a
sign-in page, which is refused. The token is only ever sent to Slack's own hosts.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.downloads import download
from bot.attachments import FetchFailed
from bot.vocabulary import Attachment

log = logging.getLogger(__name__)
SLACK_HOSTS = (".slack.com", ".slack-gov.com")  # files.slack.com, files.slack-gov.com


def attachments_of(event: Mapping[str, Any]) -> tuple[Attachment, ...]:
    """The files of a message event as the core's Attachments (nothing downloaded yet)."""
    found = []
    for item in event.get("files") or []:
        if not isinstance(item, Mapping) or not item.get("id"):
            continue
        url = item.get("url_private_download") or item.get("url_private") or ""
        size = item.get("size")
        found.append(Attachment(
            name=str(item.get("name") or item.get("title") or ""),
            media_type=str(item.get("mimetype") or ""),
            size=size if isinstance(size, int) else None,
            ref=json.dumps({"id": str(item["id"]), "url": str(url)}, separators=(",", ":"))))
    return tuple(found)


class SlackFiles:
    """The core's Fetcher for Slack: url_private with the bot token, files.info when needed."""

    platform = "slack"

    def __init__(self, client: AsyncWebClient) -> None:
        self.client = client
        api = urlsplit(client.base_url)
        self.api_origin = (api.scheme, api.netloc)  # SLACK_API_URL: Slack, or a local stub

    async def fetch(self, attachment: Attachment, limit: int) -> bytes:
        """The file's bytes (see the module's docstring)."""
        try:
            ref = json.loads(attachment.ref)
            file_id, url = str(ref["id"]), str(ref.get("url") or "")
        except (ValueError, KeyError, TypeError) as error:
            raise FetchFailed("not a Slack file reference") from error
        url = url or await self._url_of(file_id)
        if not self.trusted(url):
            raise FetchFailed("not a Slack file address")
        try:
            return await download(url, limit, {"Authorization": f"Bearer {self.client.token}"})
        except FetchFailed as error:
            if "web page" in str(error):
                log.warning("Slack sent a sign-in page for a shared file: does the app have "
                            "the files:read scope? (deploy/slack/manifest.yml)")
            raise

    def trusted(self, url: str) -> bool:
        """True for Slack's own HTTPS hosts (or the configured API's origin, for a stub)."""
        parts = urlsplit(url)
        if (parts.scheme, parts.netloc) == self.api_origin:
            return True
        host = parts.hostname or ""
        return parts.scheme == "https" and any(host.endswith(end) for end in SLACK_HOSTS)

    async def _url_of(self, file_id: str) -> str:
        """Ask files.info for a file the event described only by its id."""
        try:
            found = await self.client.files_info(file=file_id)
        except SlackApiError as error:
            raise FetchFailed(f"files.info: {error.response.get('error')}") from error
        item = found.get("file") or {}
        return str(item.get("url_private_download") or item.get("url_private") or "")
